"""Planning into the database: exact slots, explanations, locks, airings, two planners."""

import threading
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Airing, Programme, ProgrammeStatus, ScriptStatus
from app.programmes import service as programmes
from tests.fixtures.builders import auth, create_script


def _plan(session, world, days=2, now=None):
    station = programmes.station_with_slots(session, world.station.id)
    report = programmes.plan_days(session, station, world.today() + timedelta(days=1), days, now=now)
    session.commit()
    return report


def test_every_slot_is_planned_to_exactly_its_length(session, world):
    create_script(session, world, status=ScriptStatus.approved, title="Tin một")
    create_script(session, world, status=ScriptStatus.approved, title="Tin hai", topic="y-te")
    report = _plan(session, world)
    rows = session.scalars(select(Programme)).all()
    assert report.created == len(rows) == 4  # two slots × two days, one programme each (no area targets)
    for p in rows:
        assert sum(i["duration_ms"] for i in p.items) == p.duration_ms == 1_800_000
        assert p.items[0]["kind"] == "opening"
        assert p.items[-1]["kind"] == "closing"
        assert {i["title"] for i in p.items if i["kind"] == "script"} <= {"Tin một", "Tin hai"}
        has_scripts = any(i["kind"] == "script" for i in p.items)
        # a script's length is an estimate until its speech exists
        assert p.status == (ProgrammeStatus.provisional if has_scripts else ProgrammeStatus.planned)
    assert _plan(session, world).unchanged == 4, "planning the same inputs again changes nothing"


def test_area_targets_make_variants_and_each_area_hears_its_own(client, session, world):
    create_script(session, world, status=ScriptStatus.approved, title="Cho cả phường")
    create_script(session, world, status=ScriptStatus.approved, title="Cắt nước Khu 2",
                  area_ids=[world.areas[1].id])
    _plan(session, world, days=1)
    day = world.today() + timedelta(days=1)
    url = f"/api/v1/stations/{world.station.id}/programmes?from={day}&to={day}"
    h = auth(world.users["editor"])

    def titles(area):
        rows = client.get(f"{url}&area={area.id}", headers=h).json()
        return {i["title"] for p in rows for i in p["items"] if i["kind"] == "script"}

    assert titles(world.areas[1]) == {"Cho cả phường", "Cắt nước Khu 2"}
    assert titles(world.areas[0]) == {"Cho cả phường"}
    leader = auth(world.users["leader"])  # Khu 1
    assert client.get(f"{url}&area={world.areas[1].id}", headers=leader).status_code == 403
    mine = client.get(url, headers=leader).json()
    assert all(p["area_id"] in (None, world.areas[0].id) for p in mine)


def test_explanation_says_why_each_script_was_left_out(client, session, world):
    create_script(session, world, status=ScriptStatus.approved, title="Chỉ buổi chiều", slots=["afternoon"])
    create_script(session, world, status=ScriptStatus.approved, title="Tuần sau",
                  air_from=world.today() + timedelta(days=8), air_until=world.today() + timedelta(days=9))
    _plan(session, world, days=1)
    morning = session.scalar(select(Programme).where(Programme.slot_name == "morning"))
    explain = client.get(f"/api/v1/programmes/{morning.id}/explain", headers=auth(world.users["officer"])).json()
    codes = {e["title"]: e["code"] for e in explain["entries"]}
    assert codes["Chỉ buổi chiều"] == "slot_not_allowed"
    assert all(e["message_vi"] for e in explain["entries"])


def test_locked_programmes_are_not_replanned(session, world):
    create_script(session, world, status=ScriptStatus.approved, title="Tin cũ")
    _plan(session, world, days=1)
    first = session.scalars(select(Programme).order_by(Programme.starts_at)).first()
    programmes.lock_due(session, first.starts_at - timedelta(minutes=10))
    session.commit()
    before = list(first.items)
    create_script(session, world, status=ScriptStatus.approved, priority="priority", title="Tin mới ưu tiên")
    report = _plan(session, world, days=1, now=first.starts_at - timedelta(minutes=10))
    session.refresh(first)
    assert first.status == ProgrammeStatus.locked
    assert first.items == before
    assert report.frozen >= 1


def test_after_air_airings_are_counted_once_and_expired_scripts_archived(session, world):
    script = create_script(session, world, status=ScriptStatus.approved, title="Tin một ngày",
                           air_until=world.today() + timedelta(days=1), area_ids=[world.areas[0].id])
    create_script(session, world, status=ScriptStatus.approved, title="Cho khu khác", area_ids=[world.areas[1].id])
    _plan(session, world, days=1)
    aired = programmes.record_aired(session, datetime.now(UTC) + timedelta(days=3))
    session.commit()
    assert aired == session.scalar(select(func.count()).select_from(Programme))
    session.refresh(script)
    slots_aired = session.scalar(select(func.count(func.distinct(Airing.slot_name)))
                                 .where(Airing.script_id == script.id))
    assert script.airings_done == slots_aired >= 1
    assert script.status == ScriptStatus.archived, "its air window is over"


def test_two_planners_at_once_store_each_programme_once(engine):
    """Two `loa serve` processes planning the same station: the database keeps one of each."""
    from app.models import Role, Station, User
    from tests.fixtures.builders import World, create_station, create_user

    with Session(engine) as s:  # committed for real: the planners' own connections must see it
        station, areas = create_station(s, name="Đài thử hai bộ lập lịch", areas=("Khu A",))
        people = {"officer": create_user(s, "p2_officer", Role.officer, station),
                  "editor": create_user(s, "p2_editor", Role.editor, station)}
        world = World(station, areas, people)
        create_script(s, world, status=ScriptStatus.approved, title="Tin chung")
        s.commit()
        station_id, first = station.id, world.today() + timedelta(days=1)
    errors: list[Exception] = []

    def plan() -> None:
        try:
            with Session(engine) as s:
                st = programmes.station_with_slots(s, station_id)
                programmes.plan_days(s, st, first, 2)
                s.commit()
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=plan) for _ in range(2)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
        with Session(engine) as s:
            rows = s.execute(select(Programme.slot_name, Programme.air_date, Programme.area_key)
                             .where(Programme.station_id == station_id)).all()
        assert not errors
        assert len(rows) == len(set(rows)) == 4
    finally:
        with Session(engine) as s:
            from app.models import AuditEvent, Script

            s.execute(Programme.__table__.delete().where(Programme.station_id == station_id))
            s.execute(Script.__table__.delete().where(Script.station_id == station_id))
            s.execute(AuditEvent.__table__.delete().where(AuditEvent.station_id == station_id))
            s.execute(User.__table__.delete().where(User.username.in_(["p2_officer", "p2_editor"])))
            s.execute(Station.__table__.delete().where(Station.id == station_id))
            s.commit()


def test_a_replan_that_changes_nothing_keeps_the_relays_etag(session, world):
    from app.models import Station

    create_script(session, world, status=ScriptStatus.approved, title="Tin ổn định")
    _plan(session, world)
    before = session.get(Station, world.station.id, populate_existing=True).schedule_version
    assert _plan(session, world).unchanged == 4
    assert session.get(Station, world.station.id, populate_existing=True).schedule_version == before
    create_script(session, world, status=ScriptStatus.approved, title="Tin mới", priority="priority")
    assert _plan(session, world).changed >= 1
    assert session.get(Station, world.station.id, populate_existing=True).schedule_version > before


def test_a_station_needs_a_replan_only_after_a_script_changed(session, world):
    create_script(session, world, status=ScriptStatus.approved, title="Tin đầu")
    assert world.station.id in programmes.stations_needing_replan(session)
    _plan(session, world)
    assert world.station.id not in programmes.stations_needing_replan(session)
    create_script(session, world, status=ScriptStatus.approved, title="Tin sau")
    assert world.station.id in programmes.stations_needing_replan(session)


def test_a_locked_slot_with_area_variants_counts_as_one_airing(session, world):
    create_script(session, world, status=ScriptStatus.approved, title="Khu 1", area_ids=[world.areas[0].id])
    create_script(session, world, status=ScriptStatus.approved, title="Khu 2", area_ids=[world.areas[1].id],
                  topic="y-te")
    twice = create_script(session, world, status=ScriptStatus.approved, title="Hai lần", airings_target=2,
                          topic="kinh-te")
    _plan(session, world, days=1)
    morning = session.scalars(select(Programme).where(Programme.slot_name == "morning")).all()
    assert len(morning) == 3, "one variant per area"
    assert all(any(i.get("script_id") == twice.id for i in p.items) for p in morning)
    programmes.lock_due(session, morning[0].starts_at - timedelta(minutes=10))
    session.commit()
    _plan(session, world, days=1, now=morning[0].starts_at - timedelta(minutes=10))
    afternoon = session.scalars(select(Programme).where(Programme.slot_name == "afternoon")).all()
    assert all(any(i.get("script_id") == twice.id for i in p.items) for p in afternoon), \
        "its second airing: the three morning variants air it once, not three times"


def test_a_programme_first_planned_after_its_start_counts_only_what_it_could_still_air(session, world):
    """A new station's first plan (or a programme deleted while its slot ran) comes after the slot
    began: the scripts placed in the minutes already gone never reached a loudspeaker, so they are
    not counted as aired and keep their airing for a later slot; the rest are counted."""
    made = [create_script(session, world, status=ScriptStatus.approved, title=f"Tin {n}", airings_target=1,
                          topic=topic) for n, topic in enumerate(["thoi-su", "y-te", "kinh-te"] * 3)]
    tomorrow = world.today() + timedelta(days=1)
    first = programmes.plan_days(session, programmes.station_with_slots(session, world.station.id), tomorrow, 1)
    session.commit()
    assert first.created
    morning = session.scalars(select(Programme).where(Programme.slot_name == "morning")).one()
    late = morning.starts_at + timedelta(seconds=100)
    session.delete(morning)  # deleted, then planned again 100 s into the slot
    session.commit()
    programmes.plan_days(session, programmes.station_with_slots(session, world.station.id), tomorrow, 1, now=late)
    session.commit()
    morning = session.scalars(select(Programme).where(Programme.slot_name == "morning")).one()
    placed = {i["script_id"]: i["offset_ms"] for i in morning.items if i.get("script_id")}
    gone = {sid for sid, offset in placed.items() if offset < 100_000}
    assert gone, "the test needs scripts placed before second 100"
    assert set(placed) - gone, "and scripts placed after it"

    programmes.record_aired(session, morning.starts_at + timedelta(minutes=31))
    session.commit()
    counted = set(session.scalars(select(Airing.script_id).where(Airing.programme_id == morning.id)))
    assert counted == set(placed) - gone
    for script in made:
        session.refresh(script)
        if script.id in gone:
            assert script.airings_done == 0, "it is still to air"
            assert script.status == ScriptStatus.approved
