from app.errors import NotFound, Unprocessable


class ProgrammeNotFound(NotFound):
    def __init__(self, programme_id: int) -> None:
        super().__init__(f"Không có chương trình số {programme_id}.",
                         detail_en=f"No programme {programme_id}.")


class EmergencyNotFound(NotFound):
    def __init__(self, emergency_id: int) -> None:
        super().__init__(f"Không có bản tin khẩn cấp số {emergency_id}.",
                         detail_en=f"No emergency bulletin {emergency_id}.")


class InvalidDateRange(Unprocessable):
    pass
