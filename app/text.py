"""Small text helpers shared by the domains."""

from __future__ import annotations

import re
import unicodedata

# C0 and C1 controls, DEL and the two non-characters: XML 1.0 and PostgreSQL refuse some, no one types any
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ufffe\uffff]+")


def fold(text: str) -> str:
    """Lower-case and strip Vietnamese diacritics, so 'Đại hội' matches 'dai hoi'."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def one_line(text: str) -> str:
    """`text` with every run of control characters (NUL, newlines, tabs …) made one space."""
    return _CONTROL.sub(" ", text).strip()


def upload_filename(name: str | None) -> str:
    """A client's file name as it may be stored and shown: its last part, on one line, 200 characters."""
    base = re.split(r"[\\/]", name or "")[-1]
    return one_line(base)[-200:] or "upload"
