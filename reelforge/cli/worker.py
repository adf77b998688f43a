"""``reelforge worker``: a Celery worker process running reelforge's job functions.

It builds the same services as ``reelforge serve`` from the same settings (database,
blobs, job kinds), so a worker on a GPU machine needs only the cluster's
``REELFORGE_*`` variables: ``REELFORGE_QUEUE=celery``, the Redis and database URLs
and shared (S3) storage. ``REELFORGE_WORKER_KINDS`` and ``REELFORGE_WORKER_MODELS``
say what it takes (a CPU worker: ``render``; a GPU worker: ``generate`` with its model).

SIGTERM drains it: it stops claiming, finishes the running job within
``REELFORGE_DRAIN_S`` (or hands it back to the queue), and exits 0.
"""

from __future__ import annotations

import logging
import signal
import threading
from types import FrameType
from typing import Literal

from reelforge.errors import InvalidInput
from reelforge.jobs.celery_queue import CeleryQueue
from reelforge.metrics import Metrics
from reelforge.services.context import build_services
from reelforge.settings import Settings

__all__ = ["run_worker", "serve_metrics"]

log = logging.getLogger(__name__)


def serve_metrics(settings: Settings, metrics: Metrics) -> object | None:
    """Expose ``metrics`` on ``settings.metrics_port`` (0: not at all); returns the server, to shut down."""
    if not settings.metrics_port:
        return None
    from prometheus_client import start_http_server

    try:
        server, _thread = start_http_server(settings.metrics_port, addr=settings.host, registry=metrics.registry)
    except OSError as exc:  # the port is taken: the worker still works, unobserved
        log.error("metrics: cannot listen on %s:%d (%s)", settings.host, settings.metrics_port, exc)
        return None
    return server


def run_worker(settings: Settings, pool: Literal["threads", "solo"] = "threads") -> None:
    """Run a Celery worker in this process until SIGTERM or SIGINT, then drain and return.

    ``settings.workers`` jobs run at once (1, the GPU-safe choice, for a generation worker).
    """
    if settings.queue != "celery":
        raise InvalidInput(f"queue: a worker needs REELFORGE_QUEUE=celery (got {settings.queue!r})",
                           field="queue")
    services = build_services(settings)
    queue = services.queue
    assert isinstance(queue, CeleryQueue)
    exporter = serve_metrics(settings, services.metrics)
    stop = threading.Event()

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        log.info("worker: %s received, draining", signal.Signals(signum).name)
        stop.set()

    previous = {signum: signal.signal(signum, on_signal) for signum in (signal.SIGTERM, signal.SIGINT)}
    queue.start()  # heartbeats, cancel requests, the stale-job sweep and the re-send of lost messages
    try:
        controller = queue.worker_controller(pool=pool, concurrency=max(1, settings.workers),
                                             kinds=settings.worker_kinds or None,
                                             models=settings.worker_models or None,
                                             name=settings.worker_name or "")
        consuming = threading.Thread(target=controller.start, name="reelforge-consumer", daemon=True)
        consuming.start()
        while not stop.wait(0.5):
            if not consuming.is_alive():  # Celery gave up (e.g. a broker that never came back)
                raise RuntimeError("the Celery consumer stopped")
        queue.drain(controller, settings.drain_s)
        consuming.join(30)
    finally:
        queue.stop()
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if exporter is not None:
            exporter.shutdown()  # type: ignore[attr-defined]
        services.close()


if __name__ == "__main__":  # python -m reelforge.cli.worker: a worker without the command line's parsing
    logging.basicConfig(level=logging.INFO)
    run_worker(Settings())
