"""A sign-in ends with its reason: a password change or reset, a role change, deactivation,
and (for a browser) signing out. What a thief copied stops working then too."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.fixtures.builders import PASSWORD, auth
from tests.web.helpers import post_form, sign_in

NEW_PASSWORD = "ca-phe-sua-da-buoi-sang"


def _token(client, username, password=PASSWORD):
    answer = client.post("/api/v1/auth/token", data={"username": username, "password": password})
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


def _me(client, headers):
    return client.get("/api/v1/auth/me", headers=headers)


def _landing(client, path="/app/scripts"):
    """Where the browser lands: the page itself, or the sign-in page."""
    answer = client.get(path, follow_redirects=False)
    return path if answer.status_code == 200 else answer.headers["location"]


def _second_browser(client, cookie):
    other = TestClient(client.app)
    other.cookies.set("loa_session", cookie)
    return other


@pytest.mark.usefixtures("world")
def test_a_token_stops_working_when_its_owner_changes_the_password(client):
    old = _token(client, "officer")
    changed = client.post("/api/v1/auth/password", headers=old,
                          json={"current_password": PASSWORD, "new_password": NEW_PASSWORD})
    assert changed.status_code == 204
    refused = _me(client, old)
    assert refused.status_code == 401
    assert "đăng nhập lại" in refused.json()["detail"]
    assert _me(client, _token(client, "officer", NEW_PASSWORD)).json()["username"] == "officer"


def test_an_admin_reset_ends_the_users_tokens(client, world):
    old = _token(client, "editor")
    reset = client.patch(f"/api/v1/users/{world.users['editor'].id}", headers=auth(world.users["admin"]),
                         json={"password": NEW_PASSWORD})
    assert reset.status_code == 200
    assert _me(client, old).status_code == 401
    assert _me(client, _token(client, "editor", NEW_PASSWORD)).status_code == 200


def test_reactivating_a_user_does_not_revive_old_tokens(client, world):
    admin = auth(world.users["admin"])
    user_url = f"/api/v1/users/{world.users['officer'].id}"
    old = _token(client, "officer")
    assert client.patch(user_url, headers=admin, json={"is_active": False}).status_code == 200
    assert client.patch(user_url, headers=admin, json={"is_active": True}).status_code == 200
    assert _me(client, old).status_code == 401
    assert _me(client, _token(client, "officer")).status_code == 200


def test_a_role_change_ends_the_old_sign_ins_but_a_name_change_does_not(client, world):
    admin = auth(world.users["admin"])
    user_url = f"/api/v1/users/{world.users['officer2'].id}"
    old = _token(client, "officer2")
    assert client.patch(user_url, headers=admin, json={"full_name": "Nguyễn Văn A"}).status_code == 200
    assert _me(client, old).status_code == 200
    assert client.patch(user_url, headers=admin, json={"role": "editor"}).status_code == 200
    assert _me(client, old).status_code == 401
    assert _me(client, _token(client, "officer2")).json()["role"] == "editor"


@pytest.mark.usefixtures("world")
def test_a_copied_session_cookie_stops_working_after_sign_out(client):
    sign_in(client, "officer")
    copied = client.cookies.get("loa_session")
    with _second_browser(client, copied) as thief:
        assert _landing(thief) == "/app/scripts", "the copy works while the owner is signed in"
        post_form(client, "/logout", {})
        assert _landing(client).startswith("/login")
        assert _landing(thief).startswith("/login?next=")


@pytest.mark.usefixtures("world")
def test_signing_out_one_browser_keeps_the_other_signed_in(client):
    with TestClient(client.app) as phone:
        sign_in(phone, "officer")
        sign_in(client, "officer")
        post_form(client, "/logout", {})
        assert _landing(client).startswith("/login")
        assert _landing(phone) == "/app/scripts"


def test_a_password_reset_or_deactivation_signs_the_browser_out(client, world):
    sign_in(client, "leader")
    assert _landing(client, "/app/area") == "/app/area"
    admin = auth(world.users["admin"])
    client.patch(f"/api/v1/users/{world.users['leader'].id}", headers=admin, json={"password": NEW_PASSWORD})
    assert _landing(client, "/app/area").startswith("/login")
    sign_in(client, "leader", NEW_PASSWORD)
    assert _landing(client, "/app/area") == "/app/area"
    client.patch(f"/api/v1/users/{world.users['leader'].id}", headers=admin, json={"is_active": False})
    client.patch(f"/api/v1/users/{world.users['leader'].id}", headers=admin, json={"is_active": True})
    assert _landing(client, "/app/area").startswith("/login")


@pytest.mark.usefixtures("world")
def test_changing_ones_own_password_keeps_this_browser_and_ends_the_others(client):
    with TestClient(client.app) as laptop:
        sign_in(laptop, "editor")
        sign_in(client, "editor")
        changed = post_form(client, "/account/password", {
            "current_password": PASSWORD, "new_password": NEW_PASSWORD, "new_password_again": NEW_PASSWORD,
        })
        assert changed.status_code == 303
        assert _landing(client, "/app/review") == "/app/review"
        assert _landing(laptop, "/app/review").startswith("/login")
