"""Spoken form of Vietnamese administrative scripts: numbers, dates, times, codes, abbreviations."""

from __future__ import annotations

from collections.abc import Mapping

from audio.speech_text.abbreviations import DEFAULT_ABBREVIATIONS, merged_abbreviations
from audio.speech_text.command import speak_text_command
from audio.speech_text.normalize import normalize_line
from audio.speech_text.sentences import split_sentences

__all__ = [
    "DEFAULT_ABBREVIATIONS",
    "merged_abbreviations",
    "speak_text_command",
    "split_sentences",
    "to_spoken",
]


def to_spoken(text: str, abbreviations: Mapping[str, str] | None = None) -> str:
    """Return the words to be spoken for text, one output line per input line."""
    table = merged_abbreviations(abbreviations)
    return "\n".join(normalize_line(line, table) for line in text.split("\n"))
