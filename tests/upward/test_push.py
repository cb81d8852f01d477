"""The push reaches a local HTTP receiver signed, and tries again after a 500."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from sqlalchemy.orm import Session

from app.config import get_settings
from app.upward import push, pushing

SECRET = "province-shared-secret-0123456789"
# 10:00 in Hà Nội on 6 October 2026: the day with one play each and the power fault
NOW = datetime(2026, 10, 6, 3, 0, tzinfo=UTC)


class Receiver:
    def __init__(self, answers: list[int]) -> None:
        self.answers = answers
        self.received: list[tuple[dict[str, str], bytes]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                outer.received.append((dict(self.headers), body))
                code = outer.answers.pop(0) if outer.answers else 200
                self.send_response(code)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *_args: object) -> None:
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/loa"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver(monkeypatch: pytest.MonkeyPatch) -> Iterator[Receiver]:
    r = Receiver([500])  # the platform fails once, then accepts
    monkeypatch.setenv("LOA_UPWARD_PUSH_URL", r.url)
    monkeypatch.setenv("LOA_UPWARD_PUSH_SECRET", SECRET)
    get_settings.cache_clear()
    yield r
    r.close()
    monkeypatch.undo()
    get_settings.cache_clear()


def _valid(headers: dict[str, str], body: bytes) -> bool:
    expected = "sha256=" + hmac.new(SECRET.encode(), headers["X-Loa-Timestamp"].encode() + b"." + body,
                                    hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, headers["X-Loa-Signature"])


@pytest.mark.usefixtures("scenario")
def test_push_is_signed_and_retried_after_a_500(session: Session, receiver: Receiver) -> None:
    waits: list[float] = []
    encoded = pushing.bodies(session, now=NOW)
    assert pushing.send_all(encoded, sleep=waits.append) == 1
    assert len(receiver.received) == 2  # the 500, then the accepted retry
    assert waits == [2.0]
    headers, body = receiver.received[-1]
    assert _valid(headers, body)
    assert headers["Content-Type"] == "application/json"
    day = json.loads(body)
    assert day["day"] == "2026-10-06"
    plays = {r["relay_point_name"]: (r["completed"], r["failed"]) for r in day["relay_points"]}
    assert plays == {"Cụm loa chợ Hà Tu": (1, 0), "Cụm loa tổ 5": (0, 1)}
    assert [f["category"] for f in day["faults"]] == ["power"]


@pytest.mark.usefixtures("scenario")
def test_a_tampered_body_does_not_verify(session: Session, receiver: Receiver) -> None:
    receiver.answers.clear()
    pushing.send_all(pushing.bodies(session, now=NOW), sleep=lambda _s: None)
    headers, body = receiver.received[-1]
    assert not _valid(headers, body.replace(b"power", b"other"))


def test_a_refusal_is_not_retried(receiver: Receiver) -> None:
    receiver.answers[:] = [403]
    with pytest.raises(push.PushFailed, match="403"):
        push.post(receiver.url, b"{}", content_type="application/json", secret=SECRET, sleep=lambda _s: None)
    assert len(receiver.received) == 1
