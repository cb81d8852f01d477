from __future__ import annotations

from fastapi import APIRouter

from app.deps import AuditReader, SessionDep
from app.errors import Forbidden, NotAuthenticated, responses
from app.system import service
from app.system.schemas import SystemProblemRead

router = APIRouter(prefix="/api/v1/system", tags=["system"])


@router.get("/problems", response_model=list[SystemProblemRead],
            responses=responses(NotAuthenticated, Forbidden))
def problems(session: SessionDep, user: AuditReader) -> list[SystemProblemRead]:
    """What stops the server's own work now (e.g. a full disk, a relay source that fails its
    check), with what to do (editor, admin)."""
    return service.current(session, station_id=user.station_id)
