"""The short-slot station of the programme tests (one render takes a second or two)."""

from tests.programmes.conftest import short_slot_world  # noqa: F401
