"""The report as PDF (fpdf2), with Noto Sans embedded so every Vietnamese diacritic prints."""

from __future__ import annotations

from typing import Any

from fpdf import FPDF

from app.reports import fonts
from app.reports.service import Report
from app.reports.tables import BASIS, TITLE, Table, header_lines, tables, vi_number

# Columns of the tables with long text; the others take 3 parts for the first column, 1 for each figure.
WIDTHS = {"Sự cố được báo": (3, 3, 2, 8, 2), "Danh sách tin bài đã phát": (8, 4, 3, 3, 3, 3, 3, 3, 2, 2, 2),
          "Chương trình phát trễ": (4, 2, 2, 2), "Chương trình không phát": (4, 2, 2)}


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


def _fit(pdf: FPDF, text: str, width: float) -> str:
    """The text cut with an ellipsis to fit one line of `width` mm (a long title stays one row)."""
    if pdf.get_string_width(text) <= width - 1:
        return text
    while text and pdf.get_string_width(text + "…") > width - 1:
        text = text[:-1]
    return text + "…"


def write_table(pdf: FPDF, table: Table, widths: tuple[int, ...] | None = None) -> None:
    """One line per row with plain cells: fpdf2's table layout takes a minute for a year's bulletins."""
    pdf.set_font(fonts.FAMILY, size=11)
    pdf.multi_cell(0, 6, table.title, new_x="LMARGIN", new_y="NEXT")
    if not table.rows:
        pdf.set_font(fonts.FAMILY, size=9)
        pdf.cell(0, 6, "Không có. / None.", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        return
    parts = widths or (3, *([1] * (len(table.headings) - 1)))
    cols = [pdf.epw * w / sum(parts) for w in parts]
    pdf.set_font(fonts.FAMILY, size=6.5)
    pdf.set_fill_color(230, 236, 244)
    top = pdf.get_y()
    for width, heading in zip(cols, table.headings, strict=True):
        pdf.set_xy(pdf.get_x(), top)
        pdf.multi_cell(width, 3.2, heading, border=1, fill=True, new_x="RIGHT", new_y="TOP", max_line_height=3.2)
    pdf.set_y(top + 3 * 3.2 + 0.5)
    pdf.set_font(fonts.FAMILY, size=7)
    for values in table.rows:
        if pdf.will_page_break(4.5):
            pdf.add_page()
        for width, value in zip(cols, values, strict=True):
            pdf.cell(width, 4.5, _fit(pdf, cell_text(value), width), border="B")
        pdf.ln(4.5)
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
        write_table(pdf, table, WIDTHS.get(table.title.split(" / ")[0]))
    return bytes(pdf.output())
