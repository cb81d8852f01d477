"""The broadcast log as PDF: one block per programme, its items, and what each relay point reported."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from app.models import Station
from app.reports import fonts
from app.reports.export_pdf import new_pdf, write_table
from app.reports.log import OUTCOMES, LogProgramme
from app.reports.periods import Period
from app.reports.tables import Table

STATUS_VI = {"aired": "đã phát", "cancelled": "đã hủy", "locked": "đã khóa", "rendered": "đã dựng",
             "planned": "đã lập", "provisional": "tạm tính"}


def _mmss(ms: int) -> str:
    s = round(ms / 1000)
    return f"{s // 60}:{s % 60:02d}"


def log_to_pdf(station: Station, period: Period, programmes: list[LogProgramme], prepared_by: str) -> bytes:
    zone = ZoneInfo(station.timezone)
    pdf = new_pdf(f"{station.name} · Sổ nhật ký phát thanh · {period.label()}")
    pdf.set_font(fonts.FAMILY, size=14)
    pdf.multi_cell(0, 7, f"{station.name.upper()}\nSỔ NHẬT KÝ PHÁT THANH / BROADCAST LOG", align="C",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(fonts.FAMILY, size=10)
    pdf.multi_cell(0, 5, f"Kỳ / Period: {period.label()} · Người lập / Prepared by: {prepared_by or '—'}",
                   align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    if not programmes:
        pdf.cell(0, 6, "Không có chương trình nào trong kỳ này. / No programme in this period.")
    for p in programmes:
        when = p.starts_at.astimezone(zone).strftime("%d/%m/%Y %H:%M")
        state = STATUS_VI.get(p.status, p.status)
        title = f"{when} · {p.slot_name}{' · ' + p.area if p.area else ''} · {_mmss(p.ms)} · {state}"
        items = Table(title, ["Giờ / Time", "Nội dung / Item", "Thời lượng / Length", "Người duyệt / Approved by"],
                      [[i.starts_at.astimezone(zone).strftime("%H:%M:%S"), i.title, _mmss(i.ms), i.approved_by]
                       for i in p.items])
        write_table(pdf, items, (2, 7, 2, 3))
        reports = Table("Cụm loa báo / Relay reports",
                        ["Cụm loa / Relay point", "Khu phố / Area", "Bắt đầu / Started", "Kết quả / Outcome",
                         "Trễ / Late", "Lý do / Reason"],
                        [[r.relay, r.area, r.started_at.astimezone(zone).strftime("%H:%M:%S"),
                          OUTCOMES.get(r.outcome, r.outcome), _mmss(r.late_ms), r.reason] for r in p.reports])
        write_table(pdf, reports, (3, 2, 2, 2, 1, 3))
    return bytes(pdf.output())
