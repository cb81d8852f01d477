"""The editor's "what the speaker will say" and "Nghe thử" (listen), over the audio package.

`audio.speech_text` and `audio.tts` are imported lazily: until they exist (another issue), the
page says plainly that the feature is not ready instead of failing.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any


class NotReady(Exception):
    """The audio module this needs is not installed or not wired yet."""


def _module(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise NotReady(name) from exc


def spoken_form(text: str) -> str:
    """The text as the speaker will read it (numbers, dates, abbreviations spelt out)."""
    to_spoken = getattr(_module("audio.speech_text"), "to_spoken", None)
    if to_spoken is None:
        raise NotReady("audio.speech_text.to_spoken")
    return str(to_spoken(text))


@dataclass(frozen=True)
class Speech:
    audio: bytes
    media_type: str


def listen(text: str, *, voice: str, rate: int) -> Speech:  # noqa: ARG001
    """Synthesized speech of the text; the lead wires the engine call here."""
    _module("audio.tts")
    raise NotReady("audio.tts wiring")
