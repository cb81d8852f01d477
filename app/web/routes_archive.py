"""The archive: every script of the station, searched by text (accents optional), topic, theme,
status, period and author, a page at a time. Officers see their colleagues' scripts here too
(app.access lets every non-leader of the station read them); other stations' stay invisible."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from sqlalchemy import select
from starlette.responses import Response

from app.deps import SessionDep
from app.fields import form_id
from app.models import Role, ScriptStatus, Theme, User
from app.scripts import service as script_service
from app.stations import service as station_service
from app.users import service as user_service
from app.web.deps import web_roles
from app.web.render import render
from app.web.routes_scripts import station_id_of

router = APIRouter(prefix="/app/archive", include_in_schema=False)
ArchiveReader = Annotated[User, Depends(web_roles(Role.officer, Role.editor, Role.admin))]
PAGE_SIZE = 20
MAX_PAGE = 10_000


def _day(raw: str) -> date | None:
    try:
        return date.fromisoformat(raw) if raw else None
    except ValueError:
        return None


@router.get("")
def archive(request: Request, session: SessionDep, user: ArchiveReader, q: str = "", topic: str = "",
            theme_id: str = "", status: str = "", author_id: str = "", aired_from: str = "",
            aired_until: str = "", page: str = "1") -> Response:
    """Search the station's scripts; the filters that do not parse are shown blank and ignored."""
    station_id = station_id_of(session, user)
    statuses = {s.value: s for s in ScriptStatus}
    filters: dict[str, Any] = {
        "q": q[:200], "topic": topic[:64], "theme_id": form_id(theme_id), "status": statuses.get(status),
        "author_id": form_id(author_id), "aired_from": _day(aired_from), "aired_until": _day(aired_until),
    }
    stmt = script_service.query(
        station_id=station_id, visible_to=user, status=filters["status"], topic=filters["topic"] or None,
        q=filters["q"] or None, author_id=filters["author_id"], theme_id=filters["theme_id"],
        period=(filters["aired_from"], filters["aired_until"]))
    total = script_service.count(session, stmt)
    pages = max(1, -(-total // PAGE_SIZE))
    number = min(max(form_id(page) or 1, 1), pages, MAX_PAGE)
    scripts = list(session.scalars(stmt.limit(PAGE_SIZE).offset((number - 1) * PAGE_SIZE)))
    station = station_service.get(session, station_id)
    # authors: the station's people who write scripts (the installation admin sees every station's)
    people = {u.id: u for u in user_service.list_users(session, user)
              if u.station_id == station_id and u.role in (Role.officer, Role.editor)}
    themes = list(session.scalars(select(Theme).where(Theme.station_id == station_id)
                                  .order_by(Theme.month.desc(), Theme.id)))
    keep = {k: (v.value if isinstance(v, ScriptStatus) else v) for k, v in filters.items() if v}
    return render(request, "archive.html", {
        "scripts": scripts, "total": total, "page": number, "pages": pages, "filters": filters, "keep": keep,
        "topics": station_service.topics(session, station_id), "themes": themes,
        "theme_names": {t.id: t.title for t in themes}, "statuses": list(ScriptStatus), "people": people,
        "station": station,
    }, user=user)
