"""Media records: uploads, URL fetches and generated clips."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session as DbSession

from reelforge.store.models import Media

__all__ = ["MediaRepo"]

# the polled state route lists a session's media on every call: built once, bound per execution
_OF_SESSION = select(Media).where(Media.session_id == bindparam("session_id")).order_by(Media.created_at, Media.id)


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
        if origin is None:
            return list(self.db.scalars(_OF_SESSION, {"session_id": session_id}))
        query = select(Media).where(Media.session_id == session_id, Media.origin == origin)
        return list(self.db.scalars(query.order_by(Media.created_at, Media.id)))
