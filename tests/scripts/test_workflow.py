from tests.fixtures.builders import auth


def test_officer_drafts_submits_editor_approves(client, world):
    officer, editor = world.users["officer"], world.users["editor"]
    created = client.post("/api/v1/scripts", headers=auth(officer), json={
        "title": "Lịch tiêm chủng tháng 01/2024", "body": "Thưa bà con, ngày 25/01/2024 ...",
        "topic": "y-te", "air_from": str(world.today()), "air_until": str(world.today()),
    })
    assert created.status_code == 201, created.text
    script = created.json()
    assert script["status"] == "draft"
    submitted = client.post(f"/api/v1/scripts/{script['id']}/submit", headers=auth(officer))
    assert submitted.json()["status"] == "submitted"
    approved = client.post(f"/api/v1/scripts/{script['id']}/approve", headers=auth(editor))
    assert approved.status_code == 200, approved.text
    assert approved.json()["status"] == "approved"
    assert approved.json()["reviewed_by_id"] == editor.id
