"""The web pages of Loa: server-rendered, Vietnamese first, for staff and residents."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable
from pathlib import Path
from urllib.parse import quote

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from app.config import get_settings
from app.errors import LoaError
from app.web.deps import CsrfRejected, LoginRequired, PageForbidden, lang_of
from app.web.i18n import translate
from app.web.render import error_text, render
from app.web.session import SignedSessionMiddleware

STATIC_DIR = Path(__file__).parent / "static"
PAGE_PREFIXES = ("/app", "/account", "/login", "/logout", "/stations/")
JSON_PREFIXES = ("/web/",)  # the pages' own JSON endpoints (speech preview)


def web_router() -> APIRouter:
    """Every page of the web app."""
    from app.web import (
        routes_abbreviations,
        routes_admin,
        routes_archive,
        routes_area,
        routes_auth,
        routes_board,
        routes_bulletins,
        routes_emergency,
        routes_letters,
        routes_organisations,
        routes_plan,
        routes_preview,
        routes_public,
        routes_recordings,
        routes_relay_windows,
        routes_reports,
        routes_review,
        routes_scripts,
    )

    router = APIRouter(include_in_schema=False)
    for module in (routes_auth, routes_review, routes_emergency, routes_scripts, routes_recordings,
                   routes_admin, routes_area, routes_reports, routes_public, routes_preview,
                   routes_abbreviations, routes_plan, routes_archive, routes_letters, routes_board,
                   routes_relay_windows, routes_organisations, routes_bulletins):
        router.include_router(module.router)
    return router


def wants_page(request: Request) -> bool:
    """A person's browser, not an API client: a page path, or HTML asked for outside the API."""
    path = request.url.path
    if path.startswith(PAGE_PREFIXES) or path == "/":
        return True
    return not path.startswith("/api/") and "text/html" in request.headers.get("accept", "")


async def _answer(answer: Response | Awaitable[Response]) -> Response:
    """What an API exception handler (sync or async) answered."""
    return await answer if inspect.isawaitable(answer) else answer


def install_web(app: FastAPI) -> None:
    """Add the pages, their static files, the session cookie and the page error handlers."""
    settings = get_settings()
    app.include_router(web_router())
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(SignedSessionMiddleware, secret_key=settings.secret_key,
                       max_age_seconds=settings.access_token_minutes * 60,
                       always_secure=settings.environment == "production")

    @app.exception_handler(LoginRequired)
    async def _login(request: Request, exc: LoginRequired) -> Response:
        login_url = f"/login?next={quote(exc.next_url, safe='/')}"
        if request.method in ("GET", "HEAD"):
            return RedirectResponse(login_url, status_code=303)
        # A post without a session: it expired while the page was open. Say so; the page's
        # script keeps what was typed (loa.js) until the user is back.
        message = translate("session_expired", lang_of(request))
        if request.url.path.startswith(JSON_PREFIXES):
            return JSONResponse({"error": "SessionExpired", "detail": message, "login_url": login_url},
                                status_code=401)
        request.session["flash_error"] = message
        return RedirectResponse(login_url, status_code=303)

    @app.exception_handler(PageForbidden)
    async def _forbidden(request: Request, exc: PageForbidden) -> Response:
        message = translate(exc.message_key, lang_of(request), **exc.params)
        return render(request, "error.html", {"message": message}, status_code=exc.status_code)

    @app.exception_handler(LoaError)
    async def _loa_error(request: Request, exc: LoaError) -> Response:
        # The API answers JSON; a page answers a page, in the reader's language.
        if not request.url.path.startswith(PAGE_PREFIXES):
            return JSONResponse(exc.body(), status_code=exc.status_code, headers=exc.response_headers())
        page = render(request, "error.html", {"message": error_text(exc, lang_of(request))},
                      status_code=exc.status_code)
        page.headers.update(exc.response_headers() or {})
        return page

    api_http = app.exception_handlers[StarletteHTTPException]
    api_validation = app.exception_handlers[RequestValidationError]

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: Exception) -> Response:
        # A person who follows a stale link reads a page in their language, not JSON.
        if not wants_page(request) or not isinstance(exc, StarletteHTTPException):
            return await _answer(api_http(request, exc))
        key = "err_page_not_found" if exc.status_code == 404 else "err_page_method"
        return render(request, "error.html", {"message": translate(key, lang_of(request))},
                      status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: Exception) -> Response:
        # On a page, a malformed address (/app/scripts/abc) names no page: answer as a 404 page.
        if not wants_page(request) or request.method != "GET":
            return await _answer(api_validation(request, exc))
        return render(request, "error.html", {"message": translate("err_page_not_found", lang_of(request))},
                      status_code=404)

    @app.get("/favicon.ico", include_in_schema=False)
    def _favicon() -> FileResponse:
        return FileResponse(STATIC_DIR / "favicon.svg", media_type="image/svg+xml",
                            headers={"Cache-Control": "public, max-age=86400"})

    @app.exception_handler(CsrfRejected)
    async def _csrf(request: Request, _exc: CsrfRejected) -> Response:
        message = translate("err_csrf", lang_of(request))
        if request.url.path.startswith(JSON_PREFIXES):
            return JSONResponse({"error": "CsrfRejected", "detail": message}, status_code=403)
        return render(request, "error.html", {"message": message}, status_code=403)
