"""The figures each process counts itself: HTTP requests, renders, job runs. Kept in Loa's own
registry (with the process's CPU and memory), so that tests and several apps in one process
never register a metric twice."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.gc_collector import GCCollector
from prometheus_client.platform_collector import PlatformCollector
from prometheus_client.process_collector import ProcessCollector

REGISTRY = CollectorRegistry(auto_describe=True)
ProcessCollector(registry=REGISTRY)
PlatformCollector(registry=REGISTRY)
GCCollector(registry=REGISTRY)

HTTP_REQUESTS = Counter(
    "loa_http_requests", "HTTP requests answered, by route template (not the raw path), method and status.",
    ["method", "route", "status"], registry=REGISTRY)
HTTP_SECONDS = Histogram(
    "loa_http_request_seconds", "Time to answer an HTTP request, by route template and method.",
    ["method", "route"], registry=REGISTRY,
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0))

RENDER_SECONDS = Histogram(
    "loa_render_seconds", "Wall time to render one programme's audio files (speech, items, mix).",
    ["outcome"], registry=REGISTRY,
    buckets=(0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600))

JOBS_RUNNING = Gauge(
    "loa_jobs_running", "Scheduler jobs running in this process now.", ["job"], registry=REGISTRY)
JOB_RUNS = Counter(
    "loa_job_runs", "Scheduler job runs in this process, by outcome (ok, disk_full, failed).",
    ["job", "outcome"], registry=REGISTRY)
