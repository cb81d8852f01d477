"""The two stations every isolation test starts from."""

from tests.isolation.two_stations import station1, station2

__all__ = ["station1", "station2"]
