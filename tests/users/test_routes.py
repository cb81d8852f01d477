from tests.fixtures.builders import auth


def test_admin_creates_users_and_a_password_is_generated_once(client, world):
    h = auth(world.users["admin"])
    r = client.post("/api/v1/users", headers=h, json={"username": "vanhoa2", "role": "officer",
                                                      "station_id": world.station.id})
    assert r.status_code == 201
    password = r.json()["password"]
    assert len(password) >= 12
    login = client.post("/api/v1/auth/token", data={"username": "vanhoa2", "password": password})
    assert login.status_code == 200
    assert "password" not in client.get(f"/api/v1/users/{r.json()['id']}", headers=h).json()


def test_duplicate_username_is_409_and_the_first_user_is_kept(client, world):
    h = auth(world.users["admin"])
    r = client.post("/api/v1/users", headers=h, json={"username": "officer", "role": "admin"})
    assert r.status_code == 409
    assert "officer" in r.json()["detail"]
    me = client.get("/api/v1/auth/me", headers=auth(world.users["officer"])).json()
    assert me["role"] == "officer"


def test_leader_needs_an_area_and_bad_usernames_are_explained(client, world):
    h = auth(world.users["admin"])
    r = client.post("/api/v1/users", headers=h, json={"username": "khu9", "role": "leader"})
    assert r.status_code == 422
    assert r.json()["error"] == "LeaderNeedsArea"
    r = client.post("/api/v1/users", headers=h, json={"username": "Tên Có Dấu", "role": "officer"})
    assert r.status_code == 422
    assert "username" in r.json()["detail"]


def test_only_admins_manage_users(client, world):
    for role in ("officer", "editor", "leader"):
        assert client.get("/api/v1/users", headers=auth(world.users[role])).status_code == 403


def test_deactivated_user_cannot_use_an_old_token(client, world):
    h = auth(world.users["admin"])
    officer = world.users["officer"]
    old = auth(officer)
    r = client.patch(f"/api/v1/users/{officer.id}", headers=h, json={"is_active": False})
    assert r.status_code == 200
    assert client.get("/api/v1/auth/me", headers=old).status_code == 401
