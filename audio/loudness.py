"""Loudness matching of many short pieces (sentences, recordings).

Each piece is brought to the target integrated loudness (EBU R128) with its true peak
under the ceiling: a gain, a look-ahead limiter (speech peaks sit ~20 dB above its
loudness, more than the 14.5 dB that -16 LUFS / -1.5 dBTP allows), a measurement of
the result, then an exact linear correction.

Pieces up to `IN_PROCESS_MAX_S` long (every spoken sentence) are matched in this
process with numpy (`audio.limiter`, `audio.bs1770`): no ffmpeg process per script,
which cost more than the synthesis itself. Longer pieces (uploaded recordings) would
need hundreds of MB of arrays, so they go through one ffmpeg run per batch instead
(`asegment` → per-piece volume, alimiter, ebur128 → `concat`), as before.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from audio.bs1770 import integrated_loudness
from audio.config import AudioSettings, get_audio_settings
from audio.ffmpeg import pcm_input, pcm_output, run_ffmpeg
from audio.limiter import Samples, limit_peaks
from audio.pcm import SAMPLE_WIDTH, apply_gain, peak_dbfs, rms_dbfs

# Unweighted RMS of speech sits a few dB under its gated K-weighted loudness; this first
# guess only sets the limiter's drive, the measurement afterwards decides.
_RMS_TO_LUFS = 2.0
# Sample-peak ceiling below the true-peak limit: inter-sample peaks of limited speech at
# 22–24 kHz stay within this margin.
_TRUE_PEAK_MARGIN_DB = 1.0
_SILENT_DBFS = -60.0
_TOLERANCE_LU = 0.7
# Another in-process round costs a few ms a sentence: land closer to the target than that.
_IN_PROCESS_TOLERANCE_LU = 0.2
_MAX_ROUNDS = 3
IN_PROCESS_MAX_S = 120.0
_FULL_SCALE = 32768.0

_EBUR128_SUMMARY = re.compile(
    r"\[Parsed_ebur128_(\d+) @[^\]]*\] Summary:\s+Integrated loudness:\s+"
    r"I:\s+(-?[\d.]+|-inf|nan) LUFS"
)


@dataclass(frozen=True)
class NormalizedPiece:
    """A loudness-matched piece: samples and what was measured."""

    samples: bytes
    loudness_lufs: float
    peak_dbfs: float
    gain_db: float
    silent: bool


def normalize_pieces(
    pieces: list[bytes], sample_rate: int, settings: AudioSettings | None = None
) -> list[NormalizedPiece]:
    """Loudness-match each mono s16le piece to the configured target, in as few runs as possible."""
    settings = settings or get_audio_settings()
    target = settings.loudness_target_lufs
    ceiling = settings.true_peak_dbtp - _TRUE_PEAK_MARGIN_DB
    results: list[NormalizedPiece | None] = [None] * len(pieces)
    drives: dict[int, float] = {}
    for index, piece in enumerate(pieces):
        level = rms_dbfs(piece)
        if level < _SILENT_DBFS or len(piece) < SAMPLE_WIDTH:
            results[index] = NormalizedPiece(piece, -math.inf, peak_dbfs(piece), 0.0, True)
            continue
        guess = level + _RMS_TO_LUFS
        drive = target - guess
        overshoot = max(0.0, peak_dbfs(piece) + drive - ceiling)
        drive += 1.2 * overshoot  # limiting lowers loudness: drive a bit harder
        if len(piece) <= IN_PROCESS_MAX_S * sample_rate * SAMPLE_WIDTH:
            results[index] = _match_in_process(piece, drive, target, ceiling, sample_rate)
        else:
            drives[index] = drive

    for _round in range(_MAX_ROUNDS):
        if not drives:
            break
        order = sorted(drives)
        limited = _gain_limit_measure(
            [pieces[i] for i in order], [drives[i] for i in order], ceiling, sample_rate, settings
        )
        next_drives: dict[int, float] = {}
        for index, (samples, measured) in zip(order, limited, strict=True):
            piece_result = _correct(samples, measured, drives[index], target, ceiling)
            results[index] = piece_result
            missed = target - piece_result.loudness_lufs
            if abs(missed) > _TOLERANCE_LU and math.isfinite(measured):
                next_drives[index] = drives[index] + 1.5 * missed
        drives = next_drives
    return [result for result in results if result is not None]


def _match_in_process(
    piece: bytes, drive: float, target: float, ceiling: float, sample_rate: int
) -> NormalizedPiece:
    """Gain, limit, measure and correct `piece` with numpy, driving harder while it misses."""
    source = np.frombuffer(piece, dtype="<i2").astype(np.float32)
    limit = 10 ** (ceiling / 20)
    for _round in range(_MAX_ROUNDS):
        limited = limit_peaks(source * np.float32(10 ** (drive / 20) / _FULL_SCALE), limit, sample_rate)
        measured = integrated_loudness(limited, sample_rate)
        if not math.isfinite(measured):
            # Too short for a 400 ms gating block: keep the limiter's output as it is.
            samples = _to_pcm(limited, 0.0)
            return NormalizedPiece(samples, target, peak_dbfs(samples), drive, False)
        peak = 20 * math.log10(float(np.abs(limited).max()))
        correction = min(target - measured, ceiling + 0.5 - peak)
        missed = target - (measured + correction)
        if abs(missed) <= _IN_PROCESS_TOLERANCE_LU or _round == _MAX_ROUNDS - 1:
            break
        # Only a limited peak holds the correction back: limiting harder gains loudness slowly.
        drive += 2.5 * missed
    samples = _to_pcm(limited, correction)
    return NormalizedPiece(
        samples=samples,
        loudness_lufs=measured + correction,
        peak_dbfs=peak_dbfs(samples),
        gain_db=drive + correction,
        silent=False,
    )


def _to_pcm(samples: Samples, gain_db: float) -> bytes:
    """Float samples (full scale 1.0) times `gain_db` as s16le, rounded to the nearest step.

    The peak stays under full scale (at most `ceiling + 0.5` dB), so nothing needs clipping.
    """
    steps = samples * np.float32(10 ** (gain_db / 20) * _FULL_SCALE)
    np.rint(steps, out=steps)
    return steps.astype("<i2").tobytes()


def _correct(
    samples: bytes, measured: float, drive: float, target: float, ceiling: float
) -> NormalizedPiece:
    peak = peak_dbfs(samples)
    if not math.isfinite(measured):
        # Too short for a 400 ms gating block: keep the limiter's output as it is.
        return NormalizedPiece(samples, target, peak, drive, False)
    correction = min(target - measured, ceiling + 0.5 - peak)
    corrected = apply_gain(samples, correction)
    return NormalizedPiece(
        samples=corrected,
        loudness_lufs=measured + correction,
        peak_dbfs=peak + correction,
        gain_db=drive + correction,
        silent=False,
    )


def _gain_limit_measure(
    pieces: list[bytes],
    drives: list[float],
    ceiling: float,
    sample_rate: int,
    settings: AudioSettings,
) -> list[tuple[bytes, float]]:
    """Gain + limit each (long) piece and measure it, all in one ffmpeg process."""
    count = len(pieces)
    lengths = [len(piece) // SAMPLE_WIDTH for piece in pieces]
    limit = 10 ** (ceiling / 20)
    chains: list[str] = []
    labels = "".join(f"[s{i}]" for i in range(count))
    if count > 1:
        cuts = []
        position = 0
        for length in lengths[:-1]:
            position += length
            cuts.append(str(position))
        chains.append(f"[0:a]asegment=samples={'|'.join(cuts)}{labels}")
    else:
        chains.append("[0:a]anull[s0]")
    for i, drive in enumerate(drives):
        chains.append(
            f"[s{i}]volume={drive:.3f}dB,"
            f"alimiter=limit={limit:.5f}:level=false:latency=true:attack=5:release=80,"
            f"ebur128=framelog=verbose[o{i}]"
        )
    outputs = "".join(f"[o{i}]" for i in range(count))
    chains.append(f"{outputs}concat=n={count}:v=0:a=1[out]")
    done = run_ffmpeg(
        [*pcm_input(sample_rate), "-filter_complex", ";".join(chains), "-map", "[out]",
         *pcm_output(sample_rate)],
        input_bytes=b"".join(pieces),
        settings=settings,
    )
    found = sorted(
        (int(number), _lufs(value))
        for number, value in _EBUR128_SUMMARY.findall(done.stderr.decode("utf-8", "replace"))
    )
    if len(found) != count:
        raise RuntimeError(f"expected {count} loudness summaries from ffmpeg, got {len(found)}")
    out: list[tuple[bytes, float]] = []
    offset = 0
    for length, (_number, measured) in zip(lengths, found, strict=True):
        size = length * SAMPLE_WIDTH
        out.append((done.stdout[offset : offset + size], measured))
        offset += size
    return out


def _lufs(text: str) -> float:
    value = float(text)
    # ebur128 reports -70 (its absolute gate) when no 400 ms block was loud enough.
    return -math.inf if math.isnan(value) or value <= -69.9 else value
