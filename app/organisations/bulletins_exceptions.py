"""What can go wrong with a bulletin sent down, in words a province or ward editor understands."""

from __future__ import annotations

from app.errors import Conflict, Forbidden, NotFound, Unprocessable


class BulletinNotFound(NotFound):
    def __init__(self, bulletin_id: int) -> None:
        super().__init__(f"Không có bản tin số {bulletin_id}.", detail_en=f"No bulletin {bulletin_id}.")


class DeliveryNotFound(NotFound):
    def __init__(self, delivery_id: int) -> None:
        super().__init__(f"Không có bản tin cấp trên số {delivery_id} gửi tới đài của bạn.",
                         detail_en=f"No bulletin delivery {delivery_id} at your station.")


class NotOrganisationStaff(Forbidden):
    def __init__(self, action_vi: str, action_en: str) -> None:
        super().__init__(
            f"Chỉ tài khoản của tỉnh hoặc huyện với vai trò phù hợp mới được {action_vi} bản tin gửi xuống.",
            detail_en=f"Only a province or district account with a suitable role may {action_en} a bulletin.",
        )


class NotStationEditor(Forbidden):
    def __init__(self) -> None:
        super().__init__(
            "Chỉ trưởng ban biên tập của đài mới được nhận hoặc từ chối bản tin cấp trên.",
            detail_en="Only the station's editor may accept or decline a bulletin from above.",
        )


class OwnBulletinReview(Forbidden):
    def __init__(self) -> None:
        super().__init__(
            "Không ai được tự duyệt bản tin do chính mình soạn; hãy nhờ lãnh đạo hoặc biên tập viên khác.",
            detail_en="Nobody approves their own bulletin: ask the leader or another editor.",
        )


class BulletinWrongState(Conflict):
    def __init__(self, action_vi: str, status_vi: str, action_en: str, status_en: str) -> None:
        super().__init__(f"Không thể {action_vi} khi bản tin đang ở trạng thái “{status_vi}”.",
                         detail_en=f"Cannot {action_en} while the bulletin is {status_en}.")


class StationsOutsideOrganisation(Unprocessable):
    def __init__(self, station_ids: list[int]) -> None:
        ids = ", ".join(map(str, station_ids))
        super().__init__(
            f"Đài số {ids} không thuộc đơn vị gửi bản tin; chỉ gửi được tới các đài trực thuộc.",
            detail_en=f"Station(s) {ids} are not under the sending organisation.",
        )


class InvalidBulletin(Unprocessable):
    """A bulletin's fields that do not fit together (air window, areas, level)."""
