"""What the browser is told about every answer, and what production adds: Secure cookies and
API docs for signed-in staff only."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.config import get_settings
from app.db import committing, get_session
from app.main import create_app
from tests.web.helpers import sign_in


def _assert_protected(answer) -> None:
    assert answer.headers["x-frame-options"] == "DENY"
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert answer.headers["referrer-policy"] == "same-origin"
    policy = answer.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy
    assert "object-src 'none'" in policy


@pytest.mark.usefixtures("world")
def test_every_kind_of_answer_carries_the_security_headers(client):
    answers = {
        "page": client.get("/"),
        "sign-in page": client.get("/login"),
        "static file": client.get("/static/loa.js"),
        "API": client.get("/api/v1/auth/me"),
        "not found": client.get("/no-such-page"),
        "health": client.get("/healthz"),
        "too large": client.post("/api/v1/auth/token", content=b"x" * 2_000_000),
    }
    for what, answer in answers.items():
        try:
            _assert_protected(answer)
        except (AssertionError, KeyError) as exc:
            raise AssertionError(f"{what} ({answer.status_code}) lacks a security header") from exc


@pytest.mark.usefixtures("world")
def test_pages_may_run_only_their_own_scripts_and_styles(client):
    sign_in(client, "editor")
    page = client.get("/app/programmes")
    assert page.status_code == 200
    policy = dict(p.strip().split(" ", 1) for p in page.headers["content-security-policy"].split(";"))
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert "unsafe" not in page.headers["content-security-policy"]


def test_the_docs_work_under_their_own_policy(client):
    docs = client.get("/docs")
    assert docs.status_code == 200
    _assert_protected(docs)
    assert "https://cdn.jsdelivr.net" in docs.headers["content-security-policy"]


@pytest.fixture
def production(session: Session, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.setenv("LOA_ENVIRONMENT", "production")
    monkeypatch.setenv("LOA_SECRET_KEY", "a-production-key-of-more-than-32-characters")
    get_settings.cache_clear()
    app = create_app()

    def _session() -> Iterator[Session]:
        yield from committing(session)

    app.dependency_overrides[get_session] = _session
    try:
        # A Secure cookie never travels over plain HTTP: the browser speaks HTTPS, as in production.
        with TestClient(app, base_url="https://testserver") as client:
            yield client
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()


@pytest.mark.usefixtures("world")
def test_production_sends_the_session_cookie_secure_only(production):
    signed_in = sign_in(production, "officer")
    assert signed_in.status_code == 303
    assert "; Secure" in signed_in.headers["set-cookie"]
    # Even where the server is reached over plain HTTP (a proxy that does not say it took HTTPS).
    with TestClient(production.app) as plain:
        assert "; Secure" in plain.get("/login").headers["set-cookie"]


@pytest.mark.usefixtures("world")
def test_production_shows_the_api_docs_to_signed_in_users_only(production):
    for path in ("/docs", "/redoc", "/openapi.json"):
        answer = production.get(path, follow_redirects=False)
        assert answer.status_code == 303, path
        assert answer.headers["location"] == f"/login?next={path}"
    sign_in(production, "officer")
    assert production.get("/docs").status_code == 200
    assert "Loa — API" in production.get("/redoc").text
    assert production.get("/openapi.json").json()["info"]["title"] == "Loa"
