"""A neighbourhood leader sees what airs, or is to air, in their own area: through the API as on
the pages. The leader here leads Khu 1 of station 1."""

from __future__ import annotations

from fastapi.testclient import TestClient

from app.models import ScriptStatus
from app.scripts import service as scripts
from tests.fixtures.builders import auth
from tests.isolation.two_stations import Station1, Station2
from tests.web.helpers import sign_in

HIDDEN = ("draft", "submitted", "rejected", "withdrawn", "approved_khu2", "emergency")
SEEN = ("approved", "approved_khu1")


def test_leader_reads_only_what_airs_in_their_area(client: TestClient, station1: Station1) -> None:
    leader = auth(station1.world.users["leader"])
    for name in HIDDEN:
        answer = client.get(f"/api/v1/scripts/{station1.scripts[name].id}", headers=leader)
        assert answer.status_code == 404, f"a leader of Khu 1 reads the {name} script"
        assert answer.json()["error"] == "ScriptNotFound"
    for name in SEEN:
        assert client.get(f"/api/v1/scripts/{station1.scripts[name].id}", headers=leader).status_code == 200
    listed = client.get("/api/v1/scripts", headers=leader)
    assert sorted(s["id"] for s in listed.json()) == sorted(station1.scripts[n].id for n in SEEN)
    assert listed.headers["X-Total-Count"] == "2"
    for status in ("draft", "rejected", "submitted"):
        assert client.get("/api/v1/scripts", params={"status": status}, headers=leader).json() == []


def test_leader_reads_an_archived_script_of_their_area(client: TestClient, session, station1: Station1) -> None:
    script = station1.scripts["approved_khu1"]
    scripts.archive_expired(session, {station1.station.id: script.air_until.replace(year=script.air_until.year + 1)})
    session.commit()
    assert script.status == ScriptStatus.archived
    answer = client.get(f"/api/v1/scripts/{script.id}", headers=auth(station1.world.users["leader"]))
    assert answer.status_code == 200
    assert answer.json()["status"] == "archived"


def test_leader_hears_only_recordings_that_air_in_their_area(client: TestClient, session,
                                                             station1: Station1) -> None:
    leader = auth(station1.world.users["leader"])
    pending = station1.recording  # attached to a script still waiting for approval
    assert client.get(f"/api/v1/recordings/{pending.id}/audio", headers=leader).status_code == 404
    assert client.get(f"/app/recordings/{pending.id}/audio", follow_redirects=False).status_code == 303
    sign_in(client, "leader")
    assert client.get(f"/app/recordings/{pending.id}/audio").status_code == 404
    listed = client.get(f"/api/v1/stations/{station1.station.id}/recordings", headers=leader).json()
    assert [r["id"] for r in listed] == [station1.filler.id], "filler music airs everywhere; nothing else"
    # once a script of Khu 1 airs it, the leader may hear it
    station1.scripts["approved_khu1"].recording_id = pending.id
    session.commit()
    assert client.get(f"/api/v1/recordings/{pending.id}/audio", headers=leader).status_code == 200


def test_leader_may_not_synthesize_speech(client: TestClient, station1: Station1) -> None:
    answer = client.post("/api/v1/speech/listen", headers=auth(station1.world.users["leader"]),
                         json={"text": "Xin chào bà con"})
    assert answer.status_code == 403


def test_leader_sees_programmes_of_their_area_only(client: TestClient, station1: Station1,
                                                   station2: Station2) -> None:
    leader = auth(station1.world.users["leader"])
    whole, khu2, bulletin = station1.programme, station1.area_programme, station1.emergency.programme_id
    assert client.get(f"/api/v1/programmes/{whole.id}", headers=leader).status_code == 200
    assert client.get(f"/api/v1/programmes/{whole.id}/audio", headers=leader).status_code == 200
    for other in (khu2.id, bulletin):
        for suffix in ("", "/explain", "/audio", "/playlist.m3u8"):
            answer = client.get(f"/api/v1/programmes/{other}{suffix}", headers=leader)
            assert answer.status_code == 404, f"programme {other}{suffix}"
    listed = client.get(f"/api/v1/stations/{station1.station.id}/programmes", headers=leader).json()
    ids = {p["id"] for p in listed}
    assert whole.id in ids
    assert not ids & {khu2.id, bulletin}, "not Khu 2's variant, not Khu 2's emergency"
    assert {p["area_id"] for p in listed} <= {None, station1.world.areas[0].id}
    other_station = client.get(f"/api/v1/stations/{station2.station.id}/programmes", headers=leader)
    assert other_station.status_code == 404
    sign_in(client, "leader")
    for other in (khu2.id, bulletin):
        assert client.get(f"/app/programmes/{other}/audio.mp3").status_code == 404
    assert client.get(f"/app/programmes/{whole.id}/audio.mp3").status_code == 200


def test_leader_does_not_see_another_areas_emergency_on_their_page(client: TestClient,
                                                                   station1: Station1) -> None:
    sign_in(client, "leader")
    title = station1.scripts["emergency"].title
    for page in ("/app/area", "/app/programmes", "/app/programmes?view=week"):
        text = client.get(page).text
        assert station1.scripts["approved"].title in text, page
        assert title not in text, f"{page} shows Khu 2's emergency to the leader of Khu 1"
        assert station1.scripts["approved_khu2"].title not in text, page


def test_an_editor_still_sees_every_area(client: TestClient, station1: Station1) -> None:
    editor = auth(station1.world.users["editor"])
    listed = client.get(f"/api/v1/stations/{station1.station.id}/programmes", headers=editor).json()
    assert {p["id"] for p in listed} >= {station1.programme.id, station1.area_programme.id,
                                         station1.emergency.programme_id}
    assert len(client.get("/api/v1/scripts", headers=editor).json()) == len(station1.scripts)
