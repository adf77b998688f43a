"""Media records: uploads, URL fetches and generated clips."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from reelforge.store.models import Media

__all__ = ["MediaRepo"]


class MediaRepo:
    def __init__(self, db: DbSession) -> None:
        self.db = db

    def add(self, media: Media) -> Media:
        self.db.add(media)
        self.db.flush()
        return media

    def get(self, media_id: str) -> Media | None:
        return self.db.get(Media, media_id)

    def delete(self, media: Media) -> None:
        self.db.delete(media)
        self.db.flush()

    def owned(self, media_id: str, owner_id: str) -> Media | None:
        return self.db.scalar(select(Media).where(Media.id == media_id, Media.owner_id == owner_id))

    def owned_many(self, media_ids: Sequence[str], owner_id: str) -> dict[str, Media]:
        if not media_ids:
            return {}
        rows = self.db.scalars(select(Media).where(Media.id.in_(list(media_ids)), Media.owner_id == owner_id))
        return {m.id: m for m in rows}

    def of_session(self, session_id: str, origin: str | None = None) -> list[Media]:
        query = select(Media).where(Media.session_id == session_id)
        if origin is not None:
            query = query.where(Media.origin == origin)
        return list(self.db.scalars(query.order_by(Media.created_at, Media.id)))
