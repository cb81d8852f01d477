from app.errors import NotAuthenticated, TooManyRequests, Unprocessable


class InvalidCredentials(NotAuthenticated):
    def __init__(self) -> None:
        super().__init__(
            "Sai tên đăng nhập hoặc mật khẩu.",
            detail_en="Wrong username or password.",
        )


class TooManyLoginAttempts(TooManyRequests):
    """Too many attempts for this username from this address (or from this address at all):
    only that pair waits; the same user signs in from elsewhere."""

    def __init__(self, retry_after: int) -> None:
        wait_vi = f"{retry_after} giây" if retry_after < 120 else f"{-(-retry_after // 60)} phút"
        wait_en = f"{retry_after} s" if retry_after < 120 else f"{-(-retry_after // 60)} minutes"
        super().__init__(
            f"Đăng nhập sai quá nhiều lần từ địa chỉ này. Hãy thử lại sau {wait_vi}.",
            detail_en=f"Too many failed sign-ins from this address: try again in {wait_en}.",
            retry_after=retry_after,
        )


class WeakPassword(Unprocessable):
    """A new password that is too short, among the commonest, or made of the username."""
