"""The abbreviations page: editors and admins add, change and remove the station's own; officers read."""

from __future__ import annotations

import html

import pytest
from sqlalchemy import select

from app.models import AuditEvent, Station
from tests.web.helpers import csrf_of, post_form, sign_in, tokens_of

PAGE = "/app/abbreviations"


def _own(session, world) -> dict[str, str]:
    session.expire_all()
    return dict(session.get(Station, world.station.id).abbreviations or {})


def _save(client, key: str, reading: str, *, mode: str = "add"):
    return post_form(client, PAGE, {"key": key, "reading": reading, "mode": mode}, page=PAGE)


def test_editor_adds_an_abbreviation_and_sees_it_in_the_list(client, session, world):
    sign_in(client, "editor")
    page = client.get(PAGE)
    assert page.status_code == 200
    assert 'href="/app/abbreviations"' in page.text  # in the navigation
    assert "an toàn thực phẩm" in page.text  # the built-in list (ATTP, among its first hundred)
    saved = _save(client, "BQLCC", "ban quản lý chung cư")
    assert saved.status_code == 303
    assert _own(session, world) == {"BQLCC": "ban quản lý chung cư"}
    shown = client.get(saved.headers["location"]).text
    assert "Đã lưu chữ viết tắt “BQLCC”" in shown
    assert '<span class="abbr-key">BQLCC</span> → <span class="abbr-reading">ban quản lý chung cư</span>' in shown
    event = session.scalars(select(AuditEvent).where(AuditEvent.station_id == world.station.id)
                            .order_by(AuditEvent.id.desc())).first()
    assert event.actor_name == "editor"
    assert event.changes["abbreviations"] == {"BQLCC": "ban quản lý chung cư"}
    assert event.changes["before"] == {"BQLCC": None}


def test_admin_overrides_a_built_in_reading_then_restores_it(client, session, world):
    sign_in(client, "admin")
    form = client.get(PAGE, params={"key": "BCH"}).text
    assert 'value="ban chấp hành"' in html.unescape(form) or "ban chấp hành" in form
    assert _save(client, "BCH", "ban chỉ huy").status_code == 303
    page = client.get(PAGE, params={"q": "BCH"}).text
    assert "có sẵn: ban chấp hành / ban chỉ huy" in page  # which built-in reading it overrides
    assert "Khôi phục cách đọc có sẵn" in page
    edit = client.get(PAGE, params={"edit": "BCH"}).text
    assert "Sửa cách đọc “BCH”" in edit
    assert "readonly" in edit
    assert _save(client, "BCH", "ban chỉ huy quân sự", mode="edit").status_code == 303
    assert _own(session, world) == {"BCH": "ban chỉ huy quân sự"}
    restored = post_form(client, f"{PAGE}/remove", {"key": "BCH"}, page=PAGE)
    assert restored.status_code == 303
    assert _own(session, world) == {}
    assert "Đã khôi phục cách đọc có sẵn của “BCH”" in client.get(restored.headers["location"]).text
    gone_again = post_form(client, f"{PAGE}/remove", {"key": "BCH"}, page=PAGE)
    assert gone_again.status_code == 404
    assert "không có chữ viết tắt riêng này" in gone_again.text


@pytest.mark.parametrize(("key", "reading", "message"), [
    ("", "khu phố", "Chưa nhập chữ viết tắt."),
    ("K" * 33, "khu phố", "Chữ viết tắt dài quá: tối đa 32 ký tự."),
    ("K P", "khu phố", "không được có khoảng trắng"),
    ("K<P>", "khu phố", "Chữ viết tắt có ký tự không hợp lệ"),
    ("KP", "", "Chưa nhập cách đọc."),
    ("KP", "khu " * 60, "Cách đọc dài quá: tối đa 200 ký tự."),
    ("KP", "<script>alert(1)</script>", "Cách đọc có ký tự không đọc được"),
    ("UBND", "ủy ban nhân dân", "giống hệt cách đọc có sẵn"),
])
def test_bad_entries_are_refused_with_what_to_fix(client, session, world, key, reading, message):
    sign_in(client, "editor")
    answer = _save(client, key, reading)
    assert answer.status_code == 422
    assert html.escape(message, quote=False) in answer.text or message in html.unescape(answer.text)
    assert 'aria-invalid="true"' in answer.text
    assert _own(session, world) == {}


def test_a_duplicate_is_refused_and_the_first_reading_stays(client, session, world):
    sign_in(client, "editor")
    assert _save(client, "BQLCC", "ban quản lý chung cư").status_code == 303
    again = _save(client, "BQLCC", "ban quản lý")
    assert again.status_code == 422
    assert "Đài đã có chữ viết tắt “BQLCC”" in again.text
    assert _own(session, world) == {"BQLCC": "ban quản lý chung cư"}


def test_the_same_form_posted_twice_acts_once(client, session, world):
    sign_in(client, "editor")
    tokens = tokens_of(client.get(PAGE))
    first = client.post(PAGE, data={"key": "BQLCC", "reading": "ban quản lý chung cư", "mode": "add", **tokens},
                        follow_redirects=False)
    assert first.status_code == 303
    second = client.post(PAGE, data={"key": "BQLCC", "reading": "ban quản lý chung cư", "mode": "add", **tokens},
                         follow_redirects=False)
    assert second.status_code == 303  # to the first post's result, not a duplicate error
    events = session.scalars(select(AuditEvent).where(AuditEvent.station_id == world.station.id,
                                                      AuditEvent.entity_type == "station")).all()
    assert sum(1 for e in events if "abbreviations" in e.changes) == 1


@pytest.mark.usefixtures("world")
def test_search_finds_by_abbreviation_or_reading_without_accents(client):
    sign_in(client, "editor")
    by_reading = client.get(PAGE, params={"q": "uy ban nhan dan"}).text
    assert '<span class="abbr-key">UBND</span>' in by_reading
    assert '<span class="abbr-key">HTX</span>' not in by_reading
    by_key = client.get(PAGE, params={"q": "htx"}).text
    assert '<span class="abbr-key">HTX</span>' in by_key
    assert '<span class="abbr-key">UBND</span>' not in by_key
    nothing = client.get(PAGE, params={"q": "khong co chu nao nhu the nay"}).text
    assert "Không tìm thấy." in nothing


def test_officer_reads_the_page_but_changes_nothing(client, session, world):
    sign_in(client, "officer")
    page = client.get(PAGE)
    assert page.status_code == 200
    assert "Bạn chỉ xem được trang này" in page.text
    assert 'name="form_token"' not in page.text
    assert 'action="/app/abbreviations/remove"' not in page.text
    refused = client.post(PAGE, data={"key": "KP", "reading": "khu phố", "csrf_token": csrf_of(page)},
                          follow_redirects=False)
    assert refused.status_code == 403
    assert _own(session, world) == {}


@pytest.mark.usefixtures("world")
def test_leader_does_not_see_the_page(client):
    sign_in(client, "leader")
    assert client.get(PAGE).status_code == 403
    assert 'href="/app/abbreviations"' not in client.get("/app/area").text


def test_preview_reads_a_sentence_with_the_change_before_it_is_saved(client, session, world):
    sign_in(client, "editor")
    csrf = csrf_of(client.get(PAGE))
    answer = client.post("/web/preview/abbreviation", headers={"X-CSRF-Token": csrf},
                         json={"text": "Họp BCH Đoàn và BQLCC số 3.", "key": "BQLCC",
                               "reading": "ban quản lý chung cư"})
    assert answer.status_code == 200
    data = answer.json()
    assert "ban quản lý chung cư số ba" in data["spoken"]
    assert "chung cư" not in data["before"]
    assert data["built_in"] is None
    override = client.post("/web/preview/abbreviation", headers={"X-CSRF-Token": csrf},
                           json={"text": "Họp BCH Đoàn.", "key": "BCH", "reading": "bê xê hát"}).json()
    assert override["spoken"].startswith("Họp bê xê hát")
    assert "ban chấp hành" in override["before"]
    assert override["built_in"] == "ban chấp hành / ban chỉ huy"
    assert _own(session, world) == {}, "a preview saves nothing"


@pytest.mark.usefixtures("world")
def test_officer_finds_the_list_from_the_script_editor_and_reads_it_in_english(client):
    sign_in(client, "officer")
    editor = client.get("/app/scripts/new", follow_redirects=True).text
    assert 'href="/app/abbreviations"' in editor
    client.get("/lang/en", params={"next": PAGE})
    page = client.get(PAGE).text
    assert "Built-in abbreviations" in page
    assert "You can read this page" in page


@pytest.mark.usefixtures("world")
def test_a_built_in_one_opens_in_the_form_with_its_reading_to_change(client):
    sign_in(client, "editor")
    page = client.get(PAGE, params={"key": "PCCC"}).text
    assert 'value="phòng cháy chữa cháy"' in page
    assert "Thay cho cách đọc có sẵn: phòng cháy chữa cháy" in page
    assert '<textarea id="sentence" rows="2" maxlength="2000">PCCC</textarea>' in page


def test_listen_speaks_the_sentence_with_the_change(client, session, world):
    sign_in(client, "admin")
    csrf = csrf_of(client.get(PAGE))
    body = {"text": "Họp BQLCC số 3.", "key": "BQLCC", "reading": "ban quản lý chung cư"}
    answer = client.post("/web/preview/abbreviation/listen", headers={"X-CSRF-Token": csrf}, json=body)
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "audio/wav"
    assert answer.content[:4] == b"RIFF"
    empty = client.post("/web/preview/abbreviation/listen", headers={"X-CSRF-Token": csrf}, json={"text": " "})
    assert empty.status_code == 422
    assert "Không có gì để đọc" in empty.json()["message"]
    assert _own(session, world) == {}


@pytest.mark.usefixtures("world")
def test_the_long_built_in_list_opens_short_and_lists_every_one_on_request(client):
    """Well over a thousand built-in abbreviations: the page (read on phones) lists the first hundred, says how
    many more there are and how to reach them; "xem tất cả" lists every one, and a search looks through all."""
    sign_in(client, "editor")
    first = client.get(PAGE).text
    listed = first.count('<span class="abbr-key">')
    assert listed <= 100 + 10, "the first hundred built-in ones and the station's own"
    assert "Còn " in first
    assert "xem tất cả chữ có sẵn" in first
    every = client.get(PAGE, params={"all": "1"}).text
    assert every.count('<span class="abbr-key">') > 1000
    assert "Còn " not in every
    assert '<span class="abbr-key">VĐV</span>' not in first, "alphabetically far down the list"
    assert '<span class="abbr-key">VĐV</span>' in client.get(PAGE, params={"q": "van dong vien"}).text
