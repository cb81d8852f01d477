"""End to end in real Chromium against a running `loa serve` with the demo station.

Needs Debian's `chromium` package (`make test` installs it). Playwright drives that executable;
no browser is ever downloaded. Screenshots of the main pages go to test-artifacts/screenshots/.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from xml.etree import ElementTree as ET

import httpx
import pytest

from tests.fixtures.live_server import LoaServer

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-artifacts" / "screenshots"
PASSWORDS = {"ubnd": "mat-khau-ubnd-1", "bientap": "mat-khau-bientap-1", "vanhoa": "mat-khau-vanhoa-1",
             "khu1": "mat-khau-khu1-1"}
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PHONE = {"width": 360, "height": 780}
DESKTOP = {"width": 1280, "height": 900}
TITLE = "Thông báo thu gom rác thải cồng kềnh tại Khu 1 ngày 30/11"

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def find_chromium() -> str:
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    pytest.fail(
        "\n\n*** NO CHROMIUM FOUND: the browser tests cannot run. ***\n"
        "Install Debian's chromium package: sudo apt-get install -y chromium\n"
        "(.ci/run does this in CI; Playwright must never download its own browser.)\n",
        pytrace=False,
    )






@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """`loa init --demo` then `loa serve` (with its scheduler) on a free port, in a data dir of its own."""
    yield from demo_server(tmp_path_factory.mktemp("loa-browser"), scheduler=True,
                           env={"LOA_REPLAN_DELAY_SECONDS": "1"})


def demo_server(data_dir: Path, *, scheduler: bool, env: dict[str, str] | None = None) -> Iterator[tuple[str, Path]]:
    """The demo station served from `data_dir`, its users' passwords set to PASSWORDS."""
    live = LoaServer(data_dir, scheduler=scheduler, env=env)
    live.cli("init", "--demo")
    for name, password in PASSWORDS.items():
        live.cli("users", "passwd", name, "--password-stdin", stdin=password + "\n")
    live.start()
    try:
        yield live.url, live.data_dir
    finally:
        live.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import expect, sync_playwright

    # CI machines are shared and sometimes slow: wait longer than Playwright's 5 s default.
    expect.set_options(timeout=20_000)
    executable = find_chromium()
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


# What Chromium refused under the pages' Content-Security-Policy: a script or style that did not run.
CSP_REFUSALS: list[str] = []


def _page(browser, base: str, viewport: dict[str, int]):
    context = browser.new_context(base_url=base, viewport=viewport, locale="vi-VN")
    context.set_default_timeout(20_000)
    page = context.new_page()
    page.on("console", lambda message: CSP_REFUSALS.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text else None)
    return page


def _shot(page, name: str) -> None:
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    SHOTS.mkdir(parents=True, exist_ok=True)
    kind = "phone" if page.viewport_size["width"] <= 400 else "desktop"
    path = str(SHOTS / f"{name}-{kind}.png")
    try:
        page.screenshot(path=path, full_page=True, timeout=45_000)
    except PlaywrightTimeoutError:
        # A full-page capture of a tall page can stall in headless Chromium on a loaded machine
        # (CI saw one hang after "fonts loaded"); the shot is a record for people, not an
        # assertion, so the visible part is kept instead.
        page.screenshot(path=path, timeout=45_000)


def _sign_in(page, username: str) -> None:
    page.goto("/login")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORDS[username])
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state()
    assert "/login" not in page.url, page.content()


def _fits_the_screen(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url} scrolls sideways on a phone ({width}px)"


def _record_aired_as_of(data_dir: Path, now: datetime) -> None:
    from sqlalchemy.orm import Session

    from app.db import make_engine
    from app.programmes import service as programmes

    engine = make_engine(f"sqlite:///{data_dir / 'loa.db'}")
    try:
        with Session(engine) as session:
            assert programmes.record_aired(session, now) > 0
            session.commit()
    finally:
        engine.dispose()


def test_the_whole_workflow_in_chromium(server, browser):
    base, data_dir = server
    from playwright.sync_api import expect

    for viewport in (PHONE, DESKTOP):
        home = _page(browser, base, viewport)
        home.goto("/")
        expect(home.get_by_role("cell", name="vanhoa")).to_be_visible()
        _shot(home, "home")
        home.context.close()

    # The officer drafts on a phone; a blank title is refused and the text stays.
    officer = _page(browser, base, PHONE)
    _sign_in(officer, "vanhoa")
    expect(officer.get_by_role("heading", name="Tin bài của tôi")).to_be_visible()
    _fits_the_screen(officer)
    _shot(officer, "officer-my-scripts")
    officer.get_by_role("link", name="Soạn tin bài mới").click()
    officer.get_by_label("Nội dung (lời đọc)").fill(
        "Thưa bà con! Sáng thứ Bảy ngày 30/11, UBND phường tổ chức thu gom rác thải cồng kềnh tại "
        "nhà văn hóa Khu 1 từ 7h00 đến 10h00. Đề nghị bà con tập kết đúng giờ, đúng nơi quy định.")
    officer.get_by_label("Chủ đề").select_option("moi-truong")
    officer.get_by_label("Khu 1", exact=True).check()
    officer.get_by_role("button", name="Xem lời đọc").click()
    expect(officer.locator("#spoken-out")).not_to_be_empty()
    officer.get_by_role("button", name="Lưu và gửi duyệt").click()
    expect(officer.locator("#title-err")).to_have_text("Không được để trống.")
    expect(officer.get_by_label("Nội dung (lời đọc)")).to_contain_text("thu gom rác thải cồng kềnh")
    _fits_the_screen(officer)
    _shot(officer, "officer-editor-error")
    officer.get_by_label("Tiêu đề").fill(TITLE)
    officer.get_by_role("button", name="Lưu và gửi duyệt").click()
    expect(officer.get_by_role("status")).to_have_text("Đã gửi duyệt.")
    script_url = officer.url

    # The editor rejects it with a reason, on a desktop.
    editor = _page(browser, base, DESKTOP)
    _sign_in(editor, "bientap")
    expect(editor.get_by_role("link", name=TITLE)).to_be_visible()
    _shot(editor, "editor-queue")
    editor.get_by_role("link", name=TITLE).click()
    editor.get_by_label("Lý do từ chối").fill("Cần ghi rõ nguồn văn bản (số kế hoạch của UBND phường).")
    editor.get_by_role("button", name="Từ chối").click()
    expect(editor.get_by_role("status")).to_contain_text("Đã từ chối")

    # The officer sees why, fixes the source and resubmits.
    officer.goto("/app/scripts")
    expect(officer.get_by_text("Cần ghi rõ nguồn văn bản")).to_be_visible()
    officer.goto(script_url + "/edit")
    officer.get_by_label("Nguồn văn bản").fill("Kế hoạch 145/KH-UBND ngày 20/11")
    officer.get_by_role("button", name="Lưu và gửi duyệt").click()
    expect(officer.get_by_role("status")).to_have_text("Đã gửi duyệt.")

    # The editor approves it, deciding its priority.
    editor.goto(script_url)
    _shot(editor, "editor-script")
    editor.get_by_label("Mức ưu tiên").select_option("priority")
    editor.get_by_role("button", name="Duyệt", exact=True).click()
    expect(editor.get_by_role("status")).to_have_text("Đã duyệt tin bài.")

    # The Khu 1 leader sees it, and not a notice meant only for Khu 2 and Khu 3.
    leader = _page(browser, base, PHONE)
    _sign_in(leader, "khu1")
    expect(leader.get_by_role("heading", name="Khu phố của tôi: Khu 1")).to_be_visible()
    # (the programme bar's SVG also names it, in a <title> no one sees: look for the visible text)
    expect(leader.get_by_text(TITLE).filter(visible=True).first).to_be_visible()
    expect(leader.get_by_text("Thông báo tạm ngừng cấp nước")).to_have_count(0)
    _fits_the_screen(leader)
    _shot(leader, "leader-area")

    # The scheduler re-plans shortly after the approval: the script is in the programme view.
    planner = _page(browser, base, DESKTOP)
    _sign_in(planner, "bientap")
    deadline = time.monotonic() + 90
    while True:
        planner.goto("/app/programmes?view=week")
        if planner.locator("article.programme", has_text=TITLE).count():
            break
        assert time.monotonic() < deadline, "the approved script was not planned within 90 s"
        time.sleep(1)
    bar = planner.locator("article.programme", has_text=TITLE).first.locator("svg.bar rect").first
    assert bar.bounding_box()["width"] > 0, "the programme's bar shows its items"
    _shot(planner, "programmes-week")

    # Aired: the post-air job records airings once the programmes have ended; run it as if a week
    # had passed, with the product's own service against the server's database.
    _record_aired_as_of(data_dir, datetime.now(UTC) + timedelta(days=8))
    feed = httpx.get(f"{base}/stations/1/feed.xml", timeout=10)
    channel = ET.fromstring(feed.content).find("channel")
    titles = [i.findtext("title") for i in channel.findall("item")]
    assert titles.count(TITLE) == 1, titles  # once, however many times it aired
    public = _page(browser, base, PHONE)
    public.goto("/stations/1/scripts")
    expect(public.get_by_role("link", name=TITLE)).to_be_visible()
    _fits_the_screen(public)
    _shot(public, "public-scripts")

    # The admin adds a relay point and sees its token once.
    admin = _page(browser, base, DESKTOP)
    _sign_in(admin, "ubnd")
    admin.locator("#relays input[name=name]").fill("Cụm loa nhà văn hóa Khu 1")
    admin.locator("#relays select[name=area_id]").select_option(label="Khu 1")
    admin.get_by_role("button", name="Thêm cụm loa").click()
    expect(admin.locator("#relays code.copy")).to_contain_text("loa_relay_")
    _shot(admin, "admin")
    admin.goto("/app/relays")
    expect(admin.get_by_role("cell", name="Cụm loa nhà văn hóa Khu 1")).to_be_visible()
    _shot(admin, "relay-board")
    # The editor issues an emergency: a confirmation page first, showing the spoken form.
    editor.goto("/app/review")
    editor.get_by_role("link", name="Phát tin khẩn cấp ngay").click()
    editor.get_by_label("Tiêu đề").fill("Cảnh báo mưa lớn")
    editor.get_by_label("Nội dung (lời đọc)").fill("Mưa lớn từ 14h ngày 22/01. Bà con không đi qua ngầm tràn.")
    editor.get_by_role("button", name="Xem lại trước khi phát").click()
    expect(editor.locator("#confirm-spoken")).to_contain_text("mười bốn giờ")
    _shot(editor, "emergency-confirm")
    editor.get_by_role("button", name="Phát ngay").click()
    expect(editor.get_by_role("heading", name="Đã phát tin khẩn cấp")).to_be_visible()
    _shot(editor, "emergency-issued")
    # Wherever the editor looks, the bulletin on air is listed with its Stop button.
    editor.goto("/app/programmes")
    on_air = editor.locator("#on-air")
    expect(on_air).to_contain_text("Cảnh báo mưa lớn")
    _shot(editor, "emergency-on-air")
    editor.once("dialog", lambda dialog: dialog.accept())
    on_air.get_by_role("button", name="Dừng phát bản tin này").click()
    expect(editor.get_by_role("status")).to_be_visible()
    editor.goto("/app/review")
    expect(editor.locator("#on-air")).to_have_count(0)
    for page in (officer, editor, leader, public, admin, planner):
        page.context.close()
    assert not CSP_REFUSALS, "the pages' own scripts and styles must all run:\n" + "\n".join(CSP_REFUSALS)
