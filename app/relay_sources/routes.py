from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter, Response

from app import access
from app.deps import AdminUser, AuditReader, EditorUser, SessionDep
from app.errors import Forbidden, NotAuthenticated, responses
from app.fields import Day, Id
from app.models import User
from app.relay_sources import service
from app.relay_sources.exceptions import (
    RelaySourceInUse,
    RelaySourceNotFound,
    RelayWindowInvalid,
    RelayWindowNotFound,
)
from app.relay_sources.schemas import (
    RelayedMinutes,
    RelayRunRead,
    RelaySourceCreate,
    RelaySourceRead,
    RelaySourceUpdate,
    RelayWindowCreate,
    RelayWindowRead,
    SourceCheckRead,
)
from app.stations.exceptions import NameTaken, StationNotFound

router = APIRouter(prefix="/api/v1", tags=["relay sources"])
_AUTH = (NotAuthenticated, Forbidden)


def _station_id(session: SessionDep, station_id: int, user: User) -> int:
    return access.station_for(session, user, station_id).id


@router.get("/stations/{station_id}/relay-sources", response_model=list[RelaySourceRead],
            responses=responses(*_AUTH, StationNotFound))
def list_sources(station_id: Id, session: SessionDep, user: AuditReader) -> list[RelaySourceRead]:
    """The streams the station may relay, with their last check (editor, admin)."""
    return [RelaySourceRead.model_validate(s) for s in service.sources(session, _station_id(session, station_id, user))]


@router.post("/stations/{station_id}/relay-sources", response_model=RelaySourceRead, status_code=201,
             responses=responses(*_AUTH, StationNotFound, NameTaken))
def add_source(station_id: Id, body: RelaySourceCreate, session: SessionDep, admin: AdminUser) -> RelaySourceRead:
    """Register a relay source: a name, the stream's URL and its format (admin)."""
    station = access.station_for(session, admin, station_id)
    return RelaySourceRead.model_validate(service.add_source(session, station, body, actor=admin))


@router.patch("/relay-sources/{source_id}", response_model=RelaySourceRead,
              responses=responses(*_AUTH, RelaySourceNotFound, NameTaken))
def update_source(source_id: Id, body: RelaySourceUpdate, session: SessionDep, admin: AdminUser) -> RelaySourceRead:
    """Rename a relay source or change its URL or format (admin)."""
    source = service.get_source(session, source_id, admin)
    return RelaySourceRead.model_validate(service.update_source(session, source, body, actor=admin))


@router.delete("/relay-sources/{source_id}", status_code=204,
               responses=responses(*_AUTH, RelaySourceNotFound, RelaySourceInUse))
def delete_source(source_id: Id, session: SessionDep, admin: AdminUser) -> Response:
    """Remove a relay source no window uses (admin)."""
    service.delete_source(session, service.get_source(session, source_id, admin), actor=admin)
    return Response(status_code=204)


@router.post("/relay-sources/{source_id}/test", response_model=SourceCheckRead,
             responses=responses(*_AUTH, RelaySourceNotFound))
def test_source(source_id: Id, session: SessionDep, user: AuditReader) -> SourceCheckRead:
    """Test now: connect to the source, decode a few seconds, say what was heard (editor, admin)."""
    url = service.get_source(session, source_id, user).url
    # The check takes seconds: end the transaction first, as the jobs do, so on SQLite no
    # write lock is held meanwhile; the result is stored in the request's next transaction.
    session.commit()
    result = service.test_source(url)
    service.note_check(service.get_source(session, source_id, user), result, datetime.now(UTC))
    return SourceCheckRead(ok=result.ok, decoded_ms=result.decoded_ms, elapsed_ms=result.elapsed_ms,
                           detail_vi=result.detail_vi, detail_en=result.detail_en)


@router.get("/stations/{station_id}/relay-windows", response_model=list[RelayWindowRead],
            responses=responses(*_AUTH, StationNotFound))
def list_windows(station_id: Id, session: SessionDep, user: AuditReader) -> list[RelayWindowRead]:
    """The station's relay windows (editor, admin)."""
    return [RelayWindowRead.model_validate(w) for w in service.windows(session, _station_id(session, station_id, user))]


@router.post("/stations/{station_id}/relay-windows", response_model=RelayWindowRead, status_code=201,
             responses=responses(*_AUTH, StationNotFound, RelaySourceNotFound, RelayWindowInvalid))
def add_window(station_id: Id, body: RelayWindowCreate, session: SessionDep, editor: EditorUser) -> RelayWindowRead:
    """Schedule a relay window: source, start and end, days, areas, placement, fallback (editor)."""
    station = access.station_for(session, editor, station_id)
    return RelayWindowRead.model_validate(service.add_window(session, station, body, actor=editor))


@router.get("/stations/{station_id}/relay-windows/minutes", response_model=RelayedMinutes,
            responses=responses(*_AUTH, StationNotFound))
def relayed_minutes(station_id: Id, first: Day, last: Day, session: SessionDep, user: AuditReader) -> RelayedMinutes:
    """Relayed minutes between two local dates: runs, fallbacks, recorded, per area live and
    fallback minutes from the relay points' as-run (editor, admin)."""
    figures = service.relayed_minutes(session, _station_id(session, station_id, user), first, last)
    return RelayedMinutes.model_validate(figures)


@router.delete("/relay-windows/{window_id}", status_code=204, responses=responses(*_AUTH, RelayWindowNotFound))
def delete_window(window_id: Id, session: SessionDep, editor: EditorUser) -> Response:
    """Remove a relay window and its coming runs (editor)."""
    service.delete_window(session, service.get_window(session, window_id, editor), actor=editor)
    return Response(status_code=204)


@router.get("/relay-windows/{window_id}/runs", response_model=list[RelayRunRead],
            responses=responses(*_AUTH, RelayWindowNotFound))
def window_runs(window_id: Id, session: SessionDep, user: AuditReader) -> list[RelayRunRead]:
    """A window's recent and coming runs: checks, fallback, recording (editor, admin)."""
    window = service.get_window(session, window_id, user)
    return [RelayRunRead.model_validate(r) for r in service.runs(session, window.id)]
