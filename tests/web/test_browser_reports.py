"""In real Chromium: an editor opens a month's report, sees the charts, downloads XLSX and PDF;
the printed broadcast log. Screenshots go to test-artifacts/screenshots/ (and LOA_SHOTS_DIR)."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy.orm import Session

from app.db import make_engine
from bench.report_data import populate
from tests.fixtures.live_server import LoaServer
from tests.web.test_browser import PASSWORDS, PHONE, SHOTS, _page, _sign_in, browser  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.slow]
MONTH = "2026-10"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The demo station with October 2026 aired and reported by its relay points."""
    live = LoaServer(tmp_path_factory.mktemp("loa-reports"), scheduler=False)
    live.cli("init", "--demo")
    for name, password in PASSWORDS.items():
        live.cli("users", "passwd", name, "--password-stdin", stdin=password + "\n")
    engine = make_engine(f"sqlite:///{live.data_dir / 'loa.db'}")
    with Session(engine) as session:
        from app.models import Station

        station = session.get(Station, 1)
        assert station is not None
        populate(session, station, first=date(2026, 9, 1), days=61, scripts=90, relays_per_area=1)
        session.commit()
    engine.dispose()
    live.start()
    try:
        yield live.url
    finally:
        live.stop()


def _shots(page, name: str) -> None:  # type: ignore[no-untyped-def]
    for where in (SHOTS, Path(os.environ["LOA_SHOTS_DIR"]) if os.environ.get("LOA_SHOTS_DIR") else None):
        if where is not None:
            where.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(where / f"{name}.png"), full_page=True)


def test_editor_reads_month_report_and_downloads(browser, server: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from playwright.sync_api import expect

    page = _page(browser, server, {"width": 1280, "height": 900})
    _sign_in(page, "bientap")
    page.goto("/app/reports")
    page.get_by_label("Kỳ (2026-10, 2026-Q4, 2026)").fill(MONTH)
    page.get_by_role("button", name="Xem").click()
    expect(page.get_by_role("heading", name="Báo cáo kết quả phát thanh")).to_be_visible()
    expect(page.get_by_text("Tháng 10/2026").first).to_be_visible()
    expect(page.get_by_role("img", name="Phút phát theo chuyên mục")).to_be_visible()
    expect(page.get_by_role("heading", name="Kiểm chứng phát theo cụm loa")).to_be_visible()
    _shots(page, "report-desktop")
    with page.expect_download() as got:
        page.get_by_role("link", name="XLSX").click()
    book = load_workbook(io.BytesIO(Path(got.value.path()).read_bytes()))
    assert "Tháng 10/2026" in str(book["Báo cáo"]["B4"].value)
    with page.expect_download() as got:
        page.get_by_role("link", name="PDF").click()
    text = "".join(p.extract_text() for p in PdfReader(got.value.path()).pages)
    assert "BÁO CÁO KẾT QUẢ PHÁT THANH" in text
    phone = _page(browser, server, PHONE)
    _sign_in(phone, "bientap")
    phone.goto(f"/app/reports?period={MONTH}")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    _shots(phone, "report-phone")
    phone.goto("/app/reports/log?day=2026-10-05")
    phone.emulate_media(media="print")
    page.goto("/app/reports/log?day=2026-10-05")
    page.emulate_media(media="print")
    expect(page.get_by_role("heading", name="Sổ nhật ký phát thanh")).to_be_visible()
    expect(page.get_by_role("navigation")).to_be_hidden()
    _shots(page, "log-print")
    page.emulate_media(media="screen")
    page.goto("/app/schedule/week?day=2026-10-05")
    page.emulate_media(media="print")
    _shots(page, "week-print")
