"""Everything a service call needs, built once at start-up from the settings and passed down."""

from __future__ import annotations

import math
import os
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from limits import RateLimitItem, parse, storage, strategies

from reelforge.agent import LocalPlanner
from reelforge.audio.ace_step import ComposerPool
from reelforge.blobs import BlobStore, LocalBlobStore
from reelforge.blobs.s3 import s3_blob_store
from reelforge.generate import GeneratorPool
from reelforge.jobs import EmbeddedQueue, JobHandler, JobQueue
from reelforge.jobs.celery_queue import CeleryQueue
from reelforge.jobs.kinds import default_handlers
from reelforge.metrics import FleetCollector, Metrics
from reelforge.services.links import LinkSigner
from reelforge.services.locks import KeyedLocks
from reelforge.settings import Settings
from reelforge.speech import SpeechPool
from reelforge.store import Database

if TYPE_CHECKING:
    import httpx

    from reelforge.services.fetch import Resolver

__all__ = ["RateLimits", "Services", "build_services", "load_secret", "make_blob_store", "make_queue"]


def load_secret(settings: Settings) -> str:
    """The server key: from the settings, else generated once into ``data_dir/secret_key`` (mode 0600)."""
    if settings.secret_key is not None:
        return settings.secret_key.get_secret_value()
    path = settings.data_dir / "secret_key"
    if not path.exists():
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(48))
    return path.read_text().strip()


class _LocalMovingWindows:
    """limits' moving window, kept in this process's memory and expired lazily when a key is used.

    limits' own MemoryStorage expires entries with a ``threading.Timer`` it starts again on a hit
    whenever the last one has fired (10 ms): under steady polling that is a thread start per request,
    waited for on the event loop, and it was the largest part of the polled routes' p99 (bench/api.py).
    Same semantics here, no threads. Shared storages (``redis://``) still go through limits.
    """

    _PRUNE_EVERY = 10_000

    def __init__(self) -> None:
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()
        self._count = 0

    def _window(self, item: RateLimitItem, key: str, now: float) -> deque[float]:
        hits = self._hits.setdefault(key, deque())
        while hits and hits[0] <= now - item.get_expiry():
            hits.popleft()
        return hits

    def test(self, item: RateLimitItem, key: str) -> bool:
        with self._lock:
            return len(self._window(item, key, time.monotonic())) < item.amount

    def retry_after(self, item: RateLimitItem, key: str) -> int:
        now = time.monotonic()
        with self._lock:
            hits = self._window(item, key, now)
            if len(hits) < item.amount:
                return 0
            return max(1, math.ceil(hits[0] + item.get_expiry() - now))  # when the oldest hit leaves

    def hit(self, item: RateLimitItem, key: str) -> bool:
        now = time.monotonic()
        with self._lock:
            hits = self._window(item, key, now)
            if len(hits) >= item.amount:
                return False
            hits.append(now)
            self._count += 1
            if self._count % self._PRUNE_EVERY == 0:  # forget keys whose windows emptied
                self._hits = {name: window for name, window in self._hits.items()
                              if window and window[-1] > now - 86_400 * 7}
            return True


class RateLimits:
    """Named limits: ``hit(name, key)`` is False once over. In process memory by default, or the
    ``limits`` library's shared storage (``REELFORGE_RATE_LIMIT_STORAGE=redis://...``)."""

    def __init__(self, settings: Settings) -> None:
        self._items: dict[str, RateLimitItem] = {
            "token": parse(settings.rate_limit),
            "anon-client": parse(settings.anonymous_token_client_rate),
            "anon-address": parse(settings.anonymous_token_address_rate),
        }
        self._local = _LocalMovingWindows() if settings.rate_limit_storage.startswith("memory://") else None
        self._limiter = None if self._local is not None else strategies.MovingWindowRateLimiter(
            storage.storage_from_string(settings.rate_limit_storage))

    def test(self, name: str, key: str) -> bool:
        if self._local is not None:
            return self._local.test(self._items[name], f"{name}/{key}")
        assert self._limiter is not None
        return bool(self._limiter.test(self._items[name], key))

    def hit(self, name: str, key: str) -> bool:
        if self._local is not None:
            return self._local.hit(self._items[name], f"{name}/{key}")
        assert self._limiter is not None
        return bool(self._limiter.hit(self._items[name], key))

    def retry_after(self, name: str, key: str) -> int:
        """Whole seconds until ``key`` may be counted against ``name`` again: the real wait for Retry-After
        (a moving window frees a slot when its oldest hit leaves it, days later for "10 per 7 day")."""
        if self._local is not None:
            return self._local.retry_after(self._items[name], f"{name}/{key}")
        assert self._limiter is not None
        reset_at, remaining = self._limiter.get_window_stats(self._items[name], key)
        return 0 if remaining > 0 else max(1, math.ceil(reset_at - time.time()))


@dataclass
class Services:
    settings: Settings
    db: Database
    blobs: BlobStore
    queue: JobQueue
    links: LinkSigner
    limits: RateLimits
    secret: str
    # the warm generators (a loaded model) of this server or command: unloaded by close()
    generators: GeneratorPool
    metrics: Metrics = field(default_factory=Metrics)
    # outbound URL fetching (uploads by URL): injectable so tests can vet real resolution logic
    fetch_transport: httpx.AsyncBaseTransport | None = None
    resolver: Resolver | None = None
    _http: httpx.AsyncClient | None = field(default=None, repr=False)
    # the in-process LLM planner (Settings.local_llm_path), its model loaded on first use
    planner: LocalPlanner | None = None
    # token hash -> (principal, token expiry, monotonic time cached); see Settings.auth_cache_s
    token_cache: dict[str, tuple[Any, datetime | None, float]] = field(default_factory=dict, repr=False)
    # one maker per blob key at a time (previews, thumbnails), forgotten once made
    blob_locks: KeyedLocks = field(default_factory=KeyedLocks, repr=False)
    # the warm music model (REELFORGE_MUSIC_MODEL), made on the first song asked for
    composers: ComposerPool = field(default_factory=ComposerPool, repr=False)
    # the warm speech models (Kokoro voices, Whisper recognisers), each loaded on first use
    speech: SpeechPool = field(default_factory=SpeechPool, repr=False)

    @property
    def public_url(self) -> str:
        return self.links.public_url

    def http_client(self) -> httpx.AsyncClient:
        """The one outbound HTTP client of this process (made on first use, in the event loop)."""
        if self._http is None:
            import httpx

            self._http = httpx.AsyncClient(transport=self.fetch_transport, follow_redirects=False)
        return self._http

    def close(self) -> None:
        """Unload the warm models and close the database's pooled connections (stop the queue first)."""
        self.generators.close()
        self.composers.close()
        self.speech.close()
        self.db.dispose()

    async def aclose(self) -> None:
        """:meth:`close`, and the outbound HTTP client too (it lives on the event loop)."""
        if self._http is not None:
            await self._http.aclose()
            self._http = None
        self.close()


def make_blob_store(settings: Settings) -> BlobStore:
    """``storage=local``: a folder in data_dir; ``storage=s3``: a bucket (boto3), cached in data_dir."""
    if settings.storage == "s3":
        return s3_blob_store(settings)
    return LocalBlobStore(Path(settings.data_dir) / "blobs")


def make_queue(settings: Settings, db: Database, handlers: dict[str, JobHandler],
               metrics: Metrics | None = None) -> JobQueue:
    """``queue=embedded``: worker threads of this process; ``queue=celery``: Celery workers over Redis."""
    options: dict[str, Any] = {"workers": settings.workers, "heartbeat_s": settings.job_heartbeat_s,
                               "stale_s": settings.job_stale_s, "max_attempts": settings.job_max_attempts,
                               "metrics": metrics}
    if settings.queue == "celery":
        return CeleryQueue(db, handlers, redis_url=settings.redis_url, queue_name=settings.celery_queue_name,
                           resend_s=settings.job_resend_s, default_model=settings.model, **options)
    return EmbeddedQueue(db, handlers, **options)


def build_services(settings: Settings, *, fetch_transport: httpx.AsyncBaseTransport | None = None,
                   resolver: Resolver | None = None,
                   handlers_factory: Callable[[Database, BlobStore, GeneratorPool, ComposerPool, Settings],
                                              dict[str, JobHandler]] | None = None,
                   ) -> Services:
    """Open the database (migrated to head), the blob store, the generator pool and the job queue (not yet
    started). The caller closes them: :meth:`Services.close` (or ``aclose``)."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    db = Database(settings.effective_database_url)
    db.upgrade()
    blobs = make_blob_store(settings)
    secret = load_secret(settings)
    public_url = settings.public_url or f"http://{settings.host}:{settings.port}"
    generators = GeneratorPool(settings)
    composers = ComposerPool()
    handlers = (handlers_factory or default_handlers)(db, blobs, generators, composers, settings)
    metrics = Metrics()
    queue = make_queue(settings, db, handlers, metrics)
    metrics.add(FleetCollector(db, queue.queue_depths, worker_label=settings.worker_name or ""))
    services = Services(settings=settings, db=db, blobs=blobs, queue=queue,
                        links=LinkSigner(secret, settings.signed_url_ttl_s, public_url),
                        limits=RateLimits(settings), secret=secret, generators=generators, composers=composers,
                        metrics=metrics,
                        fetch_transport=fetch_transport, resolver=resolver)
    if settings.local_llm_path is not None:
        services.planner = LocalPlanner(settings.local_llm_path, settings.llm_local_timeout_s)
    return services
