"""HTTP client for the relay API: bearer token, timeouts, ETag, Range downloads, named errors."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx

from relay_agent.errors import Forbidden, ServerError, ServerUnreachable, TokenRejected


@dataclass(frozen=True)
class ScheduleResponse:
    """A 200 (body and new ETag) or a 304 (body None: the cached schedule is still right)."""

    body: dict[str, Any] | None
    etag: str | None


@dataclass
class AudioStream:
    """An open audio download; `start` is the byte the chunks begin at (0 unless resumed)."""

    start: int
    total: int | None
    chunks: Iterator[bytes]


class RangeNotSatisfiable(Exception):
    """416: the partial file is not a prefix of the server's file; start again from zero."""


class RelayClient:
    """Talks to one Loa server as one relay point."""

    def __init__(
        self,
        server: str,
        token: Callable[[], str],
        *,
        timeout_seconds: float = 15.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._token = token
        self._base = httpx.URL(server.rstrip("/") + "/")
        self._http = httpx.Client(
            base_url=server.rstrip("/"),
            timeout=httpx.Timeout(timeout_seconds, connect=min(timeout_seconds, 5.0)),
            transport=transport,
            follow_redirects=False,
        )

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    def _auth(self, url: str) -> dict[str, str]:
        # The token is only sent to the Loa server itself, never to a CDN an absolute URL names.
        target = self._http.build_request("GET", url).url
        if (target.scheme, target.host, target.port) != (
            self._base.scheme,
            self._base.host,
            self._base.port,
        ):
            return {}
        return {"Authorization": f"Bearer {self._token()}"}

    def get_schedule(self, hours: int, etag: str | None) -> ScheduleResponse:
        """GET the relay's schedule, conditionally on `etag`."""
        url = "/api/v1/relay/schedule"
        headers = self._auth(url)
        if etag:
            headers["If-None-Match"] = etag
        response = self._send("GET", url, headers=headers, params={"hours": hours})
        if response.status_code == 304:
            return ScheduleResponse(body=None, etag=etag)
        if response.status_code != 200:
            raise _unexpected(response)
        try:
            body = response.json()
        except json.JSONDecodeError as error:
            raise ServerError("Lịch không phải JSON", "schedule is not JSON") from error
        if not isinstance(body, dict):
            raise ServerError("Lịch không phải đối tượng JSON", "schedule is not a JSON object")
        return ScheduleResponse(body=body, etag=response.headers.get("ETag"))

    def post(self, path: str, payload: dict[str, Any]) -> int:
        """POST JSON to `path`; return the 2xx status, raise a named error otherwise."""
        response = self._send("POST", path, headers=self._auth(path), json=payload)
        if not 200 <= response.status_code < 300:
            raise _unexpected(response)
        return response.status_code

    @contextmanager
    def open_audio(self, url: str, start: int) -> Iterator[AudioStream]:
        """Stream an audio file from byte `start` (a Range request when resuming).

        Chunks come as they arrive, not re-buffered, so every byte received before a dropped
        connection reaches the partial file and is not fetched again. A server in presigned mode
        answers with a redirect to its object store: followed (with the Range, without the
        token, which httpx drops on a redirect to another host), and only here.
        """
        headers = self._auth(url)
        if start > 0:
            headers["Range"] = f"bytes={start}-"
        try:
            with self._http.stream("GET", url, headers=headers, follow_redirects=True) as response:
                if response.status_code == 416:
                    raise RangeNotSatisfiable()
                if response.status_code == 200:
                    length = response.headers.get("Content-Length")
                    total = int(length) if length and length.isdigit() else None
                    yield AudioStream(0, total, response.iter_bytes())
                elif response.status_code == 206:
                    yield AudioStream(*_content_range(response), response.iter_bytes())
                else:
                    response.read()
                    raise _unexpected(response)
        except httpx.TransportError as error:
            raise _unreachable(error) from error

    @contextmanager
    def open_live(self, url: str, silence_seconds: float) -> Iterator[Iterator[bytes]]:
        """Stream a relay window's live audio; a read that waits `silence_seconds` fails."""
        timeout = httpx.Timeout(silence_seconds, connect=min(silence_seconds, 5.0))
        try:
            with self._http.stream("GET", url, headers=self._auth(url), timeout=timeout) as response:
                if response.status_code != 200:
                    response.read()
                    raise _unexpected(response)
                yield response.iter_bytes()
        except httpx.TransportError as error:
            raise _unreachable(error) from error

    def _send(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        try:
            response = self._http.request(method, url, **kwargs)
        except httpx.TransportError as error:
            raise _unreachable(error) from error
        if response.status_code == 401:
            raise _token_rejected(response)
        return response


def _content_range(response: httpx.Response) -> tuple[int, int | None]:
    # "bytes 100-999/1000"
    value = response.headers.get("Content-Range", "")
    try:
        unit, _, rest = value.partition(" ")
        span, _, total = rest.partition("/")
        first = int(span.split("-")[0])
        if unit != "bytes":
            raise ValueError(value)
        return first, (int(total) if total.isdigit() else None)
    except ValueError as error:
        raise ServerError(
            f"Content-Range không hợp lệ: {value!r}", f"bad Content-Range: {value!r}"
        ) from error


def _unreachable(error: Exception) -> ServerUnreachable:
    return ServerUnreachable(
        f"Không kết nối được máy chủ: {type(error).__name__} {error}",
        f"server unreachable: {type(error).__name__} {error}",
    )


def _token_rejected(response: httpx.Response) -> TokenRejected:
    code, detail = "InvalidRelayToken", response.text[:200]
    try:
        body = response.json()
        code = str(body.get("error", code))
        detail = str(body.get("detail", detail))
    except (json.JSONDecodeError, AttributeError):
        pass
    return TokenRejected(code, detail)


def _unexpected(response: httpx.Response) -> Exception:
    status = response.status_code
    if status == 401:
        return _token_rejected(response)
    if status == 403:
        return Forbidden(
            f"Máy chủ không cho cụm loa này truy cập {response.request.url.path} (403)",
            f"forbidden: {response.request.url.path} is not this relay's",
        )
    if status >= 500 or status == 429:
        return ServerUnreachable(
            f"Máy chủ đang lỗi hoặc quá tải (HTTP {status})",
            f"server error or rate limit (HTTP {status})",
        )
    return ServerError(
        f"Máy chủ trả lời bất thường HTTP {status}: {response.text[:200]}",
        f"unexpected HTTP {status}: {response.text[:200]}",
    )
