"""Progress and cancellation: every long operation takes both.

``Progress`` is called with a fraction in 0..1 (monotonic, may repeat).
``CancelToken`` is checked between units of work (frames, denoising steps,
ffmpeg progress lines); a cancelled operation raises :class:`~reelforge.errors.Cancelled`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from reelforge.errors import Cancelled

__all__ = ["CancelToken", "Progress", "no_progress", "scaled"]

Progress = Callable[[float], None]


def no_progress(fraction: float) -> None:  # noqa: ARG001 - the do-nothing progress
    return None


def scaled(progress: Progress, start: float, end: float) -> Progress:
    """A progress callback mapping 0..1 onto ``start..end`` of ``progress``."""

    def report(fraction: float) -> None:
        progress(start + (end - start) * min(1.0, max(0.0, fraction)))

    return report


class CancelToken:
    """A thread-safe flag; ``check()`` raises :class:`Cancelled` once it is set."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled("cancelled")
