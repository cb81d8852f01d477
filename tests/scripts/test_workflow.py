from app.models import ScriptStatus
from tests.fixtures.builders import auth, create_script


def test_officer_drafts_submits_editor_approves(client, world):
    officer, editor = world.users["officer"], world.users["editor"]
    created = client.post("/api/v1/scripts", headers=auth(officer), json={
        "title": "Lịch tiêm chủng tháng 01/2024", "body": "Thưa bà con, ngày 25/01/2024 ...",
        "topic": "y-te", "air_from": str(world.today()), "air_until": str(world.today()),
        "slots": ["morning"], "area_ids": [world.areas[1].id], "airings_target": 3,
    })
    assert created.status_code == 201, created.text
    script = created.json()
    assert script["status"] == "draft"
    assert script["slots"] == ["morning"]
    assert script["area_ids"] == [world.areas[1].id]
    submitted = client.post(f"/api/v1/scripts/{script['id']}/submit", headers=auth(officer))
    assert submitted.json()["status"] == "submitted"
    approved = client.post(f"/api/v1/scripts/{script['id']}/approve", headers=auth(editor),
                           json={"priority": "priority"})
    assert approved.status_code == 200, approved.text
    body = approved.json()
    assert body["status"] == "approved"
    assert body["priority"] == "priority", "the editor decides the priority"
    assert body["reviewed_by_id"] == editor.id
    assert body["approved_snapshot"]["title"] == "Lịch tiêm chủng tháng 01/2024"


def test_rejection_reason_reaches_the_author_who_edits_and_resubmits(client, world, session):
    script = create_script(session, world, status=ScriptStatus.submitted)
    editor, officer = auth(world.users["editor"]), auth(world.users["officer"])
    r = client.post(f"/api/v1/scripts/{script.id}/reject", headers=editor,
                    json={"reason": "Cần ghi rõ số và ngày của công văn."})
    assert r.json()["status"] == "rejected"
    mine = client.get("/api/v1/scripts?mine=true&status=rejected", headers=officer).json()
    assert [s["rejection_reason"] for s in mine] == ["Cần ghi rõ số và ngày của công văn."]
    edited = client.patch(f"/api/v1/scripts/{script.id}", headers=officer,
                          json={"version": mine[0]["version"],
                                "source_ref": "Công văn 79/UBND ngày 22/01/2024"})
    assert edited.status_code == 200
    assert edited.json()["status"] == "rejected"
    again = client.post(f"/api/v1/scripts/{script.id}/submit", headers=officer)
    assert again.json()["status"] == "submitted"


def test_reject_needs_a_reason(client, world, session):
    script = create_script(session, world, status=ScriptStatus.submitted)
    for body in ({}, {"reason": ""}, {"reason": "   "}):
        r = client.post(f"/api/v1/scripts/{script.id}/reject", headers=auth(world.users["editor"]), json=body)
        assert r.status_code == 422
        assert r.json()["error"] == "ValidationError"
        assert "reason" in r.json()["detail"]
    assert client.get(f"/api/v1/scripts/{script.id}",
                      headers=auth(world.users["editor"])).json()["status"] == "submitted"


def test_editing_an_approved_script_sends_it_back_for_approval(client, world, session):
    script = create_script(session, world, status=ScriptStatus.approved)
    r = client.patch(f"/api/v1/scripts/{script.id}", headers=auth(world.users["officer"]),
                     json={"version": script.version, "body": "Nội dung đã cập nhật theo chỉ đạo mới."})
    assert r.status_code == 200
    assert r.json()["status"] == "submitted"
    assert r.json()["approved_snapshot"]["body"] != r.json()["body"], "the last approved text is kept"


def test_withdrawn_script_cannot_be_approved_or_edited(client, world, session):
    script = create_script(session, world, status=ScriptStatus.withdrawn)
    r = client.post(f"/api/v1/scripts/{script.id}/approve", headers=auth(world.users["editor"]))
    assert r.status_code == 409
    assert r.json()["error"] == "InvalidTransition"
    r = client.patch(f"/api/v1/scripts/{script.id}", headers=auth(world.users["officer"]),
                     json={"version": script.version, "title": "x"})
    assert r.status_code == 409


def test_stale_version_is_refused_and_changes_nothing(client, world, session):
    script = create_script(session, world)
    officer = auth(world.users["officer"])
    first = client.patch(f"/api/v1/scripts/{script.id}", headers=officer,
                         json={"version": 1, "title": "Bản sửa thứ nhất"})
    assert first.status_code == 200
    assert first.json()["version"] == 2
    stale = client.patch(f"/api/v1/scripts/{script.id}", headers=officer,
                         json={"version": 1, "title": "Bản sửa dựa trên bản cũ"})
    assert stale.status_code == 409
    assert stale.json()["error"] == "StaleVersion"
    now = client.get(f"/api/v1/scripts/{script.id}", headers=officer).json()
    assert now["title"] == "Bản sửa thứ nhất"
    assert now["version"] == 2


def test_every_action_is_in_the_audit_log(client, world, session):
    script = create_script(session, world, status=ScriptStatus.submitted)
    editor = auth(world.users["editor"])
    client.post(f"/api/v1/scripts/{script.id}/approve", headers=editor)
    client.post(f"/api/v1/scripts/{script.id}/withdraw", headers=editor)
    events = client.get(f"/api/v1/audit?entity_type=script&entity_id={script.id}", headers=editor).json()
    assert [e["action"] for e in reversed(events)] == ["create", "submit", "approve", "withdraw"]
    assert [e["actor_name"] for e in reversed(events)] == ["officer", "officer", "editor", "editor"]
    assert events[0]["changes"]["status"] == ["approved", "withdrawn"]
    assert client.get("/api/v1/audit", headers=auth(world.users["leader"])).status_code == 403
    assert client.get("/api/v1/audit", headers=auth(world.users["officer"])).status_code == 403
    # append-only: the API offers no way to change or delete an event
    assert client.delete(f"/api/v1/audit/{events[0]['id']}", headers=editor).status_code in (404, 405)


def test_edit_is_audited_with_what_changed(client, world, session):
    script = create_script(session, world)
    old_title = script.title
    officer = auth(world.users["officer"])
    client.patch(f"/api/v1/scripts/{script.id}", headers=officer,
                 json={"version": 1, "title": "Tiêu đề đã sửa", "topic": "kinh-te"})
    event = client.get(f"/api/v1/audit?action=edit&entity_id={script.id}",
                       headers=auth(world.users["admin"])).json()[0]
    assert event["changes"]["title"] == [old_title, "Tiêu đề đã sửa"]
    assert event["changes"]["topic"] == ["thoi-su", "kinh-te"]
