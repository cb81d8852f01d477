"""Sign-in with a per-user and per-address limit on failures."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import service as audit
from app.auth.exceptions import InvalidCredentials, TooManyLoginAttempts
from app.auth.passwords import validate_new_password
from app.auth.security import burn_verification_time, hash_password, verify_password
from app.auth.sessions import end_sign_ins
from app.config import get_settings
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
    audit.record(
        session, LOGIN_FAILED, actor_name=username[:64], entity_type="user",
        entity_id=user.id if user else None, client_address=address,
    )
    return None


def login_or_raise(session: Session, username: str, password: str, address: str) -> User:
    user = authenticate(session, username, password, address)
    if user is None:
        # The failure must be kept although the request fails: commit it first.
        session.commit()
        raise InvalidCredentials()
    return user


def set_password(session: Session, user: User, password: str) -> None:
    """Give the user a new password (checked first) and end every sign-in made with the old one."""
    validate_new_password(password, username=user.username)
    user.password_hash = hash_password(password)
    end_sign_ins(session, user)


def change_password(session: Session, user: User, current: str, new: str) -> None:
    if not verify_password(current, user.password_hash):
        raise InvalidCredentials()
    set_password(session, user, new)
    audit.record(session, "password_changed", actor=user, entity_type="user", entity_id=user.id)
