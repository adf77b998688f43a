"""Blobs in an S3-compatible bucket (AWS S3, MinIO, Ceph...), with a local read cache for ffmpeg.

ffmpeg, the probe and the download route need files, so ``local_path`` downloads an
object once into ``cache_dir`` (atomically: a temporary file renamed into place) and
hands back that path; objects are immutable, so a cached copy never goes stale.
``put_file`` uploads a finished file and then moves it into the cache, so the machine
that made a render or received an upload reads it back without a download.

With ``cache_max_bytes`` set (``REELFORGE_S3_CACHE_MAX_MB``), least recently used copies
are evicted after each add to keep the cache near that size; an evicted object is simply
downloaded again on its next use. See :mod:`reelforge.blobs._cache_trim` for the policy,
its cost and the grace window that keeps handed-out paths alive.

Credentials and the region come from boto3's usual chain (``AWS_ACCESS_KEY_ID``,
``AWS_SECRET_ACCESS_KEY``, ``AWS_DEFAULT_REGION``, instance roles); the bucket, the
endpoint and the key prefix from reelforge's settings.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from reelforge.blobs._cache_trim import CacheTrimmer
from reelforge.errors import BackendUnavailable

if TYPE_CHECKING:
    from reelforge.settings import Settings

__all__ = ["S3BlobStore", "s3_blob_store"]

PART_BYTES = 8 * 1024 * 1024      # S3 parts are at least 5 MiB (all but the last)


class S3BlobStore:
    """A :class:`~reelforge.blobs.base.BlobStore` over ``s3://bucket/prefix``; ``client`` is a boto3 S3 client.

    ``cache_max_bytes`` bounds the local read cache (None: unbounded); files used within
    ``cache_grace_s`` are never evicted (0 only in tests), and the cache folder is rescanned
    after an add at least every ``cache_rescan_s`` to see what other processes added.
    """

    def __init__(self, client: Any, bucket: str, prefix: str, cache_dir: Path,
                 part_bytes: int = PART_BYTES, *, cache_max_bytes: int | None = None,
                 cache_grace_s: float = 300.0, cache_rescan_s: float = 60.0) -> None:
        self.client = client
        self.bucket = bucket
        self.prefix = prefix if not prefix or prefix.endswith("/") else prefix + "/"
        self.cache_dir = cache_dir.resolve()
        self.part_bytes = max(part_bytes, 5 * 1024 * 1024)
        self._tmp = self.cache_dir / ".tmp"
        self._tmp.mkdir(parents=True, exist_ok=True)
        self.cache: CacheTrimmer | None = None
        if cache_max_bytes:
            self.cache = CacheTrimmer(self.cache_dir, cache_max_bytes, grace_s=cache_grace_s,
                                      rescan_s=cache_rescan_s, skip=(self._tmp.name,))

    # -- keys ----------------------------------------------------------------------------
    def _object_key(self, key: str) -> str:
        if not key or key.startswith((".", "/")) or ".." in key.split("/"):
            raise ValueError(f"bad blob key {key!r}")
        return self.prefix + key

    def _cached(self, key: str) -> Path:
        self._object_key(key)  # the same key rules as the bucket
        return self.cache_dir / key

    def _place(self, source: Path, target: Path) -> None:
        """Rename ``source`` to ``target`` in the cache, then count it against the bound."""
        for attempt in (1, 2):
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.replace(source, target)
                break
            except FileNotFoundError:  # a trimmer pruned the empty folder between mkdir and rename
                if attempt == 2 or not source.exists():
                    raise
        if self.cache is not None:
            self.cache.added(target)

    def _hit(self, target: Path) -> bool:
        """Whether ``target`` is cached; a hit counts as a use for the eviction order."""
        if self.cache is None:
            return target.is_file()
        return self.cache.touch(target)

    # -- writing -------------------------------------------------------------------------
    def put_stream(self, key: str, chunks: Iterable[bytes]) -> int:
        """Upload the chunks: one PUT when small, else a multipart upload of ``part_bytes`` parts."""
        name = self._object_key(key)
        if self.exists(key):
            raise FileExistsError(key)
        buffer, size, upload_id = bytearray(), 0, None
        parts: list[dict[str, Any]] = []
        try:
            for chunk in chunks:
                buffer += chunk
                size += len(chunk)
                while len(buffer) >= self.part_bytes:
                    if upload_id is None:
                        upload_id = self._call("create_multipart_upload", Bucket=self.bucket, Key=name)["UploadId"]
                    parts.append(self._upload_part(name, upload_id, len(parts) + 1, bytes(buffer[:self.part_bytes])))
                    del buffer[:self.part_bytes]
            if upload_id is None:
                self._call("put_object", Bucket=self.bucket, Key=name, Body=bytes(buffer))
                return size
            if buffer:
                parts.append(self._upload_part(name, upload_id, len(parts) + 1, bytes(buffer)))
            self._call("complete_multipart_upload", Bucket=self.bucket, Key=name, UploadId=upload_id,
                       MultipartUpload={"Parts": parts})
            upload_id = None
        finally:
            if upload_id is not None:  # failed half-way: don't leave paid-for parts behind
                self.client.abort_multipart_upload(Bucket=self.bucket, Key=name, UploadId=upload_id)
        return size

    def _upload_part(self, name: str, upload_id: str, number: int, data: bytes) -> dict[str, Any]:
        answer = self._call("upload_part", Bucket=self.bucket, Key=name, UploadId=upload_id,
                            PartNumber=number, Body=data)
        return {"PartNumber": number, "ETag": answer["ETag"]}

    def put_file(self, key: str, path: Path) -> int:
        """Upload ``path`` (boto3's managed transfer: multipart for large files), then cache it here."""
        name = self._object_key(key)
        if self.exists(key):
            raise FileExistsError(key)
        size = path.stat().st_size
        self._call("upload_file", str(path), self.bucket, name)
        try:
            self._place(path, self._cached(key))
        except OSError:  # another filesystem: the upload is done, the cache fills on first read
            path.unlink(missing_ok=True)
        return size

    # -- reading -------------------------------------------------------------------------
    def local_path(self, key: str) -> Path | None:
        """The cached copy of ``key``, downloaded on first use; None when there is no such object."""
        target = self._cached(key)
        if self._hit(target):
            return target
        from botocore.exceptions import BotoCoreError, ClientError

        fd, tmp_name = tempfile.mkstemp(dir=self._tmp)
        os.close(fd)
        try:
            self.client.download_file(self.bucket, self._object_key(key), tmp_name)
            self._place(Path(tmp_name), target)
        except ClientError as exc:
            if _status(exc) == 404:
                return None
            raise BackendUnavailable(f"blob storage: {exc}") from exc
        except BotoCoreError as exc:
            raise BackendUnavailable(f"blob storage: {exc}") from exc
        finally:
            Path(tmp_name).unlink(missing_ok=True)
        return target

    def open(self, key: str) -> BinaryIO:
        path = self.local_path(key)
        if path is None:
            raise FileNotFoundError(key)
        return path.open("rb")

    def exists(self, key: str) -> bool:
        return self._head(key) is not None

    def size(self, key: str) -> int:
        head = self._head(key)
        if head is None:
            raise FileNotFoundError(key)
        return int(head["ContentLength"])

    def delete(self, key: str) -> None:
        self._call("delete_object", Bucket=self.bucket, Key=self._object_key(key))
        self._cached(key).unlink(missing_ok=True)

    def scratch(self) -> Path:
        return self._tmp

    # -- boto3 at the boundary -------------------------------------------------------------
    def _head(self, key: str) -> dict[str, Any] | None:
        from botocore.exceptions import ClientError

        try:
            head: dict[str, Any] = self.client.head_object(Bucket=self.bucket, Key=self._object_key(key))
        except ClientError as exc:
            if _status(exc) == 404:
                return None
            raise BackendUnavailable(f"blob storage: {exc}") from exc
        return head

    def _call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        """A boto3 call whose failures (an S3 error, an unreachable endpoint) become one reelforge error."""
        from boto3.exceptions import S3UploadFailedError
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            return getattr(self.client, method)(*args, **kwargs)
        except (ClientError, BotoCoreError, S3UploadFailedError) as exc:
            raise BackendUnavailable(f"blob storage: {exc}") from exc


def _status(exc: Any) -> int | None:
    code = exc.response.get("Error", {}).get("Code")
    if code in ("404", "NoSuchKey", "NotFound"):
        return 404
    status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
    return int(status) if status is not None else None


def s3_blob_store(settings: Settings) -> S3BlobStore:
    """The store ``REELFORGE_STORAGE=s3`` selects: ``s3_bucket`` under ``s3_prefix``, cache in data_dir.

    The cache is bounded by ``s3_cache_max_mb`` (0: unbounded).
    """
    if not settings.s3_bucket:
        raise BackendUnavailable("storage=s3 needs REELFORGE_S3_BUCKET")
    try:
        import boto3
        from botocore.config import Config
    except ImportError as exc:
        raise BackendUnavailable("storage=s3 needs the [cluster] extra (boto3)") from exc
    # path-style addressing when an endpoint is given: MinIO and most S3-compatible servers want it
    config = Config(s3={"addressing_style": "path"} if settings.s3_endpoint_url else {},
                    retries={"max_attempts": 5, "mode": "standard"})
    client = boto3.client("s3", endpoint_url=settings.s3_endpoint_url, config=config)
    return S3BlobStore(client, settings.s3_bucket, settings.s3_prefix, settings.data_dir / "blob-cache",
                       cache_max_bytes=settings.s3_cache_max_mb * 1024 * 1024 or None)
