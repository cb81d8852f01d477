"""Recording a relay window from a real stream on loopback: the file exists, has the window's
length, and a source that drops mid-window leaves a shorter recording that says so."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.models import RelayWindowRun
from app.relay_sources import live
from app.speech.audio import storage
from audio.live_source import decoded_ms
from tests.fixtures.builders import auth
from tests.relay_windows.conftest import SharedSessions

WINDOW_S = 6


def _window_starting_soon(client, world, url, seconds_ahead: float = 2.0):
    zone = ZoneInfo("Asia/Ho_Chi_Minh")
    start = (datetime.now(zone) + timedelta(seconds=seconds_ahead + 1)).replace(microsecond=0)
    end = start + timedelta(seconds=WINDOW_S)
    if end.date() != start.date():
        pytest.skip("the window would cross local midnight")
    admin, editor = auth(world.users["admin"]), auth(world.users["editor"])
    source = client.post(f"/api/v1/stations/{world.station.id}/relay-sources", headers=admin,
                         json={"name": "Đài thành phố", "url": url}).json()
    r = client.post(f"/api/v1/stations/{world.station.id}/relay-windows", headers=editor, json={
        "source_id": source["id"], "title": "Thời sự thành phố", "start_time": start.strftime("%H:%M:%S"),
        "end_time": end.strftime("%H:%M:%S"), "dates": [start.date().isoformat()], "fallback": "filler"})
    assert r.status_code == 201, r.text
    return r.json()


def test_the_window_is_recorded_whole(client, session, world, live_source):
    window = _window_starting_soon(client, world, live_source.url)
    recorder = live.Recorder(SharedSessions(session))
    assert len(recorder.start_due()) == 1
    assert recorder.start_due() == [], "one recording per window"
    recorder.wait(WINDOW_S + 30)
    run = session.query(RelayWindowRun).filter_by(window_id=window["id"]).one()
    session.refresh(run)
    assert run.recording_state == "done"
    path = storage().path(run.recording_key)
    assert path.is_file()
    # measured by decoding the stored file, not taken from the recorder's word
    assert decoded_ms(path) == pytest.approx(WINDOW_S * 1000, abs=300)
    assert run.recorded_ms == decoded_ms(path)
    runs = client.get(f"/api/v1/relay-windows/{window['id']}/runs", headers=auth(world.users["editor"])).json()
    assert runs[0]["recording_key"] == run.recording_key


def test_a_source_that_drops_mid_window_leaves_what_it_gave(client, session, world, live_source):
    window = _window_starting_soon(client, world, live_source.url)
    recorder = live.Recorder(SharedSessions(session))
    recorder.start_due()
    run = session.query(RelayWindowRun).filter_by(window_id=window["id"]).one()
    time.sleep(max(0.0, (run.starts_at - datetime.now(run.starts_at.tzinfo)).total_seconds()) + 3)
    live_source.stop()
    recorder.wait(WINDOW_S + 30)
    session.refresh(run)
    assert run.recording_state == "done"
    heard = decoded_ms(storage().path(run.recording_key))
    # about 3 s relayed (plus the server's half-second burst), well short of the window
    assert 2500 <= heard <= 4500
    assert run.recording_error  # the drop is written down


def test_a_window_on_its_fallback_is_not_recorded(client, session, world, live_source):
    window = _window_starting_soon(client, world, live_source.url)
    run = session.query(RelayWindowRun).filter_by(window_id=window["id"]).one()
    run.use_fallback = True
    session.commit()
    recorder = live.Recorder(SharedSessions(session))
    assert recorder.start_due() == []
    session.refresh(run)
    assert run.recording_state == "skipped"
