"""Without an Icecast (what `make run` gives) the stream part is off and the pages say so."""

from __future__ import annotations

from sqlalchemy.orm import Session

from tests.fixtures.builders import World, auth
from tests.web.helpers import post_form, sign_in


def test_without_icecast_the_admin_page_says_how_to_turn_the_streams_on(client, world: World) -> None:
    sign_in(client, "admin")
    page = client.get("/app/admin")
    assert page.status_code == 200
    assert 'id="streams-off"' in page.text
    assert "LOA_ICECAST_URL" in page.text
    api = client.get(f"/api/v1/stations/{world.station.id}/streams", headers=auth(world.users["editor"]))
    assert api.json()["enabled"] is False
    assert [m["mount"] for m in api.json()["mounts"]] == [f"/{world.station.id}-khu-{n}.mp3" for n in (1, 2, 3)]


def test_the_admin_chooses_nothing_outside_slots(client, session: Session, world: World) -> None:
    sign_in(client, "admin")
    r = post_form(client, "/app/admin/station", {"name": world.station.name, "stream_idle": "off"},
                  page="/app/admin")
    assert r.status_code in (200, 303)
    session.refresh(world.station)
    assert world.station.stream_idle == "off"
    bad = client.patch(f"/api/v1/stations/{world.station.id}", headers=auth(world.users["admin"]),
                       json={"stream_idle": "loud"})
    assert bad.status_code == 422
    assert "stream_idle" in bad.text


def test_without_icecast_the_public_area_page_says_there_is_no_stream(client, world: World) -> None:
    area = world.areas[0]
    page = client.get(f"/stations/{world.station.id}/areas/{area.id}/live")
    assert page.status_code == 200
    assert "chưa bật phát trực tuyến" in page.text
    assert "<audio" not in page.text
    assert client.get(f"/stations/{world.station.id}/areas/{area.id}/live.m3u").status_code == 404
    assert client.get(f"/stations/{world.station.id}/areas/999999/live").status_code == 404
