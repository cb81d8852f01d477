"""The API docs in production: the same pages as FastAPI's, for signed-in staff only."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import HTMLResponse, JSONResponse

from app.web.deps import WebUser


def install_signed_in_docs(app: FastAPI) -> None:
    """Serve /docs, /redoc and /openapi.json behind the sign-in page (FastAPI's own are off)."""
    router = APIRouter(include_in_schema=False)

    @router.get("/openapi.json")
    def openapi(_user: WebUser) -> JSONResponse:
        return JSONResponse(app.openapi())

    @router.get("/docs")
    def swagger(_user: WebUser) -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title=f"{app.title} — API",
                                   oauth2_redirect_url="/docs/oauth2-redirect")

    @router.get("/docs/oauth2-redirect")
    def swagger_redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()

    @router.get("/redoc")
    def redoc(_user: WebUser) -> HTMLResponse:
        return get_redoc_html(openapi_url="/openapi.json", title=f"{app.title} — API")

    app.include_router(router)
