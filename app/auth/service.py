"""Sign-in with a per-user and per-address limit on failures."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import service as audit
from app.auth.exceptions import InvalidCredentials, TooManyLoginAttempts
from app.auth.security import burn_verification_time, hash_password, verify_password
from app.config import get_settings
from app.errors import Unprocessable
from app.models import User

LOGIN_FAILED = "login_failed"


def check_rate_limit(session: Session, username: str, address: str) -> None:
    settings = get_settings()
    since = datetime.now(UTC) - timedelta(seconds=settings.login_window_seconds)
    failures = audit.count_recent(
        session, LOGIN_FAILED, since=since, actor_name=username, client_address=address
    )
    if failures >= settings.login_attempts_per_window:
        raise TooManyLoginAttempts(max(1, settings.login_window_seconds // 60))


def authenticate(session: Session, username: str, password: str, address: str) -> User | None:
    """The active user with these credentials, or None after recording the failure."""
    username = username.strip()
    check_rate_limit(session, username, address)
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        burn_verification_time(password)
    elif user.is_active and verify_password(password, user.password_hash):
        return user
    # Kept as the user's station's event: its admin, and nobody else there, reads the address.
    # A name nobody has belongs to no station: only the installation's admin sees those.
    audit.record(
        session, LOGIN_FAILED, actor_name=username[:64], entity_type="user",
        entity_id=user.id if user else None, station_id=user.station_id if user else None,
        client_address=address,
    )
    return None


def login_or_raise(session: Session, username: str, password: str, address: str) -> User:
    user = authenticate(session, username, password, address)
    if user is None:
        # The failure must be kept although the request fails: commit it first.
        session.commit()
        raise InvalidCredentials()
    return user


MIN_PASSWORD_LENGTH = 8


def validate_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH or not password.strip():
        raise Unprocessable(
            f"Mật khẩu phải có ít nhất {MIN_PASSWORD_LENGTH} ký tự.",
            detail_en=f"The password must have at least {MIN_PASSWORD_LENGTH} characters.",
        )


def change_password(session: Session, user: User, current: str, new: str) -> None:
    if not verify_password(current, user.password_hash):
        raise InvalidCredentials()
    validate_new_password(new)
    user.password_hash = hash_password(new)
    audit.record(session, "password_changed", actor=user, entity_type="user", entity_id=user.id)
