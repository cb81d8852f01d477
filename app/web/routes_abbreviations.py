"""The abbreviations page: the built-in ones and the station's own, searched, changed, tried out.

Editors and admins add, change and remove the station's own abbreviations; officers read the page
(they write the scripts, so they may look up how a word is read) but change nothing; leaders do
not see it. A change applies to the next render, and programmes not yet locked that play a script
now read differently are rendered again (app/programmes/respeak.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from app.deps import SessionDep, WritesOnRead
from app.errors import LoaError
from app.models import Role, Station, User
from app.speech import abbreviation_list as book
from app.speech import service as speech
from app.stations import service as station_service
from app.web import once
from app.web.deps import Form, lang_of, web_roles
from app.web.forms import FORM_LEVEL, text
from app.web.i18n import translate
from app.web.render import error_text, render
from app.web.routes_scripts import station_id_of
from audio.speech_text import DEFAULT_ABBREVIATIONS

router = APIRouter(prefix="/app/abbreviations", include_in_schema=False)

Reader = Annotated[User, Depends(web_roles(Role.officer, Role.editor, Role.admin))]
Writer = Annotated[User, Depends(web_roles(Role.editor, Role.admin))]
PURPOSE = "abbreviations"
URL = "/app/abbreviations"
MAX_QUERY = 100
# The built-in list runs to well over a thousand entries: a phone gets the first of them and the search box;
# "xem tất cả" lists every one.
BUILT_IN_FIRST = 100


def _writes(user: User) -> bool:
    return user.role in (Role.editor, Role.admin)


def _station(session: SessionDep, user: User) -> Station:
    return station_service.get(session, station_id_of(session, user))


def _page(request: Request, session: SessionDep, user: User, *, query: str = "",
          values: dict[str, str] | None = None, errors: dict[str, str] | None = None, editing: bool = False,
          form_token: str = "", status_code: int = 200, show_all: bool = False) -> Response:
    station = _station(session, user)
    query = query.strip()[:MAX_QUERY]
    own, built_in = book.own_rows(station), book.built_in_rows(station)
    found = [r for r in built_in if book.matches(r, query)]
    shown = found if query or show_all else found[:BUILT_IN_FIRST]
    token = ""
    if _writes(user):
        token = form_token if once.usable(session, user, PURPOSE, form_token) else once.issue(session, user, PURPOSE)
    values = values or {"key": "", "reading": ""}
    return render(request, "abbreviations.html", {
        "station": station, "query": query, "values": values, "errors": errors or {}, "editing": editing,
        "overrides": book.built_in_reading(values["key"]) if values["key"] else None,
        "own": [r for r in own if book.matches(r, query)], "own_total": len(own),
        "built_in": shown, "built_in_more": len(found) - len(shown), "built_in_total": len(built_in),
        "can_write": _writes(user), "form_token": token,
    }, user=user, status_code=status_code)


@router.get("", dependencies=[WritesOnRead])
def abbreviations_page(request: Request, session: SessionDep, user: Reader, q: str = "", edit: str = "",
                       key: str = "", every: Annotated[str, Query(alias="all")] = "") -> Response:
    """Every abbreviation the station's speech reads: search, and (editor, admin) add, change, remove."""
    values, editing = None, False
    if _writes(user):
        own = _station(session, user).abbreviations or {}
        if edit in own:  # change one of the station's own
            values, editing = {"key": edit, "reading": own[edit]}, True
        elif key[:64]:  # read a built-in one another way: start from its reading
            values = {"key": key[:64], "reading": DEFAULT_ABBREVIATIONS.get(key, "")}
    return _page(request, session, user, query=q, values=values, editing=editing, show_all=bool(every))


def _done_message(lang: str, key: str, effect: dict[str, int], message_key: str) -> str:
    """What was saved, and what it sets going: scripts spoken again, programmes rendered again."""
    message = translate(message_key, lang, abbr=key)
    if effect.get("programmes_rerendered") or effect.get("scripts_respoken"):
        message += " " + translate("abbr_rerender", lang, scripts=effect.get("scripts_respoken", 0),
                                   programmes=effect.get("programmes_rerendered", 0))
    return message


@router.post("")
def save_abbreviation(request: Request, session: SessionDep, user: Writer, form: Form) -> Response:
    """Add one of the station's own abbreviations, or change how one is read."""
    lang = lang_of(request)
    token = text(form, once.FIELD)
    if (first := once.first_result(request, session, user, PURPOSE, token)) is not None:
        return first
    values = {"key": text(form, "key").strip(), "reading": " ".join(text(form, "reading").split())}
    editing = text(form, "mode") == "edit"
    station = _station(session, user)
    problem = book.check(station, values["key"], values["reading"], editing=editing)
    if problem is not None:
        return _page(request, session, user, values=values, editing=editing, form_token=token, status_code=422,
                     errors={problem.field: problem.en if lang == "en" else problem.vi})
    return _act(request, session, user, token, values, editing,
                lambda: (speech.set_abbreviations(session, station, {values["key"]: values["reading"]}, actor=user),
                         "abbr_saved", values["key"]))


@router.post("/remove")
def remove_abbreviation(request: Request, session: SessionDep, user: Writer, form: Form) -> Response:
    """Remove one of the station's own abbreviations; a built-in one it overrode is read again."""
    token = text(form, once.FIELD)
    if (first := once.first_result(request, session, user, PURPOSE, token)) is not None:
        return first
    key = text(form, "key")
    station = _station(session, user)

    def remove() -> tuple[dict[str, int], str, str]:
        effect = speech.remove_abbreviation(session, station, key, actor=user)
        if effect is None:
            raise _NotOwn()
        return effect, "abbr_restored" if book.built_in_reading(key) else "abbr_removed", key

    return _act(request, session, user, token, {"key": "", "reading": ""}, False, remove)


class _NotOwn(LoaError):
    status_code = 404

    def __init__(self) -> None:
        super().__init__("Đài không có chữ viết tắt riêng này (có thể vừa bị xóa).",
                         detail_en="The station has no such abbreviation of its own (it may have just been removed).")


def _act(request: Request, session: SessionDep, user: User, token: str, values: dict[str, str], editing: bool,
         action: Callable[[], tuple[dict[str, int], str, str]]) -> Response:
    """Run the change once for this form's token; a second post of the same form shows the first's result."""
    lang = lang_of(request)
    try:
        with session.begin_nested():
            once.take(session, user, PURPOSE, token)
            effect, message_key, key = action()
            url = f"{URL}?q={quote(key)}"
            once.finish(session, token, url)
    except once.AlreadyPosted as posted:
        return once.replayed(request, posted) or _page(
            request, session, user, values=values, editing=editing, status_code=409,
            errors={FORM_LEVEL: translate("err_form_stale", lang)})
    except LoaError as exc:
        return _page(request, session, user, values=values, editing=editing, form_token=token,
                     status_code=exc.status_code, errors={FORM_LEVEL: error_text(exc, lang)})
    request.session["flash"] = _done_message(lang, key, effect, message_key)
    return RedirectResponse(url, status_code=303)
