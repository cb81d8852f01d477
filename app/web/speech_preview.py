"""The editor's "what the speaker will say" and "Nghe thử" (listen), in the station's voice."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.models import Station
from app.speech import service as speech
from app.speech.audio import storage, synthesize_for
from audio.errors import AudioError
from audio.speech_text import to_spoken


class NotReady(Exception):
    """Speech could not be produced now (the message says why)."""


def spoken_form(text: str, station: Station | None = None, change: Mapping[str, str] | None = None) -> str:
    """The text as the speaker will read it (numbers, dates, abbreviations spelt out); `change`:
    station abbreviations not saved yet, laid over the station's own."""
    if change:
        return to_spoken(text, {**((station.abbreviations or {}) if station else {}), **change})
    return speech.spoken(text, station)


@dataclass(frozen=True)
class Speech:
    audio: bytes
    media_type: str
    engine: str
    note: str | None


def listen(text: str, station: Station, change: Mapping[str, str] | None = None) -> Speech:
    """Synthesized speech of the text with the station's engine, voice, rate and pitch."""
    spoken = spoken_form(text, station, change)
    if not spoken.strip():
        raise NotReady("Không có gì để đọc.")
    try:
        result = synthesize_for(station, spoken)
    except AudioError as exc:
        raise NotReady(exc.message_vi) from exc
    note = result.fallback_reason_vi if result.fell_back else None
    return Speech(storage().read_bytes(result.audio_key), "audio/wav", result.engine, note)
