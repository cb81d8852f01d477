"""/metrics as Prometheus reads it: off without a token, refused with a wrong one, and figures
that move when a programme renders, a relay point reports and requests are answered."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import text

from app.config import get_settings
from app.metrics.collector import DATABASE
from app.models import Emergency, Programme, ProgrammeStatus, RelayPoint, ScriptStatus
from tests.fixtures.builders import auth, create_script
from tests.programmes.helpers import plan_and_render
from tests.relays.helpers import add_relay

TOKEN = "metrics-token-for-tests-0123456789"
SCRAPER = {"Authorization": f"Bearer {TOKEN}"}
pytestmark = pytest.mark.usefixtures("metrics_on")


@pytest.fixture
def metrics_on(monkeypatch):
    monkeypatch.setattr(get_settings(), "metrics_token", TOKEN)
    DATABASE.forget()
    yield
    DATABASE.forget()


def scrape(client) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of one scrape, by name and labels (read afresh: no cached figures)."""
    DATABASE.forget()
    answer = client.get("/metrics", headers=SCRAPER)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/plain")
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(answer.text) for s in family.samples}


def value(samples, name: str, **labels: str) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def test_metrics_are_off_without_a_token_and_refuse_a_wrong_one(client, monkeypatch):
    monkeypatch.setattr(get_settings(), "metrics_token", None)
    off = client.get("/metrics", headers=SCRAPER)
    assert off.status_code == 404
    assert "LOA_METRICS_TOKEN" in off.json()["detail"]
    monkeypatch.setattr(get_settings(), "metrics_token", TOKEN)
    assert client.get("/metrics").status_code == 401
    wrong = client.get("/metrics", headers={"Authorization": "Bearer not-the-token-at-all-000"})
    assert wrong.status_code == 401
    assert wrong.headers["www-authenticate"] == "Bearer"
    assert client.get("/metrics", headers=SCRAPER).status_code == 200


def test_http_requests_are_counted_by_route_template(client, world):
    editor = auth(world.users["editor"])
    before = scrape(client)
    for missing in (987654, 987655, 987656):
        assert client.get(f"/api/v1/scripts/{missing}", headers=editor).status_code == 404
    after = scrape(client)
    route = {"method": "GET", "route": "/api/v1/scripts/{script_id}", "status": "404"}
    assert value(after, "loa_http_requests_total", **route) - value(before, "loa_http_requests_total", **route) == 3
    timed = {"method": "GET", "route": "/api/v1/scripts/{script_id}"}
    assert value(after, "loa_http_request_seconds_count", **timed) >= 3
    assert not any("987654" in str(labels) for _, labels in after), "raw paths never become labels"
    client.get("/no/such/page/123")
    assert value(scrape(client), "loa_http_requests_total", method="GET", route="unmatched", status="404") >= 1


def test_render_seconds_count_a_render(client, session, short_slot_world):
    create_script(session, short_slot_world, status=ScriptStatus.approved)
    before = value(scrape(client), "loa_render_seconds_count", outcome="ok")
    plan_and_render(session, short_slot_world)
    after = scrape(client)
    assert value(after, "loa_render_seconds_count", outcome="ok") == before + 1
    assert value(after, "loa_render_seconds_sum", outcome="ok") > 0


def test_relay_states_missed_programmes_and_emergency_latency_follow_relay_reports(
        client, session, world):
    station = {"station_id": str(world.station.id), "station": world.station.name}
    relay_id, token = add_relay(client, world, 0, "Cụm loa Khu 1")
    relay = {"Authorization": f"Bearer {token}"}
    started = datetime.now(UTC) - timedelta(hours=2)
    installed = session.get(RelayPoint, relay_id)
    assert installed is not None
    installed.created_at = started - timedelta(days=1)  # a relay point owes what aired since it exists
    programme = Programme(station_id=world.station.id, slot_name="sang", air_date=started.date(),
                          starts_at=started, duration_ms=1_800_000, status=ProgrammeStatus.aired)
    script = create_script(session, world, author="editor", status=ScriptStatus.approved)
    emergency = Emergency(station_id=world.station.id, script_id=script.id, issued_by_id=world.users["editor"].id,
                          issued_at=datetime.now(UTC) - timedelta(minutes=10),
                          expires_at=datetime.now(UTC) + timedelta(minutes=20))
    session.add_all([programme, emergency])
    session.commit()

    before = scrape(client)
    assert value(before, "loa_relay_points", state="offline", **station) == 1
    assert value(before, "loa_relay_points", state="online", **station) == 0
    assert value(before, "loa_programmes_missed", **station) == 1
    assert value(before, "loa_emergencies_unreported") == 1
    assert value(before, "loa_emergency_first_play_seconds_count") == 0
    assert value(before, "loa_audio_store_bytes") >= 0
    assert value(before, "loa_data_disk_free_bytes") > 0

    assert client.post("/api/v1/relay/heartbeat", json={"state": "idle"}, headers=relay).status_code == 204
    played = {"record_id": "metrics-test-1", "programme_id": programme.id, "outcome": "completed",
              "started_at": started.isoformat(), "ended_at": (started + timedelta(minutes=30)).isoformat()}
    assert client.post("/api/v1/relay/played", json=played, headers=relay).status_code in (200, 201, 204)
    alert_start = emergency.issued_at + timedelta(seconds=42)
    alert = {"record_id": "metrics-test-2", "emergency_id": emergency.id, "outcome": "completed",
             "started_at": alert_start.isoformat(), "ended_at": (alert_start + timedelta(minutes=1)).isoformat()}
    assert client.post("/api/v1/relay/played", json=alert, headers=relay).status_code in (200, 201, 204)

    after = scrape(client)
    assert value(after, "loa_relay_points", state="online", **station) == 1
    assert value(after, "loa_relay_points", state="offline", **station) == 0
    assert value(after, "loa_programmes_missed", **station) == 0
    assert value(after, "loa_emergencies_unreported") == 0
    assert value(after, "loa_emergency_first_play_seconds_count") == 1
    assert value(after, "loa_emergency_first_play_seconds_sum") == pytest.approx(42, abs=1)
    assert value(after, "loa_emergency_first_play_seconds_bucket", le="30.0") == 0
    assert value(after, "loa_emergency_first_play_seconds_bucket", le="60.0") == 1


def test_figures_are_cached_briefly_between_scrapes(client, world):
    station = {"station_id": str(world.station.id), "station": world.station.name}

    def offline_relays(text: str) -> float:
        samples = {(s.name, tuple(sorted(s.labels.items()))): s.value
                   for family in text_string_to_metric_families(text) for s in family.samples}
        return value(samples, "loa_relay_points", state="offline", **station)

    add_relay(client, world, 0, "Cụm loa Khu 1")
    assert offline_relays(client.get("/metrics", headers=SCRAPER).text) == 1
    add_relay(client, world, 1, "Cụm loa Khu 2")
    assert offline_relays(client.get("/metrics", headers=SCRAPER).text) == 1, "read again within seconds"
    assert value(scrape(client), "loa_relay_points", state="offline", **station) == 2


def test_the_nightly_clean_up_runs_as_a_job_and_is_counted(client, session, monkeypatch):
    from app import jobs
    from app.scheduling import register_jobs
    from scheduler.service import SchedulerService
    from tests.system.test_disk_full import _TestSessions

    monkeypatch.setattr(jobs, "background_session_factory", lambda: _TestSessions(session))
    ran = {"job": "clean_up_audio", "outcome": "ok"}
    before = value(scrape(client), "loa_job_runs_total", **ran)
    jobs.clean_up_audio()
    assert value(scrape(client), "loa_job_runs_total", **ran) == before + 1
    assert value(scrape(client), "loa_jobs_running", job="clean_up_audio") == 0

    service = SchedulerService("sqlite://")
    service.start(paused=True)
    try:
        register_jobs(service)
        assert "audio-cleanup" in {job.id for job in service.jobs()}
    finally:
        service.shutdown()


def test_the_workers_queue_is_counted_by_task_and_status(client, session):
    from app.queue_tasks import apply_schema

    if session.get_bind().dialect.name != "postgresql":
        assert not any(name == "loa_queue_jobs" for name, _ in scrape(client)), "no queue on SQLite"
        return
    apply_schema(session.connection())  # inside the test's transaction: rolled back with it
    for task in ("loa:render_programme", "loa:render_programme", "loa:prepare_station"):
        session.execute(text("INSERT INTO procrastinate_jobs (queue_name, task_name, args) "
                             "VALUES ('default', :task, '{}')"), {"task": task})
    session.execute(text("UPDATE procrastinate_jobs SET status = 'failed' WHERE task_name = 'loa:prepare_station'"))
    samples = scrape(client)
    assert value(samples, "loa_queue_jobs", task="loa:render_programme", status="todo") == 2
    assert value(samples, "loa_queue_jobs", task="loa:prepare_station", status="failed") == 1
