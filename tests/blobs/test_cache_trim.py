"""The read cache's size bound on a real folder: the races it must survive, what it never counts."""

from __future__ import annotations

import os
import time
from pathlib import Path

from reelforge.blobs._cache_trim import CacheTrimmer


def write(path: Path, size: int, age_s: float) -> Path:
    """A cached file of ``size`` bytes last used ``age_s`` seconds ago."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x" * size)
    stamp = time.time() - age_s
    os.utime(path, (stamp, stamp))
    return path


def test_a_file_another_trimmer_removed_counts_as_freed(tmp_path: Path) -> None:
    oldest = write(tmp_path / "media" / "x.bin", 100, age_s=30)
    middle = write(tmp_path / "media" / "y.bin", 100, age_s=20)
    newest = write(tmp_path / "media" / "z.bin", 100, age_s=10)
    trimmer = CacheTrimmer(tmp_path, max_bytes=150, grace_s=0)
    files = sorted(trimmer.scan())
    oldest.unlink()  # a second worker evicted it between our scan and our eviction
    assert trimmer.evict(files, total=300) == 100
    assert not middle.exists() and newest.exists()  # not over-evicted: x's bytes are gone either way


def test_a_file_used_after_the_scan_is_not_evicted(tmp_path: Path) -> None:
    oldest = write(tmp_path / "a.bin", 100, age_s=600)
    newer = write(tmp_path / "b.bin", 100, age_s=500)
    trimmer = CacheTrimmer(tmp_path, max_bytes=150, grace_s=60)
    files = sorted(trimmer.scan())
    assert trimmer.touch(oldest)  # a cache hit lands between the scan and the eviction
    assert trimmer.evict(files, total=200) == 100
    assert oldest.exists() and not newer.exists()


def test_touch_stamps_access_time_and_keeps_modification_time(tmp_path: Path) -> None:
    path = write(tmp_path / "renders" / "r.mp4", 10, age_s=3600)
    modified = path.stat().st_mtime_ns
    trimmer = CacheTrimmer(tmp_path, max_bytes=1000)
    assert trimmer.touch(path)
    assert path.stat().st_mtime_ns == modified  # download ETags come from mtime: unchanged
    assert time.time_ns() - path.stat().st_atime_ns < 60 * 10**9
    assert not trimmer.touch(tmp_path / "renders" / "absent.mp4")
    assert not trimmer.touch(tmp_path / "renders")  # a folder is no cached file


def test_work_in_progress_is_not_counted_and_emptied_folders_are_pruned(tmp_path: Path) -> None:
    write(tmp_path / ".tmp" / "download-in-flight", 10_000, age_s=3600)
    write(tmp_path / "previews" / "ses_1" / "v1.mp4", 100, age_s=3600)
    kept = write(tmp_path / "previews" / "ses_2" / "v1.mp4", 100, age_s=1800)
    trimmer = CacheTrimmer(tmp_path, max_bytes=150, grace_s=0)
    assert {entry.path for entry in trimmer.scan()} == {tmp_path / "previews" / "ses_1" / "v1.mp4", kept}
    assert trimmer.trim() == 100
    assert not (tmp_path / "previews" / "ses_1").exists() and kept.exists()
    assert (tmp_path / ".tmp" / "download-in-flight").exists()


def test_files_other_processes_add_are_seen_at_the_next_periodic_rescan(tmp_path: Path) -> None:
    trimmer = CacheTrimmer(tmp_path, max_bytes=250, grace_s=0, rescan_s=3600)
    trimmer.added(write(tmp_path / "mine-1.bin", 100, age_s=0))  # the first add scans
    theirs = write(tmp_path / "theirs.bin", 100, age_s=30)  # another worker on the same data_dir
    trimmer.added(write(tmp_path / "mine-2.bin", 100, age_s=0))  # our estimate: 200, under the bound
    assert trimmer.scans == 1 and theirs.exists()  # 300 bytes in truth, unseen until a scan
    trimmer.rescan_s = 0  # the interval has passed
    trimmer.added(write(tmp_path / "mine-3.bin", 10, age_s=0))
    assert trimmer.scans == 2
    assert not theirs.exists()  # the oldest: an add stamps our own files as just used
    assert {path.name for path in tmp_path.iterdir()} == {"mine-1.bin", "mine-2.bin", "mine-3.bin"}
