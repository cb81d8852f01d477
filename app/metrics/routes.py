"""GET /metrics: Prometheus' text format, for a scraper holding LOA_METRICS_TOKEN (off without it)."""

from __future__ import annotations

import hmac

from fastapi import APIRouter, Request
from fastapi.responses import Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from app.config import get_settings
from app.deps import SessionDep
from app.errors import NotAuthenticated, NotFound
from app.metrics.collector import DATABASE
from app.metrics.instruments import REGISTRY
from app.speech.audio import audio_settings

router = APIRouter(include_in_schema=False)


def _check_token(request: Request) -> None:
    expected = get_settings().metrics_token
    if not expected:
        raise NotFound("Chưa bật /metrics: đặt LOA_METRICS_TOKEN.",
                       detail_en="/metrics is off: set LOA_METRICS_TOKEN.")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise NotAuthenticated("Cần mã truy cập của /metrics (Authorization: Bearer LOA_METRICS_TOKEN).",
                               detail_en="/metrics needs its token (Authorization: Bearer LOA_METRICS_TOKEN).")


@router.get("/metrics")
def metrics(request: Request, session: SessionDep) -> Response:
    """The installation's figures in Prometheus' text format."""
    _check_token(request)
    DATABASE.refresh(session, audio_settings().audio_dir)
    return Response(generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST)
