"""Delivering a sent bulletin without a job queue (a single installation on SQLite, or PostgreSQL
with no worker): each station's delivery is done in the send request, once; an emergency with a
recording airs the recording; the sender's page follows deliveries still queued."""

import hashlib
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from app.models import AuditEvent, BulletinDelivery, DeliveryState, Emergency, Programme, Script
from app.organisations import bulletins_delivery as delivering
from app.programmes.emergency import ALERT_MS, GAP_MS, RECORDING_ENGINE
from app.speech.audio import audio_settings
from audio.ffmpeg import decode_to_pcm
from tests.fixtures.audio_files import tone_file
from tests.organisations.helpers import approved_bulletin, bulletin_json, relay
from tests.web.helpers import sign_in


@pytest.fixture
def province(session, world):  # the bulletin tests' province (tests/organisations/helpers.py)
    from tests.organisations.helpers import build_province
    return build_province(session, world)


def _emergency(client, headers):
    r = client.get("/api/v1/relay/schedule", headers=headers)
    assert r.status_code == 200, r.text
    return r.json()["emergency"]


def test_without_a_queue_the_send_delivers_each_station_once(client, session, province):
    p = province
    bulletin = approved_bulletin(client, p, level="emergency")
    r = client.post(f"/api/v1/bulletins/{bulletin['id']}/send", headers=p.h("tinh_bientap"),
                    json={"stations": [{"station_id": p.ward.station.id}, {"station_id": p.ward_b.id}]})
    assert r.status_code == 200, r.text
    assert {row["status"] for row in r.json()} == {"on_air"}
    assert session.scalar(select(func.count()).select_from(Emergency)) == 2
    # a delivery run again (a job retried after it had succeeded) changes nothing
    for delivery_id in session.scalars(select(BulletinDelivery.id)):
        assert delivering.deliver(session, delivery_id) is False
    assert session.scalar(select(func.count()).select_from(Emergency)) == 2
    assert session.scalar(select(func.count()).select_from(Programme).where(Programme.is_emergency.is_(True))) == 2


def test_a_province_emergency_with_a_recording_airs_the_recording(client, session, province, tmp_path):
    p, world = province, province.ward
    poll = relay(session, world.areas[0], "Cụm loa Khu 1")
    h = p.h("tinh_bientap")
    bid = client.post("/api/v1/bulletins", headers=h, json=bulletin_json(world, level="emergency")).json()["id"]
    with tone_file(tmp_path / "khan-cap.wav", 4.0).open("rb") as fh:
        r = client.post(f"/api/v1/bulletins/{bid}/recordings", headers=h,
                        files={"file": ("khan-cap.wav", fh, "audio/wav")})
    assert r.status_code == 200, r.text
    assert client.post(f"/api/v1/bulletins/{bid}/submit", headers=h).status_code == 200
    assert client.post(f"/api/v1/bulletins/{bid}/approve", headers=p.h("tinh_lanhdao")).status_code == 200
    r = client.post(f"/api/v1/bulletins/{bid}/send", headers=h,
                    json={"stations": [{"station_id": world.station.id, "area_ids": [world.areas[0].id]}]})
    assert r.status_code == 200, r.text

    alert = _emergency(client, poll)
    # alert tone, gap, then the 4-second recording: speech of the bulletin's two sentences is longer
    assert alert["duration_ms"] == ALERT_MS + GAP_MS + 4000
    audio = client.get(alert["audio_url"], headers=poll)
    assert audio.status_code == 200
    assert hashlib.sha256(audio.content).hexdigest() == alert["sha256"]
    heard = tmp_path / "heard.mp3"
    heard.write_bytes(audio.content)
    rate = audio_settings().sample_rate
    pcm, _warnings = decode_to_pcm(heard, rate)
    assert abs(len(pcm) // 2 * 1000 // rate - (ALERT_MS + GAP_MS + 4000)) < 200
    # the recorded part is the recording itself: its loudness matches the stored recording's
    recorded = pcm[(ALERT_MS + GAP_MS) * rate // 1000 * 2:]
    bulletin_audio = client.get(f"/api/v1/bulletins/{bid}/recording", headers=h).content
    assert _rms(recorded) == pytest.approx(_rms(bulletin_audio[44:]), rel=0.1)
    script = session.get(Script, session.get(Emergency, alert["id"]).script_id)
    assert script.speech_key is None  # nothing was spoken
    assert script.recording_id is not None
    engine = session.scalar(select(AuditEvent.changes).where(AuditEvent.action == "emergency"))["engine"]
    assert engine == RECORDING_ENGINE


def _rms(s16le: bytes) -> float:
    import array
    samples = array.array("h", s16le[: len(s16le) // 2 * 2])
    return (sum(x * x for x in samples) / max(len(samples), 1)) ** 0.5


def test_the_senders_page_follows_deliveries_still_queued(client, session, province):
    p = province
    bulletin = approved_bulletin(client, p, level="priority")
    client.post(f"/api/v1/bulletins/{bulletin['id']}/send", headers=p.h("tinh_bientap"),
                json={"stations": [{"station_id": p.ward.station.id}, {"station_id": p.ward_b.id}]})
    # as a queue leaves them until a worker takes the job: one delivered, one waiting
    waiting = session.scalar(select(BulletinDelivery).where(BulletinDelivery.station_id == p.ward_b.id))
    waiting.state, waiting.script_id = DeliveryState.queued, None
    session.commit()
    assert sign_in(client, "tinh_bientap").status_code == 303
    page = client.get(f"/app/bulletins/{bulletin['id']}")
    assert page.status_code == 200
    assert '<meta http-equiv="refresh" content="3">' in page.text
    assert "Đang chuyển tới đài" in page.text
    # the worker delivers it: the page stops refreshing
    assert delivering.deliver(session, waiting.id) is True
    session.commit()
    page = client.get(f"/app/bulletins/{bulletin['id']}")
    assert 'http-equiv="refresh"' not in page.text
    assert "Đang chuyển tới đài" not in page.text


def test_a_delivery_whose_window_passed_fails_for_that_station_only(client, session, province):
    p = province
    bulletin = approved_bulletin(client, p, level="priority")
    client.post(f"/api/v1/bulletins/{bulletin['id']}/send", headers=p.h("tinh_bientap"),
                json={"stations": [{"station_id": p.ward.station.id}]})
    delivery = session.scalar(select(BulletinDelivery))
    delivery.state, delivery.script_id = DeliveryState.queued, None
    from app.models import Bulletin
    stale = session.get(Bulletin, bulletin["id"])
    stale.air_from = stale.air_until = datetime(2020, 1, 1, tzinfo=UTC).date()
    session.commit()
    assert delivering.deliver(session, delivery.id) is True
    session.commit()
    rows = client.get(f"/api/v1/bulletins/{bulletin['id']}/stations", headers=p.h("tinh_bientap")).json()
    assert rows[0]["status"] == "failed"
    assert rows[0]["failure_reason"].startswith("Khoảng thời gian phát của bản tin đã qua")
    assert delivering.deliver(session, delivery.id) is False  # not tried again


def test_a_failed_emergency_delivery_is_delivered_again_from_the_page(client, session, province, monkeypatch):
    # the speech of one ward's emergency fails once (a passing fault); the sender delivers it again
    from app.speech.exceptions import SpeechFailed

    p = province
    issue = delivering._issue_emergency

    def failing_once(*_args: object, **_kwargs: object) -> None:
        monkeypatch.setattr(delivering, "_issue_emergency", issue)
        raise SpeechFailed("Không tạo được giọng đọc cho bản tin.")

    monkeypatch.setattr(delivering, "_issue_emergency", failing_once)
    bulletin = approved_bulletin(client, p, level="emergency", title="Khẩn cấp: vỡ đê")
    url = f"/api/v1/bulletins/{bulletin['id']}"
    rows = client.post(f"{url}/send", headers=p.h("tinh_bientap"),
                       json={"stations": [{"station_id": p.ward.station.id}, {"station_id": p.ward_b.id}]}).json()
    by_station = {r["station_id"]: r for r in rows}
    assert by_station[p.ward.station.id]["status"] == "failed"
    assert by_station[p.ward_b.id]["status"] == "on_air"
    assert session.scalar(select(func.count()).select_from(Emergency)) == 1

    assert sign_in(client, "tinh_bientap").status_code == 303
    page = client.get(f"/app/bulletins/{bulletin['id']}")
    assert "Không tạo được giọng đọc" in page.text
    assert "Gửi lại tới các đài chưa nhận được" in page.text
    from tests.web.helpers import csrf_of
    r = client.post(f"/app/bulletins/{bulletin['id']}/retry", data={"csrf_token": csrf_of(page)},
                    follow_redirects=False)
    assert r.status_code == 303
    rows = client.get(f"{url}/stations", headers=p.h("tinh_bientap")).json()
    assert {r["station_id"]: r["status"] for r in rows} == {p.ward.station.id: "on_air", p.ward_b.id: "on_air"}
    assert session.scalar(select(func.count()).select_from(Emergency)) == 2  # the other ward's was not issued twice
    page = client.get(f"/app/bulletins/{bulletin['id']}")
    assert "Gửi lại tới các đài chưa nhận được" not in page.text  # nothing left to retry

    # nothing failed: a retry changes nothing; a bulletin not sent cannot be retried
    assert client.post(f"{url}/retry", headers=p.h("tinh_bientap")).status_code == 200
    assert session.scalar(select(func.count()).select_from(Emergency)) == 2
    draft = client.post("/api/v1/bulletins", headers=p.h("tinh_bientap"), json=bulletin_json(p.ward)).json()
    r = client.post(f"/api/v1/bulletins/{draft['id']}/retry", headers=p.h("tinh_bientap"))
    assert r.status_code == 409, r.text
    assert "gửi lại" in r.json()["detail"]
