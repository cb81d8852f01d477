"""Integrated loudness (ITU-R BS.1770-4 / EBU R128) of a mono piece in memory, at any rate.

K-weighting (the two biquads of BS.1770, designed for the piece's own rate as libebur128
does), mean square over 400 ms blocks every 100 ms, the -70 LUFS absolute gate and the
relative gate 10 LU under the absolute-gated level.

The 400 ms blocks are made of four 100 ms sub-blocks, and each sub-block's K-weighted
energy is taken from its spectrum (Parseval: the sum over frequencies of |X|² |H|²)
rather than by filtering sample by sample: one batched FFT and one matrix product per
piece. That treats each sub-block's filtering as circular, which moves a speech
sentence's result by less than 0.01 LU against the time-domain filter.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
import numpy.typing as npt

Signal = npt.NDArray[np.float64]
Samples = npt.NDArray[np.float32]

_STEP_S = 0.1
_BLOCK_STEPS = 4  # 400 ms blocks, 75 % overlap
_ABSOLUTE_GATE = -70.0
_RELATIVE_GATE = -10.0
# The two K-weighting stages (libebur128's constants; at 48 kHz they give BS.1770's table).
_SHELF_HZ = 1681.974450955533
_SHELF_GAIN_DB = 3.999843853973347
_SHELF_Q = 0.7071752369554196
_SHELF_VB_EXPONENT = 0.4996667741545416
_HIGH_PASS_HZ = 38.13547087602444
_HIGH_PASS_Q = 0.5003270373238773


def integrated_loudness(samples: Samples | Signal, rate: int) -> float:
    """LUFS of `samples` (full scale 1.0); -inf when no 400 ms block passes the gates."""
    step = round(_STEP_S * rate)
    count = samples.size // step
    if count < _BLOCK_STEPS:
        return -math.inf
    # In float64: numpy's FFT is about twice as fast there as in float32.
    blocks = samples[: count * step].astype(np.float64).reshape(count, step)
    spectra = np.fft.rfft(blocks, axis=1)
    energies = (spectra.real**2 + spectra.imag**2) @ _weights(step, rate)
    sums = np.concatenate(([0.0], np.cumsum(energies)))
    power = (sums[_BLOCK_STEPS:] - sums[:-_BLOCK_STEPS]) / (_BLOCK_STEPS * step)
    with np.errstate(divide="ignore"):
        levels = -0.691 + 10 * np.log10(power)
    audible = levels > _ABSOLUTE_GATE
    if not audible.any():
        return -math.inf
    relative = -0.691 + 10 * math.log10(float(power[audible].mean())) + _RELATIVE_GATE
    kept = power[audible & (levels > relative)]
    return -0.691 + 10 * math.log10(float(kept.mean()))


@lru_cache(maxsize=8)
def _weights(step: int, rate: int) -> Signal:
    """|H|² of the K-weighting at each rfft bin of a `step`-long block, with Parseval's factors."""
    z = np.exp(-2j * np.pi * np.arange(step // 2 + 1) / step)  # z^-1 at each bin
    response = np.ones_like(z)
    for b0, b1, b2, a0, a1, a2 in (_shelf(rate), _high_pass(rate)):
        response *= (b0 + b1 * z + b2 * z * z) / (a0 + a1 * z + a2 * z * z)
    weights: Signal = 2 * np.abs(response) ** 2 / step
    weights[0] /= 2
    if step % 2 == 0:
        weights[-1] /= 2  # the Nyquist bin, like DC, appears once in the full spectrum
    weights.flags.writeable = False
    return weights


def _shelf(rate: int) -> tuple[float, ...]:
    """The pre-filter (high shelf), as libebur128 designs it for any rate."""
    k = math.tan(math.pi * _SHELF_HZ / rate)
    vh = 10 ** (_SHELF_GAIN_DB / 20)
    vb = vh**_SHELF_VB_EXPONENT
    q = _SHELF_Q
    return (
        vh + vb * k / q + k * k,
        2 * (k * k - vh),
        vh - vb * k / q + k * k,
        1 + k / q + k * k,
        2 * (k * k - 1),
        1 - k / q + k * k,
    )


def _high_pass(rate: int) -> tuple[float, ...]:
    """The RLB weighting (high-pass), as libebur128 designs it for any rate."""
    k = math.tan(math.pi * _HIGH_PASS_HZ / rate)
    q = _HIGH_PASS_Q
    a0 = 1 + k / q + k * k
    return (1.0, -2.0, 1.0, 1.0, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0)
