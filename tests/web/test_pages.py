"""The web pages through FastAPI's TestClient: sign-in, CSRF, the script workflow, public feed."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from xml.etree import ElementTree as ET

import pytest
from sqlalchemy import select

from app.config import get_settings
from app.models import Priority, Role, Script, ScriptStatus
from app.programmes import service as programme_service
from tests.fixtures.builders import create_script, create_user
from tests.web.helpers import csrf_of, post_form, sign_in, tokens_of

RFC822 = re.compile(r"^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$")


def script_form(world, **overrides):
    data = {
        "title": "Lịch tiêm chủng mở rộng tháng 01/2024",
        "body": "Trạm y tế phường tổ chức tiêm chủng vào 7h30 ngày 25/01/2024 tại nhà văn hóa Khu 3.",
        "topic": "y-te", "source_ref": "Kế hoạch 12/KH-TYT", "priority": "priority",
        "air_from": world.today().isoformat(), "air_until": (world.today() + timedelta(days=3)).isoformat(),
        "airings_target": "3", "slots": ["morning"], "area_ids": [str(world.areas[2].id)], "action": "submit",
    }
    data.update(overrides)
    return data


def test_home_tells_where_to_sign_in_and_lists_demo_accounts(client, world, session):
    create_user(session, "vanhoa", Role.officer, world.station)
    session.commit()
    page = client.get("/")
    assert page.status_code == 200
    assert 'href="/login"' in page.text
    assert "<code>vanhoa</code>" in page.text
    assert "Công chức văn hóa" in page.text
    assert "make run" in page.text
    assert f"/stations/{world.station.id}/feed.xml" in page.text
    assert client.get("/docs").status_code == 200, "the API docs stay where they were"


@pytest.mark.parametrize(("username", "landing", "heading"), [
    ("officer", "/app/scripts", "Tin bài của tôi"),
    ("editor", "/app/review", "Duyệt tin bài"),
    ("admin", "/app/admin", "Quản trị"),
    ("leader", "/app/area", "Khu phố của tôi: Khu 1"),
])
@pytest.mark.usefixtures("world")
def test_each_role_signs_in_to_its_own_page(client, username, landing, heading):
    answer = sign_in(client, username)
    assert answer.status_code == 303
    assert answer.headers["location"] == landing
    assert heading in client.get(landing).text


@pytest.mark.usefixtures("world")
def test_session_cookie_is_httponly_lax_and_tamper_proof(client):
    answer = sign_in(client, "officer")
    cookie = answer.headers["set-cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    value = client.cookies.get("loa_session")
    payload, mac = value.rsplit(".", 1)
    client.cookies.clear()
    client.cookies.set("loa_session", payload[:-2] + "xx." + mac)
    assert client.get("/app/scripts", follow_redirects=False).headers["location"].startswith("/login")


@pytest.mark.usefixtures("world")
def test_wrong_password_is_refused_in_vietnamese_then_rate_limited(client):
    for _ in range(5):
        answer = sign_in(client, "officer", "sai-mat-khau")
        assert answer.status_code == 401
        assert "Sai tên đăng nhập hoặc mật khẩu." in answer.text
        assert 'value="officer"' in answer.text, "the username stays typed"
    blocked = sign_in(client, "officer")
    assert blocked.status_code == 429
    assert "quá nhiều lần" in blocked.text


@pytest.mark.usefixtures("world")
def test_signing_in_keeps_the_page_asked_for_but_never_leaves_the_site(client):
    token = csrf_of(client.get("/login?next=/app/scripts/new"))
    answer = client.post("/login", data={"username": "officer", "password": "mat-khau-thu-nghiem",
                                         "csrf_token": token, "next": "/app/scripts/new"},
                         follow_redirects=False)
    assert answer.headers["location"] == "/app/scripts/new"
    client.post("/logout", data={"csrf_token": csrf_of(client.get("/app/scripts"))})
    token = csrf_of(client.get("/login"))
    answer = client.post("/login", data={"username": "officer", "password": "mat-khau-thu-nghiem",
                                         "csrf_token": token, "next": "//evil.example/"},
                         follow_redirects=False)
    assert answer.headers["location"] == "/app/scripts"


def test_a_form_posted_without_the_csrf_token_is_refused(client, world, session):
    sign_in(client, "officer")
    answer = client.post("/app/scripts/new", data=script_form(world), follow_redirects=False)
    assert answer.status_code == 403
    assert "CSRF" in answer.text
    assert "tải lại trang" in answer.text
    forged = client.post("/app/scripts/new", data={**script_form(world), "csrf_token": "forged"})
    assert forged.status_code == 403
    assert session.scalar(select(Script).where(Script.title.like("Lịch tiêm chủng%"))) is None
    assert client.post("/login", data={"username": "officer", "password": "x"}).status_code == 403


def test_officer_creates_and_submits_a_script_through_the_form(client, world, session):
    sign_in(client, "officer")
    answer = post_form(client, "/app/scripts/new", script_form(world), page="/app/scripts/new")
    assert answer.status_code == 303
    script_id = int(answer.headers["location"].rsplit("/", 1)[1])
    script = session.get(Script, script_id)
    session.refresh(script)
    assert script.status == ScriptStatus.submitted
    assert script.priority == Priority.priority
    assert script.airings_target == 3
    page = client.get(answer.headers["location"])
    assert "Đã gửi duyệt." in page.text
    assert "Chờ duyệt" in page.text
    assert "Khu 3" in page.text
    mine = client.get("/app/scripts").text
    assert "Lịch tiêm chủng mở rộng tháng 01/2024" in mine


def test_a_failed_form_keeps_what_was_typed_and_says_what_to_fix(client, world, session):
    sign_in(client, "officer")
    answer = post_form(client, "/app/scripts/new", script_form(world, title="   "), page="/app/scripts/new")
    assert answer.status_code == 422
    assert "Chưa lưu được" in answer.text
    assert 'id="title-err">Không được để trống.' in answer.text
    assert "Trạm y tế phường tổ chức tiêm chủng" in answer.text, "the body the user typed is kept"
    assert 'value="Kế hoạch 12/KH-TYT"' in answer.text
    backwards = script_form(world, air_until=(world.today() - timedelta(days=1)).isoformat())
    answer = post_form(client, "/app/scripts/new", backwards, page="/app/scripts/new")
    assert answer.status_code == 422
    assert re.search(r'id="air_until-err">Ngày phát cuối .* phải sau hoặc bằng ngày phát đầu', answer.text)
    assert re.search(r'id="air_until"[^>]*aria-invalid="true"', answer.text)
    assert 'value="priority" selected' in answer.text
    assert "checked" in answer.text
    assert session.scalar(select(Script).where(Script.source_ref == "Kế hoạch 12/KH-TYT")) is None


def test_editor_rejects_with_a_reason_then_approves_the_resubmitted_script(client, world, session):
    script = create_script(session, world, status=ScriptStatus.submitted)
    sign_in(client, "editor")
    page = f"/app/scripts/{script.id}"
    assert "Từ chối" in client.get(page).text
    empty = post_form(client, f"{page}/reject", {"reason": "  "}, page=page)
    assert "Hãy ghi lý do từ chối" in client.get(empty.headers["location"]).text
    post_form(client, f"{page}/reject", {"reason": "Cần ghi rõ số và ngày của công văn."}, page=page)
    session.refresh(script)
    assert script.status == ScriptStatus.rejected

    client.cookies.clear()
    sign_in(client, "officer")
    mine = client.get("/app/scripts").text
    assert "Cần ghi rõ số và ngày của công văn." in mine
    edit = client.get(f"{page}/edit")
    form = script_form(world, source_ref="Công văn 79/UBND ngày 22/01/2024", title=script.title,
                       version=re.search(r'name="version" value="(\d+)"', edit.text).group(1))
    answer = client.post(f"{page}/edit", data={**form, **tokens_of(edit)}, follow_redirects=False)
    assert answer.status_code == 303
    session.refresh(script)
    assert script.status == ScriptStatus.submitted

    client.cookies.clear()
    sign_in(client, "editor")
    assert script.title in client.get("/app/review").text
    post_form(client, f"{page}/approve", {"priority": "emergency"}, page=page)
    session.refresh(script)
    assert script.status == ScriptStatus.approved
    assert script.priority == Priority.emergency
    assert "Đã duyệt tin bài." in client.get(page).text


def test_editor_sees_what_changed_since_the_approved_version(client, world, session):
    script = create_script(session, world, status=ScriptStatus.approved)
    sign_in(client, "officer")
    page = f"/app/scripts/{script.id}"
    edit = client.get(f"{page}/edit")
    form = script_form(world, title=script.title, body=script.body.replace("một số nội dung trọng tâm",
                                                                          "ba nội dung mới"),
                       topic="y-te", version=str(script.version), action="save")
    client.post(f"{page}/edit", data={**form, **tokens_of(edit)})
    client.cookies.clear()
    sign_in(client, "editor")
    shown = client.get(page).text
    assert "Thay đổi so với bản đã duyệt (phiên bản 1)" in shown
    removed = '<del><span class="visually-hidden">[bỏ] </span>'
    added = '<ins><span class="visually-hidden">[thêm] </span>'
    assert (f"{removed}một số</del> {added}ba</ins> nội dung {removed}trọng tâm.</del> {added}mới.</ins>"
            in shown), "words removed and added are marked, and named for screen readers"
    def change(field):
        return re.sub(r"<[^>]+>", "", re.search(rf'<dd class="diff-{field}">(.*?)</dd>', shown).group(1))

    # People's names for everything, never codes or ids.
    assert change("topic") == "[bỏ] Thời sự – chính trị → [thêm] Y tế – sức khỏe"
    assert change("area_ids") == "[bỏ] Tất cả khu phố, [thêm] Khu 3"
    assert change("slots") == "[bỏ] Mọi khung giờ, [thêm] Buổi sáng"
    assert change("priority") == "[bỏ] Thông thường → [thêm] Ưu tiên"
    assert change("source_ref") == "[thêm] Kế hoạch 12/KH-TYT"


def test_review_queue_puts_emergencies_on_top_then_oldest_first(client, world, session):
    first = create_script(session, world, status=ScriptStatus.submitted, title="Tin gửi trước")
    second = create_script(session, world, status=ScriptStatus.submitted, title="Tin gửi sau")
    urgent = create_script(session, world, status=ScriptStatus.submitted, title="Cảnh báo bão số 3",
                           priority=Priority.emergency)
    assert first.updated_at <= second.updated_at <= urgent.updated_at
    sign_in(client, "editor")
    queue = client.get("/app/review").text
    assert queue.index("Cảnh báo bão số 3") < queue.index("Tin gửi trước") < queue.index("Tin gửi sau")


@pytest.mark.usefixtures("world")
def test_an_officer_is_told_the_review_page_is_not_for_them(client):
    sign_in(client, "officer")
    answer = client.get("/app/review")
    assert answer.status_code == 403
    assert "không dành cho vai trò của bạn" in answer.text


def test_leader_sees_only_scripts_for_their_own_area(client, world, session):
    create_script(session, world, status=ScriptStatus.approved, title="Tin cho Khu 1",
                  area_ids=[world.areas[0].id])
    create_script(session, world, status=ScriptStatus.approved, title="Tin cho Khu 2",
                  area_ids=[world.areas[1].id])
    create_script(session, world, status=ScriptStatus.approved, title="Tin cho cả phường")
    create_script(session, world, status=ScriptStatus.submitted, title="Tin chưa duyệt")
    sign_in(client, "leader")
    page = client.get("/app/area").text
    assert "Tin cho Khu 1" in page
    assert "Tin cho cả phường" in page
    assert "Tin cho Khu 2" not in page
    assert "Tin chưa duyệt" not in page
    assert "Chưa có chương trình." in page, "no programmes exist yet, and the page says so"
    other = client.get(f"/app/programmes?area_id={world.areas[1].id}").text
    assert f'<option value="{world.areas[1].id}"' not in other, "a leader cannot pick another area"


def test_public_page_and_rss_feed_show_only_aired_scripts(client, world, session):
    create_script(session, world, status=ScriptStatus.approved, title="Tin đã phát & <kiểm tra>")
    create_script(session, world, status=ScriptStatus.approved, title="Tin chưa phát",
                  air_from=world.today() + timedelta(days=10), air_until=world.today() + timedelta(days=12))
    # Plan the next two days, then run the post-air job as it would run once they are over.
    station = programme_service.station_with_slots(session, world.station.id)
    programme_service.plan_days(session, station, world.today(), 2)
    assert programme_service.record_aired(session, datetime.now(UTC) + timedelta(days=3)) > 0
    session.commit()
    page = client.get(f"/stations/{world.station.id}/scripts")
    assert page.status_code == 200
    assert "Tin đã phát &amp; &lt;kiểm tra&gt;" in page.text
    assert "Tin chưa phát" not in page.text

    feed = client.get(f"/stations/{world.station.id}/feed.xml")
    assert feed.headers["content-type"].startswith("application/rss+xml")
    root = ET.fromstring(feed.content)
    assert root.tag == "rss"
    assert root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel.findtext("title").startswith(world.station.name)
    assert channel.findtext("link").endswith(f"/stations/{world.station.id}/scripts")
    assert channel.findtext("description")
    items = channel.findall("item")
    assert [i.findtext("title") for i in items] == ["Tin đã phát & <kiểm tra>"]
    item = items[0]
    assert item.findtext("link") == item.findtext("guid")
    assert RFC822.match(item.findtext("pubDate")), item.findtext("pubDate")
    assert parsedate_to_datetime(item.findtext("pubDate")).tzinfo is not None
    link = item.findtext("link").replace(get_settings().public_url, "")
    assert "Tin đã phát" in client.get(link).text
    not_aired = session.scalar(select(Script).where(Script.title == "Tin chưa phát"))
    assert client.get(f"/stations/{world.station.id}/scripts/{not_aired.id}").status_code == 404


def test_the_feed_stays_readable_xml_and_links_to_the_public_address(client, world, session):
    # a title saved before control characters were refused (or by another tool) must not break the feed
    script = create_script(session, world, status=ScriptStatus.approved, title="Tin cắt điện")
    script.title, script.body = "Tin \x01cắt\x0b điện\x1b", "Dòng\x0c một\x07"
    station = programme_service.station_with_slots(session, world.station.id)
    programme_service.plan_days(session, station, world.today(), 2)
    programme_service.record_aired(session, datetime.now(UTC) + timedelta(days=3))
    session.commit()
    url = f"/stations/{world.station.id}/feed.xml"
    feed = client.get(url, headers={"Host": "attacker.example"})
    item = ET.fromstring(feed.content).find("channel/item")
    assert item.findtext("title") == "Tin cắt điện"
    assert item.findtext("description") == "Dòng một"
    assert item.findtext("link") == f"http://127.0.0.1:8000/stations/{world.station.id}/scripts/{script.id}"
    assert "attacker.example" not in feed.text
    head = client.head(url)
    assert head.status_code == 200
    assert head.headers["content-type"].startswith("application/rss+xml")


@pytest.mark.parametrize("number", ["7" * 5000, "²", str(2**63)])
def test_a_form_number_the_database_cannot_hold_is_no_number(client, world, session, number):
    script = create_script(session, world, status=ScriptStatus.submitted)
    sign_in(client, "editor")
    page = f"/app/scripts/{script.id}"
    answer = post_form(client, f"{page}/approve", {"version": number}, page=page)
    assert answer.status_code == 303, answer.text
    session.refresh(script)
    assert script.status == ScriptStatus.approved
    client.cookies.clear()
    sign_in(client, "admin")
    relay = post_form(client, "/app/admin/relays/add", {"name": "Cụm loa", "area_id": number}, page="/app/admin")
    assert relay.status_code == 422, relay.text


def test_the_browser_gets_an_icon(client):
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200
    assert icon.headers["content-type"].startswith("image/svg+xml")
    assert "<svg" in icon.text
    assert client.get("/static/favicon.svg").status_code == 200


def test_admin_sees_a_new_relay_token_once(client, world):
    sign_in(client, "admin")
    answer = post_form(client, "/app/admin/relays/add", {"name": "Cụm loa Khu 1",
                                                         "area_id": str(world.areas[0].id)},
                       page="/app/admin")
    token = re.search(r'<code class="copy">(loa_relay_[^<]+)</code>', answer.text).group(1)
    assert "Chỉ hiện một lần" in answer.text
    assert token not in client.get("/app/admin").text
    assert token[:14] in client.get("/app/admin").text, "the prefix identifies it afterwards"


def test_admin_adds_a_user_and_a_bad_one_keeps_the_typed_values(client, world):
    sign_in(client, "admin")
    bad = post_form(client, "/app/admin/users/add", {"username": "Trưởng Khu 2", "full_name": "Ông Ba",
                                                      "role": "leader"}, page="/app/admin")
    assert bad.status_code == 422
    assert 'value="Ông Ba"' in bad.text
    assert "Chỉ dùng chữ thường không dấu" in bad.text
    good = post_form(client, "/app/admin/users/add", {"username": "khu2", "full_name": "Ông Ba",
                                                       "role": "leader", "area_id": str(world.areas[1].id)},
                     page="/app/admin")
    assert good.status_code == 200
    assert "Đã tạo người dùng." in good.text
    password = re.search(r'<code class="copy">([^<]+)</code>', good.text).group(1)
    client.cookies.clear()
    assert sign_in(client, "khu2", password).headers["location"] == "/app/area"


@pytest.mark.usefixtures("world")
def test_change_password_then_the_old_one_no_longer_works(client):
    sign_in(client, "officer")
    mismatch = post_form(client, "/account/password", {"current_password": "mat-khau-thu-nghiem",
                                                       "new_password": "mat-khau-moi-2024",
                                                       "new_password_again": "khac"})
    assert mismatch.status_code == 422
    assert "không giống nhau" in mismatch.text
    done = post_form(client, "/account/password", {"current_password": "mat-khau-thu-nghiem",
                                                   "new_password": "mat-khau-moi-2024",
                                                   "new_password_again": "mat-khau-moi-2024"})
    assert done.status_code == 303
    assert "Đã đổi mật khẩu." in client.get(done.headers["location"]).text
    client.cookies.clear()
    assert sign_in(client, "officer").status_code == 401
    assert sign_in(client, "officer", "mat-khau-moi-2024").status_code == 303


@pytest.mark.usefixtures("world")
def test_english_is_one_click_away(client):
    client.get("/lang/en?next=/login")
    page = client.get("/login").text
    assert "<h1>Sign in</h1>" in page
    assert '<html lang="en">' in page
    answer = sign_in(client, "officer", "wrong-password")
    assert "Wrong username or password." in answer.text


@pytest.mark.usefixtures("world")
def test_speech_preview_answers_not_ready_until_the_speech_module_lands(client):
    import importlib.util

    sign_in(client, "officer")
    token = csrf_of(client.get("/app/scripts/new"))
    assert client.post("/web/preview/spoken", json={"text": "Ngày 22/01/2024"}).status_code == 403
    answer = client.post("/web/preview/spoken", json={"text": "Ngày 22/01/2024"},
                         headers={"X-CSRF-Token": token})
    if importlib.util.find_spec("audio.speech_text") is None:
        assert answer.status_code == 503
        assert answer.json() == {"ready": False, "message": answer.json()["message"]}
        assert "chưa sẵn sàng" in answer.json()["message"]
    else:
        assert answer.status_code == 200
        assert answer.json()["spoken"]


def test_every_text_used_in_the_templates_has_both_languages():
    from pathlib import Path

    from app.web.i18n import MESSAGES

    templates = Path(__file__).parents[2] / "app" / "web" / "templates"
    used = set()
    for path in templates.glob("*.html"):
        used |= set(re.findall(r"""_\(["']([a-z_0-9]+)["']""", path.read_text()))
    from app.models import Priority, Role, ScriptStatus

    used = {k for k in used if not k.endswith("_")}  # prefixes of the keys built from enums, below
    used |= {f"role_{r.value}" for r in Role} | {f"does_{r.value}" for r in Role}
    used |= {f"status_{s.value}" for s in ScriptStatus} | {f"prio_{p.value}" for p in Priority}
    missing = sorted(k for k in used if k not in MESSAGES)
    assert not missing, f"add these to app/web/i18n.py: {missing}"
    assert all(vi and en for vi, en in MESSAGES.values())


EMERGENCY = {"title": "Cảnh báo bão số 3",
             "body": "Bão số 3 gió mạnh cấp 8, giật cấp 10 lúc 14h ngày 22/01/2024. "
                     "Bà con khẩn trương chằng chống nhà cửa.",
             "minutes": "120", "after": "skip", "topic": "thong-bao"}


def test_editor_confirms_then_broadcasts_an_emergency_to_the_chosen_areas(client, world, session):
    from app.models import AuditEvent, Emergency, Programme

    sign_in(client, "editor")
    review = client.get("/app/review").text
    assert 'href="/app/emergency"' in review, "the editor's pages link to the emergency form"
    form = client.get("/app/emergency")
    assert form.status_code == 200
    assert form.text.count('name="area_ids"') == 3
    assert form.text.count("checked") >= 3, "every area is ticked by default"
    areas = [str(world.areas[0].id), str(world.areas[2].id)]
    confirm = post_form(client, "/app/emergency/confirm", {**EMERGENCY, "area_ids": areas},
                        page="/app/emergency")
    assert confirm.status_code == 200
    assert "Xác nhận phát tin khẩn cấp" in confirm.text
    assert re.search(r'id="confirm-areas">Khu 1, Khu 3</dd>', confirm.text)
    spoken = re.search(r'id="confirm-spoken">([^<]+)<', confirm.text).group(1)
    assert "hai mươi hai" in spoken, "the confirmation shows the spoken form, dates read out"
    assert "Phát ngay" in confirm.text
    assert session.scalar(select(Programme).where(Programme.is_emergency.is_(True))) is None, \
        "nothing airs before the confirmation"

    issued = client.post("/app/emergency", data={**EMERGENCY, "area_ids": areas, "action": "broadcast",
                                                 **tokens_of(confirm)}, follow_redirects=False)
    assert issued.status_code == 303, issued.text
    emergency = session.scalar(select(Emergency))
    assert emergency.area_ids == sorted(int(a) for a in areas)
    assert emergency.after == "skip"
    assert session.get(Programme, emergency.programme_id).is_emergency
    assert session.scalar(select(AuditEvent).where(AuditEvent.action == "emergency")) is not None
    page = client.get(issued.headers["location"]).text
    assert "Đã phát tin khẩn cấp." in page
    engine = re.search(r'id="engine">([^<]+)<', page).group(1)
    assert engine not in ("", "—")


def test_going_back_from_the_confirmation_keeps_what_was_typed(client, world, session):
    from app.models import Emergency

    sign_in(client, "editor")
    areas = [str(world.areas[1].id)]
    confirm = post_form(client, "/app/emergency/confirm", {**EMERGENCY, "area_ids": areas},
                        page="/app/emergency")
    back = client.post("/app/emergency", data={**EMERGENCY, "area_ids": areas, "action": "back",
                                               **tokens_of(confirm)})
    assert back.status_code == 200
    assert 'value="Cảnh báo bão số 3"' in back.text
    assert "Bà con khẩn trương chằng chống nhà cửa." in back.text
    assert f'value="{world.areas[1].id}" checked' in back.text
    assert f'value="{world.areas[0].id}" checked' not in back.text
    assert 'value="skip" checked' in back.text
    assert 'value="120" selected' in back.text
    assert session.scalar(select(Emergency)) is None


@pytest.mark.usefixtures("world")
def test_an_emergency_without_areas_or_text_is_not_confirmed(client):
    sign_in(client, "editor")
    answer = post_form(client, "/app/emergency/confirm", {**EMERGENCY, "body": " "}, page="/app/emergency")
    assert answer.status_code == 422
    assert 'id="area_ids-err">Hãy chọn ít nhất một khu phố.' in answer.text
    assert 'id="body-err">Không được để trống.' in answer.text
    assert 'value="Cảnh báo bão số 3"' in answer.text


@pytest.mark.parametrize("username", ["officer", "leader", "admin"])
@pytest.mark.usefixtures("world")
def test_only_editors_reach_the_emergency_form(client, username):
    sign_in(client, username)
    answer = client.get("/app/emergency")
    assert answer.status_code == 403
    assert "không dành cho vai trò của bạn" in answer.text
    refused = post_form(client, "/app/emergency", {**EMERGENCY, "action": "broadcast"})
    assert refused.status_code == 403


def _relays(session, world):
    from app.stations import service as station_service

    mine = station_service.add_relay_point(session, world.areas[0], "Cụm loa chợ Khu 1", actor=None)[0]
    second = station_service.add_relay_point(session, world.areas[0], "Cụm loa trường Khu 1", actor=None)[0]
    other = station_service.add_relay_point(session, world.areas[1], "Cụm loa Khu 2", actor=None)[0]
    session.commit()
    return mine, second, other


def test_leader_reports_a_fault_that_the_relay_board_then_shows(client, world, session):
    from app.models import RelayFault

    mine, _second, other = _relays(session, world)
    sign_in(client, "leader")
    area = client.get("/app/area").text
    assert "Báo lỗi cụm loa" in area
    assert "Cụm loa trường Khu 1" in area
    assert "Cụm loa Khu 2" not in area, "only the relay points of the leader's own area are offered"
    missing = post_form(client, "/app/area/faults", {"category": "amplifier", "text": "Âm ly kêu rè"},
                        page="/app/area")
    assert missing.status_code == 422
    assert 'id="relay_point_id-err">Hãy chọn cụm loa.' in missing.text
    assert "Âm ly kêu rè</textarea>" in missing.text, "what was typed stays"
    sent = post_form(client, "/app/area/faults", {"relay_point_id": str(mine.id), "category": "amplifier",
                                                  "text": "Âm ly kêu rè từ sáng nay"}, page="/app/area")
    assert sent.status_code == 303
    assert "Đã gửi báo lỗi cụm loa “Cụm loa chợ Khu 1”." in client.get(sent.headers["location"]).text
    fault = session.scalar(select(RelayFault))
    assert (fault.relay_point_id, fault.category, fault.reported_by_id) == (
        mine.id, "amplifier", world.users["leader"].id)

    board = client.get("/app/relays").text
    row = re.search(rf'<tr id="relay-{mine.id}">.*?</tr>', board, re.S).group(0)
    assert "<strong>Âm ly</strong>: Âm ly kêu rè từ sáng nay" in row
    assert f'id="relay-{other.id}"' not in board, "a leader's board shows only their area"
    client.cookies.clear()
    sign_in(client, "admin")
    assert f'id="relay-{other.id}"' in client.get("/app/relays").text


def test_leader_cannot_report_a_fault_for_another_area(client, world, session):
    from app.models import RelayFault

    _mine, _second, other = _relays(session, world)
    sign_in(client, "leader")
    answer = post_form(client, "/app/area/faults", {"relay_point_id": str(other.id), "category": "power",
                                                    "text": "Mất điện"}, page="/app/area")
    assert answer.status_code == 403
    assert "không thuộc khu phố của bạn" in answer.text
    assert session.scalar(select(RelayFault)) is None


def test_relay_board_shows_last_error_cached_horizon_and_missed_programmes(client, world, session):
    from zoneinfo import ZoneInfo

    from app.models import Programme, ProgrammeStatus, RelayHeartbeat

    mine, _second, _other = _relays(session, world)
    now = datetime.now(UTC)
    mine.created_at = now - timedelta(days=3)  # installed before both programmes: it owed them
    for hours in (30, 6):  # two programmes of the last days that this relay point never played
        session.add(Programme(station_id=world.station.id, slot_name="morning", area_key=0,
                              air_date=(now - timedelta(hours=hours)).date(), starts_at=now - timedelta(hours=hours),
                              duration_ms=1_800_000, status=ProgrammeStatus.locked))
    session.add(RelayHeartbeat(relay_point_id=mine.id, received_at=now, agent_version="1.0", state="idle",
                               cached_until=now + timedelta(hours=30),
                               last_error="Tải chương trình thất bại: hết dung lượng thẻ nhớ"))
    session.commit()
    sign_in(client, "editor")
    board = client.get("/app/relays").text
    row = re.search(rf'<tr id="relay-{mine.id}">.*?</tr>', board, re.S).group(0)
    assert "Tải chương trình thất bại: hết dung lượng thẻ nhớ" in row
    local = (now + timedelta(hours=30)).astimezone(ZoneInfo(world.station.timezone)).strftime("%H:%M %d/%m")
    assert re.search(rf'data-label="Đã tải sẵn đến">{local}</td>', row)
    assert re.search(r'data-label="Chương trình bị lỡ">2</td>', row)


def _upload_in_editor(client, world, path, *, page="/app/scripts/new", **overrides):
    form = {**script_form(world, **overrides), **tokens_of(client.get(page))}
    form.pop("action")
    with path.open("rb") as fh:
        return client.post("/app/recordings", data={**form, "action": "upload"},
                           files={"file": (path.name, fh, "application/octet-stream")})


def test_officer_uploads_a_recording_and_saves_the_script_with_it(client, world, session, tmp_path):
    from tests.fixtures.audio_files import tone_file

    sign_in(client, "officer")
    page = client.get("/app/scripts/new").text
    assert 'enctype="multipart/form-data"' in page
    assert 'formaction="/app/recordings"' in page
    answer = _upload_in_editor(client, world, tone_file(tmp_path / "ban-tin.mp3", 3.0))
    assert answer.status_code == 200, answer.text
    recording_id = re.search(r'name="recording_id" value="(\d+)"', answer.text).group(1)
    assert "Đã tải lên và gắn bản ghi." in answer.text
    assert f'<audio controls preload="none" src="/app/recordings/{recording_id}/audio">' in answer.text
    assert "Trạm y tế phường tổ chức tiêm chủng" in answer.text, "the typed text is kept"
    audio = client.get(f"/app/recordings/{recording_id}/audio")
    assert audio.status_code == 200
    assert audio.content[:4] == b"RIFF"

    saved = client.post("/app/scripts/new", data={**script_form(world), "recording_id": recording_id,
                                                  **tokens_of(answer)}, follow_redirects=False)
    assert saved.status_code == 303, saved.text
    script = session.get(Script, int(saved.headers["location"].rsplit("/", 1)[1]))
    session.refresh(script)
    assert script.recording_id == int(recording_id)
    edit = client.get(f"/app/scripts/{script.id}/edit").text
    assert 'id="attached-recording"' in edit
    assert f"/app/recordings/{recording_id}/audio" in edit
    client.cookies.clear()
    assert client.get(f"/app/recordings/{recording_id}/audio", follow_redirects=False).status_code == 303


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("tin-bai.mp3", "Đây là văn bản, không phải âm thanh.\n".encode(), "Tệp không phải âm thanh"),
    ("rong.mp3", b"", "Tệp tải lên rỗng"),
])
def test_a_refused_upload_says_why_next_to_the_field_and_keeps_the_form(client, world, session, tmp_path,
                                                                        name, content, reason):
    from app.models import Recording

    sign_in(client, "officer")
    path = tmp_path / name
    path.write_bytes(content)
    answer = _upload_in_editor(client, world, path, source_ref="Kế hoạch 12/KH-TYT")
    assert answer.status_code == 422
    assert re.search(rf'id="recording-err">{reason}', answer.text)
    assert 'value="Kế hoạch 12/KH-TYT"' in answer.text
    assert "Trạm y tế phường tổ chức tiêm chủng" in answer.text
    assert session.scalar(select(Recording)) is None


@pytest.mark.usefixtures("world")
def test_an_upload_without_the_csrf_token_is_refused(client, session, tmp_path):
    from app.models import Recording
    from tests.fixtures.audio_files import tone_file

    sign_in(client, "officer")
    path = tone_file(tmp_path / "a.wav", 1.0)
    with path.open("rb") as fh:
        answer = client.post("/app/recordings", data={"title": "x", "action": "upload"},
                             files={"file": (path.name, fh, "audio/wav")})
    assert answer.status_code == 403
    assert "CSRF" in answer.text
    assert session.scalar(select(Recording)) is None


def test_a_script_cannot_take_another_stations_recording(client, world, session, tmp_path):
    from app.recordings import service as recording_service
    from tests.fixtures.audio_files import tone_file
    from tests.fixtures.builders import create_station

    other, _ = create_station(session, name="Đài phường bên cạnh", areas=("Tổ 1",))
    foreign = recording_service.ingest(session, other, tone_file(tmp_path / "b.wav", 1.0), title="Của đài khác",
                                       filename="b.wav", is_filler=False, actor=world.users["admin"])
    session.commit()
    sign_in(client, "officer")
    answer = post_form(client, "/app/scripts/new", script_form(world, recording_id=str(foreign.id)),
                       page="/app/scripts/new")
    assert answer.status_code == 422
    assert 'id="recording-err">Không có bản ghi âm này ở đài.' in answer.text
    assert client.get(f"/app/recordings/{foreign.id}/audio").status_code == 404


@pytest.mark.usefixtures("world")
def test_editor_adds_filler_music_to_the_pool(client, session, tmp_path):
    from app.models import Recording
    from tests.fixtures.audio_files import tone_file

    sign_in(client, "editor")
    page = client.get("/app/recordings")
    assert "Nhạc nền" in page.text
    path = tone_file(tmp_path / "nhac-nen.ogg", 3.0)
    with path.open("rb") as fh:
        answer = client.post("/app/recordings", data={"purpose": "filler", "title": "Nhạc không lời Quê hương",
                                                      "csrf_token": csrf_of(page)},
                             files={"file": (path.name, fh, "audio/ogg")}, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    filler = session.scalar(select(Recording))
    assert filler.is_filler
    assert filler.duration_ms == pytest.approx(3000, abs=80)
    listed = client.get("/app/recordings").text
    assert "Đã thêm nhạc nền “Nhạc không lời Quê hương”." in listed
    assert f"/app/recordings/{filler.id}/audio" in listed
    client.cookies.clear()
    sign_in(client, "officer")
    assert client.get("/app/recordings").status_code == 403


def test_editor_stops_an_issued_bulletin_from_its_page(client, world):
    from tests.fixtures.builders import auth

    sign_in(client, "editor")
    r = client.post("/api/v1/emergency", headers=auth(world.users["editor"]),
                    json={"title": "Cảnh báo lũ", "body": "Nước sông lên nhanh, bà con không qua ngầm."})
    emergency_id = r.json()["id"]
    url = f"/app/emergency/{emergency_id}"
    assert "Dừng phát bản tin này" in client.get(url).text
    stopped = post_form(client, f"{url}/cancel", {}, page=url)
    assert stopped.status_code == 303
    after = client.get(url)
    assert "Đã dừng lúc" in after.text
    assert "Dừng phát bản tin này" not in after.text


def test_admin_sets_the_voice_and_a_lighter_programme_file(client, world, session):
    sign_in(client, "admin")
    page = client.get("/app/admin")
    assert "Chất lượng tệp chương trình" in page.text
    r = post_form(client, "/app/admin/station", {
        "name": world.station.name, "timezone": world.station.timezone, "voice": "vi-VN-x-south",
        "speech_rate": "140", "speech_pitch": "45", "speech_engine": "offline",
        "audio_bitrate_kbps": "24", "audio_format": "mp3", "audio_retention_days": "30",
        "opening_announcement": world.station.opening_announcement,
        "closing_announcement": world.station.closing_announcement}, page="/app/admin")
    assert r.status_code in (200, 303)
    session.refresh(world.station)
    assert (world.station.voice, world.station.speech_pitch, world.station.audio_bitrate_kbps) == (
        "vi-VN-x-south", 45, 24)
    assert world.station.audio_retention_days == 30
    assert 'name="audio_retention_days"' in client.get("/app/admin").text
