"""Registering relay sources and scheduling relay windows: what is refused, and why."""

from __future__ import annotations

from sqlalchemy import select

from app.models import RelayWindowRun, Role, Slot
from tests.fixtures.builders import auth, create_station, create_user
from tests.web.helpers import sign_in


def _source(client, world, name="Đài thành phố", url="http://127.0.0.1:9/live.mp3"):
    r = client.post(f"/api/v1/stations/{world.station.id}/relay-sources", headers=auth(world.users["admin"]),
                    json={"name": name, "url": url, "expected_format": "mp3"})
    assert r.status_code == 201, r.text
    return r.json()


def _post_window(client, world, **body):
    base = {"title": "Thời sự thành phố", "start_time": "18:00", "end_time": "18:30", "weekdays": [0, 2, 4]}
    return client.post(f"/api/v1/stations/{world.station.id}/relay-windows",
                       headers=auth(world.users["editor"]), json={**base, **body})


def test_sources_need_a_stream_address_and_a_unique_name(client, world):
    admin = auth(world.users["admin"])
    r = client.post(f"/api/v1/stations/{world.station.id}/relay-sources", headers=admin,
                    json={"name": "Đài tỉnh", "url": "ftp://example/live"})
    assert r.status_code == 422
    assert "http://" in r.json()["detail"]
    _source(client, world)
    r = client.post(f"/api/v1/stations/{world.station.id}/relay-sources", headers=admin,
                    json={"name": "Đài thành phố", "url": "http://127.0.0.1:9/b.mp3"})
    assert r.status_code == 409
    r = client.post(f"/api/v1/stations/{world.station.id}/relay-sources", headers=auth(world.users["editor"]),
                    json={"name": "Đài tỉnh", "url": "http://127.0.0.1:9/c.mp3"})
    assert r.status_code == 403, "registering sources is the admin's"


def test_a_window_is_checked_before_it_is_saved(client, session, world):
    source = _source(client, world)
    r = _post_window(client, world, source_id=source["id"], start_time="18:30", end_time="18:00")
    assert r.status_code == 422
    assert "sau giờ bắt đầu" in r.json()["detail"]
    r = _post_window(client, world, source_id=source["id"], weekdays=[])
    assert r.status_code == 422
    assert "ít nhất một" in r.json()["detail"]
    morning = session.scalars(select(Slot).where(Slot.station_id == world.station.id,
                                                 Slot.name == "morning")).one()  # 06:30, 30 minutes
    r = _post_window(client, world, source_id=source["id"], placement="in_slot", slot_id=morning.id,
                     start_time="06:50", end_time="07:10")
    assert r.status_code == 422
    assert "nằm trọn trong khung giờ" in r.json()["detail"]
    r = _post_window(client, world, source_id=source["id"], fallback="recording")
    assert r.status_code == 422
    r = _post_window(client, world, source_id=source["id"], placement="in_slot", slot_id=morning.id,
                     start_time="06:45", end_time="07:00", area_ids=[world.areas[0].id])
    assert r.status_code == 201, r.text
    assert r.json()["placement"] == "in_slot"
    listed = client.get(f"/api/v1/stations/{world.station.id}/relay-windows",
                        headers=auth(world.users["editor"])).json()
    assert [w["title"] for w in listed] == ["Thời sự thành phố"]


def test_a_used_source_cannot_be_deleted(client, world):
    source = _source(client, world)
    window = _post_window(client, world, source_id=source["id"]).json()
    admin, editor = auth(world.users["admin"]), auth(world.users["editor"])
    r = client.delete(f"/api/v1/relay-sources/{source['id']}", headers=admin)
    assert r.status_code == 409
    assert "Thời sự" not in r.json()["detail"]
    assert "1 lịch" in r.json()["detail"]
    assert client.delete(f"/api/v1/relay-windows/{window['id']}", headers=editor).status_code == 204
    assert client.delete(f"/api/v1/relay-sources/{source['id']}", headers=admin).status_code == 204


def test_another_station_cannot_relay_this_stations_source_or_name_its_areas(client, session, world):
    source = _source(client, world)
    other, areas = create_station(session, name="Đài xã Tân Dân", areas=("Thôn Đông",))
    editor2 = create_user(session, "xa2-editor", Role.editor, other)
    session.commit()
    body = {"title": "Lấy nguồn", "start_time": "18:00", "end_time": "18:30", "weekdays": [0]}
    r = client.post(f"/api/v1/stations/{other.id}/relay-windows", headers=auth(editor2),
                    json={**body, "source_id": source["id"]})
    assert r.status_code == 404
    own = client.post(f"/api/v1/stations/{other.id}/relay-sources",
                      headers=auth(create_user(session, "xa2-admin", Role.admin, other)),
                      json={"name": "Đài huyện", "url": "http://127.0.0.1:9/x.mp3"}).json()
    r = client.post(f"/api/v1/stations/{other.id}/relay-windows", headers=auth(editor2),
                    json={**body, "source_id": own["id"], "area_ids": [world.areas[0].id]})
    assert r.status_code == 422
    assert areas[0].id not in (a.id for a in world.areas)


def test_the_programme_page_shows_the_days_relay_windows_and_their_state(client, session, world):
    source = _source(client, world)
    r = _post_window(client, world, source_id=source["id"], start_time="18:00", end_time="18:30",
                     weekdays=list(range(7)), area_ids=[world.areas[0].id])
    assert r.status_code == 201
    run = session.query(RelayWindowRun).filter_by(window_id=r.json()["id"]).order_by(RelayWindowRun.air_date).first()
    run.use_fallback = True
    run.checks = [{"index": 0, "ok": False, "detail_vi": "Không kết nối được nguồn.", "detail_en": "No."}]
    session.commit()
    sign_in(client, "editor")
    page = client.get("/app/programmes", params={"day": str(run.air_date)})
    assert page.status_code == 200
    assert "18:00–18:30 Thời sự thành phố" in page.text
    assert "nguồn không đạt kiểm tra: phát dự phòng" in page.text
    assert "Không kết nối được nguồn." in page.text
    khu2 = client.get("/app/programmes", params={"day": str(run.air_date), "area_id": world.areas[1].id})
    assert "Thời sự thành phố" not in khu2.text, "Khu 2 does not relay it"
