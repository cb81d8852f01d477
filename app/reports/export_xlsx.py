"""The report as an Excel workbook (openpyxl): a summary sheet with the header the city asks for,
one sheet per table, numbers kept as numbers."""

from __future__ import annotations

import io
import re
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

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


def _bold(ws: Any, value: Any, size: int | None = None) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=value)
    cell.font = Font(bold=True, size=size) if size else BOLD
    return cell


def _write(ws: Any, table: Table) -> None:
    ws.append([_bold(ws, table.title, 12)])
    ws.append([_bold(ws, h) for h in table.headings])
    for values in table.rows:
        ws.append(values)
    ws.append([])


def _widths(ws: Any, columns: int, first: int = 40, rest: int = 16) -> None:
    for col in range(1, columns + 1):
        ws.column_dimensions[get_column_letter(col)].width = first if col == 1 else rest


def to_xlsx(report: Report) -> bytes:
    """Written in openpyxl's write-only mode: a year's airings are thousands of rows."""
    book = Workbook(write_only=True)
    ws = book.create_sheet("Báo cáo")
    _widths(ws, 3, 55, 20)
    ws.append([_bold(ws, TITLE, 14)])
    ws.append([])
    for label, value in header_lines(report):
        ws.append([_bold(ws, label), value])
    ws.append([BASIS])
    ws.append([])
    all_tables = tables(report)
    _write(ws, all_tables[0])
    taken = {"Báo cáo"}
    for table in [*all_tables[1:], *([airings_table(report)] if report.airings else [])]:
        sheet = book.create_sheet(_sheet_name(table.title, taken))
        _widths(sheet, len(table.headings))
        _write(sheet, table)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
