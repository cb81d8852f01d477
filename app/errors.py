"""Named errors and the one handler that answers `{"error": ..., "detail": ...}`."""

from __future__ import annotations

import inspect
import logging
from typing import Any, ClassVar

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from sqlalchemy.exc import DBAPIError
from starlette.exceptions import HTTPException as StarletteHTTPException

from audio.errors import StorageFull as DiskFull

log = logging.getLogger("loa.errors")


class LoaError(Exception):
    """Base of every error a user may see. `detail` says what to fix, in Vietnamese first."""

    status_code: ClassVar[int] = 400
    headers: ClassVar[dict[str, str] | None] = None

    def __init__(self, detail: str, *, detail_en: str | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.detail_en = detail_en

    @property
    def name(self) -> str:
        return type(self).__name__

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"error": self.name, "detail": self.detail}
        if self.detail_en:
            body["detail_en"] = self.detail_en
        return body


class BadRequest(LoaError):
    status_code = 400


class NotAuthenticated(LoaError):
    status_code = 401
    headers = {"WWW-Authenticate": "Bearer"}


class Forbidden(LoaError):
    status_code = 403


class NotFound(LoaError):
    status_code = 404


class Conflict(LoaError):
    status_code = 409


class PayloadTooLarge(LoaError):
    status_code = 413


class Unprocessable(LoaError):
    status_code = 422


class TooManyRequests(LoaError):
    status_code = 429


class StorageFull(LoaError):
    """The server's disk is full: nothing the user sent is wrong, and nothing saved is lost."""

    status_code = 507

    def __init__(self) -> None:
        super().__init__(DiskFull.message_vi, detail_en=DiskFull.message_en)


class ServiceUnavailable(LoaError):
    """Busy for a moment: the client should try again after `Retry-After` seconds."""

    status_code = 503
    headers = {"Retry-After": "30"}


class ErrorBody(BaseModel):
    """The shape of every error answer."""

    error: str
    detail: str
    detail_en: str | None = None


def responses(*errors: type[LoaError]) -> dict[int | str, dict[str, Any]]:
    """`responses=` for a route, so the OpenAPI document lists the errors it can answer."""
    out: dict[int | str, dict[str, Any]] = {}
    for err in errors:
        entry = out.setdefault(err.status_code, {"model": ErrorBody, "description": ""})
        entry["description"] = ", ".join(filter(None, [entry["description"], err.__name__]))
    return out


def _validation_detail(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = list(err.get("loc", ()))
        if where and where[0] in ("body", "query", "path", "header", "cookie"):
            where = where[1:]
        loc = ".".join(str(p) for p in where)
        parts.append(f"{loc}: {err.get('msg', '')}" if loc else str(err.get("msg", "")))
    return "Dữ liệu không hợp lệ — " + "; ".join(parts)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(LoaError)
    async def _loa_error(_request: Request, exc: LoaError) -> JSONResponse:
        return JSONResponse(exc.body(), status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse(
            {
                "error": "ValidationError",
                "detail": _validation_detail(exc),
                "detail_en": "Invalid input: see the fields named in detail.",
            },
            status_code=422,
        )

    async def _disk_full(request: Request, exc: Exception) -> Response:
        from app.system.disk import is_disk_full

        if not is_disk_full(exc):
            raise exc
        log.error("%s %s: the data disk is full", request.method, request.url.path)
        # Whichever LoaError handler is installed last answers: JSON for the API, a page for pages.
        answer = app.exception_handlers[LoaError](request, StorageFull())
        return await answer if inspect.isawaitable(answer) else answer

    # Writes that find the disk full: ours (StorageFull), anyone's (OSError), the database's.
    for raised in (DiskFull, OSError, DBAPIError):
        app.add_exception_handler(raised, _disk_full)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        names = {404: "NotFound", 405: "MethodNotAllowed", 401: "NotAuthenticated"}
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        name = names.get(exc.status_code, "HTTPError")
        if exc.status_code == 404 and detail == "Not Found":
            detail = "Không tìm thấy địa chỉ này (Not Found)."
        if exc.status_code == 400 and "parsing the body" in detail:
            name = "InvalidBody"
            detail = "Không đọc được dữ liệu gửi lên: hãy gửi JSON hoặc biểu mẫu mã hóa UTF-8."
        return JSONResponse(
            {"error": name, "detail": detail},
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )
