"""The Celery queue: the same jobs table as the embedded queue, Celery + Redis only to dispatch.

The database row stays the source of truth (state, progress, attempts, heartbeat,
result). ``submit`` inserts the row exactly as the embedded queue does, then sends
one message carrying the job id. A worker's task claims the row with the same
compare-and-set (``queued`` -> ``running``), so a duplicate delivery is dropped, and
runs the same job function with the embedded queue's progress, cancel and failure
handling (this class *is* an :class:`EmbeddedQueue` without polling threads).

Two recovery paths cover a worker killed mid-job:

- the heartbeat thread of every worker (and of the server) re-queues running jobs
  whose heartbeat stopped -- the embedded queue's ``recover`` -- and sends them again;
- messages are acknowledged late and rejected when a worker is lost, so the broker
  redelivers them too (after Redis' visibility timeout); the claim drops the extra copy.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from reelforge.errors import BackendUnavailable
from reelforge.jobs._submit import insert_job
from reelforge.jobs.base import JobHandler, JobStatus, Prepare
from reelforge.jobs.embedded import EmbeddedQueue
from reelforge.store.db import Database
from reelforge.store.repos import JobRepo

if TYPE_CHECKING:
    from celery import Celery
    from celery.worker import WorkController

__all__ = ["TASK_NAME", "CeleryQueue", "make_celery_app"]

log = logging.getLogger(__name__)
TASK_NAME = "reelforge.run_job"
DEFAULT_QUEUE = "reelforge"


def make_celery_app(redis_url: str, queue_name: str = DEFAULT_QUEUE,
                    visibility_timeout_s: float = 6 * 3600) -> Celery:
    """A Celery app that only carries job ids: no result backend (results live in the jobs table)."""
    try:
        from celery import Celery
    except ImportError as exc:
        raise BackendUnavailable("the celery queue needs the [cluster] extra (celery, redis)") from exc

    app = Celery("reelforge", broker=redis_url, set_as_current=False)
    app.conf.update(
        task_default_queue=queue_name,
        task_ignore_result=True,
        task_acks_late=True,                 # ack after the job ran: a killed worker's message comes back
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,        # a busy worker must not hoard messages other workers could run
        # longer than any job, or Redis hands a running job's message to a second worker (dropped by the claim)
        broker_transport_options={"visibility_timeout": visibility_timeout_s},
        broker_connection_retry_on_startup=True,
        worker_hijack_root_logger=False,
        task_serializer="json",
        accept_content=["json"],
    )
    return app


class CeleryQueue(EmbeddedQueue):
    """A :class:`~reelforge.jobs.base.JobQueue` whose workers are Celery workers on other machines.

    The server and the workers build the same object from the same settings; the server
    submits and polls, a worker process also calls :meth:`worker_controller`.
    """

    def __init__(self, db: Database, handlers: Mapping[str, JobHandler], *, redis_url: str,
                 queue_name: str = DEFAULT_QUEUE, workers: int = 2, heartbeat_s: float = 5.0,
                 stale_s: float = 30.0, max_attempts: int = 3) -> None:
        super().__init__(db, handlers, workers=workers, heartbeat_s=heartbeat_s, stale_s=stale_s,
                         max_attempts=max_attempts)
        self.app = make_celery_app(redis_url, queue_name)
        self.queue_name = queue_name
        self._beat_thread: threading.Thread | None = None

        @self.app.task(name=TASK_NAME, ignore_result=True, shared=False)  # bound to this queue only
        def run_job(job_id: str) -> None:
            self.run_delivered(job_id)

    # -- the JobQueue interface (get, cancel and wait come from the embedded queue) ---------
    def submit(self, kind: str, payload: dict[str, Any], owner_id: str | None = None,
               session_id: str | None = None, idempotency_key: str | None = None,
               prepare: Prepare | None = None) -> str:
        if kind not in self.handlers:
            raise ValueError(f"unknown job kind {kind!r}")
        job_id, created = insert_job(self.db, kind, payload, owner_id, session_id, idempotency_key, prepare)
        if created:
            try:
                self.dispatch(job_id)
            except Exception as exc:  # the broker is down: the job would wait forever, so end it now
                self._fail(job_id, "the job queue is unavailable")
                raise BackendUnavailable("the job queue (redis) is unavailable") from exc
        return job_id

    def start(self) -> None:
        """Re-queue interrupted jobs now, then keep heartbeating and recovering in a thread.

        The server runs this too: with no worker alive, stale jobs still go back to the queue.
        """
        if self._beat_thread is not None:
            return
        self._stopping.clear()
        self.recover()
        self._beat_thread = threading.Thread(target=self._beat, name="reelforge-celery-heartbeat", daemon=True)
        self._beat_thread.start()
        self._threads.append(self._beat_thread)

    def stop(self, timeout: float = 10.0) -> None:
        super().stop(timeout)
        self._beat_thread = None

    # -- dispatch and recovery ------------------------------------------------------------
    def dispatch(self, job_id: str) -> None:
        """Send the job id to the workers; a copy too many is harmless (the claim drops it)."""
        self.app.send_task(TASK_NAME, args=[job_id], queue=self.queue_name)

    def recover(self) -> list[str]:
        """The embedded queue's recovery, then a message for every job it put back in the queue."""
        touched = super().recover()
        for job_id in touched:
            status = self.get(job_id)
            if status is not None and status.state == "queued":
                try:
                    self.dispatch(job_id)
                except Exception:  # the broker is down: the acks-late copy of the first message remains
                    log.exception("could not re-send job %s", job_id)
        return touched

    # -- the worker side --------------------------------------------------------------------
    def run_delivered(self, job_id: str) -> JobStatus | None:
        """Claim and run one delivered job id; returns its final row, or None if another worker had it."""
        with self.db.write() as session:
            jobs = JobRepo(session)
            if not jobs.claim(job_id, self.worker_id):
                return None  # done, cancelled, or running elsewhere: a duplicate delivery
            job = jobs.get(job_id)
            assert job is not None
            status = JobStatus.of(job)
        self._run(status)
        final = self.get(job_id)
        if final is not None and final.state == "queued":  # the worker is shutting down: send it on
            self.dispatch(job_id)
        return final

    def worker_controller(self, *, pool: str = "threads", concurrency: int | None = None,
                          hostname: str | None = None, main_process: bool = False,
                          **options: Any) -> WorkController:
        """A Celery worker for this queue (not started): ``.start()`` blocks, ``.stop()`` ends it.

        ``main_process`` gives Celery's own worker with its signal handlers (SIGTERM: warm
        shutdown), for a worker process; without it the bare controller can run in a thread.
        """
        from celery.worker import WorkController

        self.app.finalize()
        hostname = hostname or f"reelforge-{self.worker_id}@localhost"
        if main_process:
            factory: Any = self.app.Worker
            options.setdefault("quiet", True)  # no banner on stdout
        else:
            from celery.app.trace import setup_worker_optimizations

            # what Celery's own worker does at start: task messages run against *this* app's tasks
            # (process-wide, so one bare controller per process at a time)
            setup_worker_optimizations(self.app, hostname)
            factory = WorkController
        return factory(app=self.app, pool=pool, concurrency=concurrency or self.workers,
                              hostname=hostname,
                              queues=[self.queue_name], without_mingle=True, without_gossip=True,
                              without_heartbeat=True, **options)
