"""A station airing one 90-second slot, so a render takes a second or two."""

from datetime import time

import pytest
from sqlalchemy import select

from app.models import Slot
from tests.programmes.helpers import SLOT_MS


@pytest.fixture
def short_slot_world(session, world):
    """The station airs one 90-second slot, so a render takes a second or two."""
    for slot in session.scalars(select(Slot).where(Slot.station_id == world.station.id)):
        session.delete(slot)
    session.add(Slot(station_id=world.station.id, name="test", label="Thử", start_time=time(9, 0),
                     length_seconds=SLOT_MS // 1000))
    session.commit()
    return world
