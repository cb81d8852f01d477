"""The month plan: themes kept by editors, figures of what aired per theme, and the gaps."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy.orm import Session

from app.models import Airing, Programme, ProgrammeStatus, RelayPlay, Script, ScriptStatus
from app.plans import service as plans
from app.stations import service as stations
from tests.fixtures.builders import World, auth, create_script

MONTH = date(2026, 12, 1)


def _theme(client, world: World, title: str, **over) -> dict:
    r = client.post(f"/api/v1/stations/{world.station.id}/themes", headers=auth(world.users["editor"]),
                    json={"month": "2026-12", "title": title, **over})
    assert r.status_code == 201, r.text
    return r.json()


def _aired(session: Session, world: World, script: Script, day: date, slot: str, *, area_key: int = 0,
           ms: int = 90_000, played_by=None) -> None:
    """A programme of `day`/`slot` that aired `script` for `ms` (and a relay point's as-run report)."""
    starts = datetime(day.year, day.month, day.day, 0, 0, tzinfo=UTC)
    programme = Programme(station_id=world.station.id, slot_name=slot, air_date=day, area_key=area_key,
                          starts_at=starts, duration_ms=1_800_000, status=ProgrammeStatus.aired,
                          items=[{"kind": "script", "script_id": script.id, "offset_ms": 0, "duration_ms": ms}])
    session.add(programme)
    session.flush()
    session.add(Airing(script_id=script.id, programme_id=programme.id, air_date=day, slot_name=slot,
                       aired_at=starts, duration_ms=ms))
    if played_by is not None:
        session.add(RelayPlay(record_id=f"r-{programme.id}", relay_point_id=played_by.id,
                              programme_id=programme.id, started_at=starts, ended_at=starts + timedelta(minutes=30),
                              outcome="completed"))
    session.flush()


def test_editors_keep_the_plan_officers_read_it(client, world):
    theme = _theme(client, world, "Kỷ niệm 80 năm Ngày thành lập Quân đội nhân dân Việt Nam", kind="commemoration",
                   starts_on="2026-12-15", ends_on="2026-12-22", sources="Công văn số 581-CV/BTGTU ngày 02/12/2026")
    officer = auth(world.users["officer"])
    listed = client.get(f"/api/v1/stations/{world.station.id}/themes?month=2026-12", headers=officer)
    assert [t["title"] for t in listed.json()] == [theme["title"]]
    assert client.post(f"/api/v1/stations/{world.station.id}/themes", headers=officer,
                       json={"month": "2026-12", "title": "x"}).status_code == 403
    assert client.patch(f"/api/v1/themes/{theme['id']}", headers=officer, json={"title": "y"}).status_code == 403
    admin = auth(world.users["admin"])
    r = client.patch(f"/api/v1/themes/{theme['id']}", headers=admin, json={"ends_on": "2026-12-10"})
    assert r.status_code == 422, "ends before it starts"
    assert "ngày bắt đầu" in r.json()["detail"]
    r = client.patch(f"/api/v1/themes/{theme['id']}", headers=admin, json={"target_bulletins": 4})
    assert r.json()["target_bulletins"] == 4
    assert client.get(f"/api/v1/stations/{world.station.id}/plan?month=2026-13", headers=officer).status_code == 422
    assert client.get(f"/api/v1/stations/{world.station.id}/plan?month=2026-12",
                      headers=auth(world.users["leader"])).status_code == 403
    assert client.delete(f"/api/v1/themes/{theme['id']}", headers=admin).status_code == 204


def test_the_plan_counts_what_aired_per_theme_and_shows_the_gaps(client, session, world):
    army = _theme(client, world, "Ngày thành lập Quân đội nhân dân 22/12", kind="commemoration")
    fire = _theme(client, world, "Phòng cháy chữa cháy mùa khô")
    one = create_script(session, world, status=ScriptStatus.approved, title="Tin quân đội 1", theme_id=army["id"])
    two = create_script(session, world, status=ScriptStatus.approved, title="Tin quân đội 2", theme_id=army["id"])
    create_script(session, world, status=ScriptStatus.approved, title="Chờ phát", theme_id=fire["id"])
    loose = create_script(session, world, status=ScriptStatus.approved, title="Không chủ đề")
    relay, _token = stations.add_relay_point(session, world.areas[0], "Cụm loa chợ", actor=None)
    _aired(session, world, one, date(2026, 12, 2), "morning", ms=120_000, played_by=relay)
    # the same slot's variant for one area: one airing, not two
    _aired(session, world, one, date(2026, 12, 2), "morning", area_key=world.areas[1].id, ms=120_000)
    _aired(session, world, one, date(2026, 12, 3), "afternoon", ms=120_000)
    _aired(session, world, two, date(2026, 12, 3), "morning", ms=60_000)
    _aired(session, world, two, date(2026, 11, 30), "morning", ms=60_000)  # last month: not counted
    _aired(session, world, loose, date(2026, 12, 4), "morning", ms=30_000)
    session.commit()

    plan = client.get(f"/api/v1/stations/{world.station.id}/plan?month=2026-12",
                      headers=auth(world.users["officer"])).json()
    rows = {t["theme"]["title"]: t for t in plan["themes"]}
    army_row = rows[army["title"]]
    assert (army_row["bulletins_aired"], army_row["airings"], army_row["minutes_aired"]) == (2, 3, 5.0)
    assert army_row["confirmed_airings"] == 1
    assert army_row["gap"] is False
    fire_row = rows[fire["title"]]
    assert fire_row["gap"] is True
    assert fire_row["scripts_waiting"] == 1
    assert (plan["untagged_bulletins"], plan["untagged_minutes"]) == (1, 0.5)


def test_aired_by_theme_is_the_grouping_reports_can_reuse(client, session, world):
    army = _theme(client, world, "Quân đội")
    script = create_script(session, world, status=ScriptStatus.approved, theme_id=army["id"])
    _aired(session, world, script, date(2026, 12, 20), "morning", ms=180_000)
    session.commit()
    tallies = plans.aired_by_theme(session, world.station.id, date(2026, 12, 1), date(2026, 12, 31))
    assert set(tallies) == {army["id"]}
    assert tallies[army["id"]].minutes == 3.0
    assert plans.aired_by_theme(session, world.station.id, date(2027, 1, 1), date(2027, 1, 31)) == {}


def test_tagging_is_a_label_the_editor_may_change_after_approval(client, session, world):
    theme = _theme(client, world, "An toàn giao thông")
    script = create_script(session, world, status=ScriptStatus.approved)
    officer, editor = auth(world.users["officer2"]), auth(world.users["editor"])
    assert client.put(f"/api/v1/scripts/{script.id}/theme", headers=officer,
                      json={"theme_id": theme["id"]}).status_code == 403, "not the author"
    r = client.put(f"/api/v1/scripts/{script.id}/theme", headers=editor, json={"theme_id": theme["id"]})
    assert r.status_code == 200, r.text
    assert r.json()["theme_id"] == theme["id"]
    assert r.json()["status"] == "approved", "a label: no new approval"
    other_station_theme = 10_000_000
    r = client.put(f"/api/v1/scripts/{script.id}/theme", headers=editor, json={"theme_id": other_station_theme})
    assert r.status_code == 422
    assert "kế hoạch" in r.json()["detail"]


def test_month_bounds():
    assert plans.month_bounds("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert plans.month_bounds("2026-12") == (MONTH, date(2026, 12, 31))
