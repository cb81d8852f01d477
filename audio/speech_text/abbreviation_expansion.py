"""Abbreviations of a line replaced by their words, in context for the two-meaning ones; glosses said twice dropped."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from audio.speech_text.abbreviations import CONTEXT_ABBREVIATIONS, is_station_entry, read_in_context
from audio.speech_text.codes import spell_letters
from audio.speech_text.conventions import LOAN_WORDS
from audio.speech_text.passes import OPEN


@lru_cache(maxsize=32)
def _abbreviation_pattern(keys: tuple[str, ...]) -> re.Pattern[str]:
    parts = []
    for key in sorted(keys, key=len, reverse=True):
        escaped = re.escape(key)
        if re.fullmatch(r"\w\.", key):
            # One-letter keys with a dot ("P.", "Q.") are initials unless a place name follows.
            escaped += rf"(?= ?[A-ZĐÀ-Ỹ0-9{OPEN}])"
        elif key[-1].isalnum():
            # Digits may follow ("COP26"): they are read as a number afterwards.
            escaped += r"(?![^\W\d_])"
        parts.append(escaped)
    # Never inside a word or a code ("15/KH-UBND" is read by the document reader); after a "/" that follows another
    # capital abbreviation it is the second of two ("CCCD/CMND").
    return re.compile(rf"(?<![\w-])(?<![^\W\d_A-ZĐ]/)(?<!\d/)(?:{'|'.join(parts)})")


@lru_cache(maxsize=32)
def _gloss_pattern(keys: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
    return re.compile(rf"(?<!\s)\s*\(({alternatives})\)")


def _drop_glosses(line: str, abbreviations: Mapping[str, str]) -> str:
    """Drop "(CPI)" after "Chỉ số giá tiêu dùng": read aloud it would repeat the same words."""

    def replace(match: re.Match[str]) -> str:
        expansion = abbreviations[match[1]].lower()
        said_before = line[max(0, match.start() - len(expansion) - 1): match.start()].lower().endswith(expansion)
        return "" if said_before else match[0]

    return _gloss_pattern(tuple(abbreviations)).sub(replace, line) if "(" in line else line


def _expand(match: re.Match[str], abbreviations: Mapping[str, str]) -> str:
    key = match[0]
    if key in CONTEXT_ABBREVIATIONS and not is_station_entry(abbreviations, key):
        start, end = match.start(), match.end()
        head, tail = match.string[max(0, start - 300): start], match.string[end: end + 300]
        spoken = read_in_context(key, head, tail, match.string)
    else:
        spoken = abbreviations[key]
    # "Chỉ số PCI": the expansion would repeat the words before it, so the letters are read.
    first_words = " ".join(spoken.lower().split()[:2])
    before = " ".join(match.string[max(0, match.start() - 80): match.start()].lower().split()[-2:])
    if key.isupper() and len(spoken.split()) > 2 and first_words == before:
        return spell_letters(key)
    return spoken + (" " if key[-1] == "." else "")


# "HĐND-UBND", "PCCC-CNCH": known abbreviations joined by a dash outside a document number (those are read before).
_JOINED = re.compile(r"(?<![\w/.-])[A-ZĐ][\wĐ&]*(?:-[A-ZĐ][\wĐ&]*)+(?![\w/-])")


def _split_joined(line: str, abbreviations: Mapping[str, str]) -> str:
    """Each part of "HĐND-UBND" is read, the dash a pause; a token the table knows whole ("KT-XH") stays one."""

    def split(match: re.Match[str]) -> str:
        token = match[0]
        parts = token.split("-")
        if token in abbreviations or not all(part in abbreviations for part in parts):
            return token
        return " - ".join(parts)

    return _JOINED.sub(split, line) if "-" in line else line


# "vắc-xin Sởi-Rubella": a loan word joined by a hyphen to a Vietnamese word is still that loan word (the hyphen a
# pause), unlike a part of a code joined to capitals ("KH-UBND").
_LOAN_AFTER_HYPHEN = re.compile(r"(?<=[a-zà-ỹđ])-(?=([A-Z][a-z]+)(?![\w-]))")


def _expand_abbreviations(line: str, abbreviations: Mapping[str, str]) -> str:
    if not abbreviations:
        return line
    if "-" in line:
        line = _LOAN_AFTER_HYPHEN.sub(lambda m: " " if m[1] in LOAN_WORDS else m[0], line)
    line = _split_joined(_drop_glosses(line, abbreviations), abbreviations)
    pattern = _abbreviation_pattern(tuple(abbreviations))
    return pattern.sub(lambda m: _expand(m, abbreviations), line)
