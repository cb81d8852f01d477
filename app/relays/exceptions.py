from app.errors import Conflict, Forbidden, NotAuthenticated, NotFound, TooManyRequests, Unprocessable


class InvalidRelayToken(NotAuthenticated):
    def __init__(self) -> None:
        super().__init__(
            "Mã truy cập của cụm loa không đúng. Hãy kiểm tra tệp mã (token) trên máy cụm loa.",
            detail_en="Unknown relay token: check the token file on the relay point.",
        )


class RelayTokenRevoked(NotAuthenticated):
    def __init__(self) -> None:
        super().__init__(
            "Mã truy cập của cụm loa này đã bị thu hồi. Hãy xin UBND phường cấp mã mới.",
            detail_en="This relay point's token was revoked: ask the ward for a new one.",
        )


class NotThisRelaysArea(Forbidden):
    def __init__(self) -> None:
        super().__init__(
            "Cụm loa chỉ được nhận chương trình của khu phố mình.",
            detail_en="A relay point only gets its own area's programmes.",
        )


class RelayRateLimited(TooManyRequests):
    def __init__(self, seconds: int) -> None:
        super().__init__(
            f"Cụm loa gửi quá nhiều yêu cầu; hãy thử lại sau {seconds} giây.",
            detail_en=f"Too many requests from this relay point; retry in {seconds} s.",
        )


class UnknownProgramme(Unprocessable):
    def __init__(self, programme_id: int) -> None:
        super().__init__(
            f"Không có chương trình số {programme_id} của khu phố này.",
            detail_en=f"No programme {programme_id} for this relay point's area.",
        )


class FaultNotFound(NotFound):
    def __init__(self, fault_id: int) -> None:
        super().__init__(f"Không có báo lỗi số {fault_id}.", detail_en=f"No fault report {fault_id}.")


class FaultAlreadyResolved(Conflict):
    def __init__(self, fault_id: int) -> None:
        super().__init__(
            f"Báo lỗi số {fault_id} đã được đánh dấu khắc phục rồi.",
            detail_en=f"Fault report {fault_id} is already resolved.",
        )


class NotYourFault(Forbidden):
    def __init__(self) -> None:
        super().__init__(
            "Chỉ biên tập viên, quản trị viên hoặc trưởng khu phố của cụm loa này được đóng báo lỗi.",
            detail_en="Only editors, admins or this relay point's area leader close its faults.",
        )
