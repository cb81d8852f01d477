"""Uploaded recordings: probe, refuse what cannot air, keep the original and a matched copy."""

from __future__ import annotations

import math
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from audio.config import AudioSettings, get_audio_settings
from audio.errors import AudioError
from audio.ffmpeg import AudioTooDemanding, UnplayableAudio, decode_to_pcm, probe
from audio.loudness import normalize_pieces
from audio.pcm import Pcm, rms_dbfs, to_wav_bytes
from audio.storage import Storage
from audio.voice import CleanedVoice, clean_voice


class RecordingRejected(AudioError):
    """Base of the reasons an upload is refused."""


class EmptyUpload(RecordingRejected):
    message_vi = "Tệp tải lên rỗng (0 byte); hãy chọn lại tệp ghi âm."
    message_en = "The uploaded file is empty (0 bytes); choose the recording again."


class UploadTooLarge(RecordingRejected):
    message_vi = "Tệp quá lớn; hãy nén lại (ví dụ MP3 64 kbps) hoặc cắt ngắn."
    message_en = "The file is too large; compress it (e.g. MP3 at 64 kbps) or shorten it."


class NotAudio(RecordingRejected):
    message_vi = "Tệp không phải âm thanh; hãy tải lên tệp MP3, WAV, M4A hoặc OGG."
    message_en = "The file is not audio; upload an MP3, WAV, M4A or OGG file."


class CorruptAudio(RecordingRejected):
    message_vi = "Tệp âm thanh bị hỏng hoặc thiếu (tải lên chưa hết?); hãy xuất lại và tải lên lại."
    message_en = (
        "The audio file is damaged or truncated (incomplete upload?); export and upload it again."
    )


class SilentAudio(RecordingRejected):
    message_vi = "Bản ghi im lặng; hãy kiểm tra micrô và ghi âm lại."
    message_en = "The recording is silent; check the microphone and record again."


class RecordingTooLong(RecordingRejected):
    message_vi = "Bản ghi dài hơn khung giờ phát; hãy cắt ngắn."
    message_en = "The recording is longer than a broadcast slot; shorten it."


class DecoderBusy(AudioError):
    """Every decode slot stayed taken while the upload waited: try again shortly."""

    message_vi = "Máy chủ đang xử lý các bản ghi khác; hãy đợi một phút rồi tải lên lại."
    message_en = "The server is busy processing other recordings; upload again in a minute."


@lru_cache(maxsize=4)
def _decode_slots(count: int) -> threading.BoundedSemaphore:
    return threading.BoundedSemaphore(count)


@contextmanager
def decode_slot(settings: AudioSettings) -> Iterator[None]:
    """Hold one of the few slots for decoding an upload (each holds up to a slot's PCM)."""
    slots = _decode_slots(settings.max_concurrent_decodes)
    if not slots.acquire(timeout=settings.decode_wait_seconds):
        raise DecoderBusy()
    try:
        yield
    finally:
        slots.release()


@dataclass(frozen=True)
class IngestedRecording:
    """A validated upload: the original and its loudness-matched mono WAV copy."""

    original_key: str
    normalized_key: str
    duration_ms: int
    frame_count: int
    sample_rate: int
    original_loudness_lufs: float
    loudness_lufs: float
    size_bytes: int
    codec: str
    # For a voice recording: how it was cleaned (its duration above is the cleaned one).
    voice: CleanedVoice | None = None


_SILENT_DBFS = -60.0
# Decode at most this much past the limit: getting it all means the file is too long.
_BEYOND_LIMIT_SECONDS = 1.0
# A decode this much shorter than the header promises means the file was cut off.
_TRUNCATION_TOLERANCE = 0.9


def ingest_recording(
    source: Path, storage: Storage, settings: AudioSettings | None = None, *, voice: bool = False
) -> IngestedRecording:
    """Validate the uploaded file at `source` and store it with a normalized copy; a `voice`
    recording (an announcer, recorded in the browser) is also checked for distortion, denoised
    and trimmed of the silence around the speech, and may last at most
    `max_voice_recording_seconds`."""
    settings = settings or get_audio_settings()
    size = source.stat().st_size
    if size == 0:
        raise EmptyUpload()
    if size > settings.max_upload_bytes:
        limit_mb = settings.max_upload_bytes / 1_000_000
        raise UploadTooLarge(
            f"Tệp {size / 1_000_000:.1f} MB, vượt giới hạn {limit_mb:.0f} MB; "
            "hãy nén lại hoặc cắt ngắn.",
            f"The file is {size / 1_000_000:.1f} MB, over the {limit_mb:.0f} MB limit; "
            "compress or shorten it.",
        )
    with decode_slot(settings):
        return _ingest(source, size, storage, settings, voice=voice)


def _ingest(source: Path, size: int, storage: Storage, settings: AudioSettings, *,
            voice: bool) -> IngestedRecording:
    memory = settings.decode_memory_limit_mb
    try:
        info = probe(source, settings, memory_limit_mb=memory)
    except AudioTooDemanding:
        raise
    except UnplayableAudio as exc:
        raise NotAudio() from exc
    limit = settings.max_voice_recording_seconds if voice else settings.max_recording_seconds
    if info.duration_seconds is not None and info.duration_seconds > limit + 0.5:
        # Refused from the header alone: a 2-hour file is never decoded.
        raise RecordingTooLong(
            f"Bản ghi dài {_clock(info.duration_seconds)}, vượt {_clock(limit)}; hãy cắt ngắn.",
            f"The recording lasts {_clock(info.duration_seconds)}, over {_clock(limit)}; "
            "shorten it.",
        )
    rate = settings.sample_rate
    try:
        samples, warnings = decode_to_pcm(
            source, rate, settings, max_seconds=limit + _BEYOND_LIMIT_SECONDS, memory_limit_mb=memory
        )
    except AudioTooDemanding:
        raise
    except UnplayableAudio as exc:
        raise CorruptAudio() from exc
    pcm = Pcm(samples, rate)
    if pcm.frame_count == 0:
        raise CorruptAudio()
    if pcm.duration_seconds > limit + 0.5:
        # Decoding stopped just past the limit: the header hid the length, the audio did not.
        raise RecordingTooLong(
            f"Bản ghi dài hơn {_clock(limit)} (tệp không ghi rõ độ dài); hãy cắt ngắn.",
            f"The recording lasts more than {_clock(limit)} (its header hides the length); "
            "shorten it.",
        )
    promised = info.duration_seconds
    if promised and pcm.duration_seconds < promised * _TRUNCATION_TOLERANCE:
        raise CorruptAudio(
            f"Tệp chỉ giải mã được {pcm.duration_seconds:.1f} giây trên {promised:.1f} giây; "
            "tệp bị thiếu, hãy tải lên lại.",
            f"Only {pcm.duration_seconds:.1f} s of {promised:.1f} s could be decoded; the file is "
            "truncated, upload it again.",
        )
    if "Invalid data" in warnings and pcm.duration_seconds < 0.5:
        raise CorruptAudio()
    if rms_dbfs(pcm.samples) < _SILENT_DBFS:
        raise SilentAudio()
    cleaned = clean_voice(pcm, settings) if voice else None
    if cleaned is not None:
        pcm = cleaned.pcm
    [matched] = normalize_pieces([pcm.samples], rate, settings)
    if matched.silent:
        raise SilentAudio()
    original_loudness = matched.loudness_lufs - matched.gain_db
    suffix = source.suffix.lower() if source.suffix.lower() in _SUFFIXES else ""
    original_key = storage.put_file(source, suffix=suffix)
    normalized_key = storage.put_bytes(to_wav_bytes(Pcm(matched.samples, rate)), suffix=".wav")
    return IngestedRecording(
        original_key=original_key,
        normalized_key=normalized_key,
        duration_ms=round(1000 * pcm.frame_count / rate),
        frame_count=pcm.frame_count,
        sample_rate=rate,
        original_loudness_lufs=original_loudness if math.isfinite(original_loudness) else -math.inf,
        loudness_lufs=matched.loudness_lufs,
        size_bytes=size,
        codec=info.codec,
        voice=cleaned,
    )


_SUFFIXES = {".mp3", ".wav", ".m4a", ".aac", ".ogg", ".opus", ".oga", ".webm", ".mp4"}


def _clock(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
