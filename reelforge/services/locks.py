"""One lock per key (a session, a blob) that exists only while someone holds or waits for it.

A plain ``dict[key, Lock]`` grows by one lock per session or blob ever seen and never shrinks; a
long-running server would keep them all. :class:`KeyedLocks` counts the threads using each key's
lock and drops the entry when the last one leaves, so the table holds only the keys in use.
"""

from __future__ import annotations

import threading
from collections.abc import Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

__all__ = ["KeyedLocks"]


@dataclass
class _Entry:
    lock: threading.Lock = field(default_factory=threading.Lock)
    users: int = 0        # threads holding or waiting for ``lock``


class KeyedLocks:
    """``with locks.hold(key):`` serialises the callers of one key; other keys run alongside."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._entries: dict[Hashable, _Entry] = {}

    @contextmanager
    def hold(self, key: Hashable) -> Iterator[None]:
        with self._guard:
            entry = self._entries.setdefault(key, _Entry())
            entry.users += 1
        try:
            with entry.lock:
                yield
        finally:
            with self._guard:
                entry.users -= 1
                if entry.users == 0:  # nobody holds or waits: a later caller makes a fresh lock
                    del self._entries[key]

    def __len__(self) -> int:
        """How many keys are in use now (held or waited for)."""
        with self._guard:
            return len(self._entries)
