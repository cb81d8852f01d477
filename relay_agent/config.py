"""The agent's settings (from the command line) and the token file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from relay_agent.errors import TokenFileError


@dataclass(frozen=True)
class AgentConfig:
    """Everything `loa relay run` needs to know."""

    server: str
    token_file: Path
    cache_dir: Path
    player: str | None = None
    hours: int = 48
    heartbeat_seconds: float = 60.0
    max_backoff_seconds: float = 300.0
    # After a 401 the token will not start working by itself; look again now and then in case
    # the leader replaced the token file (a changed file is retried at once).
    token_retry_seconds: float = 600.0
    min_poll_seconds: float = 1.0
    timeout_seconds: float = 15.0
    # A player still running this long after its audio should have ended is hung: it is stopped
    # (and at once when the next programme is due), so one stuck player never silences the day.
    overrun_grace_seconds: float = 30.0


def read_token(path: Path) -> str:
    """The relay token: the first non-empty line of the token file."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise TokenFileError(
            f"Không đọc được tệp mã truy cập {path}: {error.strerror}",
            f"cannot read token file {path}: {error.strerror}",
        ) from error
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    raise TokenFileError(f"Tệp mã truy cập {path} trống", f"token file {path} is empty")
