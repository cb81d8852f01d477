"""A province or district account reads its wards' work but never does it: every write outside
the routes made for organisations is refused with 403, on the API and on the pages."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.models import ScriptStatus
from tests.fixtures.builders import PASSWORD, auth
from tests.organisations.province import Province
from tests.web.helpers import csrf_of, sign_in


def test_an_organisation_user_cannot_write_to_a_station_route(client: TestClient, session: Session,
                                                              province: Province) -> None:
    editor = auth(province.users["province_editor"])
    approved = province.scripts["approved"]
    station = province.world.station.id
    answer = client.post(f"/api/v1/scripts/{approved.id}/withdraw", headers=editor)
    assert answer.status_code == 403
    body = answer.json()
    assert body["error"] == "Forbidden"
    assert "tỉnh, huyện" in body["detail"]
    assert "station's own work" in body["detail_en"]
    session.refresh(approved)
    assert approved.status == ScriptStatus.approved
    admin = auth(province.users["province_admin"])
    for method, path, json in (
        ("POST", f"/api/v1/stations/{station}/areas", {"name": "Khu của tỉnh"}),
        ("PATCH", f"/api/v1/stations/{station}", {"name": "Đổi tên"}),
        ("POST", "/api/v1/scripts", {"title": "Tin tỉnh", "body": "Nội dung.", "topic": "thoi-su",
                                     "station_id": station, "air_from": str(province.world.today()),
                                     "air_until": str(province.world.today())}),
        ("DELETE", f"/api/v1/slots/{province.world.station.slots[0].id}", None),
        ("POST", "/api/v1/users", {"username": "tinh-moi", "role": "officer", "password": PASSWORD}),
    ):
        answer = client.request(method, path, headers=admin, json=json)
        assert answer.status_code == 403, f"{method} {path}: {answer.status_code}"
    # reading stays open
    assert client.get(f"/api/v1/scripts/{approved.id}", headers=editor).status_code == 200


def test_an_organisation_user_changes_their_own_password(client: TestClient, province: Province) -> None:
    """The one write every account makes: the route declares OrganisationWrites."""
    user = province.users["province_editor"]
    answer = client.post("/api/v1/auth/password", headers=auth(user),
                         json={"current_password": PASSWORD, "new_password": "mot-mat-khau-moi-dai"})
    assert answer.status_code == 204


def test_an_organisation_user_is_refused_a_station_page_form(client: TestClient, province: Province) -> None:
    assert sign_in(client, "tinh-bientap").status_code == 303
    csrf = csrf_of(client.get("/account/password"))
    answer = client.post(f"/app/scripts/{province.scripts['approved'].id}/withdraw",
                         data={"csrf_token": csrf}, follow_redirects=False)
    assert answer.status_code == 403
    assert "tỉnh, huyện" in answer.text
    assert "<html" in answer.text.lower(), "a page, not JSON"


def test_a_station_user_writes_as_before(client: TestClient, province: Province) -> None:
    """The guard is for organisation accounts only: the ward's own editor still works."""
    editor = auth(province.world.users["editor"])
    answer = client.post(f"/api/v1/scripts/{province.scripts['approved'].id}/withdraw", headers=editor)
    assert answer.status_code == 200
    assert answer.json()["status"] == "withdrawn"
