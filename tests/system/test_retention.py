"""Audio retention: aired programmes' files go after the station's retention, and a file goes only
when nothing else names it (the store is content-addressed: one file may serve many programmes)."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app.models import Programme, ProgrammeStatus, Recording
from app.system import retention
from audio.storage import LocalStorage

MONTHS_AGO = time.time() - 200 * 86400


@pytest.fixture
def store(tmp_path):
    return LocalStorage(tmp_path / "audio")


def put_old(store: LocalStorage, data: bytes, suffix: str = ".mp3") -> str:
    """A file written months ago (as a programme's files would be)."""
    key = store.put_bytes(data, suffix=suffix)
    os.utime(store.path(key), (MONTHS_AGO, MONTHS_AGO))
    return key


def add_programme(session, world, *, days_ago: int, status: ProgrammeStatus, audio_key: str,
                  item_keys: list[str], slot: str = "morning") -> Programme:
    day = world.today() - timedelta(days=days_ago)
    programme = Programme(
        station_id=world.station.id, slot_name=slot, air_date=day,
        starts_at=datetime.combine(day, datetime.min.time(), UTC) - timedelta(hours=1),
        duration_ms=1_800_000, status=status, audio_key=audio_key, audio_size=100,
        items=[{"kind": "script", "offset_ms": 0, "duration_ms": 1000, "audio_key": k} for k in item_keys],
    )
    session.add(programme)
    session.flush()
    return programme


def test_old_aired_audio_goes_shared_files_and_recordings_stay(session, world, store):
    old_mix = put_old(store, b"chuong trinh thang truoc" * 1000)
    old_item = put_old(store, b"tin bai thang truoc" * 1000)
    shared_item = put_old(store, b"nhac hieu dung chung" * 1000)  # also in a programme yet to air
    recorded = put_old(store, b"ban ghi am" * 1000, ".wav")
    old = add_programme(session, world, days_ago=120, status=ProgrammeStatus.aired, audio_key=old_mix,
                        item_keys=[old_item, shared_item, recorded])
    future_mix = store.put_bytes(b"chuong trinh ngay mai" * 1000, suffix=".mp3")
    add_programme(session, world, days_ago=-1, status=ProgrammeStatus.rendered, audio_key=future_mix,
                  item_keys=[shared_item])
    session.add(Recording(station_id=world.station.id, title="Ghi âm", filename="a.wav",
                          original_key=recorded, audio_key=recorded, duration_ms=1000, size_bytes=10))
    session.flush()

    report = retention.cleanup(session, store)

    assert not store.exists(old_mix)
    assert not store.exists(old_item)
    assert store.exists(shared_item), "a file a future programme plays is kept"
    assert store.exists(recorded), "recordings are kept for the archive"
    assert store.exists(future_mix)
    assert report.files == 2
    assert report.bytes == len(b"chuong trinh thang truoc" * 1000) + len(b"tin bai thang truoc" * 1000)
    assert report.kept_shared == {shared_item, recorded}
    # the aired programme's row stays (reports, the archive) but no longer offers the deleted file
    session.expire_all()
    row = session.get(Programme, old.id)
    assert row is not None
    assert row.status == ProgrammeStatus.aired
    assert row.audio_key is None
    assert [i["audio_key"] for i in row.items] == [None, shared_item, recorded]


def test_dry_run_deletes_nothing_and_says_what_would_go(session, world, store):
    mix = put_old(store, b"chuong trinh cu" * 5000)
    add_programme(session, world, days_ago=100, status=ProgrammeStatus.aired, audio_key=mix, item_keys=[])

    report = retention.cleanup(session, store, dry_run=True)

    assert store.exists(mix)
    assert report.bytes == len(b"chuong trinh cu" * 5000)
    assert report.files == 1
    assert session.scalar(select(Programme.audio_key).where(Programme.audio_key == mix)) == mix
    lines = list(retention.describe(report))
    assert any("sẽ giải phóng" in line for line in lines)
    assert any("would free 73.2 KB" in line for line in lines)


def test_retention_is_per_station_and_recent_or_unaired_audio_stays(session, world, store):
    within = put_old(store, b"phat 30 ngay truoc" * 1000)
    add_programme(session, world, days_ago=30, status=ProgrammeStatus.aired, audio_key=within, item_keys=[])
    never_aired = put_old(store, b"chua phat" * 1000)
    add_programme(session, world, days_ago=100, status=ProgrammeStatus.locked, audio_key=never_aired,
                  item_keys=[], slot="afternoon")
    reused_today = store.put_bytes(b"vua dung lai" * 1000, suffix=".mp3")  # mtime: now
    add_programme(session, world, days_ago=100, status=ProgrammeStatus.aired, audio_key=reused_today,
                  item_keys=[], slot="evening")

    retention.cleanup(session, store)
    assert store.exists(within), "30 days is within the default 90"
    assert store.exists(never_aired), "a programme not marked aired keeps its audio"
    assert store.exists(reused_today), "a file used within the last day is spared (a render may hold it)"

    world.station.audio_retention_days = 7
    session.flush()
    retention.cleanup(session, store)
    assert not store.exists(within)

    forever = put_old(store, b"giu mai mai" * 1000)
    add_programme(session, world, days_ago=3000, status=ProgrammeStatus.aired, audio_key=forever,
                  item_keys=[], slot="night")
    world.station.audio_retention_days = 0
    session.flush()
    retention.cleanup(session, store)
    assert store.exists(forever), "0 days means keep for ever"


def test_station_retention_is_set_through_the_api(client, world):
    from tests.fixtures.builders import auth

    admin = auth(world.users["admin"])
    url = f"/api/v1/stations/{world.station.id}"
    assert client.get(url, headers=admin).json()["audio_retention_days"] == 90
    answer = client.patch(url, headers=admin, json={"audio_retention_days": 30})
    assert answer.status_code == 200, answer.text
    assert answer.json()["audio_retention_days"] == 30
    bad = client.patch(url, headers=admin, json={"audio_retention_days": -1})
    assert bad.status_code == 422


def test_status_board_and_api_show_the_audio_store_and_free_space(client, world):
    from app.speech.audio import storage
    from app.system import disk_use
    from tests.fixtures.builders import auth
    from tests.web.helpers import sign_in

    storage().put_bytes(os.urandom(3 * 1024 * 1024), suffix=".mp3")
    disk_use.forget()
    answer = client.get("/api/v1/system/storage", headers=auth(world.users["editor"]))
    assert answer.status_code == 200, answer.text
    use = answer.json()
    assert use["audio_store_bytes"] >= 3 * 1024 * 1024
    assert 0 < use["disk_free_bytes"] <= use["disk_total_bytes"]
    assert use["audio_retention_days"] == 90
    assert client.get("/api/v1/system/storage", headers=auth(world.users["officer"])).status_code == 403

    sign_in(client, "editor")
    board = client.get("/app/relays").text
    assert "Kho âm thanh:" in board
    assert use["audio_store"] in board
    assert "giữ 90 ngày" in board


def test_programme_files_no_row_names_go_after_a_day_cached_speech_stays(session, world, store):
    earlier_render = put_old(store, b"ban dung truoc khi lap lai lich" * 1000)  # no row names it
    cached_sentence = put_old(store, b"cau da doc" * 1000, ".wav")  # only the speech cache names it
    just_rendered = store.put_bytes(b"ban dung dang cho ghi" * 1000, suffix=".mp3")  # its row is not saved yet
    named = put_old(store, b"chuong trinh ngay mai" * 1000)
    killed_mid_write = store.root / "staging" / ".tmp-killed"
    killed_mid_write.write_bytes(b"x" * 5000)
    os.utime(killed_mid_write, (MONTHS_AGO, MONTHS_AGO))
    writing_now = store.root / "staging" / ".tmp-writing"
    writing_now.write_bytes(b"y" * 5000)
    add_programme(session, world, days_ago=-1, status=ProgrammeStatus.rendered, audio_key=named, item_keys=[])

    dry = retention.cleanup(session, store, dry_run=True)
    assert (dry.unnamed_files, dry.unnamed_bytes) == (2, len(b"ban dung truoc khi lap lai lich" * 1000) + 5000)
    assert store.exists(earlier_render)
    assert killed_mid_write.exists()

    report = retention.cleanup(session, store)
    assert report.unnamed_files == 2
    assert not store.exists(earlier_render)
    assert not killed_mid_write.exists()
    assert writing_now.exists()
    assert store.exists(cached_sentence)
    assert store.exists(just_rendered)
    assert store.exists(named)
