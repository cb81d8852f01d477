import pytest

from tests.organisations.helpers import build_province


@pytest.fixture
def province(session, world):
    return build_province(session, world)
