"""`loa plan` and `loa render`: a day's programmes, as a table or as audio."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date

from sqlalchemy.orm import Session

from app.models import Programme, Station


class CommandFailed(Exception):
    """Printed already; carries the exit code."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def _fail(message: str, code: int) -> CommandFailed:
    print(f"Lỗi: {message}", file=sys.stderr)
    return CommandFailed(code)


def station_and_day(session: Session, args: argparse.Namespace) -> tuple[Station, date]:
    """The station named by --station (with its slots) and the local day of --date (or today)."""
    from app.errors import LoaError
    from app.programmes import service as programmes
    from app.scripts import service as scripts

    try:
        station = programmes.station_with_slots(session, args.station)
    except LoaError as exc:
        raise _fail(exc.detail, 1) from exc
    try:
        day = date.fromisoformat(args.date) if args.date else scripts.station_today(station)
    except ValueError as exc:
        raise _fail(f"ngày “{args.date}” không hợp lệ; dùng dạng YYYY-MM-DD.", 2) from exc
    return station, day


def plan(args: argparse.Namespace) -> int:
    from app.db import session_factory
    from app.programmes import service as programmes

    with session_factory()() as session:
        try:
            station, day = station_and_day(session, args)
        except CommandFailed as refused:
            return refused.code
        report = programmes.plan_days(session, station, day, 1)
        session.commit()
        areas = programmes.areas_of(session, station.id)
        for p in programmes.list_for(session, station.id, day, day, user=None):
            print(programme_table(p, areas))
        print(f"({report.created} mới, {report.changed} thay đổi, {report.unchanged} giữ nguyên, "
              f"{report.frozen} đã khóa)")
    return 0


def render(args: argparse.Namespace) -> int:
    from app.db import session_factory
    from app.programmes import render as renderer
    from app.programmes import service as programmes

    with session_factory()() as session:
        try:
            station, day = station_and_day(session, args)
            if args.slot and args.slot not in {s.name for s in station.slots}:
                names = ", ".join(s.name for s in station.slots)
                raise _fail(f"không có khung giờ “{args.slot}”; các khung giờ: {names}.", 2)
        except CommandFailed as refused:
            return refused.code
        renderer.prepare_speech(session, station, day, day)
        programmes.plan_days(session, station, day, 1)
        session.commit()
        rows = [p for p in programmes.list_for(session, station.id, day, day, user=None)
                if not p.is_emergency and (not args.slot or p.slot_name == args.slot)]
        if not rows:
            print("Không có chương trình nào để dựng (các khung giờ đã qua?).", file=sys.stderr)
            return 1
        failed = 0
        for programme in rows:
            label = f"{programme.slot_name} {programme.air_date:%d/%m} khu {programme.area_key or 'toàn phường'}"
            renderer.render(session, programme, progress=progress_bar(label))
            session.commit()
            print(file=sys.stderr)
            if programme.audio_key:
                print(f"{label}: {(programme.audio_duration_ms or 0) / 1000:.1f} s, {programme.audio_size} byte, "
                      f"sha256 {programme.audio_key.split('.')[0]}")
            else:
                failed += 1
            if programme.render_error:
                print(f"  Lưu ý: {programme.render_error}", file=sys.stderr)
    return 1 if failed else 0


def progress_bar(label: str) -> Callable[[int, int, str], None]:
    def show(done: int, total: int, what: str) -> None:
        width = 30
        filled = width * done // max(total, 1)
        sys.stderr.write(f"\r{label}: [{'#' * filled}{'.' * (width - filled)}] {done}/{total} {what[:30]:<30}")
        sys.stderr.flush()

    return show


def _clock_ms(ms: int) -> str:
    return f"{ms // 60000:02d}:{ms // 1000 % 60:02d}.{ms % 1000 // 100}"


def programme_table(p: Programme, areas: dict[int, str]) -> str:
    fill = sum(i["duration_ms"] for i in p.items if i["kind"] == "script")
    where = areas.get(p.area_key, "toàn phường") if p.area_key else "toàn phường"
    lines = [f"\n== {p.slot_name} {p.air_date:%d/%m/%Y} — {where} — {p.status.value} — "
             f"tin bài {fill * 100 // max(p.duration_ms, 1)}% khung giờ ({_clock_ms(p.duration_ms)})",
             f"{'bắt đầu':>9}  {'độ dài':>8}  {'loại':<8} {'ưu tiên':<9} tiêu đề"]
    for item in p.items:
        if item["kind"] == "gap":
            continue
        lines.append(f"{_clock_ms(item['offset_ms']):>9}  {_clock_ms(item['duration_ms']):>8}  "
                     f"{item['kind']:<8} {item.get('priority', '') or '':<9} {item.get('title', '')}")
    return "\n".join(lines)
