"""The speech-engine interface and the voice settings it takes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from audio.errors import AudioError
from audio.pcm import Pcm

VIETNAMESE_VOICES = ("vi", "vi-VN-x-central", "vi-VN-x-south")


@dataclass(frozen=True)
class VoiceSettings:
    """How a station wants its scripts read: voice (region), words per minute, pitch 0–99,
    extra pause between words in 10 ms units (eSpeak only), installed neural voice's name."""

    voice: str = "vi"
    rate: int = 150
    pitch: int = 50
    word_gap: int = 0
    neural_voice: str | None = None


class SynthesisFailed(AudioError):
    message_vi = "Không tổng hợp được giọng đọc."
    message_en = "Speech synthesis failed."


class EngineUnavailable(SynthesisFailed):
    message_vi = "Bộ đọc không sẵn sàng."
    message_en = "The speech engine is not available."


class SpeechEngine(Protocol):
    """A text-to-speech engine: already-spoken text in, mono PCM out."""

    name: str

    def synthesize(self, text: str, voice: VoiceSettings, sample_rate: int) -> Pcm:
        """Speak `text` (already in spoken form) as mono s16le PCM at `sample_rate`."""
        ...

    def cache_identity(self, voice: VoiceSettings) -> str:
        """The settings that change this engine's audio, as a stable string for cache keys."""
        ...
