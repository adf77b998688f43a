"""Which broker queue a job goes to, and which models the fleet's workers serve.

Generation goes to a queue per model (``<base>.gen.<model>``), so it reaches only a
worker holding that model warm; a composed song (the music model, a GPU job too) goes to
``<base>.music``, which workers taking ``song`` consume (a GPU worker: ``generate,song``);
every other kind (renders) goes to ``<base>.cpu``, which cheap CPU workers consume. A worker says what it serves in a
Redis key that expires unless its heartbeat renews it; the server reads those keys to
refuse a generation no worker can run (instead of queueing it forever), and remembers
what it saw for a while, so a Redis restart or a rolling worker restart does not turn
requests away.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from collections.abc import Iterable
from typing import Any

from reelforge.errors import BackendUnavailable, ModelUnavailable

__all__ = ["GPU_KINDS", "OWN_QUEUE_KINDS", "WorkerRegistry", "model_of", "queue_for", "worker_queues"]

log = logging.getLogger(__name__)
GPU_KINDS = frozenset({"generate"})  # routed by model; every other kind has one queue of its own or the CPU's
_OWN_QUEUES = {"song": "music"}     # kind -> its queue's suffix: the music model lives on the workers taking it
OWN_QUEUE_KINDS = frozenset(_OWN_QUEUES)   # refused at submission when no worker takes them (as a model nobody serves)
PREVIEW = "preview"


def model_of(generator: str | None, default_model: str | None) -> str:
    """The model a generate job asks for: its generator name, else the configured model, else the preview."""
    if not generator or generator == "diffusers":
        return default_model or PREVIEW
    return generator


def _slug(model: str) -> str:
    # a model id may be a hub id or a path ("Wan-AI/Wan2.1-T2V-1.3B-Diffusers", "/models/wan"): one safe word
    return re.sub(r"[^A-Za-z0-9._-]+", "_", model).strip("_") or PREVIEW


def queue_for(base: str, kind: str, model: str | None = None) -> str:
    if kind in GPU_KINDS:
        return f"{base}.gen.{_slug(model or PREVIEW)}"
    return f"{base}.{_OWN_QUEUES.get(kind, 'cpu')}"


def worker_queues(base: str, kinds: Iterable[str], models: Iterable[str]) -> list[str]:
    """The queues a worker taking ``kinds`` and generating with ``models`` consumes."""
    queues: list[str] = []
    for kind in kinds:
        names = [queue_for(base, kind, model) for model in models] if kind in GPU_KINDS else [queue_for(base, kind)]
        queues.extend(name for name in names if name not in queues)
    return queues


class WorkerRegistry:
    """Live workers and what they serve: one expiring Redis key per worker."""

    def __init__(self, redis_url: str, base: str, *, ttl_s: float, remember_s: float,
                 refresh_s: float = 1.0) -> None:
        import redis

        self._redis = redis.Redis.from_url(redis_url, socket_connect_timeout=2, socket_timeout=2)
        self.prefix = f"reelforge:workers:{base}:"
        self.ttl_s = ttl_s
        self.remember_s = remember_s
        self.refresh_s = refresh_s
        self._seen: dict[str, float] = {}  # model -> when a worker serving it was last seen (monotonic)
        self._kinds_seen: dict[str, float] = {}  # job kind -> when a worker taking it was last seen
        self._read_at = float("-inf")
        self._readable = True
        self._lock = threading.Lock()

    def register(self, worker_id: str, kinds: list[str], models: list[str], name: str = "") -> None:
        """Announce (or renew) a worker; called at its start and on every heartbeat."""
        value = json.dumps({"kinds": kinds, "models": models, "name": name})
        self._redis.set(self.prefix + worker_id, value, px=int(self.ttl_s * 1000))

    def unregister(self, worker_id: str) -> None:
        self._redis.delete(self.prefix + worker_id)

    def workers(self) -> dict[str, dict[str, Any]]:
        keys = list(self._redis.scan_iter(match=self.prefix + "*", count=500))
        values = self._redis.mget(keys) if keys else []
        return {key.decode().removeprefix(self.prefix): json.loads(value)
                for key, value in zip(keys, values) if value is not None}

    def served_models(self, fresh: bool = False) -> list[str]:
        """Models some worker served within ``remember_s`` (Redis read at most every ``refresh_s``)."""
        now = time.monotonic()
        with self._lock:
            if fresh or now - self._read_at >= self.refresh_s:
                try:
                    for info in self.workers().values():
                        for kind in info.get("kinds", []):
                            self._kinds_seen[kind] = now
                        if any(kind in GPU_KINDS for kind in info.get("kinds", [])):
                            for model in info.get("models", []):
                                self._seen[model] = now
                    self._read_at, self._readable = now, True
                except Exception:  # redis away: what was seen recently still counts
                    self._readable = False
                    log.warning("the worker registry is unreadable; using what was seen before")
            return sorted(model for model, seen in self._seen.items() if now - seen <= self.remember_s)

    def require(self, model: str) -> None:
        """Raise :class:`ModelUnavailable` unless some worker serves ``model``."""
        served = self.served_models()
        if model not in served:  # perhaps a worker that just started: ask Redis before refusing
            served = self.served_models(fresh=True)
        if model not in served and not self._readable:
            raise BackendUnavailable(f"the job queue (redis) is unavailable: no worker known to serve {model!r}",
                                     data={"model": model})
        if model not in served:
            serving = ", ".join(served) if served else "none: no generation worker is running"
            raise ModelUnavailable(f"model: no worker serves {model!r} (served: {serving})",
                                   data={"model": model, "served": served})

    def taken_kinds(self, fresh: bool = False) -> list[str]:
        """Job kinds some worker took within ``remember_s`` (read with the models, see ``served_models``)."""
        self.served_models(fresh)
        now = time.monotonic()
        with self._lock:
            return sorted(kind for kind, seen in self._kinds_seen.items() if now - seen <= self.remember_s)

    def require_kind(self, kind: str) -> None:
        """Raise :class:`BackendUnavailable` unless some worker takes ``kind`` jobs (a song: ``<base>.music``)."""
        taken = self.taken_kinds()
        if kind not in taken:
            taken = self.taken_kinds(fresh=True)
        if kind not in taken:
            readable = "" if self._readable else " (the job queue, redis, is unavailable)"
            raise BackendUnavailable(f"no worker takes {kind!r} jobs{readable}: add {kind} to a worker's "
                                     "REELFORGE_WORKER_KINDS", data={"kind": kind, "taken": taken})

    def close(self) -> None:
        self._redis.close()
