"""`loa say`: speak a text into a playable file and tell which engine spoke."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path
from typing import TextIO

from audio.config import AudioSettings, get_audio_settings
from audio.errors import AudioError
from audio.ffmpeg import OutputFormat, encode_pcm
from audio.pcm import from_wav_bytes
from audio.storage_url import storage_for
from audio.tts.engine import VoiceSettings
from audio.tts.service import ENGINE_LABELS, SpeechService

_FORMATS: dict[str, OutputFormat] = {".mp3": "mp3", ".wav": "wav", ".ogg": "opus", ".opus": "opus"}


def say_command(
    text: str,
    output: Path,
    *,
    voice: str | None = None,
    engine: str | None = None,
    rate: int | None = None,
    pitch: int | None = None,
    neural_voice: str | None = None,
    settings: AudioSettings | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Write `text` (already spoken form) as MP3/WAV/Opus at `output`; return an exit code."""
    settings = settings or get_audio_settings()
    err = stderr or sys.stderr
    fmt = _FORMATS.get(output.suffix.lower())
    if fmt is None:
        print("Chỉ hỗ trợ tệp .mp3, .wav, .ogg (Only .mp3, .wav, .ogg output).", file=err)
        return 2
    chosen = VoiceSettings(
        voice=voice or settings.tts_voice,
        rate=rate if rate is not None else settings.tts_rate,
        pitch=pitch if pitch is not None else settings.tts_pitch,
        word_gap=settings.tts_word_gap,
        neural_voice=neural_voice or settings.tts_neural_voice,
    )
    try:
        service = SpeechService(storage_for(settings), settings)
        result = service.synthesize(text, engine=engine, voice=chosen)
        pcm = from_wav_bytes(service.storage.read_bytes(result.audio_key))
        output.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=".loa-say-", suffix=output.suffix, dir=output.parent)
        os.close(handle)
        try:
            encode_pcm(
                pcm.samples,
                pcm.sample_rate,
                Path(temp),
                fmt=fmt,
                bitrate_kbps=settings.mp3_bitrate_kbps,
                settings=settings,
            )
            # mkstemp creates 0600; a file the user asked for gets the usual umask.
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp, 0o666 & ~umask)
            os.replace(temp, output)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)
    except AudioError as exc:
        print(str(exc), file=err)
        return 1
    label = " + ".join(ENGINE_LABELS.get(name, name) for name in result.engine.split("+"))
    print(f"Bộ đọc: {label}; {result.duration_seconds:.2f} giây → {output}", file=err)
    if result.fell_back:
        print(f"{result.fallback_reason_vi} ({result.fallback_reason_en})", file=err)
    return 0
