"""What relay points receive of relay windows: the run in their schedule (and only in their
area's), a new ETag when a check switches it to its fallback, and the live stream through Loa
over one upstream connection for all of them."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from app.models import RelayPlay, RelayWindowRun
from app.relay_sources import fanout, live
from app.stations import service as stations
from audio.live_source import CheckResult
from tests.fixtures.builders import auth
from tests.relay_windows.conftest import SharedSessions


def _relay(session, area, name):
    _relay_point, token = stations.add_relay_point(session, area, name, actor=None)
    session.commit()
    return {"Authorization": f"Bearer {token}"}


def _window(client, world, url, start, end, area_ids):
    admin, editor = auth(world.users["admin"]), auth(world.users["editor"])
    source = client.post(f"/api/v1/stations/{world.station.id}/relay-sources", headers=admin,
                         json={"name": "Đài thành phố", "url": url}).json()
    r = client.post(f"/api/v1/stations/{world.station.id}/relay-windows", headers=editor, json={
        "source_id": source["id"], "title": "Thời sự thành phố", "start_time": start.strftime("%H:%M:%S"),
        "end_time": end.strftime("%H:%M:%S"), "dates": [start.date().isoformat()], "area_ids": area_ids})
    assert r.status_code == 201, r.text
    return r.json()


def _local(delta: timedelta) -> datetime:
    return (datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")) + delta).replace(microsecond=0)


def test_the_run_reaches_its_areas_schedule_and_a_failed_check_changes_the_etag(client, session, world):
    khu1 = _relay(session, world.areas[0], "Cụm loa chợ")
    khu2 = _relay(session, world.areas[1], "Cụm loa trường")
    before = client.get("/api/v1/relay/schedule", headers=khu1)
    start = _local(timedelta(minutes=20))
    window = _window(client, world, "http://127.0.0.1:9/live.mp3", start, start + timedelta(minutes=10),
                     [world.areas[0].id])
    mine = client.get("/api/v1/relay/schedule", headers={**khu1, "If-None-Match": before.headers["ETag"]})
    assert mine.status_code == 200, "a new relay window is news to the area's relay points"
    relays = mine.json()["relays"]
    assert [r["title"] for r in relays] == ["Thời sự thành phố"]
    assert relays[0]["live_url"] == f"/api/v1/relay/live/{relays[0]['id']}"
    assert client.get("/api/v1/relay/schedule", headers=khu2).json()["relays"] == []

    run = session.query(RelayWindowRun).filter_by(window_id=window["id"]).one()
    failed = CheckResult(False, 0, 40, 0, "Không kết nối được.", "Could not connect.")
    live.run_checks(SharedSessions(session), lambda _url: failed, now=lambda: run.starts_at - timedelta(minutes=10))
    after = client.get("/api/v1/relay/schedule", headers={**khu1, "If-None-Match": mine.headers["ETag"]})
    assert after.status_code == 200
    assert after.json()["relays"][0]["live_url"] is None, "relay points go straight to the fallback"


def test_relay_points_share_one_upstream_connection(client, session, world, live_source):
    khu1a = _relay(session, world.areas[0], "Cụm loa chợ")
    khu1b = _relay(session, world.areas[0], "Cụm loa đình")
    khu2 = _relay(session, world.areas[1], "Cụm loa trường")
    start = _local(timedelta(seconds=-5))
    _window(client, world, live_source.url, start, start + timedelta(minutes=5), [world.areas[0].id])
    run_id = client.get("/api/v1/relay/schedule", headers=khu1a).json()["relays"][0]["id"]
    path = f"/api/v1/relay/live/{run_id}"
    assert client.get(path, headers=khu2).status_code == 404, "another area's run is not there"

    # TestClient runs the app in this process: the fan-out hub is shared as in production. The
    # second relay point connects while the first listens (one after the other: the requests
    # share the test's one database connection, which PostgreSQL will not use from two threads).
    received: dict[str, int] = {}
    first_listening = threading.Event()

    def listen(name: str, headers: dict[str, str]) -> None:
        with client.stream("GET", path, headers=headers) as response:
            assert response.status_code == 200
            total = 0
            for chunk in response.iter_bytes():
                total += len(chunk)
                first_listening.set()
                if total >= 16_000:  # two seconds of 64 kbit/s
                    break
            received[name] = total

    first = threading.Thread(target=listen, args=("a", khu1a))
    first.start()
    assert first_listening.wait(15)
    second = threading.Thread(target=listen, args=("b", khu1b))
    second.start()
    for t in (first, second):
        t.join(30)
    assert received["a"] >= 16_000
    assert received["b"] >= 16_000
    assert live_source.connections == 1
    assert fanout.hub(run_id, live_source.url).connections == 1


def test_relayed_minutes_count_what_relay_points_played_live_and_on_the_fallback(client, session, world):
    khu1 = _relay(session, world.areas[0], "Cụm loa chợ")
    start = _local(timedelta(minutes=20))
    window = _window(client, world, "http://127.0.0.1:9/live.mp3", start, start + timedelta(minutes=10), [])
    # yesterday's run of the same window, aired: 5 minutes live, then 5 on the fallback
    began = datetime.now(ZoneInfo("UTC")).replace(microsecond=0) - timedelta(days=1)
    past = RelayWindowRun(window_id=window["id"], air_date=(start - timedelta(days=1)).date(), starts_at=began,
                          ends_at=began + timedelta(minutes=10), recording_state="done", recorded_ms=300_000)
    session.add(past)
    session.commit()
    for part, offset in (("live", 0), ("fallback", 5)):
        r = client.post("/api/v1/relay/played", headers=khu1, json={
            "record_id": f"relay-{part}-0001", "relay_run_id": past.id, "relay_part": part,
            "started_at": (began + timedelta(minutes=offset)).isoformat(),
            "ended_at": (began + timedelta(minutes=offset + 5)).isoformat(),
            "outcome": "interrupted" if part == "live" else "completed"})
        assert r.status_code == 201, r.text
    figures = client.get(f"/api/v1/stations/{world.station.id}/relay-windows/minutes",
                         params={"first": str(past.air_date), "last": str(past.air_date)},
                         headers=auth(world.users["editor"])).json()
    assert figures["runs"] == 1
    assert figures["scheduled_minutes"] == 10.0
    assert figures["recorded_minutes"] == 5.0
    assert figures["live_minutes_by_area"] == {str(world.areas[0].id): 5.0}
    assert figures["fallback_minutes_by_area"] == {str(world.areas[0].id): 5.0}


def test_a_relay_point_cannot_report_another_areas_run(client, session, world):
    khu2 = _relay(session, world.areas[1], "Cụm loa trường")
    start = _local(timedelta(minutes=20))
    window = _window(client, world, "http://127.0.0.1:9/live.mp3", start, start + timedelta(minutes=10),
                     [world.areas[0].id])
    run = session.query(RelayWindowRun).filter_by(window_id=window["id"]).one()
    r = client.post("/api/v1/relay/played", headers=khu2, json={
        "record_id": "relay-other-0001", "relay_run_id": run.id, "relay_part": "live",
        "started_at": run.starts_at.isoformat(), "ended_at": run.ends_at.isoformat(), "outcome": "completed"})
    assert r.status_code == 422, "as for another area's programme: not one of this relay point's"
    assert session.query(RelayPlay).count() == 0
