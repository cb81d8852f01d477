"""Index of synthesized sentences: hash of what decides the audio → stored WAV key."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from audio.storage import write_atomically

# Bump when the synthesis or loudness pipeline changes what a cached sentence sounds like.
FORMAT_VERSION = 2  # 2: sentences limited and measured in-process (audio.limiter, audio.bs1770)


@dataclass(frozen=True)
class CachedSentence:
    """A synthesized, loudness-matched sentence in storage."""

    audio_key: str
    engine: str
    frame_count: int
    sample_rate: int
    loudness_lufs: float
    voice: str = ""  # entries written before voices were recorded have none


def sentence_cache_key(
    text: str, engine_identity: str, sample_rate: int, target_lufs: float, true_peak: float
) -> str:
    """sha256 of everything that decides a sentence's audio."""
    material = json.dumps(
        [FORMAT_VERSION, text, engine_identity, sample_rate, target_lufs, true_peak],
        ensure_ascii=False,
    )
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


class SpeechCache:
    """One small JSON file per cache key, written atomically."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> CachedSentence | None:
        """The cached sentence for `key`, if any."""
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            return CachedSentence(**data)
        except (FileNotFoundError, ValueError, TypeError):
            return None

    def put(self, key: str, entry: CachedSentence) -> None:
        """Record `entry` under `key`."""
        body = json.dumps(asdict(entry)).encode("utf-8")
        write_atomically(self._path(key), [body])
