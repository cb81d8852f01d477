"""The upward API on the October scenario: three programmes, two relay points, one late, one fault."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from tests.fixtures.builders import auth, create_installation_admin
from tests.reports.scenario import Scenario

OCT = {"from": "2026-10-01", "to": "2026-10-31"}


def _get(client: TestClient, sc: Scenario, path: str, user: str = "admin", **params: object) -> dict:  # type: ignore[type-arg]
    r = client.get(f"/api/v1/upward/stations/{sc.world.station.id}/{path}", params=params,
                   headers=auth(sc.world.users[user]))
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


def test_inventory_lists_areas_and_relay_points_with_open_faults(client: TestClient, scenario: Scenario) -> None:
    body = _get(client, scenario, "inventory")
    relays = {r["name"]: r for a in body["areas"] for r in a["relay_points"]}
    assert set(relays) == {"Cụm loa chợ Hà Tu", "Cụm loa tổ 5"}
    assert relays["Cụm loa tổ 5"]["open_faults"] == 1
    assert relays["Cụm loa chợ Hà Tu"]["open_faults"] == 0
    # neither has polled or sent a heartbeat in this scenario: both offline, as on the status board
    assert {r["connection"] for r in relays.values()} == {"offline"}


def test_plans_are_paginated(client: TestClient, scenario: Scenario) -> None:
    first = _get(client, scenario, "plans", limit=2, **OCT)
    assert first["total"] == 3
    assert first["next_offset"] == 2
    assert [p["air_date"] for p in first["items"]] == ["2026-10-05", "2026-10-06"]
    assert [i["title"] for i in first["items"][0]["items"]] == [scenario.scripts["s1"].title,
                                                                scenario.scripts["s2"].title]
    rest = _get(client, scenario, "plans", limit=2, offset=2, **OCT)
    assert rest["next_offset"] is None
    assert [p["air_date"] for p in rest["items"]] == ["2026-10-07"]


def test_as_run_gives_each_report_of_the_range(client: TestClient, scenario: Scenario) -> None:
    body = _get(client, scenario, "as-run", **OCT)
    assert body["total"] == 4
    assert sorted(e["outcome"] for e in body["items"]) == ["completed", "completed", "completed", "failed"]
    late = [e for e in body["items"] if e["offset_ms"] == 5 * 60_000]
    assert [e["relay_point_name"] for e in late] == ["Cụm loa tổ 5"]
    # 5 October local starts at 23:30 UTC on the 4th: a range of one local day still finds it
    one_day = _get(client, scenario, "as-run", **{"from": "2026-10-05", "to": "2026-10-05"})
    assert one_day["total"] == 2


def test_faults_of_a_range(client: TestClient, scenario: Scenario) -> None:
    body = _get(client, scenario, "faults", **OCT)
    assert [(f["category"], f["relay_point_name"]) for f in body["items"]] == [("power", "Cụm loa tổ 5")]
    assert _get(client, scenario, "faults", **{"from": "2026-11-01", "to": "2026-11-30"})["total"] == 0


def test_monthly_statistics_match_the_report(client: TestClient, scenario: Scenario) -> None:
    body = _get(client, scenario, "statistics/2026/10")
    # planned: 3+2 | 3 | 2+4 minutes; aired: the first two programmes (the third nobody played)
    assert body["totals"]["minutes_planned"] == 14.0
    assert body["totals"]["minutes_aired"] == 8.0
    assert body["totals"]["airings_planned"] == 5
    assert body["totals"]["airings_aired"] == 3
    by_priority = {r["key"]: r["minutes_planned"] for r in body["by_priority"]}
    assert by_priority == {"normal": 10.0, "priority": 4.0}
    assert sorted(r["minutes_planned"] for r in body["by_topic"]) == [4.0, 4.0, 6.0]  # y-te, moi-truong, thoi-su
    assert body["faults_reported"] == 1
    assert body["relay_points_late"] == 1


def test_bad_range_and_other_roles_are_refused(client: TestClient, scenario: Scenario) -> None:
    sid = scenario.world.station.id
    r = client.get(f"/api/v1/upward/stations/{sid}/plans", params={"from": "2026-10-31", "to": "2026-10-01"},
                   headers=auth(scenario.world.users["admin"]))
    assert r.status_code == 422
    assert r.json()["error"] == "BadPeriod"
    r = client.get(f"/api/v1/upward/stations/{sid}/inventory", headers=auth(scenario.world.users["officer"]))
    assert r.status_code == 403
    assert client.get(f"/api/v1/upward/stations/{sid}/inventory").status_code == 401


def test_the_installation_admin_reads_any_station(client: TestClient, scenario: Scenario, session: Session) -> None:
    province = create_installation_admin(session)
    session.commit()
    r = client.get(f"/api/v1/upward/stations/{scenario.world.station.id}/faults", params=OCT,
                   headers=auth(province))
    assert r.status_code == 200
    assert r.json()["total"] == 1
