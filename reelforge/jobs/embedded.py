"""The embedded queue: worker threads of the server process, coordinated through the database.

Workers claim jobs by compare-and-set (``state='queued'`` -> ``'running'``), so several
server processes on one database never run a job twice. A heartbeat thread stamps the
running jobs; at start-up and periodically after, jobs whose heartbeat stopped (the
process crashed or was killed) go back to the queue, or fail (releasing their credits)
once they used up ``max_attempts``. Job functions are idempotent, so a re-run finishes
the work without a second result or a second charge.
"""

from __future__ import annotations

import logging
import os
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from datetime import timedelta
from typing import Any

from reelforge.errors import Cancelled, ReelforgeError
from reelforge.jobs._submit import insert_job, poll_until_done
from reelforge.jobs.base import JobContext, JobHandler, JobStatus, Prepare
from reelforge.metrics import Metrics
from reelforge.progress import CancelToken
from reelforge.store.db import Database
from reelforge.store.models import Job, utcnow
from reelforge.store.repos import JobRepo

__all__ = ["EmbeddedQueue"]

log = logging.getLogger(__name__)
_PROGRESS_STEP = 0.02      # write progress to the row at most every 2 % ...
_PROGRESS_EVERY_S = 0.5    # ... or every half second


class EmbeddedQueue:
    """A :class:`~reelforge.jobs.base.JobQueue` whose workers are threads of this process."""

    def __init__(self, db: Database, handlers: Mapping[str, JobHandler], *, workers: int = 2,
                 heartbeat_s: float = 5.0, stale_s: float = 30.0, max_attempts: int = 3,
                 poll_s: float = 0.5, metrics: Metrics | None = None) -> None:
        self.db = db
        self.metrics = metrics or Metrics()
        self.handlers = handlers
        self.workers = workers
        self.heartbeat_s = heartbeat_s
        self.stale_s = stale_s
        self.max_attempts = max_attempts
        self.poll_s = poll_s
        self.worker_id = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._threads: list[threading.Thread] = []
        self._running: dict[str, CancelToken] = {}
        self._lock = threading.Lock()

    # -- the JobQueue interface ------------------------------------------------
    def submit(self, kind: str, payload: dict[str, Any], owner_id: str | None = None,
               session_id: str | None = None, idempotency_key: str | None = None,
               prepare: Prepare | None = None) -> str:
        if kind not in self.handlers:
            raise ValueError(f"unknown job kind {kind!r}")
        job_id, created = insert_job(self.db, kind, payload, owner_id, session_id, idempotency_key, prepare)
        if created:
            self._wake.set()
        return job_id

    def get(self, job_id: str) -> JobStatus | None:
        with self.db.read() as session:
            job = JobRepo(session).get(job_id)
            return JobStatus.of(job) if job is not None else None

    def cancel(self, job_id: str) -> None:
        with self.db.write() as session:
            jobs = JobRepo(session)
            jobs.request_cancel(job_id)
            job = jobs.get(job_id)
            cancelled_queued = job is not None and job.state == "queued" and jobs.fail(job_id, "cancelled", "cancelled")
        with self._lock:
            token = self._running.get(job_id)
        if token is not None:
            token.cancel()
        if cancelled_queued:
            self._after_failure(job_id)

    def wait(self, job_id: str, timeout: float | None = None,
             on_progress: Callable[[JobStatus], None] | None = None) -> JobStatus:
        return poll_until_done(self.get, job_id, timeout, on_progress)

    def start(self) -> None:
        """Recover interrupted jobs, then start the workers and the heartbeat."""
        if self._threads:
            return
        self._stopping.clear()
        self.recover()
        for index in range(self.workers):
            thread = threading.Thread(target=self._work, name=f"reelforge-worker-{index}", daemon=True)
            thread.start()
            self._threads.append(thread)
        beat = threading.Thread(target=self._beat, name="reelforge-heartbeat", daemon=True)
        beat.start()
        self._threads.append(beat)

    def stop(self, timeout: float = 10.0) -> None:
        """Ask running jobs to cancel and the threads to end. Cancelled jobs go back to the queue."""
        self._stopping.set()
        self._wake.set()
        with self._lock:
            tokens = list(self._running.values())
        for token in tokens:
            token.cancel()
        for thread in self._threads:
            thread.join(timeout)
        self._threads.clear()

    def reachable(self) -> bool:
        """The queue lives in this process and the database: reachable whenever the database is."""
        return True

    def queue_depths(self) -> dict[str, int] | None:
        """Messages waiting in a broker, by queue; None without a broker (the jobs table is the queue)."""
        return None

    # -- recovery ----------------------------------------------------------------
    def recover(self) -> list[str]:
        """Re-queue running jobs whose heartbeat stopped; fail those out of attempts. Returns their ids."""
        with self.db.write() as session:
            jobs = JobRepo(session)
            stale = jobs.stale(timedelta(seconds=self.stale_s))
            requeued, failed = [], []
            for job in stale:
                if job.attempts >= self.max_attempts:
                    jobs.fail(job.id, f"interrupted {job.attempts} times")
                    failed.append(job.id)
                elif jobs.requeue(job.id):
                    requeued.append(job.id)
        for job_id in failed:
            self._after_failure(job_id)
        self.metrics.job_recoveries.labels("requeued").inc(len(requeued))
        self.metrics.job_recoveries.labels("failed").inc(len(failed))
        if requeued:
            log.info("re-queued interrupted jobs: %s", ", ".join(requeued))
            self._wake.set()
        return requeued + failed

    # -- threads -------------------------------------------------------------------
    def _work(self) -> None:
        while not self._stopping.is_set():
            job = self._claim()
            if job is None:
                self._wake.wait(self.poll_s)
                self._wake.clear()
                continue
            self._run(job)

    def _claim(self) -> JobStatus | None:
        with self.db.read() as session:
            candidates = JobRepo(session).queued_ids(list(self.handlers))
        for job_id in candidates:
            with self.db.write() as session:
                jobs = JobRepo(session)
                if not jobs.claim(job_id, self.worker_id):
                    continue
                job = jobs.get(job_id)
                assert job is not None
                return self._claimed(job)
        return None

    def _claimed(self, job: Job) -> JobStatus:
        """A job this worker just won: its wait since submission goes to the metrics."""
        self.metrics.job_wait.labels(job.kind).observe(max(0.0, (utcnow() - job.created_at).total_seconds()))
        return JobStatus.of(job)

    def _beat(self) -> None:
        next_recovery = time.monotonic() + self.stale_s
        while not self._stopping.wait(self.heartbeat_s):
            self._on_beat()
            with self._lock:
                running = list(self._running)
            try:
                with self.db.write() as session:
                    jobs = JobRepo(session)
                    jobs.heartbeat(running, self.worker_id)
                    for job_id in running:
                        job = jobs.get(job_id)
                        if job is not None and job.cancel_requested:
                            with self._lock:
                                token = self._running.get(job_id)
                            if token is not None:
                                token.cancel()
                if time.monotonic() >= next_recovery:
                    self.recover()
                    next_recovery = time.monotonic() + self.stale_s
            except Exception:  # a busy database must not kill the heartbeat thread
                log.exception("heartbeat failed")

    def _on_beat(self) -> None:
        """Called on every heartbeat, before the stamps (a subclass renews what it announces)."""

    def _run(self, job: JobStatus) -> None:
        token = CancelToken()
        with self._lock:
            self._running[job.id] = token
        handler = self.handlers[job.kind]
        reported = [0.0, time.monotonic()]
        started, outcome = time.monotonic(), "completed"

        def progress(fraction: float) -> None:
            now = time.monotonic()
            if fraction - reported[0] >= _PROGRESS_STEP or now - reported[1] >= _PROGRESS_EVERY_S:
                reported[0], reported[1] = fraction, now
                with self.db.write() as session:
                    JobRepo(session).set_progress(job.id, round(min(1.0, max(0.0, fraction)), 4))

        try:
            result = handler.run(JobContext(job=job, progress=progress, cancel=token))
        except Cancelled as exc:
            if self._stopping.is_set():  # shutting down: another start picks it up again
                outcome = "handed_back"
                with self.db.write() as session:
                    JobRepo(session).requeue(job.id, self.worker_id)
            else:
                outcome = "cancelled"
                self._fail(job.id, str(exc) or "cancelled", "cancelled")
        except ReelforgeError as exc:
            outcome = "failed"
            self._fail(job.id, exc.message)
        except Exception as exc:
            outcome = "failed"
            log.exception("job %s (%s) crashed", job.id, job.kind)
            self._fail(job.id, f"internal error: {type(exc).__name__}")
        else:
            with self.db.write() as session:
                JobRepo(session).finish(job.id, self.worker_id, result)
        finally:
            with self._lock:
                self._running.pop(job.id, None)
            self.metrics.job_duration.labels(job.kind, outcome).observe(time.monotonic() - started)

    def _fail(self, job_id: str, error: str, state: str = "failed") -> None:
        with self.db.write() as session:
            changed = JobRepo(session).fail(job_id, error, state)
        if changed:
            self._after_failure(job_id)

    def _after_failure(self, job_id: str) -> None:
        status = self.get(job_id)
        if status is None:
            return
        try:
            self.handlers[status.kind].on_failure(status)
        except Exception:
            log.exception("on_failure of job %s failed", job_id)
