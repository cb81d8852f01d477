"""A person who mistypes an address gets a page in Vietnamese; API clients keep their JSON."""

from __future__ import annotations

import pytest

from tests.web.helpers import sign_in

BROWSER = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}


@pytest.mark.parametrize("url", ["/app/khong-co", "/khong-co", "/app/admin/khong-co"])
@pytest.mark.usefixtures("world")
def test_an_unknown_page_is_a_page_in_vietnamese(client, url):
    sign_in(client, "editor")
    answer = client.get(url, headers=BROWSER)
    assert answer.status_code == 404
    assert answer.headers["content-type"].startswith("text/html")
    assert "Không có trang này" in answer.text
    assert '"error"' not in answer.text


@pytest.mark.usefixtures("world")
def test_a_bad_value_in_a_page_address_is_a_page_too(client):
    sign_in(client, "editor")
    answer = client.get("/app/programmes?day=2026-13-45", headers=BROWSER)
    assert answer.status_code == 404  # an address that names no page
    assert answer.headers["content-type"].startswith("text/html")
    assert "Không có trang này" in answer.text


def test_the_api_still_answers_json(client):
    answer = client.get("/api/v1/khong-co", headers=BROWSER)
    assert answer.status_code == 404
    assert answer.json()["error"] == "NotFound"


def test_the_browser_finds_an_icon(client):
    answer = client.get("/favicon.ico")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("image/")
