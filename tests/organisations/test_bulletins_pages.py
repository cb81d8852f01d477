"""The pages: a province drafts, approves and sends from "Bản tin gửi xuống" with a station
checklist; a ward's editor accepts or declines in "Bản tin cấp trên"; each sees only their own."""

import pytest
from sqlalchemy import select

from app.models import BulletinDelivery, Script, ScriptStatus
from tests.fixtures.audio_files import tone_file
from tests.web.helpers import csrf_of, sign_in


@pytest.fixture
def province(session, world):  # the bulletin tests' province (tests/organisations/helpers.py)
    from tests.organisations.helpers import build_province
    return build_province(session, world)



def _as(client, username):
    client.cookies.clear()
    assert sign_in(client, username).status_code == 303


def _post(client, url, page, data=None):
    return client.post(url, data={**(data or {}), "csrf_token": csrf_of(client.get(page))}, follow_redirects=False)


def test_province_sends_from_the_pages_and_the_ward_accepts_from_its_inbox(client, session, province):
    world = province.ward
    assert sign_in(client, "tinh_bientap").headers["location"] == "/app/bulletins"
    assert client.get("/app", follow_redirects=False).headers["location"] == "/app/bulletins"
    page = client.get("/app/bulletins")
    assert page.status_code == 200
    assert "Bản tin gửi xuống" in page.text
    r = _post(client, "/app/bulletins", "/app/bulletins", {
        "title": "Lịch tiêm phòng dại", "body": "Thưa bà con, ngày 5 có tiêm phòng dại cho chó mèo.",
        "level": "normal", "air_from": str(world.today()), "air_until": str(world.today()),
        "airings_target": "1"})
    assert r.status_code == 303, r.text
    url = r.headers["location"]
    # a blank title is shown on the form, nothing saved
    r = _post(client, "/app/bulletins", "/app/bulletins", {"title": "", "body": "x", "level": "normal",
                                                           "air_from": str(world.today()),
                                                           "air_until": str(world.today())})
    assert r.status_code == 422
    assert "Không được để trống" in r.text
    assert _post(client, f"{url}/submit", url).status_code == 303

    _as(client, "tinh_lanhdao")
    assert _post(client, f"{url}/approve", url).status_code == 303
    page = client.get(url)
    assert "Đài truyền thanh phường Hồng Hải" in page.text  # the checklist: the stations under the province
    assert "xã ngoài tỉnh" not in page.text
    r = _post(client, f"{url}/send", url, {"station_ids": [str(world.station.id)],
                                           f"areas_{world.station.id}": [str(world.areas[0].id)],
                                           "level": "normal", "air_from": str(world.today()),
                                           "air_until": str(world.today())})
    assert r.status_code == 303
    page = client.get(url)
    assert "Đã gửi" in page.text
    assert "Đã nhận, chờ đài quyết định" in page.text
    delivery = session.scalar(select(BulletinDelivery))
    assert delivery.area_ids == [world.areas[0].id]

    # ward B's editor has nothing in its inbox and cannot decide ward A's delivery
    _as(client, "hh_bientap")
    assert "Lịch tiêm phòng dại" not in client.get("/app/inbox").text
    assert _post(client, f"/app/inbox/{delivery.id}/accept", "/app/inbox").status_code == 404
    assert client.get(url).status_code == 403  # a ward's account has no organisation pages

    _as(client, "editor")
    inbox = client.get("/app/inbox")
    assert "Bản tin cấp trên" in inbox.text
    assert "Lịch tiêm phòng dại" in inbox.text
    assert "Tỉnh Quảng Ninh" in inbox.text
    r = _post(client, f"/app/inbox/{delivery.id}/decline", "/app/inbox", {"reason": " "})
    assert r.status_code == 303
    assert "lý do" in client.get("/app/inbox").text
    assert _post(client, f"/app/inbox/{delivery.id}/accept", "/app/inbox").status_code == 303
    session.refresh(delivery)
    assert delivery.state.value == "accepted"
    assert session.get(Script, delivery.script_id).status == ScriptStatus.approved

    _as(client, "tinh_bientap")
    assert "Đài đã nhận phát" in client.get(url).text  # not planned yet: the debounced re-plan has not run


def test_the_province_attaches_a_recording_from_the_page_and_hears_it(client, province, tmp_path):
    world = province.ward
    _as(client, "tinh_bientap")
    r = _post(client, "/app/bulletins", "/app/bulletins", {
        "title": "Thông báo có ghi âm", "body": "Nội dung.", "level": "normal",
        "air_from": str(world.today()), "air_until": str(world.today())})
    url = r.headers["location"]
    with tone_file(tmp_path / "tone.wav", 2.0).open("rb") as fh:
        r = client.post(f"{url}/recordings", data={"csrf_token": csrf_of(client.get(url))},
                        files={"file": ("tone.wav", fh, "audio/wav")}, follow_redirects=False)
    assert r.status_code == 303
    page = client.get(url)
    assert "tone.wav" in page.text
    assert f'src="{url}/recording"' in page.text
    assert client.get(f"{url}/recording").headers["content-type"] == "audio/wav"


def test_the_inbox_says_a_priority_bulletin_was_taken_without_a_click(client, province):
    from tests.organisations.helpers import approved_bulletin

    world = province.ward
    bulletin = approved_bulletin(client, province, level="priority", title="Tin ưu tiên: lịch cắt nước")
    r = client.post(f"/api/v1/bulletins/{bulletin['id']}/send", headers=province.h("tinh_bientap"),
                    json={"stations": [{"station_id": world.station.id}]})
    assert r.status_code == 200, r.text
    _as(client, "editor")
    inbox = client.get("/app/inbox").text
    card = inbox[inbox.index("Tin ưu tiên: lịch cắt nước"):]
    card = card[:card.index("</li>")]
    assert "tự động đưa lên đầu chương trình kế tiếp" in card
    assert "Đài đã nhận phát" not in card  # the ward did not accept it: the level did
    assert "/accept" not in card
