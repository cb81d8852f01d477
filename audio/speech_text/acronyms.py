"""Capital letter codes with no known expansion, read the way announcers read them.

A short code (two or three letters: OPV, MR, DPT, FAO, OIE, EPS) or one with no vowel to say it by
(CNTT-like) is spelled with the letter names used for acronyms (O "o" like any spelled letter, D "đê", as in
"o đê a" for ODA); a longer code with vowels (YAGI, WIPHA, NATO) is a name and is said as written.
Lines written all in capitals (headings) are left as written: their words are not codes.
"""

from __future__ import annotations

import re

from audio.speech_text.conventions import LETTER_NAMES
from audio.speech_text.numbers import roman_to_int

ACRONYM_LETTERS = {**LETTER_NAMES, "D": "đê"}

_CAPITALS = re.compile(r"(?<![\w\-/.@])[A-Z]{2,6}(?![\w\-/@]|\.\w)")
# "RT-PCR", "HIV-AIDS": short unknown codes joined by a dash, each part read like a code alone, the dash silent.
_JOINED_CAPITALS = re.compile(r"(?<![\w\-/.@])[A-Z]{2,6}(?:-[A-Z]{2,6})+(?![\w\-/@]|\.\w)")
_VOWELS = frozenset("AEIOUY")


def spell_acronym(code: str) -> str:
    return " ".join(ACRONYM_LETTERS[ch] for ch in code)


def _spelled(code: str) -> bool:
    # "XII", "IV" are numerals left to their context; C, D and M are no numerals in a bulletin ("CV", "MC", "CD").
    if set(code) <= set("IVXL") and roman_to_int(code) is not None:
        return False
    return len(code) <= 3 or not _VOWELS.intersection(code)


def is_heading(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return sum(ch.isupper() for ch in letters) > len(letters) / 2


def spell_unknown_acronyms(line: str) -> str:
    """Spell the capital codes left after the abbreviation table has been applied."""
    if is_heading(line):
        return line
    line = _CAPITALS.sub(lambda m: spell_acronym(m[0]) if _spelled(m[0]) else m[0], line)
    if "-" not in line:
        return line
    return _JOINED_CAPITALS.sub(
        lambda m: " ".join(spell_acronym(p) if _spelled(p) else p for p in m[0].split("-")), line)
