"""The FastAPI application."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from fastapi import FastAPI

from app.admission import AdmissionControl
from app.audit.routes import router as audit_router
from app.auth.routes import router as auth_router
from app.config import DEFAULT_KEY_WARNING, DEFAULT_SECRET_KEY, get_settings
from app.errors import install_error_handlers
from app.letters.routes import router as letters_router
from app.limits import BodySizeLimit
from app.metrics.middleware import HttpMetrics
from app.metrics.routes import router as metrics_router
from app.openapi import install_openapi
from app.organisations.board_routes import router as board_router
from app.organisations.bulletins_routes import router as bulletins_router
from app.organisations.routes import router as organisations_router
from app.plans.routes import router as plans_router
from app.programmes.routes import router as programmes_router
from app.recordings.routes import router as recordings_router
from app.relay_sources.routes import router as relay_sources_router
from app.relays.routes import limiter as relay_limiter
from app.relays.routes import router as relay_router
from app.relays.routes import staff_router as relay_staff_router
from app.relays.unchanged_polls import SCHEDULE_PATH, UnchangedSchedulePolls
from app.relays.version_listener import LISTENER_CONNECT_ARGS, VersionListener
from app.scripts.routes import router as scripts_router
from app.security_headers import SecurityHeaders
from app.speech.routes import router as speech_router
from app.stations.routes import router as stations_router
from app.streams.routes import router as streams_router
from app.system.routes import router as system_router
from app.upward.routes import router as upward_router
from app.users.routes import router as users_router
from app.web import install_web
from app.web.docs import install_signed_in_docs

log = logging.getLogger(__name__)


@asynccontextmanager
async def _lifespan(_app: FastAPI) -> AsyncIterator[None]:
    # Sync routes run in anyio's worker threads: enough for every admitted request (each holds
    # one thread and one database connection at a time), with room for the relay polls' reads.
    settings = get_settings()
    limiter = anyio.to_thread.current_default_thread_limiter()
    limiter.total_tokens = max(limiter.total_tokens,
                               settings.max_concurrent_requests + settings.sign_in_concurrency + 8)
    listener = None
    if settings.sqlalchemy_url.startswith("postgresql"):
        # Relay polls answer from memory; committed schedule changes reach it through NOTIFY.
        listener = VersionListener(settings.sqlalchemy_url, connect_args=LISTENER_CONNECT_ARGS).start()
    try:
        yield
    finally:
        if listener is not None:
            listener.stop()
        # Uvicorn ends the process by raising the stop signal again after this: code after
        # `uvicorn.run` never runs then. What must stop cleanly (the scheduler lease, the live
        # streams' sources) stops here, so a restarted Loa takes over at once.
        for stop in getattr(_app.state, "stop_on_shutdown", []):
            stop()


def create_app() -> FastAPI:
    settings = get_settings()
    production = settings.environment == "production"
    if settings.secret_key == DEFAULT_SECRET_KEY and settings.environment == "development":
        log.warning(DEFAULT_KEY_WARNING)
    app = FastAPI(
        title="Loa",
        summary="Đài truyền thanh cơ sở — broadcast system for ward and commune loudspeaker stations",
        version="0.1.0",
        lifespan=_lifespan,
        # In production the API docs are for signed-in staff only (app/web/docs.py).
        docs_url=None if production else "/docs",
        redoc_url=None if production else "/redoc",
        openapi_url=None if production else "/openapi.json",
    )
    install_error_handlers(app)
    install_openapi(app)
    for router in (auth_router, users_router, stations_router, scripts_router, audit_router,
                   speech_router, recordings_router, relay_router, relay_staff_router, programmes_router,
                   system_router, plans_router, letters_router, streams_router, metrics_router,
                   relay_sources_router, upward_router, board_router, organisations_router, bulletins_router):
        app.include_router(router)
    install_web(app)
    if production:
        install_signed_in_docs(app)
    # Innermost of Loa's own: an unchanged relay poll is answered before routing (still counted,
    # still behind admission and with the security headers).
    app.add_middleware(UnchangedSchedulePolls, limiter=relay_limiter,
                       route=next(r for r in relay_router.routes if getattr(r, "path", None) == SCHEDULE_PATH))
    app.add_middleware(
        BodySizeLimit, default_limit=settings.max_request_bytes, upload_limit=settings.max_upload_bytes,
        upload_suffixes=("/recordings", "/letters", "/app/admin/voices")
    )
    app.add_middleware(SecurityHeaders)  # the outermost: every answer carries the headers

    # Outermost: a request over capacity is answered before any other work is done for it.
    app.add_middleware(AdmissionControl, capacity=settings.max_concurrent_requests,
                       sign_in_capacity=settings.sign_in_concurrency,
                       wait_seconds=settings.admission_wait_seconds)
    app.add_middleware(HttpMetrics)  # outside admission: its 503s are counted too

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> dict[str, str]:
        # async, no database: answered on the event loop even when every worker thread is busy
        return {"status": "ok"}

    return app
