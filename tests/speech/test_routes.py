from tests.fixtures.builders import auth


def test_spoken_form_uses_the_station_abbreviations(client, world):
    admin, officer = auth(world.users["admin"]), auth(world.users["officer"])
    text = "Lễ ra mắt CLB dân vũ của KDC số 3 vào 19h30 ngày 10/02."
    before = client.post("/api/v1/speech/spoken", headers=officer, json={"text": text}).json()["spoken"]
    assert "mười chín giờ ba mươi phút" in before
    r = client.patch(f"/api/v1/stations/{world.station.id}/abbreviations", headers=admin,
                     json={"entries": {"KDC": "khu dân cư"}})
    assert r.status_code == 200
    assert r.json()["entries"]["KDC"] == "khu dân cư"
    after = client.post("/api/v1/speech/spoken", headers=officer, json={"text": text}).json()["spoken"]
    assert "khu dân cư số ba" in after


def test_only_admins_change_abbreviations_and_bad_keys_are_explained(client, world):
    url = f"/api/v1/stations/{world.station.id}/abbreviations"
    assert client.patch(url, headers=auth(world.users["officer"]),
                        json={"entries": {"X": "y"}}).status_code == 403
    bad = client.patch(url, headers=auth(world.users["admin"]), json={"entries": {"HAI TU": "x"}})
    assert bad.status_code == 422
    assert "khoảng trắng" in bad.json()["detail"]
    listed = client.get(url, headers=auth(world.users["leader"])).json()["entries"]
    assert listed["UBND"] == "ủy ban nhân dân"
    assert "HAI TU" not in listed


def test_listen_refuses_a_text_longer_than_a_passage_and_says_the_limit(client, world):
    officer = auth(world.users["officer"])
    r = client.post("/api/v1/speech/listen", headers=officer, json={"text": "1" * 10_000})
    assert r.status_code == 422
    body = r.json()
    assert body["error"] == "ListenTooLong"
    assert "tối đa 2.000 ký tự" in body["detail"]
    assert "10.000 ký tự" in body["detail"]
    assert "at most 2,000 characters" in body["detail_en"]
    just_over = client.post("/api/v1/speech/listen", headers=officer, json={"text": "a" * 2_001})
    assert just_over.status_code == 422
    # Reading the same long text as words (no synthesis) is still answered.
    spoken = client.post("/api/v1/speech/spoken", headers=officer, json={"text": "1" * 10_000})
    assert spoken.status_code == 200
