"""Background jobs: the queue seam, the embedded queue, and the job functions (render, generate)."""

from reelforge.jobs.base import JobContext, JobHandler, JobQueue, JobStatus, Prepare
from reelforge.jobs.embedded import EmbeddedQueue

__all__ = ["EmbeddedQueue", "JobContext", "JobHandler", "JobQueue", "JobStatus", "Prepare"]
