"""Checking and recording a live internet stream (tiếp sóng): HTTP MP3/AAC or HLS.

A check connects, decodes a few seconds and says what it heard: peers' relays went silent
without an error because nobody listened to the stream first (LibreTime #2311). A recording
copies the stream (MP3 as is, anything else re-encoded to MP3) until the window ends,
reconnecting when it drops, and says how much of the window it holds.
"""

from __future__ import annotations

import array
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from audio.ffmpeg import FfmpegNotFound, ffmpeg_exe

SourceFormat = Literal["mp3", "aac", "hls"]
CHECK_RATE = 8000  # Hz: enough to tell sound from silence and cheap to decode
# ffmpeg gives up on a socket that says nothing for this long (microseconds for -rw_timeout)
NETWORK_TIMEOUT_S = 5.0
# Peak below this (of 32767) over the whole check is heard as silence: dead air upstream.
SILENCE_PEAK = 64


@dataclass(frozen=True)
class CheckResult:
    """What a check heard: ``ok`` when it decoded the seconds asked for and they are not silent."""

    ok: bool
    decoded_ms: int
    elapsed_ms: int
    peak: int
    detail_vi: str
    detail_en: str


def _input_args(url: str) -> list[str]:
    timeout_us = str(int(NETWORK_TIMEOUT_S * 1_000_000))
    return ["-rw_timeout", timeout_us, "-i", url]


def check_stream(url: str, seconds: float = 3.0, *, timeout_s: float | None = None) -> CheckResult:
    """Connect to `url`, decode `seconds` of audio and judge it (never raises for a bad source)."""
    limit = timeout_s if timeout_s is not None else seconds + 2 * NETWORK_TIMEOUT_S + 5
    started = time.monotonic()
    command = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-nostats", "-loglevel", "error",
               *_input_args(url), "-t", f"{seconds:.3f}", "-vn", "-ac", "1", "-ar", str(CHECK_RATE),
               "-f", "s16le", "-"]
    try:
        done = subprocess.run(command, capture_output=True, timeout=limit, check=False,
                              stdin=subprocess.DEVNULL)
        pcm, stderr = done.stdout, done.stderr
    except subprocess.TimeoutExpired as exc:
        pcm, stderr = bytes(exc.stdout or b""), b"timeout"
    except OSError as exc:
        raise FfmpegNotFound(f"Không chạy được ffmpeg: {exc}.", f"Could not run ffmpeg: {exc}.") from exc
    elapsed = int((time.monotonic() - started) * 1000)
    return judge(pcm, seconds, elapsed, stderr.decode("utf-8", "replace"))


def judge(pcm: bytes, seconds: float, elapsed_ms: int, stderr: str) -> CheckResult:
    """Turn decoded mono 16-bit PCM at CHECK_RATE into a verdict."""
    samples = array.array("h")
    samples.frombytes(pcm[: len(pcm) - len(pcm) % 2])
    decoded_ms = len(samples) * 1000 // CHECK_RATE
    peak = max((abs(s) for s in samples), default=0)
    wanted_ms = int(seconds * 1000)
    if decoded_ms == 0:
        reason = stderr.strip().splitlines()[-1] if stderr.strip() else "no audio"
        return CheckResult(False, 0, elapsed_ms, 0,
                           f"Không kết nối hoặc không giải mã được nguồn ({reason}).",
                           f"Could not connect to or decode the source ({reason}).")
    if decoded_ms < wanted_ms * 9 // 10:
        return CheckResult(False, decoded_ms, elapsed_ms, peak,
                           f"Nguồn ngắt sau {decoded_ms / 1000:.1f} giây (cần {seconds:.0f} giây).",
                           f"The source stopped after {decoded_ms / 1000:.1f} s (wanted {seconds:.0f} s).")
    if peak < SILENCE_PEAK:
        return CheckResult(False, decoded_ms, elapsed_ms, peak,
                           "Nguồn kết nối được nhưng hoàn toàn im lặng.",
                           "The source connects but is completely silent.")
    return CheckResult(True, decoded_ms, elapsed_ms, peak,
                       f"Nghe rõ {decoded_ms / 1000:.1f} giây âm thanh.",
                       f"Heard {decoded_ms / 1000:.1f} s of audio.")


@dataclass(frozen=True)
class RecordingOutcome:
    """How a window's recording went: its file (None when nothing came) and its pieces."""

    path: Path | None
    pieces: int
    error: str | None


def record_stream(url: str, destination: Path, until: float, *, source_format: SourceFormat = "mp3",
                  bitrate_kbps: int = 64, clock: Callable[[], float] = time.time,
                  retry_pause_s: float = 1.0) -> RecordingOutcome:
    """Record `url` into `destination` (MP3) until the wall-clock instant `until` (epoch s).

    A drop ends one ffmpeg run; the next run appends after a short pause, so the file holds
    every second the source gave (MP3 frames concatenate). MP3 sources are copied as they
    come (no re-encoding, no quality loss, little CPU); AAC and HLS are encoded to MP3."""
    codec = ["-c:a", "copy"] if source_format == "mp3" else ["-c:a", "libmp3lame", "-b:a", f"{bitrate_kbps}k"]
    pieces, last_error = 0, None
    destination.parent.mkdir(parents=True, exist_ok=True)
    with destination.open("wb") as out:
        while (remaining := until - clock()) > 0.2:
            command = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-nostats", "-loglevel", "error",
                       *_input_args(url), "-t", f"{remaining:.3f}", "-vn", "-map", "0:a:0", *codec,
                       "-f", "mp3", "-"]
            try:
                done = subprocess.run(command, capture_output=True, timeout=remaining + 2 * NETWORK_TIMEOUT_S,
                                      check=False, stdin=subprocess.DEVNULL)
                data, stderr = done.stdout, done.stderr
            except subprocess.TimeoutExpired as exc:
                data, stderr = bytes(exc.stdout or b""), b"timeout"
            if data:
                out.write(data)
                out.flush()
                pieces += 1
            if stderr.strip():
                last_error = stderr.decode("utf-8", "replace").strip().splitlines()[-1]
            if until - clock() > 0.2:
                time.sleep(min(retry_pause_s, max(0.0, until - clock())))
    if pieces == 0:
        destination.unlink(missing_ok=True)
        return RecordingOutcome(None, 0, last_error or "no audio")
    return RecordingOutcome(destination, pieces, last_error)


def decoded_ms(path: Path, timeout_s: float = 120.0) -> int:
    """How long a file plays, by decoding all of it (exact, whatever its headers claim)."""
    command = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-nostats", "-loglevel", "error", "-i", str(path),
               "-vn", "-ac", "1", "-ar", str(CHECK_RATE), "-f", "s16le", "-"]
    done = subprocess.run(command, capture_output=True, timeout=timeout_s, check=False, stdin=subprocess.DEVNULL)
    return len(done.stdout) // 2 * 1000 // CHECK_RATE
