"""Sign-in, throttled per username and address (app.auth.throttle), and password changes."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import service as audit
from app.auth import throttle
from app.auth.exceptions import InvalidCredentials
from app.auth.passwords import validate_new_password
from app.auth.security import burn_verification_time, hash_password, verify_password
from app.auth.sessions import end_sign_ins
from app.models import User
from app.text import one_line

LOGIN_FAILED = "login_failed"


def login_or_raise(session: Session, username: str, password: str, address: str) -> User:
    """The active user with these credentials; InvalidCredentials (recorded) or
    TooManyLoginAttempts otherwise.

    Commits twice, unlike other services: the attempt must be counted (committed) before the
    password is checked, so concurrent guesses see each other; and no transaction, connection
    or SQLite write lock is held while the password is hashed (~0.25 s of a core)."""
    typed = username.strip()
    # No username has control characters or passes 64 characters: such a name matches no one
    # (and is never sent to the database as typed), and it is counted and logged on one line.
    username = one_line(typed)[:64]
    throttle.count_attempt(session, username, address)
    user = session.scalar(select(User).where(User.username == typed)) if typed == username else None
    password_hash = user.password_hash if user is not None and user.is_active else None
    session.commit()
    if password_hash is None:
        burn_verification_time(password)
    elif verify_password(password, password_hash):
        assert user is not None
        throttle.forget_attempts(session, username, address)
        return user
    # Kept as the user's station's event: its admin, and nobody else there, reads the address.
    # A name nobody has belongs to no station: only the installation's admin sees those.
    audit.record(
        session, LOGIN_FAILED, actor_name=username, entity_type="user",
        entity_id=user.id if user else None, station_id=user.station_id if user else None,
        client_address=address,
    )
    session.commit()  # the failure is kept although the request fails
    raise InvalidCredentials()


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
