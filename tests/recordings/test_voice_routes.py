"""An announcer's take through the API: `voice=true` cleans it, or refuses it with what to fix."""

from __future__ import annotations

import pytest

from app.models import AuditEvent
from app.recordings import service as recording_service
from app.speech.audio import audio_settings
from tests.fixtures.audio_files import voice_like_wav
from tests.fixtures.builders import auth

TAKE = [(1.5, False), (3.0, True), (1.0, False), (2.0, True), (2.0, False)]


def _upload(client, world, path, *, voice: bool):
    with path.open("rb") as fh:
        return client.post(f"/api/v1/stations/{world.station.id}/recordings",
                           headers=auth(world.users["officer"]),
                           files={"file": (path.name, fh, "application/octet-stream")},
                           data={"title": "Giọng đọc", "voice": str(voice).lower()})


def test_a_voice_take_is_trimmed_and_the_audit_log_says_how(client, world, session, tmp_path):
    take = voice_like_wav(tmp_path / "take.wav", TAKE)
    r = _upload(client, world, take, voice=True)
    assert r.status_code == 201, r.text
    assert r.json()["duration_ms"] == pytest.approx(6500, abs=100), "9.5 s take, 6 s of speech + margins"
    assert r.json()["loudness_lufs"] == pytest.approx(-16.0, abs=0.7)
    event = session.query(AuditEvent).filter_by(entity_type="recording", entity_id=r.json()["id"]).one()
    report = event.changes["voice"]
    assert report["lead_trimmed_ms"] == pytest.approx(1300, abs=80)
    assert report["noise_reduced"] is True
    assert report["noise_floor_dbfs"][1] < report["noise_floor_dbfs"][0] - 15

    plain = _upload(client, world, take, voice=False)
    assert plain.json()["duration_ms"] == pytest.approx(9500, abs=30), "an uploaded file is not trimmed"


@pytest.mark.parametrize(("parts", "options", "words"), [
    ([(4.0, False)], {"noise_dbfs": None}, "im lặng"),
    ([(4.0, False)], {"noise_dbfs": -35.0}, "không nghe thấy lời đọc"),
    (TAKE, {"gain": 8.0}, "vỡ tiếng"),
])
def test_a_take_that_cannot_air_is_refused_with_the_reason(client, world, tmp_path, parts, options, words):
    r = _upload(client, world, voice_like_wav(tmp_path / "take.wav", parts, **options), voice=True)
    assert r.status_code == 422, r.text
    assert r.json()["error"] == "RecordingRefused"
    assert words in r.json()["detail"]


def test_a_take_over_the_limit_is_refused(client, world, tmp_path, monkeypatch):
    settings = audio_settings().model_copy(update={"max_voice_recording_seconds": 5.0})
    monkeypatch.setattr(recording_service, "audio_settings", lambda: settings)
    r = _upload(client, world, voice_like_wav(tmp_path / "take.wav", TAKE), voice=True)
    assert r.status_code == 422, r.text
    assert "0:00:05" in r.json()["detail"]
