"""Recurring scripts through the API and the planner: one airing on each date of the rule."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from app.models import Airing, Programme, Script, ScriptStatus
from app.programmes import service as programmes
from scheduler.recurrence import WEEKDAYS
from tests.fixtures.builders import auth, create_script, script_json


def test_a_recurring_script_airs_once_on_each_of_its_days_and_on_no_other(session, world):
    first = world.today() + timedelta(days=1)
    days = [WEEKDAYS[(first + timedelta(days=n)).weekday()] for n in (0, 3)]  # two weekdays of the week ahead
    script = create_script(session, world, status=ScriptStatus.approved, title="Lịch thu gom rác",
                           air_from=first, air_until=first + timedelta(days=6),
                           recurrence=f"FREQ=WEEKLY;BYDAY={','.join(days)}")
    assert script.airings_target == 2, "every date of the window, unless the author says fewer"
    station = programmes.station_with_slots(session, world.station.id)
    programmes.plan_days(session, station, first, 7)
    session.commit()
    dates = sorted({p.air_date for p in session.scalars(select(Programme))
                    if any(i.get("script_id") == script.id for i in p.items)})
    assert dates == [first, first + timedelta(days=3)]
    per_day = [p for p in session.scalars(select(Programme).where(Programme.air_date == first))
               if any(i.get("script_id") == script.id for i in p.items)]
    assert len(per_day) == 1, "once on its day, not in both slots"
    other = session.scalars(select(Programme).where(Programme.air_date == first + timedelta(days=1))).first()
    assert any(e.get("script_id") == script.id and e.get("code") == "not_an_occurrence" for e in other.explanation)

    programmes.record_aired(session, datetime.now(UTC) + timedelta(days=9))
    session.commit()
    session.refresh(script)
    assert script.airings_done == 2
    assert sorted(a.air_date for a in session.scalars(select(Airing).where(Airing.script_id == script.id))) == dates


def test_the_api_takes_a_rule_and_refuses_one_it_does_not_understand(client, world):
    officer = auth(world.users["officer"])
    ok = client.post("/api/v1/scripts", headers=officer,
                     json=script_json(world, recurrence="freq=daily", airings_target=3))
    assert ok.status_code == 201, ok.text
    assert ok.json()["recurrence"] == "FREQ=DAILY"
    assert ok.json()["airings_target"] == 3
    for rule, word in (("FREQ=HOURLY", "FREQ"), ("FREQ=DAILY;COUNT=5", "COUNT")):
        bad = client.post("/api/v1/scripts", headers=officer, json=script_json(world, recurrence=rule))
        assert bad.status_code == 422
        assert bad.json()["error"] == "InvalidRecurrence"
        assert word in bad.json()["detail"]
    # the 31st in a window of five days in the middle of a month: no date at all
    start = world.today().replace(day=1) + timedelta(days=32)
    start = start.replace(day=5)
    none = client.post("/api/v1/scripts", headers=officer, json=script_json(
        world, air_from=str(start), air_until=str(start + timedelta(days=4)), recurrence="FREQ=MONTHLY;BYMONTHDAY=31"))
    assert none.status_code == 422
    assert "không có ngày nào" in none.json()["detail"]


def test_changing_the_rule_of_an_approved_script_sends_it_back_for_approval(client, session, world):
    script = create_script(session, world, status=ScriptStatus.approved, recurrence="FREQ=DAILY")
    r = client.patch(f"/api/v1/scripts/{script.id}", headers=auth(world.users["officer"]),
                     json={"version": script.version, "recurrence": None})
    assert r.status_code == 200, r.text
    assert r.json()["recurrence"] is None
    assert r.json()["status"] == "submitted"
    assert session.get(Script, script.id) is not None
