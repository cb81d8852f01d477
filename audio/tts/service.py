"""Speak a script: split into sentences, reuse cached ones, synthesize the rest once,
fall back to the offline engine when the online one fails, and say which engine spoke."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field

from audio.config import AudioSettings, get_audio_settings
from audio.errors import AudioError
from audio.loudness import normalize_pieces
from audio.pcm import Pcm, from_wav_bytes, silence, to_wav_bytes
from audio.storage import Storage
from audio.storage_url import storage_for
from audio.tts.cache import CachedSentence, SpeechCache, sentence_cache_key
from audio.tts.engine import SpeechEngine, SynthesisFailed, VoiceSettings
from audio.tts.espeak import EspeakEngine
from audio.tts.google import GttsEngine
from audio.tts.sentences import split_sentences

OFFLINE_ENGINE = "espeak"
ENGINE_LABELS = {"espeak": "eSpeak NG (ngoại tuyến)", "gtts": "gTTS (trực tuyến)"}


@dataclass(frozen=True)
class SentenceAudio:
    """One sentence of a script and the stored audio that speaks it."""

    text: str
    audio_key: str
    engine: str
    frame_count: int
    from_cache: bool


@dataclass(frozen=True)
class SpeechResult:
    """A spoken script: one loudness-matched mono WAV in storage and how it was made."""

    audio_key: str
    sample_rate: int
    frame_count: int
    engine: str
    requested_engine: str
    fell_back: bool
    fallback_reason_vi: str | None
    fallback_reason_en: str | None
    sentences: tuple[SentenceAudio, ...] = field(default_factory=tuple)

    @property
    def duration_seconds(self) -> float:
        """Exact duration: samples / rate."""
        return self.frame_count / self.sample_rate

    @property
    def duration_ms(self) -> int:
        """Duration rounded to the millisecond."""
        return round(1000 * self.frame_count / self.sample_rate)

    @property
    def synthesized_count(self) -> int:
        """How many sentences had to be synthesized (not found in the cache)."""
        return sum(1 for sentence in self.sentences if not sentence.from_cache)


@dataclass
class _Pending:
    index: int
    engine: str
    cache_key: str
    pcm: Pcm


class SpeechService:
    """Synthesis with a per-sentence cache in `storage` and an offline fallback."""

    def __init__(
        self,
        storage: Storage,
        settings: AudioSettings | None = None,
        engines: Mapping[str, SpeechEngine] | None = None,
    ) -> None:
        self.settings = settings or get_audio_settings()
        self.storage = storage
        self.cache = SpeechCache(storage.root / "tts-index")
        self.engines: dict[str, SpeechEngine] = (
            dict(engines)
            if engines
            else {
                "espeak": EspeakEngine(self.settings),
                "gtts": GttsEngine(self.settings),
            }
        )

    def _key(self, text: str, engine: str, voice: VoiceSettings) -> str:
        identity = self.engines[engine].cache_identity(voice)
        return sentence_cache_key(
            text,
            identity,
            self.settings.sample_rate,
            self.settings.loudness_target_lufs,
            self.settings.true_peak_dbtp,
        )

    def synthesize(
        self, text: str, *, engine: str | None = None, voice: VoiceSettings | None = None
    ) -> SpeechResult:
        """Speak already-spoken `text`; never synthesizes a sentence that is cached."""
        requested = engine or self.settings.tts_engine
        if requested not in self.engines:
            raise SynthesisFailed(f"Không có bộ đọc '{requested}'.", f"No engine '{requested}'.")
        voice = voice or VoiceSettings(
            self.settings.tts_voice, self.settings.tts_rate, self.settings.tts_pitch
        )
        sentences = split_sentences(text)
        if not sentences:
            raise SynthesisFailed("Văn bản trống, không có gì để đọc.", "The text is empty.")
        rate = self.settings.sample_rate
        found: dict[int, SentenceAudio] = {}
        pending: list[_Pending] = []
        failure: AudioError | None = None
        for index, sentence in enumerate(sentences):
            order = [requested] if requested == OFFLINE_ENGINE else [requested, OFFLINE_ENGINE]
            for name in order:
                key = self._key(sentence, name, voice)
                cached = self.cache.get(key)
                if cached is not None and self.storage.exists(cached.audio_key):
                    found[index] = SentenceAudio(
                        sentence, cached.audio_key, name, cached.frame_count, True
                    )
                    break
                if name != OFFLINE_ENGINE and failure is not None:
                    continue  # the online engine already failed during this script
                try:
                    pcm = self.engines[name].synthesize(sentence, voice, rate)
                except AudioError as exc:
                    if name == OFFLINE_ENGINE:
                        raise
                    failure = exc
                    continue
                pending.append(_Pending(index, name, key, pcm))
                break
        for item, normalized in zip(
            pending,
            normalize_pieces([p.pcm.samples for p in pending], rate, self.settings),
            strict=True,
        ):
            stored = self.storage.put_bytes(
                to_wav_bytes(Pcm(normalized.samples, rate)), suffix=".wav"
            )
            frames = len(normalized.samples) // 2
            self.cache.put(
                item.cache_key,
                CachedSentence(stored, item.engine, frames, rate, normalized.loudness_lufs),
            )
            found[item.index] = SentenceAudio(
                sentences[item.index], stored, item.engine, frames, False
            )
        return self._assemble(requested, [found[i] for i in range(len(sentences))], failure)

    def _assemble(
        self, requested: str, parts: list[SentenceAudio], failure: AudioError | None
    ) -> SpeechResult:
        rate = self.settings.sample_rate
        pause = silence(self.settings.sentence_pause_ms, rate)
        chunks: list[bytes] = []
        for position, part in enumerate(parts):
            if position:
                chunks.append(pause)
            chunks.append(from_wav_bytes(self.storage.read_bytes(part.audio_key)).samples)
        samples = b"".join(chunks)
        key = self.storage.put_bytes(to_wav_bytes(Pcm(samples, rate)), suffix=".wav")
        used = sorted({part.engine for part in parts})
        fell_back = any(part.engine != requested for part in parts)
        reason_vi = reason_en = None
        if fell_back:
            why_vi = failure.message_vi if failure else "bộ đọc trực tuyến không dùng được"
            why_en = failure.message_en if failure else "the online engine was unavailable"
            reason_vi = f"{why_vi} Đã đọc bằng giọng ngoại tuyến eSpeak NG."
            reason_en = f"{why_en} Read with the offline eSpeak NG voice instead."
        return SpeechResult(
            audio_key=key,
            sample_rate=rate,
            frame_count=len(samples) // 2,
            engine="+".join(used),
            requested_engine=requested,
            fell_back=fell_back,
            fallback_reason_vi=reason_vi,
            fallback_reason_en=reason_en,
            sentences=tuple(parts),
        )


_services: dict[str, SpeechService] = {}
_services_lock = threading.Lock()


def default_service(settings: AudioSettings | None = None) -> SpeechService:
    """The process-wide service over `settings.audio_dir` (engines keep their state)."""
    settings = settings or get_audio_settings()
    root = str(settings.audio_dir.resolve())
    with _services_lock:
        if root not in _services:
            _services[root] = SpeechService(storage_for(settings), settings)
        return _services[root]


def synthesize(
    text: str,
    *,
    engine: str | None = None,
    voice: VoiceSettings | None = None,
    settings: AudioSettings | None = None,
) -> SpeechResult:
    """Speak already-spoken `text` with the configured engine, falling back to eSpeak NG."""
    return default_service(settings).synthesize(text, engine=engine, voice=voice)
