from app.errors import Conflict, NotFound, Unprocessable


class UserNotFound(NotFound):
    def __init__(self, user_id: int) -> None:
        super().__init__(f"Không có người dùng số {user_id}.", detail_en=f"No user {user_id}.")


class UsernameTaken(Conflict):
    def __init__(self, username: str) -> None:
        super().__init__(
            f"Tên đăng nhập “{username}” đã có người dùng; hãy chọn tên khác.",
            detail_en=f"The username {username!r} is taken: choose another.",
        )


class LeaderNeedsArea(Unprocessable):
    def __init__(self) -> None:
        super().__init__(
            "Trưởng khu phố phải gắn với một khu phố: hãy chọn area_id.",
            detail_en="A leader must be bound to one area: give area_id.",
        )


class CannotLockOutYourself(Conflict):
    def __init__(self) -> None:
        super().__init__(
            "Bạn không thể tự khóa hoặc tự bỏ quyền quản trị của chính mình; hãy nhờ một quản trị viên khác.",
            detail_en="You cannot deactivate yourself or give up your own admin role: ask another admin.",
        )
