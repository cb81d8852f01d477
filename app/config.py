"""Settings of the Loa server, read from `LOA_*` environment variables."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_SECRET_KEY = "loa-development-secret-change-me"
DEFAULT_KEY_WARNING = (
    "\n" + "!" * 78 + "\n"
    "!! LOA_SECRET_KEY là khóa mặc định công khai: ai cũng giả mạo được phiên đăng nhập.\n"
    "!! LOA_SECRET_KEY is the published default key: anyone can forge a sign-in.\n"
    "!! Chỉ dùng để thử trên máy này (only for trying Loa on this machine). Đặt khóa riêng:\n"
    "!!   export LOA_SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')\n"
    + "!" * 78
)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LOA_", extra="ignore")

    environment: Literal["development", "production", "test"] = "development"
    data_dir: Path = Path("data")
    database_url: str | None = None
    # where residents reach this server: links in the RSS feed are built on it, never on the Host header
    public_url: str = "http://127.0.0.1:8000"
    secret_key: str = DEFAULT_SECRET_KEY
    access_token_minutes: int = 12 * 60
    max_request_bytes: int = 1_000_000
    max_upload_bytes: int = 100 * 1024 * 1024
    # failed sign-ins allowed per username from one address, and per address over all usernames
    login_attempts_per_window: int = 5
    login_attempts_per_address: int = 50
    login_window_seconds: int = 300
    # Admission: requests served at once (more wait up to admission_wait_seconds, then 503),
    # and sign-ins at once (each hashes a password for ~0.25 s of one core and 64 MiB). Few per
    # core: the requests are mostly CPU, and every worker thread more takes turns at the GIL
    # with the event loop that answers /healthz and the 503s.
    max_concurrent_requests: int = Field(default_factory=lambda: 4 * (os.cpu_count() or 2), ge=1)
    sign_in_concurrency: int = Field(default_factory=lambda: os.cpu_count() or 2, ge=1)
    admission_wait_seconds: float = Field(default=0.5, ge=0)
    # a request that cannot get a database connection this long is answered 503
    db_pool_timeout_seconds: float = Field(default=10.0, gt=0)
    scheduler_enabled: bool = True
    # approvals, edits and withdrawals are re-planned together this long after the last one
    replan_delay_seconds: float = 20.0
    # argon2id cost; the defaults are argon2-cffi's (RFC 9106 low-memory profile)
    password_time_cost: int = 3
    password_memory_kib: int = 65536
    # The status board warns when the data disk has less free space than this (or than 5 %
    # of a small disk): before it fills up and rendering stops.
    disk_warning_mb: int = 200
    # Where programmes are rendered (app.work_queue): "auto" hands them to `loa worker` processes
    # through the procrastinate job queue when the database is PostgreSQL and a worker is alive,
    # else renders in this process as a single ward does; "procrastinate" always hands them over
    # (PostgreSQL only); "off" never does.
    queue: Literal["auto", "procrastinate", "off"] = "auto"
    # a worker writes its heartbeat this often; one silent this long is taken for dead and its
    # jobs are handed to another worker
    worker_heartbeat_seconds: float = Field(default=10.0, gt=0)
    worker_stalled_seconds: float = Field(default=30.0, gt=0)
    # How relay points download audio when storage is S3: "proxy" (Loa streams the file, as
    # with local disk) or "presigned" (Loa checks the relay may have it, then redirects to a
    # presigned URL of the store valid this long). With local storage it is always proxy.
    relay_downloads: Literal["proxy", "presigned"] = "proxy"
    relay_presigned_seconds: int = Field(default=900, ge=60, le=7 * 24 * 3600)
    # The live stream per area (app/streams): off unless Loa knows an Icecast and its source
    # password. icecast_url is where Loa connects as a source; icecast_public_url is where
    # residents and receivers listen (the same server seen from outside), default the same.
    icecast_url: str | None = None
    icecast_source_password: str | None = None
    icecast_public_url: str | None = None
    stream_bitrate_kbps: int = Field(default=64, ge=16, le=192)
    stream_sample_rate: int = Field(default=44100, ge=8000, le=48000)

    @property
    def streams_enabled(self) -> bool:
        return bool(self.icecast_url and self.icecast_source_password)
    # /metrics answers only a scraper sending "Authorization: Bearer <this>"; unset: /metrics is off
    metrics_token: str | None = Field(default=None, min_length=16)
    # Upward push (issue 15): POST the day's as-run summary and faults to a province platform.
    # Unset URL: no push. The secret signs each body (HMAC-SHA256); the adapter names the format.
    upward_push_url: str | None = None
    upward_push_secret: str | None = Field(default=None, min_length=16)
    upward_adapter: str = "json"
    upward_push_every_seconds: int = Field(default=900, ge=60, le=24 * 3600)

    @model_validator(mode="after")
    def _refuse_unsafe_production(self) -> Settings:
        if self.environment == "production" and self.secret_key == DEFAULT_SECRET_KEY:
            raise ValueError(
                "LOA_SECRET_KEY must be set to a long random value in production "
                "(e.g. `python -c 'import secrets; print(secrets.token_urlsafe(48))'`)"
            )
        if self.environment == "production" and len(self.secret_key) < 32:
            raise ValueError("LOA_SECRET_KEY must be at least 32 characters in production")
        return self

    @property
    def sqlalchemy_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'loa.db').resolve()}"


@lru_cache
def get_settings() -> Settings:
    return Settings()
