"""Every route × every role of station 2, aimed at station 1: refused (403/404), showing nothing
of station 1, changing nothing of station 1."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy.orm import Session

from tests.fixtures.audio_files import tone_file
from tests.fixtures.builders import auth
from tests.isolation.routes import NOT_SCOPED, Call, app_routes, cases
from tests.isolation.two_stations import (
    ATTACKER_ADDRESS,
    ORGANISATION_ROLES,
    SECRET,
    STATION_2_ROLES,
    Station1,
    Station2,
    fingerprint,
)
from tests.web.helpers import csrf_of, sign_in


def test_every_route_says_how_it_is_scoped(client: TestClient, station1: Station1, tmp_path: Path) -> None:
    table = cases(station1, tmp_path / "none.wav")
    served = app_routes(client.app)  # type: ignore[arg-type]
    assert not set(table) & set(NOT_SCOPED), "a route is either scoped or not"
    assert served - set(table) - set(NOT_SCOPED) == set(), "routes without an isolation case"
    assert set(table) | set(NOT_SCOPED) <= served, "cases for routes that no longer exist"


_FORM_TOKEN = re.compile(r'name="form_token" value="([^"]+)"')


def _send(client: TestClient, method: str, call: Call, role_headers: dict[str, str], csrf: str) -> Response:
    api = call.path.startswith("/api/")
    headers = {**(role_headers if api else {}), **call.headers}
    data = call.data
    if call.form_page is not None:
        page = client.get(call.form_page)
        found = _FORM_TOKEN.search(page.text) if page.status_code == 200 else None
        if found:  # the roles that may not open the form (or only read the page) get no token
            data = {**(data or {}), "form_token": found.group(1)}
    if not api and method == "POST":
        if call.json is not None:
            headers["X-CSRF-Token"] = csrf
        else:
            data = {**(data or {}), "csrf_token": csrf}
    if call.file is not None:
        with call.file.open("rb") as fh:
            return client.request(method, call.path, headers=headers, data=data, params=call.params,
                                  files={"file": (call.file.name, fh, "audio/wav")}, follow_redirects=False)
    return client.request(method, call.path, headers=headers, json=call.json, data=data, params=call.params,
                          follow_redirects=False)


def _problem(call: Call, answer: Response) -> str | None:
    """What is wrong with this answer to a station 2 user, or None."""
    if answer.status_code >= 500:
        return f"{answer.status_code}"
    if call.refused is not None and answer.status_code not in call.refused:
        return f"answered {answer.status_code}, not one of {sorted(call.refused)}"
    if call.refused is None and answer.status_code == 303 and "/login" in answer.headers.get("location", ""):
        return "signed out"
    body = answer.content.decode("utf-8", "replace")
    for secret in (SECRET, ATTACKER_ADDRESS):
        if secret in body or secret in answer.headers.get("location", ""):
            return f"shows station 1's {secret!r}"
    return None


@pytest.mark.parametrize("role", STATION_2_ROLES + ORGANISATION_ROLES)
def test_station_2_cannot_see_or_touch_station_1(client: TestClient, session: Session, station1: Station1,
                                                 station2: Station2, tmp_path: Path, role: str) -> None:
    user = station2.user(role)
    tone = tone_file(tmp_path / "thu.wav", 1.0)
    assert sign_in(client, user.username).status_code == 303
    csrf = csrf_of(client.get("/account/password"))
    headers = auth(user)
    problems = []
    before = fingerprint(session, station1.station.id)
    for (method, path), calls in sorted(cases(station1, tone).items()):
        for call in calls:
            try:
                answer = _send(client, method, call, headers, csrf)
            except Exception as exc:  # a crash is one more finding, listed with the rest
                problems.append(f"{method} {path} ({call.path}): raised {exc!r}")
                continue
            problem = _problem(call, answer)
            after = fingerprint(session, station1.station.id)
            if after != before:
                changed = sorted(k for k in after if after[k] != before[k])
                problem = f"{problem + '; ' if problem else ''}changed station 1's {', '.join(changed)}"
                before = after
            if problem:
                problems.append(f"{method} {path} ({call.path}): {problem}")
    assert problems == [], f"{role} of station 2:\n" + "\n".join(problems)
