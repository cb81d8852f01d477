"""Who sees and does what: a ward sees only its own deliveries, a district only its own bulletins,
a province sends only to the stations under it; bad input is refused with a clear 4xx."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.models import BulletinDelivery
from tests.fixtures.builders import auth
from tests.organisations.helpers import approved_bulletin, bulletin_json


@pytest.fixture
def province(session, world):  # the bulletin tests' province (tests/organisations/helpers.py)
    from tests.organisations.helpers import build_province
    return build_province(session, world)



def _sent_to_ward_a(client, p):
    bulletin = approved_bulletin(client, p)
    r = client.post(f"/api/v1/bulletins/{bulletin['id']}/send", headers=p.h("tinh_bientap"),
                    json={"stations": [{"station_id": p.ward.station.id}]})
    assert r.status_code == 200, r.text
    return bulletin, r.json()[0]["delivery_id"]


def test_a_ward_cannot_see_or_decide_another_wards_delivery(client, province):
    p = province
    _bulletin, delivery = _sent_to_ward_a(client, p)
    other = p.h("b_editor")
    assert client.get(f"/api/v1/inbox/{delivery}", headers=other).status_code == 404
    assert client.post(f"/api/v1/inbox/{delivery}/accept", headers=other).status_code == 404
    assert client.post(f"/api/v1/inbox/{delivery}/decline", headers=other, json={"reason": "Không"}).status_code == 404
    assert client.get(f"/api/v1/stations/{p.ward.station.id}/inbox", headers=other).status_code == 404
    assert client.get(f"/api/v1/stations/{p.ward_b.id}/inbox", headers=other).json() == []
    # the ward's own staff read it; only its editor decides; a leader does not see it
    assert client.get(f"/api/v1/inbox/{delivery}", headers=auth(p.ward.users["officer"])).status_code == 200
    assert client.post(f"/api/v1/inbox/{delivery}/accept", headers=auth(p.ward.users["officer"])).status_code == 403
    assert client.get(f"/api/v1/inbox/{delivery}", headers=auth(p.ward.users["leader"])).status_code == 404
    # a ward's account reads no bulletin of the province and writes none
    assert client.get("/api/v1/bulletins", headers=auth(p.ward.users["editor"])).json() == []
    r = client.post("/api/v1/bulletins", headers=auth(p.ward.users["editor"]), json=bulletin_json(p.ward))
    assert r.status_code == 403


def test_a_district_sees_its_own_bulletins_and_the_province_sees_the_districts(client, province):
    p = province
    province_bulletin = approved_bulletin(client, p)
    district_bulletin = approved_bulletin(client, p, author="huyen_bientap", approver="huyen_lanhdao",
                                          title="Lịch tiêm chủng của thành phố")
    assert client.get(f"/api/v1/bulletins/{province_bulletin['id']}", headers=p.h("huyen_bientap")).status_code == 404
    assert [b["id"] for b in client.get("/api/v1/bulletins", headers=p.h("huyen_bientap")).json()] == [
        district_bulletin["id"]]
    seen = {b["id"] for b in client.get("/api/v1/bulletins", headers=p.h("tinh_bientap")).json()}
    assert seen == {province_bulletin["id"], district_bulletin["id"]}
    # the district sends to its own ward, never to a ward directly under the province
    r = client.post(f"/api/v1/bulletins/{district_bulletin['id']}/send", headers=p.h("huyen_bientap"),
                    json={"stations": [{"station_id": p.ward_b.id}]})
    assert r.status_code == 422
    assert r.json()["error"] == "StationsOutsideOrganisation"
    r = client.post(f"/api/v1/bulletins/{district_bulletin['id']}/send", headers=p.h("huyen_bientap"),
                    json={"stations": [{"station_id": p.ward.station.id}]})
    assert r.status_code == 200, r.text


def test_sending_to_a_station_outside_the_province_is_refused_and_sends_nothing(client, session, province):
    p = province
    bulletin = approved_bulletin(client, p)
    r = client.post(f"/api/v1/bulletins/{bulletin['id']}/send", headers=p.h("tinh_bientap"), json={
        "stations": [{"station_id": p.ward.station.id}, {"station_id": p.outside.id}]})
    assert r.status_code == 422
    assert str(p.outside.id) in r.json()["detail"]
    assert "không thuộc" in r.json()["detail"]
    assert session.scalar(select(func.count()).select_from(BulletinDelivery)) == 0
    assert client.get(f"/api/v1/bulletins/{bulletin['id']}", headers=p.h("tinh_bientap")).json()["status"] == "approved"
    assert client.get(f"/api/v1/stations/{p.outside.id}/inbox", headers=p.h("outside_editor")).json() == []


def test_bad_input_is_refused_with_a_clear_4xx(client, province):
    p = province
    h = p.h("tinh_bientap")
    today = p.ward.today()
    for bad in ({"air_until": str(today - timedelta(days=1))}, {"title": "   "}, {"level": "urgent"},
                {"air_from": "2026-02-30"}, {"airings_target": 0}):
        r = client.post("/api/v1/bulletins", headers=h, json=bulletin_json(p.ward, **bad))
        assert r.status_code == 422, bad
        assert r.json()["detail"]
    # a draft is not sent; an unknown station or an area of another station is refused
    draft = client.post("/api/v1/bulletins", headers=h, json=bulletin_json(p.ward)).json()
    r = client.post(f"/api/v1/bulletins/{draft['id']}/send", headers=h,
                    json={"stations": [{"station_id": p.ward.station.id}]})
    assert r.status_code == 409
    assert "bản nháp" in r.json()["detail"]
    bulletin = approved_bulletin(client, p)
    send = f"/api/v1/bulletins/{bulletin['id']}/send"
    for bad in ({"stations": []}, {"stations": [{"station_id": 999999}]},
                {"stations": [{"station_id": p.ward.station.id, "area_ids": [p.areas_b[0].id]}]},
                {"stations": [{"station_id": p.ward.station.id}, {"station_id": p.ward.station.id}]},
                {"stations": [{"station_id": "x"}]}):
        r = client.post(send, headers=h, json=bad)
        assert r.status_code == 422, bad
    # an officer of the province drafts but neither approves nor sends
    assert client.post("/api/v1/bulletins", headers=p.h("tinh_vanhoa"), json=bulletin_json(p.ward)).status_code == 201
    assert client.post(send, headers=p.h("tinh_vanhoa"),
                       json={"stations": [{"station_id": p.ward.station.id}]}).status_code == 403
    assert client.get("/api/v1/bulletins/999999", headers=h).status_code == 404


def test_editing_an_approved_bulletin_needs_a_new_approval_and_a_sent_one_cannot_change(client, province):
    p = province
    bulletin = approved_bulletin(client, p)
    url = f"/api/v1/bulletins/{bulletin['id']}"
    r = client.patch(url, headers=p.h("tinh_vanhoa"), json={"title": "Phòng chống bão số 3 (cập nhật)"})
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "submitted"
    assert r.json()["approved_by_id"] is None
    send = {"stations": [{"station_id": p.ward.station.id}]}
    assert client.post(f"{url}/send", headers=p.h("tinh_bientap"), json=send).status_code == 409
    assert client.post(f"{url}/approve", headers=p.h("tinh_lanhdao")).status_code == 200
    assert client.post(f"{url}/send", headers=p.h("tinh_bientap"), json=send).status_code == 200
    r = client.patch(url, headers=p.h("tinh_bientap"), json={"title": "Đổi sau khi gửi"})
    assert r.status_code == 409
    assert client.post(f"{url}/send", headers=p.h("tinh_bientap"), json=send).status_code == 409
    inbox = client.get(f"/api/v1/stations/{p.ward.station.id}/inbox", headers=auth(p.ward.users["editor"])).json()
    assert [i["title"] for i in inbox] == ["Phòng chống bão số 3 (cập nhật)"]
