"""Chat turns: a message runs once, in a thread of its own, while any number of streams watch it.

``TurnRunner.start`` dedupes (the same text to the same session within
``turn_dedupe_s``, or while it still runs, joins the first turn instead of running
again; a re-sent message is never charged twice), then runs the turn on a thread:
the response stream only watches, so a client that disconnects cancels nothing.
Events are kept in memory for live watchers and stored with the turn, so a turn
finished earlier replays from the database.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import threading
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any

from reelforge.errors import InvalidInput, SessionNotFound
from reelforge.services.auth import Principal, load_session
from reelforge.services.context import Services
from reelforge.services.events import text_event
from reelforge.services.locks import KeyedLocks
from reelforge.services.turn_actions import run_turn
from reelforge.store import Turn, new_id, utcnow
from reelforge.store.repos import TurnRepo

__all__ = ["LiveTurn", "TurnRunner"]

log = logging.getLogger(__name__)
MAX_MESSAGE_CHARS = 4000


class LiveTurn:
    """The events of one turn as they happen; async watchers are woken from the turn's thread."""

    def __init__(self, invocation_id: str, events: list[dict[str, Any]] | None = None, done: bool = False) -> None:
        self.invocation_id = invocation_id
        self.events: list[dict[str, Any]] = list(events or [])
        self.done = done
        self._lock = threading.Lock()
        self._watchers: list[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = []

    def publish(self, event: dict[str, Any] | None, *, done: bool = False) -> None:
        with self._lock:
            if event is not None:
                self.events.append(event)
            self.done = self.done or done
            watchers = list(self._watchers)
        for loop, wake in watchers:
            try:
                loop.call_soon_threadsafe(wake.set)
            except RuntimeError:  # that watcher's loop is closed
                pass

    async def watch(self, heartbeat_s: float) -> AsyncIterator[dict[str, Any] | None]:
        """Yield each event (None = heartbeat due) until the turn is done and every event was seen."""
        wake = asyncio.Event()
        entry = (asyncio.get_running_loop(), wake)
        with self._lock:
            self._watchers.append(entry)
        seen = 0
        try:
            while True:
                wake.clear()
                with self._lock:
                    fresh, done = self.events[seen:], self.done
                seen += len(fresh)
                for item in fresh:
                    yield item
                if done:
                    return
                try:
                    await asyncio.wait_for(wake.wait(), heartbeat_s)
                except TimeoutError:
                    yield None
        finally:
            with self._lock:
                self._watchers.remove(entry)


class TurnRunner:
    def __init__(self, svc: Services, max_concurrent: int = 16) -> None:
        self.svc = svc
        self._pool = ThreadPoolExecutor(max_workers=max_concurrent, thread_name_prefix="reelforge-turn")
        self._live: dict[str, LiveTurn] = {}
        self._session_locks = KeyedLocks()
        self._lock = threading.Lock()

    def stop(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    def start(self, principal: Principal, session_id: str, app: str, message: str,
              invocation_id: str | None = None) -> LiveTurn:
        """Start (or join) the turn answering ``message``; raises 1002 for a session not the caller's."""
        message = message.strip()
        if not message:
            raise InvalidInput("new_message.parts: a text part is required", field="new_message.parts")
        if len(message) > MAX_MESSAGE_CHARS:
            raise InvalidInput(f"new_message.parts: at most {MAX_MESSAGE_CHARS} characters", field="new_message.parts")
        key = hashlib.sha256(message.encode()).hexdigest()
        with self._lock, self.svc.db.write() as db:
            if load_session(db, principal, session_id) is None:
                raise SessionNotFound()
            turns = TurnRepo(db)
            earlier = turns.get(invocation_id) if invocation_id else None
            if earlier is not None and earlier.session_id != session_id:
                raise SessionNotFound()
            earlier = earlier or turns.recent_duplicate(
                session_id, key, utcnow() - timedelta(seconds=self.svc.settings.turn_dedupe_s))
            if earlier is not None:
                live = self._live.get(earlier.invocation_id)
                if live is not None:
                    return live
                if earlier.state != "running":
                    return LiveTurn(earlier.invocation_id, [e for _, e in turns.events(earlier.invocation_id)],
                                    done=True)
                # running in a process that died: its generation job recovers on its own; run anew
                turns.set_state(earlier.invocation_id, "failed")
            turn = turns.add(Turn(invocation_id=invocation_id or new_id("inv"), session_id=session_id,
                                  message=message, dedupe_key=key, state="running"))
            live = LiveTurn(turn.invocation_id)
            self._live[turn.invocation_id] = live
        self._pool.submit(self._run, principal, session_id, app, message, live)
        return live

    def _record(self, session_id: str, live: LiveTurn, event: dict[str, Any]) -> None:
        with self.svc.db.write() as db:
            TurnRepo(db).add_event(session_id, live.invocation_id, event)
        live.publish(event)

    def _run(self, principal: Principal, session_id: str, app: str, message: str, live: LiveTurn) -> None:
        state = "done"
        try:
            with self._session_locks.hold(session_id):  # one turn at a time per session: each edits the draft the last one left
                run_turn(self.svc, principal, session_id, app, message, live.invocation_id,
                         lambda event: self._record(session_id, live, event))
        except Exception:
            log.exception("turn %s failed", live.invocation_id)
            state = "failed"
            self._record(session_id, live, text_event(live.invocation_id, app,
                                                      "Sorry, something went wrong on the server.", final=True))
        finally:
            with self.svc.db.write() as db:
                TurnRepo(db).set_state(live.invocation_id, state)
            live.publish(None, done=True)
            with self._lock:
                self._live.pop(live.invocation_id, None)
