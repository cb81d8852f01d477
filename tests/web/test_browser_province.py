"""A province bulletin from draft to a ward's acceptance, in real Chromium against `loa serve`.

The demo ward (Hà Tu) placed under a province set up with the command line, as an installer would:
the province editor drafts and submits, the province's head of the editorial board approves and
sends it as normal to the ward, the ward editor accepts it in the inbox, and the sender's page
says, in Vietnamese, that the ward accepted it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.fixtures.live_server import LoaServer
from tests.web import test_browser as shared
from tests.web.test_browser import DESKTOP, PASSWORDS, PHONE, _page, _shot

browser = shared.browser  # the same Chromium fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PROVINCE = "Tỉnh Quảng Ninh"
ACCOUNTS = {"tinh_bientap": "mat-khau-tinh-bientap", "tinh_truongban": "mat-khau-tinh-truongban"}
TITLE = "Tỉnh thông báo: chủ động phòng, chống bão số 15"


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LoaServer]:
    server = LoaServer(tmp_path_factory.mktemp("loa-province"), scheduler=False)
    server.cli("init", "--demo")
    server.cli("users", "passwd", "bientap", "--password-stdin", stdin=PASSWORDS["bientap"] + "\n")
    server.cli("org", "add", PROVINCE, "--kind", "province")
    server.cli("org", "assign", "1", "--organisation", PROVINCE)
    for name, password in ACCOUNTS.items():
        server.cli("users", "add", name, "--role", "editor", "--organisation", PROVINCE, "--password-stdin",
                   stdin=password + "\n")
    server.start()
    try:
        yield server
    finally:
        server.stop()


def _sign_in(page, username: str) -> None:
    page.goto("/login")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(ACCOUNTS.get(username) or PASSWORDS[username])
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state()
    assert "/login" not in page.url, page.content()


def test_province_bulletin_reaches_a_ward_and_the_sender_sees_it_accepted(live, browser):
    from playwright.sync_api import expect

    # The province editor drafts; an empty text is refused and the title stays.
    drafter = _page(browser, live.url, DESKTOP)
    _sign_in(drafter, "tinh_bientap")
    expect(drafter.get_by_role("heading", name="Bản tin gửi xuống", level=1)).to_be_visible()
    expect(drafter.get_by_role("link", name="Tình trạng các đài")).to_be_visible()
    drafter.get_by_label("Tiêu đề").fill(TITLE)
    drafter.get_by_role("button", name="Lưu bản nháp").click()
    expect(drafter.get_by_text("Không được để trống.").first).to_be_visible()
    expect(drafter.get_by_label("Tiêu đề")).to_have_value(TITLE)
    drafter.get_by_label("Nội dung (lời đọc)").fill(
        "Thưa bà con! Bão số 15 đang tiến vào vịnh Bắc Bộ. Đề nghị bà con chằng chống nhà cửa, "
        "không ra khơi từ 17 giờ ngày hôm nay.")
    drafter.get_by_label("Mức độ").select_option("normal")
    drafter.get_by_role("button", name="Lưu bản nháp").click()
    expect(drafter.get_by_text("Đã lưu bản nháp.")).to_be_visible()
    bulletin_url = drafter.url
    drafter.get_by_role("button", name="Trình duyệt").click()
    expect(drafter.get_by_text("Đã trình duyệt bản tin.")).to_be_visible()
    expect(drafter.locator("p.meta").first).to_contain_text("Chờ duyệt")
    # Nobody approves their own bulletin: the author is not offered the button.
    expect(drafter.get_by_role("button", name="Duyệt bản tin")).to_have_count(0)
    _shot(drafter, "province-bulletin-submitted")

    # The head of the province's editorial board approves, then sends it as normal to the ward.
    head = _page(browser, live.url, DESKTOP)
    _sign_in(head, "tinh_truongban")
    head.goto(bulletin_url)
    head.get_by_role("button", name="Duyệt bản tin").click()
    expect(head.get_by_text("Đã duyệt bản tin: có thể gửi xuống các đài.")).to_be_visible()
    # Refused sends say what to fix and keep what was chosen.
    until = (datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date() + timedelta(days=2)).isoformat()
    head.get_by_label("Đến ngày").fill(until)
    head.get_by_role("button", name="Gửi xuống các đài đã chọn").click()  # no station ticked
    expect(head.get_by_role("alert")).to_contain_text("Hãy chọn ít nhất một đài.")
    expect(head.get_by_label("Đến ngày")).to_have_value(until)
    station = head.get_by_role("checkbox", name="Đài truyền thanh phường Hà Tu")
    station.check()
    head.get_by_label("Phát từ ngày").fill("2025-11-01")
    head.get_by_label("Đến ngày").fill("2025-11-02")
    head.get_by_role("button", name="Gửi xuống các đài đã chọn").click()
    expect(head.get_by_role("alert")).to_contain_text("Khoảng thời gian phát đã qua")
    expect(station).to_be_checked()
    head.get_by_label("Đến ngày").fill(until)
    head.get_by_label("Phát từ ngày").fill(until)
    head.get_by_role("button", name="Gửi xuống các đài đã chọn").click()
    expect(head.get_by_text("Đã gửi bản tin xuống các đài.")).to_be_visible()
    row = head.locator("#station-1")
    expect(row).to_contain_text("Đã nhận, chờ đài quyết định")

    # The ward editor finds it in the inbox (on a phone) and accepts it.
    ward = _page(browser, live.url, PHONE)
    _sign_in(ward, "bientap")
    ward.get_by_role("link", name="Bản tin cấp trên").click()
    card = ward.locator("li.card", has_text=TITLE)
    expect(card).to_contain_text(f"Từ {PROVINCE}")
    expect(card).to_contain_text("Đã nhận, chờ đài quyết định")
    _shot(ward, "ward-inbox")
    card.get_by_role("button", name="Nhận phát").click()
    expect(ward.get_by_text("Đã nhận phát: bản tin đã thành tin bài của đài.")).to_be_visible()
    card = ward.locator("li.card", has_text=TITLE)
    expect(card.get_by_role("button", name="Nhận phát")).to_have_count(0)
    card.get_by_role("link", name="Tin bài của đài").click()
    expect(ward.get_by_role("heading", name=TITLE)).to_be_visible()

    # The sender's page says the ward accepted it.
    head.reload()
    expect(head.locator("#station-1")).to_contain_text("Đài đã nhận phát")
    _shot(head, "province-bulletin-accepted")
    for page in (drafter, head, ward):
        page.context.close()
