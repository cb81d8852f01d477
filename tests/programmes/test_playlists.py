"""Playlists play: every entry is a URL that the client which fetched the playlist can fetch itself."""

from __future__ import annotations

import re

from app.models import ScriptStatus
from tests.fixtures.builders import auth, create_script
from tests.programmes.helpers import plan_and_render
from tests.relays.helpers import add_relay
from tests.web.helpers import sign_in

TITLE = "Thông báo lịch tiêm chủng"


def _entries(playlist: str) -> list[tuple[str, str]]:
    """(label, URL) of each entry of an extended M3U playlist."""
    lines = [line for line in playlist.splitlines() if line.strip()]
    assert lines[0] == "#EXTM3U"
    out = []
    for info, url in zip(lines[1:], lines[2:], strict=False):
        if info.startswith("#EXTINF:"):
            out.append((info.split(",", 1)[1], url))
    return out


def _all_play(client, playlist_url, headers=None):
    answer = client.get(playlist_url, headers=headers)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("audio/x-mpegurl")
    entries = _entries(answer.text)
    assert len(entries) >= 3
    for _label, url in entries:
        assert re.match(r"^https?://", url), f"{url!r} is not a URL a player can open"
        item = client.get(url, headers=headers)
        assert item.status_code == 200, (url, item.text[:200])
        assert item.headers["content-type"] == "audio/mpeg"
        assert item.content[:3] == b"ID3" or item.content[0] == 0xFF
    return [label for label, _url in entries]


def _rendered(session, world):
    create_script(session, world, status=ScriptStatus.approved, title=TITLE,
                  body="Thưa bà con, trạm y tế tiêm chủng lúc 7h30 sáng mai.")
    return plan_and_render(session, world)


def test_the_api_playlist_plays_for_the_staff_user_who_fetched_it(client, session, short_slot_world):
    world = short_slot_world
    programme = _rendered(session, world)
    leader = auth(world.users["leader"])
    read = client.get(f"/api/v1/programmes/{programme.id}", headers=leader).json()
    labels = _all_play(client, read["playlist_url"], leader)
    assert labels[0] == "Lời mở đầu"
    assert labels[-1] == "Lời kết"
    assert TITLE in labels
    assert not {"opening", "closing", "gap", "filler", "silence"} & set(labels), "labels are Vietnamese"
    cue = client.get(read["cue_url"], headers=leader)
    assert cue.status_code == 200
    assert cue.json()["items"][0]["title"] == "Lời mở đầu"
    assert client.get(read["playlist_url"]).status_code == 401, "not without signing in"


def test_the_relay_playlist_plays_for_the_relay_point(client, session, short_slot_world):
    world = short_slot_world
    programme = _rendered(session, world)
    _relay_id, token = add_relay(client, world, 1, "Cụm loa Khu 2")
    relay = {"Authorization": f"Bearer {token}"}
    labels = _all_play(client, f"/api/v1/relay/programmes/{programme.id}.m3u8", relay)
    assert TITLE in labels


def test_the_programme_page_offers_the_playlist_each_items_file_and_the_cue_sheet(client, session,
                                                                                  short_slot_world):
    world = short_slot_world
    programme = _rendered(session, world)
    sign_in(client, "editor")
    day = programme.air_date.isoformat()
    page = client.get(f"/app/programmes?day={day}").text
    base = f"/app/programmes/{programme.id}"
    assert f'href="{base}/playlist.m3u8"' in page
    assert f'href="{base}/cue.json"' in page
    item_links = re.findall(rf'href="({base}/items/[^"]+)"', page)
    assert len(item_links) >= 3
    for link in item_links:
        answer = client.get(link)
        assert answer.status_code == 200
        assert answer.headers["content-type"] == "audio/mpeg"
    labels = _all_play(client, f"{base}/playlist.m3u8")
    assert TITLE in labels
    assert client.get(f"{base}/cue.json").json()["title"].endswith(f"Thử {programme.air_date:%d/%m/%Y}"), \
        "the slot's label, never its code"
    missing = client.get(f"{base}/items/99.mp3")
    assert missing.status_code == 404


def test_programme_pages_never_skip_a_heading_level(client, session, short_slot_world):
    world = short_slot_world
    programme = _rendered(session, world)
    for user, url in (("editor", f"/app/programmes?day={programme.air_date}&view=week"), ("leader", "/app/area")):
        client.cookies.clear()
        sign_in(client, user)
        levels = [int(n) for n in re.findall(r"<h([1-6])[\s>]", client.get(url).text)]
        assert levels[0] == 1
        jumps = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
        assert jumps == [], f"{url}: a heading jumps a level ({levels})"
