"""Report pages: the period report with charts and exports, the broadcast log, the weekly schedule."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Request
from starlette.responses import Response

from app.deps import SessionDep
from app.fields import Id
from app.models import Role, Station, User
from app.reports import charts, periods, service
from app.reports.command import render as export
from app.reports.exceptions import unreadable
from app.reports.export_log_pdf import log_to_pdf
from app.reports.log import OUTCOMES, broadcast_log
from app.reports.tables import vi_number
from app.scripts import service as script_service
from app.stations import service as station_service
from app.web.data import programmes_for, slots_of
from app.web.deps import PageForbidden, StationStaff, lang_of
from app.web.render import render
from app.web.routes_scripts import station_id_of

router = APIRouter(prefix="/app", include_in_schema=False)
MEDIA = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "pdf": "application/pdf",
         "csv": "text/csv; charset=utf-8"}
READERS = (Role.officer, Role.editor, Role.admin)
WEEKDAYS_VI = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _reader(user: User) -> None:
    # Station-wide figures name scripts meant for every area: not a neighbourhood leader's page.
    if user.role not in READERS:
        raise PageForbidden("err_role", roles=", ".join(r.value for r in READERS))


def _period(session: SessionDep, user: User, period: str | None, first: str | None,
            last: str | None) -> tuple[Station, periods.Period]:
    station = station_service.get(session, station_id_of(session, user))
    return station, periods.choose(period, first, last, script_service.station_today(station))


@router.get("/reports")
def report_page(request: Request, session: SessionDep, user: StationStaff, period: str | None = None,
                date_from: str | None = None, date_to: str | None = None) -> Response:
    """The station's report for a month, quarter, year or range: figures, charts, downloads."""
    _reader(user)
    station, chosen = _period(session, user, period, date_from, date_to)
    lang = lang_of(request)
    report = service.build(session, station, chosen, prepared_by=service.prepared_by_name(user), lang=lang)
    topic = next(b for b in report.breakdowns if b.name == "topic")
    bars = charts.bars([(r.label, r.figures.minutes_planned, r.figures.minutes_aired) for r in topic.rows],
                       title="Phút phát theo chuyên mục" if lang == "vi" else "Minutes by topic", unit="phút")
    line = charts.line([(m.label, m.figures.minutes_planned, m.figures.minutes_aired) for m in report.months],
                       title="Phút phát theo tháng" if lang == "vi" else "Minutes per month")
    query = request.url.query
    today = script_service.station_today(station)
    return render(request, "report.html", {
        "report": report, "bars": bars, "line": line, "query": query, "num": vi_number,
        "label": chosen.label(lang), "this_month": f"{today:%Y-%m}",
        "this_quarter": f"{today.year}-Q{(today.month - 1) // 3 + 1}", "this_year": str(today.year),
    }, user=user)


@router.get("/reports/export.{fmt}")
def report_export(session: SessionDep, user: StationStaff, fmt: Literal["xlsx", "pdf", "csv"],
                  period: str | None = None, date_from: str | None = None, date_to: str | None = None) -> Response:
    """The same report as a file for the city: XLSX, PDF or CSV."""
    _reader(user)
    station, chosen = _period(session, user, period, date_from, date_to)
    report = service.build(session, station, chosen, prepared_by=service.prepared_by_name(user),
                           with_airings=fmt != "pdf")
    name = f"bao-cao-{chosen.first:%Y%m%d}-{chosen.last:%Y%m%d}.{fmt}"
    return Response(export(report, fmt), media_type=MEDIA[fmt],
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _clock(zone: str) -> Callable[[datetime], str]:
    tz = ZoneInfo(zone)
    return lambda moment: moment.astimezone(tz).strftime("%H:%M:%S")


def _log_period(day: date | None, month: str | None, today: date) -> periods.Period:
    if month:
        chosen = periods.parse(month)
        if chosen.kind != "month":
            raise unreadable(month)
        return chosen
    d = day or today
    return periods.Period(d, d, "day")


@router.get("/reports/log")
def log_page(request: Request, session: SessionDep, user: StationStaff, day: date | None = None,
             month: str | None = None) -> Response:
    """The broadcast log (sổ nhật ký phát thanh) of a day or a month, to print."""
    _reader(user)
    station = station_service.get(session, station_id_of(session, user))
    chosen = _log_period(day, month, script_service.station_today(station))
    return render(request, "broadcast_log.html", {
        "station": station, "period": chosen, "programmes": broadcast_log(session, station, chosen),
        "outcomes": OUTCOMES, "query": request.url.query, "month": month or "", "day": day,
        "clock": _clock(station.timezone),
    }, user=user)


@router.get("/reports/log.pdf")
def log_pdf(session: SessionDep, user: StationStaff, day: date | None = None, month: str | None = None) -> Response:
    """The broadcast log as PDF."""
    _reader(user)
    station = station_service.get(session, station_id_of(session, user))
    chosen = _log_period(day, month, script_service.station_today(station))
    body = log_to_pdf(station, chosen, broadcast_log(session, station, chosen), service.prepared_by_name(user))
    return Response(body, media_type=MEDIA["pdf"],
                    headers={"Content-Disposition": f'attachment; filename="so-nhat-ky-{chosen.first:%Y%m%d}.pdf"'})


@router.get("/schedule/week")
def week_schedule(request: Request, session: SessionDep, user: StationStaff, day: date | None = None,
                  area_id: Id | None = None) -> Response:
    """A week of programmes from Monday, to print for the notice board; a leader sees their area's."""
    station = station_service.get(session, station_id_of(session, user), with_children=True)
    if user.role == Role.leader:
        area_id = user.area_id
    elif area_id is not None and area_id not in {a.id for a in station.areas}:
        area_id = None
    start = day or script_service.station_today(station)
    monday = start - timedelta(days=start.weekday())
    days = [{"day": d, "programmes": programmes_for(session, user, station.id, area_id, d)}
            for d in (monday + timedelta(days=i) for i in range(7))]
    area = next((a for a in station.areas if a.id == area_id), None)
    return render(request, "week_schedule.html", {
        "station": station, "days": days, "monday": monday, "area": area, "areas": station.areas,
        "slots": slots_of(session, station.id), "prev": monday - timedelta(days=7),
        "next": monday + timedelta(days=7), "leader": user.role == Role.leader, "clock": _clock(station.timezone),
        "weekdays": WEEKDAYS_VI if lang_of(request) == "vi" else WEEKDAYS_EN,
    }, user=user)
