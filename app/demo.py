"""Demo content for `loa init --demo`: the Hà Tu station, its people and a dozen scripts."""

from __future__ import annotations

import re
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.demo_content import DEMO_AREAS, DEMO_SCRIPTS
from app.models import Priority, Role, Station, User
from app.scripts import service as scripts
from app.scripts.schemas import Approval, ScriptCreate
from app.stations import service as stations
from app.stations.schemas import StationCreate
from app.users import service as users
from app.users.schemas import UserCreate

DEMO_STATION = "Đài truyền thanh phường Hà Tu"
DEMO_USERS = (
    ("ubnd", Role.admin, "UBND phường Hà Tu", None),
    ("bientap", Role.editor, "Trưởng ban biên tập", None),
    ("vanhoa", Role.officer, "Công chức Văn hóa – Xã hội", None),
    ("khu1", Role.leader, "Trưởng Khu 1", 0),
)


DEMO_RELAY = ("Cụm loa chợ Khu 1", 0)
_PLACEHOLDER = re.compile(r"\{(ngay[+-]\d+|nam|thang_toi|thang_truoc)\}")


def fill(text: str, today: date) -> str:
    """Write the dates of a demo text relative to `today` (see the placeholders in demo_content)."""
    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name.startswith("ngay"):
            return (today + timedelta(days=int(name[4:]))).strftime("%d/%m/%Y")
        if name == "nam":
            return str(today.year)
        first = today.replace(day=1)
        month = first + timedelta(days=32) if name == "thang_toi" else first - timedelta(days=1)
        return month.strftime("%m/%Y")
    return _PLACEHOLDER.sub(one, text)


def create_demo(session: Session) -> str:
    """Create the demo once; answers what to tell the person who ran it."""
    if session.scalar(select(Station.id).where(Station.name == DEMO_STATION)) is not None:
        return (f"Đã có dữ liệu demo ({DEMO_STATION}). Mật khẩu chỉ in ra ở lần tạo đầu tiên; "
                "đặt lại bằng: loa users passwd TÊN")
    station = stations.create(session, StationCreate(name=DEMO_STATION), actor=None)
    areas = [stations.add_area(session, station, name, actor=None) for name in DEMO_AREAS]
    people: dict[str, User] = {}
    lines = [f"Đã tạo {DEMO_STATION} với {len(areas)} khu phố và 2 khung giờ (06:30, 16:30).",
             "Tài khoản demo (mật khẩu chỉ hiện một lần):"]
    relay_name, relay_area = DEMO_RELAY
    for username, role, full_name, area_index in DEMO_USERS:
        user, password = users.create(session, UserCreate(
            username=username, role=role, full_name=full_name, station_id=station.id,
            area_id=areas[area_index].id if area_index is not None else None,
        ), actor=None)
        people[username] = user
        lines.append(f"  {role.value:<8} {username:<10} {password}")
    today = scripts.station_today(station)
    officer, editor = people["vanhoa"], people["bientap"]
    for demo in DEMO_SCRIPTS:
        script = scripts.create(session, ScriptCreate(
            station_id=station.id, title=fill(demo.title, today), body=fill(demo.body, today), topic=demo.topic,
            source_ref=fill(demo.source_ref, today), priority=Priority(demo.priority), air_from=today,
            air_until=today + timedelta(days=demo.days), airings_target=demo.airings,
            slots=list(demo.slots), area_ids=[areas[i].id for i in demo.areas],
        ), author=officer)
        if demo.status == "draft":
            continue
        scripts.submit(session, script, user=officer)
        if demo.status == "approved":
            scripts.approve(session, script, Approval(), user=editor)
        elif demo.status == "rejected":
            scripts.reject(session, script, fill(demo.rejection_reason or "Cần bổ sung nguồn.", today),
                           user=editor)
    lines.append(f"Đã tạo {len(DEMO_SCRIPTS)} tin bài mẫu.")
    from app.demo_plan import DEMO_THEMES, add_demo_plan

    tagged = add_demo_plan(session, station, editor, today)
    lines.append(f"Đã tạo kế hoạch tuyên truyền tháng này: {len(DEMO_THEMES)} chủ đề, {tagged} tin bài đã gắn.")
    _relay, token = stations.add_relay_point(session, areas[relay_area], relay_name, actor=None)
    lines += [f"Cụm loa demo “{relay_name}” ({DEMO_AREAS[relay_area]}), mã truy cập (chỉ hiện một lần):",
              f"  {token}",
              "  chạy thử: lưu mã vào tệp relay.token rồi chạy loa relay sync --server http://127.0.0.1:8000 "
              "--token-file relay.token --cache relay-cache"]
    from app.demo_audio import add_demo_filler

    add_demo_filler(session, station, people["vanhoa"])
    lines.append("Đã thêm một bản nhạc nền tổng hợp làm nhạc lấp chỗ trống.")
    return "\n".join(lines)
