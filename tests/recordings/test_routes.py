from contextlib import ExitStack
from urllib.parse import unquote

import pytest

from app.recordings import service as recording_service
from app.speech.audio import audio_settings
from audio.recordings import decode_slot
from tests.fixtures.audio_files import hidden_length_flac, tone_file
from tests.fixtures.builders import auth


def _upload(client, world, path, *, user="officer", title="Nhạc hiệu", filler=False):
    with path.open("rb") as fh:
        return client.post(f"/api/v1/stations/{world.station.id}/recordings",
                           headers=auth(world.users[user]),
                           files={"file": (path.name, fh, "application/octet-stream")},
                           data={"title": title, "is_filler": str(filler).lower()})


def test_upload_is_checked_normalized_and_listed(client, world, tmp_path):
    r = _upload(client, world, tone_file(tmp_path / "nhac.mp3", 4.0), filler=True)
    assert r.status_code == 201, r.text
    rec = r.json()
    assert rec["duration_ms"] == pytest.approx(4000, abs=60)
    assert rec["loudness_lufs"] == pytest.approx(-16.0, abs=1.0)
    assert rec["is_filler"] is True
    listed = client.get(f"/api/v1/stations/{world.station.id}/recordings?filler=true",
                        headers=auth(world.users["editor"])).json()
    assert [x["id"] for x in listed] == [rec["id"]]
    audio = client.get(f"/api/v1/recordings/{rec['id']}/audio", headers=auth(world.users["leader"]))
    assert audio.status_code == 200
    assert audio.content[:4] == b"RIFF"


@pytest.mark.parametrize(("name", "content", "words"), [
    ("tin-bai.mp3", "Đây là một tệp văn bản, không phải âm thanh.\n".encode(), "không phải"),
    ("rong.mp3", b"", "rỗng"),
])
def test_bad_uploads_are_refused_with_what_to_fix(client, world, tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    r = _upload(client, world, path)
    assert r.status_code == 422, r.text
    assert r.json()["error"] == "RecordingRefused"
    assert words in r.json()["detail"].lower()
    assert client.get(f"/api/v1/stations/{world.station.id}/recordings",
                      headers=auth(world.users["officer"])).json() == []


def test_leaders_cannot_upload(client, world, tmp_path):
    assert _upload(client, world, tone_file(tmp_path / "a.wav", 1.0), user="leader").status_code == 403


def test_listen_speaks_the_spoken_form_offline(client, world):
    r = client.post("/api/v1/speech/listen", headers=auth(world.users["officer"]),
                    json={"text": "UBND phường thông báo lịch tiêm chủng ngày 25/01/2024."})
    assert r.status_code == 200
    assert r.headers["content-type"] == "audio/wav"
    assert r.headers["x-loa-engine"] == "espeak"
    assert int(r.headers["x-loa-duration-ms"]) > 2000
    assert r.content[:4] == b"RIFF"


def test_listen_falls_back_to_offline_when_gtts_is_unreachable(client, world, session):
    world.station.speech_engine = "gtts"
    session.commit()
    r = client.post("/api/v1/speech/listen", headers=auth(world.users["officer"]),
                    json={"text": "Thưa bà con nhân dân."})
    assert r.status_code == 200
    assert r.headers["x-loa-engine"] == "espeak"
    assert "x-loa-fallback" in r.headers
    assert unquote(r.headers["x-loa-fallback"])


def test_hours_of_audio_behind_a_header_that_hides_them_are_refused(client, world, tmp_path):
    r = _upload(client, world, hidden_length_flac(tmp_path / "im-lang.flac", hours=2))
    assert r.status_code == 422, r.text
    assert r.json()["error"] == "RecordingRefused"
    assert "dài hơn 0:30:00" in r.json()["detail"]


def test_uploads_beyond_the_decode_slots_get_503_with_retry_after(client, world, tmp_path, monkeypatch):
    settings = audio_settings().model_copy(update={"decode_wait_seconds": 0})
    monkeypatch.setattr(recording_service, "audio_settings", lambda: settings)
    with ExitStack() as busy:
        for _ in range(settings.max_concurrent_decodes):
            busy.enter_context(decode_slot(settings))
        r = _upload(client, world, tone_file(tmp_path / "a.wav", 1.0))
    assert r.status_code == 503, r.text
    assert r.headers["retry-after"]
    assert r.json()["error"] == "RecordingsBusy"
    assert "tải lên lại" in r.json()["detail"]
    assert _upload(client, world, tone_file(tmp_path / "a.wav", 1.0)).status_code == 201
