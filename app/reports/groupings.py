"""The ways a report groups aired bulletins: each one a key over a script and the names of its keys.

A new grouping is one more `Grouping` in `GROUPINGS` (the monthly plan's themes are the last one).
Areas are not a grouping of scripts (one airing is heard in several areas) and come apart
(`queries.by_area`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, case, select
from sqlalchemy.orm import QueryableAttribute, Session

from app.models import Priority, Script, Topic
from app.models.theme import Theme

PRIORITY_LABELS = {Priority.normal.value: ("Thông thường", "Normal"),
                   Priority.priority.value: ("Ưu tiên", "Priority"),
                   Priority.emergency.value: ("Khẩn cấp", "Emergency")}
# What exists today: scripts read by the station's voice, and uploaded recordings. Relayed
# programmes and province bulletins get their own keys here once Loa has them.
SOURCE_LABELS = {"speech": ("Tin bài của đài (giọng đọc)", "Station scripts (read by voice)"),
                 "recording": ("Bản ghi âm", "Recordings")}


@dataclass(frozen=True)
class Grouping:
    name: str
    title_vi: str
    title_en: str
    key: Callable[[], ColumnElement[Any] | QueryableAttribute[Any]]
    labels: Callable[[Session, int, str], dict[Any, str]]


def _topic_names(session: Session, station_id: int, _lang: str) -> dict[Any, str]:
    return dict(session.execute(select(Topic.id, Topic.name).where(Topic.station_id == station_id)).all())


def _theme_names(session: Session, station_id: int, lang: str) -> dict[Any, str]:
    names: dict[Any, str] = {
        theme_id: f"{title} ({month:%m/%Y})"
        for theme_id, title, month in session.execute(
            select(Theme.id, Theme.title, Theme.month).where(Theme.station_id == station_id)).all()}
    names[None] = "Chưa gắn chủ đề" if lang == "vi" else "No theme"
    return names


def _fixed(table: dict[str, tuple[str, str]]) -> Callable[[Session, int, str], dict[Any, str]]:
    def names(_session: Session, _station_id: int, lang: str) -> dict[Any, str]:
        return {key: pair[0] if lang == "vi" else pair[1] for key, pair in table.items()}
    return names


def _source() -> ColumnElement[Any]:
    return case((Script.recording_id.is_not(None), "recording"), else_="speech")


TOPIC = Grouping("topic", "Theo chuyên mục", "By topic", lambda: Script.topic_id, _topic_names)
PRIORITY = Grouping("priority", "Theo mức độ ưu tiên", "By priority", lambda: Script.priority,
                    _fixed(PRIORITY_LABELS))
SOURCE = Grouping("source", "Theo nguồn", "By source", _source, _fixed(SOURCE_LABELS))

THEME = Grouping("theme", "Theo chủ đề tuyên truyền", "By theme (monthly plan)", lambda: Script.theme_id,
                 _theme_names)

GROUPINGS: tuple[Grouping, ...] = (TOPIC, PRIORITY, SOURCE, THEME)
