"""A new password must not be one that a guesser tries first: wherever a password is set."""

from __future__ import annotations

import pytest

from app.auth.exceptions import WeakPassword
from app.auth.passwords import validate_new_password
from app.auth.security import generate_password
from tests.fixtures.builders import PASSWORD, auth
from tests.web.helpers import post_form, sign_in


@pytest.mark.parametrize("common", ["12345678", "matkhau123", "Admin@123", "password1", "anhyeuem", "iloveyou"])
def test_the_commonest_passwords_are_refused_saying_what_to_fix(client, world, common):
    h = auth(world.users["officer"])
    answer = client.post("/api/v1/auth/password", headers=h,
                         json={"current_password": PASSWORD, "new_password": common})
    assert answer.status_code == 422
    assert answer.json()["error"] == "WeakPassword"
    assert "mật khẩu phổ biến" in answer.json()["detail"]
    assert "Hãy chọn mật khẩu khác" in answer.json()["detail"]
    assert client.get("/api/v1/auth/me", headers=h).status_code == 200, "nothing changed"


def test_an_admin_cannot_give_a_common_password_or_the_username_and_digits(client, world):
    h = auth(world.users["admin"])
    common = client.post("/api/v1/users", headers=h, json={
        "username": "vanhoa3", "role": "officer", "station_id": world.station.id, "password": "matkhau@123"})
    assert common.status_code == 422
    assert common.json()["error"] == "WeakPassword"
    own_name = client.post("/api/v1/users", headers=h, json={
        "username": "vanhoa3", "role": "officer", "station_id": world.station.id, "password": "Vanhoa3-2024"})
    assert own_name.status_code == 422
    assert "tên đăng nhập" in own_name.json()["detail"]
    words_and_name = client.post("/api/v1/users", headers=h, json={
        "username": "vanhoa3", "role": "officer", "station_id": world.station.id, "password": "mat-khau-vanhoa3-1"})
    assert words_and_name.status_code == 201
    reset = client.patch(f"/api/v1/users/{world.users['editor'].id}", headers=h, json={"password": "qwerty123"})
    assert reset.status_code == 422


def test_the_admin_page_explains_a_refused_password(client, world):
    sign_in(client, "admin")
    answer = post_form(client, "/app/admin/users/add", {
        "username": "khu3", "full_name": "Bà Tư", "role": "leader", "area_id": str(world.areas[2].id),
        "password": "123456789",
    }, page="/app/admin")
    assert answer.status_code == 422
    assert "mật khẩu phổ biến" in answer.text
    assert 'value="Bà Tư"' in answer.text


def test_generated_passwords_pass_the_policy():
    for _ in range(200):
        validate_new_password(generate_password(), username="vanhoa")
    with pytest.raises(WeakPassword):
        validate_new_password("MATKHAU123")
