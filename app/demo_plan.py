"""The demo station's month plan: three themes of this month, two of them with scripts filed under."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Script, Station, Theme, ThemeKind, User

# (kind, title, source documents, a word of the titles of the demo scripts filed under it)
DEMO_THEMES = (
    (ThemeKind.theme, "Phòng cháy, chữa cháy và phòng chống thiên tai",
     "Công văn số 79/UBND ngày 22/01/2024 của UBND phường Hà Tu", ("PCCC", "thiên tai")),
    (ThemeKind.theme, "An toàn giao thông dịp cuối năm", "Kế hoạch tuyên truyền an toàn giao thông của phường",
     ("ATGT",)),
    (ThemeKind.commemoration, "Ngày thành lập Quân đội nhân dân Việt Nam (22/12)",
     "Hướng dẫn số 70-HD/BTGTU ngày 29/12/2023 của Ban Tuyên giáo Thành ủy", ()),
)


def add_demo_plan(session: Session, station: Station, editor: User, today: date) -> int:
    """The plan of the current month; answers how many scripts were filed under its themes."""
    scripts = list(session.scalars(select(Script).where(Script.station_id == station.id)))
    tagged = 0
    for kind, title, sources, words in DEMO_THEMES:
        theme = Theme(station_id=station.id, month=today.replace(day=1), kind=kind, title=title, sources=sources,
                      created_by_id=editor.id)
        session.add(theme)
        session.flush()
        for script in scripts:
            if any(word in script.title for word in words):
                script.theme_id = theme.id
                tagged += 1
    session.flush()
    return tagged
