"""Helpers for the web page tests: sign in through the form, read the CSRF token of a page."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from httpx import Response

from tests.fixtures.builders import PASSWORD

_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(page: Response | str) -> str:
    html = page if isinstance(page, str) else page.text
    match = _CSRF.search(html)
    assert match, "the page has no CSRF token field"
    return match.group(1)


def sign_in(client: TestClient, username: str, password: str = PASSWORD) -> Response:
    token = csrf_of(client.get("/login"))
    return client.post("/login", data={"username": username, "password": password, "csrf_token": token},
                       follow_redirects=False)


def post_form(client: TestClient, url: str, data: dict[str, object], *, page: str | None = None) -> Response:
    """Post a form as the browser would: with the token of a page of this session."""
    token = csrf_of(client.get(page or "/account/password"))
    return client.post(url, data={**data, "csrf_token": token}, follow_redirects=False)
