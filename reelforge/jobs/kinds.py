"""The job kinds a reelforge server runs, bound to its database, blobs and warm models."""

from __future__ import annotations

from reelforge.audio.ace_step import ComposerPool
from reelforge.blobs import BlobStore
from reelforge.generate import GeneratorPool
from reelforge.jobs.base import JobHandler
from reelforge.jobs.generate_job import generate_handler
from reelforge.jobs.payloads import GeneratePayload, RenderPayload, SongPayload
from reelforge.jobs.render_job import render_handler
from reelforge.jobs.song_job import song_handler
from reelforge.settings import Settings
from reelforge.store.db import Database

__all__ = ["default_handlers"]


def default_handlers(db: Database, blobs: BlobStore, generators: GeneratorPool, composers: ComposerPool,
                     settings: Settings) -> dict[str, JobHandler]:
    return {RenderPayload.kind: render_handler(db, blobs),
            GeneratePayload.kind: generate_handler(db, blobs, generators),
            SongPayload.kind: song_handler(db, blobs, composers, settings)}
