"""Who may do what to a script: the role × action matrix of the editorial workflow."""

from datetime import timedelta

import pytest

from app.models import ScriptStatus
from tests.fixtures.builders import auth, create_script

ROLES = ["officer", "editor", "leader", "admin"]


def _new_script_body(world):
    return {"title": "Thông báo lịch cắt nước", "body": "Thưa bà con, ngày 25/01/2024 sẽ cắt nước.",
            "topic": "thong-bao", "air_from": str(world.today()),
            "air_until": str(world.today() + timedelta(days=3))}


@pytest.mark.parametrize(("role", "expected"), list(zip(ROLES, [201, 201, 403, 403], strict=True)))
def test_create(client, world, role, expected):
    r = client.post("/api/v1/scripts", headers=auth(world.users[role]), json=_new_script_body(world))
    assert r.status_code == expected, r.text


@pytest.mark.parametrize("role", ROLES)
def test_every_signed_in_role_reads_scripts(client, world, session, role):
    # approved for every area: what a leader may read too (drafts they may not: tests/test_isolation.py)
    script = create_script(session, world, status=ScriptStatus.approved)
    r = client.get(f"/api/v1/scripts/{script.id}", headers=auth(world.users[role]))
    assert r.status_code == 200
    assert r.json()["title"] == script.title


# (action, starting status, role) → status code; the author is always "officer".
MATRIX = [
    ("submit", ScriptStatus.draft, {"officer": 200, "editor": 403, "leader": 403, "admin": 403}),
    ("approve", ScriptStatus.submitted, {"officer": 403, "editor": 200, "leader": 403, "admin": 403}),
    ("reject", ScriptStatus.submitted, {"officer": 403, "editor": 200, "leader": 403, "admin": 403}),
    ("withdraw", ScriptStatus.approved, {"officer": 403, "editor": 200, "leader": 403, "admin": 403}),
    ("edit", ScriptStatus.draft, {"officer": 200, "editor": 200, "leader": 403, "admin": 403}),
]


@pytest.mark.parametrize(
    ("action", "start", "role", "expected"),
    [(a, s, role, codes[role]) for a, s, codes in MATRIX for role in ROLES],
)
def test_action_matrix(client, world, session, action, start, role, expected):
    script = create_script(session, world, status=start)
    headers = auth(world.users[role])
    if action == "edit":
        r = client.patch(f"/api/v1/scripts/{script.id}", headers=headers,
                         json={"version": script.version, "title": "Tiêu đề mới"})
    elif action == "reject":
        r = client.post(f"/api/v1/scripts/{script.id}/reject", headers=headers,
                        json={"reason": "Thiếu nguồn"})
    else:
        r = client.post(f"/api/v1/scripts/{script.id}/{action}", headers=headers)
    assert r.status_code == expected, r.text
    after = client.get(f"/api/v1/scripts/{script.id}", headers=auth(world.users["officer"])).json()
    if expected == 403:
        assert r.json()["error"] in {"Forbidden", "NotYourScript"}
        assert after.get("status") == start.value, after
        assert after["version"] == script.version


def test_nobody_approves_their_own_script(client, world, session):
    script = create_script(session, world, author="editor", status=ScriptStatus.submitted)
    r = client.post(f"/api/v1/scripts/{script.id}/approve", headers=auth(world.users["editor"]))
    assert r.status_code == 403
    assert r.json()["error"] == "OwnScriptReview"
    ok = client.post(f"/api/v1/scripts/{script.id}/approve", headers=auth(world.users["editor2"]))
    assert ok.status_code == 200
    assert ok.json()["status"] == "approved"


def test_officer_cannot_edit_or_submit_a_colleagues_script(client, world, session):
    script = create_script(session, world, author="officer2")
    headers = auth(world.users["officer"])
    r = client.patch(f"/api/v1/scripts/{script.id}", headers=headers,
                     json={"version": script.version, "body": "Sửa trộm"})
    assert r.status_code == 403
    assert client.post(f"/api/v1/scripts/{script.id}/submit", headers=headers).status_code == 403


def test_unauthenticated_requests_get_401_in_the_error_shape(client, world, session):
    script = create_script(session, world)
    r = client.get(f"/api/v1/scripts/{script.id}")
    assert r.status_code == 401
    assert r.json()["error"] == "NotAuthenticated"
    r = client.get("/api/v1/scripts", headers={"Authorization": "Bearer not-a-token"})
    assert r.status_code == 401
