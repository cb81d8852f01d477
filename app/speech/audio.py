"""The app's view of the audio package: settings, storage and synthesis for a station."""

from __future__ import annotations

from functools import lru_cache

from app.config import get_settings
from app.models import Station
from audio.config import AudioSettings
from audio.storage import Storage
from audio.storage_url import storage_for
from audio.tts.engine import VoiceSettings
from audio.tts.service import SpeechResult, SpeechService

# A station says "offline"/"gtts"; the audio package names the offline engine after eSpeak.
ENGINE_NAMES = {"offline": "espeak", "gtts": "gtts"}


@lru_cache
def audio_settings() -> AudioSettings:
    return AudioSettings(data_dir=get_settings().data_dir)


@lru_cache
def storage() -> Storage:
    """The audio store LOA_STORAGE_URL names (local disk by default)."""
    return storage_for(audio_settings())


@lru_cache
def speech_service() -> SpeechService:
    return SpeechService(storage(), audio_settings())


def voice_of(station: Station) -> VoiceSettings:
    return VoiceSettings(voice=station.voice, rate=station.speech_rate, pitch=station.speech_pitch)


def synthesize_for(station: Station, spoken_text: str) -> SpeechResult:
    """Speak already-normalized text in the station's voice, with its engine and fallback."""
    return speech_service().synthesize(
        spoken_text, engine=ENGINE_NAMES.get(station.speech_engine, "espeak"), voice=voice_of(station)
    )
