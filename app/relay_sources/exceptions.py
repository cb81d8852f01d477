from __future__ import annotations

from app.errors import Conflict, NotFound, Unprocessable


class RelaySourceNotFound(NotFound):
    def __init__(self, source_id: int) -> None:
        super().__init__(f"Không có nguồn tiếp sóng số {source_id}.", detail_en=f"No relay source {source_id}.")


class RelayWindowNotFound(NotFound):
    def __init__(self, window_id: int) -> None:
        super().__init__(f"Không có lịch tiếp sóng số {window_id}.", detail_en=f"No relay window {window_id}.")


class RelaySourceInUse(Conflict):
    def __init__(self, name: str, windows: int) -> None:
        super().__init__(
            f"Nguồn “{name}” đang được dùng trong {windows} lịch tiếp sóng; hãy xoá các lịch đó trước.",
            detail_en=f"Source {name!r} is used by {windows} relay window(s): delete them first.",
        )


class RelayWindowInvalid(Unprocessable):
    def __init__(self, detail: str, detail_en: str) -> None:
        super().__init__(detail, detail_en=detail_en)
