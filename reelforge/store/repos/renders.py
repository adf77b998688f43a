"""Export records: the client's render id (unique per owner) and the job that makes it."""

from __future__ import annotations

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
