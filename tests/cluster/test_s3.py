"""S3 blobs against a real HTTP S3 endpoint (moto's server on loopback)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import boto3
import pytest

from reelforge.blobs.s3 import S3BlobStore, s3_blob_store
from reelforge.errors import BackendUnavailable
from reelforge.settings import Settings
from tests._server import TINY, LiveServer
from tests.api.test_workflow import reference_workflow

MIB = 1024 * 1024


def store(endpoint: str, bucket: str, cache: Path, prefix: str = "rf/") -> S3BlobStore:
    return S3BlobStore(boto3.client("s3", endpoint_url=endpoint), bucket, prefix, cache)


def keys_in(endpoint: str, bucket: str) -> set[str]:
    listing = boto3.client("s3", endpoint_url=endpoint).list_objects_v2(Bucket=bucket)
    return {item["Key"] for item in listing.get("Contents", [])}


def test_a_large_stream_is_uploaded_in_parts_under_the_prefix(s3_endpoint: str, s3_bucket: str,
                                                              tmp_path: Path) -> None:
    blobs = store(s3_endpoint, s3_bucket, tmp_path / "cache")
    data = os.urandom(11 * MIB + 123)
    chunks = [data[i:i + MIB] for i in range(0, len(data), MIB)]
    assert blobs.put_stream("media/big.bin", chunks) == len(data)
    assert keys_in(s3_endpoint, s3_bucket) == {"rf/media/big.bin"}
    head = blobs.client.head_object(Bucket=s3_bucket, Key="rf/media/big.bin")
    assert head["ETag"].strip('"').endswith("-2")  # a multipart object: two 8 MiB-or-less parts
    assert blobs.exists("media/big.bin") and blobs.size("media/big.bin") == len(data)
    path = blobs.local_path("media/big.bin")
    assert path is not None and path.read_bytes() == data


def test_a_second_machine_reads_through_its_own_cache(s3_endpoint: str, s3_bucket: str, tmp_path: Path) -> None:
    writer = store(s3_endpoint, s3_bucket, tmp_path / "a")
    source = tmp_path / "clip.bin"
    source.write_bytes(b"frames" * 1000)
    assert writer.put_file("renders/r1.mp4", source) == 6000
    assert not source.exists()  # consumed: moved into the writer's cache
    reader = store(s3_endpoint, s3_bucket, tmp_path / "b")
    with reader.open("renders/r1.mp4") as handle:
        assert handle.read() == b"frames" * 1000
    assert (tmp_path / "b" / "renders" / "r1.mp4").is_file()


def test_objects_are_immutable_and_deleted_everywhere(s3_endpoint: str, s3_bucket: str, tmp_path: Path) -> None:
    blobs = store(s3_endpoint, s3_bucket, tmp_path / "cache")
    blobs.put_stream("media/a.txt", [b"one"])
    with pytest.raises(FileExistsError):
        blobs.put_stream("media/a.txt", [b"two"])
    assert blobs.local_path("media/a.txt") is not None
    blobs.delete("media/a.txt")
    assert not blobs.exists("media/a.txt")
    assert blobs.local_path("media/a.txt") is None
    with pytest.raises(FileNotFoundError):
        blobs.open("media/a.txt")
    with pytest.raises(ValueError):
        blobs.local_path("../escape")


def test_a_missing_bucket_is_a_backend_error(s3_endpoint: str, s3_bucket: str, tmp_path: Path) -> None:
    blobs = store(s3_endpoint, s3_bucket + "-absent", tmp_path / "cache")
    with pytest.raises(BackendUnavailable, match="blob storage"):
        blobs.put_stream("media/a.txt", [b"one"])


def test_reference_workflow_keeps_its_files_in_s3(server_factory: Callable[..., LiveServer], s3_endpoint: str,
                                                  s3_bucket: str, small_mp4: Path, tmp_path: Path) -> None:
    server = server_factory(storage="s3", s3_bucket=s3_bucket, s3_endpoint_url=s3_endpoint, s3_prefix="cluster/")
    assert isinstance(server.services.blobs, S3BlobStore)
    reference_workflow(server, small_mp4, tmp_path, canvas=TINY)
    stored = keys_in(s3_endpoint, s3_bucket)
    folders = {key.split("/")[1] for key in stored}
    assert all(key.startswith("cluster/") for key in stored)
    assert {"media", "renders"} <= folders  # the upload, the generated clip, the export
    assert len([key for key in stored if key.startswith("cluster/media/") and key.endswith(".mp4")]) == 2


# -- the bounded read cache --------------------------------------------------------------------

def bounded(endpoint: str, bucket: str, cache: Path, max_bytes: int, grace_s: float = 0.0,
            rescan_s: float = 3600.0) -> S3BlobStore:
    return S3BlobStore(boto3.client("s3", endpoint_url=endpoint), bucket, "rf/", cache, cache_max_bytes=max_bytes,
                       cache_grace_s=grace_s, cache_rescan_s=rescan_s)


def cached(cache: Path) -> dict[str, int]:
    """The cache's files (work in progress aside) and their sizes."""
    return {path.relative_to(cache).as_posix(): path.stat().st_size for path in cache.rglob("*")
            if path.is_file() and ".tmp" not in path.relative_to(cache).parts}


def upload(blobs: S3BlobStore, *names: str, size: int = 1000) -> dict[str, bytes]:
    data = {name: os.urandom(size) for name in names}
    for name, payload in data.items():
        blobs.put_stream(f"media/{name}.bin", [payload])  # a stream is not cached: reads download it
    return data


def test_reading_past_the_bound_evicts_the_least_recently_used(s3_endpoint: str, s3_bucket: str,
                                                                 tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    blobs = bounded(s3_endpoint, s3_bucket, cache, max_bytes=2500)
    data = upload(blobs, "a", "b", "c", "d")
    blobs.local_path("media/a.bin")
    blobs.local_path("media/b.bin")
    blobs.local_path("media/a.bin")  # a hit: b is now the least recently used
    blobs.local_path("media/c.bin")
    assert cached(cache) == {"media/a.bin": 1000, "media/c.bin": 1000}
    blobs.local_path("media/c.bin")
    blobs.local_path("media/d.bin")  # a is the oldest now
    assert cached(cache) == {"media/c.bin": 1000, "media/d.bin": 1000}
    again = blobs.local_path("media/b.bin")  # evicted earlier: downloaded again, same bytes
    assert again is not None and again.read_bytes() == data["b"]
    assert set(cached(cache)) == {"media/d.bin", "media/b.bin"}
    assert sum(cached(cache).values()) <= 2500


def test_files_used_within_the_grace_window_are_never_evicted(s3_endpoint: str, s3_bucket: str,
                                                              tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    blobs = bounded(s3_endpoint, s3_bucket, cache, max_bytes=1500, grace_s=300)
    upload(blobs, "a", "b", "c", "d")
    paths = [blobs.local_path(f"media/{name}.bin") for name in "abc"]
    assert set(cached(cache)) == {"media/a.bin", "media/b.bin", "media/c.bin"}  # over the bound, all recent
    ten_minutes_ago = time.time() - 600
    for path in paths[:2]:
        assert path is not None
        os.utime(path, (ten_minutes_ago, ten_minutes_ago))
    blobs.local_path("media/d.bin")
    assert set(cached(cache)) == {"media/c.bin", "media/d.bin"}  # the idle ones went, c is in its window


def test_a_put_file_stays_cached_and_pushes_out_older_copies(s3_endpoint: str, s3_bucket: str,
                                                             tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    blobs = bounded(s3_endpoint, s3_bucket, cache, max_bytes=1500)
    upload(blobs, "a")
    blobs.local_path("media/a.bin")
    render = tmp_path / "render.mp4"
    render.write_bytes(os.urandom(2000))
    assert blobs.put_file("renders/r1.mp4", render) == 2000
    assert cached(cache) == {"renders/r1.mp4": 2000}  # bigger than the bound, but just added: kept
    assert not (cache / "media").exists()  # the folder eviction emptied is pruned


def test_hits_and_adds_under_the_bound_do_not_rescan_the_cache(s3_endpoint: str, s3_bucket: str,
                                                               tmp_path: Path) -> None:
    blobs = bounded(s3_endpoint, s3_bucket, tmp_path / "cache", max_bytes=2500)
    upload(blobs, "a", "b", "c")
    assert blobs.cache is not None
    blobs.local_path("media/a.bin")
    assert blobs.cache.scans == 1  # the first add learns the folder's size
    blobs.local_path("media/b.bin")
    for _ in range(10):
        blobs.local_path("media/a.bin")
        blobs.local_path("media/b.bin")
    assert blobs.cache.scans == 1  # 2000 bytes counted, under 2500: no scan
    blobs.local_path("media/c.bin")
    assert blobs.cache.scans == 2  # the running total crossed the bound


def test_processes_sharing_a_cache_folder_keep_it_bounded(s3_endpoint: str, s3_bucket: str, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = bounded(s3_endpoint, s3_bucket, cache, max_bytes=2500)
    second = bounded(s3_endpoint, s3_bucket, cache, max_bytes=2500)
    data = upload(first, "a", "b", "c", "d", "e")
    for name in "ab":
        first.local_path(f"media/{name}.bin")
    for name in "cd":
        second.local_path(f"media/{name}.bin")  # its first add scans: sees the first's files too
    first.local_path("media/e.bin")  # its estimate (3000) knows nothing of c, d: crossing it rescans
    assert set(cached(cache)) == {"media/d.bin", "media/e.bin"}
    path = second.local_path("media/a.bin")  # evicted under the other store: downloaded again
    assert path is not None and path.read_bytes() == data["a"]
    assert sum(cached(cache).values()) <= 2500


def test_the_cache_bound_comes_from_the_settings(s3_endpoint: str, s3_bucket: str, tmp_path: Path) -> None:
    common = {"data_dir": tmp_path, "storage": "s3", "s3_bucket": s3_bucket, "s3_endpoint_url": s3_endpoint}
    bounded_store = s3_blob_store(Settings(_env_file=None, s3_cache_max_mb=3, **common))  # type: ignore[call-arg]
    assert bounded_store.cache is not None and bounded_store.cache.max_bytes == 3 * MIB
    assert bounded_store.cache_dir == (tmp_path / "blob-cache").resolve()
    unbounded = s3_blob_store(Settings(_env_file=None, s3_cache_max_mb=0, **common))  # type: ignore[call-arg]
    assert unbounded.cache is None
