"""Official letters made by code for the tests: a real .docx (python-docx) and a real PDF (fpdf2)."""

from __future__ import annotations

import io

BODY = [
    "Thực hiện Kế hoạch số 09/KH-UBND ngày 05/3/2025 của UBND thành phố về phòng, chống dịch bệnh năm 2025, "
    "UBND phường Hà Tu đề nghị các khu phố tuyên truyền tới Nhân dân như sau:",
    "1. Mỗi gia đình dành 15 phút mỗi tuần để diệt lăng quăng, bọ gậy, lật úp các vật dụng chứa nước.",
    "2. Khi có người sốt cao từ 2 ngày trở lên, cần đưa đến Trạm Y tế phường để khám kịp thời.",
]


def letter_docx(*, number: str = "15/KH-UBND", day: str = "ngày 12 tháng 3 năm 2025") -> bytes:
    """A ward letter laid out as they are: a two-column header table, addressees, body, footer."""
    from docx import Document

    doc = Document()
    header = doc.add_table(rows=1, cols=2)
    left, right = header.rows[0].cells
    left.text = "ỦY BAN NHÂN DÂN\nPHƯỜNG HÀ TU"
    left.add_paragraph(f"Số: {number}")
    left.add_paragraph("V/v tuyên truyền phòng, chống")
    left.add_paragraph("dịch sốt xuất huyết")
    right.text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    right.add_paragraph(f"Hà Tu, {day}")
    doc.add_paragraph("Kính gửi:")
    doc.add_paragraph("- Ban biên tập đài truyền thanh phường;")
    doc.add_paragraph("- Trưởng các khu phố.")
    for para in BODY:
        doc.add_paragraph(para)
    doc.add_paragraph("Nơi nhận:")
    doc.add_paragraph("- Như trên;")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _font() -> str:
    """The font Loa's own PDFs embed (from a PyPI wheel): every machine that runs Loa has it."""
    from app.reports import fonts

    return str(fonts.regular())


def letter_pdf() -> bytes:
    """The same letter as a text PDF, with an embedded font that has the Vietnamese letters."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("body", fname=_font())
    pdf.set_font("body", size=11)
    for line in ["ỦY BAN NHÂN DÂN PHƯỜNG HÀ TU", "Số: 21/TB-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "Hà Tu, ngày 03 tháng 4 năm 2025", "THÔNG BÁO", "Lịch tiêm chủng vắc-xin sởi tháng 4/2025",
                 *BODY]:
        pdf.multi_cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def scanned_pdf() -> bytes:
    """A PDF whose page is an image only, as a scanner makes it: no text layer."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_fill_color(30, 30, 30)
    for row in range(20):
        pdf.rect(20, 20 + row * 10, 170, 4, style="F")  # lines of "text" that are only drawings
    return bytes(pdf.output())
