"""S3 blobs against a real HTTP S3 endpoint (moto's server on loopback)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import boto3
import pytest

from reelforge.blobs.s3 import S3BlobStore
from reelforge.errors import BackendUnavailable
from tests._server import LiveServer
from tests.api.test_workflow import test_reference_client_workflow as reference_workflow

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
    reference_workflow(server, small_mp4, tmp_path)
    stored = keys_in(s3_endpoint, s3_bucket)
    folders = {key.split("/")[1] for key in stored}
    assert all(key.startswith("cluster/") for key in stored)
    assert {"media", "renders"} <= folders  # the upload, the generated clip, the export
    assert len([key for key in stored if key.startswith("cluster/media/") and key.endswith(".mp4")]) == 2
