"""The report as an Excel workbook (openpyxl): a summary sheet with the header the city asks for,
one sheet per table, numbers kept as numbers."""

from __future__ import annotations

import io
import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.reports.service import Report
from app.reports.tables import BASIS, TITLE, Table, airings_table, header_lines, tables

BOLD = Font(bold=True)


def _sheet_name(title: str, taken: set[str]) -> str:
    name = re.sub(r"[\[\]:*?/\\]", "", title.split(" / ")[0])[:28].strip() or "Bảng"
    base, n = name, 2
    while name in taken:
        name, n = f"{base[:25]} {n}", n + 1
    taken.add(name)
    return name


def _write(ws: Worksheet, table: Table, row: int) -> int:
    ws.cell(row=row, column=1, value=table.title).font = Font(bold=True, size=12)
    row += 1
    for col, heading in enumerate(table.headings, start=1):
        cell = ws.cell(row=row, column=col, value=heading)
        cell.font, cell.alignment = BOLD, Alignment(wrap_text=True, vertical="top")
    for values in table.rows:
        row += 1
        for col, value in enumerate(values, start=1):
            ws.cell(row=row, column=col, value=value)
    return row + 2


def _widths(ws: Worksheet, first: int = 40, rest: int = 16) -> None:
    for col in range(1, ws.max_column + 1):
        ws.column_dimensions[get_column_letter(col)].width = first if col == 1 else rest


def to_xlsx(report: Report) -> bytes:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "Báo cáo"
    ws.cell(row=1, column=1, value=TITLE).font = Font(bold=True, size=14)
    row = 3
    for label, value in header_lines(report):
        ws.cell(row=row, column=1, value=label).font = BOLD
        ws.cell(row=row, column=2, value=value)
        row += 1
    ws.cell(row=row, column=1, value=BASIS).alignment = Alignment(wrap_text=False)
    all_tables = tables(report)
    _write(ws, all_tables[0], row + 2)
    _widths(ws, 55, 20)
    taken = {ws.title}
    for table in [*all_tables[1:], *([airings_table(report)] if report.airings else [])]:
        sheet = book.create_sheet(_sheet_name(table.title, taken))
        _write(sheet, table, 1)
        _widths(sheet)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
