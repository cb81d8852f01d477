"""`loa report`: the report of a station and period to a file (XLSX, PDF or CSV)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

FORMATS = ("xlsx", "pdf", "csv")


def _fail(message: str, code: int = 2) -> int:
    print(f"Lỗi (error): {message}", file=sys.stderr)
    return code


def render(report: object, fmt: str) -> bytes:
    from app.reports.export_csv import to_csv
    from app.reports.export_pdf import to_pdf
    from app.reports.export_xlsx import to_xlsx
    from app.reports.service import Report

    assert isinstance(report, Report)
    return {"xlsx": to_xlsx, "pdf": to_pdf, "csv": to_csv}[fmt](report)


def run(args: argparse.Namespace) -> int:
    from app.db import session_factory
    from app.errors import LoaError
    from app.reports import periods, service
    from app.stations import service as stations

    fmt = args.format or Path(args.output).suffix.lstrip(".").lower()
    if fmt not in FORMATS:
        return _fail(f"định dạng «{fmt}» không có; chọn --format xlsx, pdf hoặc csv.")
    try:
        period = periods.custom(periods.parse_day(args.date_from), periods.parse_day(args.date_to))
    except LoaError as exc:
        return _fail(exc.detail)
    target = Path(args.output)
    if not target.parent.is_dir():
        return _fail(f"thư mục {target.parent} không tồn tại (directory does not exist).")
    with session_factory()() as session:
        try:
            station = stations.get(session, args.station)
        except LoaError as exc:
            return _fail(exc.detail, 1)
        report = service.build(session, station, period, prepared_by=args.prepared_by or "",
                               with_airings=fmt != "pdf")
    target.write_bytes(render(report, fmt))
    print(f"Đã ghi {target} ({report.period.label()}, {report.totals.airings_aired} lượt phát, "
          f"{report.totals.minutes_aired} phút đã phát).")
    return 0


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("report", help="báo cáo kết quả phát thanh: loa report --station 1 --from 2026-10-01 "
                                      "--to 2026-10-31 --format xlsx -o bao-cao.xlsx")
    p.add_argument("--station", type=int, required=True)
    p.add_argument("--from", dest="date_from", required=True, help="ngày đầu YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", required=True, help="ngày cuối YYYY-MM-DD")
    p.add_argument("--format", choices=FORMATS, help="xlsx, pdf hoặc csv (mặc định: theo đuôi tệp)")
    p.add_argument("-o", "--output", required=True, help="tệp kết quả")
    p.add_argument("--prepared-by", help="người lập báo cáo (in ở đầu báo cáo)")
    p.set_defaults(handler=run)
