"""The embedded queue on real SQLite: one claim per job, recovery, failure hooks, idempotent submit."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest

from reelforge.errors import RenderFailed
from reelforge.jobs import EmbeddedQueue, JobContext, JobHandler, JobStatus
from reelforge.store import Database
from reelforge.store.repos import JobRepo


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = Database(f"sqlite:///{tmp_path / 'jobs.db'}")
    database.upgrade()
    return database


def test_two_queues_on_one_database_run_each_job_once(db: Database) -> None:
    runs: list[str] = []
    lock = threading.Lock()

    def run(ctx: JobContext) -> dict[str, Any]:
        with lock:
            runs.append(ctx.job.id)
        return {"n": ctx.job.payload["n"]}

    handlers = {"count": JobHandler(run=run)}
    queues = [EmbeddedQueue(db, handlers, workers=2, poll_s=0.02) for _ in range(2)]
    ids = [queues[0].submit("count", {"n": n}) for n in range(20)]
    for queue in queues:
        queue.start()
    try:
        finals = [queues[1].wait(job_id, timeout=30) for job_id in ids]
    finally:
        for queue in queues:
            queue.stop()
    assert [f.state for f in finals] == ["completed"] * 20 and [f.result for f in finals] == [{"n": n} for n in range(20)]
    assert sorted(runs) == sorted(ids)  # no job ran twice


def test_an_idempotency_key_returns_the_first_job(db: Database) -> None:
    queue = EmbeddedQueue(db, {"noop": JobHandler(run=lambda ctx: {})})
    first = queue.submit("noop", {}, owner_id="u", idempotency_key="k")
    assert queue.submit("noop", {}, owner_id="u", idempotency_key="k") == first
    assert queue.submit("noop", {}, owner_id="v", idempotency_key="k") != first


def test_a_failed_job_calls_on_failure_once(db: Database) -> None:
    failed: list[JobStatus] = []

    def run(ctx: JobContext) -> dict[str, Any]:
        raise RenderFailed("ffmpeg exited 1")

    queue = EmbeddedQueue(db, {"bad": JobHandler(run=run, on_failure=failed.append)}, poll_s=0.02)
    queue.start()
    try:
        final = queue.wait(queue.submit("bad", {}), timeout=10)
    finally:
        queue.stop()
    assert final.state == "failed" and final.error == "ffmpeg exited 1"
    assert [f.id for f in failed] == [final.id]


def test_a_job_whose_heartbeat_stopped_is_requeued_then_failed_after_max_attempts(db: Database) -> None:
    released: list[str] = []
    queue = EmbeddedQueue(db, {"slow": JobHandler(run=lambda ctx: {}, on_failure=lambda j: released.append(j.id))},
                          stale_s=0.1, max_attempts=2)
    job_id = queue.submit("slow", {})
    for attempt in (1, 2):
        with db.write() as session:  # a worker claims it, then dies (no heartbeat)
            assert JobRepo(session).claim(job_id, f"dead-worker-{attempt}")
        time.sleep(0.2)
        assert queue.recover() == [job_id]
        assert queue.get(job_id).state == ("queued" if attempt == 1 else "failed")  # type: ignore[union-attr]
    assert released == [job_id]


def test_cancel_of_a_running_job_stops_it(db: Database) -> None:
    started = threading.Event()

    def run(ctx: JobContext) -> dict[str, Any]:
        started.set()
        while True:
            ctx.cancel.check()
            time.sleep(0.01)

    queue = EmbeddedQueue(db, {"loop": JobHandler(run=run)}, poll_s=0.02)
    queue.start()
    try:
        job_id = queue.submit("loop", {})
        assert started.wait(10)
        queue.cancel(job_id)
        assert queue.wait(job_id, timeout=10).state == "cancelled"
    finally:
        queue.stop()
