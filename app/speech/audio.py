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
from audio.tts.voices import VoiceStore

# A station says "offline"/"gtts"/"neural"; the audio package names the offline engine after eSpeak.
ENGINE_NAMES = {"offline": "espeak", "gtts": "gtts", "neural": "neural"}


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


def voice_store() -> VoiceStore:
    """The installed local neural voices (`loa voices add`)."""
    return VoiceStore(audio_settings().voices_dir)


def spoken_by_label(spoken_by: str) -> str:
    """"neural:joe+espeak:vi" → the engines and voices in words, each neural voice with its credit."""
    from audio.tts.service import ENGINE_LABELS
    from audio.tts.voices import VoiceNotInstalled

    words = []
    for part in spoken_by.split("+"):
        engine, _, voice = part.partition(":")
        label = ENGINE_LABELS.get(engine, engine)
        if engine == "neural" and voice:
            try:
                installed = voice_store().get(voice)
                voice = f"{voice} — {installed.licence}; {installed.attribution}"
            except VoiceNotInstalled:
                pass
        words.append(f"{label} {voice}".strip())
    return " + ".join(words)


def voice_of(station: Station) -> VoiceSettings:
    return VoiceSettings(voice=station.voice, rate=station.speech_rate, pitch=station.speech_pitch,
                         word_gap=audio_settings().tts_word_gap, neural_voice=station.neural_voice)


def engine_order(station: Station) -> list[str]:
    """The station's engines in the audio package's names, first choice first, eSpeak NG last."""
    names = [ENGINE_NAMES.get(name, "espeak") for name in station.speech_engine.split(",") if name]
    order = list(dict.fromkeys(names))
    return order if "espeak" in order else [*order, "espeak"]


def engines_of(station: Station) -> str:
    """The order as the speech service takes it: "gtts,neural,espeak"."""
    return ",".join(engine_order(station))


def synthesize_for(station: Station, spoken_text: str) -> SpeechResult:
    """Speak already-normalized text in the station's voice, with its engine order and fallback."""
    return speech_service().synthesize(spoken_text, engine=engines_of(station), voice=voice_of(station))
