"""The plan, archive and letter-import pages, and the script editor's theme and recurrence fields."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from app.models import Script, ScriptStatus, Theme
from tests.fixtures.builders import create_script
from tests.letters.letters import letter_docx, scanned_pdf
from tests.web.helpers import csrf_of, sign_in, tokens_of

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _value(html: str, field_id: str) -> str:
    match = re.search(rf'id="{field_id}" name="[^"]+"(?: type="date")? value="([^"]*)"', html)
    assert match, f"no field {field_id}"
    return match.group(1)


@pytest.mark.usefixtures("world")
def test_an_officer_turns_a_docx_letter_into_a_draft(client, session):
    assert sign_in(client, "officer").status_code == 303
    form = client.get("/app/letters")
    assert "Tạo tin bài từ văn bản" in form.text
    r = client.post("/app/letters", data={"csrf_token": csrf_of(form)},
                    files={"file": ("KH-15.docx", letter_docx(), DOCX)}, follow_redirects=False)
    assert r.status_code == 303
    assert "/app/scripts/new?form=" in r.headers["location"]
    editor = client.get(r.headers["location"])
    assert _value(editor.text, "title") == "Tuyên truyền phòng, chống dịch sốt xuất huyết"
    assert _value(editor.text, "source_ref") == "Công văn số 15/KH-UBND ngày 12/03/2025"
    assert "Thực hiện Kế hoạch số 09/KH-UBND" in editor.text
    assert "Đã đọc văn bản “KH-15.docx”" in editor.text
    assert session.query(Script).count() == 0, "nothing is saved until the officer saves it"
    # the officer picks a topic and saves: the draft keeps the letter's number and date
    tokens = tokens_of(editor)
    saved = client.post("/app/scripts/new", data={
        **tokens, "title": _value(editor.text, "title"), "body": "Thực hiện Kế hoạch số 09/KH-UBND …",
        "topic": "y-te", "source_ref": _value(editor.text, "source_ref"), "priority": "normal",
        "air_from": _value(editor.text, "air_from"), "air_until": _value(editor.text, "air_until"),
        "airings_target": "1", "repeat": "none", "action": "save"}, follow_redirects=False)
    assert saved.status_code == 303, saved.text
    script = session.query(Script).one()
    assert script.source_ref == "Công văn số 15/KH-UBND ngày 12/03/2025"
    assert script.status == ScriptStatus.draft


@pytest.mark.usefixtures("world")
def test_a_scanned_pdf_is_refused_on_the_page_with_its_reason(client):
    assert sign_in(client, "officer").status_code == 303
    form = client.get("/app/letters")
    r = client.post("/app/letters", data={"csrf_token": csrf_of(form)},
                    files={"file": ("scan.pdf", scanned_pdf(), "application/pdf")})
    assert r.status_code == 422
    assert "bản scan" in r.text
    none = client.post("/app/letters", data={"csrf_token": csrf_of(form)})
    assert none.status_code == 422
    assert "Hãy chọn tệp văn bản" in none.text


def test_an_editor_adds_a_theme_on_the_plan_page_and_an_officer_reads_it(client, session, world):
    month = world.today().strftime("%Y-%m")
    assert sign_in(client, "editor").status_code == 303
    page = client.get(f"/app/plan?month={month}")
    assert "Thêm chủ đề" in page.text
    data = {**tokens_of(page), "month": month, "kind": "commemoration", "title": "Ngày Quốc phòng toàn dân 22/12",
            "starts_on": "", "ends_on": "", "sources": "Công văn số 581-CV/BTGTU", "target_bulletins": "3"}
    r = client.post("/app/plan/themes", data=data, follow_redirects=False)
    assert r.status_code == 303
    again = client.post("/app/plan/themes", data=data, follow_redirects=False)
    assert again.status_code == 303
    assert session.query(Theme).count() == 1, "the same form posted twice adds it once"
    bad = client.post("/app/plan/themes", data={**tokens_of(client.get(f"/app/plan?month={month}")),
                                                "month": month, "kind": "theme", "title": " ", "sources": "",
                                                "target_bulletins": "x"})
    assert bad.status_code == 422
    assert 'id="title-err"' in bad.text
    client.post("/logout", data={"csrf_token": csrf_of(client.get("/app/plan"))})
    assert sign_in(client, "officer").status_code == 303
    seen = client.get(f"/app/plan?month={month}")
    assert "Ngày Quốc phòng toàn dân 22/12" in seen.text
    assert "Chưa phát tin nào: Ngày Quốc phòng toàn dân 22/12" in seen.text
    assert "Thêm chủ đề" not in seen.text, "officers read the plan"
    assert client.get("/app/plan?month=2026-13", follow_redirects=False).status_code == 303


def test_the_editor_form_makes_a_weekly_script_with_a_theme(client, session, world):
    theme = Theme(station_id=world.station.id, month=world.today().replace(day=1), title="An toàn giao thông")
    session.add(theme)
    session.commit()
    assert sign_in(client, "officer").status_code == 303
    page = client.get("/app/scripts/new", follow_redirects=True)
    assert "An toàn giao thông" in page.text
    base = {**tokens_of(page), "title": "Lịch trực an toàn giao thông", "body": "Thưa bà con.", "topic": "thoi-su",
            "priority": "normal", "air_from": str(world.today()), "air_until": str(world.today() + timedelta(days=13)),
            "airings_target": "", "theme_id": str(theme.id), "action": "save"}
    refused = client.post("/app/scripts/new", data={**base, "repeat": "weekly"})
    assert refused.status_code == 422
    assert "Hãy chọn ít nhất một thứ" in refused.text
    r = client.post("/app/scripts/new", data={**base, **tokens_of(refused), "repeat": "weekly",
                                               "repeat_days": ["MO", "TH"]}, follow_redirects=False)
    assert r.status_code == 303, r.text
    script = session.query(Script).one()
    assert script.recurrence == "FREQ=WEEKLY;BYDAY=MO,TH"
    assert script.theme_id == theme.id
    assert script.airings_target == 4, "two weeks of Mondays and Thursdays"
    shown = client.get(r.headers["location"])
    assert "thứ Hai, thứ Năm hằng tuần" in shown.text
    assert "Chưa phát lần nào." in shown.text
    edit = client.get(f"/app/scripts/{script.id}/edit", follow_redirects=True)
    assert re.search(r'value="TH" checked', edit.text)


def test_an_editor_retags_an_archived_script_from_its_page(client, session, world):
    theme = Theme(station_id=world.station.id, month=world.today().replace(day=1), title="Chuyển đổi số")
    session.add(theme)
    script = create_script(session, world, status=ScriptStatus.approved)
    script.status = ScriptStatus.archived
    session.commit()
    assert sign_in(client, "editor").status_code == 303
    page = client.get(f"/app/scripts/{script.id}")
    assert f'action="/app/scripts/{script.id}/theme"' in page.text
    r = client.post(f"/app/scripts/{script.id}/theme", data={"csrf_token": csrf_of(page), "theme_id": str(theme.id)},
                    follow_redirects=True)
    assert "Đã gắn chủ đề." in r.text
    session.refresh(script)
    assert script.theme_id == theme.id
