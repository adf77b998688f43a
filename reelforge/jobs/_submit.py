"""Submission shared by every queue: one transaction inserts the row (and runs ``prepare``)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from sqlalchemy.exc import IntegrityError

from reelforge.jobs.base import JobStatus, Prepare
from reelforge.store.db import Database
from reelforge.store.ids import new_id
from reelforge.store.repos import JobRepo

__all__ = ["insert_job", "poll_until_done"]


def insert_job(db: Database, kind: str, payload: dict[str, Any], owner_id: str | None, session_id: str | None,
               idempotency_key: str | None, prepare: Prepare | None) -> tuple[str, bool]:
    """Insert a queued job; returns (id, created). A reused idempotency key returns the first job."""
    for _ in range(2):
        try:
            with db.write() as session:
                jobs = JobRepo(session)
                if idempotency_key is not None:
                    existing = jobs.by_key(owner_id, idempotency_key)
                    if existing is not None:
                        return existing.id, False
                job_id = new_id("job")
                if prepare is not None:
                    prepare(session, job_id)
                jobs.add(kind, payload, owner_id, session_id, idempotency_key, job_id=job_id)
                return job_id, True
        except IntegrityError:  # a concurrent submit with the same key won: read its job
            continue
    raise RuntimeError("job submission kept conflicting")  # pragma: no cover - needs a racing writer twice


def poll_until_done(get: Callable[[str], JobStatus | None], job_id: str, timeout: float | None,
                    on_progress: Callable[[JobStatus], None] | None, interval: float = 0.1) -> JobStatus:
    """Poll the job row until it is done; the row is the truth for every queue implementation."""
    deadline = None if timeout is None else time.monotonic() + timeout
    last: tuple[str, float] | None = None
    while True:
        status = get(job_id)
        if status is None:
            raise KeyError(job_id)
        if on_progress is not None and (status.state, status.progress) != last:
            last = (status.state, status.progress)
            on_progress(status)
        if status.done or (deadline is not None and time.monotonic() >= deadline):
            return status
        time.sleep(interval)
