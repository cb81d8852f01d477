"""The archive: every script of the station, found without accents, by topic, theme, status,
period and author, a page at a time; on SQLite and PostgreSQL alike."""

from __future__ import annotations

import re
from datetime import timedelta

from app.models import ScriptStatus
from tests.fixtures.builders import auth, create_script
from tests.web.helpers import sign_in


def _titles(client, user, **params) -> list[str]:
    r = client.get("/api/v1/scripts", headers=auth(user), params=params)
    assert r.status_code == 200, r.text
    return [s["title"] for s in r.json()]


def test_an_officer_finds_colleagues_scripts_without_accents(client, session, world):
    create_script(session, world, author="officer2", status=ScriptStatus.approved,
                  title="Đại hội Đảng bộ phường lần thứ XIV", source_ref="Kế hoạch số 15/KH-UBND ngày 12/03/2025")
    create_script(session, world, author="editor", title="Phòng cháy chữa cháy mùa khô")
    officer = world.users["officer"]
    assert _titles(client, officer, q="dai hoi") == ["Đại hội Đảng bộ phường lần thứ XIV"]
    assert _titles(client, officer, q="DAI HỘI xiv") == ["Đại hội Đảng bộ phường lần thứ XIV"]
    assert _titles(client, officer, q="15/kh-ubnd") == ["Đại hội Đảng bộ phường lần thứ XIV"], "by letter number"
    assert _titles(client, officer, q="phong chay") == ["Phòng cháy chữa cháy mùa khô"], "another's draft too"
    assert _titles(client, officer, q="100%_") == []


def test_the_words_as_one_phrase_come_first(client, session, world):
    create_script(session, world, title="Mùa hanh khô", body="Phòng cháy.")
    create_script(session, world, title="Khó khăn", body="Mưa to, hành lang thoát nước.")  # newer, words apart
    assert _titles(client, world.users["officer"], q="mua hanh kho") == ["Mùa hanh khô", "Khó khăn"]


def test_filters_by_status_topic_theme_author_and_period(client, session, world):
    theme = client.post(f"/api/v1/stations/{world.station.id}/themes", headers=auth(world.users["editor"]),
                        json={"month": world.today().strftime("%Y-%m"), "title": "Sốt xuất huyết"}).json()
    today = world.today()
    create_script(session, world, title="Tuần này", topic="y-te", theme_id=theme["id"])
    create_script(session, world, author="officer2", status=ScriptStatus.approved, title="Tháng sau",
                  air_from=today + timedelta(days=40), air_until=today + timedelta(days=45))
    officer = world.users["officer"]
    assert _titles(client, officer, topic="y-te") == ["Tuần này"]
    assert _titles(client, officer, theme_id=theme["id"]) == ["Tuần này"]
    assert _titles(client, officer, status="approved") == ["Tháng sau"]
    assert _titles(client, officer, author_id=world.users["officer2"].id) == ["Tháng sau"]
    assert _titles(client, officer, aired_from=str(today + timedelta(days=30))) == ["Tháng sau"]
    assert _titles(client, officer, aired_until=str(today + timedelta(days=10))) == ["Tuần này"]


def test_results_come_a_page_at_a_time_on_the_archive_page(client, session, world):
    for n in range(23):
        create_script(session, world, author="officer2" if n % 2 else "officer", title=f"Thông báo số {n:02d}")
    assert sign_in(client, "officer").status_code == 303
    first = client.get("/app/archive", params={"q": "thong bao"})
    assert first.status_code == 200
    assert "Tìm thấy 23 tin bài." in first.text
    assert len(re.findall(r'class="title" href="/app/scripts/\d+"', first.text)) == 20
    second = client.get("/app/archive", params={"q": "thong bao", "page": "2"})
    assert len(re.findall(r'class="title" href="/app/scripts/\d+"', second.text)) == 3
    assert "Trang 2/2" in second.text
    nonsense = client.get("/app/archive", params={"page": "abc", "aired_from": "hôm qua", "theme_id": "-1"})
    assert nonsense.status_code == 200, "filters that do not parse are ignored, never a 500"


def test_a_leader_finds_only_what_airs_in_their_area(client, session, world):
    create_script(session, world, status=ScriptStatus.approved, title="Cho khu 1", area_ids=[world.areas[0].id])
    create_script(session, world, status=ScriptStatus.approved, title="Cho khu 2", area_ids=[world.areas[1].id])
    create_script(session, world, title="Bản nháp cho khu 1", area_ids=[world.areas[0].id])
    assert _titles(client, world.users["leader"], q="cho khu") == ["Cho khu 1"]
