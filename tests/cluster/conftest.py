"""Servers for the cluster configuration: PostgreSQL, Redis and an S3 endpoint (moto's server).

PostgreSQL and Redis come from the environment (``REELFORGE_TEST_DATABASE_URL``, an
existing database whose role may create databases; ``REELFORGE_TEST_REDIS_URL``); a
test that needs one skips with the reason when it is unset or unreachable. The S3
endpoint is moto's HTTP server, started on loopback in this process.
"""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from reelforge.jobs.celery_queue import CeleryQueue
from reelforge.services.context import Services, build_services
from reelforge.settings import Settings
from tests._server import free_port


@pytest.fixture(scope="session")
def redis_url() -> str:
    url = os.environ.get("REELFORGE_TEST_REDIS_URL")
    if not url:
        pytest.skip("REELFORGE_TEST_REDIS_URL is not set (a redis server for the celery queue)")
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        pytest.skip(f"redis at {url} is unreachable: {exc}")
    return url


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    """A PostgreSQL database made for this test run (dropped at the end)."""
    base = os.environ.get("REELFORGE_TEST_DATABASE_URL")
    if not base:
        pytest.skip("REELFORGE_TEST_DATABASE_URL is not set (a PostgreSQL database to create test databases from)")
    import psycopg
    from sqlalchemy.engine import make_url

    admin = make_url(base).set(drivername="postgresql")
    name = f"reelforge_test_{uuid.uuid4().hex[:10]}"
    try:
        with psycopg.connect(admin.render_as_string(hide_password=False), autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error as exc:
        pytest.skip(f"PostgreSQL at {admin.render_as_string()} is unusable: {exc}")
    yield make_url(base).set(drivername="postgresql+psycopg", database=name).render_as_string(hide_password=False)
    with psycopg.connect(admin.render_as_string(hide_password=False), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    """moto's S3 server over HTTP on loopback: a real endpoint for boto3."""
    server_module = pytest.importorskip("moto.server", reason="moto[server] is not installed (the S3 endpoint)")
    port = free_port()
    server = server_module.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3_bucket(s3_endpoint: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """A fresh bucket; boto3 takes the (fake) credentials and region from the usual variables."""
    import boto3

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    name = f"reelforge-{uuid.uuid4().hex[:12]}"
    boto3.client("s3", endpoint_url=s3_endpoint).create_bucket(Bucket=name)
    return name


@contextmanager
def celery_worker(settings: Settings) -> Iterator[Services]:
    """A Celery worker for ``settings`` in a thread of this process (one at a time: Celery's trace is global)."""
    services = build_services(settings)
    queue = services.queue
    assert isinstance(queue, CeleryQueue)
    queue.start()
    controller = queue.worker_controller(pool="threads", concurrency=1, kinds=settings.worker_kinds or None,
                                         models=settings.worker_models or None)
    thread = threading.Thread(target=controller.start, name="celery-worker", daemon=True)
    thread.start()
    try:
        yield services
    finally:
        controller.stop()
        thread.join(15)
        queue.stop()
        services.close()


def cluster_overrides(redis_url: str, **extra: Any) -> dict[str, Any]:
    """Settings of a celery-queue server on a queue name of its own (tests share one redis)."""
    return {"queue": "celery", "redis_url": redis_url, "celery_queue_name": f"test-{uuid.uuid4().hex[:8]}",
            "metrics_port": 0,
            **extra}
