"""The in-process loudness tools: the BS.1770 meter agrees with ffmpeg's, the limiter holds its limit."""

from __future__ import annotations

import math

import numpy as np
import pytest

from audio.bs1770 import integrated_loudness
from audio.config import AudioSettings
from audio.ffmpeg import measure_loudness
from audio.limiter import limit_peaks
from audio.loudness import normalize_pieces


def _tone(frequency: float, seconds: float, rate: int, peak: float = 0.1) -> np.ndarray:
    return peak * np.sin(2 * np.pi * frequency * np.arange(round(seconds * rate)) / rate)


@pytest.mark.parametrize("rate", [16000, 22050, 48000])
def test_a_1_khz_tone_at_minus_20_dbfs_peak_reads_minus_23_lufs(rate: int) -> None:
    assert integrated_loudness(_tone(1000, 3.0, rate), rate) == pytest.approx(-23.0, abs=0.05)


@pytest.mark.parametrize("frequency", [40, 100, 5000, 10000])
def test_k_weighting_matches_ffmpeg_ebur128(frequency: int, settings: AudioSettings) -> None:
    tone = _tone(frequency, 3.0, 22050)
    pcm = np.rint(tone * 32768).astype("<i2").tobytes()
    expected = measure_loudness(pcm=pcm, sample_rate=22050, settings=settings).integrated_lufs
    assert integrated_loudness(tone.astype(np.float32), 22050) == pytest.approx(expected, abs=0.15)


def test_silence_and_pieces_shorter_than_a_gating_block_have_no_loudness() -> None:
    assert integrated_loudness(np.zeros(22050), 22050) == -math.inf
    assert integrated_loudness(_tone(1000, 0.3, 22050), 22050) == -math.inf


def test_limiter_holds_the_limit_and_leaves_quiet_audio_alone() -> None:
    rng = np.random.default_rng(7)
    speechlike = (rng.normal(0, 0.2, 22050 * 4) * np.repeat(rng.uniform(0, 3, 40), 2205)).astype(np.float32)
    limited = limit_peaks(speechlike, 0.5, 22050)
    assert np.abs(limited).max() <= 0.5 * (1 + 1e-6)
    assert np.abs(speechlike).max() > 1.0
    quiet = (speechlike * 0.05).astype(np.float32)
    assert np.array_equal(limit_peaks(quiet, 0.5, 22050), quiet)
    # A gain, never an inversion or a boost.
    gain = limited[np.abs(speechlike) > 1e-3] / speechlike[np.abs(speechlike) > 1e-3]
    assert gain.min() > 0
    assert gain.max() <= 1.0 + 1e-6


def test_sentences_land_at_the_target_with_their_peak_under_the_ceiling(settings: AudioSettings) -> None:
    rng = np.random.default_rng(3)
    pieces = []
    for seconds, level in ((2.5, 0.02), (6.0, 0.3), (4.0, 0.005)):
        envelope = np.repeat(rng.uniform(0.1, 1.0, round(seconds * 10)), 2205)
        pieces.append(np.clip(rng.normal(0, level, envelope.size) * envelope * 32768, -32768, 32767))
    matched = normalize_pieces([p.astype("<i2").tobytes() for p in pieces], 22050, settings)
    for piece in matched:
        loudness = measure_loudness(pcm=piece.samples, sample_rate=22050, settings=settings)
        assert loudness.integrated_lufs == pytest.approx(settings.loudness_target_lufs, abs=0.3)
        assert loudness.true_peak_dbtp <= settings.true_peak_dbtp
        assert piece.loudness_lufs == pytest.approx(settings.loudness_target_lufs, abs=0.2)
