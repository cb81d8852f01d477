"""An approver sends a submitted bulletin back to its author as a draft, with a reason the author
reads (as a ward's editor sends a script back); the author edits, submits again, and it is approved."""

import pytest
from sqlalchemy import select

from app.models import AuditEvent
from tests.organisations.helpers import bulletin_json
from tests.web.helpers import csrf_of, sign_in


@pytest.fixture
def province(session, world):  # the bulletin tests' province (tests/organisations/helpers.py)
    from tests.organisations.helpers import build_province
    return build_province(session, world)


def _submitted(client, p, author="tinh_vanhoa"):
    bid = client.post("/api/v1/bulletins", headers=p.h(author), json=bulletin_json(p.ward)).json()["id"]
    assert client.post(f"/api/v1/bulletins/{bid}/submit", headers=p.h(author)).status_code == 200
    return bid


def test_an_approver_sends_a_bulletin_back_to_draft_with_a_reason(client, session, province):
    p = province
    bid = _submitted(client, p)
    reason = "Thiếu giờ cụ thể bão vào; bổ sung rồi gửi lại."
    r = client.post(f"/api/v1/bulletins/{bid}/reject", headers=p.h("tinh_lanhdao"), json={"reason": reason})
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "draft"
    assert r.json()["rejection_reason"] == reason
    event = session.scalar(select(AuditEvent).where(AuditEvent.action == "bulletin_reject"))
    assert event.entity_id == bid
    assert event.changes["reason"] == reason
    # a draft cannot be sent back again, nor approved, until its author submits it again
    again = client.post(f"/api/v1/bulletins/{bid}/reject", headers=p.h("tinh_lanhdao"), json={"reason": "x"})
    assert again.status_code == 409
    assert again.json()["detail"].startswith("Không thể trả lại")
    assert client.post(f"/api/v1/bulletins/{bid}/approve", headers=p.h("tinh_lanhdao")).status_code == 409
    # the author sees why on the bulletin's page
    assert sign_in(client, "tinh_vanhoa").status_code == 303
    page = client.get(f"/app/bulletins/{bid}")
    assert "Lý do trả lại" in page.text
    assert reason in page.text
    client.cookies.clear()
    # edited, submitted, approved: the reason is gone
    assert client.patch(f"/api/v1/bulletins/{bid}", headers=p.h("tinh_vanhoa"),
                        json={"body": "Bão vào lúc 14 giờ chiều nay."}).status_code == 200
    assert client.post(f"/api/v1/bulletins/{bid}/submit", headers=p.h("tinh_vanhoa")).status_code == 200
    r = client.post(f"/api/v1/bulletins/{bid}/approve", headers=p.h("tinh_lanhdao"))
    assert r.status_code == 200, r.text
    assert r.json()["rejection_reason"] is None


def test_sending_back_is_refused_without_a_reason_to_the_author_and_to_other_organisations(
        client, province):
    p = province
    bid = _submitted(client, p, author="tinh_bientap")
    blank = client.post(f"/api/v1/bulletins/{bid}/reject", headers=p.h("tinh_lanhdao"), json={"reason": "   "})
    assert blank.status_code == 422
    assert blank.json()["error"]
    assert blank.json()["detail"]
    own = client.post(f"/api/v1/bulletins/{bid}/reject", headers=p.h("tinh_bientap"), json={"reason": "tự trả"})
    assert own.status_code == 403
    assert own.json()["detail"].startswith("Không ai được tự duyệt")
    # an officer drafts, but does not review
    officer = client.post(f"/api/v1/bulletins/{bid}/reject", headers=p.h("tinh_vanhoa"), json={"reason": "x"})
    assert officer.status_code == 403
    # a district's leader does not see the province's bulletin
    assert client.post(f"/api/v1/bulletins/{bid}/reject", headers=p.h("huyen_lanhdao"),
                       json={"reason": "x"}).status_code == 404
    assert client.get(f"/api/v1/bulletins/{bid}", headers=p.h("tinh_lanhdao")).json()["status"] == "submitted"


def test_the_page_sends_a_bulletin_back_and_asks_for_a_reason(client, province):
    p = province
    bid = _submitted(client, p)
    url = f"/app/bulletins/{bid}"
    assert sign_in(client, "tinh_lanhdao").status_code == 303
    page = client.get(url)
    assert f'action="/app/bulletins/{bid}/reject"' in page.text
    r = client.post(f"{url}/reject", data={"reason": " ", "csrf_token": csrf_of(page)}, follow_redirects=False)
    assert r.status_code == 303
    assert "Hãy ghi lý do trả lại" in client.get(url).text
    assert client.get(f"/api/v1/bulletins/{bid}", headers=p.h("tinh_lanhdao")).json()["status"] == "submitted"
    r = client.post(f"{url}/reject", data={"reason": "Sai tên đơn vị ký.", "csrf_token": csrf_of(client.get(url))},
                    follow_redirects=False)
    assert r.status_code == 303
    page = client.get(url)
    assert "Đã trả lại bản tin cho người soạn." in page.text
    assert "Sai tên đơn vị ký." in page.text
    assert client.get(f"/api/v1/bulletins/{bid}", headers=p.h("tinh_lanhdao")).json()["status"] == "draft"
