"""Job rows: submission, the compare-and-set claim, heartbeats and recovery.

A worker claims a job with ``UPDATE jobs SET state='running' ... WHERE id=? AND
state='queued'``: on every backend exactly one claimant sees one row changed.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.orm import Session as DbSession

from reelforge.store.ids import new_id
from reelforge.store.models import Job, JobState, utcnow

__all__ = ["FINAL_STATES", "JobRepo"]

FINAL_STATES: frozenset[JobState] = frozenset({"completed", "failed", "cancelled"})


class JobRepo:
    def __init__(self, db: DbSession) -> None:
        self.db = db

    def add(self, kind: str, payload: dict[str, Any], owner_id: str | None, session_id: str | None,
            idempotency_key: str | None, job_id: str | None = None) -> Job:
        job = Job(id=job_id or new_id("job"), kind=kind, state="queued", progress=0.0, attempts=0,
                  payload=payload, owner_id=owner_id, session_id=session_id,
                  idempotency_key=idempotency_key, cancel_requested=0)
        self.db.add(job)
        self.db.flush()
        return job

    def get(self, job_id: str) -> Job | None:
        return self.db.get(Job, job_id)

    def by_key(self, owner_id: str | None, idempotency_key: str) -> Job | None:
        return self.db.scalar(select(Job).where(Job.owner_id == owner_id, Job.idempotency_key == idempotency_key))

    def page_by_key_prefix(self, owner_id: str, key_prefix: str, after: Job | None, limit: int,
                           descending: bool) -> list[Job]:
        """The owner's jobs whose idempotency key starts with ``key_prefix``, by creation time then id,
        starting after the job ``after`` (a cursor), at most ``limit``."""
        query = select(Job).where(Job.owner_id == owner_id, Job.idempotency_key.like(key_prefix + "%"))
        if after is not None:
            if descending:
                query = query.where(or_(Job.created_at < after.created_at,
                                        and_(Job.created_at == after.created_at, Job.id < after.id)))
            else:
                query = query.where(or_(Job.created_at > after.created_at,
                                        and_(Job.created_at == after.created_at, Job.id > after.id)))
        keys = (Job.created_at.desc(), Job.id.desc()) if descending else (Job.created_at, Job.id)
        return list(self.db.scalars(query.order_by(*keys).limit(limit)))

    def delete(self, job: Job) -> None:
        self.db.delete(job)
        self.db.flush()

    def queued_ids(self, kinds: list[str], limit: int = 10) -> list[str]:
        return list(self.db.scalars(select(Job.id).where(Job.state == "queued", Job.kind.in_(kinds))
                                    .order_by(Job.created_at, Job.id).limit(limit)))

    def claim(self, job_id: str, worker: str) -> bool:
        """Compare-and-set queued -> running; True for the one worker that won."""
        now = utcnow()
        result = self.db.execute(
            update(Job).where(Job.id == job_id, Job.state == "queued")
            .values(state="running", worker=worker, heartbeat_at=now, updated_at=now,
                    attempts=Job.attempts + 1))
        return result.rowcount == 1  # type: ignore[attr-defined]

    def heartbeat(self, job_ids: list[str], worker: str) -> None:
        if job_ids:
            self.db.execute(update(Job).where(Job.id.in_(job_ids), Job.worker == worker, Job.state == "running")
                            .values(heartbeat_at=utcnow()))

    def set_progress(self, job_id: str, fraction: float) -> None:
        self.db.execute(update(Job).where(Job.id == job_id, Job.state == "running")
                        .values(progress=fraction, updated_at=utcnow()))

    def finish(self, job_id: str, worker: str, result: dict[str, Any]) -> bool:
        """running -> completed for the worker that holds the job; False if it lost it."""
        outcome = self.db.execute(
            update(Job).where(Job.id == job_id, Job.state == "running", Job.worker == worker)
            .values(state="completed", progress=1.0, result=result, error=None, updated_at=utcnow()))
        return outcome.rowcount == 1  # type: ignore[attr-defined]

    def fail(self, job_id: str, error: str, state: str = "failed") -> bool:
        outcome = self.db.execute(
            update(Job).where(Job.id == job_id, Job.state.in_(["queued", "running"]))
            .values(state=state, error=error, updated_at=utcnow()))
        return outcome.rowcount == 1  # type: ignore[attr-defined]

    def requeue(self, job_id: str, worker: str | None = None) -> bool:
        query = update(Job).where(Job.id == job_id, Job.state == "running")
        if worker is not None:
            query = query.where(Job.worker == worker)
        outcome = self.db.execute(query.values(state="queued", worker=None, updated_at=utcnow()))
        return outcome.rowcount == 1  # type: ignore[attr-defined]

    def request_cancel(self, job_id: str) -> None:
        self.db.execute(update(Job).where(Job.id == job_id).values(cancel_requested=1))

    def counts(self) -> dict[tuple[str, str], int]:
        """How many jobs of each (kind, state) the table holds: what the metrics report."""
        rows = self.db.execute(select(Job.kind, Job.state, func.count()).group_by(Job.kind, Job.state))
        return {(kind, state): int(count) for kind, state, count in rows}

    def oldest_queued(self) -> dict[str, datetime]:
        """The submission time of the oldest queued job of each kind (how long the queue makes users wait)."""
        rows = self.db.execute(select(Job.kind, func.min(Job.created_at)).where(Job.state == "queued")
                               .group_by(Job.kind))
        return {kind: created for kind, created in rows if created is not None}

    def unclaimed(self, older_than: timedelta, now: datetime | None = None) -> list[Job]:
        """Queued jobs untouched this long: their message may be lost (a broker restarted without persistence)."""
        cutoff = (now or utcnow()) - older_than
        return list(self.db.scalars(select(Job).where(Job.state == "queued", Job.updated_at < cutoff)
                                    .order_by(Job.created_at)))

    def touch_unclaimed(self, job_id: str, older_than: timedelta) -> bool:
        """Compare-and-set on ``updated_at``: of several processes re-sending a job, exactly one wins."""
        now = utcnow()
        outcome = self.db.execute(update(Job).where(Job.id == job_id, Job.state == "queued",
                                                    Job.updated_at < now - older_than).values(updated_at=now))
        return outcome.rowcount == 1  # type: ignore[attr-defined]

    def stale(self, older_than: timedelta, now: datetime | None = None) -> list[Job]:
        """Running jobs whose heartbeat stopped: their worker died (crash, kill -9)."""
        cutoff = (now or utcnow()) - older_than
        return list(self.db.scalars(select(Job).where(Job.state == "running", Job.heartbeat_at < cutoff)))
