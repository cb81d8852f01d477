"""Named audio errors carrying a Vietnamese message first and an English one."""

from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager


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


class StorageFull(Exception):
    """The disk that holds Loa's files is full.

    Not an `AudioError`: nothing is wrong with the audio, and the callers that turn bad audio
    into a note for editors (or into silence in a programme) must not swallow it.
    """

    message_vi = (
        "Ổ đĩa máy chủ đã đầy, không lưu được tệp âm thanh. Hãy báo quản trị viên giải phóng "
        "dung lượng (xóa tệp cũ, chuyển bản sao lưu sang ổ khác) rồi thử lại; việc dựng "
        "chương trình tự chạy lại khi có chỗ trống."
    )
    message_en = (
        "The server's disk is full: audio cannot be saved. Ask the administrator to free space "
        "(remove old files, move backups elsewhere), then try again; rendering resumes by itself."
    )

    def __init__(self) -> None:
        super().__init__(f"{self.message_vi} ({self.message_en})")


class StorageUnavailable(Exception):
    """The object store cannot be reached, refused a request, or handed back damaged data.

    Not an `AudioError` either: an outage must fail the render (to be tried again), not turn
    items into silence.
    """

    message_vi = "Không dùng được kho lưu trữ âm thanh (S3); việc này sẽ được thử lại."
    message_en = "The audio object store (S3) cannot be used; this will be tried again."

    def __init__(self, message_vi: str | None = None, message_en: str | None = None) -> None:
        if message_vi is not None:
            self.message_vi = message_vi
        if message_en is not None:
            self.message_en = message_en
        super().__init__(f"{self.message_vi} ({self.message_en})")


_FULL = (errno.ENOSPC, errno.EDQUOT)
FFMPEG_DISK_FULL = "No space left on device"


def is_disk_full(error: BaseException) -> bool:
    """Whether `error` (or what caused it) says the disk is full."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, StorageFull) or (isinstance(seen, OSError) and seen.errno in _FULL):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


@contextmanager
def disk_full_as_storage_full() -> Iterator[None]:
    """Turn "no space left on device" while writing into `StorageFull`."""
    try:
        yield
    except OSError as error:
        if error.errno in _FULL:
            raise StorageFull() from error
        raise
