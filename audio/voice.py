"""An announcer's own voice, recorded on a phone or a PC: refuse what cannot air, clean the rest.

A voice recording is checked for clipping, has its steady background noise reduced (ffmpeg's
`highpass` and `afftdn`, the noise floor measured first so the filter is told what to remove),
and loses the silence before the first word and after the last. Loudness is matched afterwards
like any recording (audio.recordings).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from audio.config import AudioSettings
from audio.errors import AudioError
from audio.ffmpeg import pcm_input, pcm_output, run_ffmpeg
from audio.pcm import SAMPLE_WIDTH, Pcm, rms_dbfs

FRAME_MS = 20
# A sample this close to full scale counts as clipped (a flat top, or its resampled ringing).
_CLIP_LEVEL = int(32767 * 0.985)
# A 20 ms frame with this share of clipped samples is a distorted frame, not one stray peak.
_CLIPPED_SHARE = 0.02
# Refused when distorted frames add up to at least this long and this share of the voiced time.
CLIPPED_SECONDS = 0.5
CLIPPED_SHARE_OF_VOICE = 0.05
# The quietest 10 % of frames are the pauses between words: their level is the noise floor.
_FLOOR_PERCENTILE = 0.10
_LOUD_PERCENTILE = 0.95
# Below this, there is no noise worth removing (a quiet room, or a browser's own suppression).
_NO_NOISE_DBFS = -72.0
# Noise is removed only when speech stands this far above it: otherwise the floor may be speech.
_MIN_SPEECH_OVER_FLOOR_DB = 15.0
# afftdn removes about 20 dB when told a floor 3 dB above the measured one (measured on white
# noise at -45 and -35 dBFS); nr caps the reduction so voices do not turn watery.
_NOISE_FLOOR_OFFSET_DB = 3.0
_NOISE_REDUCTION_DB = 20
_HIGHPASS_HZ = 80
# Voiced frames stand this far above the (cleaned) floor, and above an absolute level.
_VOICE_OVER_FLOOR_DB = 12.0
_VOICE_MIN_DBFS = -55.0
# A click or a bump is shorter than this: it does not start or end the speech.
_MIN_VOICED_RUN_FRAMES = 3
# Kept around the speech so the first consonant and the last word's decay stay whole.
LEAD_MARGIN_MS = 200
TAIL_MARGIN_MS = 300


class ClippedRecording(AudioError):
    message_vi = "Bản ghi bị vỡ tiếng (quá to); hãy để micrô xa miệng hơn hoặc nói nhỏ hơn rồi ghi lại."
    message_en = ("The recording is distorted (too loud); hold the microphone further away or speak "
                  "softer, then record again.")


class NoVoice(AudioError):
    message_vi = "Bản ghi chỉ có tiếng ồn đều, không nghe thấy lời đọc; hãy kiểm tra micrô và ghi âm lại."
    message_en = "The recording holds only a steady noise and no voice; check the microphone and record again."


@dataclass(frozen=True)
class CleanedVoice:
    """The cleaned voice, and what was done to it (shown to the officer, kept in the audit log)."""

    pcm: Pcm
    lead_trimmed_ms: int
    tail_trimmed_ms: int
    noise_floor_dbfs: float
    noise_floor_after_dbfs: float
    clipped_ms: int
    noise_reduced: bool


def frame_levels(samples: bytes, sample_rate: int) -> list[float]:
    """RMS level (dBFS) of each 20 ms frame."""
    size = sample_rate * FRAME_MS // 1000 * SAMPLE_WIDTH
    return [rms_dbfs(samples[start:start + size]) for start in range(0, len(samples) - size + 1, size)]


# Frames quieter than this are digital silence (a browser padding a take before or after the
# microphone delivers): they are not the room's noise floor and must not set it.
_DIGITAL_SILENCE_DBFS = -85.0


def _percentile(levels: list[float], share: float, *, sounding: bool = False) -> float:
    """The level under which `share` of the frames lie; `sounding`: of the frames above digital
    silence only (the room's own floor, for telling speech from it)."""
    if sounding:
        levels = [level for level in levels if level > _DIGITAL_SILENCE_DBFS] or levels
    ordered = sorted(levels)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else -math.inf


def clipped_frames(samples: bytes, sample_rate: int) -> int:
    """How many 20 ms frames are distorted: a share of their samples sit at full scale."""
    import array

    values = array.array("h")
    values.frombytes(samples[: len(samples) // SAMPLE_WIDTH * SAMPLE_WIDTH])
    size = sample_rate * FRAME_MS // 1000
    needed = max(2, int(size * _CLIPPED_SHARE))
    count = 0
    for start in range(0, len(values) - size + 1, size):
        frame = values[start:start + size]
        if max(frame) < _CLIP_LEVEL and -min(frame) < _CLIP_LEVEL:
            continue
        if sum(1 for v in frame if v >= _CLIP_LEVEL or v <= -_CLIP_LEVEL) >= needed:
            count += 1
    return count


def check_clipping(pcm: Pcm) -> int:
    """Refuse a recording distorted for long stretches; answer its clipped milliseconds."""
    levels = frame_levels(pcm.samples, pcm.sample_rate)
    floor = _percentile(levels, _FLOOR_PERCENTILE)
    voiced = sum(1 for level in levels if level > max(floor + _VOICE_OVER_FLOOR_DB, _VOICE_MIN_DBFS))
    clipped = clipped_frames(pcm.samples, pcm.sample_rate)
    seconds = clipped * FRAME_MS / 1000
    if seconds >= CLIPPED_SECONDS and clipped >= CLIPPED_SHARE_OF_VOICE * max(voiced, 1):
        share = round(100 * clipped / max(voiced, clipped, 1))
        raise ClippedRecording(
            f"Bản ghi bị vỡ tiếng (quá to) trong {seconds:.1f} giây, {share}% thời gian có tiếng; "
            "hãy để micrô xa miệng hơn hoặc nói nhỏ hơn rồi ghi lại.",
            f"The recording is distorted (too loud) for {seconds:.1f} s, {share}% of the time with sound; "
            "hold the microphone further away or speak softer, then record again.",
        )
    return round(seconds * 1000)


def reduce_noise(pcm: Pcm, floor_dbfs: float, settings: AudioSettings) -> Pcm:
    """High-pass (rumble, hum, handling) and FFT denoise tuned to the measured floor."""
    chain = [f"highpass=f={_HIGHPASS_HZ}"]
    if math.isfinite(floor_dbfs):
        noise_floor = min(-20.0, max(-80.0, floor_dbfs + _NOISE_FLOOR_OFFSET_DB))
        chain.append(f"afftdn=nr={_NOISE_REDUCTION_DB}:nf={noise_floor:.1f}")
    done = run_ffmpeg(["-v", "error", *pcm_input(pcm.sample_rate), "-af", ",".join(chain),
                       *pcm_output(pcm.sample_rate)], input_bytes=pcm.samples, settings=settings)
    return Pcm(done.stdout[: len(pcm.samples)], pcm.sample_rate)


def speech_bounds(levels: list[float]) -> tuple[int, int] | None:
    """First and last (exclusive) frame of the speech: runs of voiced frames, not clicks."""
    floor = _percentile(levels, _FLOOR_PERCENTILE, sounding=True)
    threshold = max(floor + _VOICE_OVER_FLOOR_DB, _VOICE_MIN_DBFS)
    voiced = [level > threshold for level in levels]
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for index, loud in enumerate([*voiced, False]):
        if loud and start is None:
            start = index
        elif not loud and start is not None:
            if index - start >= _MIN_VOICED_RUN_FRAMES:
                runs.append((start, index))
            start = None
    return (runs[0][0], runs[-1][1]) if runs else None


def clean_voice(pcm: Pcm, settings: AudioSettings) -> CleanedVoice:
    """Check, denoise and trim a voice recording (raises ClippedRecording, NoVoice)."""
    clipped_ms = check_clipping(pcm)
    levels = frame_levels(pcm.samples, pcm.sample_rate)
    floor = _percentile(levels, _FLOOR_PERCENTILE)
    loud = _percentile(levels, _LOUD_PERCENTILE)
    if loud - floor < _VOICE_OVER_FLOOR_DB and floor > _VOICE_MIN_DBFS:
        raise NoVoice()
    worth_it = floor > _NO_NOISE_DBFS and loud - floor >= _MIN_SPEECH_OVER_FLOOR_DB
    cleaned = reduce_noise(pcm, floor if worth_it else -math.inf, settings)
    after = frame_levels(cleaned.samples, cleaned.sample_rate)
    bounds = speech_bounds(after)
    if bounds is None:
        raise NoVoice()
    frame = cleaned.sample_rate * FRAME_MS // 1000
    first = max(0, bounds[0] * frame - cleaned.sample_rate * LEAD_MARGIN_MS // 1000)
    last = min(cleaned.frame_count, bounds[1] * frame + cleaned.sample_rate * TAIL_MARGIN_MS // 1000)
    kept = cleaned.samples[first * SAMPLE_WIDTH : last * SAMPLE_WIDTH]
    return CleanedVoice(
        pcm=Pcm(kept, cleaned.sample_rate),
        lead_trimmed_ms=round(1000 * first / cleaned.sample_rate),
        tail_trimmed_ms=round(1000 * (cleaned.frame_count - last) / cleaned.sample_rate),
        noise_floor_dbfs=floor,
        noise_floor_after_dbfs=_percentile(after, _FLOOR_PERCENTILE),
        clipped_ms=clipped_ms,
        noise_reduced=worth_it,
    )
