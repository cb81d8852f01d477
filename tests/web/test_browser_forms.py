"""Forms that act once and drafts that survive an expired session, in real Chromium.

A server of its own without the scheduler: these tests are about the pages, and a render job
holding the database would only make them wait.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web import test_browser as shared
from tests.web.test_browser import DESKTOP, PASSWORDS, PHONE, _page, _shot, _sign_in, demo_server

browser = shared.browser  # the same Chromium fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    yield from demo_server(tmp_path_factory.mktemp("loa-forms"), scheduler=False)


def _count_rows(data_dir: Path, model, **where) -> int:
    from sqlalchemy import func, select
    from sqlalchemy.orm import Session

    from app.db import make_engine

    engine = make_engine(f"sqlite:///{data_dir / 'loa.db'}")
    try:
        with Session(engine) as session:
            return int(session.scalar(select(func.count()).select_from(model).filter_by(**where)) or 0)
    finally:
        engine.dispose()


def _send_again_if_shown(page, *buttons: str) -> None:
    """Back may show the old page (from the browser's cache) or go to the server: press again if shown."""
    page.wait_for_load_state()
    for name in buttons:
        if page.get_by_role("button", name=name).count():
            page.get_by_role("button", name=name).click()
            return


def test_back_after_broadcast_or_submit_acts_only_once(server, browser):
    from playwright.sync_api import expect

    from app.models import Emergency, Script

    base, data_dir = server
    editor = _page(browser, base, DESKTOP)
    _sign_in(editor, "bientap")
    editor.goto("/app/emergency")
    editor.get_by_label("Tiêu đề").fill("Cảnh báo triều cường")
    editor.get_by_label("Nội dung (lời đọc)").fill("Triều cường lúc 17h hôm nay. Bà con kê cao đồ đạc.")
    editor.get_by_role("button", name="Xem lại trước khi phát").click()
    editor.get_by_role("button", name="Phát ngay").click()
    expect(editor.get_by_role("heading", name="Đã phát tin khẩn cấp")).to_be_visible()
    issued_url = editor.url
    issued = _count_rows(data_dir, Emergency)
    for steps in (1, 2):  # back to the confirmation, and back to the form itself
        for _ in range(steps):
            editor.go_back()
        _send_again_if_shown(editor, "Phát ngay", "Xem lại trước khi phát")
        expect(editor.get_by_role("status")).to_contain_text("Biểu mẫu này đã được gửi trước đó")
        assert editor.url == issued_url
    assert _count_rows(data_dir, Emergency) == issued, "no second emergency"

    officer = _page(browser, base, PHONE)
    _sign_in(officer, "vanhoa")
    officer.goto("/app/scripts/new")
    title = "Thông báo lịch cắt điện Khu 2"
    officer.get_by_label("Tiêu đề").fill(title)
    officer.get_by_label("Nội dung (lời đọc)").fill("Ngày 5/12 cắt điện Khu 2 từ 8h đến 11h để bảo dưỡng.")
    officer.get_by_label("Chủ đề").select_option("thong-bao")
    officer.get_by_role("button", name="Lưu và gửi duyệt").click()
    expect(officer.get_by_role("status")).to_have_text("Đã gửi duyệt.")
    script_url = officer.url
    officer.go_back()
    _send_again_if_shown(officer, "Lưu và gửi duyệt")
    expect(officer.get_by_role("status")).to_contain_text("Biểu mẫu này đã được gửi trước đó")
    assert officer.url == script_url
    assert _count_rows(data_dir, Script, title=title) == 1, "no duplicate script"
    for page in (editor, officer):
        page.context.close()


def test_an_expired_session_keeps_the_typed_script_and_says_so(server, browser):
    from playwright.sync_api import expect

    base, _ = server
    officer = _page(browser, base, PHONE)
    _sign_in(officer, "vanhoa")
    officer.goto("/app/scripts/new")
    # A failed save puts the list of what to fix in focus, the first thing read out.
    officer.get_by_role("button", name="Lưu và gửi duyệt").click()
    expect(officer.locator("#error-summary")).to_be_focused()

    title = "Thông báo họp tổ dân phố Khu 3"
    body = "Tối thứ Sáu 19h30, họp tổ dân phố Khu 3 tại nhà văn hóa. Đề nghị mỗi hộ cử một người."
    officer.get_by_label("Tiêu đề").fill(title)
    officer.get_by_label("Nội dung (lời đọc)").fill(body)
    officer.context.clear_cookies()  # the session's time is up
    officer.get_by_role("button", name="Nghe thử").click()
    expect(officer.locator("#spoken-out")).to_contain_text("Phiên đăng nhập đã hết hạn")
    officer.locator("#spoken-out").get_by_role("link", name="Đăng nhập lại").click()
    officer.get_by_label("Tên đăng nhập").fill("vanhoa")
    officer.get_by_label("Mật khẩu").fill(PASSWORDS["vanhoa"])
    officer.get_by_role("button", name="Đăng nhập").click()
    officer.wait_for_url("**/app/scripts/new*")
    expect(officer.get_by_label("Tiêu đề")).to_have_value(title)
    expect(officer.get_by_label("Nội dung (lời đọc)")).to_have_value(body)
    expect(officer.get_by_text("Đã khôi phục nội dung bạn gõ dở")).to_be_visible()
    _shot(officer, "officer-draft-restored")

    # Saving with the session gone: back to the form after signing in, the text still there.
    officer.context.clear_cookies()
    officer.get_by_label("Chủ đề").select_option("thong-bao")
    officer.get_by_role("button", name="Lưu nháp").click()
    expect(officer.get_by_role("alert")).to_contain_text("Phiên đăng nhập đã hết hạn")
    officer.get_by_label("Tên đăng nhập").fill("vanhoa")
    officer.get_by_label("Mật khẩu").fill(PASSWORDS["vanhoa"])
    officer.get_by_role("button", name="Đăng nhập").click()
    officer.wait_for_url("**/app/scripts/new*")
    expect(officer.get_by_label("Nội dung (lời đọc)")).to_have_value(body)
    expect(officer.get_by_label("Chủ đề")).to_have_value("thong-bao")
    officer.get_by_role("button", name="Lưu nháp").click()
    expect(officer.get_by_role("status")).to_have_text("Đã lưu.")
    # Saved on the server: a new form starts blank.
    officer.goto("/app/scripts/new")
    expect(officer.get_by_label("Tiêu đề")).to_have_value("")
    officer.context.close()
