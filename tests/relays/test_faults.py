"""Faults are closed with a note: by the API and on the status board, which then shows open ones only."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AuditEvent, Role
from tests.fixtures.builders import World, auth, create_station, create_user
from tests.relays.helpers import add_relay
from tests.web.helpers import csrf_of, sign_in


def _report(client: TestClient, token: str, text: str) -> int:
    sent = client.post("/api/v1/relay/faults", json={"category": "amplifier", "text": text},
                       headers={"Authorization": f"Bearer {token}"})
    assert sent.status_code == 201, sent.text
    return int(sent.json()["id"])


def _open_faults(client: TestClient, world: World) -> dict[int, list[str]]:
    rows = client.get("/api/v1/relays/status", headers=auth(world.users["editor"])).json()
    return {r["id"]: [f["text"] for f in r["open_faults"]] for r in rows}


def test_a_fault_is_resolved_with_a_note_and_leaves_the_board(client: TestClient, session: Session,
                                                              world: World) -> None:
    relay_id, token = add_relay(client, world, 0, "Cụm loa Khu 1")
    fault_id = _report(client, token, "Âm ly không lên nguồn")
    url = f"/api/v1/faults/{fault_id}/resolve"
    assert client.post(url, json={"note": "   "}, headers=auth(world.users["editor"])).status_code == 422
    assert client.post(url, json={"note": "Đã thay cầu chì"},
                       headers=auth(world.users["officer"])).status_code == 403
    done = client.post(url, json={"note": " Đã thay cầu chì "}, headers=auth(world.users["editor"]))
    assert done.status_code == 200, done.text
    body = done.json()
    assert body["resolution_note"] == "Đã thay cầu chì"
    assert body["resolved_by_id"] == world.users["editor"].id
    assert body["resolved_at"] is not None
    assert _open_faults(client, world)[relay_id] == []
    again = client.post(url, json={"note": "Lần nữa"}, headers=auth(world.users["editor"]))
    assert again.status_code == 409
    assert again.json()["error"] == "FaultAlreadyResolved"
    event = session.scalar(select(AuditEvent).where(AuditEvent.action == "resolve_fault"))
    assert event is not None
    assert event.entity_id == fault_id
    assert event.changes["note"] == "Đã thay cầu chì"


def test_only_the_areas_leader_and_the_stations_staff_close_a_fault(client: TestClient, session: Session,
                                                                    world: World) -> None:
    _khu1, token1 = add_relay(client, world, 0, "Cụm loa Khu 1")
    _khu2, token2 = add_relay(client, world, 1, "Cụm loa Khu 2")
    mine, theirs = _report(client, token1, "Loa rè"), _report(client, token2, "Mất điện")
    leader = auth(world.users["leader"])  # Khu 1
    assert client.post(f"/api/v1/faults/{theirs}/resolve", json={"note": "x"}, headers=leader).status_code == 403
    assert client.post(f"/api/v1/faults/{mine}/resolve", json={"note": "Đã chỉnh loa"},
                       headers=leader).status_code == 200
    other_station, _ = create_station(session, "Đài xã khác", ("Thôn 1",))
    stranger = create_user(session, "editor-khac", Role.editor, other_station)
    session.commit()
    answer = client.post(f"/api/v1/faults/{theirs}/resolve", json={"note": "x"}, headers=auth(stranger))
    assert answer.status_code == 404
    assert client.post("/api/v1/faults/999999/resolve", json={"note": "x"},
                       headers=auth(world.users["editor"])).status_code == 404


def test_the_board_page_closes_a_fault(client: TestClient, world: World) -> None:
    relay_id, token = add_relay(client, world, 0, "Cụm loa Khu 1")
    fault_id = _report(client, token, "Âm ly không lên nguồn")
    sign_in(client, "editor")
    board = client.get("/app/relays")
    assert "Âm ly không lên nguồn" in board.text
    assert f'action="/app/relays/faults/{fault_id}/resolve"' in board.text
    empty = client.post(f"/app/relays/faults/{fault_id}/resolve",
                        data={"note": "", "csrf_token": csrf_of(board)}, follow_redirects=False)
    assert empty.status_code == 422
    assert "Hãy ghi" in empty.text
    done = client.post(f"/app/relays/faults/{fault_id}/resolve",
                       data={"note": "Đã thay cầu chì", "csrf_token": csrf_of(board)}, follow_redirects=False)
    assert done.status_code == 303
    after = client.get(done.headers["location"]).text
    assert "Âm ly không lên nguồn" not in after, "the board shows open faults only"
    assert "Đã đóng báo lỗi" in after
    assert _open_faults(client, world)[relay_id] == []
