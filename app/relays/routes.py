from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Annotated, TypeVar

from fastapi import APIRouter, Depends, Header, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse, StreamingResponse
from sqlalchemy.orm import Session

from app import access
from app.auth.security import hash_relay_token
from app.config import get_settings
from app.db import get_session, mark_read_only
from app.deps import AuditReader, CurrentUser, SessionDep
from app.errors import Forbidden, NotAuthenticated, NotFound, responses
from app.fields import Id
from app.programmes.views import playlist_download, stored_type
from app.relay_sources import fanout
from app.relay_sources import feed as relay_feed
from app.relays import faults, poll_cache, service, status
from app.relays.exceptions import (
    FaultAlreadyResolved,
    FaultNotFound,
    InvalidRelayToken,
    NoSuchProgramme,
    NotThisRelaysArea,
    NotYourFault,
    RelayRateLimited,
    RelayTokenRevoked,
    UnknownProgramme,
)
from app.relays.schemas import (
    FaultRead,
    FaultReport,
    FaultResolution,
    Heartbeat,
    PlayedRecord,
    RelaySchedule,
    RelayStatus,
)
from app.relays.unchanged_polls import bearer, cached_etag, etag_matches, etag_of
from app.speech.audio import storage
from app.stations import service as stations
from app.stations.exceptions import RelayPointNotFound, StationNotFound
from audio.storage import KEY_PATTERN

router = APIRouter(prefix="/api/v1/relay", tags=["relay"])
limiter = service.RateLimiter(limit=120, window_seconds=60)
_AUTH = (InvalidRelayToken, RelayTokenRevoked, RelayRateLimited)

T = TypeVar("T")


def relay_context(session: SessionDep, authorization: Annotated[str | None, Header()] = None
                  ) -> service.RelayContext:
    ctx = service.authenticate(session, bearer(authorization))
    limiter.check(str(ctx.relay_id))
    return ctx


Relay = Annotated[service.RelayContext, Depends(relay_context)]


def reading_relay_context(session: SessionDep, authorization: Annotated[str | None, Header()] = None
                          ) -> service.RelayContext:
    # Polls and downloads only read: on SQLite they then never wait for the write lock.
    return relay_context(mark_read_only(session), authorization)


ReadingRelay = Annotated[service.RelayContext, Depends(reading_relay_context)]


def _with_session(request: Request, work: Callable[[Session], T]) -> T:
    """Run `work` in a read-only session, as the session dependency would (tests override it)."""
    factory = request.app.dependency_overrides.get(get_session, get_session)
    sessions = factory(request)
    session = next(sessions)
    try:
        result = work(mark_read_only(session))
    except BaseException as exc:
        with contextlib.suppress(StopIteration, type(exc)):
            sessions.throw(exc)
        raise
    with contextlib.suppress(StopIteration):
        next(sessions)
    return result


@router.get("/schedule", response_model=RelaySchedule, responses={304: {"description": "unchanged"},
                                                                   **responses(*_AUTH)})
async def get_schedule(
    request: Request,
    hours: Annotated[int, Query(ge=1, le=168)] = 48,
    if_none_match: Annotated[str | None, Header()] = None,
    authorization: Annotated[str | None, Header()] = None,
) -> Response:
    """This relay point's programmes for the next hours, and any emergency (ETag, 304)."""
    # Relays poll every 30 s and most polls change nothing: who holds the token, the station's
    # schedule version and what its schedule holds come from poll_cache, kept current by the
    # changes themselves (NOTIFY on PostgreSQL), so an unchanged schedule costs no database work
    # and no worker thread. The ETag changes only when the schedule's content does.
    token = bearer(authorization)
    if token is None:
        raise InvalidRelayToken()
    token_hash = hash_relay_token(token)
    now = datetime.now(UTC)
    found = cached_etag(token_hash, hours, now)
    if found is None:
        relay, index = await run_in_threadpool(
            _with_session, request, lambda s: poll_cache.load(s, token, token_hash, hours, now))
        etag = etag_of(relay, index, hours, now)
    else:
        relay, etag = found
    limiter.check(str(relay.relay_id))
    if etag_matches(if_none_match, etag):
        return Response(status_code=304, headers={"ETag": etag})
    body, digest = await run_in_threadpool(
        _with_session, request, lambda s: service.schedule(s, relay, hours, now))
    # Tagged by what it holds: if a change landed between the index and this read, the next
    # poll's tag differs and the relay point fetches again.
    etag = service.etag_for(relay, hours, digest)
    if etag_matches(if_none_match, etag):
        return Response(status_code=304, headers={"ETag": etag})
    return JSONResponse(body.model_dump(mode="json"), headers={"ETag": etag, "Cache-Control": "no-cache"})


@router.get("/audio/{key}", response_class=FileResponse,
            responses={**responses(*_AUTH, NotThisRelaysArea, NotFound),
                       302: {"description": "Presigned download mode: the file is at the Location URL"}})
def get_audio(key: Annotated[str, Path(pattern=KEY_PATTERN)], session: SessionDep, relay: ReadingRelay) -> Response:
    """An audio file of this relay's programmes: Range, ETag, immutable caching (or a redirect
    to the object store when the installation chose presigned downloads)."""
    if not service.may_fetch(session, relay, key):
        raise NotThisRelaysArea()
    settings = get_settings()
    if settings.relay_downloads == "presigned":
        # Signed now, for one download: the schedule (and its ETag) never carries an expiry.
        url = storage().download_url(key, expires_seconds=settings.relay_presigned_seconds)
        if url is not None:
            return RedirectResponse(url, status_code=302, headers={"Cache-Control": "no-store"})
    path = storage().path(key)
    if not path.is_file():
        raise NotFound("Tệp âm thanh chưa sẵn sàng.", detail_en="The audio file is not there yet.")
    return FileResponse(
        path, media_type=stored_type(key)[1],
        headers={"ETag": f'"{key.split(".", 1)[0]}"',
                 "Cache-Control": "public, max-age=31536000, immutable"},
    )


@router.get("/programmes/{programme_id}.m3u8", responses=responses(*_AUTH, NoSuchProgramme))
def get_playlist(programme_id: Id, request: Request, session: SessionDep, relay: ReadingRelay) -> Response:
    """The programme's extended M3U8 playlist: its item files in order, as this API's audio URLs."""
    try:
        programme = service.programme_for(session, relay, programme_id)
    except UnknownProgramme:
        raise NoSuchProgramme(programme_id) from None  # a resource that is not there: 404
    if not programme.cue_key:
        raise NoSuchProgramme(programme_id)
    base = f"{request.base_url}api/v1/relay/audio/"
    return playlist_download(programme, lambda f: base + f.key)


@router.get("/live/{run_id}", response_class=StreamingResponse,
            responses=responses(*_AUTH, NoSuchProgramme))
def get_live(run_id: Id, session: SessionDep, relay: ReadingRelay) -> StreamingResponse:
    """A relay window's live stream, through Loa (one upstream connection for all relay points);
    it ends when the source drops: the agent then plays its cached fallback."""
    found = relay_feed.live_source(session, run_id, relay.station_id, relay.area_id, datetime.now(UTC))
    if found is None:
        raise NoSuchProgramme(run_id)
    return StreamingResponse(fanout.listen(run_id, found), media_type="audio/mpeg",
                             headers={"Cache-Control": "no-store"})


@router.post("/heartbeat", status_code=204, responses=responses(*_AUTH))
def heartbeat(beat: Heartbeat, session: SessionDep, relay: Relay) -> Response:
    """The agent's state: version, free disk, cached horizon, last error."""
    service.record_heartbeat(session, relay, beat, datetime.now(UTC))
    return Response(status_code=204)


@router.post("/played", status_code=201, responses=responses(*_AUTH, UnknownProgramme))
def played(record: PlayedRecord, session: SessionDep, relay: Relay, response: Response) -> dict[str, str]:
    """An as-run record (nhật ký phát); the same record_id twice is stored once."""
    if not service.record_play(session, relay, record):
        response.status_code = 200
        return {"status": "duplicate"}
    return {"status": "stored"}


@router.post("/faults", status_code=201, responses=responses(*_AUTH))
def fault(report: FaultReport, session: SessionDep, relay: Relay) -> dict[str, int]:
    """A fault report from the relay point (speaker, amplifier, power, network, other)."""
    return {"id": service.report_fault(session, relay.relay_id, report).id}


staff_router = APIRouter(prefix="/api/v1", tags=["relay"])


@staff_router.get("/relays/status", response_model=list[RelayStatus],
                  responses=responses(NotAuthenticated, Forbidden, StationNotFound))
def relays_status(session: SessionDep, user: AuditReader, station_id: Id | None = None) -> list[RelayStatus]:
    """Every relay point: last seen, online, cached horizon, last played, missed, faults (editor, admin)."""
    return status.board(session, access.station_for(session, user, station_id).id)


@staff_router.post("/relay-points/{relay_id}/faults", status_code=201,
                   responses=responses(NotAuthenticated, Forbidden, RelayPointNotFound))
def report_fault(relay_id: Id, report: FaultReport, session: SessionDep, user: CurrentUser) -> dict[str, int]:
    """A neighbourhood leader reports a fault of their area's relay point (or staff on their behalf)."""
    relay = stations.get_relay_point(session, relay_id, user)
    return {"id": service.report_fault(session, relay.id, report, reported_by_id=user.id).id}


@staff_router.post("/faults/{fault_id}/resolve", response_model=FaultRead,
                   responses=responses(NotAuthenticated, NotYourFault, FaultNotFound, FaultAlreadyResolved))
def resolve_fault(fault_id: Id, body: FaultResolution, session: SessionDep, user: CurrentUser) -> FaultRead:
    """Close a fault once fixed, saying what was done (editor, admin, the area's leader)."""
    return FaultRead.model_validate(faults.resolve(session, fault_id, body.note, user=user))
