"""An emergency bulletin on air is listed, with its Stop button, on every page an editor works from."""

from __future__ import annotations

import re

import pytest

from tests.fixtures.builders import auth
from tests.web.helpers import csrf_of, sign_in

BULLETIN = {"title": "Cảnh báo lũ quét", "minutes": 60, "after": "resume",
            "body": "Nước sông lên nhanh. Bà con khu 1 di chuyển đồ đạc lên cao."}
EDITOR_PAGES = ("/app/review", "/app/emergency", "/app/programmes", "/app/relays")


@pytest.fixture
def on_air(client, world):
    answer = client.post("/api/v1/emergency", headers=auth(world.users["editor"]),
                         json={**BULLETIN, "area_ids": [world.areas[0].id]})
    assert answer.status_code == 201, answer.text
    return answer.json()["id"]


def test_every_editor_page_lists_the_bulletin_on_air_with_its_stop_button(client, on_air):
    sign_in(client, "editor")
    for url in EDITOR_PAGES:
        page = client.get(url)
        assert page.status_code == 200, url
        assert "Tin khẩn cấp đang phát" in page.text, url
        assert f'href="/app/emergency/{on_air}"' in page.text, url
        assert f'action="/app/emergency/{on_air}/cancel"' in page.text, url
        assert "Khu 1" in page.text, url

    stop = client.post(f"/app/emergency/{on_air}/cancel", data={"csrf_token": csrf_of(client.get("/app/review"))},
                       follow_redirects=False)
    assert stop.status_code == 303
    for url in EDITOR_PAGES:
        page = client.get(url).text
        assert "Tin khẩn cấp đang phát" not in page, url
        assert not re.search(rf'action="/app/emergency/{on_air}/cancel"', page), url


@pytest.mark.usefixtures("on_air")
def test_only_editors_see_the_stop_button(client):
    sign_in(client, "officer")
    page = client.get("/app/programmes").text
    assert "/cancel" not in page


@pytest.mark.usefixtures("on_air")
def test_the_emergency_programme_on_air_is_shown_as_on_air_not_about_to_air(client):
    sign_in(client, "editor")
    page = client.get("/app/programmes").text
    heading = re.search(r'<article class="programme">\s*<h\d>Khẩn cấp · .*?</h\d>', page, re.S)
    assert heading is not None, page
    assert "Đang phát" in heading.group(0)
    assert "Đã khóa, sắp phát" not in heading.group(0)
