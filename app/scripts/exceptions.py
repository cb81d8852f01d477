from app import errors
from app.errors import Conflict, Forbidden, NotFound, Unprocessable


class ScriptNotFound(NotFound):
    def __init__(self, script_id: int) -> None:
        super().__init__(f"Không có tin bài số {script_id}.", detail_en=f"No script {script_id}.")


class StaleVersion(errors.StaleVersion):
    def __init__(self, sent: int, current: int) -> None:
        super().__init__(
            f"Tin bài đã được người khác sửa (phiên bản {current}, bạn gửi {sent}). "
            "Hãy tải lại, xem thay đổi rồi sửa tiếp.",
            detail_en=f"The script changed meanwhile (version {current}, you sent {sent}): "
            "reload it and edit again.",
        )


class InvalidTransition(Conflict):
    def __init__(self, action_vi: str, status: str) -> None:
        super().__init__(
            f"Không thể {action_vi} tin bài đang ở trạng thái “{status}”.",
            detail_en=f"Cannot {action_vi} a script whose status is {status!r}.",
        )


class NotYourScript(Forbidden):
    def __init__(self) -> None:
        super().__init__(
            "Bạn chỉ được sửa hoặc gửi duyệt tin bài do chính mình soạn.",
            detail_en="You may only edit or submit scripts you wrote.",
        )


class OwnScriptReview(Forbidden):
    def __init__(self) -> None:
        super().__init__(
            "Không ai được tự duyệt hoặc từ chối tin bài do chính mình soạn; hãy nhờ một thành viên "
            "khác của ban biên tập.",
            detail_en="Nobody reviews a script they wrote: ask another editor.",
        )


class UnknownReference(Unprocessable):
    """A topic, area or slot named in the body that the station does not have."""


class InvalidAirWindow(Unprocessable):
    pass


class ScriptTooLong(Unprocessable):
    def __init__(self, estimated_s: int, slot_s: int) -> None:
        super().__init__(
            f"Tin bài dài khoảng {estimated_s // 60} phút {estimated_s % 60} giây khi đọc, dài hơn "
            f"khung giờ ({slot_s // 60} phút). Hãy rút gọn hoặc chia thành nhiều tin.",
            detail_en=f"The script reads for about {estimated_s} s, longer than the slot "
            f"({slot_s} s): shorten it or split it.",
        )


class InvalidRecurrence(Unprocessable):
    """A recurrence rule Loa does not take, or one that gives no date inside the air window."""
