"""The month plan's themes, and the figures of what aired on each (for the plan page and reports).

Figures come from the programmes marked aired (``airings``: one row per programme a script was in);
the area variants of one slot air a script once, so a script counts one airing per slot instance.
An airing is *confirmed* when a relay point reported its programme completed (the as-run log).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from app import access
from app.audit import service as audit
from app.models import Airing, RelayPlay, Script, ScriptStatus, Theme, User
from app.plans.exceptions import InvalidThemeDates, ThemeNotFound
from app.plans.schemas import MonthPlan, ThemeCreate, ThemeFigures, ThemeRead, ThemeUpdate

SOURCE_VI = "chương trình đã phát (theo lịch), xác nhận bằng báo cáo phát của cụm loa"


@dataclass
class ThemeTally:
    """What aired under one theme (or, under the key None, with no theme) in a period."""

    bulletins: set[int] = field(default_factory=set)
    airings: int = 0
    aired_ms: int = 0
    confirmed: int = 0

    @property
    def minutes(self) -> float:
        return round(self.aired_ms / 60_000, 1)


def month_bounds(month: str) -> tuple[date, date]:
    """'2026-12' → (1 Dec, 31 Dec)."""
    first = date.fromisoformat(f"{month}-01")
    nxt = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    return first, nxt - timedelta(days=1)


def aired_by_theme(session: Session, station_id: int, first: date, last: date) -> dict[int | None, ThemeTally]:
    """Aired bulletins, airings and minutes per theme id (None: scripts with no theme) between two
    local dates: the grouping the plan page shows and the reports reuse."""
    rows = session.execute(
        select(Airing.script_id, Script.theme_id, Airing.air_date, Airing.slot_name, Airing.duration_ms,
               Airing.programme_id)
        .join(Script, Script.id == Airing.script_id)
        .where(Script.station_id == station_id, Airing.air_date >= first, Airing.air_date <= last)
        .order_by(Airing.id)).all()
    programme_ids = {int(r.programme_id) for r in rows}
    played: set[int] = set()
    if programme_ids:
        played = {pid for (pid,) in session.execute(
            select(RelayPlay.programme_id).distinct()
            .where(RelayPlay.programme_id.in_(programme_ids), RelayPlay.outcome == "completed"))
            if pid is not None}
    # one slot instance, whatever its area variants: the longest variant's length, confirmed if any was
    instances: dict[tuple[int, date, str], tuple[int | None, int, bool]] = {}
    for r in rows:
        key = (r.script_id, r.air_date, r.slot_name)
        theme, ms, ok = instances.get(key, (r.theme_id, 0, False))
        instances[key] = (theme, max(ms, r.duration_ms), ok or r.programme_id in played)
    tallies: dict[int | None, ThemeTally] = defaultdict(ThemeTally)
    for (script_id, _day, _slot), (theme, ms, ok) in instances.items():
        tally = tallies[theme]
        tally.bulletins.add(script_id)
        tally.airings += 1
        tally.aired_ms += ms
        tally.confirmed += ok
    return dict(tallies)


def themes_of_month(session: Session, station_id: int, first: date) -> list[Theme]:
    return list(session.scalars(select(Theme).where(Theme.station_id == station_id, Theme.month == first)
                                .order_by(Theme.kind, func.coalesce(Theme.starts_on, Theme.month), Theme.id)))


def themes_around(session: Session, station_id: int, day: date) -> list[Theme]:
    """The themes an officer may file a script under: this month's plan and last month's."""
    first = day.replace(day=1)
    previous = (first - timedelta(days=1)).replace(day=1)
    return list(session.scalars(select(Theme).where(Theme.station_id == station_id,
                                                    Theme.month.in_((previous, first)))
                                .order_by(Theme.month.desc(), Theme.kind, Theme.id)))


def month_plan(session: Session, station_id: int, month: str) -> MonthPlan:
    """Per theme of the month: what aired, what waits, and whether nothing aired yet."""
    first, last = month_bounds(month)
    themes = themes_of_month(session, station_id, first)
    tallies = aired_by_theme(session, station_id, first, last)
    ids = [t.id for t in themes]
    tagged: dict[int | None, int] = defaultdict(int)
    waiting: dict[int | None, int] = defaultdict(int)
    if ids:
        not_aired = case((and_(Script.status == ScriptStatus.approved, Script.airings_done == 0), 1), else_=0)
        for theme_id, n, w in session.execute(select(Script.theme_id, func.count(), func.sum(not_aired))
                                              .where(Script.theme_id.in_(ids)).group_by(Script.theme_id)):
            tagged[theme_id], waiting[theme_id] = n, int(w or 0)
    figures = []
    for t in themes:
        tally = tallies.get(t.id, ThemeTally())
        figures.append(ThemeFigures(
            theme=ThemeRead.model_validate(t), scripts_tagged=tagged[t.id], scripts_waiting=waiting[t.id],
            bulletins_aired=len(tally.bulletins), airings=tally.airings, minutes_aired=tally.minutes,
            confirmed_airings=tally.confirmed, gap=tally.airings == 0))
    untagged = tallies.get(None, ThemeTally())
    return MonthPlan(station_id=station_id, month=month, source=SOURCE_VI, themes=figures,
                     untagged_bulletins=len(untagged.bulletins), untagged_minutes=untagged.minutes)


def get(session: Session, theme_id: int, user: User) -> Theme:
    row = session.scalar(select(Theme).where(Theme.id == theme_id, access.visible(Theme, user)))
    if row is None:
        raise ThemeNotFound(theme_id)
    return row


def _check_dates(starts_on: date | None, ends_on: date | None) -> None:
    if starts_on and ends_on and ends_on < starts_on:
        raise InvalidThemeDates(
            f"Ngày kết thúc ({ends_on:%d/%m/%Y}) phải sau hoặc bằng ngày bắt đầu ({starts_on:%d/%m/%Y}).",
            detail_en="ends_on must not be before starts_on.")


def create(session: Session, station_id: int, data: ThemeCreate, *, user: User) -> Theme:
    """Add a theme or commemoration to a month's plan (editor, admin)."""
    _check_dates(data.starts_on, data.ends_on)
    theme = Theme(station_id=station_id, month=month_bounds(data.month)[0], kind=data.kind,
                  title=data.title, starts_on=data.starts_on, ends_on=data.ends_on,
                  sources=data.sources.strip(), target_bulletins=data.target_bulletins,
                  created_by_id=user.id)
    session.add(theme)
    session.flush()
    audit.record(session, "create", actor=user, entity_type="theme", entity_id=theme.id,
                 station_id=station_id, changes={"title": [None, theme.title]})
    return theme


def update(session: Session, theme: Theme, data: ThemeUpdate, *, user: User) -> Theme:
    """Change a theme of the plan (editor, admin)."""
    changes = data.model_dump(exclude_unset=True)
    starts_on = changes.get("starts_on", theme.starts_on)
    ends_on = changes.get("ends_on", theme.ends_on)
    _check_dates(starts_on, ends_on)
    diff = {}
    for name, value in changes.items():
        if name in ("kind", "title", "sources", "target_bulletins") and value is None:
            continue
        if name == "sources":
            value = value.strip()
        if getattr(theme, name) != value:
            diff[name] = [str(getattr(theme, name)), str(value)]
            setattr(theme, name, value)
    session.flush()
    if diff:
        audit.record(session, "edit", actor=user, entity_type="theme", entity_id=theme.id,
                     station_id=theme.station_id, changes=diff)
    return theme


def delete(session: Session, theme: Theme, *, user: User) -> None:
    """Remove a theme; its scripts keep airing, with no theme."""
    audit.record(session, "delete", actor=user, entity_type="theme", entity_id=theme.id,
                 station_id=theme.station_id, changes={"title": [theme.title, None]})
    session.delete(theme)
    session.flush()
