"""The province status board: who sees which stations, what each row counts, and that the board's
cost in queries does not grow with the number of stations."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from app.models import Area, Role
from app.organisations import board
from app.relays import status
from tests.fixtures.builders import auth
from tests.organisations.board_province import (
    Province,
    add_programme,
    add_station,
    add_user,
    build_province,
    local_noon,
    played,
)


@pytest.fixture
def province(session: Session, monkeypatch: pytest.MonkeyPatch) -> Province:
    world = build_province(session)
    monkeypatch.setattr(board, "current_time", lambda: world.now)
    return world


def _rows(client, user) -> list[dict]:
    answer = client.get("/api/v1/board", headers=auth(user))
    assert answer.status_code == 200, answer.text
    return answer.json()["stations"]


def test_the_installation_admin_sees_every_station_worst_first(client, province: Province) -> None:
    rows = _rows(client, province.users["installation"])

    assert [r["name"] for r in rows] == ["Đài phường Hà Tu", "Đài phường Cẩm Phả", "Đài phường Bãi Cháy",
                                         "Đài phường Hồng Gai"]
    hatu, campha, baichay, honggai = rows
    # the revoked relay point is not counted; one of each state
    assert (hatu["relay_points"], hatu["online"], hatu["late"], hatu["offline"]) == (3, 1, 1, 1)
    # morning aired, noon missed (its only play failed), evening still to come; yesterday's is not today's
    assert (hatu["programmes_today"], hatu["programmes_due"], hatu["programmes_aired"],
            hatu["programmes_missed"]) == (3, 2, 1, 1)
    assert (hatu["open_faults"], hatu["health"], hatu["organisation_name"]) == (0, "red", "Thành phố Hạ Long")
    assert hatu["relay_min_free_disk_bytes"] == 1_000_000_000
    assert (campha["offline"], campha["health"], campha["organisation_name"]) == (1, "red", None)
    assert (baichay["late"], baichay["open_faults"], baichay["programmes_aired"], baichay["health"]) == (
        1, 1, 1, "amber")
    assert (honggai["online"], honggai["programmes_missed"], honggai["health"]) == (1, 0, "green")


def test_sorting_by_name_and_an_unknown_sort_is_a_clear_422(client, province: Province) -> None:
    admin = auth(province.users["installation"])
    by_name = client.get("/api/v1/board", params={"sort": "name"}, headers=admin).json()["stations"]
    assert [r["name"] for r in by_name] == ["Đài phường Bãi Cháy", "Đài phường Cẩm Phả", "Đài phường Hà Tu",
                                            "Đài phường Hồng Gai"]
    by_organisation = client.get("/api/v1/board", params={"sort": "organisation"}, headers=admin).json()["stations"]
    assert [r["organisation_name"] for r in by_organisation] == [
        "Thành phố Hạ Long", "Thành phố Hạ Long", "Tỉnh Quảng Ninh", None]
    refused = client.get("/api/v1/board", params={"sort": "best"}, headers=admin)
    assert refused.status_code == 422
    assert "sort" in refused.json()["detail"]


def test_a_province_sees_its_districts_stations_and_a_district_only_its_own(client, province: Province) -> None:
    assert {r["name"] for r in _rows(client, province.users["province"])} == {
        "Đài phường Hà Tu", "Đài phường Bãi Cháy", "Đài phường Hồng Gai"}
    assert {r["name"] for r in _rows(client, province.users["district"])} == {
        "Đài phường Hà Tu", "Đài phường Hồng Gai"}
    camp = province.stations["campha"].id
    answer = client.get(f"/api/v1/board/stations/{camp}", headers=auth(province.users["district"]))
    assert answer.status_code == 404
    assert answer.json()["error"] == "StationNotFound"


def test_a_ward_editor_sees_only_their_station_and_an_officer_is_refused(client, province: Province) -> None:
    assert [r["name"] for r in _rows(client, province.users["hatu_editor"])] == ["Đài phường Hà Tu"]
    other = province.stations["honggai"].id
    assert client.get(f"/api/v1/board/stations/{other}",
                      headers=auth(province.users["hatu_editor"])).status_code == 404
    refused = client.get("/api/v1/board", headers=auth(province.users["hatu_officer"]))
    assert refused.status_code == 403
    assert "Bảng tình trạng" in refused.json()["detail"]
    assert client.get("/api/v1/board").status_code == 401


def test_station_details_list_each_relay_point_and_todays_programmes(client, province: Province) -> None:
    hatu = province.stations["hatu"].id
    answer = client.get(f"/api/v1/board/stations/{hatu}", headers=auth(province.users["province"]))
    assert answer.status_code == 200, answer.text
    detail = answer.json()
    assert detail["station"]["programmes_missed"] == 1
    states = {r["name"]: (r["connection"], r["token_revoked"]) for r in detail["relay_points"]}
    assert states == {"Cụm loa 1": ("online", False), "Cụm loa 2": ("late", False),
                      "Cụm loa 3": ("offline", False), "Cụm loa cũ": ("offline", True)}
    seen = {r["name"]: r["last_seen_at"] for r in detail["relay_points"]}
    assert seen["Cụm loa 3"] is None
    assert seen["Cụm loa 1"] is not None
    assert [(p["slot_name"], p["outcome"], p["played_by"]) for p in detail["programmes"]] == [
        ("sang", "aired", 1), ("trua", "missed", 0), ("chieu", "upcoming", 0)]


def test_a_relay_point_installed_after_a_programme_does_not_owe_it(session: Session, province: Province) -> None:
    now = province.now
    station, _area, _relays = add_station(session, "Đài xã mới", province.district, relays=1,
                                          installed=now - timedelta(hours=1), seen=[now])
    add_programme(session, station, "sang", now - timedelta(hours=5))
    (row,) = board.rows(session, [station.id], now=now)
    assert (row.programmes_due, row.programmes_missed, row.health) == (1, 0, "green")


def _province_of(session: Session, stations: int, first: int = 0) -> list[int]:
    now = local_noon()
    ids = []
    for n in range(first, first + stations):
        station, _area, relays = add_station(session, f"Đài số {n}", None, relays=3, installed=now - timedelta(days=9),
                                             seen=[now, now - timedelta(hours=1)])
        played(session, relays[0], add_programme(session, station, "sang", now - timedelta(hours=5)))
        add_programme(session, station, "trua", now - timedelta(minutes=30))
        ids.append(station.id)
    session.commit()
    return ids


def _statements(session: Session, station_ids: list[int]) -> tuple[int, list[board.StationBoardRow]]:
    seen: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:
        seen.append(statement)

    bind = session.connection().engine
    event.listen(bind, "before_cursor_execute", count)
    try:
        rows = board.rows(session, station_ids, now=local_noon())
    finally:
        event.remove(bind, "before_cursor_execute", count)
    return len(seen), rows


def test_the_board_costs_the_same_queries_for_2_and_10_stations(session: Session) -> None:
    ids = _province_of(session, 10)
    few, few_rows = _statements(session, ids[:2])
    many, many_rows = _statements(session, ids)

    assert few == many == 4  # stations, relay points by state, open faults, today's programmes
    assert len(few_rows) == 2
    assert len(many_rows) == 10
    assert all((r.online, r.late, r.offline, r.programmes_aired, r.programmes_missed) == (1, 1, 1, 1, 1)
               for r in many_rows)


def test_an_area_with_its_own_variant_does_not_owe_the_station_wide_programme(
        session: Session, province: Province) -> None:
    now = province.now
    station, khu1, (relay,) = add_station(session, "Đài xã Đại Yên", province.district, relays=1,
                                          installed=now - timedelta(days=9), seen=[now])
    khu2 = Area(station_id=station.id, name="Khu 2")  # no relay point: it owes nothing
    session.add(khu2)
    session.flush()
    # yesterday Khu 1 had a variant of its own; today it hears the station-wide morning programme
    yesterday_own = add_programme(session, station, "sang", now - timedelta(days=1, hours=5), area=khu1)
    wide_today = add_programme(session, station, "sang", now - timedelta(hours=5))
    # at noon Khu 1 has its own variant: the station-wide noon programme is for Khu 2 alone
    add_programme(session, station, "trua", now - timedelta(minutes=20))
    own_noon = add_programme(session, station, "trua", now - timedelta(minutes=20), area=khu1)
    played(session, relay, own_noon)
    session.commit()

    (row,) = board.rows(session, [station.id], now=now)
    detail = board.programmes_today(session, station.id, now)

    assert [(p.slot_name, p.area_name, p.outcome) for p in detail] == [
        ("sang", None, "missed"), ("trua", None, "no_relay"), ("trua", "Khu 1", "aired")]
    assert detail[0].id == wide_today.id
    assert (row.programmes_today, row.programmes_due, row.programmes_aired, row.programmes_missed) == (3, 3, 1, 1)
    # the ward's relay page counts by the same rule, per relay point and over the last week
    (ward_row,) = status.board(session, station.id, now=now)
    assert ward_row.missed_programme_ids == [yesterday_own.id, wide_today.id]


def test_the_board_route_costs_the_same_statements_for_2_and_10_stations(client, session: Session) -> None:
    admin = add_user(session, "hethong", Role.admin)
    _province_of(session, 2)
    bind = session.connection().engine

    def statements() -> tuple[int, int]:
        seen: list[str] = []

        def count(_conn, _cursor, statement, *_args) -> None:
            seen.append(statement)

        event.listen(bind, "before_cursor_execute", count)
        try:
            answer = client.get("/api/v1/board", headers=auth(admin))
        finally:
            event.remove(bind, "before_cursor_execute", count)
        assert answer.status_code == 200
        # the test's own savepoints come and go with the request boundary: count the queries
        return sum(1 for s in seen if s.lstrip().upper().startswith("SELECT")), len(answer.json()["stations"])

    few = statements()
    _province_of(session, 8, first=2)
    many = statements()
    assert few[1] == 2
    assert many[1] == 10
    assert few[0] == many[0] == 5  # the stations the admin sees, then the board's four
