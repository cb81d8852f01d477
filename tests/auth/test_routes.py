import pytest

from app.config import get_settings
from tests.fixtures.builders import PASSWORD, auth


def _login(client, username, password):
    return client.post("/api/v1/auth/token", data={"username": username, "password": password})


@pytest.mark.usefixtures("world")
def test_sign_in_and_use_the_token(client):
    r = _login(client, "officer", PASSWORD)
    assert r.status_code == 200
    token = r.json()["access_token"]
    me = client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"})
    assert me.json()["username"] == "officer"
    assert me.json()["role"] == "officer"


@pytest.mark.usefixtures("world")
def test_wrong_password_and_unknown_user_look_the_same(client):
    wrong = _login(client, "officer", "sai-mat-khau")
    unknown = _login(client, "nobody", "sai-mat-khau")
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()
    assert wrong.json()["error"] == "InvalidCredentials"


def test_repeated_failures_are_rate_limited_and_audited(client, world):
    limit = get_settings().login_attempts_per_window
    for _ in range(limit):
        assert _login(client, "editor", "doan-mo").status_code == 401
    blocked = _login(client, "editor", PASSWORD)
    assert blocked.status_code == 429, "even the right password waits out the window"
    assert "thử lại sau" in blocked.json()["detail"]
    events = client.get("/api/v1/audit?action=login_failed", headers=auth(world.users["admin"])).json()
    assert len(events) == limit
    assert {e["actor_name"] for e in events} == {"editor"}
    # another user from another address is not blocked by someone else's failures
    assert _login(client, "officer", PASSWORD).status_code in (200, 429)


def test_change_password(client, world):
    h = auth(world.users["leader"])
    r = client.post("/api/v1/auth/password", headers=h,
                    json={"current_password": PASSWORD, "new_password": "mat-khau-moi-2024"})
    assert r.status_code == 204
    fresh = _login(client, "leader", "mat-khau-moi-2024")
    assert fresh.status_code == 200
    h = {"Authorization": f"Bearer {fresh.json()['access_token']}"}
    short = client.post("/api/v1/auth/password", headers=h,
                        json={"current_password": "mat-khau-moi-2024", "new_password": "ngan"})
    assert short.status_code == 422
    assert _login(client, "leader", "mat-khau-moi-2024").status_code == 200
