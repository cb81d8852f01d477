"""The abbreviations page in real Chromium: an editor adds one and overrides a built-in reading, tries a
sentence before saving, saves, and hears (reads) the new reading in tomorrow's rendered programme.

A server of its own without the scheduler: the test renders with `loa render`, as an operator would.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.fixtures.live_server import LoaServer
from tests.web import test_browser as shared
from tests.web.test_browser import CSP_REFUSALS, DESKTOP, PASSWORDS, PHONE, _fits_the_screen, _page, _shot, _sign_in

browser = shared.browser  # the same Chromium fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LoaServer]:
    server = LoaServer(tmp_path_factory.mktemp("loa-abbreviations"), scheduler=False)
    server.cli("init", "--demo")
    for name, password in PASSWORDS.items():
        server.cli("users", "passwd", name, "--password-stdin", stdin=password + "\n")
    server.start()
    try:
        yield server
    finally:
        server.stop()


def test_editor_changes_a_reading_and_hears_it_in_the_rendered_programme(live, browser):
    from playwright.sync_api import expect

    editor = _page(browser, live.url, PHONE)
    _sign_in(editor, "bientap")
    editor.get_by_role("link", name="Chữ viết tắt").click()
    expect(editor.get_by_role("heading", name="Chữ viết tắt", exact=True)).to_be_visible()

    # A new one: typed, tried in a sentence (the preview follows the typing), saved.
    editor.get_by_label("Chữ viết tắt", exact=True).fill("BQLCC")
    editor.get_by_label("Cách đọc", exact=True).fill("ban quản lý chung cư")
    editor.get_by_label("Câu thử").fill("Mời đại diện BQLCC tòa nhà số 3 dự họp.")
    expect(editor.locator("#after-out")).to_have_text("Mời đại diện ban quản lý chung cư tòa nhà số ba dự họp.")
    expect(editor.locator("#before-out")).not_to_contain_text("ban quản lý chung cư")
    _fits_the_screen(editor)
    _shot(editor, "abbreviations-preview")
    editor.get_by_role("button", name="Lưu chữ viết tắt").click()
    expect(editor.get_by_role("status")).to_contain_text("Đã lưu chữ viết tắt “BQLCC”")
    expect(editor.locator(".abbr-own")).to_contain_text("ban quản lý chung cư")

    # A blank reading is refused, next to its field.
    editor.get_by_label("Chữ viết tắt", exact=True).fill("KCN2")
    editor.get_by_role("button", name="Lưu chữ viết tắt").click()
    expect(editor.locator("#reading-err")).to_have_text("Chưa nhập cách đọc.")
    _fits_the_screen(editor)
    _shot(editor, "abbreviations-error")

    # A built-in one read another way: found without accents, the form starts from its reading.
    editor.get_by_role("searchbox").fill("phong chay chua chay")
    editor.get_by_role("button", name="Tìm").click()
    editor.get_by_role("link", name="Đọc PCCC theo cách khác").click()
    expect(editor.get_by_label("Cách đọc", exact=True)).to_have_value("phòng cháy chữa cháy")
    editor.get_by_label("Cách đọc", exact=True).fill("phòng cháy và chữa cháy")
    editor.get_by_label("Câu thử").fill("Thực hiện Luật PCCC.")
    expect(editor.locator("#overrides")).to_have_text("Thay cho cách đọc có sẵn: phòng cháy chữa cháy")
    expect(editor.locator("#after-out")).to_have_text("Thực hiện Luật phòng cháy và chữa cháy.")
    expect(editor.locator("#before-out")).to_have_text("Thực hiện Luật phòng cháy chữa cháy.")
    editor.get_by_role("button", name="Lưu chữ viết tắt").click()
    expect(editor.get_by_role("status")).to_contain_text("Đã lưu chữ viết tắt “PCCC”")
    expect(editor.locator(".abbr-own")).to_contain_text("có sẵn: phòng cháy chữa cháy")
    _fits_the_screen(editor)
    _shot(editor, "abbreviations")

    desktop = _page(browser, live.url, DESKTOP)
    _sign_in(desktop, "bientap")
    desktop.goto("/app/abbreviations")
    expect(desktop.locator(".abbr-own")).to_contain_text("phòng cháy và chữa cháy")
    _shot(desktop, "abbreviations")

    # Tomorrow morning's programme, rendered now, says the station's reading.
    tomorrow = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date() + timedelta(days=1)
    live.cli("render", "--station", "1", "--date", tomorrow.isoformat(), "--slot", "morning")
    desktop.goto(f"/app/programmes?day={tomorrow.isoformat()}")
    item = desktop.locator("article.programme li", has_text="Tăng cường công tác PCCC").first
    item.get_by_text("Lời đọc").click()
    expect(item.locator(".item-spoken .spoken")).to_contain_text("Luật phòng cháy và chữa cháy")
    _shot(desktop, "programme-spoken-text")
    for page in (editor, desktop):
        page.context.close()
    assert not CSP_REFUSALS, "the pages' own scripts and styles must all run:\n" + "\n".join(CSP_REFUSALS)
