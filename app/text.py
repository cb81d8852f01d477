"""Small text helpers shared by the domains."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lower-case and strip Vietnamese diacritics, so 'Đại hội' matches 'dai hoi'."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))
