"""The bulletins of a period with their airings, planned beside aired (one row per script)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Subquery, func, select
from sqlalchemy.orm import Session, aliased

from app.models import Script, Topic, User
from app.reports.groupings import _source
from app.reports.queries import Figures, _figure_columns, _figures


@dataclass
class Bulletin:
    script_id: int
    title: str
    topic: str
    priority: str
    source: str
    author: str
    approved_by: str
    first_day: date
    last_day: date
    figures: Figures


@dataclass
class AiringLine:
    air_date: date
    slot_name: str
    aired_at: datetime
    script_id: int
    title: str
    ms: int
    played: bool


def _name(user: Any) -> Any:
    return func.coalesce(func.nullif(user.full_name, ""), user.username)


def bulletins(session: Session, inst: Subquery) -> list[Bulletin]:
    """Every script aired in the period, with who wrote and approved it and its figures."""
    author, approver = aliased(User), aliased(User)
    per_script = (select(inst.c.script_id, func.min(inst.c.air_date).label("first_day"),
                         func.max(inst.c.air_date).label("last_day"), *_figure_columns(inst))
                  .group_by(inst.c.script_id).subquery("per_script"))
    rows = session.execute(
        select(Script.id, Script.title, Topic.name, Script.priority, _source(), _name(author),
               func.coalesce(_name(approver), ""), per_script.c.first_day, per_script.c.last_day,
               *list(per_script.c)[3:])
        .join(per_script, per_script.c.script_id == Script.id).join(Topic, Topic.id == Script.topic_id)
        .join(author, author.id == Script.author_id).outerjoin(approver, approver.id == Script.reviewed_by_id)
        .order_by(per_script.c.first_day, Script.title, Script.id))
    return [Bulletin(r[0], r[1], r[2], str(r[3].value if hasattr(r[3], "value") else r[3]), r[4], r[5], r[6],
                     r[7], r[8], _figures(r, 9)) for r in rows]


def airings(session: Session, inst: Subquery) -> list[AiringLine]:
    """Every airing of the period in time order (the XLSX's second sheet)."""
    rows = session.execute(select(inst.c.air_date, inst.c.slot_name, inst.c.aired_at, Script.id, Script.title,
                                  inst.c.ms, inst.c.played).join(Script, Script.id == inst.c.script_id)
                           .order_by(inst.c.aired_at, Script.id))
    return [AiringLine(r[0], r[1], r[2], r[3], r[4], int(r[5]), bool(r[6])) for r in rows]
