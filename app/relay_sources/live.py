"""The relay windows' work around air time: pre-checks 10 and 1 minutes before, the fallback
when a check fails (never dead air), and the recording of the window into the audio store.

Checks and recordings take seconds to the whole window: they run outside any transaction (on
SQLite a held transaction would take the write lock every request needs), and each result is
stored in a short transaction of its own.
"""

from __future__ import annotations

import logging
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.models import RelaySource, RelayWindow, RelayWindowRun, Station, SystemProblem
from app.relay_sources import service
from app.speech.audio import storage
from app.system import service as system
from audio.live_source import CheckResult, RecordingOutcome, decoded_ms, record_stream
from scheduler import relay_windows as times_

log = logging.getLogger("loa.relay_windows")
PROBLEM_KIND = "relay_check"
FALLBACK_VI = {"programme": "chương trình của đài", "recording": "bản ghi dự phòng", "filler": "nhạc đệm"}
FALLBACK_EN = {"programme": "the station's own programme", "recording": "the fallback recording",
               "filler": "filler"}


@dataclass(frozen=True)
class DueCheck:
    run_id: int
    index: int
    url: str


def ensure_all_runs(session: Session, now: datetime) -> int:
    """Create the coming runs of every window (new days enter the horizon each night)."""
    made = 0
    for window, zone in session.execute(select(RelayWindow, Station.timezone)
                                        .join(Station, RelayWindow.station_id == Station.id)):
        made += service.ensure_runs(session, window, zone, now=now)
    return made


def due_checks(session: Session, now: datetime) -> list[DueCheck]:
    """The checks due now: runs starting within the first lead whose next check has come."""
    lead = max(times_.CHECK_LEADS)
    due = []
    for run, url in session.execute(
            select(RelayWindowRun, RelaySource.url).join(RelayWindow, RelayWindowRun.window_id == RelayWindow.id)
            .join(RelaySource, RelayWindow.source_id == RelaySource.id)
            .where(RelayWindowRun.starts_at > now, RelayWindowRun.starts_at <= now + lead)):
        index = times_.due_check(run.starts_at, now, checks_done(run))
        if index is not None:
            due.append(DueCheck(run.id, index, url))
    return due


def checks_done(run: RelayWindowRun) -> int:
    """How many of the checks are behind the run (a missed early check counts as passed over)."""
    return max((int(c.get("index", -1)) for c in run.checks), default=-1) + 1


def store_check(session: Session, due: DueCheck, result: CheckResult, now: datetime) -> RelayWindowRun | None:
    """Keep a check's result; a failure switches the run to its fallback and alerts the editors
    on the status board, a later pass switches it back and clears the alert."""
    run = session.get(RelayWindowRun, due.run_id)
    if run is None:  # the window was deleted meanwhile
        return None
    window = session.get(RelayWindow, run.window_id)
    source = session.get(RelaySource, window.source_id) if window else None
    if window is None or source is None:
        return None
    lead_min = int(times_.CHECK_LEADS[due.index].total_seconds() // 60)
    run.checks = [*run.checks, {"index": due.index, "at": now.isoformat(), "lead_minutes": lead_min,
                                "ok": result.ok,
                   "decoded_ms": result.decoded_ms, "elapsed_ms": result.elapsed_ms,
                   "detail_vi": result.detail_vi, "detail_en": result.detail_en}]
    service.note_check(source, result, now)
    code = system.station_code(PROBLEM_KIND, window.station_id, run.id)
    run.use_fallback = not result.ok
    if result.ok:
        system.clear_problem(session, code)
    else:
        local = run.starts_at.astimezone(ZoneInfo(_zone(session, window))).strftime("%H:%M %d/%m")
        system.record_problem(
            session, code,
            f"Nguồn tiếp sóng “{source.name}” không nghe được {lead_min} phút trước giờ tiếp sóng "
            f"“{window.title}” ({local}): {result.detail_vi} Cụm loa sẽ phát "
            f"{FALLBACK_VI.get(window.fallback, window.fallback)} thay thế; hãy kiểm tra địa chỉ nguồn.",
            f"Relay source {source.name!r} failed its check {lead_min} min before relay window "
            f"{window.title!r} ({local}): {result.detail_en} Relay points will play "
            f"{FALLBACK_EN.get(window.fallback, window.fallback)} instead; check the source's address.",
            now=now)
    session.flush()
    return run


def _zone(session: Session, window: RelayWindow) -> str:
    return str(session.scalar(select(Station.timezone).where(Station.id == window.station_id)))


def run_checks(sessions: sessionmaker[Session], check: Callable[[str], CheckResult],
               now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> int:
    """Run every due check, each outside a transaction; answers how many ran."""
    with sessions() as session:
        ensure_all_runs(session, now())
        due = due_checks(session, now())
        session.commit()
    for item in due:
        result = check(item.url)
        with sessions() as session:
            store_check(session, item, result, now())
            session.commit()
        log.info("relay check run %s (%s): %s", item.run_id, item.index, "ok" if result.ok else result.detail_en)
    return len(due)


def open_problems(session: Session, station_id: int) -> list[SystemProblem]:
    prefix = f"{PROBLEM_KIND}:{station_id}:"
    return [p for p in session.scalars(select(SystemProblem)) if p.code.startswith(prefix)]


# --- recordings ----------------------------------------------------------------------------

# The job starts the recordings due before its next run (each waits for its window's start).
EARLY = timedelta(seconds=times_.JOB_EVERY_S + 5)


class Recorder:
    """Records the windows on air, one thread each, in this process."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self.sessions = sessions
        self.active: dict[int, threading.Thread] = {}
        self._lock = threading.Lock()

    def start_due(self, now: datetime | None = None) -> list[int]:
        """Start recording every run on air, or starting within `EARLY`, that nothing records
        (after a restart too: the rest of the window is recorded). Each recording waits for its
        window's start. Runs on fallback are not recorded: nothing is relayed."""
        now = now or datetime.now(UTC)
        started = []
        with self.sessions() as session:
            rows = session.execute(
                select(RelayWindowRun, RelaySource.url, RelaySource.expected_format, Station.audio_bitrate_kbps)
                .join(RelayWindow, RelayWindowRun.window_id == RelayWindow.id)
                .join(RelaySource, RelayWindow.source_id == RelaySource.id)
                .join(Station, RelayWindow.station_id == Station.id)
                .where(RelayWindowRun.starts_at <= now + EARLY, RelayWindowRun.ends_at > now,
                       RelayWindowRun.recording_state.in_(("pending", "recording")))).all()
            for run, url, fmt, kbps in rows:
                with self._lock:
                    if run.id in self.active:
                        continue
                    if run.use_fallback:
                        run.recording_state = "skipped"
                        continue
                    run.recording_state = "recording"
                    thread = threading.Thread(
                        target=self._record, args=(run.id, url, fmt, kbps, run.starts_at, run.ends_at),
                        name=f"loa-relay-record-{run.id}", daemon=True)
                    self.active[run.id] = thread
                    started.append(run.id)
            session.commit()
        for run_id in started:
            self.active[run_id].start()
        return started

    def _record(self, run_id: int, url: str, fmt: str, kbps: int, starts_at: datetime,
                ends_at: datetime) -> None:
        try:
            wait = (starts_at - datetime.now(UTC)).total_seconds()
            if wait > 0:
                time.sleep(wait)
            with tempfile.TemporaryDirectory(prefix="loa-relay-") as folder:
                outcome = record_stream(url, Path(folder) / "relay.mp3", ends_at.timestamp(),
                                        source_format=fmt if fmt in ("mp3", "aac", "hls") else "mp3",  # type: ignore[arg-type]
                                        bitrate_kbps=kbps)
                self._store(run_id, outcome)
        except Exception:
            log.exception("recording relay run %s failed", run_id)
            with self.sessions() as session:
                run = session.get(RelayWindowRun, run_id)
                if run is not None:
                    run.recording_state, run.recording_error = "failed", "internal error"
                    session.commit()
        finally:
            with self._lock:
                self.active.pop(run_id, None)

    def _store(self, run_id: int, outcome: RecordingOutcome) -> None:
        key = length = None
        if outcome.path is not None:
            length = decoded_ms(outcome.path)
            key = storage().put_file(outcome.path, suffix=".mp3")
        with self.sessions() as session:
            run = session.get(RelayWindowRun, run_id)
            if run is None:
                return
            run.recording_key, run.recorded_ms = key, length
            run.recording_state = "done" if key else "failed"
            run.recording_error = outcome.error
            session.commit()
        log.info("relay run %s recorded: %s ms", run_id, length)

    def wait(self, timeout: float | None = None) -> None:
        """Wait for the recordings in progress (tests, shutdown)."""
        for thread in list(self.active.values()):
            thread.join(timeout)

