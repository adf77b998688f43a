"""The blob storage seam: media and outputs as immutable objects named by key."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO, Protocol

__all__ = ["BlobStore"]


class BlobStore(Protocol):
    """Where file bytes live. Keys are ours (``media/med_x.mp4``), never a user's file name.

    Objects are immutable: ``put`` of a key that exists raises ``FileExistsError``.
    """

    def put_stream(self, key: str, chunks: Iterable[bytes]) -> int:
        """Store the chunks under ``key``; returns the size in bytes."""
        ...

    def put_file(self, key: str, path: Path) -> int:
        """Move (or copy) a finished local file under ``key``; returns the size."""
        ...

    def open(self, key: str) -> BinaryIO:
        ...

    def local_path(self, key: str) -> Path | None:
        """A path on this machine for ``key`` (ffmpeg reads it), or None when remote."""
        ...

    def exists(self, key: str) -> bool:
        ...

    def size(self, key: str) -> int:
        ...

    def delete(self, key: str) -> None:
        ...

    def scratch(self) -> Path:
        """A folder on the same filesystem for work in progress (renames into the store are atomic)."""
        ...
