"""Pre-checks of relay sources against a real stream on loopback: pass, fail, fallback, alert."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from app.models import RelayWindowRun
from app.relay_sources import live
from app.relay_sources import service as relay_sources
from audio.live_source import check_stream
from tests.fixtures.builders import auth, create_station, create_user
from tests.relay_windows.conftest import SharedSessions
from tests.relay_windows.stream_server import free_port_url


def test_a_live_source_passes_a_dead_or_silent_one_fails(live_source, silent_source):
    heard = check_stream(live_source.url, 3)
    assert heard.ok
    assert heard.decoded_ms >= 2900
    down = check_stream(free_port_url(), 3)
    assert not down.ok
    assert "Connection refused" in down.detail_en
    silent = check_stream(silent_source.url, 3)
    assert not silent.ok
    assert "im lặng" in silent.detail_vi


def test_test_now_tells_the_admin_what_was_heard(client, world, live_source):
    admin = auth(world.users["admin"])
    source = client.post(f"/api/v1/stations/{world.station.id}/relay-sources", headers=admin,
                         json={"name": "Trung tâm VH-TT thành phố", "url": live_source.url}).json()
    result = client.post(f"/api/v1/relay-sources/{source['id']}/test", headers=admin).json()
    assert result["ok"] is True
    assert result["decoded_ms"] >= 2900
    live_source.stop()
    result = client.post(f"/api/v1/relay-sources/{source['id']}/test", headers=admin).json()
    assert result["ok"] is False
    assert "Không kết nối" in result["detail_vi"]
    listed = client.get(f"/api/v1/stations/{world.station.id}/relay-sources", headers=admin).json()
    assert listed[0]["last_check_ok"] is False


def _window(client, world, url, start, end, **extra):
    admin, editor = auth(world.users["admin"]), auth(world.users["editor"])
    source = client.post(f"/api/v1/stations/{world.station.id}/relay-sources", headers=admin,
                         json={"name": "Đài thành phố", "url": url}).json()
    body = {"source_id": source["id"], "title": "Thời sự thành phố", "start_time": start.strftime("%H:%M:%S"),
            "end_time": end.strftime("%H:%M:%S"), "dates": [start.date().isoformat()], **extra}
    r = client.post(f"/api/v1/stations/{world.station.id}/relay-windows", headers=editor, json=body)
    assert r.status_code == 201, r.text
    return r.json()


def _later_today(hours: int) -> datetime:
    local = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).replace(microsecond=0, second=0)
    start = local + timedelta(hours=hours)
    return start if start.date() == local.date() else local.replace(hour=23, minute=0)


def test_failed_check_switches_to_fallback_and_alerts_editors_a_later_pass_clears_it(
        client, session, world, live_source):
    start = _later_today(0) + timedelta(minutes=30)
    window = _window(client, world, live_source.url, start, start + timedelta(minutes=15))
    run = session.query(RelayWindowRun).filter_by(window_id=window["id"]).one()
    sessions = SharedSessions(session)
    check = relay_sources.test_source
    editor = auth(world.users["editor"])

    assert live.run_checks(sessions, check, now=lambda: run.starts_at - timedelta(minutes=11)) == 0
    live_source.stop()  # the city's stream goes down before the 10-minute check
    assert live.run_checks(sessions, check, now=lambda: run.starts_at - timedelta(minutes=10)) == 1
    session.refresh(run)
    assert run.use_fallback
    problems = client.get("/api/v1/system/problems", headers=editor).json()
    assert len(problems) == 1
    assert "Thời sự thành phố" in problems[0]["message_vi"]
    assert "chương trình của đài" in problems[0]["message_vi"]  # what plays instead
    # the same check is not run twice
    assert live.run_checks(sessions, check, now=lambda: run.starts_at - timedelta(minutes=9)) == 0

    # another station's editor does not see it
    other, _areas = create_station(session, name="Đài xã Tân Dân")
    stranger = create_user(session, "xa2-editor", world.users["editor"].role, other)
    session.commit()
    assert client.get("/api/v1/system/problems", headers=auth(stranger)).json() == []

    # the 1-minute check hears the stream back: the relay goes ahead and the alert goes
    restarted = type(live_source)(live_source.data).start()
    try:
        window_source = client.get(f"/api/v1/stations/{world.station.id}/relay-sources",
                                   headers=editor).json()[0]
        client.patch(f"/api/v1/relay-sources/{window_source['id']}", headers=auth(world.users["admin"]),
                     json={"url": restarted.url})
        assert live.run_checks(sessions, check, now=lambda: run.starts_at - timedelta(seconds=50)) == 1
    finally:
        restarted.stop()
    session.refresh(run)
    assert not run.use_fallback
    assert [c["ok"] for c in run.checks] == [False, True]
    assert client.get("/api/v1/system/problems", headers=editor).json() == []
    runs = client.get(f"/api/v1/relay-windows/{window['id']}/runs", headers=editor).json()
    assert runs[0]["checks"][1]["lead_minutes"] == 1


def test_a_check_missed_while_the_server_was_down_runs_once_before_air(client, session, world, live_source):
    start = _later_today(0) + timedelta(minutes=30)
    window = _window(client, world, live_source.url, start, start + timedelta(minutes=5))
    run = session.query(RelayWindowRun).filter_by(window_id=window["id"]).one()
    sessions = SharedSessions(session)
    at = run.starts_at - timedelta(seconds=30)
    assert live.run_checks(sessions, relay_sources.test_source, now=lambda: at) == 1
    assert live.run_checks(sessions, relay_sources.test_source, now=lambda: at) == 0
    session.refresh(run)
    assert [c["lead_minutes"] for c in run.checks] == [1]
    assert not run.use_fallback
    assert datetime.now(UTC) < run.starts_at
