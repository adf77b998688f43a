"""Blob storage: where media and rendered files live (a local folder now, S3 later)."""

from reelforge.blobs.base import BlobStore
from reelforge.blobs.local import LocalBlobStore

__all__ = ["BlobStore", "LocalBlobStore"]
