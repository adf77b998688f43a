"""Export records: the client's render id (unique per owner) and the job that makes it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from reelforge.store.models import Render

__all__ = ["RenderRepo"]


class RenderRepo:
    def __init__(self, db: DbSession) -> None:
        self.db = db

    def add(self, render: Render) -> Render:
        self.db.add(render)
        self.db.flush()
        return render

    def get(self, render_id: str) -> Render | None:
        return self.db.get(Render, render_id)

    def by_client_id(self, owner_id: str, client_id: str) -> Render | None:
        return self.db.scalar(select(Render).where(Render.owner_id == owner_id, Render.client_id == client_id))

    def by_job(self, job_id: str) -> Render | None:
        return self.db.scalar(select(Render).where(Render.job_id == job_id))

    def of_session(self, session_id: str, owner_id: str, limit: int = 50) -> list[Render]:
        """The session's exports, newest first (at most ``limit``)."""
        return list(self.db.scalars(select(Render).where(Render.session_id == session_id, Render.owner_id == owner_id)
                                    .order_by(Render.created_at.desc()).limit(limit)))

    def finished_since(self, session_id: str, since: datetime) -> list[Render]:
        """The session's exports with an output file, made at or after ``since``, oldest first."""
        return list(self.db.scalars(select(Render).where(Render.session_id == session_id,
                                                         Render.output_key.is_not(None), Render.created_at >= since)
                                    .order_by(Render.created_at)))
