"""Settings of Loa's audio package, read from `LOA_*` environment variables."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class AudioSettings(BaseSettings):
    """Where the audio tools are and what the audio must look like."""

    model_config = SettingsConfigDict(env_prefix="LOA_", extra="ignore")

    data_dir: Path = Path("data")
    # Where audio files live: unset or file:///path = local disk (data_dir/audio), or
    # s3://bucket/prefix?endpoint=http://127.0.0.1:9000 (see audio.storage_url).
    storage_url: str | None = None
    # S3 only: local copies of objects (served to relays, read by the renderer), bounded.
    storage_cache_mb: int = Field(default=2048, ge=16)
    # Binaries: None means "system PATH first, then the wheel's copy".
    ffmpeg_path: str | None = None
    espeak_path: str | None = None
    espeak_backend: Literal["auto", "binary", "library"] = "auto"
    ffmpeg_timeout_seconds: float = Field(default=300.0, gt=0)

    # Internal PCM: mono, 16-bit; 22050 Hz is eSpeak NG's native rate, so the offline
    # engine never resamples.
    sample_rate: int = Field(default=22050, ge=8000, le=48000)
    loudness_target_lufs: float = Field(default=-16.0, ge=-40.0, le=-5.0)
    true_peak_dbtp: float = Field(default=-1.5, ge=-9.0, le=0.0)
    sentence_pause_ms: int = Field(default=350, ge=0, le=3000)

    tts_engine: Literal["espeak", "gtts", "neural"] = "espeak"
    tts_neural_voice: str | None = None
    tts_voice: str = "vi"
    # Chosen with bench/bench_intelligibility.py (33 bulletin sentences, viet-asr): eSpeak's `vi`
    # voice at 150 wpm and no word gap was 75.7% WER, at 125 wpm with a 30 ms gap 65.7%; pitch
    # made no difference. Slower speech is ~45% longer: fewer bulletins fit in a slot.
    tts_rate: int = Field(default=125, ge=80, le=450)
    tts_pitch: int = Field(default=50, ge=0, le=99)
    tts_word_gap: int = Field(default=3, ge=0, le=50, description="eSpeak NG: extra pause between words, 10 ms units")
    gtts_timeout_seconds: float = Field(default=5.0, gt=0, le=60)
    gtts_tld: str = "com.vn"
    # Overrides https://translate.google.<tld>; used to point gTTS at a mirror or a test server.
    gtts_base_url: str | None = None
    gtts_retry_after_seconds: float = Field(default=60.0, ge=0)

    mp3_bitrate_kbps: int = Field(default=64, ge=8, le=320)
    max_upload_bytes: int = Field(default=100 * 1024 * 1024, gt=0)
    max_recording_seconds: float = Field(default=1800.0, gt=0)
    # An announcer reading one bulletin into a phone: ten minutes is several bulletins' worth, and
    # a phone keeps the whole take in memory until it is sent.
    max_voice_recording_seconds: float = Field(default=600.0, gt=0)
    # Uploads are decoded by ffmpeg with at most this much address space (not resident memory:
    # ffmpeg reserves far more than it touches), a few at a time; the rest wait, then get 503.
    decode_memory_limit_mb: int = Field(default=1024, ge=16)
    max_concurrent_decodes: int = Field(default=2, ge=1, le=64)
    decode_wait_seconds: float = Field(default=20.0, ge=0)

    @property
    def audio_dir(self) -> Path:
        """Root of the content-addressed audio store."""
        return self.data_dir / "audio"

    @property
    def voices_dir(self) -> Path:
        """Installed local neural voices (`loa voices add`)."""
        return self.data_dir / "voices"


@lru_cache
def get_audio_settings() -> AudioSettings:
    """The process-wide audio settings (read once from the environment)."""
    return AudioSettings()
