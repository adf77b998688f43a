"""Readiness: whether this process can serve requests now (its database, job queue and storage answer)."""

from __future__ import annotations

import logging

from reelforge.services.context import Services

__all__ = ["readiness"]

log = logging.getLogger(__name__)
_PROBE_KEY = "health/ready-probe"  # never written: asking whether it exists is a round trip to the store


def readiness(svc: Services) -> dict[str, bool]:
    """Each dependency and whether it answered; the process is ready when all did."""
    try:
        svc.blobs.exists(_PROBE_KEY)
        storage = True
    except Exception as exc:
        log.warning("storage is unreachable: %s", exc)
        storage = False
    return {"database": svc.db.ping(), "queue": svc.queue.reachable(), "storage": storage}
