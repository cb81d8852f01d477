"""The report as CSV: the header lines, then each table under its title (UTF-8 with BOM for Excel)."""

from __future__ import annotations

import csv
import io

from app.reports.service import Report
from app.reports.tables import TITLE, airings_table, header_lines, tables


def to_csv(report: Report) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([TITLE])
    for label, value in header_lines(report):
        writer.writerow([label, value])
    for table in [*tables(report), *([airings_table(report)] if report.airings else [])]:
        writer.writerow([])
        writer.writerow([table.title])
        writer.writerow(table.headings)
        writer.writerows(table.rows)
    return out.getvalue().encode("utf-8-sig")
