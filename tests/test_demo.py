"""The demo station: its notices are dated from today, and it has a relay point whose token is shown once."""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import select

from app.demo import DEMO_STATION, create_demo
from app.models import Script, Station
from app.scripts import service as scripts


def test_demo_notices_are_dated_from_today_and_its_relay_point_polls(client, session):
    told = create_demo(session)
    session.commit()
    station = session.scalar(select(Station).where(Station.name == DEMO_STATION))
    today = scripts.station_today(station)
    rows = list(session.scalars(select(Script).where(Script.station_id == station.id)))
    texts = [f"{s.title}\n{s.body}\n{s.source_ref}\n{s.rejection_reason or ''}" for s in rows]
    assert not any("{" in t for t in texts), "no placeholder is left unfilled"
    water = next(s for s in rows if s.title.startswith("Thông báo tạm ngừng cấp nước"))
    day = datetime.strptime(re.search(r"\d{2}/\d{2}/\d{4}", water.title).group(0), "%d/%m/%Y").date()
    assert today <= day <= water.air_until, "the water cut it announces is still ahead"
    vaccination = next(s for s in rows if "tiêm chủng" in s.title)
    dates = [datetime.strptime(d, "%d/%m/%Y").date() for d in re.findall(r"\d{2}/\d{2}/\d{4}", vaccination.body)]
    assert dates
    assert all(d >= today for d in dates)
    assert str(today.year) in vaccination.body or str(today.year + 1) in vaccination.body

    token = re.search(r"loa_relay_\S+", told).group(0)
    poll = client.get("/api/v1/relay/schedule", headers={"Authorization": f"Bearer {token}"})
    assert poll.status_code == 200, poll.text
    assert poll.json()["relay_point"]["area_name"] == "Khu 1"
    assert token not in create_demo(session), "the token is shown once"
