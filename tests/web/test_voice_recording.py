"""The recorder in the script editor, through the pages as a browser posts them: a kept take comes
back cleaned with what was done to it, a bad take comes back refused next to its field with the
typed script intact, and a recording changed after approval sends the script back for approval."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from app.models import AuditEvent, Recording, ScriptStatus
from app.recordings import service as recording_service
from tests.fixtures.audio_files import tone_file, voice_like_wav
from tests.fixtures.builders import create_script
from tests.web.helpers import sign_in, tokens_of
from tests.web.test_pages import script_form

TAKE = [(1.5, False), (3.0, True), (1.0, False), (2.0, True), (2.0, False)]


def _send_take(client, form, path):
    """What static/recorder.js posts on "Giữ bản ghi này": the editor's form, the take, voice=1."""
    with path.open("rb") as fh:
        return client.post("/app/recordings", data={**form, "action": "upload", "voice": "1"},
                           files={"file": ("ghi-am-giong-doc.webm", fh, "audio/webm")}, follow_redirects=False)


@pytest.mark.usefixtures("world")
def test_the_editor_offers_the_recorder_with_its_limit(client):
    sign_in(client, "officer")
    page = client.get("/app/scripts/new").text
    assert '<div class="recorder" id="recorder" hidden data-max-seconds="600"' in page, \
        "hidden until the script finds a microphone API: the file input still works without it"
    assert '<script src="/static/recorder.js" defer></script>' in page
    assert "tối đa 10 phút" in page
    script = client.get("/static/recorder.js")
    assert script.status_code == 200
    assert "MediaRecorder" in script.text


def test_a_kept_take_is_attached_cleaned_and_the_officer_told_how(client, world, session, tmp_path):
    sign_in(client, "officer")
    form = {**script_form(world, title="Thông báo lịch tiêm chủng"), **tokens_of(client.get("/app/scripts/new"))}
    form.pop("action")
    sent = _send_take(client, form, voice_like_wav(tmp_path / "take.wav", TAKE))
    assert sent.status_code == 303, sent.text
    page = client.get(sent.headers["location"]).text
    recording = session.scalar(select(Recording))
    assert recording.duration_ms == 6500, "9.5 s recorded, 6 s of speech kept with 0.5 s of margins"
    assert f'name="recording_id" value="{recording.id}"' in page
    assert "cắt 1,3 giây lặng ở đầu, 1,7 giây ở cuối; đã giảm tiếng ồn nền" in page
    assert 'value="Thông báo lịch tiêm chủng"' in page, "the typed script comes back with the take"
    assert recording.title == "Thông báo lịch tiêm chủng"


def test_a_distorted_take_is_refused_next_to_the_field_and_nothing_typed_is_lost(client, world, session, tmp_path):
    sign_in(client, "officer")
    form = {**script_form(world, title="Thông báo cắt điện"), **tokens_of(client.get("/app/scripts/new"))}
    form.pop("action")
    sent = _send_take(client, form, voice_like_wav(tmp_path / "take.wav", TAKE, gain=8.0))
    assert sent.status_code == 422
    error = re.search(r'id="recording-err"[^>]*>(.*?)<', sent.text, re.S)
    assert error, sent.text
    assert "vỡ tiếng" in error.group(1)
    assert 'value="Thông báo cắt điện"' in sent.text
    assert session.scalar(select(Recording)) is None


def test_removing_the_recording_of_an_approved_script_sends_it_back(client, world, session, tmp_path):
    path = tone_file(tmp_path / "giong.wav", 3.0)
    recording = recording_service.ingest(session, world.station, path, title="Giọng đọc", filename=path.name,
                                         is_filler=False, actor=world.users["officer"])
    script = create_script(session, world, status=ScriptStatus.approved, recording_id=recording.id)
    session.commit()
    sign_in(client, "officer")
    edit = client.get(f"/app/scripts/{script.id}/edit")
    assert "Thay hoặc bỏ bản ghi của tin đã duyệt sẽ gửi tin bài đi duyệt lại." in edit.text
    form = {**script_form(world, title=script.title, body=script.body, topic="thoi-su", priority="normal",
                          air_until=script.air_until.isoformat(), airings_target="1", slots=[], area_ids=[]),
            "version": str(script.version), "script_id": str(script.id), "recording_id": str(recording.id),
            **tokens_of(edit)}
    detached = client.post("/app/recordings", data={**form, "action": "detach"}, follow_redirects=False)
    assert detached.status_code == 303
    shown = client.get(detached.headers["location"])
    assert 'name="recording_id" value=""' in shown.text
    saved = client.post(f"/app/scripts/{script.id}/edit",
                        data={**form, "recording_id": "", "action": "save", **tokens_of(shown)},
                        follow_redirects=False)
    assert saved.status_code == 303, saved.text
    session.refresh(script)
    assert script.status == ScriptStatus.submitted, "what airs changed: the editor approves it again"
    assert script.recording_id is None
    edit_event = session.scalars(select(AuditEvent).where(
        AuditEvent.entity_type == "script", AuditEvent.entity_id == script.id, AuditEvent.action == "edit")).one()
    assert edit_event.changes["status"] == ["approved", "submitted"]
    assert edit_event.changes["recording_id"] == [recording.id, None]
