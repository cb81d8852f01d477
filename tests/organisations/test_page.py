"""/app/organisations, in a browser's place (TestClient): the installation's admin builds the tree
from the page; a province account reads its own tree and nothing else; a ward is refused the page."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Organisation, Station
from tests.fixtures.builders import World, create_installation_admin
from tests.web.helpers import csrf_of, sign_in


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_installation_admin_builds_the_tree_on_the_page(client: TestClient, session: Session,
                                                            world: World) -> None:
    create_installation_admin(session)
    assert sign_in(client, "hethong").status_code == 303
    page = client.get("/app/organisations")
    assert page.status_code == 200
    assert "Tỉnh, huyện và các đài" in page.text
    assert 'href="/app/organisations"' in page.text, "the page is in the menu"
    csrf = csrf_of(page)
    made = client.post("/app/organisations", data={"csrf_token": csrf, "name": "Tỉnh Quảng Ninh",
                                                   "kind": "province"}, follow_redirects=False)
    assert made.status_code == 303
    province = session.scalar(select(Organisation).where(Organisation.name == "Tỉnh Quảng Ninh"))
    assert province is not None
    orphan = client.post("/app/organisations", data={"csrf_token": csrf, "name": "Huyện Mồ Côi",
                                                     "kind": "district"})
    assert orphan.status_code == 422
    assert "Huyện phải thuộc một tỉnh" in orphan.text
    assert 'value="Huyện Mồ Côi"' in orphan.text, "what was typed stays in the form"
    district = client.post("/app/organisations", data={"csrf_token": csrf, "name": "Thành phố Hạ Long",
                                                       "kind": "district", "parent_id": str(province.id)},
                           follow_redirects=False)
    assert district.status_code == 303
    ha_long = session.scalar(select(Organisation).where(Organisation.name == "Thành phố Hạ Long"))
    assert ha_long is not None
    placed = client.post("/app/organisations/assign", data={
        "csrf_token": csrf, "station_id": str(world.station.id), "organisation_id": str(ha_long.id)},
        follow_redirects=False)
    assert placed.status_code == 303
    session.expire_all()
    assert session.get(Station, world.station.id).organisation_id == ha_long.id  # type: ignore[union-attr]
    tree = _text(client.get("/app/organisations").text)
    assert "Tỉnh Quảng Ninh (Tỉnh) Thành phố Hạ Long (Huyện) Đài truyền thanh phường Hà Tu" in tree


@pytest.mark.usefixtures("province")
def test_a_province_account_reads_its_tree_without_forms(client: TestClient) -> None:
    login = sign_in(client, "tinh-bientap")
    assert login.headers["location"] == "/app/bulletins", "a province account lands on its bulletins"
    page = client.get("/app/organisations")
    assert page.status_code == 200
    text = _text(page.text)
    assert "Đài truyền thanh phường Hà Tu" in text
    assert "Đài truyền thanh xã Đoàn Kết" in text
    assert "Ngoài Tỉnh" not in text, "a station outside the province"
    assert 'action="/app/organisations' not in page.text, "read-only"
    assert 'href="/app/scripts"' not in page.text, "no station menu for a province account"
    csrf = csrf_of(page)
    refused = client.post("/app/organisations", data={"csrf_token": csrf, "name": "Tỉnh Lén", "kind": "province"})
    assert refused.status_code == 403


@pytest.mark.usefixtures("province")
def test_a_district_account_sees_only_its_district(client: TestClient) -> None:
    sign_in(client, "vandon-bientap")
    text = _text(client.get("/app/organisations").text)
    assert "Đài truyền thanh xã Đoàn Kết" in text
    assert "Hà Tu" not in text
    assert "Tỉnh Quảng Ninh" not in text


@pytest.mark.usefixtures("province")
def test_a_ward_account_is_refused_the_page(client: TestClient) -> None:
    sign_in(client, "editor")
    page = client.get("/app/organisations")
    assert page.status_code == 403
    assert "quản trị hệ thống và tài khoản của tỉnh, huyện" in page.text
    assert "Đoàn Kết" not in page.text
