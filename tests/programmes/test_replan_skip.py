"""A re-plan whose inputs did not change since the last plan is skipped; any change that a plan
reads makes the next one plan in full (and see the change)."""

from datetime import timedelta

from sqlalchemy import select

from app.models import Programme, Recording, ScriptStatus
from app.programmes import service as programmes
from app.scripts import service as scripts
from app.stations import service as stations
from app.stations.schemas import SlotUpdate
from tests.fixtures.builders import create_script


def _plan(session, world, days=2):
    station = programmes.station_with_slots(session, world.station.id)
    report = programmes.plan_days(session, station, world.today() + timedelta(days=1), days)
    session.commit()
    return report


def _titles(session, world):
    rows = session.scalars(select(Programme).where(Programme.station_id == world.station.id)
                           .execution_options(populate_existing=True))
    return {i["title"] for p in rows for i in p.items if i["kind"] == "script"}


def test_nothing_changed_nothing_planned(session, world):
    create_script(session, world, status=ScriptStatus.approved, title="Tin một")
    first = _plan(session, world)
    assert not first.skipped
    assert first.created == 4
    again = _plan(session, world)
    assert again.skipped
    assert again.unchanged == 4
    assert again.created == again.changed == 0


def test_a_new_approval_is_planned(session, world):
    create_script(session, world, status=ScriptStatus.approved, title="Tin một")
    _plan(session, world)
    create_script(session, world, status=ScriptStatus.approved, title="Tin khẩn", priority="priority")
    report = _plan(session, world)
    assert not report.skipped
    assert "Tin khẩn" in _titles(session, world)


def test_a_withdrawal_is_planned(session, world):
    gone = create_script(session, world, status=ScriptStatus.approved, title="Tin sẽ rút")
    _plan(session, world)
    scripts.withdraw(session, gone, user=world.users["editor"])
    session.commit()
    assert not _plan(session, world).skipped
    assert "Tin sẽ rút" not in _titles(session, world)


def test_a_slot_change_is_planned(session, world):
    create_script(session, world, status=ScriptStatus.approved, title="Tin một")
    _plan(session, world)
    station = programmes.station_with_slots(session, world.station.id)
    slot = station.slots[0]
    stations.update_slot(session, slot, SlotUpdate(length_seconds=1200), actor=world.users["admin"])
    session.commit()
    assert not _plan(session, world).skipped
    lengths = {p.duration_ms for p in session.scalars(select(Programme).where(Programme.slot_name == slot.name)
                                                       .execution_options(populate_existing=True))}
    assert lengths == {1_200_000}


def test_a_new_filler_is_planned(session, world):
    create_script(session, world, status=ScriptStatus.approved, title="Tin một")
    _plan(session, world)
    session.add(Recording(station_id=world.station.id, title="Nhạc mới", filename="nhac.mp3", original_key="o",
                          audio_key="a", duration_ms=180_000, size_bytes=1, is_filler=True))
    session.commit()
    assert not _plan(session, world).skipped


def test_a_programme_changed_elsewhere_is_planned(session, world):
    create_script(session, world, status=ScriptStatus.approved, title="Tin một")
    _plan(session, world)
    row = session.scalars(select(Programme)).first()
    session.delete(row)
    session.commit()
    report = _plan(session, world)
    assert not report.skipped
    assert report.created == 1
