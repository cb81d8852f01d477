"""The alert tone that opens an emergency bulletin: three rising beeps, at speech loudness."""

from __future__ import annotations

import math
from array import array

from audio.pcm import silence

BEEPS = ((880.0, 400), (988.0, 400), (1175.0, 700))
GAP_MS = 150
# A sine at -19 dBFS peak sits close to -16 LUFS for these frequencies (K-weighting adds ~+3 dB).
AMPLITUDE = 10 ** (-19 / 20) * 32767


def alert_tone(sample_rate: int, total_ms: int = 3000) -> bytes:
    """Mono s16le PCM of exactly `total_ms`: the beeps, then silence."""
    out = bytearray()
    for frequency, ms in BEEPS:
        frames = sample_rate * ms // 1000
        fade = max(1, sample_rate * 10 // 1000)  # 10 ms ramps: no clicks
        samples = array("h", (
            int(AMPLITUDE * min(1.0, i / fade, (frames - i) / fade)
                * math.sin(2 * math.pi * frequency * i / sample_rate))
            for i in range(frames)
        ))
        out += samples.tobytes() + silence(GAP_MS, sample_rate)
    wanted = sample_rate * total_ms // 1000 * 2
    return bytes(out[:wanted]) + bytes(max(0, wanted - len(out)))
