"""A full disk: said plainly in Vietnamese, shown on the status board, nothing saved lost, and
everything back by itself once there is space again. The disk is a real tmpfs, filled up."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from datetime import UTC, datetime, time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import OperationalError

from app import jobs
from app.models import Programme, ScriptStatus, Slot
from app.speech.audio import audio_settings
from app.system.disk import is_disk_full
from audio.errors import StorageFull
from audio.storage import LocalStorage
from tests.fixtures.audio_files import tone_file
from tests.fixtures.builders import auth, create_script
from tests.fixtures.tiny_disk import TinyDisk, tiny_disk
from tests.web.helpers import sign_in

FULL = "Ổ đĩa máy chủ đã đầy"


@pytest.fixture
def full_data_dir() -> Iterator[TinyDisk]:
    """The server's data folder on a small disk of its own (what was there comes back after)."""
    with tiny_disk(audio_settings().data_dir, size_kib=16 * 1024) as disk:
        yield disk


def test_storage_refuses_by_name_and_keeps_what_was_saved(tmp_path: Path) -> None:
    with tiny_disk(tmp_path / "disk") as disk:
        store = LocalStorage(disk.root / "audio")
        kept = store.put_bytes(b"ban tin da luu " * 2000, suffix=".wav")
        disk.fill()
        before = disk.files()
        with pytest.raises(StorageFull) as caught:
            store.put_bytes(os.urandom(300_000), suffix=".wav")
        assert FULL in caught.value.message_vi
        with pytest.raises(StorageFull):
            store.put_stream(iter([os.urandom(100_000)] * 3), suffix=".mp3")
        assert disk.files() == before  # no half-written or temporary file; the saved one intact
        disk.free()
        assert store.exists(store.put_bytes(os.urandom(300_000), suffix=".wav"))
        assert store.read_bytes(kept) == b"ban tin da luu " * 2000


def test_listen_and_upload_say_the_disk_is_full_then_work_again(client, world, tmp_path, full_data_dir):
    officer = auth(world.users["officer"])
    upload = tone_file(tmp_path / "nhac.mp3", 3.0)

    def listen():
        return client.post("/api/v1/speech/listen", headers=officer,
                           json={"text": "Thưa bà con, lịch thu gom rác thay đổi từ thứ hai."})

    def send():
        with upload.open("rb") as fh:
            return client.post(f"/api/v1/stations/{world.station.id}/recordings", headers=officer,
                               files={"file": (upload.name, fh, "audio/mpeg")}, data={"title": "Nhạc nền"})

    full_data_dir.fill()
    for answer in (listen(), send()):
        assert answer.status_code == 507, answer.text
        assert answer.json()["error"] == "StorageFull"
        assert FULL in answer.json()["detail"]
        assert "quản trị viên" in answer.json()["detail"]  # what to do
    assert client.get(f"/api/v1/stations/{world.station.id}/recordings", headers=officer).json() == []

    full_data_dir.free()
    assert listen().status_code == 200
    assert send().status_code == 201


def test_sqlite_on_a_full_disk_is_recognised_as_a_full_disk(tmp_path: Path) -> None:
    with tiny_disk(tmp_path / "db", size_kib=512) as disk:
        engine = create_engine(f"sqlite:///{disk.root / 'loa.db'}")
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE notes (body TEXT)"))
        disk.fill()
        with pytest.raises(OperationalError) as caught, engine.begin() as conn:
            conn.execute(text("INSERT INTO notes VALUES (:b)"), {"b": "x" * 200_000})
        engine.dispose()
    assert is_disk_full(caught.value)


class _TestSessions:
    """The jobs' session factory, giving the test's own session (rolled back at the end)."""

    def __init__(self, session) -> None:
        self.session = session

    def __call__(self):
        return self

    def __enter__(self):
        return self.session

    def __exit__(self, *_exc: object) -> None:
        self.session.rollback() if _exc[0] is not None else None


@pytest.fixture
def one_short_slot(session, world):
    for slot in session.scalars(select(Slot).where(Slot.station_id == world.station.id)):
        session.delete(slot)
    session.add(Slot(station_id=world.station.id, name="test", label="Thử", start_time=time(9, 0),
                     length_seconds=90))
    create_script(session, world, status=ScriptStatus.approved, title="Lịch tiêm chủng",
                  body="Thưa bà con, trạm y tế phường tiêm chủng vào sáng thứ bảy.")
    session.commit()
    return world


def test_render_job_on_a_full_disk_logs_one_line_tells_editors_and_recovers(
        client, session, one_short_slot, full_data_dir, monkeypatch, caplog):
    world = one_short_slot
    monkeypatch.setattr(jobs, "background_session_factory", lambda: _TestSessions(session))
    editor = auth(world.users["editor"])
    full_data_dir.fill()

    with caplog.at_level(logging.INFO, logger="loa"):
        jobs.render_ahead()
        jobs.render_ahead()
    failures = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(failures) == 2
    assert all(r.exc_info is None for r in failures)
    assert "disk is full" in failures[0].getMessage()

    problems = client.get("/api/v1/system/problems", headers=editor).json()
    by_code = {p["code"]: p for p in problems}
    assert by_code["disk_full:render_ahead"]["occurrences"] == 2
    assert FULL in by_code["disk_full:render_ahead"]["message_vi"]
    assert "low_disk" in by_code  # the live look at the disk agrees
    sign_in(client, "editor")
    board = client.get("/app/relays").text
    assert "Sự cố của máy chủ" in board
    assert "Không dựng âm thanh các chương trình 48 giờ tới được" in board
    assert client.get("/api/v1/system/problems", headers=auth(world.users["officer"])).status_code == 403

    full_data_dir.free()
    jobs.render_ahead()
    assert client.get("/api/v1/system/problems", headers=editor).json() == []
    assert "Sự cố của máy chủ" not in client.get("/app/relays").text
    upcoming = list(session.scalars(select(Programme).where(
        Programme.station_id == world.station.id, Programme.starts_at > datetime.now(UTC),
        Programme.starts_at < datetime.now(UTC) + jobs.RENDER_AHEAD)))
    assert upcoming
    assert all(p.audio_key is not None for p in upcoming)
