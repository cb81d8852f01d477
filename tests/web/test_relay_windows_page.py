"""The relay windows page: the editor schedules a relay (source, times, days, areas, fallback),
sees it listed, is told what to fix in a refused one, and removes it; an admin only reads."""

from __future__ import annotations

import html

from sqlalchemy import select

from app.models import RelaySource, RelayWindow
from tests.web.helpers import post_form, sign_in

PAGE = "/app/relay-windows"


def _source(session, world, name: str = "Đài thành phố") -> RelaySource:
    source = RelaySource(station_id=world.station.id, name=name, url="http://127.0.0.1:9/city.mp3")
    session.add(source)
    session.flush()
    return source


def _form(source: RelaySource, **over: object) -> dict[str, object]:
    return {"source_id": str(source.id), "title": "Thời sự thành phố", "start_time": "05:30", "end_time": "06:00",
            "weekdays": ["0", "2", "4"], "placement": "own_slot", "fallback": "filler", **over}


def test_editor_schedules_a_recurring_relay_for_chosen_areas_and_removes_it(client, session, world):
    source = _source(session, world)
    sign_in(client, "editor")
    page = client.get(PAGE)
    assert page.status_code == 200
    assert 'href="/app/relay-windows"' in page.text  # in the navigation
    assert "Đài thành phố" in page.text
    assert "Đặt lịch tiếp sóng" in page.text

    saved = post_form(client, PAGE, _form(source, area_ids=[str(world.areas[0].id), str(world.areas[2].id)]),
                      page=PAGE)
    assert saved.status_code == 303
    window = session.scalars(select(RelayWindow).where(RelayWindow.station_id == world.station.id)).one()
    assert (window.source_id, window.weekdays, window.fallback) == (source.id, [0, 2, 4], "filler")
    assert window.area_ids == sorted([world.areas[0].id, world.areas[2].id])
    listed = html.unescape(client.get(saved.headers["location"]).text)
    assert "Đã đặt lịch tiếp sóng “Thời sự thành phố”." in listed
    assert "Tiếp sóng: Đài thành phố 05:30–06:00" in listed
    assert "Thứ Hai, Thứ Tư, Thứ Sáu" in listed
    assert "Khu 1, Khu 3" in listed
    assert "dự phòng: nhạc đệm" in listed

    removed = post_form(client, f"{PAGE}/{window.id}/delete", {}, page=PAGE)
    assert removed.status_code == 303
    assert session.scalars(select(RelayWindow)).all() == []
    assert "Đã xóa lịch tiếp sóng" in html.unescape(client.get(PAGE).text)


def test_a_refused_window_comes_back_with_what_to_fix_and_what_was_typed(client, session, world):
    source = _source(session, world)
    sign_in(client, "editor")
    backwards = post_form(client, PAGE, _form(source, start_time="07:00", end_time="06:00"), page=PAGE)
    assert backwards.status_code == 422
    text = html.unescape(backwards.text)
    assert "Giờ kết thúc phải sau giờ bắt đầu" in text
    assert 'value="Thời sự thành phố"' in text  # kept
    no_day = post_form(client, PAGE, _form(source, weekdays=[]), page=PAGE)
    assert no_day.status_code == 422
    assert "ít nhất một thứ trong tuần hoặc một ngày" in html.unescape(no_day.text)
    no_recording = post_form(client, PAGE, _form(source, fallback="recording"), page=PAGE)
    assert no_recording.status_code == 422
    assert "hãy chọn bản ghi của đài" in html.unescape(no_recording.text)
    bad_time = post_form(client, PAGE, _form(source, start_time="25:99"), page=PAGE)
    assert bad_time.status_code == 422
    assert session.scalars(select(RelayWindow)).all() == []


def test_a_one_off_date_is_kept_and_a_missing_window_answers_404(client, session, world):
    source = _source(session, world)
    sign_in(client, "editor")
    day = world.today().isoformat()
    assert post_form(client, PAGE, _form(source, weekdays=[], date=day, start_time="23:00", end_time="23:30"),
                     page=PAGE).status_code == 303
    window = session.scalars(select(RelayWindow)).one()
    assert window.dates == [day]
    assert window.weekdays == []
    missing = post_form(client, f"{PAGE}/{window.id + 1000}/delete", {}, page=PAGE)
    assert missing.status_code == 404


def test_admin_reads_the_page_but_cannot_schedule_and_a_leader_cannot_see_it(client, session, world):
    source = _source(session, world)
    sign_in(client, "admin")
    page = client.get(PAGE)
    assert page.status_code == 200
    assert "Đài thành phố" in page.text
    assert 'action="/app/relay-windows"' not in page.text
    assert post_form(client, PAGE, _form(source), page=PAGE).status_code == 403
    client.cookies.clear()
    sign_in(client, "leader")
    assert client.get(PAGE).status_code == 403


def test_admin_registers_a_source_and_a_refused_one_keeps_what_was_typed(client, session, world):
    sign_in(client, "admin")
    assert "Đăng ký nguồn tiếp sóng" in client.get(PAGE).text
    refused = post_form(client, f"{PAGE}/sources", {"name": "Đài PT-TH tỉnh", "url": "dai-tinh/live.mp3",
                                                    "expected_format": "mp3"}, page=PAGE)
    assert refused.status_code == 422
    page = html.unescape(refused.text)
    assert 'value="Đài PT-TH tỉnh"' in page  # the name stays
    assert "địa chỉ phải bắt đầu bằng http:// hoặc https://" in page
    assert "Value error" not in page
    assert session.scalars(select(RelaySource)).all() == []

    saved = post_form(client, f"{PAGE}/sources", {"name": "Đài PT-TH tỉnh", "url": "https://dai.example/live.mp3",
                                                  "expected_format": "mp3"}, page=PAGE)
    assert saved.status_code == 303
    sources = [(s.station_id, s.name) for s in session.scalars(select(RelaySource))]
    assert sources == [(world.station.id, "Đài PT-TH tỉnh")]
    client.cookies.clear()
    sign_in(client, "editor")  # the editor schedules from it and does not register sources
    page = client.get(PAGE).text
    assert "Đài PT-TH tỉnh" in page
    assert "Đăng ký nguồn tiếp sóng" not in page
    assert post_form(client, f"{PAGE}/sources", {"name": "X", "url": "https://x.example/a.mp3"},
                     page=PAGE).status_code == 403


def test_a_one_off_date_already_past_is_refused_with_the_first_day_allowed(client, session, world):
    source = _source(session, world)
    sign_in(client, "editor")
    past = post_form(client, PAGE, _form(source, weekdays=[], date="2025-01-01"), page=PAGE)
    assert past.status_code == 422
    page = html.unescape(past.text)
    assert "Ngày 01/01/2025 đã qua: hãy chọn từ hôm nay" in page
    assert 'value="Thời sự thành phố"' in page
    assert session.scalars(select(RelayWindow)).all() == []
