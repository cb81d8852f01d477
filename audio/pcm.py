"""Mono 16-bit PCM: the internal audio form, its WAV container and small helpers."""

from __future__ import annotations

import io
import math
import warnings
import wave
from dataclasses import dataclass

with warnings.catch_warnings():
    # stdlib until 3.13 (pydub needs it too); on 3.13+ the `audioop-lts` package provides it
    warnings.simplefilter("ignore", DeprecationWarning)
    import audioop

SAMPLE_WIDTH = 2  # bytes: signed 16-bit little-endian


@dataclass(frozen=True)
class Pcm:
    """Mono s16le samples with their rate; the duration is exact (samples / rate)."""

    samples: bytes
    sample_rate: int

    @property
    def frame_count(self) -> int:
        return len(self.samples) // SAMPLE_WIDTH

    @property
    def duration_seconds(self) -> float:
        return self.frame_count / self.sample_rate


def silence(milliseconds: int, sample_rate: int) -> bytes:
    """Digital silence of the given length."""
    return b"\x00" * (SAMPLE_WIDTH * (sample_rate * milliseconds // 1000))


def to_wav_bytes(pcm: Pcm) -> bytes:
    """Wrap PCM in a canonical 44-byte-header WAV file."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(SAMPLE_WIDTH)
        out.setframerate(pcm.sample_rate)
        out.writeframes(pcm.samples)
    return buffer.getvalue()


def from_wav_bytes(data: bytes) -> Pcm:
    """Read a mono 16-bit WAV (as written by `to_wav_bytes`)."""
    with wave.open(io.BytesIO(data), "rb") as source:
        if source.getnchannels() != 1 or source.getsampwidth() != SAMPLE_WIDTH:
            raise ValueError("expected a mono 16-bit WAV")
        return Pcm(source.readframes(source.getnframes()), source.getframerate())


def peak_dbfs(samples: bytes) -> float:
    """Sample peak in dBFS (-inf for digital silence)."""
    peak = audioop.max(samples, SAMPLE_WIDTH) if samples else 0
    return 20 * math.log10(peak / 32768) if peak else -math.inf


def rms_dbfs(samples: bytes) -> float:
    """Unweighted RMS level in dBFS (-inf for digital silence)."""
    level = audioop.rms(samples, SAMPLE_WIDTH) if samples else 0
    return 20 * math.log10(level / 32768) if level else -math.inf


def apply_gain(samples: bytes, gain_db: float) -> bytes:
    """Multiply samples by a gain in dB (saturating, in C)."""
    if gain_db == 0:
        return samples
    return audioop.mul(samples, SAMPLE_WIDTH, 10 ** (gain_db / 20))
