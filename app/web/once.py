"""One-time form tokens: a form posted twice (Back, reload, a double click) acts once.

A token is issued when the form page renders and stored with its user and purpose. The post that
acts consumes it with one conditional UPDATE inside the action's own transaction, so of two
concurrent posts exactly one acts (the other waits for the row, then finds it used) and a failed
action gives the token back with its rollback. A later post with a used token is answered with the
first post's result. The row can also hold what the user typed, so a redirect (Post/Redirect/Get)
does not lose it.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi import Request
from fastapi.responses import RedirectResponse
from sqlalchemy import delete, update
from sqlalchemy.orm import Session
from starlette.responses import Response

from app.models import FormToken, User
from app.web.i18n import translate

FIELD = "form_token"
# Long enough for a form left open over a weekend; a used token answers replays that long too.
KEEP = timedelta(days=3)


@dataclass(frozen=True)
class Used:
    """The token was used already: where its first post led (None if that post is unknown)."""

    result_url: str | None


def issue(session: Session, user: User, purpose: str, *, draft: dict[str, Any] | None = None) -> str:
    """A fresh token for a form about to be rendered (and forget tokens past their time)."""
    now = datetime.now(UTC)
    session.execute(delete(FormToken).where(FormToken.created_at < now - KEEP))
    token = secrets.token_urlsafe(24)
    session.add(FormToken(token=token, user_id=user.id, purpose=purpose, draft=draft, created_at=now))
    session.flush()
    return token


def find(session: Session, user: User, purpose: str, token: str) -> FormToken | None:
    """The user's token for this form, or None (unknown, expired, another user's or another form's)."""
    row = session.get(FormToken, token) if token else None
    if row is None or row.user_id != user.id or row.purpose != purpose:
        return None
    return row


def usable(session: Session, user: User, purpose: str, token: str) -> FormToken | None:
    """The token when it may still act; None when it is unknown or used."""
    row = find(session, user, purpose, token)
    return row if row is not None and row.used_at is None else None


def keep_draft(session: Session, user: User, purpose: str, token: str, draft: dict[str, Any]) -> str:
    """Keep what the user typed with their unused token (or a new one); answers the token."""
    row = usable(session, user, purpose, token)
    if row is None:
        return issue(session, user, purpose, draft=draft)
    row.draft = draft
    session.flush()
    return row.token


def consume(session: Session, user: User, purpose: str, token: str) -> Used | None:
    """Take the token for this post: None when it is ours to act on, else how it was used."""
    taken = session.execute(
        update(FormToken)
        .where(FormToken.token == token, FormToken.user_id == user.id, FormToken.purpose == purpose,
               FormToken.used_at.is_(None))
        .values(used_at=datetime.now(UTC))
        .execution_options(synchronize_session=False)
    )
    if taken.rowcount == 1:  # type: ignore[attr-defined]
        return None
    row = find(session, user, purpose, token)
    if row is not None:
        session.refresh(row)
    return Used(row.result_url if row is not None else None)


def finish(session: Session, token: str, result_url: str) -> None:
    """Remember where the token's post led, for the replays."""
    session.execute(update(FormToken).where(FormToken.token == token).values(result_url=result_url, draft=None)
                    .execution_options(synchronize_session=False))


class AlreadyPosted(Exception):
    """Raised inside the action's transaction when its token was used (or is unknown)."""

    def __init__(self, used: Used) -> None:
        super().__init__(used.result_url)
        self.used = used


def take(session: Session, user: User, purpose: str, token: str) -> None:
    """Consume the token or stop the action: call it first inside the action's transaction."""
    used = consume(session, user, purpose, token)
    if used is not None:
        raise AlreadyPosted(used)


def _to_first_result(request: Request, result_url: str) -> Response:
    from app.web.deps import lang_of

    request.session["flash"] = translate("msg_form_replayed", lang_of(request))
    return RedirectResponse(result_url, status_code=303)


def first_result(request: Request, session: Session, user: User, purpose: str, token: str) -> Response | None:
    """For a form posted again (Back, reload): its first post's result, with a notice saying nothing
    was done twice; None for a form that has not acted yet."""
    row = find(session, user, purpose, token)
    if row is None or row.used_at is None or row.result_url is None:
        return None
    return _to_first_result(request, row.result_url)


def replayed(request: Request, posted: AlreadyPosted) -> Response | None:
    """The answer to a post that lost the race for its token; None when the token is unknown."""
    if posted.used.result_url is None:
        return None
    return _to_first_result(request, posted.used.result_url)


def form_address(request: Request, session: Session, user: User, purpose: str, token: str,
                 form_url: str) -> Response | None:
    """Give a form page an address of its own (`?form=<token>`), so going Back to it after it was
    sent finds its token used and shows what it did, instead of a fresh form that would act again.
    None: render the form with this token."""
    if not token:
        return RedirectResponse(f"{form_url}?form={issue(session, user, purpose)}", status_code=303)
    row = find(session, user, purpose, token)
    if row is None:  # expired, or another user's: start afresh
        return RedirectResponse(form_url, status_code=303)
    if row.used_at is not None:
        return first_result(request, session, user, purpose, token) or RedirectResponse(form_url, status_code=303)
    return None
