"""Plan and render a programme with the real services, for the programme tests."""

from datetime import timedelta

from sqlalchemy import select

from app.models import Programme
from app.programmes import render
from app.programmes import service as programmes

SLOT_MS = 90_000

def plan_and_render(session, world):
    """Speak, plan and render tomorrow's programme of the short slot."""
    station = programmes.station_with_slots(session, world.station.id)
    day = world.today() + timedelta(days=1)
    render.prepare_speech(session, station, day, day)
    programmes.plan_days(session, station, day, 1)
    programme = session.scalar(select(Programme).where(Programme.station_id == station.id))
    render.render(session, programme)
    session.commit()
    return programme
