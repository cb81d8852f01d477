"""Bad input gets a clear 4xx in the error shape, and nothing already saved changes."""

from datetime import timedelta

import pytest

from app.scripts.schemas import MAX_BODY_CHARS
from tests.fixtures.builders import auth, create_script, script_json


@pytest.mark.parametrize(("override", "field"), [
    ({"title": ""}, "title"),
    ({"title": "   \t "}, "title"),
    ({"body": "\n\n   "}, "body"),
    ({"body": "a" * (MAX_BODY_CHARS + 1)}, "body"),
    ({"airings_target": 0}, "airings_target"),
    ({"priority": "urgent"}, "priority"),
    ({"air_from": "22/01/2024"}, "air_from"),
])
def test_invalid_fields_are_named_in_a_422(client, world, override, field):
    r = client.post("/api/v1/scripts", headers=auth(world.users["officer"]), json=script_json(world, **override))
    assert r.status_code == 422, r.text
    assert r.json()["error"] == "ValidationError"
    assert field in r.json()["detail"]


@pytest.mark.parametrize(("override", "words"), [
    ({"topic": "khong-co"}, "chủ đề"),
    ({"area_ids": [99999]}, "khu phố"),
    ({"slots": ["midnight"]}, "khung giờ"),
])
def test_unknown_references_say_what_exists(client, world, override, words):
    r = client.post("/api/v1/scripts", headers=auth(world.users["officer"]), json=script_json(world, **override))
    assert r.status_code == 422
    assert r.json()["error"] == "UnknownReference"
    assert words in r.json()["detail"]


def test_air_window_ending_before_it_starts(client, world):
    r = client.post("/api/v1/scripts", headers=auth(world.users["officer"]), json=script_json(
        world, air_from=str(world.today() + timedelta(days=3)), air_until=str(world.today())))
    assert r.status_code == 422
    assert r.json()["error"] == "InvalidAirWindow"


def test_new_script_cannot_start_in_the_past(client, world):
    r = client.post("/api/v1/scripts", headers=auth(world.users["officer"]),
                    json=script_json(world, air_from=str(world.today() - timedelta(days=1))))
    assert r.status_code == 422
    assert "đã qua" in r.json()["detail"]


def test_non_utf8_body_is_refused_clearly(client, world):
    raw = '{"title": "Tin b\xe0i", "body": "x"}'.encode("latin-1")
    r = client.post("/api/v1/scripts", headers={**auth(world.users["officer"]),
                                                "Content-Type": "application/json"}, content=raw)
    assert r.status_code == 400
    assert r.json()["error"] == "InvalidBody"
    assert "UTF-8" in r.json()["detail"]


def test_oversized_request_body_gets_413(client, world):
    r = client.post("/api/v1/scripts", headers=auth(world.users["officer"]),
                    json=script_json(world, body="x" * 2_000_000))
    assert r.status_code == 413
    assert r.json()["error"] == "PayloadTooLarge"


def test_sql_looking_text_is_stored_as_typed(client, world):
    nasty = "Robert'); DROP TABLE scripts;-- và 1=1 OR ''='"
    r = client.post("/api/v1/scripts", headers=auth(world.users["officer"]),
                    json=script_json(world, title=nasty, body=nasty))
    assert r.status_code == 201
    got = client.get(f"/api/v1/scripts/{r.json()['id']}", headers=auth(world.users["officer"])).json()
    assert got["title"] == nasty
    found = client.get("/api/v1/scripts", params={"q": "DROP TABLE"}, headers=auth(world.users["editor"]))
    assert [s["id"] for s in found.json()] == [r.json()["id"]]


def test_failed_edit_leaves_the_saved_script_untouched(client, world, session):
    script = create_script(session, world)
    officer = auth(world.users["officer"])
    before = client.get(f"/api/v1/scripts/{script.id}", headers=officer).json()
    for bad in ({"version": 1, "title": ""}, {"version": 1, "topic": "nope"},
                {"version": 1, "air_until": str(world.today() - timedelta(days=30))},
                {"version": 1, "area_ids": [424242]}):
        r = client.patch(f"/api/v1/scripts/{script.id}", headers=officer, json=bad)
        assert 400 <= r.status_code < 500, r.text
    assert client.get(f"/api/v1/scripts/{script.id}", headers=officer).json() == before


def test_unknown_script_is_404_in_the_error_shape(client, world):
    r = client.get("/api/v1/scripts/987654", headers=auth(world.users["officer"]))
    assert r.status_code == 404
    assert r.json() == {"error": "ScriptNotFound", "detail": "Không có tin bài số 987654.",
                        "detail_en": "No script 987654."}


def test_list_filters(client, world, session):
    from app.models import Priority, ScriptStatus

    a = create_script(session, world, title="Đại hội XIII của Đảng", topic="thoi-su",
                      status=ScriptStatus.approved)
    b = create_script(session, world, title="Phòng chống sốt xuất huyết", topic="y-te",
                      priority=Priority.priority)
    c = create_script(session, world, title="Lịch cắt điện", topic="thong-bao",
                      air_from=world.today() + timedelta(days=10),
                      air_until=world.today() + timedelta(days=12))
    h = auth(world.users["editor"])

    def ids(**params):
        return sorted(s["id"] for s in client.get("/api/v1/scripts", params=params, headers=h).json())

    assert ids(status="approved") == [a.id]
    assert ids(topic="y-te") == [b.id]
    assert ids(priority="priority") == [b.id]
    assert ids(air_date=str(world.today() + timedelta(days=11))) == [c.id]
    assert ids(q="dai hoi") == [a.id], "search ignores Vietnamese accents"
    assert ids(q="SỐT XUẤT") == [b.id]
    assert ids(q="100%_") == []
    r = client.get("/api/v1/scripts", params={"status": "bogus"}, headers=h)
    assert r.status_code == 422


def test_a_recording_of_another_station_cannot_be_attached(client, world, session, tmp_path):
    from app.recordings import service as recordings
    from tests.fixtures.audio_files import tone_file
    from tests.fixtures.builders import create_station

    other, _ = create_station(session, name="Đài truyền thanh xã khác", areas=("Thôn 1",))
    theirs = recordings.ingest(session, other, tone_file(tmp_path / "x.wav", 2.0), title="Của đài khác",
                               filename="x.wav", is_filler=False, actor=world.users["admin"])
    session.commit()
    r = client.post("/api/v1/scripts", headers=auth(world.users["officer"]),
                    json=script_json(world, recording_id=theirs.id))
    assert r.status_code == 422
    assert "bản ghi âm" in r.json()["detail"]
