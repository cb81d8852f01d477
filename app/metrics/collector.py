"""The database figures as Prometheus metrics: read at scrape time, then kept a few seconds, so
several Prometheus servers (or a quick re-scrape) cost one set of queries."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

from prometheus_client.core import GaugeMetricFamily, HistogramMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy.orm import Session

from app.metrics import figures as figures_module
from app.metrics.figures import Figures
from app.metrics.instruments import REGISTRY
from app.relays.health import RELAY_STATES
from app.system import disk_use

CACHE_SECONDS = 15.0
EMERGENCY_BUCKETS = (5.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1800.0)


class DatabaseCollector(Collector):
    """Yields the last figures read by `refresh` (the scrape's route calls it with its session)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._figures: Figures | None = None
        self._read_at = 0.0
        self.audio_dir: Path | None = None

    def refresh(self, session: Session, audio_dir: Path, *, max_age_s: float = CACHE_SECONDS) -> None:
        """Read the figures again unless the last read is younger than `max_age_s`."""
        with self._lock:
            self.audio_dir = audio_dir
            if self._figures is not None and time.monotonic() - self._read_at < max_age_s:
                return
            self._figures = figures_module.read(session)
            self._read_at = time.monotonic()

    def forget(self) -> None:
        """Read afresh at the next scrape."""
        with self._lock:
            self._figures = None

    def describe(self) -> list[Metric]:
        return []  # computed at scrape time: nothing to check at registration

    def collect(self) -> Iterator[Metric]:
        with self._lock:
            figures, audio_dir = self._figures, self.audio_dir
        if figures is not None:
            yield from _database_metrics(figures)
        if audio_dir is not None:
            yield from _disk_metrics(audio_dir)


def _database_metrics(figures: Figures) -> Iterator[Metric]:
    relays = GaugeMetricFamily("loa_relay_points", "Relay points in use, by station and state "
                               "(online: heard within 3 min; late: within 6 h; offline).",
                               labels=["station_id", "station", "state"])
    for station_id, name in sorted(figures.stations.items()):
        for state in RELAY_STATES:
            count = figures.relay_states.get((station_id, state), 0)
            if count or any(s == station_id for s, _ in figures.relay_states):
                relays.add_metric([str(station_id), name, state], count)
    yield relays
    missed = GaugeMetricFamily("loa_programmes_missed", "Programmes of the last 24 h that no relay point "
                               "reported playing (stations with relay points).", labels=["station_id", "station"])
    for station_id, count in sorted(figures.programmes_missed.items()):
        missed.add_metric([str(station_id), figures.stations.get(station_id, "")], count)
    yield missed
    yield _histogram("loa_emergency_first_play_seconds",
                     "Emergencies of the last 30 days: seconds from issue to the first play a relay point "
                     "reported (the relay's clock).", figures.emergency_first_play_s, EMERGENCY_BUCKETS)
    yield GaugeMetricFamily("loa_emergencies_unreported",
                            "Emergencies of the last 30 days that no relay point has reported playing.",
                            value=figures.emergencies_unreported)
    yield GaugeMetricFamily("loa_jobs_queued", "Scheduler jobs due and waiting to run (APScheduler's job store).",
                            value=figures.jobs_due)
    yield GaugeMetricFamily("loa_jobs_scheduled", "Scheduler jobs in the job store.", value=figures.jobs_scheduled)
    queue = GaugeMetricFamily("loa_queue_jobs", "Render jobs of the workers' queue (PostgreSQL), by task and "
                              "status: todo (queued), doing (running), failed (retries spent); "
                              "succeeded jobs are deleted.", labels=["task", "status"])
    for (task, status), count in sorted(figures.queue_jobs.items()):
        queue.add_metric([task, status], count)
    yield queue
    failing = GaugeMetricFamily("loa_jobs_failing", "Jobs whose last run was stopped by a recorded problem "
                                "(a full disk), until a run succeeds.", labels=["job"])
    for job in figures.jobs_failing:
        failing.add_metric([job], 1)
    yield failing
    yield GaugeMetricFamily("loa_system_problems", "Problems of the server shown on the status board.",
                            value=figures.system_problems)


def _histogram(name: str, documentation: str, values: list[float], bounds: tuple[float, ...]) -> Metric:
    buckets = [(str(b), float(sum(1 for v in values if v <= b))) for b in bounds]
    buckets.append(("+Inf", float(len(values))))
    return HistogramMetricFamily(name, documentation, buckets=buckets, sum_value=sum(values))


def _disk_metrics(audio_dir: Path) -> Iterator[Metric]:
    use = disk_use.current(audio_dir)
    yield GaugeMetricFamily("loa_audio_store_bytes", "Bytes in the audio store (measured at most every 5 min).",
                            value=use.store_bytes)
    yield GaugeMetricFamily("loa_audio_store_files", "Files in the audio store.", value=use.store_files)
    yield GaugeMetricFamily("loa_data_disk_free_bytes", "Free bytes on the audio store's disk.", value=use.free_bytes)
    yield GaugeMetricFamily("loa_data_disk_total_bytes", "Size of the audio store's disk.", value=use.total_bytes)


DATABASE = DatabaseCollector()
REGISTRY.register(DATABASE)
