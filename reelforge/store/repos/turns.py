"""Chat turns and their events (ADK-shaped JSON, in order)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session as DbSession

from reelforge.store.models import Turn, TurnEvent

__all__ = ["TurnRepo"]


class TurnRepo:
    def __init__(self, db: DbSession) -> None:
        self.db = db

    def add(self, turn: Turn) -> Turn:
        self.db.add(turn)
        self.db.flush()
        return turn

    def get(self, invocation_id: str) -> Turn | None:
        return self.db.get(Turn, invocation_id)

    def recent_duplicate(self, session_id: str, dedupe_key: str, since: datetime) -> Turn | None:
        """A turn with the same message in this session that is running or started after ``since``."""
        rows = self.db.scalars(
            select(Turn).where(Turn.session_id == session_id, Turn.dedupe_key == dedupe_key)
            .order_by(Turn.created_at.desc()).limit(1))
        turn = rows.first()
        if turn is None or (turn.state != "running" and turn.created_at < since):
            return None
        return turn

    def set_state(self, invocation_id: str, state: str) -> None:
        turn = self.db.get(Turn, invocation_id)
        if turn is not None:
            turn.state = state

    def add_event(self, session_id: str, invocation_id: str, event: dict[str, Any]) -> int:
        seq = (self.db.scalar(select(func.max(TurnEvent.seq)).where(TurnEvent.invocation_id == invocation_id))
               or 0) + 1
        self.db.add(TurnEvent(session_id=session_id, invocation_id=invocation_id, seq=seq, event=event))
        self.db.flush()
        return seq

    def events(self, invocation_id: str, after_seq: int = 0) -> list[tuple[int, dict[str, Any]]]:
        rows = self.db.execute(
            select(TurnEvent.seq, TurnEvent.event).where(TurnEvent.invocation_id == invocation_id,
                                                         TurnEvent.seq > after_seq)
            .order_by(TurnEvent.seq))
        return [(seq, event) for seq, event in rows]
