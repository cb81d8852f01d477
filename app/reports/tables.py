"""The report as titled tables of plain values, shared by the CSV, XLSX and PDF exports."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from app.reports.groupings import PRIORITY_LABELS, SOURCE_LABELS
from app.reports.queries import Figures
from app.reports.service import Breakdown, Report

FIGURE_HEADINGS = ["Số tin bài (kế hoạch) / Bulletins planned", "Số tin bài (đã phát) / Bulletins aired",
                   "Lượt phát (kế hoạch) / Airings planned", "Lượt phát (đã phát) / Airings aired",
                   "Phút (kế hoạch) / Minutes planned", "Phút (đã phát) / Minutes aired"]


@dataclass
class Table:
    title: str
    headings: list[str]
    rows: list[list[Any]]


def minutes(ms: int) -> float:
    return round(ms / 60000, 1)


def vi_number(value: float) -> str:
    """12,5 — Vietnamese decimals take a comma."""
    text = f"{value:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return text[:-2] if text.endswith(",0") else text


def _figures(f: Figures) -> list[Any]:
    return [f.bulletins_planned, f.bulletins_aired, f.airings_planned, f.airings_aired,
            minutes(f.ms_planned), minutes(f.ms_aired)]


def header_lines(report: Report) -> list[tuple[str, str]]:
    zone = ZoneInfo(report.timezone)
    return [("Đơn vị / Station", report.station_name),
            ("Kỳ báo cáo / Period", f"{report.period.label()} ({report.period.first:%d/%m/%Y} – "
                                    f"{report.period.last:%d/%m/%Y})"),
            ("Người lập / Prepared by", report.prepared_by or "—"),
            ("Ngày lập / Date", report.prepared_at.astimezone(zone).strftime("%d/%m/%Y %H:%M"))]


TITLE = "BÁO CÁO KẾT QUẢ PHÁT THANH / BROADCASTING REPORT"
BASIS = ("Số liệu «đã phát» lấy từ nhật ký phát của các cụm loa (as-run); «kế hoạch» là chương trình "
         "đã lên lịch và phát theo giờ của máy chủ. / 'Aired' is what relay points reported playing; "
         "'planned' is what the server scheduled and aired by its clock.")


def _breakdown(b: Breakdown, first_heading: str) -> Table:
    return Table(f"{b.title_vi} / {b.title_en}", [first_heading, *FIGURE_HEADINGS],
                 [[r.label, *_figures(r.figures)] for r in b.rows])


def tables(report: Report) -> list[Table]:
    """Every table of the report, in reading order."""
    p = report.programmes
    out = [
        Table("Tổng hợp / Summary", ["Chỉ tiêu / Item", "Kế hoạch / Planned", "Đã phát / Aired"], [
            ["Chương trình tự sản xuất / Own programmes", p.planned, p.aired],
            ["Thời lượng chương trình tự sản xuất (phút) / Own programme minutes",
             minutes(p.ms_planned), minutes(p.ms_aired)],
            ["Số tin bài / Bulletins", report.totals.bulletins_planned, report.totals.bulletins_aired],
            ["Lượt phát tin bài / Bulletin airings", report.totals.airings_planned, report.totals.airings_aired],
            ["Thời lượng tin bài (phút) / Bulletin minutes", minutes(report.totals.ms_planned),
             minutes(report.totals.ms_aired)],
        ]),
    ]
    firsts = {"topic": "Chuyên mục / Topic", "priority": "Mức độ / Priority", "source": "Nguồn / Source",
              "theme": "Chủ đề tuyên truyền / Theme"}
    out += [_breakdown(b, firsts.get(b.name, b.title_en)) for b in report.breakdowns]
    out.append(_breakdown(report.areas, "Khu phố / Area"))
    out.append(Table("Theo tháng / By month", ["Tháng / Month", *FIGURE_HEADINGS],
                     [[m.label, *_figures(m.figures)] for m in report.months]))
    out.append(Table("Kiểm chứng phát theo cụm loa / Proof of play per relay point",
                     ["Cụm loa / Relay point", "Khu phố / Area", "Phải phát / Due", "Đúng giờ / On time",
                      "Trễ / Late", "Trễ nhiều nhất (phút) / Latest (min)", "Không phát / Missed",
                      "Sự cố báo / Faults"],
                     [[r.name, r.area_name, r.due, r.on_time, r.late, minutes(r.max_late_ms), r.missed,
                       len(r.faults)] for r in report.relays]))
    out.append(Table("Tỷ lệ phát đúng giờ theo khu phố / Share on time per area",
                     ["Khu phố / Area", "Phải phát / Due", "Đúng giờ / On time", "Trễ / Late",
                      "Tỷ lệ đúng giờ / On time"],
                     [[a.name, a.due, a.on_time, a.late,
                       "—" if a.on_time_share is None else f"{vi_number(100 * a.on_time_share)}%"]
                      for a in report.area_proof]))
    late = [[r.name, f"{d:%d/%m/%Y}", slot, minutes(ms)] for r in report.relays for d, slot, ms in r.late_programmes]
    missed = [[r.name, f"{d:%d/%m/%Y}", slot] for r in report.relays for d, slot in r.missed_programmes]
    faults = [[r.name, f.created_at.astimezone(ZoneInfo(report.timezone)).strftime("%d/%m/%Y %H:%M"), f.category,
               f.text, "Đã khắc phục / fixed" if f.resolved_at else "Chưa / open"]
              for r in report.relays for f in r.faults]
    out.append(Table("Chương trình phát trễ / Late programmes",
                     ["Cụm loa / Relay point", "Ngày / Day", "Khung giờ / Slot", "Trễ (phút) / Late (min)"], late))
    out.append(Table("Chương trình không phát / Missed programmes",
                     ["Cụm loa / Relay point", "Ngày / Day", "Khung giờ / Slot"], missed))
    out.append(Table("Sự cố được báo / Faults reported",
                     ["Cụm loa / Relay point", "Lúc / When", "Loại / Kind", "Nội dung / Text", "Tình trạng / State"],
                     faults))
    out.append(Table("Danh sách tin bài đã phát / Bulletins aired",
                     ["Tin bài / Bulletin", "Chuyên mục / Topic", "Mức độ / Priority", "Nguồn / Source",
                      "Người soạn / Author", "Người duyệt / Approved by", "Từ ngày / From", "Đến ngày / To",
                      "Lượt phát (kế hoạch) / Airings planned", "Lượt phát (đã phát) / Airings aired",
                      "Phút (đã phát) / Minutes aired"],
                     [[b.title, b.topic, PRIORITY_LABELS.get(b.priority, (b.priority,))[0],
                       SOURCE_LABELS.get(b.source, (b.source,))[0], b.author,
                       b.approved_by, f"{b.first_day:%d/%m/%Y}", f"{b.last_day:%d/%m/%Y}",
                       b.figures.airings_planned, b.figures.airings_aired, minutes(b.figures.ms_aired)]
                      for b in report.bulletins]))
    return out


def airings_table(report: Report) -> Table:
    zone = ZoneInfo(report.timezone)
    return Table("Các lượt phát / Airings",
                 ["Ngày / Day", "Khung giờ / Slot", "Giờ / Time", "Tin bài / Bulletin", "Phút / Minutes",
                  "Cụm loa đã phát / Played by a relay"],
                 [[f"{a.air_date:%d/%m/%Y}", a.slot_name, a.aired_at.astimezone(zone).strftime("%H:%M:%S"),
                   a.title, minutes(a.ms), "có / yes" if a.played else "không / no"] for a in report.airings])
