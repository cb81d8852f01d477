"""The report as PDF (fpdf2), with Noto Sans embedded so every Vietnamese diacritic prints."""

from __future__ import annotations

from typing import Any

from fpdf import FPDF
from fpdf.enums import MethodReturnValue

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


class Measure:
    """String widths from the font's advance widths: fpdf2's get_string_width costs ~0.1 ms a call,
    and a year's bulletin list has 50,000 cells."""

    def __init__(self, pdf: FPDF) -> None:
        font = pdf.current_font
        self.widths: dict[int, float] = font.cw  # type: ignore[union-attr,assignment]
        self.scale = pdf.font_size_pt / 1000 / pdf.k

    def width(self, text: str) -> float:
        w = self.widths
        return sum(w[ord(c)] for c in text) * self.scale

    def fit(self, text: str, room: float) -> str:
        """The text cut with an ellipsis to fit one line of `room` mm (a long title stays one row)."""
        if self.width(text) <= room:
            return text
        room -= self.width("…")
        while text and self.width(text) > room:
            guess = int(len(text) * room / max(self.width(text), 0.1))
            text = text[: max(0, min(len(text) - 1, guess))]
        return text + "…"


def _lines(pdf: FPDF, width: float, text: str) -> int:
    wrapped = pdf.multi_cell(width - 1, 3.2, text, dry_run=True, output=MethodReturnValue.LINES)
    return len(wrapped) if isinstance(wrapped, list) else 1


def write_table(pdf: FPDF, table: Table, widths: tuple[int, ...] | None = None) -> None:
    """One line per row, text placed directly: fpdf2's cell() and table layout take a minute for a
    year's bulletins; this takes a few seconds."""
    if pdf.will_page_break(30):  # a title and its headings never end a page alone
        pdf.add_page()
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

    def headings() -> None:
        pdf.set_font(fonts.FAMILY, size=6.5)
        lines = max(_lines(pdf, w, h) for w, h in zip(cols, table.headings, strict=True))
        top, x = pdf.get_y(), pdf.l_margin
        for width, heading in zip(cols, table.headings, strict=True):
            pdf.rect(x, top, width, lines * 3.2 + 0.6, style="DF")
            pdf.set_xy(x, top + 0.3)
            pdf.multi_cell(width, 3.2, heading, align="L", new_x="RIGHT", new_y="TOP", max_line_height=3.2)
            x += width
        pdf.set_xy(pdf.l_margin, top + lines * 3.2 + 0.6)
        pdf.set_font(fonts.FAMILY, size=7)

    headings()
    measure = Measure(pdf)
    line_h = 4.2
    for values in table.rows:
        if pdf.will_page_break(line_h):
            pdf.add_page()
            headings()
        y, x = pdf.get_y(), pdf.l_margin
        for width, value in zip(cols, values, strict=True):
            pdf.text(x + 0.5, y + 3, measure.fit(cell_text(value), width - 1))
            x += width
        pdf.line(pdf.l_margin, y + line_h, pdf.l_margin + pdf.epw, y + line_h)
        pdf.set_y(y + line_h)
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
