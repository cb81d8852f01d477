"""How long a sign-in lasts: until it expires, its browser signs out, or its reason goes.

An API token carries its user's session epoch; a browser session is a row of `web_sessions`
named in its cookie. Ending a user's sign-ins raises the epoch and deletes the rows, so every
token and cookie issued before stops working at once.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.config import get_settings
from app.models import User, WebSession


def _hash(session_id: str) -> str:
    return hashlib.sha256(session_id.encode()).hexdigest()


def end_sign_ins(session: Session, user: User) -> None:
    """Sign the user out everywhere: every API token and browser session they hold."""
    user.session_epoch = (user.session_epoch or 0) + 1
    session.execute(delete(WebSession).where(WebSession.user_id == user.id))


def start_web_session(session: Session, user: User) -> str:
    """A new browser session for the user; answers its id, for the cookie only."""
    now = datetime.now(UTC)
    session.execute(delete(WebSession).where(WebSession.expires_at < now))
    session_id = secrets.token_urlsafe(32)
    lifetime = timedelta(minutes=get_settings().access_token_minutes)
    session.add(WebSession(id_hash=_hash(session_id), user_id=user.id, created_at=now,
                           expires_at=now + lifetime))
    session.flush()
    return session_id


def web_session_user(session: Session, session_id: str) -> User | None:
    """The active user of a live browser session, else None."""
    row = session.scalar(select(WebSession).where(WebSession.id_hash == _hash(session_id),
                                                  WebSession.expires_at > datetime.now(UTC)))
    if row is None:
        return None
    user = session.get(User, row.user_id)
    return user if user is not None and user.is_active else None


def end_web_session(session: Session, session_id: str) -> None:
    """Sign one browser out: its cookie, and any copy of it, stops working."""
    session.execute(delete(WebSession).where(WebSession.id_hash == _hash(session_id)))
