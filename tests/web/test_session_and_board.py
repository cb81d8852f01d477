"""The session cookie signer and the relay status board's colours."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.stations import service as stations
from app.web.data import relay_board
from app.web.session import CookieSigner


def test_a_session_cookie_expires_and_cannot_be_forged():
    signer = CookieSigner("a-secret-key-for-tests", max_age_seconds=60)
    value = signer.encode({"uid": 7, "lang": "vi"}, now=1_000)
    assert signer.decode(value, now=1_030) == {"uid": 7, "lang": "vi"}
    assert signer.decode(value, now=1_061) == {}, "expired"
    assert CookieSigner("another-key", 60).decode(value, now=1_030) == {}, "signed with another key"
    assert signer.decode(value.replace(".", "x."), now=1_030) == {}
    assert signer.decode("not-a-cookie") == {}


def test_relay_board_is_green_amber_or_red_by_last_contact(session, world):
    now = datetime(2024, 1, 22, 6, 0, tzinfo=UTC)
    seen = {"Cụm loa chợ": now - timedelta(minutes=1), "Cụm loa trường học": now - timedelta(hours=2),
            "Cụm loa nhà văn hóa": now - timedelta(days=2), "Cụm loa mới lắp": None}
    for name, last in seen.items():
        relay, _token = stations.add_relay_point(session, world.areas[0], name, actor=None)
        relay.last_seen_at = last
    session.flush()
    states = {row.relay.name: row.state for row in relay_board(session, world.station.id, now=now)}
    assert states == {"Cụm loa chợ": "green", "Cụm loa trường học": "amber",
                      "Cụm loa nhà văn hóa": "red", "Cụm loa mới lắp": "red"}
