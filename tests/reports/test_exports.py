"""The exports read back: XLSX with openpyxl, PDF with pypdf, CSV; the CLI; the pages."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from fastapi.testclient import TestClient
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy.orm import Session

from app.cli import main
from app.reports import periods, service
from app.reports.export_csv import to_csv
from app.reports.export_log_pdf import log_to_pdf
from app.reports.export_pdf import to_pdf
from app.reports.export_xlsx import to_xlsx
from app.reports.log import broadcast_log
from tests.reports.scenario import Scenario
from tests.web.helpers import sign_in

OCTOBER = periods.month(2026, 10)


def _report(session: Session, sc: Scenario) -> service.Report:
    return service.build(session, sc.world.station, OCTOBER, prepared_by="Nguyễn Thị Biên Tập", with_airings=True)


def test_xlsx_has_the_header_and_the_figures(session: Session, scenario: Scenario) -> None:
    book = load_workbook(io.BytesIO(to_xlsx(_report(session, scenario))))
    summary = [[c for c in row if c is not None] for row in book["Báo cáo"].iter_rows(values_only=True)]
    assert ["Đơn vị / Station", "Đài truyền thanh phường Hà Tu"] in summary
    assert ["Người lập / Prepared by", "Nguyễn Thị Biên Tập"] in summary
    assert ["Thời lượng tin bài (phút) / Bulletin minutes", 14, 8] in summary
    topics = list(book["Theo chuyên mục"].iter_rows(values_only=True))
    assert ("Y tế – sức khỏe", 1, 1, 2, 1, 4, 2) in topics
    proof = list(book["Kiểm chứng phát theo cụm loa"].iter_rows(values_only=True))
    assert ("Cụm loa tổ 5", "Khu 2", 3, 0, 1, 5, 2, 1) in proof
    assert len(list(book["Các lượt phát"].iter_rows())) == 2 + 5  # title, headings, five airings


def test_pdf_text_has_vietnamese_labels_and_figures(session: Session, scenario: Scenario) -> None:
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(to_pdf(_report(session, scenario)))).pages)
    for expected in ("BÁO CÁO KẾT QUẢ PHÁT THANH", "Tháng 10/2026", "Nguyễn Thị Biên Tập", "Y tế – sức khỏe",
                     "Cụm loa chợ Hà Tu", "Mất điện cả tổ 5 từ 6 giờ sáng", "Thông báo lịch tiêm vắc-xin sởi",
                     "66,7%"):
        assert expected in text, expected


def test_broadcast_log_pdf_names_approvers_and_relay_reports(session: Session, scenario: Scenario) -> None:
    entries = broadcast_log(session, scenario.world.station, OCTOBER)
    assert [len(e.reports) for e in entries] == [2, 2, 0]
    assert entries[0].items[0].approved_by == "editor"
    pdf = log_to_pdf(scenario.world.station, OCTOBER, entries, "Nguyễn Văn A")
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "SỔ NHẬT KÝ PHÁT THANH" in text
    assert "Không phát được" in text and "player: no audio device" in text  # noqa: PT018
    assert "Kỷ niệm 80 năm Ngày Quốc khánh 2/9" in text


def test_csv_reads_back(session: Session, scenario: Scenario) -> None:
    rows = list(csv.reader(io.StringIO(to_csv(_report(session, scenario)).decode("utf-8-sig"))))
    assert rows[0] == ["BÁO CÁO KẾT QUẢ PHÁT THANH / BROADCASTING REPORT"]
    assert ["Khu 2", "3", "2", "5", "2", "14.0", "5.0"] in rows  # day 2 failed in Khu 2
    assert ["Cụm loa chợ Hà Tu", "Khu 1", "3", "2", "0", "0.0", "1", "0"] in rows


def test_pages_show_the_report_to_editors_and_officers_not_leaders(client: TestClient,
                                                                   scenario: Scenario) -> None:  # noqa: ARG001
    sign_in(client, "editor")
    page = client.get("/app/reports", params={"period": "2026-10"})
    assert page.status_code == 200
    assert "Tháng 10/2026" in page.text and "<svg" in page.text  # noqa: PT018
    assert "Cụm loa tổ 5" in page.text
    xlsx = client.get("/app/reports/export.xlsx", params={"period": "2026-10"})
    assert load_workbook(io.BytesIO(xlsx.content))["Báo cáo"]["A1"].value.startswith("BÁO CÁO")
    log = client.get("/app/reports/log", params={"month": "2026-10"})
    assert "Cụm loa chợ Hà Tu" in log.text and "Chưa cụm loa nào báo" in log.text  # noqa: PT018
    bad = client.get("/app/reports", params={"period": "2026-13"})
    assert bad.status_code == 422
    assert "2026-Q4" in bad.text
    client.cookies.clear()
    sign_in(client, "officer")
    assert client.get("/app/reports", params={"period": "2026-10"}).status_code == 200
    client.cookies.clear()
    sign_in(client, "leader")
    assert client.get("/app/reports").status_code == 403
    assert client.get("/app/schedule/week").status_code == 200


def test_cli_writes_each_format_and_refuses_bad_input(tmp_path: Path) -> None:
    # the CLI opens its own database (LOA_DATA_DIR): an empty station is enough to see it work
    from app.db import get_engine, session_factory
    from app.migrate import upgrade
    from tests.fixtures.builders import create_station

    upgrade(get_engine())
    with session_factory()() as db:
        station, _ = create_station(db, name=f"Đài thử CLI {tmp_path.name}")
        db.commit()
        sid = station.id
    for fmt in ("xlsx", "pdf", "csv"):
        out = tmp_path / f"r.{fmt}"
        assert main(["report", "--station", str(sid), "--from", "2026-10-01", "--to", "2026-10-31",
                     "--format", fmt, "-o", str(out)]) == 0
        assert out.stat().st_size > 0
    assert main(["report", "--station", str(sid), "--from", "2026-10-31", "--to", "2026-10-01",
                 "-o", str(tmp_path / "x.csv")]) == 2
    assert main(["report", "--station", str(sid), "--from", "31/10/2026", "--to", "2026-10-01",
                 "-o", str(tmp_path / "x.csv")]) == 2
    assert main(["report", "--station", "999999", "--from", "2026-10-01", "--to", "2026-10-31",
                 "-o", str(tmp_path / "x.csv")]) == 1
    assert main(["report", "--station", str(sid), "--from", "2026-10-01", "--to", "2026-10-31",
                 "-o", str(tmp_path / "x.doc")]) == 2
