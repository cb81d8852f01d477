"""Bulletins sent down: the province's or district's side (/api/v1/bulletins) and the ward's
inbox (/api/v1/stations/{id}/inbox, /api/v1/inbox/{id})."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, File, UploadFile
from fastapi.responses import FileResponse

from app import access
from app.deps import CurrentUser, OrganisationWrites, SessionDep
from app.errors import Forbidden, NotAuthenticated, NotFound, PayloadTooLarge, responses
from app.fields import Id
from app.models import Bulletin
from app.organisations import bulletins_access as scope
from app.organisations import bulletins_inbox as inbox
from app.organisations import bulletins_recording as recording
from app.organisations import bulletins_service as service
from app.organisations import bulletins_status as status
from app.organisations.bulletins_exceptions import (
    BulletinNotFound,
    BulletinWrongState,
    DeliveryNotFound,
    InvalidBulletin,
    OwnBulletinReview,
    StationsOutsideOrganisation,
)
from app.organisations.bulletins_schemas import (
    BulletinCreate,
    BulletinRead,
    BulletinRejection,
    BulletinSend,
    BulletinUpdate,
    Decline,
    DeliveryStatus,
    InboxItem,
)
from app.recordings.exceptions import RecordingRefused, RecordingsBusy
from app.speech.audio import audio_settings, storage
from app.stations.exceptions import NoStation, StationNotFound

router = APIRouter(prefix="/api/v1", tags=["bulletins"])
_AUTH = (NotAuthenticated, Forbidden)


@router.get("/bulletins", response_model=list[BulletinRead], responses=responses(*_AUTH))
def list_bulletins(session: SessionDep, user: CurrentUser) -> list[BulletinRead]:
    """The bulletins of your organisation and its districts, newest first."""
    return [BulletinRead.model_validate(b) for b in service.list_for(session, user)]


@router.post("/bulletins", status_code=201, response_model=BulletinRead, dependencies=[OrganisationWrites],
             responses=responses(*_AUTH, InvalidBulletin))
def create_bulletin(data: BulletinCreate, session: SessionDep, user: CurrentUser) -> BulletinRead:
    """Draft a bulletin to send down (a province or district officer or editor)."""
    return BulletinRead.model_validate(service.create(session, data, user=user))


@router.get("/bulletins/{bulletin_id}", response_model=BulletinRead, responses=responses(*_AUTH, BulletinNotFound))
def get_bulletin(bulletin_id: Id, session: SessionDep, user: CurrentUser) -> BulletinRead:
    """One bulletin of your organisation."""
    return BulletinRead.model_validate(scope.get_bulletin(session, bulletin_id, user))


@router.patch("/bulletins/{bulletin_id}", response_model=BulletinRead, dependencies=[OrganisationWrites],
              responses=responses(*_AUTH, BulletinNotFound, BulletinWrongState, InvalidBulletin))
def update_bulletin(bulletin_id: Id, data: BulletinUpdate, session: SessionDep, user: CurrentUser) -> BulletinRead:
    """Edit a bulletin not yet sent (an approved one then waits for approval again)."""
    bulletin = scope.get_bulletin(session, bulletin_id, user)
    return BulletinRead.model_validate(service.update(session, bulletin, data, user=user))


@router.post("/bulletins/{bulletin_id}/submit", response_model=BulletinRead, dependencies=[OrganisationWrites],
             responses=responses(*_AUTH, BulletinNotFound, BulletinWrongState))
def submit_bulletin(bulletin_id: Id, session: SessionDep, user: CurrentUser) -> BulletinRead:
    """Send the draft for approval."""
    bulletin = scope.get_bulletin(session, bulletin_id, user)
    return BulletinRead.model_validate(service.submit(session, bulletin, user=user))


@router.post("/bulletins/{bulletin_id}/approve", response_model=BulletinRead, dependencies=[OrganisationWrites],
             responses=responses(*_AUTH, BulletinNotFound, BulletinWrongState, OwnBulletinReview))
def approve_bulletin(bulletin_id: Id, session: SessionDep, user: CurrentUser) -> BulletinRead:
    """Approve a submitted bulletin (the organisation's leader or an editor other than its author)."""
    bulletin = scope.get_bulletin(session, bulletin_id, user)
    return BulletinRead.model_validate(service.approve(session, bulletin, user=user))


@router.post("/bulletins/{bulletin_id}/reject", response_model=BulletinRead, dependencies=[OrganisationWrites],
             responses=responses(*_AUTH, BulletinNotFound, BulletinWrongState, OwnBulletinReview))
def reject_bulletin(bulletin_id: Id, data: BulletinRejection, session: SessionDep, user: CurrentUser) -> BulletinRead:
    """Send a submitted bulletin back to its author as a draft, with a reason they read."""
    bulletin = scope.get_bulletin(session, bulletin_id, user)
    return BulletinRead.model_validate(service.reject(session, bulletin, data.reason, user=user))


@router.post("/bulletins/{bulletin_id}/send", response_model=list[DeliveryStatus],
             dependencies=[OrganisationWrites],
             responses=responses(*_AUTH, BulletinNotFound, BulletinWrongState, InvalidBulletin,
                                 StationsOutsideOrganisation))
def send_bulletin(bulletin_id: Id, data: BulletinSend, session: SessionDep, user: CurrentUser) -> list[DeliveryStatus]:
    """Send an approved bulletin to chosen stations under the organisation (optionally chosen areas
    of each): normal waits for the ward, priority leads its next programme, emergency airs at once.
    With the job queue on, priority and emergency deliveries answer `queued` at once and a worker
    delivers each station (emergencies first); follow them on `GET .../stations`."""
    bulletin = scope.get_bulletin(session, bulletin_id, user)
    service.send(session, bulletin, data, user=user)
    return status.per_station(session, bulletin)


@router.post("/bulletins/{bulletin_id}/retry", response_model=list[DeliveryStatus],
             dependencies=[OrganisationWrites], responses=responses(*_AUTH, BulletinNotFound, BulletinWrongState))
def retry_bulletin(bulletin_id: Id, session: SessionDep, user: CurrentUser) -> list[DeliveryStatus]:
    """Deliver a sent bulletin again to the stations where it failed (the reason is on
    `GET .../stations`); the others are left as they are."""
    bulletin = scope.get_bulletin(session, bulletin_id, user)
    service.retry_failed(session, bulletin, user=user)
    return status.per_station(session, bulletin)


@router.post("/bulletins/{bulletin_id}/stop", response_model=BulletinRead, dependencies=[OrganisationWrites],
             responses=responses(*_AUTH, BulletinNotFound, BulletinWrongState))
def stop_bulletin(bulletin_id: Id, session: SessionDep, user: CurrentUser) -> BulletinRead:
    """Stop a sent bulletin at every station: emergencies end at the relays' next poll."""
    bulletin = scope.get_bulletin(session, bulletin_id, user)
    return BulletinRead.model_validate(service.stop(session, bulletin, user=user))


@router.get("/bulletins/{bulletin_id}/stations", response_model=list[DeliveryStatus],
            responses=responses(*_AUTH, BulletinNotFound))
def bulletin_stations(bulletin_id: Id, session: SessionDep, user: CurrentUser) -> list[DeliveryStatus]:
    """Per station: received, accepted, declined (with the reason), scheduled, aired (as-run), missed."""
    return status.per_station(session, scope.get_bulletin(session, bulletin_id, user))


@router.get("/stations/{station_id}/inbox", response_model=list[InboxItem],
            responses=responses(*_AUTH, StationNotFound, NoStation))
def station_inbox(station_id: Id, session: SessionDep, user: CurrentUser) -> list[InboxItem]:
    """The bulletins sent down to this station, newest first."""
    station = access.station_for(session, user, station_id)
    return inbox.items(session, user, station.id)


@router.get("/inbox/{delivery_id}", response_model=InboxItem, responses=responses(*_AUTH, DeliveryNotFound))
def inbox_item(delivery_id: Id, session: SessionDep, user: CurrentUser) -> InboxItem:
    """One bulletin from above, as your station received it."""
    delivery = scope.get_delivery(session, delivery_id, user)
    return inbox.items(session, user, delivery.station_id, delivery.id)[0]


@router.post("/inbox/{delivery_id}/accept", response_model=InboxItem,
             responses=responses(*_AUTH, DeliveryNotFound, BulletinWrongState, InvalidBulletin))
def accept_delivery(delivery_id: Id, session: SessionDep, user: CurrentUser) -> InboxItem:
    """Take a bulletin from above: the station's own approved script, planned like its own."""
    delivery = inbox.accept(session, scope.get_delivery(session, delivery_id, user), user=user)
    return inbox.items(session, user, delivery.station_id, delivery.id)[0]


@router.post("/inbox/{delivery_id}/decline", response_model=InboxItem,
             responses=responses(*_AUTH, DeliveryNotFound, BulletinWrongState))
def decline_delivery(delivery_id: Id, data: Decline, session: SessionDep, user: CurrentUser) -> InboxItem:
    """Decline a bulletin from above, with a reason its sender reads."""
    delivery = inbox.decline(session, scope.get_delivery(session, delivery_id, user), data.reason, user=user)
    return inbox.items(session, user, delivery.station_id, delivery.id)[0]


@router.post("/bulletins/{bulletin_id}/recordings", response_model=BulletinRead, dependencies=[OrganisationWrites],
             responses=responses(*_AUTH, BulletinNotFound, BulletinWrongState, RecordingRefused, PayloadTooLarge,
                                 RecordingsBusy))
def attach_recording(bulletin_id: Id, session: SessionDep, user: CurrentUser,
                     file: Annotated[UploadFile, File(description="MP3, WAV, M4A/AAC, OGG/Opus")]) -> BulletinRead:
    """Attach the recording the wards air instead of speaking the text (replaces an earlier one;
    an approved bulletin waits for approval again)."""
    bulletin = scope.get_bulletin(session, bulletin_id, user)
    uploads = audio_settings().data_dir / "uploads"
    uploads.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=uploads, suffix=Path(file.filename or "").suffix.lower()[:8]) as tmp:
        shutil.copyfileobj(file.file, tmp, length=1 << 20)
        tmp.flush()
        recording.attach(session, bulletin, Path(tmp.name), file.filename or "", user=user)
    return BulletinRead.model_validate(bulletin)


def _audio(bulletin: Bulletin) -> FileResponse:
    if not bulletin.recording_key:
        raise NotFound("Bản tin không có bản ghi âm.", detail_en="The bulletin has no recording.")
    return FileResponse(storage().path(bulletin.recording_key), media_type="audio/wav",
                        filename=f"bulletin-{bulletin.id}.wav")


@router.get("/bulletins/{bulletin_id}/recording", response_class=FileResponse,
            responses=responses(*_AUTH, BulletinNotFound, NotFound))
def bulletin_recording(bulletin_id: Id, session: SessionDep, user: CurrentUser) -> FileResponse:
    """The bulletin's recording (loudness-matched WAV)."""
    return _audio(scope.get_bulletin(session, bulletin_id, user))


@router.get("/inbox/{delivery_id}/recording", response_class=FileResponse,
            responses=responses(*_AUTH, DeliveryNotFound, NotFound))
def inbox_recording(delivery_id: Id, session: SessionDep, user: CurrentUser) -> FileResponse:
    """Hear a bulletin from above before deciding (loudness-matched WAV)."""
    delivery = scope.get_delivery(session, delivery_id, user)
    bulletin = session.get(Bulletin, delivery.bulletin_id)
    assert bulletin is not None  # a delivery belongs to its bulletin
    return _audio(bulletin)
