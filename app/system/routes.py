from __future__ import annotations

from fastapi import APIRouter

from app import access
from app.deps import AuditReader, SessionDep
from app.errors import Forbidden, NotAuthenticated, responses
from app.system import service
from app.system.schemas import StorageUse, SystemProblemRead

router = APIRouter(prefix="/api/v1/system", tags=["system"])


@router.get("/problems", response_model=list[SystemProblemRead],
            responses=responses(NotAuthenticated, Forbidden))
def problems(session: SessionDep, user: AuditReader) -> list[SystemProblemRead]:
    """What stops the server's own work now (e.g. a full disk, a relay source that fails its
    check), with what to do (editor, admin)."""
    return service.current(session, station_id=user.station_id,
                           station_ids=access.station_ids_of(session, user))


@router.get("/storage", response_model=StorageUse, responses=responses(NotAuthenticated, Forbidden))
def storage(session: SessionDep, user: AuditReader) -> StorageUse:
    """The audio store's size, the data disk's free space, the station's retention (editor, admin)."""
    return service.storage_use(session, user.station_id)
