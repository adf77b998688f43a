"""The job kinds a reelforge server runs, bound to its database, blobs and warm generators."""

from __future__ import annotations

from reelforge.blobs import BlobStore
from reelforge.generate import GeneratorPool
from reelforge.jobs.base import JobHandler
from reelforge.jobs.generate_job import generate_handler
from reelforge.jobs.payloads import GeneratePayload, RenderPayload
from reelforge.jobs.render_job import render_handler
from reelforge.store.db import Database

__all__ = ["default_handlers"]


def default_handlers(db: Database, blobs: BlobStore, generators: GeneratorPool) -> dict[str, JobHandler]:
    return {RenderPayload.kind: render_handler(db, blobs),
            GeneratePayload.kind: generate_handler(db, blobs, generators)}
