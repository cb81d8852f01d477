"""Render a page: the template gets the user, the language, `_` and the CSRF token."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import Response

from app.errors import LoaError
from app.models import User
from app.web.i18n import translate
from app.web.session import csrf_token

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
DEFAULT_ZONE = "Asia/Ho_Chi_Minh"


def _local(value: datetime | None, zone: str = DEFAULT_ZONE) -> str:
    if value is None:
        return "—"
    return value.astimezone(ZoneInfo(zone)).strftime("%d/%m/%Y %H:%M")


def _day(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else "—"


def duration(ms: int) -> str:
    """m:ss, as a player shows it."""
    seconds = round(ms / 1000)
    return f"{seconds // 60}:{seconds % 60:02d}"


TEMPLATES.env.filters["local"] = _local
TEMPLATES.env.filters["day"] = _day
TEMPLATES.env.filters["duration"] = duration


def error_text(exc: LoaError, lang: str) -> str:
    """The error in the reader's language (Vietnamese unless English was chosen and exists)."""
    return exc.detail_en if lang == "en" and exc.detail_en else exc.detail


def render(request: Request, template: str, context: dict[str, Any] | None = None, *,
           user: User | None = None, status_code: int = 200,
           headers: dict[str, str] | None = None) -> Response:
    """A page in the session's language."""
    from app.web.deps import lang_of

    lang = lang_of(request)

    def _(key: str, **params: Any) -> str:
        return translate(key, lang, **params)

    ctx = {"user": user, "lang": lang, "_": _, "csrf_token": csrf_token(request.session),
           "path": request.url.path, **(context or {})}
    return TEMPLATES.TemplateResponse(request, template, ctx, status_code=status_code, headers=headers)
