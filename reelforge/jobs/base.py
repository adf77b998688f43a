"""The job queue seam: callers submit, poll, wait and cancel; workers run job functions.

The database row is the source of truth for a job (state, progress, result), so an
embedded queue (threads of the server) and a Celery + Redis queue (workers on GPU
machines, carrying only the job id) are interchangeable behind :class:`JobQueue`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy.orm import Session as DbSession

from reelforge.progress import CancelToken, Progress
from reelforge.store.models import Job, JobState
from reelforge.store.repos.jobs import FINAL_STATES

__all__ = ["JobContext", "JobHandler", "JobQueue", "JobStatus", "Prepare"]

# called inside the submitting transaction with the new job's id (e.g. to freeze credits);
# raising aborts the submission
Prepare = Callable[[DbSession, str], None]


@dataclass(frozen=True)
class JobStatus:
    """A snapshot of a job row."""

    id: str
    kind: str
    state: JobState
    progress: float
    payload: dict[str, Any]
    owner_id: str | None
    session_id: str | None
    attempts: int = 0
    error: str | None = None
    result: dict[str, Any] | None = None

    @property
    def done(self) -> bool:
        return self.state in FINAL_STATES

    @classmethod
    def of(cls, job: Job) -> JobStatus:
        return cls(id=job.id, kind=job.kind, state=job.state, progress=job.progress, payload=dict(job.payload),
                   owner_id=job.owner_id, session_id=job.session_id, attempts=job.attempts, error=job.error,
                   result=dict(job.result) if job.result is not None else None)


@dataclass
class JobContext:
    """What a job function gets: its job, a progress callback and a cancel token."""

    job: JobStatus
    progress: Progress
    cancel: CancelToken


@dataclass(frozen=True)
class JobHandler:
    """A job kind: ``run`` returns the result (JSON); ``on_failure`` undoes side effects
    (releases frozen credits) when the job ends failed or cancelled. Both must be idempotent."""

    run: Callable[[JobContext], dict[str, Any]]
    on_failure: Callable[[JobStatus], None] = field(default=lambda job: None)


class JobQueue(Protocol):
    handlers: Mapping[str, JobHandler]

    def submit(self, kind: str, payload: dict[str, Any], owner_id: str | None = None,
               session_id: str | None = None, idempotency_key: str | None = None,
               prepare: Prepare | None = None) -> str:
        """Queue a job and return its id; an idempotency key already used by the owner returns that job."""
        ...

    def get(self, job_id: str) -> JobStatus | None:
        ...

    def cancel(self, job_id: str) -> None:
        ...

    def wait(self, job_id: str, timeout: float | None = None,
             on_progress: Callable[[JobStatus], None] | None = None) -> JobStatus:
        """Block until the job is done (or ``timeout``), calling ``on_progress`` on changes."""
        ...

    def start(self) -> None:
        ...

    def stop(self) -> None:
        ...

    def reachable(self) -> bool:
        """Whether submissions can reach the workers now (``/ready``)."""
        ...

    def queue_depths(self) -> dict[str, int] | None:
        """Messages waiting in the broker, by queue; None when the queue has no broker."""
        ...
