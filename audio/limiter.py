"""A look-ahead peak limiter over a whole piece in memory (numpy, no ffmpeg process).

The reduction each 1 ms block needs (from its peak) is held over the attack window ahead
of it, released exponentially after it, smoothed by a moving average over the attack
window, and interpolated linearly between blocks: the gain is already down when a peak
arrives, moves smoothly, and no sample leaves above the limit. The same shape as
ffmpeg's `alimiter` with its latency compensated (attack 5 ms, release 80 ms), without
its overshoot and without a process per piece.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

Samples = npt.NDArray[np.float32]  # a piece, sample by sample
Signal = npt.NDArray[np.float64]  # one value per 1 ms block

ATTACK_S = 0.005
RELEASE_S = 0.080
_BLOCK_S = 0.001


def limit_peaks(
    samples: Samples, limit: float, rate: int, *, attack_s: float = ATTACK_S, release_s: float = RELEASE_S
) -> Samples:
    """`samples` (full scale 1.0) with every sample at most `limit` in magnitude (up to rounding)."""
    block = max(1, round(_BLOCK_S * rate))
    peaks = _block_peaks(np.abs(samples), block).astype(np.float64)
    if not (peaks > limit).any():
        return samples
    with np.errstate(divide="ignore"):
        needed = np.maximum(0.0, 1.0 - limit / peaks)
    attack = max(1, math.ceil(attack_s * rate / block))
    # A sample between the starts of blocks c and c + 1 takes a mix of both blocks' gains:
    # each must cover block c, so the hold reaches one block back as well as `attack` ahead.
    held = _forward_max(np.concatenate(([0.0], needed[:-1])), attack + 2)
    released = _exponential_release(held, release_s * rate / block)
    starts = 1.0 - _backward_mean(released, attack + 1)  # the gain at each block's first sample
    slopes = np.append(starts[1:], starts[-1]) - starts
    # Across each block the gain moves in a straight line towards the next block's.
    ramp = (np.arange(block) / block).astype(np.float32)
    gain = np.multiply(slopes[:, None].astype(np.float32), ramp)
    gain += starts[:, None].astype(np.float32)
    out = gain.reshape(-1)[: samples.size]
    out *= samples
    return out


def _block_peaks(magnitude: Samples, block: int) -> Samples:
    """The largest magnitude in each `block` samples (the last block may be shorter)."""
    whole = magnitude.size // block
    rows = magnitude[: whole * block].reshape(whole, block)
    # Column by column: numpy reduces a long column far faster than many 22-sample rows.
    peaks: Samples = rows[:, 0].copy()
    for column in range(1, block):
        np.maximum(peaks, rows[:, column], out=peaks)
    if magnitude.size > whole * block:
        peaks = np.append(peaks, magnitude[whole * block :].max())
    return peaks


def _forward_max(values: Signal, window: int) -> Signal:
    """out[n] = max(values[n : n + window]) (the window shortened at the end)."""
    out = values.copy()
    span = 1
    while span < window:
        shift = min(span, window - span)
        out[:-shift] = np.maximum(out[:-shift], out[shift:])
        span += shift
    return out


def _exponential_release(values: Signal, time_constant: float) -> Signal:
    """out[n] = max over k <= n of values[k] * exp(-(n - k) / time_constant).

    In logarithms this is a running maximum: log out[n] = max_k (log values[k] + k/τ) - n/τ.
    """
    ramp = np.arange(values.size, dtype=np.float64) / time_constant
    with np.errstate(divide="ignore"):
        logs = np.log(values)
    peaks = np.maximum.accumulate(logs + ramp)
    return np.exp(peaks - ramp)


def _backward_mean(values: Signal, window: int) -> Signal:
    """out[n] = mean(values[n - window + 1 : n + 1]), the first value standing in before the start."""
    padded = np.concatenate((np.full(window, values[0]), values))
    sums = np.cumsum(padded)
    mean: Signal = (sums[window:] - sums[:-window]) / window
    return mean
