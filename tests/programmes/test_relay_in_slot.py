"""A relay window inside a slot (tiếp sóng) is planned as a fixed item of known length: the
programme holds it at its offset, and the programme page and the cue sheet name it
"Tiếp sóng: <source> hh:mm–hh:mm"."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.models import Programme, Recording, ScriptStatus, Slot
from app.programmes import service as programmes
from app.speech.audio import storage
from tests.fixtures.audio_files import tone_file
from tests.fixtures.builders import auth, create_script
from tests.programmes.helpers import plan_and_render
from tests.web.helpers import sign_in

LABEL = "Tiếp sóng: Đài thành phố 09:00–09:01"


def _relay_in_slot(client, session, world, **body):
    slot = session.scalars(select(Slot).where(Slot.station_id == world.station.id)).one()  # 09:00, 90 s
    source = client.post(f"/api/v1/stations/{world.station.id}/relay-sources", headers=auth(world.users["admin"]),
                         json={"name": "Đài thành phố", "url": "http://127.0.0.1:9/live.mp3"}).json()
    r = client.post(f"/api/v1/stations/{world.station.id}/relay-windows", headers=auth(world.users["editor"]),
                    json={"source_id": source["id"], "title": "Thời sự", "start_time": "09:00:30",
                          "end_time": "09:01:00", "weekdays": list(range(7)), "placement": "in_slot",
                          "slot_id": slot.id, **body})
    assert r.status_code == 201, r.text
    return r.json()


def test_the_relay_is_a_fixed_item_shown_on_the_programme_page_and_in_the_cue_sheet(client, session,
                                                                                      short_slot_world, tmp_path):
    world = short_slot_world
    key = storage().put_file(tone_file(tmp_path / "music.wav", 40.0), suffix=".wav")
    session.add(Recording(station_id=world.station.id, title="Nhạc nền", filename="music.wav", original_key=key,
                          audio_key=key, duration_ms=40_000, size_bytes=1, is_filler=True))
    window = _relay_in_slot(client, session, world)
    create_script(session, world, status=ScriptStatus.approved, title="Lịch tiêm chủng",
                  body="Thưa bà con, trạm y tế tiêm chủng lúc 7h30 sáng mai.")
    programme = plan_and_render(session, world)
    relay = [i for i in programme.items if i["kind"] == "relay"]
    assert [(i["offset_ms"], i["duration_ms"], i["title"], i["relay_id"]) for i in relay] == [
        (30_000, 30_000, LABEL, window["id"])]
    assert sum(i["duration_ms"] for i in programme.items) == 90_000
    before = [i for i in programme.items if i["offset_ms"] < 30_000]
    assert all(i["offset_ms"] + i["duration_ms"] <= 30_000 for i in before), "nothing plays into the relay"

    sign_in(client, "editor")
    day = world.today() + timedelta(days=1)
    page = client.get("/app/programmes", params={"day": str(day)})
    assert page.status_code == 200
    assert f"<li>{LABEL} <small>(0:30)</small>" in page.text
    read = client.get(f"/api/v1/programmes/{programme.id}", headers=auth(world.users["editor"])).json()
    cue = client.get(read["cue_url"], headers=auth(world.users["editor"])).json()
    (item,) = [i for i in cue["items"] if i["title"] == LABEL]
    # the file holds the station's filler there: what a relay that falls back to the programme plays
    assert (item["kind"], item["replaced"]) == ("filler", False)
    # the rendered file places items on MP3 frame boundaries (26 ms)
    assert item["offset_ms"] == pytest.approx(30_000, abs=30)
    assert item["duration_ms"] == pytest.approx(30_000, abs=60)


def test_a_relay_for_one_area_leaves_the_others_programme_whole_and_removing_it_replans(client, session,
                                                                                         short_slot_world):
    world = short_slot_world
    window = _relay_in_slot(client, session, world, area_ids=[world.areas[0].id])
    plan_and_render(session, world)
    rows = {p.area_key: p for p in session.scalars(select(Programme).where(Programme.station_id == world.station.id))}
    assert [i["title"] for i in rows[world.areas[0].id].items if i["kind"] == "relay"] == [LABEL]
    assert not [i for i in rows[world.areas[1].id].items if i["kind"] == "relay"]

    r = client.delete(f"/api/v1/relay-windows/{window['id']}", headers=auth(world.users["editor"]))
    assert r.status_code == 204
    session.expire_all()
    station = programmes.station_with_slots(session, world.station.id)
    programmes.plan_days(session, station, world.today() + timedelta(days=1), 1)
    rows = list(session.scalars(select(Programme).where(Programme.station_id == world.station.id)))
    assert [p.area_key for p in rows] == [0], "one programme for the whole station again"
    assert not [i for i in rows[0].items if i["kind"] == "relay"]
