"""Synthesis chunks of already-spoken text (so one change costs one sentence).

Sentence boundaries come from `audio.speech_text.split_sentences`; on top of it, very
long sentences are cut at commas and very short fragments join the next one.
"""

from __future__ import annotations

import re

from audio.speech_text.sentences import split_sentences as sentence_boundaries

_CLAUSE = re.compile(r"(?<=,)\s+")
# Longer sentences are cut at commas: eSpeak's intonation does not suffer and a cached
# piece stays small.
_MAX_CHARS = 300
_MIN_WORDS = 3


def split_sentences(text: str) -> list[str]:
    """Split spoken text into sentences (very short fragments join the next one)."""
    pieces: list[str] = []
    for raw in sentence_boundaries(text):
        sentence = " ".join(raw.split())
        if not sentence:
            continue
        pieces.extend(_cut_long(sentence))
    merged: list[str] = []
    carry = ""
    for position, piece in enumerate(pieces):
        candidate = f"{carry} {piece}".strip()
        if len(candidate.split()) < _MIN_WORDS and position < len(pieces) - 1:
            carry = candidate
            continue
        merged.append(candidate)
        carry = ""
    if carry:
        merged.append(carry)
    return merged


def _cut_long(sentence: str) -> list[str]:
    if len(sentence) <= _MAX_CHARS:
        return [sentence]
    parts: list[str] = []
    current = ""
    for clause in _CLAUSE.split(sentence):
        if current and len(current) + len(clause) + 1 > _MAX_CHARS:
            parts.append(current)
            current = clause
        else:
            current = f"{current} {clause}".strip()
    if current:
        parts.append(current)
    return parts
