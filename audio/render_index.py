"""Where an item's sound comes from, and the index of encoded items by the hash of their inputs."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from audio.item_audio import CUT_FADE_MS, stored_pcm
from audio.programme import ProgrammeItem, RecordingItem, SilenceItem, SpeechItem, StoredAudio
from audio.storage import write_atomically
from audio.tts.engine import VoiceSettings

if TYPE_CHECKING:
    from audio.assemble import ProgrammeRenderer


@dataclass(frozen=True)
class ItemSource:
    """What decides an item's sound (`identity`), how to load it, how to fade it when cut."""

    identity: str
    fade_ms: int
    load: Callable[[], bytes]
    spoken_by: str | None = None
    fell_back: bool = False

    @staticmethod
    def silence() -> ItemSource:
        """Digital silence."""
        return ItemSource("silence", 0, lambda: b"")

    @staticmethod
    def stored(key: str, fade_ms: int, renderer: ProgrammeRenderer, kind: str) -> ItemSource:
        """A loudness-matched WAV already in storage."""
        rate = renderer.settings.sample_rate
        return ItemSource(f"{kind}:{key}", fade_ms, lambda: stored_pcm(renderer.storage, key, rate))

    @staticmethod
    def filler(key: str, fade_ms: int, renderer: ProgrammeRenderer) -> ItemSource:
        """Filler: cut with its own (long) fade-out."""
        return ItemSource.stored(key, fade_ms, renderer, "filler")


def item_source(item: ProgrammeItem, renderer: ProgrammeRenderer) -> ItemSource:
    """The source of `item`; speech is synthesized here (cached sentences are reused)."""
    if isinstance(item, SilenceItem):
        return ItemSource.silence()
    if isinstance(item, SpeechItem):
        settings = renderer.settings
        voice = VoiceSettings(
            voice=item.voice or settings.tts_voice,
            rate=item.rate if item.rate is not None else settings.tts_rate,
            pitch=item.pitch if item.pitch is not None else settings.tts_pitch,
            word_gap=item.word_gap if item.word_gap is not None else settings.tts_word_gap,
            neural_voice=item.neural_voice or settings.tts_neural_voice,
        )
        result = renderer.speech.synthesize(item.text, engine=item.engine, voice=voice)
        source = ItemSource.stored(result.audio_key, CUT_FADE_MS, renderer, "speech")
        return replace(source, spoken_by=result.spoken_by, fell_back=result.fell_back)
    if isinstance(item, RecordingItem):
        return ItemSource.stored(item.audio_key, CUT_FADE_MS, renderer, "recording")
    return ItemSource.filler(item.audio_key, item.fade_out_ms, renderer)


@dataclass(frozen=True)
class IndexEntry:
    """An encoded file and what fitting its source did."""

    audio: StoredAudio
    source_ms: int
    cut_ms: int = 0
    audible_cut: bool = False
    prefix_crc: int | None = None
    full_crc: int | None = None


class RenderIndex:
    """One small JSON file per input hash, written atomically (like the speech cache)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> IndexEntry | None:
        """The entry for `key`, if any (a damaged entry counts as none)."""
        try:
            data: dict[str, Any] = json.loads(self._path(key).read_text(encoding="utf-8"))
            data["audio"] = StoredAudio(**data["audio"])
            return IndexEntry(**data)
        except (FileNotFoundError, ValueError, TypeError, KeyError):
            return None

    def put(self, key: str, *, audio: StoredAudio, source_ms: int, **extra: Any) -> IndexEntry:
        """Record an entry under `key` and return it."""
        entry = IndexEntry(audio=audio, source_ms=source_ms, **extra)
        body = {**entry.__dict__, "audio": audio.model_dump()}
        write_atomically(self._path(key), [json.dumps(body).encode("utf-8")])
        return entry
