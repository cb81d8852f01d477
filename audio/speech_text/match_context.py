"""The text around a regex match, to read a number or a code by its context; and `_wrap`, the spoken-item marks."""

from __future__ import annotations

import re

from audio.speech_text.passes import CLOSE, OPEN


def _wrap(text: str) -> str:
    """Words already spoken, marked as one item (`passes.OPEN` … `CLOSE`) for the range and unit passes."""
    return f"{OPEN}{text}{CLOSE}"


def _head(match: re.Match[str], width: int = 80) -> str:
    """The text just before a match (its last `width` characters: context is local)."""
    start = match.start()
    return match.string[max(0, start - width): start].replace(OPEN, "").replace(CLOSE, "")


def _before(match: re.Match[str], words: int = 1) -> str:
    """The lowercased words just before a match, to read it in context ("tháng 4" -> "tháng tư")."""
    head = _head(match).lower().replace("(", " ( ")
    return " ".join(head.split()[-words:])


def _after(match: re.Match[str], width: int = 200) -> str:
    """The text just after a match (bounded, like `_head`: a long script stays linear)."""
    return match.string[match.end(): match.end() + width]


def _raw_head(match: re.Match[str], width: int = 200) -> str:
    """The text just before a match with its spoken-item markers kept."""
    return match.string[max(0, match.start() - width): match.start()]
