"""What a job re-run finds of an earlier run that died after its effects: the media row it recorded, the file it
stored. A job's ids follow from the job's own, so a re-run looks them up instead of making a second one."""

from __future__ import annotations

from pathlib import Path

from reelforge.blobs import BlobStore
from reelforge.store import Media
from reelforge.store.db import Database
from reelforge.store.repos import MediaRepo

__all__ = ["recorded_media", "store_output"]


def recorded_media(db: Database, media_id: str) -> Media | None:
    """The media an earlier run recorded before dying without its result (the re-run returns its facts); None when
    no run got that far."""
    with db.read() as session:
        return MediaRepo(session).get(media_id)


def store_output(blobs: BlobStore, key: str, path: Path) -> int:
    """``path`` stored at ``key``, replacing the file a run that died before recording it left there; its size."""
    if blobs.exists(key):
        blobs.delete(key)
    return blobs.put_file(key, path)
