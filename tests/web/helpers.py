"""Helpers for the web page tests: sign in through the form, read the CSRF token of a page."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from httpx import Response

from tests.fixtures.builders import PASSWORD

_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
_FORM_TOKEN = re.compile(r'name="form_token" value="([^"]+)"')


def csrf_of(page: Response | str) -> str:
    html = page if isinstance(page, str) else page.text
    match = _CSRF.search(html)
    assert match, "the page has no CSRF token field"
    return match.group(1)


def tokens_of(page: Response | str) -> dict[str, str]:
    """The hidden tokens a browser posts with the page's form: CSRF, and the form's one-time token."""
    html = page if isinstance(page, str) else page.text
    tokens = {"csrf_token": csrf_of(html)}
    if match := _FORM_TOKEN.search(html):
        tokens["form_token"] = match.group(1)
    return tokens


def sign_in(client: TestClient, username: str, password: str = PASSWORD) -> Response:
    token = csrf_of(client.get("/login"))
    return client.post("/login", data={"username": username, "password": password, "csrf_token": token},
                       follow_redirects=False)


def post_form(client: TestClient, url: str, data: dict[str, object], *, page: str | None = None) -> Response:
    """Post a form as the browser would: with the token of a page of this session."""
    tokens = tokens_of(client.get(page or "/account/password"))
    return client.post(url, data={**data, **tokens}, follow_redirects=False)
