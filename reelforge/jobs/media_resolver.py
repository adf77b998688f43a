"""Turning a draft's ``media:<id>`` into a probed local file, for one owner's jobs."""

from __future__ import annotations

from reelforge.blobs import BlobStore
from reelforge.errors import MediaMissing
from reelforge.media import MediaInfo, MediaResolver, probe_media
from reelforge.store.db import Database
from reelforge.store.repos import MediaRepo

__all__ = ["store_resolver"]


def store_resolver(db: Database, blobs: BlobStore, owner_id: str) -> MediaResolver:
    """A resolver that only sees ``owner_id``'s media (a render never reads another user's files)."""
    cache: dict[str, MediaInfo] = {}

    def resolve(src: str) -> MediaInfo:
        if src in cache:
            return cache[src]
        media_id = src.removeprefix("media:")
        with db.read() as session:
            media = MediaRepo(session).owned(media_id, owner_id) if src.startswith("media:") else None
        path = blobs.local_path(media.storage_key) if media is not None else None
        if media is None or path is None or not path.is_file():
            raise MediaMissing(f"unknown media {src!r}", data={"src": src})
        info = probe_media(path)
        cache[src] = info
        return info

    return resolve
