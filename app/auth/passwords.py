"""What a new password must be: long enough, not among the commonest, not the username and digits."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from app.auth.exceptions import WeakPassword
from app.fields import MIN_PASSWORD_LENGTH

COMMON_PASSWORDS_FILE = Path(__file__).with_name("common_passwords.txt")


@lru_cache
def common_passwords() -> frozenset[str]:
    """The built-in list, lowercased ("# " starts a comment line)."""
    lines = COMMON_PASSWORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("# "))


def validate_new_password(password: str, *, username: str = "") -> None:
    """Refuse, saying what to fix, a password that is short, common, or the username and digits."""
    if len(password) < MIN_PASSWORD_LENGTH or not password.strip():
        raise WeakPassword(
            f"Mật khẩu phải có ít nhất {MIN_PASSWORD_LENGTH} ký tự.",
            detail_en=f"The password must have at least {MIN_PASSWORD_LENGTH} characters.",
        )
    lowered = password.strip().lower()
    if lowered in common_passwords():
        raise WeakPassword(
            "Mật khẩu này nằm trong danh sách mật khẩu phổ biến nhất, rất dễ bị đoán. "
            "Hãy chọn mật khẩu khác, ví dụ ghép ba bốn từ không liên quan với nhau.",
            detail_en="This password is one of the most common ones and easy to guess: "
                      "choose another, e.g. three or four unrelated words together.",
        )
    name = username.strip().lower()
    if name and not any(c.isalpha() for c in lowered.replace(name, "")):
        raise WeakPassword(
            "Mật khẩu không được chỉ là tên đăng nhập thêm số hoặc ký hiệu. Hãy chọn mật khẩu khác.",
            detail_en="The password must not be the username with only digits or symbols added: "
                      "choose another.",
        )
