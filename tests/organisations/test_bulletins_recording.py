"""A province's bulletin with a recording: the ward that takes it airs the recording (its own
recording row naming the same stored file), and hears it before deciding."""

import pytest
from sqlalchemy import select

from app.models import Programme, Recording, Script
from app.programmes import service as programmes
from tests.fixtures.audio_files import tone_file
from tests.fixtures.builders import auth
from tests.organisations.helpers import bulletin_json


@pytest.fixture
def province(session, world):  # the bulletin tests' province (tests/organisations/helpers.py)
    from tests.organisations.helpers import build_province
    return build_province(session, world)



def test_a_ward_takes_a_bulletins_recording_and_plans_it(client, session, province, tmp_path):
    p, world = province, province.ward
    h = p.h("tinh_vanhoa")
    bid = client.post("/api/v1/bulletins", headers=h, json=bulletin_json(world)).json()["id"]
    with tone_file(tmp_path / "ban-tin.wav", 4.0).open("rb") as fh:
        r = client.post(f"/api/v1/bulletins/{bid}/recordings", headers=h,
                        files={"file": ("ban-tin.wav", fh, "audio/wav")})
    assert r.status_code == 200, r.text
    assert r.json()["recording_duration_ms"] == 4000
    assert r.json()["recording_filename"] == "ban-tin.wav"
    # a file that is no audio is refused, and the first recording stays
    bad = tmp_path / "khong-phai.mp3"
    bad.write_bytes(b"day khong phai am thanh" * 100)
    with bad.open("rb") as fh:
        r = client.post(f"/api/v1/bulletins/{bid}/recordings", headers=h, files={"file": ("x.mp3", fh, "audio/mpeg")})
    assert r.status_code == 422
    assert client.get(f"/api/v1/bulletins/{bid}", headers=h).json()["recording_duration_ms"] == 4000

    assert client.post(f"/api/v1/bulletins/{bid}/submit", headers=h).status_code == 200
    assert client.post(f"/api/v1/bulletins/{bid}/approve", headers=p.h("tinh_bientap")).status_code == 200
    r = client.post(f"/api/v1/bulletins/{bid}/send", headers=p.h("tinh_bientap"),
                    json={"stations": [{"station_id": world.station.id}]})
    assert r.status_code == 200, r.text
    delivery = r.json()[0]["delivery_id"]

    editor = auth(world.users["editor"])
    heard = client.get(f"/api/v1/inbox/{delivery}/recording", headers=editor)
    assert heard.status_code == 200
    assert heard.headers["content-type"] == "audio/wav"
    assert client.get(f"/api/v1/inbox/{delivery}/recording", headers=p.h("b_editor")).status_code == 404

    r = client.post(f"/api/v1/inbox/{delivery}/accept", headers=editor)
    assert r.status_code == 200, r.text
    script = session.get(Script, r.json()["script_id"])
    recording = session.get(Recording, script.recording_id)
    assert recording.station_id == world.station.id
    assert recording.duration_ms == 4000
    # the ward airs the recording: its planned item lasts as long as the recording
    programmes.plan_days(session, programmes.station_with_slots(session, world.station.id), world.today(), 3)
    items = [i for pr in session.scalars(select(Programme).where(Programme.station_id == world.station.id))
             for i in pr.items if i.get("script_id") == script.id]
    assert items
    assert items[0]["duration_ms"] == 4000
