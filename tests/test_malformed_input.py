"""Malformed input of every kind gets a 4xx in the error shape that says what to fix, never a 500.

Each case once answered 500 (on SQLite, PostgreSQL or both): values the database cannot hold
(ids past 2^31 or 2^63, NUL bytes), numbers Python will not parse, null where a value must be."""

from __future__ import annotations

import pytest

from tests.fixtures.audio_files import tone_file
from tests.fixtures.builders import auth, create_script, script_json

HUGE = (2**31, 2**63, 10**40)



def _refused(r, field: str | None = None) -> None:
    assert r.status_code == 422, r.text
    body = r.json()
    assert set(body) >= {"error", "detail"}
    if field:
        assert field in body["detail"]


@pytest.mark.parametrize("big", HUGE)
def test_ids_past_what_the_database_holds_are_refused_in_paths_and_queries(client, world, big):
    admin = auth(world.users["admin"])
    for url in (f"/api/v1/scripts/{big}", f"/api/v1/stations/{big}/abbreviations",
                f"/api/v1/programmes/{big}", f"/api/v1/users/{big}"):
        _refused(client.get(url, headers=admin))
    _refused(client.get("/api/v1/scripts", params={"offset": big}, headers=admin), "offset")
    _refused(client.get("/api/v1/audit", params={"entity_id": big}, headers=admin), "entity_id")


@pytest.mark.parametrize("big", HUGE)
def test_ids_past_what_the_database_holds_are_refused_in_bodies(client, world, session, big):
    officer = auth(world.users["officer"])
    _refused(client.post("/api/v1/scripts", headers=officer, json=script_json(world, area_ids=[big])), "area_ids")
    script = create_script(session, world)
    _refused(client.patch(f"/api/v1/scripts/{script.id}", headers=officer,
                          json={"version": big, "title": "Mới"}), "version")


def test_a_number_of_thousands_of_digits_is_refused_clearly(client, world):
    r = client.post("/api/v1/scripts", headers={**auth(world.users["officer"]), "Content-Type": "application/json"},
                    content=b'{"title": "x", "airings_target": ' + b"7" * 5000 + b"}")
    _refused(r)
    assert r.json()["error"] == "ValueOutOfRange"


def test_tens_of_thousands_of_area_ids_are_refused(client, world):
    r = client.post("/api/v1/scripts", headers=auth(world.users["officer"]),
                    json=script_json(world, area_ids=list(range(1, 65_538))))
    _refused(r, "area_ids")


@pytest.mark.parametrize("field", ["role", "is_active", "full_name"])
def test_null_for_a_required_value_is_refused_and_the_user_unchanged(client, world, field):
    admin = auth(world.users["admin"])
    officer = world.users["officer"]
    r = client.patch(f"/api/v1/users/{officer.id}", headers=admin, json={field: None})
    _refused(r, field)
    assert "null" in r.json()["detail"]
    assert client.get(f"/api/v1/users/{officer.id}", headers=admin).json()["role"] == "officer"


def test_a_number_is_not_taken_for_true_or_false(client, world):
    officer = world.users["officer"]
    r = client.patch(f"/api/v1/users/{officer.id}", headers=auth(world.users["admin"]), json={"is_active": 0})
    _refused(r, "is_active")
    assert client.get("/api/v1/auth/me", headers=auth(officer)).status_code == 200


@pytest.mark.parametrize("start", ["06:30:00Z", "06:30+07:00", "6h30", "25:00"])
def test_a_slot_time_is_a_local_time_without_a_zone(client, world, start):
    r = client.post(f"/api/v1/stations/{world.station.id}/slots", headers=auth(world.users["admin"]),
                    json={"name": "trua", "start_time": start})
    _refused(r, "start_time")
    assert "HH:MM" in r.json()["detail"]


@pytest.mark.parametrize("text", ["Tin\x00bài", "Tin\x1bbài", "Tin\x7fbài"])
def test_control_characters_in_text_are_refused_and_named(client, world, text):
    officer = auth(world.users["officer"])
    r = client.post("/api/v1/scripts", headers=officer, json=script_json(world, title=text))
    _refused(r, "title")
    assert "ký tự điều khiển" in r.json()["detail"]
    _refused(client.get("/api/v1/scripts", params={"q": text}, headers=officer), "q")
    _refused(client.post(f"/api/v1/stations/{world.station.id}/areas", headers=auth(world.users["admin"]),
                         json={"name": text}), "name")


def test_a_script_body_keeps_its_lines_and_tabs(client, world):
    r = client.post("/api/v1/scripts", headers=auth(world.users["officer"]),
                    json=script_json(world, body="Dòng một\r\n\tDòng hai"))
    assert r.status_code == 201, r.text
    assert r.json()["body"] == "Dòng một\r\n\tDòng hai"


@pytest.mark.usefixtures("world")
def test_a_nul_in_a_sign_in_is_a_failed_sign_in(client):
    r = client.post("/api/v1/auth/token", data={"username": "officer\x00", "password": "x\x00"})
    assert r.status_code == 401, r.text


def test_an_uploaded_file_name_with_nul_is_kept_cleaned(client, world, tmp_path):
    wav = tone_file(tmp_path / "tone.wav", 1.5).read_bytes()
    # written by hand: httpx would escape the NUL bytes that a hostile client sends as they are
    body = (b'--b\r\nContent-Disposition: form-data; name="title"\r\n\r\nNh\xe1\xba\xa1c n\xe1\xbb\x81n\r\n'
            b'--b\r\nContent-Disposition: form-data; name="file"; filename="a\x00b/../thu\x00am.wav"\r\n'
            b"Content-Type: audio/wav\r\n\r\n" + wav + b"\r\n--b--\r\n")
    r = client.post(f"/api/v1/stations/{world.station.id}/recordings", content=body,
                    headers={**auth(world.users["officer"]), "Content-Type": "multipart/form-data; boundary=b"})
    assert r.status_code == 201, r.text
    assert r.json()["filename"] == "thu am.wav"


@pytest.mark.parametrize("value", ["0", "0.5", "1700000000"])
def test_a_number_is_not_taken_for_a_date(client, world, value):
    editor = auth(world.users["editor"])
    _refused(client.get("/api/v1/scripts", params={"air_date": value}, headers=editor), "air_date")
    _refused(client.get("/api/v1/audit", params={"since": value}, headers=editor), "since")
    _refused(client.post("/api/v1/scripts", headers=auth(world.users["officer"]),
                         json=script_json(world, air_from=int(float(value)))), "air_from")


def test_an_admin_cannot_lock_themselves_out(client, world):
    admin = world.users["admin"]
    for change in ({"is_active": False}, {"role": "editor"}):
        r = client.patch(f"/api/v1/users/{admin.id}", headers=auth(admin), json=change)
        assert r.status_code == 409, r.text
        assert r.json()["error"] == "CannotLockOutYourself"
    assert client.get("/api/v1/auth/me", headers=auth(admin)).json()["role"] == "admin"


def test_an_abbreviation_the_station_cannot_keep_is_refused_by_its_schema(client, world):
    r = client.patch(f"/api/v1/stations/{world.station.id}/abbreviations", headers=auth(world.users["admin"]),
                     json={"entries": {"U\u00a0B": "u bê", "UBND": "ủy ban"}})
    _refused(r, "entries")


def test_true_or_false_is_not_taken_for_a_station_setting(client, world):
    from tests.fixtures.builders import auth

    admin = auth(world.users["admin"])
    for field in ("speech_pitch", "speech_rate", "audio_bitrate_kbps"):
        r = client.patch(f"/api/v1/stations/{world.station.id}", headers=admin, json={field: False})
        assert r.status_code == 422, (field, r.text)
        assert field in r.json()["detail"]
    r = client.patch(f"/api/v1/stations/{world.station.id}", headers=admin, json={"speech_pitch": 40})
    assert r.status_code == 200
    assert r.json()["speech_pitch"] == 40
def test_true_or_false_is_no_number_in_any_body(client, world):
    admin = auth(world.users["admin"])
    r = client.patch(f"/api/v1/stations/{world.station.id}", headers=admin, json={"speech_pitch": True})
    _refused(r, "speech_pitch")
    r = client.post("/api/v1/scripts", headers=auth(world.users["officer"]),
                    json=script_json(world, airings_target=True))
    _refused(r, "airings_target")
