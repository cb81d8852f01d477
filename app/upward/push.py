"""The outbound push: a signed POST with retries. No database here: the job hands it bytes.

Signature: header `X-Loa-Signature: sha256=<hex>` is HMAC-SHA256, keyed with
LOA_UPWARD_PUSH_SECRET, over `<X-Loa-Timestamp>.<body>`; a receiver recomputes it and refuses
an old timestamp, so a captured push cannot be replayed later.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import time
import urllib.error
import urllib.request
from collections.abc import Callable

log = logging.getLogger("loa.upward")


class PushFailed(Exception):
    """Every attempt failed, or the platform refused the push (4xx: retrying will not help)."""


def signature(secret: str, timestamp: str, body: bytes) -> str:
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def post(url: str, body: bytes, *, content_type: str, secret: str, attempts: int = 4,
         backoff_s: float = 2.0, timeout_s: float = 20.0, sleep: Callable[[float], None] = time.sleep,
         clock: Callable[[], float] = time.time) -> int:
    """POST `body` signed; retry after a 5xx or a network error, waiting 2, 4, 8 s. Returns the status."""
    last = ""
    for attempt in range(1, attempts + 1):
        stamp = str(int(clock()))
        request = urllib.request.Request(url, data=body, method="POST", headers={
            "Content-Type": content_type, "X-Loa-Timestamp": stamp,
            "X-Loa-Signature": signature(secret, stamp, body), "User-Agent": "Loa-upward/1"})
        try:
            with urllib.request.urlopen(request, timeout=timeout_s) as response:
                return int(response.status)
        except urllib.error.HTTPError as exc:
            if exc.code < 500:
                raise PushFailed(f"{url} refused the push: HTTP {exc.code}") from exc
            last = f"HTTP {exc.code}"
        except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
            last = str(exc)
        log.warning("upward push attempt %d/%d failed: %s", attempt, attempts, last)
        if attempt < attempts:
            sleep(backoff_s * 2 ** (attempt - 1))
    raise PushFailed(f"{url}: {attempts} attempts failed, the last: {last}")
