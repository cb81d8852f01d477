"""Speak a script: split into sentences, reuse cached ones, synthesize the rest once with the
first engine of the station's order that answers (eSpeak NG always last), and say which engine
and voice spoke."""

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
from audio.tts.neural import NeuralEngine
from audio.tts.sentences import split_sentences

OFFLINE_ENGINE = "espeak"
ENGINE_LABELS = {
    "espeak": "eSpeak NG (ngoại tuyến)",
    "gtts": "gTTS (trực tuyến)",
    "neural": "giọng nơ-ron (ngoại tuyến)",
}


def engine_order(engine: str | None, default: str) -> list[str]:
    """"gtts,neural" → ["gtts", "neural", "espeak"]: the offline eSpeak NG voice always ends it."""
    names = [name.strip() for name in (engine or default).split(",") if name.strip()]
    order = list(dict.fromkeys(names))
    if OFFLINE_ENGINE not in order:
        order.append(OFFLINE_ENGINE)
    return order


def voice_name(engine: str, voice: VoiceSettings) -> str:
    """Which voice of `engine` speaks with these settings."""
    if engine == "neural":
        return voice.neural_voice or ""
    if engine == "gtts":
        return "vi"
    return voice.voice


@dataclass(frozen=True)
class SentenceAudio:
    """One sentence of a script and the stored audio that speaks it."""

    text: str
    audio_key: str
    engine: str
    frame_count: int
    from_cache: bool
    voice: str = ""


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
    voice: str = ""

    @property
    def spoken_by(self) -> str:
        """Engines and voices that spoke, e.g. "neural:vi_VN-vais1000-medium+espeak:vi"."""
        pairs = sorted({f"{s.engine}:{s.voice}" if s.voice else s.engine for s in self.sentences})
        return "+".join(pairs)

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
                "neural": NeuralEngine(settings=self.settings),
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
        """Speak already-spoken `text`; never synthesizes a sentence that is cached.

        `engine` is one engine or an order ("gtts,neural"); each sentence takes the first that
        has it cached or answers in time, and an engine that failed is not asked again for the
        rest of this text."""
        order = engine_order(engine, self.settings.tts_engine)
        unknown = [name for name in order if name not in self.engines]
        if unknown:
            raise SynthesisFailed(f"Không có bộ đọc '{unknown[0]}'.", f"No engine '{unknown[0]}'.")
        voice = voice or VoiceSettings(
            self.settings.tts_voice,
            self.settings.tts_rate,
            self.settings.tts_pitch,
            word_gap=self.settings.tts_word_gap,
            neural_voice=self.settings.tts_neural_voice,
        )
        sentences = split_sentences(text)
        if not sentences:
            raise SynthesisFailed("Văn bản trống, không có gì để đọc.", "The text is empty.")
        rate = self.settings.sample_rate
        found: dict[int, SentenceAudio] = {}
        pending: list[_Pending] = []
        failures: dict[str, AudioError] = {}
        for index, sentence in enumerate(sentences):
            for name in order:
                key = self._key(sentence, name, voice)
                cached = self.cache.get(key)
                if cached is not None and self.storage.exists(cached.audio_key):
                    found[index] = SentenceAudio(
                        sentence, cached.audio_key, name, cached.frame_count, True,
                        cached.voice or voice_name(name, voice),
                    )
                    break
                if name in failures:
                    continue  # it already failed during this text: do not wait for it again
                try:
                    pcm = self.engines[name].synthesize(sentence, voice, rate)
                except AudioError as exc:
                    if name == OFFLINE_ENGINE:
                        raise
                    failures[name] = exc
                    continue
                pending.append(_Pending(index, name, key, pcm))
                break
        fresh: dict[int, bytes] = {}  # samples of the sentences just made: no need to read them back
        for item, normalized in zip(
            pending,
            normalize_pieces([p.pcm.samples for p in pending], rate, self.settings),
            strict=True,
        ):
            stored = self.storage.put_bytes(
                to_wav_bytes(Pcm(normalized.samples, rate)), suffix=".wav"
            )
            frames = len(normalized.samples) // 2
            spoken_voice = voice_name(item.engine, voice)
            self.cache.put(
                item.cache_key,
                CachedSentence(stored, item.engine, frames, rate, normalized.loudness_lufs, spoken_voice),
            )
            found[item.index] = SentenceAudio(
                sentences[item.index], stored, item.engine, frames, False, spoken_voice
            )
            fresh[item.index] = normalized.samples
        parts = [found[i] for i in range(len(sentences))]
        return self._assemble(order[0], parts, voice_name(order[0], voice), failures, fresh)

    def answers(self, engine: str, voice: VoiceSettings) -> bool:
        """Whether `engine` speaks right now (a short uncached probe, within its deadline)."""
        try:
            self.engines[engine].synthesize("xin chào", voice, self.settings.sample_rate)
        except (AudioError, KeyError):
            return False
        return True

    def _assemble(
        self,
        requested: str,
        parts: list[SentenceAudio],
        voice: str,
        failures: Mapping[str, AudioError],
        fresh: Mapping[int, bytes],
    ) -> SpeechResult:
        rate = self.settings.sample_rate
        pause = silence(self.settings.sentence_pause_ms, rate)
        chunks: list[bytes] = []
        for position, part in enumerate(parts):
            if position:
                chunks.append(pause)
            if position in fresh:
                chunks.append(fresh[position])
            else:
                chunks.append(from_wav_bytes(self.storage.read_bytes(part.audio_key)).samples)
        samples = b"".join(chunks)
        key = self.storage.put_bytes(to_wav_bytes(Pcm(samples, rate)), suffix=".wav")
        used = sorted({part.engine for part in parts})
        fell_back = any(part.engine != requested for part in parts)
        reason_vi = reason_en = None
        if fell_back:
            failure = failures.get(requested)
            label = ENGINE_LABELS.get(requested, requested)
            why_vi = failure.message_vi if failure else f"Bộ đọc {label} không dùng được."
            why_en = failure.message_en if failure else f"The engine {requested} was unavailable."
            instead = " + ".join(ENGINE_LABELS.get(name, name) for name in used if name != requested)
            reason_vi = f"{why_vi} Đã đọc bằng {instead}."
            reason_en = f"{why_en} Read with {'+'.join(n for n in used if n != requested)} instead."
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
            voice=voice,
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
    """Speak already-spoken `text` with the configured engine order, falling back to eSpeak NG."""
    return default_service(settings).synthesize(text, engine=engine, voice=voice)
