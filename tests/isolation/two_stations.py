"""Two stations for the isolation tests: station 1 (the `world`) holding one of everything, and
station 2 with one user of each role, who must find none of station 1's things. Each station lies
in a province of its own; station 2's district and province have accounts too, which must find
none of station 1's things either."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.auth import service as auth_service
from app.auth.exceptions import InvalidCredentials
from app.models import (
    Area,
    AuditEvent,
    Bulletin,
    BulletinDelivery,
    BulletinStatus,
    Emergency,
    Organisation,
    Priority,
    Programme,
    ProgrammeStatus,
    Recording,
    RelayFault,
    RelayPoint,
    RelaySource,
    RelayWindow,
    Role,
    Script,
    ScriptStatus,
    Slot,
    Station,
    Theme,
    Topic,
    User,
)
from app.organisations import service as organisations
from app.organisations.schemas import OrganisationCreate
from app.recordings import service as recording_service
from app.relay_sources import service as relay_sources
from app.relay_sources.schemas import RelaySourceCreate, RelayWindowCreate
from app.relays import service as relay_service
from app.relays.schemas import FaultReport
from app.speech.audio import storage
from app.stations import service as stations
from app.users import service as users_service
from app.users.schemas import UserCreate
from tests.fixtures.audio_files import tone_file
from tests.fixtures.builders import PASSWORD, World, create_script, create_station, create_user

# Every name and title of station 1 carries this word: station 2's answers must never contain it.
SECRET = "BIMAT1"
# Where station 1's failed sign-in came from: for station 1's admin only.
ATTACKER_ADDRESS = "203.0.113.77"
STATION_2_ROLES = ("officer", "editor", "leader", "admin")
# the accounts of station 2's district (an editor) and province (an admin)
ORGANISATION_ROLES = ("district-editor", "province-admin")


@dataclass
class Station1:
    """Station 1 (`world`) and one of each kind of thing it holds."""

    world: World
    scripts: dict[str, Script]
    recording: Recording  # attached to the submitted script
    filler: Recording
    programme: Programme  # every area, rendered (audio and playlist)
    area_programme: Programme  # the variant for Khu 2 only
    emergency: Emergency  # for Khu 2 only
    relay: RelayPoint  # in Khu 1
    fault: RelayFault  # of that relay point, open
    slot: Slot
    topic: Topic
    theme: Theme  # of this month's plan; the approved script is filed under it
    relay_source: RelaySource
    relay_window: RelayWindow  # for Khu 2, with its coming runs
    organisation: Organisation  # station 1's district, in a province of its own
    delivery: BulletinDelivery | None = None  # a province's bulletin sent down to station 1

    @property
    def station(self) -> Station:
        return self.world.station


@dataclass
class Station2:
    station: Station
    area: Area
    users: dict[str, User]
    organisation_users: dict[str, User]  # of ORGANISATION_ROLES

    def user(self, role: str) -> User:
        return self.users.get(role) or self.organisation_users[role]


def _programme(session: Session, world: World, *, area_key: int, script: Script, emergency: bool = False,
               starts_in: timedelta = timedelta(hours=2)) -> Programme:
    now = datetime.now(UTC)
    audio_key = storage().put_bytes(f"ID3 {SECRET} {area_key} {script.id}".encode(), suffix=".mp3")
    playlist_key = storage().put_bytes(f"#EXTM3U\n#EXTINF:1,{script.title}\n{audio_key}\n".encode(),
                                       suffix=".m3u8")
    item_key = storage().put_bytes(f"ID3 {SECRET} item {area_key} {script.id}".encode(), suffix=".mp3")
    cue_key = storage().put_bytes(json.dumps({"title": script.title, "items": [
        {"ref": "item:0", "file_key": item_key, "file_sample_count": 22050, "file_sample_rate": 22050}]}).encode(),
        suffix=".json")
    slot = world.station.slots[0] if not emergency else None
    if slot is not None:
        # Approving the scripts may already have planned this slot (when its hour is still ahead
        # today): this fixture's programmes (plan_hash "area-script") take the planned ones' place.
        session.execute(delete(Programme).where(
            Programme.station_id == world.station.id, Programme.slot_id == slot.id,
            Programme.air_date == world.today(), Programme.plan_hash.not_like("%-%")))
    programme = Programme(
        station_id=world.station.id, slot_id=slot.id if slot else None,
        slot_name=slot.name if slot else "emergency", air_date=world.today(), area_key=area_key,
        starts_at=now + starts_in, duration_ms=1_800_000,
        status=ProgrammeStatus.locked if emergency else ProgrammeStatus.rendered, is_emergency=emergency,
        items=[{"kind": "script", "offset_ms": 0, "duration_ms": 60_000, "title": script.title,
                "script_id": script.id}],
        explanation=[{"script_id": script.id, "title": script.title, "code": "placed",
                      "message_vi": "", "message_en": "", "position": 0}],
        plan_hash=f"{area_key}-{script.id}", audio_key=audio_key, audio_size=10, audio_duration_ms=1_800_000,
        playlist_key=playlist_key, cue_key=cue_key,
    )
    session.add(programme)
    session.flush()
    return programme


def build_station1(session: Session, world: World, tmp: Path) -> Station1:
    """Fill station 1 with a script in every status, recordings, programmes, an emergency, a relay."""
    khu1, khu2 = world.areas[0], world.areas[1]
    world.station.name = f"Đài phường Hà Tu {SECRET}"
    world.station.abbreviations = {SECRET: "bí mật đài một"}
    for area in world.areas:
        area.name = f"{area.name} {SECRET}"
    stations.get(session, world.station.id, with_children=True)
    recording = recording_service.ingest(
        session, world.station, tone_file(tmp / "s1.wav", 1.0), title=f"{SECRET} bản ghi",
        filename="s1.wav", is_filler=False, actor=world.users["officer"])
    filler = recording_service.ingest(
        session, world.station, tone_file(tmp / "s1-filler.wav", 1.0), title=f"{SECRET} nhạc nền",
        filename="s1-filler.wav", is_filler=True, actor=world.users["editor"])
    session.commit()
    scripts = {
        "draft": create_script(session, world, title=f"{SECRET} bản nháp"),
        "submitted": create_script(session, world, status=ScriptStatus.submitted, title=f"{SECRET} chờ duyệt",
                                   recording_id=recording.id),
        "approved": create_script(session, world, status=ScriptStatus.approved, title=f"{SECRET} đã duyệt"),
        "approved_khu1": create_script(session, world, status=ScriptStatus.approved,
                                       title=f"{SECRET} cho Khu 1", area_ids=[khu1.id]),
        "approved_khu2": create_script(session, world, status=ScriptStatus.approved,
                                       title=f"{SECRET} cho Khu 2", area_ids=[khu2.id]),
        "rejected": create_script(session, world, status=ScriptStatus.rejected, title=f"{SECRET} bị từ chối"),
        "withdrawn": create_script(session, world, status=ScriptStatus.withdrawn, title=f"{SECRET} đã rút"),
        "emergency": create_script(session, world, status=ScriptStatus.approved, priority=Priority.emergency,
                                   title=f"{SECRET} khẩn cấp Khu 2", area_ids=[khu2.id]),
    }
    programme = _programme(session, world, area_key=0, script=scripts["approved"])
    area_programme = _programme(session, world, area_key=khu2.id, script=scripts["approved_khu2"],
                                starts_in=timedelta(hours=3))
    bulletin = _programme(session, world, area_key=0, script=scripts["emergency"], emergency=True,
                          starts_in=timedelta(0))
    emergency = Emergency(station_id=world.station.id, script_id=scripts["emergency"].id,
                          programme_id=bulletin.id, area_ids=[khu2.id], issued_by_id=world.users["editor"].id,
                          expires_at=datetime.now(UTC) + timedelta(hours=1))
    session.add(emergency)
    relay, _token = stations.add_relay_point(session, khu1, f"{SECRET} cụm loa chợ", actor=None)
    fault = relay_service.report_fault(session, relay.id, FaultReport(category="speaker", text=f"{SECRET} loa rè"))
    create_user(session, f"{SECRET.lower()}-officer", Role.officer, world.station)
    # a wrong password for a station 1 user, and for a name nobody has
    for username, address in (("officer", ATTACKER_ADDRESS), ("khong-ai-co-ten-nay", "198.51.100.9")):
        with pytest.raises(InvalidCredentials):
            auth_service.login_or_raise(session, username, "sai-mat-khau", address)
    theme = Theme(station_id=world.station.id, month=world.today().replace(day=1),
                  title=f"{SECRET} chủ đề tháng", sources=f"{SECRET} công văn")
    session.add(theme)
    session.flush()
    scripts["approved"].theme_id = theme.id
    session.commit()
    topic = session.scalars(select(Topic).where(Topic.station_id == world.station.id)).first()
    assert topic is not None
    source = relay_sources.add_source(session, world.station, RelaySourceCreate(
        name=f"{SECRET} đài thành phố", url=f"http://127.0.0.1:9/{SECRET}.mp3"), actor=world.users["admin"])
    window = relay_sources.add_window(session, world.station, RelayWindowCreate(
        source_id=source.id, title=f"{SECRET} tiếp sóng", start_time=time(18, 0), end_time=time(18, 30),
        weekdays=list(range(7)), area_ids=[khu2.id]), actor=world.users["editor"])
    province = organisations.create(session, OrganisationCreate(name=f"Tỉnh {SECRET}", kind="province"), actor=None)
    district = organisations.create(session, OrganisationCreate(
        name=f"Huyện {SECRET}", kind="district", parent_id=province.id), actor=None)
    organisations.assign(session, world.station, district, actor=None)
    session.commit()
    built = Station1(world, scripts, recording, filler, programme, area_programme, emergency, relay, fault,
                     world.station.slots[0], topic, theme, source, window, district)
    built.delivery = _bulletin_sent_down(session, world, district)
    return built


def _bulletin_sent_down(session: Session, world: World, district: Organisation) -> BulletinDelivery:
    """Station 1's province (above its district) sent it a bulletin, still waiting for its editor."""
    province = session.get(Organisation, district.parent_id)
    assert province is not None
    sender = User(username=f"tinh-{SECRET.lower()}", role=Role.editor, organisation_id=province.id,
                  password_hash="x")
    session.add(sender)
    session.flush()
    bulletin = Bulletin(organisation_id=province.id, title=f"{SECRET} bản tin của tỉnh", body=f"{SECRET} nội dung",
                        status=BulletinStatus.sent, air_from=world.today(), air_until=world.today(),
                        author_id=sender.id, recording_duration_ms=1000, recording_filename=f"{SECRET}.wav",
                        recording_key=storage().put_bytes(f"RIFF {SECRET} bản tin".encode(), suffix=".wav"))
    session.add(bulletin)
    session.flush()
    delivery = BulletinDelivery(bulletin_id=bulletin.id, station_id=world.station.id, area_ids=[])
    session.add(delivery)
    session.commit()
    return delivery


def build_station2(session: Session) -> Station2:
    station, areas = create_station(session, name="Đài truyền thanh xã Tân Dân", areas=("Thôn Đông",))
    users = {role: create_user(session, f"xa2-{role}", Role(role), station,
                               areas[0] if role == "leader" else None) for role in STATION_2_ROLES}
    province = organisations.create(session, OrganisationCreate(name="Tỉnh Tân Dân", kind="province"), actor=None)
    district = organisations.create(session, OrganisationCreate(
        name="Huyện Tân Dân", kind="district", parent_id=province.id), actor=None)
    organisations.assign(session, station, district, actor=None)
    organisation_users = {}
    for role, organisation in zip(ORGANISATION_ROLES, (district, province), strict=True):
        organisation_users[role], _ = users_service.create(session, UserCreate(
            username=f"xa2-{role}", role=Role(role.split("-")[1]), organisation_id=organisation.id,
            password=PASSWORD), actor=None)
    session.commit()
    return Station2(station, areas[0], users, organisation_users)


@pytest.fixture
def station1(session: Session, world: World, tmp_path: Path) -> Station1:
    return build_station1(session, world, tmp_path)


@pytest.fixture
def station2(session: Session) -> Station2:
    return build_station2(session)


def fingerprint(session: Session, station_id: int) -> dict[str, Any]:
    """Everything of a station a request could change: compared before and after each request."""
    session.expire_all()
    area_ids = select(Area.id).where(Area.station_id == station_id)

    def rows(model: Any, *columns: Any, where: Any) -> list[tuple[Any, ...]]:
        return [tuple(r) for r in session.execute(select(*columns).where(where).order_by(model.id))]

    return {
        "station": rows(Station, Station.id, Station.name, Station.timezone, Station.voice,
                        Station.abbreviations, Station.opening_announcement, Station.organisation_id,
                        where=Station.id == station_id),
        "scripts": rows(Script, Script.id, Script.status, Script.version, Script.title, Script.priority,
                        Script.recording_id, where=Script.station_id == station_id),
        "programmes": rows(Programme, Programme.id, Programme.version, Programme.status, Programme.plan_hash,
                           Programme.planned_at, where=Programme.station_id == station_id),
        "recordings": rows(Recording, Recording.id, Recording.title, where=Recording.station_id == station_id),
        "emergencies": rows(Emergency, Emergency.id, Emergency.cancelled_at,
                            where=Emergency.station_id == station_id),
        "slots": rows(Slot, Slot.id, Slot.name, Slot.start_time, Slot.length_seconds, Slot.label,
                      where=Slot.station_id == station_id),
        "areas": rows(Area, Area.id, Area.name, where=Area.station_id == station_id),
        "topics": rows(Topic, Topic.id, Topic.code, where=Topic.station_id == station_id),
        "relay_sources": rows(RelaySource, RelaySource.id, RelaySource.name, RelaySource.url,
                              where=RelaySource.station_id == station_id),
        "relay_windows": rows(RelayWindow, RelayWindow.id, RelayWindow.title,
                              where=RelayWindow.station_id == station_id),
        "relays": rows(RelayPoint, RelayPoint.id, RelayPoint.name, RelayPoint.token_hash, RelayPoint.revoked_at,
                       where=RelayPoint.area_id.in_(area_ids)),
        "users": rows(User, User.id, User.username, User.role, User.area_id, User.password_hash, User.is_active,
                      where=User.station_id == station_id),
        "audit": rows(AuditEvent, AuditEvent.id, where=AuditEvent.station_id == station_id),
        "themes": rows(Theme, Theme.id, Theme.title, Theme.starts_on, Theme.sources,
                       where=Theme.station_id == station_id),
        "script_themes": rows(Script, Script.id, Script.theme_id, Script.recurrence,
                              where=Script.station_id == station_id),
        "deliveries": rows(BulletinDelivery, BulletinDelivery.id, BulletinDelivery.state, BulletinDelivery.script_id,
                           BulletinDelivery.decline_reason, where=BulletinDelivery.station_id == station_id),
        "faults": rows(RelayFault, RelayFault.id, RelayFault.resolved_at, RelayFault.resolution_note,
                       where=RelayFault.relay_point_id.in_(select(RelayPoint.id).where(RelayPoint.area_id.in_(area_ids)))),
    }
