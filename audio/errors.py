"""Named audio errors carrying a Vietnamese message first and an English one."""

from __future__ import annotations


class AudioError(Exception):
    """Base of every error raised by `audio/`; `str()` gives "Vietnamese (English)"."""

    message_vi = "Lỗi xử lý âm thanh."
    message_en = "Audio processing error."

    def __init__(self, message_vi: str | None = None, message_en: str | None = None) -> None:
        if message_vi is not None:
            self.message_vi = message_vi
        if message_en is not None:
            self.message_en = message_en
        super().__init__(f"{self.message_vi} ({self.message_en})")
