"""Timing shared by the CPU benchmarks (generate, script, interpolate): one step's wall and CPU
seconds, the cores this process may use, and a note when the shared machine is busy.

CPU seconds count this process and its finished children (ffmpeg, espeak-ng), which a busy
machine does not inflate the way it inflates wall time. Imported as a sibling module: the
benchmarks run as scripts, so this folder is on the import path.
"""

from __future__ import annotations

import os
import resource
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from reelforge.ffmpeg import ffmpeg_exe

__all__ = ["Span", "busy_note", "cores", "cpu_seconds", "ffmpeg_missing", "timed"]


def cores() -> int:
    """The cores this process may run on (its affinity where the platform has one)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def cpu_seconds() -> float:
    """CPU time of this process and its finished children."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@dataclass
class Span:
    """One timed step; filled in when its ``timed`` block ends."""

    wall_s: float = 0.0
    cpu_s: float = 0.0


@contextmanager
def timed() -> Iterator[Span]:
    """Time the block: ``with timed() as span: ...`` then ``span.wall_s`` and ``span.cpu_s``."""
    span = Span()
    start, cpu_start = time.perf_counter(), cpu_seconds()
    try:
        yield span
    finally:
        span.wall_s, span.cpu_s = time.perf_counter() - start, cpu_seconds() - cpu_start


def busy_note(core_count: int) -> str | None:
    """A line to print when the load average exceeds the cores: the wall times include other work."""
    load = os.getloadavg()[0]
    if load <= core_count:
        return None
    return f"  note: load average {load:.1f} on {core_count} cores: wall times include other work"


def ffmpeg_missing(name: str) -> str | None:
    """The benchmark's one-line refusal when ffmpeg cannot be found, else None."""
    try:
        ffmpeg_exe()
    except (ImportError, RuntimeError, OSError) as exc:
        return f"{name}: cannot run: no ffmpeg ({exc})"
    return None
