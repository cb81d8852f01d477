"""Named errors of the relay agent, each with a Vietnamese and an English message."""

from __future__ import annotations


class RelayAgentError(Exception):
    """Base error: `message_vi` for the leader, `message_en` for everyone else."""

    def __init__(self, message_vi: str, message_en: str) -> None:
        super().__init__(f"{message_vi} ({message_en})")
        self.message_vi = message_vi
        self.message_en = message_en


class ServerUnreachable(RelayAgentError):
    """The network or the server is down: keep playing from the cache and retry."""


class TokenRejected(RelayAgentError):
    """401: the token is revoked or invalid; retrying with the same token is pointless."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(
            f"Máy chủ từ chối mã truy cập của cụm loa ({code}): {detail}. "
            "Hãy xin mã mới ở đài phường và thay tệp mã",
            f"server rejected the relay token ({code}): {detail}; get a new token from the ward",
        )
        self.code = code
        self.detail = detail


class Forbidden(RelayAgentError):
    """403: the agent asked for something that is not its own."""


class ServerError(RelayAgentError):
    """The server answered, but not with what the contract promises."""


class TokenFileError(RelayAgentError):
    """The token file is missing, unreadable or empty."""


class DownloadFailed(RelayAgentError):
    """A file could not be downloaded or did not match its sha256."""


class PlayerNotFound(RelayAgentError):
    """No audio player command is available on this machine."""
