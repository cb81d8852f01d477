"""The letter import, the month plan and the archive in real Chromium, on a phone and a desktop.

A server of its own without the scheduler: these tests are about the pages. Screenshots of the
three pages go to test-artifacts/screenshots/ (plan-*, archive-*, import-*).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.letters.letters import letter_docx
from tests.web import test_browser as shared
from tests.web.test_browser import DESKTOP, PHONE, _fits_the_screen, _page, _shot, _sign_in, demo_server

browser = shared.browser  # the same Chromium fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    yield from demo_server(tmp_path_factory.mktemp("loa-plan"), scheduler=False)


def test_an_officer_imports_a_docx_letter_into_a_draft(server, browser, tmp_path):
    base, _data_dir = server
    from playwright.sync_api import expect

    letter = tmp_path / "KH-15-UBND.docx"
    letter.write_bytes(letter_docx())
    for viewport in (PHONE, DESKTOP):
        officer = _page(browser, base, viewport)
        _sign_in(officer, "vanhoa")
        officer.get_by_role("link", name="Tạo từ văn bản (.docx, .pdf)").click()
        expect(officer.get_by_role("heading", name="Tạo tin bài từ văn bản")).to_be_visible()
        _fits_the_screen(officer)
        _shot(officer, "import")
        officer.get_by_label("Tệp văn bản (.docx, .pdf)").set_input_files(str(letter))
        officer.get_by_role("button", name="Đọc văn bản").click()
        expect(officer.get_by_label("Tiêu đề")).to_have_value("Tuyên truyền phòng, chống dịch sốt xuất huyết")
        expect(officer.get_by_label("Nguồn văn bản")).to_have_value("Công văn số 15/KH-UBND ngày 12/03/2025")
        expect(officer.get_by_label("Nội dung (lời đọc)")).to_contain_text("Thực hiện Kế hoạch số 09/KH-UBND")
        expect(officer.locator("p.notice[role=status]")).to_contain_text("Đã đọc văn bản")
        _fits_the_screen(officer)
        _shot(officer, "import-draft")
        if viewport is PHONE:  # the officer finishes the draft: topic, a weekly repeat, save
            officer.get_by_label("Chủ đề", exact=True).select_option("y-te")
            expect(officer.get_by_label("Thứ Hai")).to_be_hidden()
            officer.get_by_label("Phát định kỳ").select_option("weekly")
            officer.get_by_label("Thứ Hai").check()
            officer.get_by_label("Số lần phát").fill("")
            officer.get_by_role("button", name="Lưu nháp").click()
            expect(officer.locator("p.notice[role=status]")).to_have_text("Đã lưu.")
            expect(officer.get_by_text("Công văn số 15/KH-UBND ngày 12/03/2025")).to_be_visible()
            expect(officer.locator("#recurs")).to_have_text("thứ Hai hằng tuần")
        officer.context.close()


def test_the_plan_and_the_archive_on_a_phone_and_a_desktop(server, browser):
    base, _data_dir = server
    from playwright.sync_api import expect

    editor = _page(browser, base, DESKTOP)
    _sign_in(editor, "bientap")
    editor.get_by_role("link", name="Kế hoạch tuyên truyền").click()
    editor.get_by_label("Loại").last.select_option("commemoration")
    editor.get_by_label("Tên chủ đề").last.fill("Kỷ niệm 80 năm Ngày thành lập Quân đội nhân dân Việt Nam")
    editor.get_by_label("Văn bản chỉ đạo (mỗi văn bản một dòng)").last.fill("Công văn số 581-CV/BTGTU ngày 02/12")
    editor.get_by_role("button", name="Thêm chủ đề").click()
    expect(editor.get_by_role("status")).to_have_text("Đã thêm chủ đề vào kế hoạch.")
    editor.get_by_label("Tên chủ đề").last.fill("Phòng cháy chữa cháy mùa khô")
    editor.get_by_role("button", name="Thêm chủ đề").click()
    expect(editor.locator("#gaps")).to_contain_text("Phòng cháy chữa cháy mùa khô")
    _shot(editor, "plan")
    editor.context.close()

    officer = _page(browser, base, PHONE)
    _sign_in(officer, "vanhoa")
    officer.goto("/app/plan")
    expect(officer.get_by_role("link", name="Phòng cháy chữa cháy mùa khô")).to_be_visible()
    expect(officer.get_by_role("button", name="Thêm chủ đề")).to_have_count(0)
    _fits_the_screen(officer)
    _shot(officer, "plan")
    officer.goto("/app/archive")
    officer.get_by_label("Tìm chữ").fill("mua hanh kho")
    officer.get_by_role("button", name="Tìm").click()
    expect(officer.locator("#found")).to_contain_text("Tìm thấy")
    # the words as one phrase come first
    expect(officer.locator("#results .card").first).to_contain_text("Tăng cường công tác PCCC trong mùa hanh khô")
    _fits_the_screen(officer)
    _shot(officer, "archive")
    officer.context.close()
    desk = _page(browser, base, DESKTOP)
    _sign_in(desk, "vanhoa")
    desk.goto("/app/archive")
    _shot(desk, "archive")
    desk.context.close()
