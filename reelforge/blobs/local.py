"""Blobs in a local folder: written to a temporary name, then renamed into place (atomic)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

__all__ = ["LocalBlobStore"]


class LocalBlobStore:
    """A :class:`~reelforge.blobs.base.BlobStore` over ``root``; keys are relative POSIX paths."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.root.mkdir(parents=True, exist_ok=True)
        self._tmp = self.root / ".tmp"
        self._tmp.mkdir(exist_ok=True)

    def _path(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if not key or key.startswith((".", "/")) or not path.is_relative_to(self.root):
            raise ValueError(f"bad blob key {key!r}")
        return path

    def put_stream(self, key: str, chunks: Iterable[bytes]) -> int:
        fd, tmp_name = tempfile.mkstemp(dir=self._tmp)
        size = 0
        try:
            with os.fdopen(fd, "wb") as handle:
                for chunk in chunks:
                    handle.write(chunk)
                    size += len(chunk)
            self.put_file(key, Path(tmp_name))
        finally:
            Path(tmp_name).unlink(missing_ok=True)
        return size

    def put_file(self, key: str, path: Path) -> int:
        target = self._path(key)
        if target.exists():
            raise FileExistsError(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.replace(path, target)
        except OSError:  # another filesystem: copy, then rename the copy into place
            staged = self._tmp / f"{target.name}.{os.getpid()}"
            shutil.copyfile(path, staged)
            os.replace(staged, target)
        return target.stat().st_size

    def open(self, key: str) -> BinaryIO:
        return self._path(key).open("rb")

    def local_path(self, key: str) -> Path | None:
        return self._path(key)

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()

    def size(self, key: str) -> int:
        return self._path(key).stat().st_size

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)

    def scratch(self) -> Path:
        return self._tmp
