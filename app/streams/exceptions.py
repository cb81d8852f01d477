from __future__ import annotations

from app.errors import NotFound


class StreamsOff(NotFound):
    def __init__(self) -> None:
        super().__init__("Đài chưa bật phát trực tuyến (chưa cấu hình Icecast).",
                         detail_en="This installation has no live streams (no Icecast configured).")


class AreaStreamNotFound(NotFound):
    def __init__(self, area_id: int) -> None:
        super().__init__(f"Đài không có khu phố số {area_id}.", detail_en=f"The station has no area {area_id}.")
