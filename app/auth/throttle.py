"""Sign-in attempts counted per username from one address, and per address over all usernames.

Each attempt is counted by one atomic upsert *before* its password is checked, so concurrent
guesses each see the others (PostgreSQL or SQLite alike); a successful sign-in takes its own
attempt back. Only the pair (or the address) over its limit waits: the real user signs in
from another address whatever an attacker does."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

from sqlalchemy import bindparam, case, delete, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.auth.exceptions import TooManyLoginAttempts
from app.config import get_settings
from app.models import LoginThrottle, UTCDateTime

EVERY_USERNAME = ""  # the address-wide counter's username


def _count(session: Session, username: str, address: str, now: datetime, window: timedelta
           ) -> tuple[int, datetime]:
    """Add one attempt to this counter (a new window if the last one ended); answers the
    attempts in the window and when it ends."""
    insert = sqlite.insert if session.get_bind().dialect.name == "sqlite" else postgresql.insert
    new_end = bindparam("new_end", now + window, type_=UTCDateTime())
    ended = LoginThrottle.window_ends_at <= now
    upsert = insert(LoginThrottle).values(username=username, address=address, attempts=1,
                                          window_ends_at=now + window)
    counted = upsert.on_conflict_do_update(
        index_elements=[LoginThrottle.username, LoginThrottle.address],
        set_={"attempts": case((ended, 1), else_=LoginThrottle.attempts + 1),
              "window_ends_at": case((ended, new_end), else_=LoginThrottle.window_ends_at)},
    ).returning(LoginThrottle.attempts, LoginThrottle.window_ends_at)
    attempts, ends_at = session.execute(counted).one()
    return int(attempts), ends_at


def _key(username: str, address: str) -> tuple[str, str]:
    return username[:64], address[:64]


def count_attempt(session: Session, username: str, address: str) -> None:
    """Count one sign-in attempt; TooManyLoginAttempts (with Retry-After) over a limit."""
    settings = get_settings()
    now = datetime.now(UTC)
    window = timedelta(seconds=settings.login_window_seconds)
    limits = [(EVERY_USERNAME, settings.login_attempts_per_address)]  # locked in this order
    if username:
        limits.append((username, settings.login_attempts_per_window))
    for name, limit in limits:
        attempts, ends_at = _count(session, *_key(name, address), now, window)
        if attempts > limit:
            raise TooManyLoginAttempts(max(1, math.ceil((ends_at - now).total_seconds())))


def forget_attempts(session: Session, username: str, address: str) -> None:
    """After a successful sign-in: this pair starts afresh, and the address gets its attempt back."""
    user_key, address_key = _key(username, address)
    # The address row first, then the pair's, as count_attempt locks them: never a deadlock.
    session.execute(update(LoginThrottle)
                    .where(LoginThrottle.username == EVERY_USERNAME, LoginThrottle.address == address_key,
                           LoginThrottle.attempts > 0)
                    .values(attempts=LoginThrottle.attempts - 1))
    session.execute(delete(LoginThrottle).where(LoginThrottle.username == user_key,
                                                LoginThrottle.address == address_key))
