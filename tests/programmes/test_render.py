"""A programme rendered from the database: exact length, files the API serves, failures shown."""

import pytest

from app.models import ProgrammeStatus, ScriptStatus
from app.speech.audio import storage
from audio.ffmpeg import decode_to_pcm
from tests.fixtures.builders import auth, create_script
from tests.programmes.helpers import SLOT_MS, plan_and_render


def test_rendered_programme_is_exactly_the_slot_and_served_by_the_api(client, session, short_slot_world):
    world = short_slot_world
    create_script(session, world, status=ScriptStatus.approved, title="Thông báo ngắn",
                  body="Thưa bà con, UBND phường thông báo lịch tiêm chủng ngày 25/01/2024 lúc 7h30.")
    programme = plan_and_render(session, world)
    assert programme.status == ProgrammeStatus.rendered
    assert programme.render_error is None
    samples, _ = decode_to_pcm(storage().path(programme.audio_key), 22050)
    assert len(samples) / 2 / 22050 == pytest.approx(SLOT_MS / 1000, abs=0.1)
    read = client.get(f"/api/v1/programmes/{programme.id}", headers=auth(world.users["leader"])).json()
    assert read["audio_duration_ms"] == pytest.approx(SLOT_MS, abs=100)
    assert read["status"] == "rendered"
    assert [i["kind"] for i in read["items"]][0] == "opening"
    audio = client.get(read["audio_url"], headers=auth(world.users["leader"]))
    assert audio.status_code == 200
    assert audio.headers["content-type"] == "audio/mpeg"
    assert len(audio.content) == read["audio_size"]
    playlist = client.get(read["playlist_url"], headers=auth(world.users["leader"])).text
    assert playlist.startswith("#EXTM3U")
    assert playlist.count("#EXTINF") >= 3


def test_real_speech_lengths_replace_the_estimates(session, short_slot_world):
    world = short_slot_world
    script = create_script(session, world, status=ScriptStatus.approved, title="Tin đo độ dài")
    programme = plan_and_render(session, world)
    session.refresh(script)
    placed = next(i for i in programme.items if i.get("script_id") == script.id)
    assert placed["duration_ms"] == script.speech_duration_ms
    assert placed["provisional"] is False
    assert script.speech_engine == "espeak"


def test_an_item_that_cannot_be_produced_is_replaced_and_reported(session, short_slot_world, tmp_path):
    from app.recordings import service as recordings
    from tests.fixtures.audio_files import tone_file

    world = short_slot_world
    rec = recordings.ingest(session, world.station, tone_file(tmp_path / "ban-ghi.wav", 5.0), title="Bản ghi",
                            filename="ban-ghi.wav", is_filler=False, actor=world.users["officer"])
    create_script(session, world, status=ScriptStatus.approved, title="Tin có bản ghi", recording_id=rec.id)
    storage().path(rec.audio_key).unlink()  # the recording's file is lost on disk
    programme = plan_and_render(session, world)
    assert programme.audio_key is not None, "the relay point still gets a programme"
    assert "Tin có bản ghi" in (programme.render_error or "")
    samples, _ = decode_to_pcm(storage().path(programme.audio_key), 22050)
    assert len(samples) / 2 / 22050 == pytest.approx(SLOT_MS / 1000, abs=0.1)


def test_a_station_on_a_weak_link_gets_smaller_files(client, session, short_slot_world):
    world = short_slot_world
    r = client.patch(f"/api/v1/stations/{world.station.id}", headers=auth(world.users["admin"]),
                     json={"audio_bitrate_kbps": 24, "audio_sample_rate": 16000})
    assert r.status_code == 200
    assert r.json()["audio_bitrate_kbps"] == 24
    create_script(session, world, status=ScriptStatus.approved, title="Tin gọn")
    programme = plan_and_render(session, world)
    # 90 s at 24 kbps is about 270 kB (48 kbps would be about 540 kB)
    assert programme.audio_size < 330_000
    samples, _ = decode_to_pcm(storage().path(programme.audio_key), 16000)
    assert len(samples) / 2 / 16000 == pytest.approx(SLOT_MS / 1000, abs=0.1)
    bad = client.patch(f"/api/v1/stations/{world.station.id}", headers=auth(world.users["admin"]),
                       json={"audio_bitrate_kbps": 5})
    assert bad.status_code == 422
