"""Duration estimates for scripts whose audio does not exist yet (plans are then provisional)."""

from __future__ import annotations

import math
import re

_WORD = re.compile(r"\w+", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?…;:]+")
# A reader pauses at the end of a sentence or clause; gTTS and espeak do too.
PAUSE_MS = 300


def estimate_duration_ms(spoken_text: str, words_per_minute: int) -> int:
    """Estimated reading time of ``spoken_text`` at ``words_per_minute``.

    Vietnamese writes one syllable per word, so this is syllables per minute; numbers and
    abbreviations must already be spelled out (the spoken form from ``audio.speech_text``).
    Adds a short pause per sentence or clause end, and rounds up to whole milliseconds.
    """
    if words_per_minute <= 0:
        raise ValueError("words_per_minute must be positive")
    words = len(_WORD.findall(spoken_text))
    if words == 0:
        return 0
    pauses = len(_SENTENCE_END.findall(spoken_text))
    return math.ceil(words * 60_000 / words_per_minute) + pauses * PAUSE_MS
