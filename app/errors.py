"""Named errors and the one handler that answers `{"error": ..., "detail": ...}`."""

from __future__ import annotations

import inspect
import logging
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, OperationalError
from sqlalchemy.exc import TimeoutError as SQLAlchemyTimeoutError
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from app.work_queue import QueueMisconfigured
from audio.errors import StorageFull as DiskFull
from audio.errors import StorageUnavailable as ObjectStoreDown

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

    def response_headers(self) -> dict[str, str] | None:
        """Headers of the error answer (e.g. WWW-Authenticate, Retry-After)."""
        return self.headers

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


class StaleVersion(Conflict):
    """Someone saved the same record first: the client must reload it and edit again."""

    def __init__(self, detail: str | None = None, *, detail_en: str | None = None) -> None:
        super().__init__(
            detail or "Dữ liệu vừa được người khác sửa cùng lúc. Hãy tải lại, xem thay đổi rồi sửa tiếp.",
            detail_en=detail_en or "Someone else changed this meanwhile: reload it and edit again.",
        )


class ConflictingChange(Conflict):
    def __init__(self) -> None:
        super().__init__(
            "Thay đổi này trùng hoặc mâu thuẫn với dữ liệu vừa được lưu (có thể do một thao tác cùng lúc). "
            "Hãy tải lại rồi thử lại.",
            detail_en="This change clashes with data saved meanwhile: reload and try again.",
        )


class ValueOutOfRange(Unprocessable):
    def __init__(self) -> None:
        super().__init__(
            "Có giá trị quá lớn hoặc không lưu được (ví dụ một số quá nhiều chữ số): hãy kiểm tra lại dữ liệu gửi lên.",
            detail_en="A value is too large or cannot be stored (e.g. a number with too many digits).",
        )


class TooManyRequests(LoaError):
    """Refused for now: `retry_after` seconds later the same request may succeed."""

    status_code = 429

    def __init__(self, detail: str, *, detail_en: str | None = None, retry_after: int | None = None) -> None:
        super().__init__(detail, detail_en=detail_en)
        self.retry_after = retry_after

    def response_headers(self) -> dict[str, str] | None:
        return {"Retry-After": str(self.retry_after)} if self.retry_after else None


class ServerBusy(TooManyRequests):
    """The server is at capacity (connections, workers): answered at once, never after a hang."""

    status_code = 503

    def __init__(self, retry_after: int = 1) -> None:
        super().__init__(
            f"Máy chủ đang bận, hãy thử lại sau {retry_after} giây.",
            detail_en=f"The server is busy: retry in {retry_after} s.",
            retry_after=retry_after,
        )


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


# PostgreSQL's deadlock_detected and serialization_failure: the same request may succeed again
RETRYABLE_SQLSTATES = frozenset({"40P01", "40001"})


def is_database_busy(exc: OperationalError) -> bool:
    """SQLite's write lock was not had within its busy timeout, or PostgreSQL asks for a retry."""
    if getattr(exc.orig, "sqlstate", None) in RETRYABLE_SQLSTATES:
        return True
    return "database is locked" in str(exc.orig) or "database is busy" in str(exc.orig)


def _is_number_too_long(exc: BaseException | None) -> bool:
    # int("1" * 5000) raises ValueError: Python refuses to parse integers of 4,300+ digits
    return isinstance(exc, ValueError) and "integer string conversion" in str(exc)


def _flat(routes: Iterable[Any]) -> Iterator[Any]:
    # FastAPI keeps an included router as one entry whose routes carry the prefix
    for route in routes:
        nested = getattr(route, "effective_candidates", None)
        if callable(nested):
            yield from _flat(nested())
        else:
            yield route


def allowed_methods(request: Request) -> list[str]:
    """Every method some route answers at this path (Starlette's 405 names one route's only)."""
    methods: set[str] = set()
    for route in _flat(request.app.router.routes):
        match, _ = route.matches(request.scope)
        route_methods = getattr(route, "methods", None)
        if match != Match.NONE and route_methods:
            methods |= set(route_methods)
    return sorted(methods)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(LoaError)
    async def _loa_error(_request: Request, exc: LoaError) -> JSONResponse:
        return JSONResponse(exc.body(), status_code=exc.status_code, headers=exc.response_headers())

    @app.exception_handler(SQLAlchemyTimeoutError)
    async def _pool_timeout(request: Request, _exc: SQLAlchemyTimeoutError) -> Response:
        # No database connection came in db_pool_timeout_seconds: busy, not broken.
        return await _as_loa_error(request, ServerBusy())

    @app.exception_handler(OperationalError)
    async def _database_busy(request: Request, exc: OperationalError) -> Response:
        if not is_database_busy(exc):
            return await _disk_full(request, exc)  # a full disk, else re-raised as it came
        return await _as_loa_error(request, ServerBusy())

    async def _as_loa_error(request: Request, exc: LoaError) -> Response:
        # the page handler (app.web) answers pages; the API answers JSON
        handler = request.app.exception_handlers.get(LoaError, _loa_error)
        response: Response = await handler(request, exc)
        return response

    @app.exception_handler(ObjectStoreDown)
    async def _object_store(request: Request, exc: ObjectStoreDown) -> Response:
        log.error("%s %s: %s", request.method, request.url.path, exc.message_en)
        return await _as_loa_error(request, ServiceUnavailable(exc.message_vi, detail_en=exc.message_en))

    @app.exception_handler(QueueMisconfigured)
    async def _queue(request: Request, exc: QueueMisconfigured) -> Response:
        log.error("%s %s: %s", request.method, request.url.path, exc)
        return await _as_loa_error(
            request, ServiceUnavailable(f"Hàng đợi việc chưa dùng được: {exc.message_vi}.", detail_en=str(exc)))

    @app.exception_handler(StaleDataError)
    async def _stale(request: Request, _exc: StaleDataError) -> Response:
        # a versioned row (version_id_col) was changed by a concurrent request since it was read
        return await _as_loa_error(request, StaleVersion())

    @app.exception_handler(IntegrityError)
    async def _integrity(request: Request, exc: IntegrityError) -> Response:
        log.warning("integrity error answered as 409: %s", exc.orig)
        return await _as_loa_error(request, ConflictingChange())

    @app.exception_handler(DataError)
    async def _data(request: Request, exc: DataError) -> Response:
        log.warning("data error answered as 422: %s", exc.orig)
        return await _as_loa_error(request, ValueOutOfRange())

    @app.exception_handler(OverflowError)
    async def _overflow(request: Request, exc: OverflowError) -> Response:
        # SQLite: "Python int too large to convert to SQLite INTEGER"
        log.warning("overflow answered as 422: %s", exc)
        return await _as_loa_error(request, ValueOutOfRange())

    @app.exception_handler(ValueError)
    async def _value(request: Request, exc: ValueError) -> Response:
        if not _is_number_too_long(exc):
            raise exc
        return await _as_loa_error(request, ValueOutOfRange())

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
    async def _http(_request: Request, exc: StarletteHTTPException) -> Response:
        names = {404: "NotFound", 405: "MethodNotAllowed", 401: "NotAuthenticated"}
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        name = names.get(exc.status_code, "HTTPError")
        if exc.status_code == 404 and detail == "Not Found":
            detail = "Không tìm thấy địa chỉ này (Not Found)."
        if exc.status_code == 400 and "parsing the body" in detail:
            if _is_number_too_long(exc.__cause__):
                return await _as_loa_error(_request, ValueOutOfRange())
            name = "InvalidBody"
            detail = "Không đọc được dữ liệu gửi lên: hãy gửi JSON hoặc biểu mẫu mã hóa UTF-8."
        headers = dict(getattr(exc, "headers", None) or {})
        if exc.status_code == 405:
            allowed = allowed_methods(_request)
            headers["Allow"] = ", ".join(allowed)
            detail = f"Địa chỉ này không nhận phương thức {_request.method}; chỉ nhận: {', '.join(allowed)}."
        return JSONResponse(
            {"error": name, "detail": detail},
            status_code=exc.status_code,
            headers=headers or None,
        )
