"""What the editor reviews (the recording, the changes since the last review), forms that act once,
and what an expired session says — through the pages, as a browser posts them."""

from __future__ import annotations

import hashlib
import re

import pytest
from sqlalchemy import func, select

from app.models import Emergency, Recording, Script, ScriptStatus
from app.recordings import service as recording_service
from app.scripts import service as script_service
from app.scripts.schemas import ScriptUpdate
from app.speech.audio import storage
from tests.fixtures.audio_files import tone_file
from tests.fixtures.builders import create_script
from tests.web.helpers import post_form, sign_in, tokens_of
from tests.web.test_pages import EMERGENCY, script_form


def _recording(session, world, tmp_path, title: str, seconds: float, *, frequency: int = 440) -> Recording:
    path = tone_file(tmp_path / f"{title}.wav", seconds, frequency=frequency)
    recording = recording_service.ingest(session, world.station, path, title=title, filename=path.name,
                                         is_filler=False, actor=world.users["officer"])
    session.commit()
    return recording


def _count(session, model) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(model))


def _plain(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def test_the_editor_hears_the_attached_recording_before_approving_it(client, world, session, tmp_path):
    recording = _recording(session, world, tmp_path, "Thông báo của Công an phường", 65)
    script = create_script(session, world, status=ScriptStatus.submitted, recording_id=recording.id)
    sign_in(client, "editor")
    player = f'<audio controls preload="none" src="/app/recordings/{recording.id}/audio"'
    queue = client.get("/app/review").text
    assert player in queue, "the queue plays the recording that will air"
    assert "Thời lượng 1:05" in _plain(queue)

    page = client.get(f"/app/scripts/{script.id}").text
    assert f'src="/app/recordings/{recording.id}/audio"' in page
    assert re.search(r'id="recording-length">1:05<', page)
    assert "Loa sẽ phát bản ghi âm này thay cho lời đọc." in page
    assert client.get(f"/app/recordings/{recording.id}/audio").content[:4] == b"RIFF"

    approved = post_form(client, f"/app/scripts/{script.id}/approve", {"priority": "normal"},
                         page=f"/app/scripts/{script.id}")
    assert approved.status_code == 303
    session.refresh(script)
    assert script.status == ScriptStatus.approved
    aired = storage().path(recording.audio_key).read_bytes()
    assert script.approved_snapshot["recording_id"] == recording.id
    assert script.approved_snapshot["recording_sha256"] == hashlib.sha256(aired).hexdigest(), \
        "what was approved names the exact audio that airs"


def test_another_recording_after_approval_goes_back_for_review_and_shows_as_the_change(
        client, world, session, tmp_path):
    first = _recording(session, world, tmp_path, "Bản ghi cũ", 2)
    script = create_script(session, world, status=ScriptStatus.approved, recording_id=first.id)
    sign_in(client, "officer")
    edit = client.get(f"/app/scripts/{script.id}/edit")
    form = {**script_form(world, title=script.title, body=script.body, topic="thoi-su", priority="normal",
                          air_until=script.air_until.isoformat(), airings_target="1", slots=[], area_ids=[]),
            "version": str(script.version), "script_id": str(script.id), **tokens_of(edit)}
    form.pop("action")
    path = tone_file(tmp_path / "ban-ghi-moi.wav", 4.0, frequency=660)
    with path.open("rb") as fh:
        uploaded = client.post("/app/recordings", data={**form, "title": "Bản ghi mới", "action": "upload"},
                               files={"file": (path.name, fh, "audio/wav")}, follow_redirects=False)
    assert uploaded.status_code == 303, "after an upload the browser is sent to a page it may reload"
    editor_url = uploaded.headers["location"]
    assert editor_url.startswith(f"/app/scripts/{script.id}/edit?form=")
    shown = client.get(editor_url)
    client.get(editor_url)  # reloading that page uploads nothing again
    assert _count(session, Recording) == 2
    second = session.scalar(select(Recording).where(Recording.title == "Bản ghi mới"))
    assert f'name="recording_id" value="{second.id}"' in shown.text
    assert "Đã tải lên và gắn bản ghi." in shown.text

    saved = client.post(f"/app/scripts/{script.id}/edit",
                        data={**form, "title": "Bản ghi mới", "recording_id": str(second.id), "action": "save",
                              **tokens_of(shown)}, follow_redirects=False)
    assert saved.status_code == 303, saved.text
    session.refresh(script)
    assert script.status == ScriptStatus.submitted, "a new recording is new content: reviewed again"

    client.cookies.clear()
    sign_in(client, "editor")
    page = client.get(f"/app/scripts/{script.id}").text
    change = _plain(re.search(r'<dd class="diff-recording">(.*?)</dd>', page, re.S).group(1)).strip()
    assert change == "[bỏ] Bản ghi cũ (0:02) → [thêm] Bản ghi mới (0:04)"
    assert f'src="/app/recordings/{second.id}/audio"' in page


def test_after_a_rejection_the_editor_sees_what_changed_since_the_rejected_version(client, world, session):
    script = create_script(session, world, status=ScriptStatus.rejected)
    assert script.rejected_snapshot["revision"] == 1
    script_service.update(session, script, ScriptUpdate(
        body=script.body.replace("một số nội dung trọng tâm", "lịch tiêm chủng"),
        area_ids=[world.areas[1].id], version=script.version), user=world.users["officer"])
    script_service.submit(session, script, user=world.users["officer"])
    session.commit()
    sign_in(client, "editor")
    page = client.get(f"/app/scripts/{script.id}").text
    assert "Thay đổi so với bản đã bị từ chối (phiên bản 1)" in page
    body = _plain(re.search(r'<dd class="diff-body">(.*?)</dd>', page, re.S).group(1))
    assert "[bỏ] một số nội dung trọng tâm. [thêm] lịch tiêm chủng." in body
    areas = _plain(re.search(r'<dd class="diff-area_ids">(.*?)</dd>', page, re.S).group(1)).strip()
    assert areas == "[bỏ] Tất cả khu phố, [thêm] Khu 2"
    assert re.search(r'id="revision">Phiên bản 2<', page)


def test_version_numbers_count_what_people_wrote_and_history_starts_at_one(client, world, session):
    script = create_script(session, world, status=ScriptStatus.approved)
    for n in range(6):  # the speech render job and airings write the row too
        script.speech_note = f"render {n}"
        session.flush()
    session.commit()
    assert script.version > 6
    sign_in(client, "editor")
    page = client.get(f"/app/scripts/{script.id}").text
    assert re.search(r'id="revision">Phiên bản 1<', page), "no jump: nobody edited it"
    script_service.update(session, script, ScriptUpdate(title="Tiêu đề đã sửa", version=script.version),
                          user=world.users["officer"])
    session.commit()
    page = client.get(f"/app/scripts/{script.id}").text
    assert re.search(r'id="revision">Phiên bản 2<', page)
    history = [_plain(li).strip() for li in re.findall(r"<li>(.*?)</li>", page.split('id="history-h"')[1], re.S)]
    actions = [h.split(" · ")[-1] for h in history]
    assert actions == ["tạo (phiên bản 1)", "gửi duyệt", "duyệt", "sửa (phiên bản 2)"], \
        "oldest first, so item 1 is the creation"


def test_posting_the_new_script_form_again_creates_no_second_script(client, world, session):
    sign_in(client, "officer")
    page = client.get("/app/scripts/new")
    data = {**script_form(world), **tokens_of(page)}
    first = client.post("/app/scripts/new", data=data, follow_redirects=False)
    assert first.status_code == 303
    again = client.post("/app/scripts/new", data=data, follow_redirects=False)  # Back, then submit again
    assert again.status_code == 303
    assert again.headers["location"] == first.headers["location"]
    assert "Biểu mẫu này đã được gửi trước đó" in client.get(again.headers["location"]).text
    assert _count(session, Script) == 1


def test_a_form_that_failed_once_still_acts_once_when_corrected(client, world, session):
    sign_in(client, "officer")
    page = client.get("/app/scripts/new")
    tokens = tokens_of(page)
    refused = client.post("/app/scripts/new", data={**script_form(world, title=" "), **tokens})
    assert refused.status_code == 422
    assert tokens_of(refused)["form_token"] == tokens["form_token"]
    fixed = {**script_form(world), **tokens_of(refused)}
    assert client.post("/app/scripts/new", data=fixed, follow_redirects=False).status_code == 303
    assert client.post("/app/scripts/new", data=fixed, follow_redirects=False).status_code == 303
    assert _count(session, Script) == 1


def test_a_form_without_a_known_token_saves_nothing_and_keeps_the_text(client, world, session):
    sign_in(client, "officer")
    page = client.get("/app/scripts/new")
    answer = client.post("/app/scripts/new", data={**script_form(world), **tokens_of(page),
                                                   "form_token": "not-issued"})
    assert answer.status_code == 422
    assert "Biểu mẫu đã mở quá lâu nên chưa lưu." in answer.text
    assert "Trạm y tế phường tổ chức tiêm chủng" in answer.text
    assert _count(session, Script) == 0
    again = client.post("/app/scripts/new", data={**script_form(world), **tokens_of(answer)},
                        follow_redirects=False)
    assert again.status_code == 303


def test_broadcasting_the_same_confirmation_again_issues_no_second_emergency(client, world, session):
    sign_in(client, "editor")
    areas = [str(world.areas[0].id)]
    confirm = post_form(client, "/app/emergency/confirm", {**EMERGENCY, "area_ids": areas}, page="/app/emergency")
    data = {**EMERGENCY, "area_ids": areas, "action": "broadcast", **tokens_of(confirm)}
    first = client.post("/app/emergency", data=data, follow_redirects=False)
    assert first.status_code == 303
    again = client.post("/app/emergency", data=data, follow_redirects=False)
    assert again.status_code == 303
    assert again.headers["location"] == first.headers["location"]
    # Back to the form itself and "Xem lại" again: still the first bulletin, nothing new to confirm.
    reconfirm = client.post("/app/emergency/confirm", data={**EMERGENCY, "area_ids": areas, **tokens_of(confirm)},
                            follow_redirects=False)
    assert reconfirm.headers["location"] == first.headers["location"]
    shown = client.get(first.headers["location"]).text
    assert "không có gì được tạo hay phát thêm lần nữa" in shown.lower()
    assert _count(session, Emergency) == 1


@pytest.mark.usefixtures("world")
def test_listen_after_the_session_expired_says_so_in_json(client):
    sign_in(client, "officer")
    page = client.get("/app/scripts/new")
    csrf = tokens_of(page)["csrf_token"]
    client.cookies.clear()  # the cookie's time is up: the browser no longer sends it
    answer = client.post("/web/preview/listen", json={"text": "Thưa bà con"},
                         headers={"X-CSRF-Token": csrf, "Referer": "http://testserver/app/scripts/new"},
                         follow_redirects=False)
    assert answer.status_code == 401
    body = answer.json()
    assert body["error"] == "SessionExpired"
    assert body["detail"].startswith("Phiên đăng nhập đã hết hạn.")
    assert body["login_url"] == "/login?next=/app/scripts/new"


@pytest.mark.usefixtures("world")
def test_saving_after_the_session_expired_returns_to_the_form_after_signing_in(client):
    sign_in(client, "officer")
    page = client.get("/app/scripts/new")
    client.cookies.clear()
    answer = client.post("/app/scripts/new", data={"title": "x", **tokens_of(page)},
                         headers={"Referer": "http://testserver/app/scripts/new"}, follow_redirects=False)
    assert answer.headers["location"] == "/login?next=/app/scripts/new"
    assert "Phiên đăng nhập đã hết hạn." in client.get(answer.headers["location"]).text


def test_a_failed_post_puts_what_to_fix_first_with_links_to_the_fields(client, world):
    sign_in(client, "officer")
    answer = post_form(client, "/app/scripts/new", script_form(world, title=" ", area_ids=["999999"]),
                       page="/app/scripts/new")
    summary = re.search(r'<div class="error-box" role="alert" tabindex="-1" id="error-summary" '
                        r'data-focus-on-load>(.*?)</div>', answer.text, re.S)
    assert summary, "the summary is focusable and marked to take the focus"
    assert '<a href="#title">Không được để trống.</a>' in summary.group(1)


@pytest.mark.usefixtures("world")
def test_a_wrong_page_address_answers_a_page_in_vietnamese_not_json(client):
    sign_in(client, "officer")
    for address in ("/app/scripts/khong-co", "/app/khong-co-trang-nay", "/app/scripts/99999999"):
        answer = client.get(address)
        assert answer.status_code == 404, address
        assert answer.headers["content-type"].startswith("text/html"), address
        assert "Không" in answer.text
    assert client.get("/api/v1/khong-co").json()["error"] == "NotFound", "the API still answers JSON"


def test_the_issued_bulletin_names_the_voice_for_people(client, world):
    sign_in(client, "editor")
    areas = [str(world.areas[0].id)]
    confirm = post_form(client, "/app/emergency/confirm", {**EMERGENCY, "area_ids": areas}, page="/app/emergency")
    issued = client.post("/app/emergency", data={**EMERGENCY, "area_ids": areas, "action": "broadcast",
                                                 **tokens_of(confirm)})
    engine = re.search(r'id="engine">([^<]+)<', issued.text).group(1)
    assert engine == "Giọng máy ngoại tuyến (eSpeak NG)", "not the program's name 'espeak'"


@pytest.mark.usefixtures("world")
def test_listen_in_the_editor_refuses_a_long_text_with_the_limit_in_the_page_language(client):
    sign_in(client, "officer")
    page = client.get("/app/scripts/new")
    headers = {"X-CSRF-Token": tokens_of(page)["csrf_token"], "Referer": "http://testserver/app/scripts/new"}
    answer = client.post("/web/preview/listen", json={"text": "Thưa bà con. " * 400}, headers=headers)
    assert answer.status_code == 422
    body = answer.json()
    assert body["ready"] is False
    assert "tối đa 2.000 ký tự" in body["message"]
    assert "5.200 ký tự" in body["message"]
