"""Sentence boundaries for chunking speech synthesis, aware of "TP." and "1.500,5"."""

from __future__ import annotations

import re

# A dot after these is part of an abbreviation, not the end of a sentence.
_NO_BREAK_BEFORE_DOT = frozenset({
    "TP", "Q", "P", "TX", "TT", "Tp", "tp", "Th.S", "ThS", "TS", "PGS", "GS", "BS", "KT", "TM",
})
_CANDIDATE = re.compile(r"[.!?…]+[\"”’)\]]*(?=\s+|$)")


def split_sentences(text: str) -> list[str]:
    """Split text into sentences (stripped, non-empty), keeping their final punctuation."""
    sentences: list[str] = []
    for paragraph in text.split("\n"):
        start = 0
        for match in _CANDIDATE.finditer(paragraph):
            before = paragraph[start : match.start()].split()
            last_word = before[-1] if before else ""
            if match.group(0) == "." and last_word in _NO_BREAK_BEFORE_DOT:
                continue
            # "1." or "I." at the start of a heading is a list number, not a sentence.
            is_list_number = re.fullmatch(r"[\dIVXLivx.]+", last_word) is not None
            if match.group(0) == "." and len(before) == 1 and is_list_number:
                continue
            sentences.append(paragraph[start : match.end()].strip())
            start = match.end()
        sentences.append(paragraph[start:].strip())
    return [sentence for sentence in sentences if sentence]
