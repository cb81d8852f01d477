"""The report as PDF (fpdf2), with Noto Sans embedded so every Vietnamese diacritic prints."""

from __future__ import annotations

from typing import Any

from fpdf import FPDF
from fpdf.fonts import FontFace

from app.reports import fonts
from app.reports.service import Report
from app.reports.tables import BASIS, TITLE, Table, header_lines, tables, vi_number

HEAD = FontFace(fill_color=(230, 236, 244))


class ReportPdf(FPDF):
    """A4 pages with the station's name and the page number at the foot."""

    footer_text = ""

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(fonts.FAMILY, size=8)
        self.cell(0, 6, f"{self.footer_text} — trang {self.page_no()}/{{nb}}", align="C")


def new_pdf(footer: str, *, landscape: bool = False) -> ReportPdf:
    pdf = ReportPdf(orientation="L" if landscape else "P", format="A4")
    pdf.footer_text = footer
    pdf.add_font(fonts.FAMILY, "", fonts.regular())
    pdf.set_auto_page_break(True, margin=15)
    pdf.set_margins(12, 12, 12)
    pdf.add_page()
    return pdf


def cell_text(value: Any) -> str:
    if isinstance(value, float):
        return vi_number(value)
    return str(value)


def write_table(pdf: FPDF, table: Table, widths: tuple[int, ...] | None = None) -> None:
    pdf.set_font(fonts.FAMILY, size=11)
    pdf.multi_cell(0, 6, table.title, new_x="LMARGIN", new_y="NEXT")
    if not table.rows:
        pdf.set_font(fonts.FAMILY, size=9)
        pdf.cell(0, 6, "Không có. / None.", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        return
    pdf.set_font(fonts.FAMILY, size=7)
    with pdf.table(col_widths=widths or (3, *([1] * (len(table.headings) - 1))), headings_style=HEAD,
                   line_height=4, first_row_as_headings=True, repeat_headings=1) as t:
        for values in [table.headings, *table.rows]:
            row = t.row()
            for value in values:
                row.cell(cell_text(value))
    pdf.ln(3)


def to_pdf(report: Report) -> bytes:
    pdf = new_pdf(f"{report.station_name} · {report.period.label()}")
    pdf.set_font(fonts.FAMILY, size=15)
    pdf.multi_cell(0, 8, report.station_name.upper(), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(fonts.FAMILY, size=13)
    pdf.multi_cell(0, 7, TITLE, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font(fonts.FAMILY, size=10)
    for label, value in header_lines(report):
        pdf.multi_cell(0, 5, f"{label}: {value}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(fonts.FAMILY, size=8)
    pdf.multi_cell(0, 4, BASIS, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    for table in tables(report):
        widths = (5, 3, 2, 2, 3, 3, 2, 2, 2, 2, 2) if table.title.startswith("Danh sách") else None
        write_table(pdf, table, widths)
    return bytes(pdf.output())
