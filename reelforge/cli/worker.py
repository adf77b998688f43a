"""``reelforge worker``: a Celery worker process running reelforge's job functions.

It builds the same services as ``reelforge serve`` from the same settings (database,
blobs, job kinds), so a worker on a GPU machine needs only the cluster's
``REELFORGE_*`` variables: ``REELFORGE_QUEUE=celery``, the Redis and database URLs
and shared (S3) storage.
"""

from __future__ import annotations

from typing import Literal

from reelforge.errors import InvalidInput
from reelforge.jobs.celery_queue import CeleryQueue
from reelforge.services.context import build_services
from reelforge.settings import Settings

__all__ = ["run_worker"]


def run_worker(settings: Settings, pool: Literal["threads", "solo"] | None = None) -> None:
    """Run a Celery worker in this process until it is told to stop (SIGTERM, Ctrl-C).

    ``pool`` defaults to ``solo`` for one worker (one job at a time, the GPU-safe choice) and to
    ``threads`` with ``settings.workers`` threads otherwise.
    """
    if settings.queue != "celery":
        raise InvalidInput(f"queue: a worker needs REELFORGE_QUEUE=celery (got {settings.queue!r})",
                           field="queue")
    services = build_services(settings)
    queue = services.queue
    assert isinstance(queue, CeleryQueue)
    chosen = pool or ("solo" if settings.workers <= 1 else "threads")
    queue.start()  # heartbeats, cancel requests and the stale-job sweep
    try:
        controller = queue.worker_controller(pool=chosen, concurrency=max(1, settings.workers),
                                             main_process=True)
        controller.start()
    finally:
        queue.stop()
        services.close()


if __name__ == "__main__":  # python -m reelforge.cli.worker: a worker without the command line's parsing
    run_worker(Settings())
