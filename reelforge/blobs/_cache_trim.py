"""A size bound for a folder of cached files: least recently used files go first.

:class:`CacheTrimmer` keeps the S3 store's read cache (``data_dir/blob-cache``) under a
byte budget. The files are copies of immutable objects, so evicting one costs only a
later re-download; that makes every race below harmless as long as nothing raises.

Recency is ``max(atime, mtime)``. A cache hit stamps *atime* explicitly (``os.utime``),
which works on ``noatime`` mounts too (those only stop the kernel's own stamps on read),
and mtime is left alone: starlette's ``FileResponse`` builds the ETag and Last-Modified of
downloads from it, so stamping mtime would break ``If-Range`` on resumed downloads.

Cost: a hit is one ``stat`` and one ``utime``; the tree is scanned only after an add, and
only when the running total this process keeps (last scan + bytes added since) crosses the
bound, or when the last scan is older than ``rescan_s`` (other processes sharing the
folder add files this process does not count; the interval bounds how far they drift).
A scan of the whole tree on every add would cost O(files) per download for nothing.

The bound is soft in two ways, both on purpose:

- a file used within ``grace_s`` is never evicted, even over the bound. ``local_path``
  hands out a path that ffmpeg or a ``FileResponse`` opens a moment later; an unlinked
  file stays readable once *open* (POSIX), but a path not yet opened would vanish. The
  grace window makes "handed out, not yet opened" safe for anything that opens within it.
  Its one gap: a file idle for longer than the window, hit between the trimmer's last
  ``stat`` of it and its ``unlink`` (microseconds); the caller then sees FileNotFoundError.
- other processes trimming the same folder at once may each evict; a file already gone
  counts as freed, so they converge on the same oldest files instead of over-evicting.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from stat import S_ISREG

__all__ = ["CacheTrimmer", "CachedFile"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, order=True)
class CachedFile:
    """One file of the cache as a scan saw it; sorts oldest first."""

    used_ns: int
    size: int
    path: Path


def _used_ns(stat: os.stat_result) -> int:
    return max(stat.st_atime_ns, stat.st_mtime_ns)


class CacheTrimmer:
    """Evicts the least recently used files under ``root`` once they total more than ``max_bytes``.

    Thread-safe within a process; tolerant of other processes touching, adding and evicting in
    the same folder. Top-level folders named in ``skip`` (work in progress) are never counted.
    """

    def __init__(self, root: Path, max_bytes: int, *, grace_s: float = 300.0, rescan_s: float = 60.0,
                 skip: Iterable[str] = (".tmp",)) -> None:
        if max_bytes <= 0:
            raise ValueError(f"max_bytes: must be > 0 (got {max_bytes})")
        self.root = root
        self.max_bytes = max_bytes
        self.grace_ns = int(grace_s * 1e9)
        self.rescan_s = rescan_s
        self.skip = frozenset(skip)
        self.scans = 0  # how many full scans ran: the cost the running total exists to avoid
        self._estimate: int | None = None  # None: not scanned yet, the next add scans
        self._scanned_at = 0.0
        self._lock = threading.Lock()
        self._trimming = threading.Lock()

    def touch(self, path: Path) -> bool:
        """Mark ``path`` as used now (a cache hit); False when it is not a cached file (any more)."""
        try:
            stat = path.stat()
            if not S_ISREG(stat.st_mode):
                return False
            os.utime(path, ns=(time.time_ns(), stat.st_mtime_ns))
        except FileNotFoundError:  # evicted by someone between the two calls: re-download
            return False
        return True

    def added(self, path: Path) -> None:
        """Count a file just placed in the cache, and trim when the total may be over the bound.

        ``path`` itself is stamped as used and is never evicted by this call.
        """
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            return
        self.touch(path)
        with self._lock:
            if self._estimate is not None:
                self._estimate += size
            due = (self._estimate is None or self._estimate > self.max_bytes
                   or time.monotonic() - self._scanned_at > self.rescan_s)
        # one trim at a time in this process; a thread that finds one running leaves it to that one
        if due and self._trimming.acquire(blocking=False):
            try:
                self.trim(keep=path)
            finally:
                self._trimming.release()

    def trim(self, keep: Path | None = None) -> int:
        """Scan the folder and evict oldest first until it is within the bound; returns the bytes freed."""
        files = sorted(self.scan())
        total = sum(entry.size for entry in files)
        kept = self.evict(files, total, keep=keep)
        with self._lock:
            self._estimate = kept
            self._scanned_at = time.monotonic()
            self.scans += 1
        return total - kept

    def scan(self) -> Iterator[CachedFile]:
        """Every cached file under ``root`` (skipped folders aside); files vanishing mid-scan are left out."""
        pending = [self.root]
        while pending:
            folder = pending.pop()
            try:
                entries = list(os.scandir(folder))
            except (FileNotFoundError, NotADirectoryError):  # pruned by another trimmer
                continue
            except OSError as exc:  # unreadable: leave it out; the bound is best effort, reads go on
                log.warning("blob cache: cannot list %s: %s", folder, exc)
                continue
            for entry in entries:
                try:
                    if entry.is_dir(follow_symlinks=False):
                        if not (folder == self.root and entry.name in self.skip):
                            pending.append(Path(entry.path))
                    elif entry.is_file(follow_symlinks=False):
                        stat = entry.stat(follow_symlinks=False)
                        yield CachedFile(_used_ns(stat), stat.st_size, Path(entry.path))
                except FileNotFoundError:
                    continue

    def evict(self, files: list[CachedFile], total: int, keep: Path | None = None) -> int:
        """Delete ``files`` (oldest first) while ``total`` is over the bound; returns the total left.

        Each file is stat'ed again just before it goes: one used since the scan, or within the
        grace window, stays. One already gone (another trimmer) counts as freed.
        """
        now_ns = time.time_ns()
        for entry in files:
            if total <= self.max_bytes:
                break
            if entry.path == keep:
                continue
            try:
                stat = entry.path.stat()
            except FileNotFoundError:
                total -= entry.size
                continue
            if now_ns - _used_ns(stat) < self.grace_ns:
                continue
            try:
                entry.path.unlink(missing_ok=True)
            except OSError as exc:  # e.g. a read-only file system: keep serving, warn once per file
                log.warning("blob cache: cannot evict %s: %s", entry.path, exc)
                continue
            total -= stat.st_size
            self._prune(entry.path.parent)
        return total

    def _prune(self, folder: Path) -> None:
        """Remove folders the eviction left empty (per-session previews would pile up), up to ``root``."""
        while folder != self.root and self.root in folder.parents:
            try:
                folder.rmdir()
            except OSError:  # not empty, or gone already
                return
            folder = folder.parent
