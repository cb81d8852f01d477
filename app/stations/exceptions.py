from app.errors import Conflict, NotFound, Unprocessable


class StationNotFound(NotFound):
    def __init__(self, station_id: int) -> None:
        super().__init__(f"Không có đài số {station_id}.", detail_en=f"No station {station_id}.")


class SlotNotFound(NotFound):
    def __init__(self, slot_id: int) -> None:
        super().__init__(f"Không có khung giờ số {slot_id}.", detail_en=f"No slot {slot_id}.")


class AreaNotFound(NotFound):
    def __init__(self, area_id: int) -> None:
        super().__init__(
            f"Không có khu phố số {area_id}.", detail_en=f"No area (neighbourhood) {area_id}."
        )


class TopicNotFound(NotFound):
    def __init__(self, topic: str | int) -> None:
        super().__init__(
            f"Không có chủ đề “{topic}”; hãy chọn một chủ đề có trong danh sách của đài.",
            detail_en=f"Unknown topic {topic!r}: choose one of the station's topics.",
        )


class RelayPointNotFound(NotFound):
    def __init__(self, relay_id: int) -> None:
        super().__init__(f"Không có cụm loa số {relay_id}.", detail_en=f"No relay point {relay_id}.")


class NameTaken(Conflict):
    def __init__(self, what_vi: str, name: str) -> None:
        super().__init__(
            f"Đã có {what_vi} tên “{name}”; hãy chọn tên khác.",
            detail_en=f"The name {name!r} is already used: choose another.",
        )


class UnknownTimezone(Unprocessable):
    def __init__(self, tz: str) -> None:
        super().__init__(
            f"Múi giờ “{tz}” không tồn tại; dùng tên IANA, ví dụ Asia/Ho_Chi_Minh.",
            detail_en=f"Unknown time zone {tz!r}: use an IANA name such as Asia/Ho_Chi_Minh.",
        )


class SlotsOverlap(Conflict):
    def __init__(self, a: str, b: str) -> None:
        super().__init__(
            f"Khung giờ “{a}” trùng thời gian với khung giờ “{b}”; hãy đổi giờ bắt đầu hoặc độ dài.",
            detail_en=f"Slot {a!r} overlaps slot {b!r}: change a start time or a length.",
        )


class AreaInUse(Conflict):
    def __init__(self, name: str, relays: int, leaders: int, scripts: list[str] | None = None) -> None:
        scripts = scripts or []
        uses_vi = [f"{relays} cụm loa"] if relays else []
        uses_vi += [f"{leaders} trưởng khu phố"] if leaders else []
        uses_en = [f"{relays} relay point(s)"] if relays else []
        uses_en += [f"{leaders} leader(s)"] if leaders else []
        if scripts:
            named = ", ".join(f"“{t}”" for t in scripts[:3]) + (", …" if len(scripts) > 3 else "")
            uses_vi.append(f"{len(scripts)} tin bài nhắm tới khu phố này ({named})")
            uses_en.append(f"{len(scripts)} script(s) aimed at it")
        super().__init__(
            f"Không xóa được khu phố “{name}” vì còn {' và '.join(uses_vi)}; hãy chuyển hoặc xóa cụm loa, "
            "đổi khu phố của trưởng khu phố và bỏ khu phố này khỏi các tin bài trước khi xóa.",
            detail_en=f"Area {name!r} is still used by {' and '.join(uses_en)}: move or remove them first.",
        )


class NoStation(NotFound):
    """The account belongs to no station, and the request names none it may use."""

    def __init__(self) -> None:
        super().__init__(
            "Tài khoản của bạn chưa gắn với đài nào: hãy nhờ quản trị gắn tài khoản vào đài.",
            detail_en="Your account belongs to no station: ask an admin to assign it to one.",
        )
