"""The one wrapper around the ffmpeg binary: locate, probe, decode, encode, measure.

Only the `ffmpeg` binary is needed (the `imageio-ffmpeg` wheel ships no ffprobe): probing
parses the banner that `ffmpeg -i` prints.
"""

from __future__ import annotations

import io
import math
import os
import re
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from audio.config import AudioSettings, get_audio_settings
from audio.errors import FFMPEG_DISK_FULL, AudioError, StorageFull


class FfmpegNotFound(AudioError):
    message_vi = "Không tìm thấy chương trình ffmpeg; hãy cài ffmpeg hoặc gói imageio-ffmpeg."
    message_en = "ffmpeg was not found; install ffmpeg or the imageio-ffmpeg package."


class FfmpegFailed(AudioError):
    message_vi = "ffmpeg không xử lý được âm thanh."
    message_en = "ffmpeg failed to process the audio."


class FfmpegTimeout(FfmpegFailed):
    message_vi = "ffmpeg chạy quá thời gian cho phép."
    message_en = "ffmpeg took longer than allowed."


class UnplayableAudio(AudioError):
    message_vi = "Tệp không phải là âm thanh phát được; hãy chọn tệp MP3, WAV, M4A hoặc OGG."
    message_en = "The file is not playable audio; choose an MP3, WAV, M4A or OGG file."


class AudioTooDemanding(UnplayableAudio):
    message_vi = (
        "Giải mã tệp này cần quá nhiều bộ nhớ; hãy xuất lại thành MP3 hoặc WAV thông thường "
        "rồi tải lên."
    )
    message_en = "Decoding this file needs too much memory; export it as a plain MP3 or WAV."


@dataclass(frozen=True)
class ProbeResult:
    """What `ffmpeg -i` says about a file's first audio stream."""

    format_name: str
    codec: str
    sample_rate: int
    channels: int
    duration_seconds: float | None
    bit_rate_kbps: int | None


@dataclass(frozen=True)
class Loudness:
    """EBU R128 measurement: integrated loudness (LUFS) and peak (dBTP or dBFS)."""

    integrated_lufs: float
    true_peak_dbtp: float
    loudness_range_lu: float


OutputFormat = Literal["mp3", "opus", "wav"]


@lru_cache(maxsize=8)
def _locate(configured: str | None) -> str:
    if configured:
        found = shutil.which(configured)
        if found is None:
            raise FfmpegNotFound(
                f"Không tìm thấy ffmpeg tại LOA_FFMPEG_PATH={configured}.",
                f"ffmpeg not found at LOA_FFMPEG_PATH={configured}.",
            )
        return found
    system = shutil.which("ffmpeg")
    if system is not None:
        return system
    try:
        import imageio_ffmpeg
    except ImportError as exc:  # pragma: no cover - the wheel is a declared dependency
        raise FfmpegNotFound() from exc
    try:
        return str(imageio_ffmpeg.get_ffmpeg_exe())
    except RuntimeError as exc:
        raise FfmpegNotFound() from exc


def ffmpeg_exe(settings: AudioSettings | None = None) -> str:
    """Path of the ffmpeg binary: the configured one, else the system's, else the wheel's."""
    settings = settings or get_audio_settings()
    return _locate(settings.ffmpeg_path)


def configure_pydub(settings: AudioSettings | None = None) -> None:
    """Point pydub at Loa's ffmpeg (callers must still pass `format=`/`codec=`: no ffprobe)."""
    from pydub import AudioSegment

    exe = ffmpeg_exe(settings)
    AudioSegment.converter = exe
    AudioSegment.ffmpeg = exe


def _command(args: list[str], settings: AudioSettings, memory_limit_mb: int | None) -> list[str]:
    command = [ffmpeg_exe(settings), "-hide_banner", "-nostdin", "-nostats", *args]
    if memory_limit_mb is None:
        return command
    limiter = shutil.which("prlimit")
    if limiter is None:  # pragma: no cover - util-linux is on every Debian and Ubuntu
        raise FfmpegNotFound(
            "Không tìm thấy lệnh prlimit (gói util-linux) để giới hạn bộ nhớ khi giải mã.",
            "prlimit (util-linux) is needed to limit memory while decoding.",
        )
    limit = memory_limit_mb * 1024 * 1024
    return [limiter, f"--as={limit}", "--", *command]


def _environment(memory_limit_mb: int | None) -> dict[str, str] | None:
    # glibc reserves 64 MiB of address space per thread arena: with one per ffmpeg thread an
    # address-space limit would be spent on reservations, not on audio.
    return None if memory_limit_mb is None else {**os.environ, "MALLOC_ARENA_MAX": "2"}


def run_ffmpeg(
    args: list[str],
    *,
    input_bytes: bytes | None = None,
    timeout: float | None = None,
    settings: AudioSettings | None = None,
    check: bool = True,
    memory_limit_mb: int | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run ffmpeg with `args`, a timeout, no stdin unless given, optionally with at most
    `memory_limit_mb` of address space; raise named errors."""
    settings = settings or get_audio_settings()
    command = _command(args, settings, memory_limit_mb)
    limit = timeout if timeout is not None else settings.ffmpeg_timeout_seconds
    try:
        done = subprocess.run(
            command,
            input=input_bytes,
            stdin=None if input_bytes is not None else subprocess.DEVNULL,
            capture_output=True,
            timeout=limit,
            check=False,
            env=_environment(memory_limit_mb),
        )
    except subprocess.TimeoutExpired as exc:
        raise FfmpegTimeout(
            f"ffmpeg chạy quá {limit:.0f} giây.", f"ffmpeg took more than {limit:.0f} s."
        ) from exc
    except OSError as exc:
        raise FfmpegNotFound(
            f"Không chạy được ffmpeg: {exc}.", f"Could not run ffmpeg: {exc}."
        ) from exc
    if check and done.returncode != 0:
        raise ffmpeg_failure(done.stderr)
    return done


def ffmpeg_failure(stderr: bytes) -> Exception:
    """The named error for a failed ffmpeg run: `StorageFull` when it could not write."""
    tail = _last_lines(stderr)
    if FFMPEG_DISK_FULL in stderr.decode("utf-8", "replace"):
        return StorageFull()
    return FfmpegFailed(f"ffmpeg báo lỗi: {tail}", f"ffmpeg failed: {tail}")


def _last_lines(stderr: bytes, count: int = 3) -> str:
    lines = [line for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    return " | ".join(lines[-count:])


_DURATION = re.compile(r"Duration: (N/A|(\d+):(\d+):(\d+(?:\.\d+)?))(?:.*?bitrate: (\d+) kb/s)?")
_INPUT = re.compile(r"^Input #0, ([^,]+(?:,[^,\s]+)*), from", re.MULTILINE)
_AUDIO = re.compile(
    r"Stream #0:\d+.*?: Audio: ([\w-]+)[^,]*, (\d+) Hz, ([^,]+)(?:, [^,]+)?(?:, (\d+) kb/s)?"
)
_CHANNELS = {"mono": 1, "stereo": 2, "2.1": 3, "quad": 4, "5.0": 5, "5.1": 6, "7.1": 8}


def probe(
    path: Path, settings: AudioSettings | None = None, *, memory_limit_mb: int | None = None
) -> ProbeResult:
    """Read format, codec, rate, channels and duration of `path` without decoding it."""
    done = run_ffmpeg(
        ["-i", str(path)], settings=settings, check=False, timeout=30, memory_limit_mb=memory_limit_mb
    )
    text = done.stderr.decode("utf-8", "replace")
    audio = _AUDIO.search(text)
    container = _INPUT.search(text)
    if audio is None or container is None:
        if _out_of_memory(done.returncode, text, memory_limit_mb):
            raise AudioTooDemanding()
        raise UnplayableAudio()
    duration: float | None = None
    bit_rate: int | None = None
    found = _DURATION.search(text)
    if found is not None and found.group(1) != "N/A":
        hours, minutes, seconds = found.group(2, 3, 4)
        duration = int(hours) * 3600 + int(minutes) * 60 + float(seconds)
        bit_rate = int(found.group(5)) if found.group(5) else None
    layout = audio.group(3).strip()
    channels = _CHANNELS.get(layout)
    if channels is None:
        digits = re.match(r"(\d+) channels", layout)
        channels = int(digits.group(1)) if digits else 1
    return ProbeResult(
        format_name=container.group(1),
        codec=audio.group(1),
        sample_rate=int(audio.group(2)),
        channels=channels,
        duration_seconds=duration,
        bit_rate_kbps=bit_rate,
    )


def raw_pcm(sample_rate: int) -> list[str]:
    """ffmpeg's options for Loa's internal audio, mono s16le at `sample_rate`, as an input
    (before `-i pipe:0`) or as an output (before `pipe:1`)."""
    return ["-f", "s16le", "-ar", str(sample_rate), "-ac", "1"]


def pcm_input(sample_rate: int) -> list[str]:
    """Read internal PCM from standard input."""
    return [*raw_pcm(sample_rate), "-i", "pipe:0"]


def pcm_output(sample_rate: int) -> list[str]:
    """Write internal PCM to standard output."""
    return [*raw_pcm(sample_rate), "-acodec", "pcm_s16le", "pipe:1"]


def decode_to_pcm(
    path: Path,
    sample_rate: int,
    settings: AudioSettings | None = None,
    *,
    max_seconds: float | None = None,
    memory_limit_mb: int | None = None,
) -> tuple[bytes, str]:
    """Decode the first audio stream to mono s16le PCM; return it with ffmpeg's warnings.

    With `max_seconds`, ffmpeg stops after that much audio and no more than that is ever read
    from it, whatever the file's header claims: the caller compares the length it got with
    its own limit to tell "longer than allowed" (a hostile file cannot make us hold hours).
    """
    settings = settings or get_audio_settings()
    cap = ["-t", f"{max_seconds:.3f}"] if max_seconds is not None else []
    args = ["-v", "error", "-i", str(path), "-map", "0:a:0", "-vn", "-sn", "-dn", *cap,
            *pcm_output(sample_rate)]
    if max_seconds is None:
        done = run_ffmpeg(args, settings=settings, check=False, memory_limit_mb=memory_limit_mb)
        code, pcm, stderr = done.returncode, done.stdout, done.stderr
    else:
        most = 2 * math.ceil(max_seconds * sample_rate)
        code, pcm, stderr = _run_reading_at_most(args, most, settings, memory_limit_mb)
    if code != 0:
        tail = _last_lines(stderr)
        if _out_of_memory(code, tail, memory_limit_mb):
            raise AudioTooDemanding()
        raise UnplayableAudio(
            f"ffmpeg không giải mã được tệp: {tail}", f"ffmpeg could not decode the file: {tail}"
        )
    return pcm, stderr.decode("utf-8", "replace")


_OUT_OF_MEMORY = re.compile(r"Cannot allocate memory|Resource temporarily unavailable|ENOMEM")


def _out_of_memory(code: int, messages: str, memory_limit_mb: int | None) -> bool:
    """Whether a limited ffmpeg failed for want of memory (a crash or an allocation error)."""
    return memory_limit_mb is not None and (code < 0 or bool(_OUT_OF_MEMORY.search(messages)))


def _run_reading_at_most(
    args: list[str], most: int, settings: AudioSettings, memory_limit_mb: int | None
) -> tuple[int, bytes, bytes]:
    """Run ffmpeg writing to stdout; keep at most `most` bytes of it and stop ffmpeg there."""
    command = _command(args, settings, memory_limit_mb)
    limit = settings.ffmpeg_timeout_seconds
    timed_out = threading.Event()
    with tempfile.TemporaryFile() as errors:
        try:
            process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=errors,
                env=_environment(memory_limit_mb),
            )
        except OSError as exc:
            raise FfmpegNotFound(
                f"Không chạy được ffmpeg: {exc}.", f"Could not run ffmpeg: {exc}."
            ) from exc

        def expire() -> None:
            timed_out.set()
            process.kill()

        timer = threading.Timer(limit, expire)
        timer.start()
        kept = io.BytesIO()
        try:
            assert process.stdout is not None
            while kept.tell() < most:
                chunk = process.stdout.read(min(1 << 20, most - kept.tell()))
                if not chunk:
                    break
                kept.write(chunk)
            capped = kept.tell() >= most
            if capped:
                process.kill()  # whatever remains is never read
            code = process.wait()
        finally:
            timer.cancel()
            if process.poll() is None:
                process.kill()
                process.wait()
            if process.stdout is not None:
                process.stdout.close()
        if timed_out.is_set():
            raise FfmpegTimeout(
                f"ffmpeg chạy quá {limit:.0f} giây.", f"ffmpeg took more than {limit:.0f} s."
            )
        size = errors.seek(0, os.SEEK_END)
        errors.seek(max(0, size - 16 * 1024))
        return (0 if capped else code), kept.getvalue(), errors.read()


def decode_bytes_to_pcm(
    data: bytes, input_format: str, sample_rate: int, settings: AudioSettings | None = None
) -> bytes:
    """Decode in-memory audio (e.g. an MP3 answer from gTTS) to mono s16le PCM."""
    done = run_ffmpeg(
        [
            "-v",
            "error",
            "-f",
            input_format,
            "-i",
            "pipe:0",
            *pcm_output(sample_rate),
        ],
        input_bytes=data,
        settings=settings,
        check=False,
    )
    if done.returncode != 0 or not done.stdout:
        raise UnplayableAudio(
            f"Không giải mã được âm thanh: {_last_lines(done.stderr)}",
            f"Could not decode audio: {_last_lines(done.stderr)}",
        )
    return done.stdout


def resample_pcm(
    pcm: bytes, from_rate: int, to_rate: int, settings: AudioSettings | None = None
) -> bytes:
    """Resample mono s16le PCM (a no-op when the rates already match)."""
    if from_rate == to_rate:
        return pcm
    done = run_ffmpeg(
        ["-v", "error", *pcm_input(from_rate), *pcm_output(to_rate)],
        input_bytes=pcm,
        settings=settings,
    )
    return done.stdout


def encode_pcm(
    pcm: bytes,
    sample_rate: int,
    output: Path,
    *,
    fmt: OutputFormat = "mp3",
    bitrate_kbps: int = 64,
    output_rate: int | None = None,
    settings: AudioSettings | None = None,
) -> None:
    """Encode mono s16le PCM to MP3 (CBR, mono), Opus (in Ogg) or WAV at `output`."""
    codec: list[str]
    if fmt == "mp3":
        codec = ["-c:a", "libmp3lame", "-b:a", f"{bitrate_kbps}k", "-f", "mp3"]
    elif fmt == "opus":
        codec = ["-c:a", "libopus", "-b:a", f"{bitrate_kbps}k", "-f", "ogg"]
    else:
        codec = ["-c:a", "pcm_s16le", "-f", "wav"]
    rate = output_rate or sample_rate
    if fmt == "opus" and rate not in (8000, 12000, 16000, 24000, 48000):
        rate = 48000  # libopus accepts only these rates
    run_ffmpeg(
        [
            "-v",
            "error",
            *pcm_input(sample_rate),
            "-ac",
            "1",
            "-ar",
            str(rate),
            *codec,
            "-y",
            str(output),
        ],
        input_bytes=pcm,
        settings=settings,
    )


_SUMMARY_I = re.compile(r"I:\s+(-?[\d.]+|-inf|nan) LUFS")
_SUMMARY_LRA = re.compile(r"LRA:\s+(-?[\d.]+|nan) LU\n")
_SUMMARY_PEAK = re.compile(r"Peak:\s+(-?[\d.]+|-inf|nan) dBFS")


def parse_ebur128_summary(text: str) -> Loudness:
    """Read the summary that ffmpeg's ebur128 filter prints at the end of a run."""
    start = text.rfind("Summary:")
    block = text[start:] if start >= 0 else text
    integrated = _SUMMARY_I.search(block)
    if integrated is None:
        raise FfmpegFailed("Không đọc được độ to (ebur128).", "Could not read ebur128 loudness.")
    lra = _SUMMARY_LRA.search(block)
    peak = _SUMMARY_PEAK.search(block)
    return Loudness(
        integrated_lufs=_number(integrated.group(1)),
        true_peak_dbtp=_number(peak.group(1)) if peak else -math.inf,
        loudness_range_lu=_number(lra.group(1)) if lra else 0.0,
    )


def _number(text: str) -> float:
    value = float(text)
    return -math.inf if math.isnan(value) else value


def measure_loudness(
    path: Path | None = None,
    *,
    pcm: bytes | None = None,
    sample_rate: int | None = None,
    true_peak: bool = True,
    settings: AudioSettings | None = None,
) -> Loudness:
    """Measure EBU R128 loudness of a file, or of mono s16le PCM at `sample_rate`."""
    peak = "true" if true_peak else "sample"
    source: list[str]
    if path is not None:
        source = ["-i", str(path)]
    elif pcm is not None and sample_rate is not None:
        source = pcm_input(sample_rate)
    else:
        raise ValueError("give a path, or pcm with its sample_rate")
    done = run_ffmpeg(
        [
            *source,
            "-map",
            "0:a:0",
            "-af",
            f"ebur128=peak={peak}:framelog=verbose",
            "-f",
            "null",
            "-",
        ],
        input_bytes=pcm if path is None else None,
        settings=settings,
    )
    return parse_ebur128_summary(done.stderr.decode("utf-8", "replace"))
