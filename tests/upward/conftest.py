from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from tests.fixtures.builders import World
from tests.reports.scenario import Scenario, build


@pytest.fixture
def scenario(session: Session, world: World) -> Scenario:
    return build(session, world)
