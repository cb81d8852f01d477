from app.errors import NotAuthenticated, TooManyRequests, Unprocessable


class InvalidCredentials(NotAuthenticated):
    def __init__(self) -> None:
        super().__init__(
            "Sai tên đăng nhập hoặc mật khẩu.",
            detail_en="Wrong username or password.",
        )


class TooManyLoginAttempts(TooManyRequests):
    def __init__(self, minutes: int) -> None:
        super().__init__(
            f"Đăng nhập sai quá nhiều lần. Hãy thử lại sau {minutes} phút.",
            detail_en=f"Too many failed sign-ins: try again in {minutes} minutes.",
        )


class WeakPassword(Unprocessable):
    """A new password that is too short, among the commonest, or made of the username."""
