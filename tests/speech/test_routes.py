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
