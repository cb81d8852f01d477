"""Sign-in throttling: an attacker slows down only themselves, never locks the real user out."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, delete
from sqlalchemy.orm import Session

from app.auth import service
from app.auth.exceptions import InvalidCredentials, TooManyLoginAttempts
from app.config import get_settings
from app.models import AuditEvent, LoginThrottle
from tests.fixtures.builders import PASSWORD
from tests.web.helpers import sign_in

ATTACKER = ("203.0.113.66", 40000)
EDITOR_DESK = ("198.51.100.7", 40000)


def _login(client: TestClient, username: str, password: str):
    return client.post("/api/v1/auth/token", data={"username": username, "password": password})


@pytest.fixture
def attacker(client: TestClient) -> Iterator[TestClient]:
    with TestClient(client.app, client=ATTACKER) as other:
        yield other


@pytest.fixture
def editor_desk(client: TestClient) -> Iterator[TestClient]:
    with TestClient(client.app, client=EDITOR_DESK) as other:
        yield other


@pytest.mark.usefixtures("world")
def test_an_attacker_elsewhere_cannot_lock_the_editor_out(attacker, editor_desk):
    limit = get_settings().login_attempts_per_window
    for _ in range(limit):
        assert _login(attacker, "editor", "doan-mo").status_code == 401
    throttled = _login(attacker, "editor", "doan-tiep")
    assert throttled.status_code == 429
    assert throttled.json()["error"] == "TooManyLoginAttempts"
    assert "thử lại sau" in throttled.json()["detail"]
    assert int(throttled.headers["Retry-After"]) > 0
    # the real editor, at their own desk, signs in at once
    assert _login(editor_desk, "editor", PASSWORD).status_code == 200
    # and the attacker stays throttled even with the right password
    assert _login(attacker, "editor", PASSWORD).status_code == 429


@pytest.mark.usefixtures("world")
def test_a_correct_sign_in_clears_its_own_failures(editor_desk):
    limit = get_settings().login_attempts_per_window
    for _ in range(limit - 1):
        assert _login(editor_desk, "editor", "go-nham").status_code == 401
    assert _login(editor_desk, "editor", PASSWORD).status_code == 200
    for _ in range(limit - 1):  # a typo or two later is not the last straw
        assert _login(editor_desk, "editor", "go-nham").status_code == 401
    assert _login(editor_desk, "editor", PASSWORD).status_code == 200


@pytest.mark.usefixtures("world")
def test_one_address_guessing_many_usernames_is_throttled(attacker, editor_desk, monkeypatch):
    monkeypatch.setattr(get_settings(), "login_attempts_per_address", 4)
    for name in ("officer", "officer2", "editor2", "leader"):
        assert _login(attacker, name, "doan-mo").status_code == 401
    assert _login(attacker, "admin", "doan-mo").status_code == 429
    assert _login(editor_desk, "admin", PASSWORD).status_code == 200


@pytest.mark.usefixtures("world")
def test_the_sign_in_page_says_when_to_try_again_in_vietnamese(attacker):
    limit = get_settings().login_attempts_per_window
    for _ in range(limit):
        assert sign_in(attacker, "editor", "doan-mo").status_code == 401
    page = sign_in(attacker, "editor", "doan-mo")
    assert page.status_code == 429
    assert "Đăng nhập sai quá nhiều lần từ địa chỉ này. Hãy thử lại sau" in page.text
    assert int(page.headers["Retry-After"]) > 0


def test_concurrent_guesses_get_no_more_tries_than_the_limit(engine: Engine):
    """20 guesses at once, each on its own connection: the count is atomic on every database."""
    address, guesses = "192.0.2.20", 20
    outcomes: list[str] = []
    start = threading.Barrier(guesses)

    def guess() -> None:
        with Session(engine) as session:
            start.wait()
            try:
                service.login_or_raise(session, "editor", "doan-mo", address)
            except (InvalidCredentials, TooManyLoginAttempts) as exc:
                outcomes.append(type(exc).__name__)
                session.rollback()

    threads = [threading.Thread(target=guess) for _ in range(guesses)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        with Session(engine) as session:
            session.execute(delete(LoginThrottle).where(LoginThrottle.address == address))
            session.execute(delete(AuditEvent).where(AuditEvent.client_address == address))
            session.commit()
    assert len(outcomes) == guesses
    assert outcomes.count("InvalidCredentials") == get_settings().login_attempts_per_window
    assert outcomes.count("TooManyLoginAttempts") == guesses - get_settings().login_attempts_per_window
