"""An item's audio as internal PCM, fitted to its span: cut with a fade, or padded."""

from __future__ import annotations

import warnings
import wave
from dataclasses import dataclass

from audio.errors import AudioError
from audio.ffmpeg import resample_pcm
from audio.pcm import SAMPLE_WIDTH, from_wav_bytes, rms_dbfs
from audio.storage import ObjectNotFound, Storage

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import audioop

CUT_FADE_MS = 250
# Below this level the part of an item that is cut off holds nothing anyone would miss.
_AUDIBLE_DBFS = -50.0
_FADE_STEPS = 64


class UnreadableItemAudio(AudioError):
    message_vi = "Không đọc được âm thanh của mục (tệp thiếu hoặc hỏng)."
    message_en = "The item's audio could not be read (missing or damaged file)."


def stored_pcm(storage: Storage, key: str, sample_rate: int) -> bytes:
    """Mono s16le samples of a stored WAV at `sample_rate`; named error if missing or bad."""
    try:
        pcm = from_wav_bytes(storage.read_bytes(key))
    except ObjectNotFound as exc:
        raise UnreadableItemAudio(
            f"Không tìm thấy tệp âm thanh {key[:12]}… trong kho.",
            f"Audio file {key[:12]}… is not in storage.",
        ) from exc
    except (wave.Error, EOFError, ValueError) as exc:
        raise UnreadableItemAudio(
            f"Tệp âm thanh {key[:12]}… bị hỏng: {exc}.", f"Audio file {key[:12]}… is damaged: {exc}."
        ) from exc
    if pcm.frame_count == 0:
        raise UnreadableItemAudio(f"Tệp âm thanh {key[:12]}… rỗng.", f"Audio file {key[:12]}… is empty.")
    return resample_pcm(pcm.samples, pcm.sample_rate, sample_rate)


@dataclass(frozen=True)
class FittedAudio:
    """Samples of exactly the requested length and what had to be cut."""

    samples: bytes
    source_frames: int
    cut_frames: int
    audible_cut: bool


def fade_out(samples: bytes, frames: int) -> bytes:
    """Fade the last `frames` samples linearly to silence (in steps, at C speed)."""
    frames = min(frames, len(samples) // SAMPLE_WIDTH)
    if frames <= 0:
        return samples
    start = len(samples) - frames * SAMPLE_WIDTH
    pieces = [samples[:start]]
    steps = min(_FADE_STEPS, frames)
    for step in range(steps):
        lo = start + (frames * step // steps) * SAMPLE_WIDTH
        hi = start + (frames * (step + 1) // steps) * SAMPLE_WIDTH
        pieces.append(audioop.mul(samples[lo:hi], SAMPLE_WIDTH, 1 - (step + 0.5) / steps))
    return b"".join(pieces)


def fit(samples: bytes, target_frames: int, *, guard_frames: int, fade_frames: int) -> FittedAudio:
    """Exactly `target_frames` samples: audio up to `target - guard`, faded if cut, then silence.

    The guard keeps the end of the span silent (see `audio.mp3frames`).
    """
    usable = max(0, target_frames - guard_frames)
    source = len(samples) // SAMPLE_WIDTH
    cut = max(0, source - usable)
    body = samples[: usable * SAMPLE_WIDTH]
    audible = False
    if cut:
        audible = rms_dbfs(samples[usable * SAMPLE_WIDTH :]) > _AUDIBLE_DBFS
        body = fade_out(body, fade_frames)
    padding = target_frames * SAMPLE_WIDTH - len(body)
    return FittedAudio(body + b"\0" * padding, source, cut, audible)
