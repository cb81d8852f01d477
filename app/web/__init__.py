"""The web pages of Loa: server-rendered, Vietnamese first, for staff and residents."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.responses import Response

from app.config import get_settings
from app.errors import LoaError
from app.web.deps import CsrfRejected, LoginRequired, PageForbidden, lang_of
from app.web.i18n import translate
from app.web.render import error_text, render
from app.web.session import SignedSessionMiddleware

STATIC_DIR = Path(__file__).parent / "static"
PAGE_PREFIXES = ("/app", "/account", "/login", "/logout", "/stations/")


def web_router() -> APIRouter:
    """Every page of the web app."""
    from app.web import (
        routes_admin,
        routes_area,
        routes_auth,
        routes_emergency,
        routes_preview,
        routes_public,
        routes_recordings,
        routes_review,
        routes_scripts,
    )

    router = APIRouter(include_in_schema=False)
    for module in (routes_auth, routes_review, routes_emergency, routes_scripts, routes_recordings,
                   routes_admin, routes_area, routes_public, routes_preview):
        router.include_router(module.router)
    return router


def install_web(app: FastAPI) -> None:
    """Add the pages, their static files, the session cookie and the page error handlers."""
    settings = get_settings()
    app.include_router(web_router())
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(SignedSessionMiddleware, secret_key=settings.secret_key,
                       max_age_seconds=settings.access_token_minutes * 60,
                       always_secure=settings.environment == "production")

    @app.exception_handler(LoginRequired)
    async def _login(_request: Request, exc: LoginRequired) -> Response:
        return RedirectResponse(f"/login?next={quote(exc.next_url, safe='/')}", status_code=303)

    @app.exception_handler(PageForbidden)
    async def _forbidden(request: Request, exc: PageForbidden) -> Response:
        message = translate(exc.message_key, lang_of(request), **exc.params)
        return render(request, "error.html", {"message": message}, status_code=exc.status_code)

    @app.exception_handler(LoaError)
    async def _loa_error(request: Request, exc: LoaError) -> Response:
        # The API answers JSON; a page answers a page, in the reader's language.
        if not request.url.path.startswith(PAGE_PREFIXES):
            return JSONResponse(exc.body(), status_code=exc.status_code, headers=exc.headers)
        return render(request, "error.html", {"message": error_text(exc, lang_of(request))},
                      status_code=exc.status_code)

    @app.exception_handler(CsrfRejected)
    async def _csrf(request: Request, _exc: CsrfRejected) -> Response:
        message = translate("err_csrf", lang_of(request))
        return render(request, "error.html", {"message": message}, status_code=403)
