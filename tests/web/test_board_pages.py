"""The province status board's pages, as the province, a district and a ward see them."""

from __future__ import annotations

import re

import pytest
from sqlalchemy.orm import Session

from app.organisations import board
from tests.organisations.board_province import Province, build_province
from tests.web.helpers import sign_in


@pytest.fixture
def province(session: Session, monkeypatch: pytest.MonkeyPatch) -> Province:
    world = build_province(session)
    monkeypatch.setattr(board, "current_time", lambda: world.now)
    return world


def _order(html: str) -> list[int]:
    return [int(n) for n in re.findall(r'<tr id="station-(\d+)"', html)]


def test_the_installation_admin_reads_every_station_worst_first_refreshed_each_minute(
        client, province: Province) -> None:
    sign_in(client, "hethong")
    page = client.get("/app/board")

    assert page.status_code == 200
    assert '<meta http-equiv="refresh" content="60">' in page.text
    assert 'href="/app/board"' in page.text  # in the navigation
    s = province.stations
    assert _order(page.text) == [s["hatu"].id, s["campha"].id, s["baichay"].id, s["honggai"].id]
    hatu = re.search(rf'<tr id="station-{s["hatu"].id}".*?</tr>', page.text, re.S).group(0)
    assert "Có cụm loa mất liên lạc hoặc chương trình bị lỡ" in hatu
    assert "1 trực tuyến · 1 chậm" in hatu
    assert "1 mất liên lạc" in hatu
    assert "1 đã phát" in hatu
    assert "1 bị lỡ" in hatu
    assert "Thành phố Hạ Long" in hatu
    by_name = client.get("/app/board?sort=name").text
    assert _order(by_name) == [s["baichay"].id, s["campha"].id, s["hatu"].id, s["honggai"].id]
    assert _order(client.get("/app/board?sort=nonsense").text) == _order(page.text)


def test_a_district_sees_its_stations_and_not_the_others(client, province: Province) -> None:
    sign_in(client, "thanhpho")
    page = client.get("/app/board")

    assert 'href="/app/board"' in page.text  # in the navigation
    s = province.stations
    assert sorted(_order(page.text)) == sorted([s["hatu"].id, s["honggai"].id])
    assert "Đài phường Cẩm Phả" not in page.text
    assert client.get(f"/app/board/stations/{s['campha'].id}").status_code == 404
    detail = client.get(f"/app/board/stations/{s['hatu'].id}")
    assert detail.status_code == 200
    assert "Về bảng tình trạng các đài" in detail.text


def test_a_ward_editor_is_sent_to_their_own_station(client, province: Province) -> None:
    sign_in(client, "bientap-hatu")
    answer = client.get("/app/board", follow_redirects=False)
    hatu = province.stations["hatu"].id
    assert answer.status_code == 303
    assert answer.headers["location"] == f"/app/board/stations/{hatu}"

    page = client.get(answer.headers["location"])
    assert page.status_code == 200
    assert 'href="/app/board"' not in page.text  # no board of many stations for a ward
    relay = province.relays
    states = dict(re.findall(r'<tr id="relay-(\d+)" class="connection-(\w+)"', page.text))
    assert states == {str(relay["h1"].id): "online", str(relay["h2"].id): "late", str(relay["h3"].id): "offline",
                      str(relay["revoked"].id): "offline"}
    outcomes = re.findall(r'<tr id="programme-\d+" class="outcome-(\w+)">.*?<td data-label="Kết quả"[^>]*>([^<]+)</td>',
                          page.text, re.S)
    assert outcomes == [("aired", "Đã phát"), ("missed", "Bị lỡ"), ("upcoming", "Chưa đến giờ")]
    assert client.get(f"/app/board/stations/{province.stations['honggai'].id}").status_code == 404


@pytest.mark.usefixtures("province")
def test_an_officer_is_told_the_board_is_not_for_them(client) -> None:
    sign_in(client, "vanhoa-hatu")
    page = client.get("/app/board")
    assert page.status_code == 403
    assert "Bảng tình trạng các đài chỉ dành cho" in page.text
