from __future__ import annotations

from fastapi import APIRouter

from app import access
from app.deps import CurrentUser, SessionDep
from app.errors import NotAuthenticated, responses
from app.fields import Id
from app.stations.exceptions import StationNotFound
from app.streams.schemas import StreamsRead
from app.streams.status import station_streams

router = APIRouter(prefix="/api/v1", tags=["streams"])


@router.get("/stations/{station_id}/streams", response_model=StreamsRead,
            responses=responses(NotAuthenticated, StationNotFound))
def streams(station_id: Id, session: SessionDep, user: CurrentUser) -> StreamsRead:
    """Each area's live Icecast mount: where to listen, listeners now, and what it carries."""
    return station_streams(session, access.station_for(session, user, station_id))
