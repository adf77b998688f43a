"""Prometheus metrics of one process: the server's and each worker's ``/metrics``.

Two kinds of numbers:

- events this process saw, kept in instruments (job durations and waits, HTTP latency by
  route, SSE streams open, recoveries and re-sends);
- the state of the fleet, read when Prometheus scrapes (jobs by kind and state, queue
  depth, how long the oldest queued job waits, credits frozen, GPU memory): every server
  and worker reports the same database, so any one scrape target answers for the fleet.

Each :class:`Metrics` has a registry of its own, not prometheus-client's global one: a
process builds one (owned by ``Services``), and tests build many in one process.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from reelforge.store.db import Database
from reelforge.store.models import utcnow
from reelforge.store.repos import CreditLedger, JobRepo

__all__ = ["CONTENT_TYPE", "FleetCollector", "Metrics"]

log = logging.getLogger(__name__)
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
# jobs run from a second (a tiny render) to many minutes (a 720p generation on a small GPU)
_JOB_BUCKETS = (0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1200, 3600)
# the polled routes should answer in milliseconds; uploads and exports take longer
_HTTP_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)


class Metrics:
    """The instruments of one process and the registry they are exposed from."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        registry = self.registry
        self.job_duration = Histogram("reelforge_job_duration_seconds", "Time a worker spent running a job",
                                      ["kind", "outcome"], buckets=_JOB_BUCKETS, registry=registry)
        self.job_wait = Histogram("reelforge_job_wait_seconds", "Time from submission to a worker's claim",
                                  ["kind"], buckets=_JOB_BUCKETS, registry=registry)
        self.job_recoveries = Counter("reelforge_job_recoveries_total",
                                      "Running jobs whose lease expired (their worker died): requeued or failed",
                                      ["outcome"], registry=registry)
        self.job_resends = Counter("reelforge_job_resends_total",
                                   "Queued jobs no worker claimed in time, sent to the workers again",
                                   registry=registry)
        self.http_latency = Histogram("reelforge_http_request_duration_seconds",
                                      "HTTP request latency by route (streams excluded)",
                                      ["method", "route", "status"], buckets=_HTTP_BUCKETS, registry=registry)
        self.sse_open = Gauge("reelforge_sse_streams_open", "Server-sent event streams open now",
                              registry=registry)

    def add(self, collector: Collector) -> None:
        self.registry.register(collector)

    def render(self) -> bytes:
        """The text exposition format, as ``/metrics`` serves it."""
        return generate_latest(self.registry)


class FleetCollector(Collector):
    """Reads the fleet's state at scrape time: the jobs table, the broker's queues, this process' GPU."""

    def __init__(self, db: Database, queue_depths: Callable[[], dict[str, int] | None] | None = None,
                 worker_label: str = "") -> None:
        self.db = db
        self.queue_depths = queue_depths
        self.worker_label = worker_label

    def collect(self) -> Iterator[Metric]:
        jobs = GaugeMetricFamily("reelforge_jobs", "Jobs in the database by kind and state", labels=["kind", "state"])
        waiting = GaugeMetricFamily("reelforge_queue_oldest_wait_seconds",
                                    "Age of the oldest queued job, by kind", labels=["kind"])
        frozen = GaugeMetricFamily("reelforge_credits_frozen", "Credits frozen for queued and running jobs")
        counts: dict[tuple[str, str], int] = {}
        try:
            with self.db.read() as session:
                counts = JobRepo(session).counts()
                oldest = JobRepo(session).oldest_queued()
                frozen_total = CreditLedger(session).frozen_total()
        except Exception:  # a scrape must answer even while the database is away (/ready says so)
            log.exception("metrics: the database could not be read")
        else:
            for (kind, state), count in sorted(counts.items()):
                jobs.add_metric([kind, state], count)
            now = utcnow()
            for kind, created in sorted(oldest.items()):
                waiting.add_metric([kind], max(0.0, (now - created).total_seconds()))
            frozen.add_metric([], frozen_total)
        yield from (jobs, waiting, frozen)
        depth = GaugeMetricFamily("reelforge_queue_depth", "Jobs waiting: messages in each broker queue, or "
                                  "queued rows by kind without a broker", labels=["queue"])
        try:
            depths = self.queue_depths() if self.queue_depths is not None else None
        except Exception:
            log.warning("metrics: the broker could not be read")
            depths = {}
        if depths is None:  # the embedded queue: the jobs table is the queue
            depths = {kind: count for (kind, state), count in counts.items() if state == "queued"} if counts else {}
        for name, count in sorted(depths.items()):
            depth.add_metric([name], count)
        yield depth
        yield from _gpu_memory(self.worker_label)


def _gpu_memory(worker: str) -> Iterator[Metric]:
    """GPU memory this process holds, when it has loaded torch and sees a GPU (never imports torch itself)."""
    torch: Any = sys.modules.get("torch")
    if torch is None or not torch.cuda.is_available():
        return
    family = GaugeMetricFamily("reelforge_gpu_memory_bytes", "GPU memory allocated by this worker's tensors",
                               labels=["worker", "device"])
    for index in range(torch.cuda.device_count()):
        family.add_metric([worker, str(index)], float(torch.cuda.memory_allocated(index)))
    yield family
