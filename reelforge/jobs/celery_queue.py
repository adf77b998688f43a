"""The Celery queue: the same jobs table as the embedded queue, Celery + Redis only to dispatch.

The database row stays the source of truth (state, progress, attempts, heartbeat,
result). ``submit`` inserts the row exactly as the embedded queue does, then sends
one message carrying the job id. A worker's task claims the row with the same
compare-and-set (``queued`` -> ``running``), so a duplicate delivery is dropped, and
runs the same job function with the embedded queue's progress, cancel and failure
handling (this class *is* an :class:`EmbeddedQueue` without polling threads).

Jobs are routed (:mod:`reelforge.jobs.routing`): generation to the queue of its model,
refused at once when no worker serves that model; renders to the CPU queue.

Three recovery paths, all run by the heartbeat thread of every worker and server:

- running jobs whose heartbeat stopped (their lease expired: the worker was killed)
  go back to the queue -- the embedded queue's ``recover``, attempts counted -- and
  are sent again;
- queued jobs no worker claimed within ``resend_s`` whose message is not in the
  broker (Redis restarted without persistence, or was down at submission) are sent
  again, by exactly one process (a compare-and-set on the row);
- messages are acknowledged late and rejected when a worker is lost, so the broker
  redelivers them too (after Redis' visibility timeout); the claim drops the extra copy.

A draining worker (SIGTERM) stops consuming, hands back what it is delivered, and
finishes its running job or, past the deadline, cancels it back into the queue.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Mapping
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from reelforge.errors import BackendUnavailable
from reelforge.jobs._submit import insert_job
from reelforge.jobs.base import JobHandler, JobStatus, Prepare
from reelforge.jobs.embedded import EmbeddedQueue
from reelforge.jobs.payloads import GeneratePayload
from reelforge.jobs.routing import GPU_KINDS, OWN_QUEUE_KINDS, WorkerRegistry, model_of, queue_for, worker_queues
from reelforge.metrics import Metrics
from reelforge.store.db import Database
from reelforge.store.repos import JobRepo

if TYPE_CHECKING:
    from celery import Celery
    from celery.worker import WorkController

__all__ = ["TASK_NAME", "CeleryQueue", "make_celery_app"]

log = logging.getLogger(__name__)
_JOB_ID = re.compile(rb"job_[0-9a-f]{20}")
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
                 stale_s: float = 30.0, max_attempts: int = 3, resend_s: float = 60.0,
                 default_model: str | None = None, metrics: Metrics | None = None) -> None:
        super().__init__(db, handlers, workers=workers, heartbeat_s=heartbeat_s, stale_s=stale_s,
                         max_attempts=max_attempts, metrics=metrics)
        self.app = make_celery_app(redis_url, queue_name)
        self.queue_name = queue_name
        self.resend_s = resend_s
        self.default_model = default_model
        # a worker's key outlives a few missed heartbeats; the server trusts what it saw for a minute or two
        # leases, long enough for Redis to restart and every worker to announce itself again
        self.registry = WorkerRegistry(redis_url, queue_name, ttl_s=max(3 * heartbeat_s, 2.0),
                                       remember_s=max(2 * stale_s, 60.0))
        self.serving: dict[str, Any] | None = None  # what this process announces, once it consumes
        self._draining = threading.Event()
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
        model = self._model(kind, payload)
        if model is not None:
            self.registry.require(model)  # nobody serves it: say so now, not after waiting forever
        elif kind in OWN_QUEUE_KINDS:
            self.registry.require_kind(kind)  # a queue only some workers read: likewise
        job_id, created = insert_job(self.db, kind, payload, owner_id, session_id, idempotency_key, prepare)
        if created:
            try:
                self.dispatch(job_id, queue_for(self.queue_name, kind, model))
            except Exception:  # the broker is away: the row is kept, and the re-send sweep sends it later
                log.warning("job %s is queued but could not be sent yet (the broker is unreachable)", job_id)
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
        self._unregister()
        super().stop(timeout)
        self._beat_thread = None
        self.registry.close()  # its connections; it reconnects if used again

    def reachable(self) -> bool:
        """Whether the broker answers (``/ready``)."""
        try:
            with self.app.connection_for_write() as connection:
                connection.ensure_connection(max_retries=1, timeout=2)
                return bool(connection.default_channel.client.ping())
        except Exception:
            return False

    def queue_depths(self) -> dict[str, int] | None:
        """Messages waiting in each of this fleet's broker queues (Redis lists named after the queues)."""
        with self.app.connection_for_read() as connection:
            client = connection.default_channel.client
            names = {queue_for(self.queue_name, "render")}
            names.update(queue_for(self.queue_name, "generate", model) for model in self.registry.served_models())
            return {name: int(client.llen(name)) for name in sorted(names)}

    # -- dispatch and recovery ------------------------------------------------------------
    def _model(self, kind: str, payload: dict[str, Any]) -> str | None:
        """The model a job needs a worker to hold; None for the CPU kinds."""
        if kind not in GPU_KINDS:
            return None
        return model_of(GeneratePayload.model_validate(payload).generator, self.default_model)

    def route(self, status: JobStatus) -> str:
        return queue_for(self.queue_name, status.kind, self._model(status.kind, status.payload))

    def dispatch(self, job_id: str, queue: str | None = None) -> None:
        """Send the job id to the workers; a copy too many is harmless (the claim drops it)."""
        if queue is None:
            status = self.get(job_id)
            if status is None:
                raise KeyError(job_id)
            queue = self.route(status)
        self.app.send_task(TASK_NAME, args=[job_id], queue=queue)

    def recover(self) -> list[str]:
        """The embedded queue's recovery, then a message for every job it put back in the queue,
        then the re-send of queued jobs whose message was lost."""
        touched = super().recover()
        for job_id in touched:
            status = self.get(job_id)
            if status is not None and status.state == "queued":
                try:
                    self.dispatch(job_id)
                except Exception:  # the broker is down: the re-send sweep sends it once it is back
                    log.exception("could not re-send job %s", job_id)
        try:
            self.resend_unclaimed()
        except Exception:
            log.exception("re-sending unclaimed jobs failed")
        return touched

    def resend_unclaimed(self) -> list[str]:
        """Send again queued jobs no worker claimed within ``resend_s`` whose message the broker lost.

        A job still waiting in the broker (a backlog) is left alone; of several processes
        sweeping at once, the one whose compare-and-set on the row wins sends it, so each
        loss is repaired by exactly one message. Returns the ids sent.
        """
        window = timedelta(seconds=self.resend_s)
        with self.db.read() as session:
            candidates = [JobStatus.of(job) for job in JobRepo(session).unclaimed(window)]
        if not candidates:
            return []
        in_broker = self._job_ids_in_broker({self.route(job) for job in candidates})
        sent = []
        for job in candidates:
            if job.id in in_broker:
                continue
            with self.db.write() as session:
                if not JobRepo(session).touch_unclaimed(job.id, window):
                    continue  # another process re-sent it, or a worker claimed it meanwhile
            self.dispatch(job.id, self.route(job))
            sent.append(job.id)
        if sent:
            self.metrics.job_resends.inc(len(sent))
            log.warning("re-sent %d queued jobs no worker had claimed: %s", len(sent), ", ".join(sent))
        return sent

    def _job_ids_in_broker(self, queues: set[str]) -> set[str]:
        """Job ids with a message waiting in ``queues`` or delivered but not yet acknowledged."""
        with self.app.connection_for_read() as connection:
            client = connection.default_channel.client
            raw: list[bytes] = []
            for name in queues:
                raw.extend(client.lrange(name, 0, -1))
            raw.extend(client.hvals("unacked"))  # kombu's Redis transport keeps delivered messages here
        return {match.decode() for message in raw for match in _JOB_ID.findall(message)}

    # -- the worker side --------------------------------------------------------------------
    def run_delivered(self, job_id: str) -> JobStatus | None:
        """Claim and run one delivered job id; returns its final row, or None if another worker had it."""
        if self._draining.is_set():  # shutting down: hand the message back for another worker
            status = self.get(job_id)
            if status is not None and status.state == "queued":
                self.dispatch(job_id, self.route(status))
            return None
        with self.db.write() as session:
            jobs = JobRepo(session)
            if not jobs.claim(job_id, self.worker_id):
                return None  # done, cancelled, or running elsewhere: a duplicate delivery
            job = jobs.get(job_id)
            assert job is not None
            status = self._claimed(job)
        self._run(status)
        final = self.get(job_id)
        if final is not None and final.state == "queued":  # the worker is shutting down: send it on
            self.dispatch(job_id)
        return final

    def drain(self, controller: WorkController, deadline_s: float) -> bool:
        """Stop claiming, let the running job finish within ``deadline_s``, else hand it back.

        Returns True when the running jobs finished, False when some were handed back.
        """
        self._draining.set()
        self._unregister()
        stopper = threading.Thread(target=controller.stop, name="reelforge-drain", daemon=True)
        stopper.start()  # a warm stop: stop consuming, wait for the running tasks
        stopper.join(deadline_s)
        finished = not stopper.is_alive()
        if not finished:
            with self._lock:
                running = list(self._running)
            log.warning("drain deadline passed: handing back %s", ", ".join(running) or "nothing")
            super().stop()  # cancels the running jobs: each goes back to the queue and is sent again
            stopper.join(30)
        return finished

    def _on_beat(self) -> None:
        self._announce()

    def _announce(self) -> None:
        if self.serving is None or self._draining.is_set():
            return
        try:
            self.registry.register(self.worker_id, **self.serving)
        except Exception:
            log.warning("could not announce this worker to the registry (redis away?)")

    def _unregister(self) -> None:
        if self.serving is not None:
            try:
                self.registry.unregister(self.worker_id)
            except Exception:
                log.warning("could not remove this worker from the registry")

    def worker_controller(self, *, pool: str = "threads", concurrency: int | None = None,
                          hostname: str | None = None, main_process: bool = False,
                          kinds: list[str] | None = None, models: list[str] | None = None, name: str = "",
                          **options: Any) -> WorkController:
        """A Celery worker for this queue (not started): ``.start()`` blocks, ``.stop()`` ends it.

        It consumes the queues of ``kinds`` (default: every kind) and, for generation, of
        ``models`` (default: the configured model), and announces them to the registry.
        ``main_process`` gives Celery's own worker with its signal handlers (SIGTERM: warm
        shutdown); without it the bare controller can run in a thread.
        """
        from celery.worker import WorkController

        kinds = [kind for kind in (kinds or list(self.handlers)) if kind in self.handlers]
        models = models or [model_of(None, self.default_model)]
        self.serving = {"kinds": kinds, "models": models, "name": name}
        self._announce()
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
                              queues=worker_queues(self.queue_name, kinds, models), without_mingle=True, without_gossip=True,
                              without_heartbeat=True, **options)
