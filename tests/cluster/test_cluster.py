"""The whole cluster configuration at once: PostgreSQL, Celery + Redis workers and S3 blobs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import boto3

from reelforge.blobs.s3 import S3BlobStore
from reelforge.jobs.celery_queue import CeleryQueue
from tests._server import TINY, LiveServer
from tests.api.test_workflow import reference_workflow
from tests.cluster.conftest import celery_worker, cluster_overrides


def test_reference_workflow_on_postgres_celery_and_s3(
        server_factory: Callable[..., LiveServer], database_url: str, redis_url: str, s3_endpoint: str,
        s3_bucket: str, small_mp4: Path, tmp_path: Path) -> None:
    server = server_factory(**cluster_overrides(redis_url), database_url=database_url, storage="s3",
                            s3_bucket=s3_bucket, s3_endpoint_url=s3_endpoint)
    services = server.services
    assert services.db.engine.dialect.name == "postgresql"
    assert isinstance(services.queue, CeleryQueue) and isinstance(services.blobs, S3BlobStore)
    # the worker is another "machine": its own data dir, so its blob cache starts empty
    worker_settings = services.settings.model_copy(update={"data_dir": tmp_path / "worker"})
    with celery_worker(worker_settings):
        reference_workflow(server, small_mp4, tmp_path, canvas=TINY)
    listing = boto3.client("s3", endpoint_url=s3_endpoint).list_objects_v2(Bucket=s3_bucket)
    renders = [item["Key"] for item in listing.get("Contents", []) if item["Key"].startswith("reelforge/renders/")]
    assert len(renders) == 1
    # the export was made on the worker and reached the server's download route through S3
    assert (tmp_path / "worker" / "blob-cache" / renders[0].removeprefix("reelforge/")).is_file()
    assert (services.settings.data_dir / "blob-cache" / renders[0].removeprefix("reelforge/")).is_file()
