"""Every route of the app, and how a user of station 2 would aim it at station 1.

`cases` answers, for each (method, path) of `app.routes`, the requests to send: a `Refused` one
names station 1's rows (in the path, the query or the body) and must be answered 403/404 (422
where a body names another station's area, topic or recording: the domain's "no such area here");
an `Own` one works in the user's own station and must show nothing of station 1. `NOT_SCOPED`
lists the routes that touch no station's rows, with the reason. A route in none of them fails
tests/isolation/test_matrix.py: whoever adds a route says how it is scoped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from tests.fixtures.builders import PASSWORD
from tests.isolation.two_stations import SECRET, Station1

REFUSED = frozenset({403, 404})
REFUSED_OR_UNKNOWN = frozenset({403, 404, 422})


@dataclass(frozen=True)
class Call:
    path: str
    json: Any = None
    data: dict[str, Any] | None = None
    file: Path | None = None
    params: dict[str, Any] | None = None
    refused: frozenset[int] | None = REFUSED  # None: the user's own station, any 2xx/3xx/4xx
    headers: dict[str, str] = field(default_factory=dict)
    form_page: str | None = None  # a page whose one-time form token the post must carry


def Own(path: str, **kwargs: Any) -> Call:  # a kind of call, named like one
    return Call(path, refused=None, **kwargs)


NOT_SCOPED = {
    ("GET", "/openapi.json"): "the API's description",
    ("GET", "/docs"): "the API's description",
    ("GET", "/docs/oauth2-redirect"): "the API's description",
    ("GET", "/redoc"): "the API's description",
    ("GET", "/healthz"): "liveness",
    ("GET", "/favicon.ico"): "the site's icon",
    ("GET", "/api/v1/system/problems"): "the server's own problems (its disk, its jobs): no station's rows",
    ("GET", "/api/v1/system/storage"): "the server's own disk, and the retention of the user's own station",
    ("GET", "/metrics"): "Prometheus figures of the whole installation, behind its own bearer token (no user)",
    ("POST", "/api/v1/auth/token"): "signing in",
    ("GET", "/api/v1/auth/me"): "the user themself",
    ("POST", "/api/v1/auth/password"): "the user themself",
    ("GET", "/"): "the public home page: station names and public links",
    ("GET", "/app"): "a redirect to the user's own page",
    ("GET", "/login"): "signing in",
    ("POST", "/login"): "signing in",
    ("POST", "/logout"): "signing out",
    ("GET", "/account/password"): "the user themself",
    ("POST", "/account/password"): "the user themself",
    ("GET", "/lang/{code}"): "the reader's language",
    ("GET", "/stations/{station_id}/scripts"): "public: aired scripts (tests/web/test_pages.py)",
    ("GET", "/stations/{station_id}/scripts/{script_id}"): "public: one aired script",
    ("GET", "/stations/{station_id}/feed.xml"): "public: the RSS feed of aired scripts",
    ("GET", "/stations/{station_id}/areas/{area_id}/live"): "public: an area's live stream player (tests/live)",
    ("GET", "/stations/{station_id}/areas/{area_id}/live.m3u"): "public: an area's live stream address",
    ("GET", "/api/v1/relay/schedule"): "relay token: its own area (tests/relays)",
    ("GET", "/api/v1/relay/audio/{key}"): "relay token: its own area's files (tests/relays)",
    ("GET", "/api/v1/relay/programmes/{programme_id}.m3u8"): "relay token: its own area (tests/relays)",
    ("POST", "/api/v1/relay/heartbeat"): "relay token: itself",
    ("GET", "/api/v1/relay/live/{run_id}"): "relay token: its own area's relay runs (tests/relay_windows)",
    ("POST", "/api/v1/relay/played"): "relay token: its own programmes (tests/relays)",
    ("POST", "/api/v1/relay/faults"): "relay token: itself",
    ("POST", "/app/admin/voices"): "the installation's voices (installation admin only), no station's rows; "
                                   "a station's admin is refused (tests/speech/test_voices_web.py)",
    ("POST", "/app/admin/voices/{name}/remove"): "the installation's voices (installation admin only), no station's "
                                                 "rows; a station's admin is refused (tests/speech/test_voices_web.py)",
    ("POST", "/api/v1/letters"): "reads the uploaded file into a draft: touches no station's rows",
    ("GET", "/app/letters"): "the upload form: no station's rows",
}


def app_routes(app: FastAPI) -> set[tuple[str, str]]:
    """(method, path) of every route the app serves, HEAD aside; static files aside."""
    found: set[tuple[str, str]] = set()
    for route in app.routes:
        contexts = route.effective_route_contexts() if hasattr(route, "effective_route_contexts") else [route]
        for ctx in contexts:
            for method in getattr(ctx, "methods", None) or ():
                if method != "HEAD":
                    found.add((method, ctx.path))
    return found


def cases(t: Station1, tone: Path) -> dict[tuple[str, str], list[Call]]:
    s1 = t.station.id
    khu1, khu2, khu3 = (a.id for a in t.world.areas)
    sc = {k: v.id for k, v in t.scripts.items()}
    version = {k: v.version for k, v in t.scripts.items()}
    officer1 = t.world.users["officer"].id
    script_body = {"title": "Tin của đài hai", "body": "Nội dung thử nghiệm của đài hai.", "topic": "thoi-su",
                   "air_from": str(t.world.today()), "air_until": str(t.world.today())}
    form = {"title": "Tin của đài hai", "body": "Nội dung.", "topic": "thoi-su", "priority": "normal",
            "air_from": str(t.world.today()), "air_until": str(t.world.today()), "airings_target": "1"}
    p, ap = t.programme.id, t.area_programme.id
    relay, rec = t.relay.id, t.recording.id
    e = t.emergency.id
    rsrc, rwin = t.relay_source.id, t.relay_window.id
    window_body = {"source_id": rsrc, "title": "Tiếp sóng lạ", "start_time": "18:00", "end_time": "18:30",
                   "weekdays": [0], "area_ids": [khu1]}
    theme, month = t.theme.id, t.theme.month.strftime("%Y-%m")
    org1 = t.organisation.id
    assert t.delivery is not None
    b, d = t.delivery.bulletin_id, t.delivery.id
    bulletin_body = {"title": "Tin", "body": "Nội dung", "air_from": str(t.world.today()),
                     "air_until": str(t.world.today())}
    return {
        # users
        ("GET", "/api/v1/users"): [Own("/api/v1/users")],
        ("POST", "/api/v1/users"): [
            Call("/api/v1/users", json={"username": "xa2-moi", "role": "leader", "area_id": khu1,
                                        "password": PASSWORD}),
            Call("/api/v1/users", json={"username": "xa2-moi2", "role": "officer", "station_id": s1,
                                        "password": PASSWORD})],
        ("GET", "/api/v1/users/{user_id}"): [Call(f"/api/v1/users/{officer1}")],
        ("PATCH", "/api/v1/users/{user_id}"): [Call(f"/api/v1/users/{officer1}", json={"is_active": False})],
        # stations and their set-up
        ("GET", "/api/v1/stations"): [Own("/api/v1/stations")],
        ("POST", "/api/v1/stations"): [Call("/api/v1/stations", json={"name": "Đài mới của đài hai"})],
        ("GET", "/api/v1/stations/{station_id}"): [Call(f"/api/v1/stations/{s1}")],
        ("PATCH", "/api/v1/stations/{station_id}"): [Call(f"/api/v1/stations/{s1}", json={"voice": "vi-VN-x-south"})],
        ("POST", "/api/v1/stations/{station_id}/slots"): [
            Call(f"/api/v1/stations/{s1}/slots", json={"name": "noon", "start_time": "11:00",
                                                       "length_seconds": 900})],
        ("PATCH", "/api/v1/slots/{slot_id}"): [Call(f"/api/v1/slots/{t.slot.id}", json={"label": "đổi"})],
        ("DELETE", "/api/v1/slots/{slot_id}"): [Call(f"/api/v1/slots/{t.slot.id}")],
        ("POST", "/api/v1/stations/{station_id}/areas"): [
            Call(f"/api/v1/stations/{s1}/areas", json={"name": "Khu mới"})],
        ("PATCH", "/api/v1/areas/{area_id}"): [Call(f"/api/v1/areas/{khu3}", json={"name": "Khu đổi tên"})],
        ("DELETE", "/api/v1/areas/{area_id}"): [Call(f"/api/v1/areas/{khu3}")],
        ("GET", "/api/v1/stations/{station_id}/topics"): [Call(f"/api/v1/stations/{s1}/topics")],
        ("GET", "/api/v1/stations/{station_id}/streams"): [Call(f"/api/v1/stations/{s1}/streams")],
        ("POST", "/api/v1/stations/{station_id}/topics"): [
            Call(f"/api/v1/stations/{s1}/topics", json={"code": "moi", "name": "Mới"})],
        ("GET", "/api/v1/stations/{station_id}/relay-points"): [Call(f"/api/v1/stations/{s1}/relay-points")],
        ("POST", "/api/v1/areas/{area_id}/relay-points"): [
            Call(f"/api/v1/areas/{khu1}/relay-points", json={"name": "Cụm loa lạ"})],
        ("POST", "/api/v1/relay-points/{relay_id}/rotate"): [Call(f"/api/v1/relay-points/{relay}/rotate")],
        ("DELETE", "/api/v1/relay-points/{relay_id}"): [Call(f"/api/v1/relay-points/{relay}")],
        ("POST", "/api/v1/relay-points/{relay_id}/revoke"): [Call(f"/api/v1/relay-points/{relay}/revoke")],
        # scripts
        ("GET", "/api/v1/scripts"): [Own("/api/v1/scripts"),
                                     Call("/api/v1/scripts", params={"station_id": s1})],
        ("POST", "/api/v1/scripts"): [Call("/api/v1/scripts", json={**script_body, "station_id": s1}),
                                      Call("/api/v1/scripts", json={**script_body, "area_ids": [khu1]},
                                           refused=REFUSED_OR_UNKNOWN),
                                      Call("/api/v1/scripts", json={**script_body, "recording_id": rec},
                                           refused=REFUSED_OR_UNKNOWN)],
        ("GET", "/api/v1/scripts/{script_id}"): [Call(f"/api/v1/scripts/{sc[k]}") for k in sc],
        ("PATCH", "/api/v1/scripts/{script_id}"): [
            Call(f"/api/v1/scripts/{sc['draft']}", json={"title": "sửa", "version": version["draft"]}),
            Call(f"/api/v1/scripts/{sc['approved']}", json={"title": "sửa", "version": version["approved"]})],
        ("POST", "/api/v1/scripts/{script_id}/submit"): [Call(f"/api/v1/scripts/{sc['draft']}/submit")],
        ("POST", "/api/v1/scripts/{script_id}/approve"): [Call(f"/api/v1/scripts/{sc['submitted']}/approve")],
        ("POST", "/api/v1/scripts/{script_id}/reject"): [
            Call(f"/api/v1/scripts/{sc['submitted']}/reject", json={"reason": "Không đạt yêu cầu."})],
        ("POST", "/api/v1/scripts/{script_id}/withdraw"): [Call(f"/api/v1/scripts/{sc['approved']}/withdraw")],
        # audit
        ("GET", "/api/v1/audit"): [Own("/api/v1/audit"), Own("/api/v1/audit", params={"action": "login_failed"}),
                                   Own("/api/v1/audit", params={"entity_type": "script",
                                                                "entity_id": sc["draft"]})],
        # speech
        ("POST", "/api/v1/speech/spoken"): [Call("/api/v1/speech/spoken", json={"text": "UBND", "station_id": s1})],
        ("GET", "/api/v1/stations/{station_id}/abbreviations"): [Call(f"/api/v1/stations/{s1}/abbreviations")],
        ("PATCH", "/api/v1/stations/{station_id}/abbreviations"): [
            Call(f"/api/v1/stations/{s1}/abbreviations", json={"entries": {"KP": "khu phố"}})],
        ("POST", "/api/v1/speech/listen"): [Call("/api/v1/speech/listen", json={"text": "Xin chào", "station_id": s1})],
        # relay sources and windows
        ("GET", "/api/v1/stations/{station_id}/relay-sources"): [Call(f"/api/v1/stations/{s1}/relay-sources")],
        ("POST", "/api/v1/stations/{station_id}/relay-sources"): [Call(
            f"/api/v1/stations/{s1}/relay-sources", json={"name": "Nguồn lạ", "url": "http://127.0.0.1:9/x.mp3"})],
        ("PATCH", "/api/v1/relay-sources/{source_id}"): [
            Call(f"/api/v1/relay-sources/{rsrc}", json={"url": "http://127.0.0.1:9/hijack.mp3"})],
        ("DELETE", "/api/v1/relay-sources/{source_id}"): [Call(f"/api/v1/relay-sources/{rsrc}")],
        ("POST", "/api/v1/relay-sources/{source_id}/test"): [Call(f"/api/v1/relay-sources/{rsrc}/test")],
        ("GET", "/api/v1/stations/{station_id}/relay-windows"): [Call(f"/api/v1/stations/{s1}/relay-windows")],
        ("POST", "/api/v1/stations/{station_id}/relay-windows"): [
            # naming station 1's source in one's own station: tests/relay_windows/test_routes.py
            Call(f"/api/v1/stations/{s1}/relay-windows", json=window_body)],
        ("DELETE", "/api/v1/relay-windows/{window_id}"): [Call(f"/api/v1/relay-windows/{rwin}")],
        ("GET", "/api/v1/stations/{station_id}/relay-windows/minutes"): [
            Call(f"/api/v1/stations/{s1}/relay-windows/minutes",
                 params={"first": str(t.world.today()), "last": str(t.world.today())})],
        ("GET", "/api/v1/relay-windows/{window_id}/runs"): [Call(f"/api/v1/relay-windows/{rwin}/runs")],
        # recordings
        ("POST", "/api/v1/stations/{station_id}/recordings"): [
            Call(f"/api/v1/stations/{s1}/recordings", data={"title": "Nhạc lạ", "is_filler": "true"}, file=tone)],
        ("GET", "/api/v1/stations/{station_id}/recordings"): [Call(f"/api/v1/stations/{s1}/recordings")],
        ("GET", "/api/v1/recordings/{recording_id}/audio"): [
            Call(f"/api/v1/recordings/{rec}/audio"), Call(f"/api/v1/recordings/{t.filler.id}/audio")],
        # relays, as staff see them
        ("GET", "/api/v1/relays/status"): [Own("/api/v1/relays/status"),
                                           Call("/api/v1/relays/status", params={"station_id": s1})],
        ("POST", "/api/v1/faults/{fault_id}/resolve"): [Call(f"/api/v1/faults/{t.fault.id}/resolve",
                                                             json={"note": "Đã thay loa."})],
        ("POST", "/api/v1/relay-points/{relay_id}/faults"): [
            Call(f"/api/v1/relay-points/{relay}/faults", json={"category": "speaker", "text": "Loa rè"})],
        # programmes and emergencies
        ("GET", "/api/v1/stations/{station_id}/programmes"): [Call(f"/api/v1/stations/{s1}/programmes")],
        ("GET", "/api/v1/programmes/{programme_id}"): [Call(f"/api/v1/programmes/{p}"),
                                                       Call(f"/api/v1/programmes/{ap}")],
        ("GET", "/api/v1/programmes/{programme_id}/explain"): [Call(f"/api/v1/programmes/{p}/explain")],
        ("GET", "/api/v1/programmes/{programme_id}/audio"): [Call(f"/api/v1/programmes/{p}/audio")],
        ("GET", "/api/v1/programmes/{programme_id}/playlist.m3u8"): [Call(f"/api/v1/programmes/{p}/playlist.m3u8")],
        ("GET", "/api/v1/programmes/{programme_id}/cue.json"): [Call(f"/api/v1/programmes/{p}/cue.json")],
        ("GET", "/api/v1/programmes/{programme_id}/items/{file_name}"): [Call(f"/api/v1/programmes/{p}/items/0.mp3")],
        ("POST", "/api/v1/stations/{station_id}/plan"): [Call(f"/api/v1/stations/{s1}/plan")],
        ("POST", "/api/v1/emergency/{emergency_id}/cancel"): [Call(f"/api/v1/emergency/{e}/cancel")],
        ("POST", "/api/v1/emergency"): [Call("/api/v1/emergency", json={"title": "Khẩn", "body": "Khẩn cấp.",
                                                                        "area_ids": [khu1]},
                                             refused=REFUSED_OR_UNKNOWN)],
        # pages: review
        ("GET", "/app/review"): [Own("/app/review")],
        ("POST", "/app/scripts/{script_id}/approve"): [Call(f"/app/scripts/{sc['submitted']}/approve", data={})],
        ("POST", "/app/scripts/{script_id}/reject"): [
            Call(f"/app/scripts/{sc['submitted']}/reject", data={"reason": "Không đạt."}),
            Call(f"/app/scripts/{sc['submitted']}/reject", data={"reason": ""})],
        ("POST", "/app/scripts/{script_id}/withdraw"): [Call(f"/app/scripts/{sc['approved']}/withdraw", data={})],
        # pages: emergency
        ("GET", "/app/emergency"): [Own("/app/emergency")],
        ("POST", "/app/emergency/confirm"): [Own("/app/emergency/confirm", data={
            "title": "Khẩn", "body": "Khẩn cấp.", "minutes": "60", "after": "resume", "area_ids": [str(khu1)]})],
        ("POST", "/app/emergency"): [Call("/app/emergency", refused=REFUSED_OR_UNKNOWN,
                                          form_page="/app/emergency", data={
            "title": "Khẩn", "body": "Khẩn cấp.", "minutes": "60", "after": "resume", "area_ids": [str(khu1)],
            "action": "broadcast"})],
        ("POST", "/app/emergency/{emergency_id}/cancel"): [Call(f"/app/emergency/{e}/cancel", data={})],
        ("GET", "/app/emergency/{emergency_id}"): [Call(f"/app/emergency/{e}")],
        # pages: scripts
        ("GET", "/app/scripts"): [Own("/app/scripts")],
        ("GET", "/app/scripts/new"): [Own("/app/scripts/new")],
        ("POST", "/app/scripts/new"): [
            Call("/app/scripts/new", data={**form, "area_ids": [str(khu1)]}, refused=REFUSED_OR_UNKNOWN),
            Call("/app/scripts/new", data={**form, "recording_id": str(rec)}, refused=REFUSED_OR_UNKNOWN)],
        ("GET", "/app/scripts/{script_id}"): [Call(f"/app/scripts/{sc[k]}") for k in sc],
        ("GET", "/app/scripts/{script_id}/edit"): [Call(f"/app/scripts/{sc['draft']}/edit")],
        ("POST", "/app/scripts/{script_id}/edit"): [
            Call(f"/app/scripts/{sc['draft']}/edit", data={**form, "version": str(version["draft"])})],
        ("POST", "/app/scripts/{script_id}/submit"): [Call(f"/app/scripts/{sc['draft']}/submit", data={})],
        # pages: recordings
        ("GET", "/app/recordings"): [Own("/app/recordings")],
        ("POST", "/app/recordings"): [
            Call("/app/recordings", data={**form, "purpose": "script", "script_id": str(sc["draft"]),
                                          "action": "upload"}, file=tone)],
        ("GET", "/app/recordings/{recording_id}/audio"): [
            Call(f"/app/recordings/{rec}/audio"), Call(f"/app/recordings/{t.filler.id}/audio")],
        # pages: admin
        ("GET", "/app/admin"): [Own("/app/admin")],
        ("POST", "/app/admin/station/create"): [Call("/app/admin/station/create", data={"name": "Đài mới"})],
        ("POST", "/app/admin/station"): [Own("/app/admin/station", data={"voice": "vi"})],
        ("POST", "/app/admin/slots/add"): [Own("/app/admin/slots/add", data={
            "name": "noon", "label": "Trưa", "start_time": "11:00", "length_minutes": "15"})],
        ("POST", "/app/admin/slots/{slot_id}"): [Call(f"/app/admin/slots/{t.slot.id}", data={
            "label": "đổi", "start_time": "06:00", "length_minutes": "30"})],
        ("POST", "/app/admin/slots/{slot_id}/delete"): [Call(f"/app/admin/slots/{t.slot.id}/delete", data={})],
        ("POST", "/app/admin/areas/add"): [Own("/app/admin/areas/add", data={"name": "Thôn mới"})],
        ("POST", "/app/admin/areas/{area_id}/delete"): [Call(f"/app/admin/areas/{khu3}/delete", data={})],
        ("POST", "/app/admin/relays/{relay_id}/delete"): [Call(f"/app/admin/relays/{relay}/delete", data={})],
        ("POST", "/app/admin/users/{user_id}/role"): [Call(f"/app/admin/users/{officer1}/role",
                                                           data={"role": "editor"})],
        ("POST", "/app/admin/areas/{area_id}"): [Call(f"/app/admin/areas/{khu3}", data={"name": "Khu đổi tên"})],
        ("POST", "/app/admin/relays/add"): [Call("/app/admin/relays/add", data={"name": "Cụm lạ",
                                                                               "area_id": str(khu1)})],
        ("POST", "/app/admin/relays/{relay_id}/rotate"): [Call(f"/app/admin/relays/{relay}/rotate", data={})],
        ("POST", "/app/admin/relays/{relay_id}/revoke"): [Call(f"/app/admin/relays/{relay}/revoke", data={})],
        ("POST", "/app/admin/users/add"): [Call("/app/admin/users/add", refused=REFUSED_OR_UNKNOWN, data={
            "username": "xa2-truong-khu", "role": "leader", "area_id": str(khu2), "password": PASSWORD})],
        ("POST", "/app/admin/users/{user_id}/reset"): [Call(f"/app/admin/users/{officer1}/reset", data={})],
        ("POST", "/app/admin/users/{user_id}/active"): [Call(f"/app/admin/users/{officer1}/active", data={})],
        # pages: leader, programmes, relays
        ("GET", "/app/area"): [Own("/app/area")],
        ("POST", "/app/area/faults"): [Call("/app/area/faults", data={
            "relay_point_id": str(relay), "category": "speaker", "text": "Loa rè"})],
        ("GET", "/app/programmes"): [Own("/app/programmes"), Own("/app/programmes", params={"area_id": khu2}),
                                     Own("/app/programmes", params={"view": "week"})],
        ("GET", "/app/relays"): [Own("/app/relays")],
        ("GET", "/app/programmes/{programme_id}/audio.mp3"): [Call(f"/app/programmes/{p}/audio.mp3")],
        ("GET", "/app/programmes/{programme_id}/playlist.m3u8"): [Call(f"/app/programmes/{p}/playlist.m3u8")],
        ("GET", "/app/programmes/{programme_id}/cue.json"): [Call(f"/app/programmes/{p}/cue.json")],
        ("GET", "/app/programmes/{programme_id}/items/{file_name}"): [Call(f"/app/programmes/{p}/items/0.mp3")],
        ("POST", "/app/relays/faults/{fault_id}/resolve"): [Call(f"/app/relays/faults/{t.fault.id}/resolve",
                                                                 data={"note": "Đã thay loa."})],
        # upward (issue 15 §6): a province platform's read-only view of one station
        ("GET", "/api/v1/upward/stations/{station_id}/inventory"): [Call(f"/api/v1/upward/stations/{s1}/inventory")],
        ("GET", "/api/v1/upward/stations/{station_id}/plans"): [
            Call(f"/api/v1/upward/stations/{s1}/plans", params={"from": "2026-01-01", "to": "2026-12-31"})],
        ("GET", "/api/v1/upward/stations/{station_id}/as-run"): [
            Call(f"/api/v1/upward/stations/{s1}/as-run", params={"from": "2026-01-01", "to": "2026-12-31"})],
        ("GET", "/api/v1/upward/stations/{station_id}/faults"): [
            Call(f"/api/v1/upward/stations/{s1}/faults", params={"from": "2026-01-01", "to": "2026-12-31"})],
        ("GET", "/api/v1/upward/stations/{station_id}/statistics/{year}/{month}"): [
            Call(f"/api/v1/upward/stations/{s1}/statistics/2026/11")],
        # the province status board (issue 15 §1): a ward's editors and admins see their own station only
        ("GET", "/api/v1/board"): [Own("/api/v1/board"), Own("/api/v1/board", params={"sort": "name"})],
        ("GET", "/api/v1/board/stations/{station_id}"): [Call(f"/api/v1/board/stations/{s1}")],
        ("GET", "/app/board"): [Own("/app/board")],
        ("GET", "/app/relay-windows"): [Own("/app/relay-windows")],
        # naming station 1's source in one's own station's form: it is not offered, and refused
        ("POST", "/app/relay-windows"): [Own("/app/relay-windows", form_page="/app/relay-windows", data={
            "source_id": str(rsrc), "title": "Tiếp sóng lạ", "start_time": "18:00", "end_time": "18:30"})],
        # a relay source registered on the page always belongs to the admin's own station
        ("POST", "/app/relay-windows/sources"): [Own("/app/relay-windows/sources", form_page="/app/relay-windows",
                                                     data={"name": "Nguồn lạ", "url": "https://x.example/a.mp3"})],
        ("POST", "/app/relay-windows/{window_id}/delete"): [
            Call(f"/app/relay-windows/{rwin}/delete", form_page="/app/relay-windows", data={})],
        ("GET", "/app/board/stations/{station_id}"): [Call(f"/app/board/stations/{s1}")],
        # reports: always the user's own station, whatever the period
        ("GET", "/app/reports"): [Own("/app/reports"), Own("/app/reports", params={"period": "2026"})],
        ("GET", "/app/reports/export.{fmt}"): [Own(f"/app/reports/export.{fmt}") for fmt in ("csv", "xlsx", "pdf")],
        ("GET", "/app/reports/log"): [Own("/app/reports/log"), Own("/app/reports/log", params={"month": "2026-11"})],
        ("GET", "/app/reports/log.pdf"): [Own("/app/reports/log.pdf")],
        ("GET", "/app/schedule/week"): [Own("/app/schedule/week"), Own("/app/schedule/week",
                                                                       params={"area_id": khu2})],
        # the month plan, the archive, letters (issue 13)
        ("GET", "/api/v1/stations/{station_id}/plan"): [Call(f"/api/v1/stations/{s1}/plan", params={"month": month})],
        ("GET", "/api/v1/stations/{station_id}/themes"): [
            Call(f"/api/v1/stations/{s1}/themes", params={"month": month})],
        ("POST", "/api/v1/stations/{station_id}/themes"): [
            Call(f"/api/v1/stations/{s1}/themes", json={"month": month, "title": "Chủ đề lạ"})],
        ("PATCH", "/api/v1/themes/{theme_id}"): [Call(f"/api/v1/themes/{theme}", json={"title": "đổi"})],
        ("DELETE", "/api/v1/themes/{theme_id}"): [Call(f"/api/v1/themes/{theme}")],
        ("PUT", "/api/v1/scripts/{script_id}/theme"): [
            Call(f"/api/v1/scripts/{sc['approved']}/theme", json={"theme_id": None}),
            Call(f"/api/v1/scripts/{sc['draft']}/theme", json={"theme_id": theme})],
        ("GET", "/app/plan"): [Own("/app/plan"), Own("/app/plan", params={"month": month})],
        ("POST", "/app/plan/themes"): [Own("/app/plan/themes",
                                           data={"month": month, "title": "Chủ đề đài hai", "kind": "theme",
                                                 "sources": "", "target_bulletins": "0"})],
        ("POST", "/app/plan/themes/{theme_id}"): [Call(f"/app/plan/themes/{theme}", data={
            "title": "đổi", "kind": "theme", "sources": "", "target_bulletins": "0"})],
        ("POST", "/app/plan/themes/{theme_id}/delete"): [Call(f"/app/plan/themes/{theme}/delete", data={})],
        ("GET", "/app/archive"): [Own("/app/archive"), Own("/app/archive", params={"q": "bimat1"}),
                                  Own("/app/archive", params={"theme_id": theme, "author_id": officer1})],
        ("POST", "/app/letters"): [Own("/app/letters", file=tone)],
        ("POST", "/app/scripts/{script_id}/theme"): [
            Call(f"/app/scripts/{sc['approved']}/theme", data={"theme_id": ""}),
            Call(f"/app/scripts/{sc['draft']}/theme", data={"theme_id": str(theme)})],
        # pages: abbreviations (station 1 has its own abbreviation SECRET: station 2 never sees it)
        # (searched for in lower case: the search box shows what was typed)
        ("GET", "/app/abbreviations"): [Own("/app/abbreviations"),
                                        Own("/app/abbreviations", params={"q": SECRET.lower()}),
                                        Own("/app/abbreviations", params={"q": "bi mat dai mot"}),
                                        Own("/app/abbreviations", params={"edit": SECRET})],
        ("POST", "/app/abbreviations"): [Own("/app/abbreviations", form_page="/app/abbreviations", data={
            "key": "BQLCC", "reading": "ban quản lý chung cư", "mode": "add", "station_id": str(s1)})],
        ("POST", "/app/abbreviations/remove"): [Own("/app/abbreviations/remove", form_page="/app/abbreviations",
                                                    data={"key": SECRET})],
        ("POST", "/web/preview/abbreviation"): [Own("/web/preview/abbreviation", json={
            "text": "Họp BQLCC.", "key": "BQLCC", "reading": "ban quản lý", "station_id": s1})],
        ("POST", "/web/preview/abbreviation/listen"): [Own("/web/preview/abbreviation/listen", json={
            "text": "Họp BQLCC.", "key": "BQLCC", "reading": "ban quản lý", "station_id": s1})],
        # the organisation tree (issue 15 §1): station 1 lies in a province of its own
        ("GET", "/api/v1/organisations"): [Own("/api/v1/organisations")],
        ("POST", "/api/v1/organisations"): [
            Call("/api/v1/organisations", json={"name": "Huyện lạ", "kind": "district", "parent_id": org1}),
            Call("/api/v1/organisations", json={"name": "Tỉnh lạ", "kind": "province"})],
        ("GET", "/api/v1/organisations/{organisation_id}"): [Call(f"/api/v1/organisations/{org1}")],
        ("POST", "/api/v1/organisations/{organisation_id}/stations"): [
            Call(f"/api/v1/organisations/{org1}/stations", json={"station_id": s1})],
        ("GET", "/app/organisations"): [Own("/app/organisations")],
        ("POST", "/app/organisations"): [Call("/app/organisations", data={
            "name": "Huyện lạ", "kind": "district", "parent_id": str(org1)})],
        ("POST", "/app/organisations/assign"): [Call("/app/organisations/assign", data={
            "station_id": str(s1), "organisation_id": str(org1)})],
        # the script editor's preview
        ("POST", "/web/preview/spoken"): [Own("/web/preview/spoken", json={"text": "UBND", "station_id": s1})],
        ("POST", "/web/preview/listen"): [Own("/web/preview/listen", json={"text": "Xin chào", "station_id": s1})],
        # bulletins sent down by station 1's province (tests/organisations): a station's account
        # neither reads nor writes the province's bulletins (a district account writes only its own),
        # nor another station's deliveries
        ("GET", "/api/v1/bulletins"): [Own("/api/v1/bulletins")],
        ("POST", "/api/v1/bulletins"): [Own("/api/v1/bulletins", json=bulletin_body)],
        ("GET", "/api/v1/bulletins/{bulletin_id}"): [Call(f"/api/v1/bulletins/{b}")],
        ("PATCH", "/api/v1/bulletins/{bulletin_id}"): [Call(f"/api/v1/bulletins/{b}", json={"title": "đổi"})],
        ("POST", "/api/v1/bulletins/{bulletin_id}/submit"): [Call(f"/api/v1/bulletins/{b}/submit")],
        ("POST", "/api/v1/bulletins/{bulletin_id}/approve"): [Call(f"/api/v1/bulletins/{b}/approve")],
        ("POST", "/api/v1/bulletins/{bulletin_id}/reject"): [
            Call(f"/api/v1/bulletins/{b}/reject", json={"reason": "trả lại"})],
        ("POST", "/api/v1/bulletins/{bulletin_id}/send"): [
            Call(f"/api/v1/bulletins/{b}/send", json={"stations": [{"station_id": s1}]})],
        ("POST", "/api/v1/bulletins/{bulletin_id}/stop"): [Call(f"/api/v1/bulletins/{b}/stop")],
        ("POST", "/api/v1/bulletins/{bulletin_id}/retry"): [Call(f"/api/v1/bulletins/{b}/retry")],
        ("GET", "/api/v1/bulletins/{bulletin_id}/stations"): [Call(f"/api/v1/bulletins/{b}/stations")],
        ("GET", "/api/v1/stations/{station_id}/inbox"): [Call(f"/api/v1/stations/{s1}/inbox")],
        ("GET", "/api/v1/inbox/{delivery_id}"): [Call(f"/api/v1/inbox/{d}")],
        ("POST", "/api/v1/inbox/{delivery_id}/accept"): [Call(f"/api/v1/inbox/{d}/accept")],
        ("POST", "/api/v1/inbox/{delivery_id}/decline"): [Call(f"/api/v1/inbox/{d}/decline", json={"reason": "không"})],
        ("POST", "/api/v1/bulletins/{bulletin_id}/recordings"): [Call(f"/api/v1/bulletins/{b}/recordings", file=tone)],
        ("GET", "/api/v1/bulletins/{bulletin_id}/recording"): [Call(f"/api/v1/bulletins/{b}/recording")],
        ("GET", "/api/v1/inbox/{delivery_id}/recording"): [Call(f"/api/v1/inbox/{d}/recording")],
        ("POST", "/app/bulletins/{bulletin_id}/recordings"): [Call(f"/app/bulletins/{b}/recordings", file=tone)],
        ("GET", "/app/bulletins/{bulletin_id}/recording"): [Call(f"/app/bulletins/{b}/recording")],
        ("GET", "/app/inbox/{delivery_id}/recording"): [Call(f"/app/inbox/{d}/recording")],
        ("GET", "/app/bulletins"): [Own("/app/bulletins")],
        ("POST", "/app/bulletins"): [Own("/app/bulletins", data={
            "title": "Tin", "body": "Nội dung", "level": "normal", "air_from": str(t.world.today()),
            "air_until": str(t.world.today())})],
        ("GET", "/app/bulletins/{bulletin_id}"): [Call(f"/app/bulletins/{b}")],
        ("POST", "/app/bulletins/{bulletin_id}/submit"): [Call(f"/app/bulletins/{b}/submit", data={})],
        ("POST", "/app/bulletins/{bulletin_id}/approve"): [Call(f"/app/bulletins/{b}/approve", data={})],
        ("POST", "/app/bulletins/{bulletin_id}/reject"): [Call(f"/app/bulletins/{b}/reject",
                                                               data={"reason": "trả lại"})],
        ("POST", "/app/bulletins/{bulletin_id}/stop"): [Call(f"/app/bulletins/{b}/stop", data={})],
        ("POST", "/app/bulletins/{bulletin_id}/retry"): [Call(f"/app/bulletins/{b}/retry", data={})],
        ("POST", "/app/bulletins/{bulletin_id}/send"): [Call(f"/app/bulletins/{b}/send",
                                                             data={"station_ids": str(s1)})],
        ("GET", "/app/inbox"): [Own("/app/inbox")],
        ("POST", "/app/inbox/{delivery_id}/accept"): [Call(f"/app/inbox/{d}/accept", data={})],
        ("POST", "/app/inbox/{delivery_id}/decline"): [Call(f"/app/inbox/{d}/decline", data={"reason": "không"})],
    }
