"""The render job: a validated draft -> the renderer -> an output blob on the render record.

Idempotent: a render whose output is already stored returns it; an output file left
by an interrupted run (no record points at it) is replaced.
"""

from __future__ import annotations

from typing import Any

from reelforge.blobs import BlobStore
from reelforge.draft import Draft
from reelforge.errors import NotFound
from reelforge.jobs._rerun import store_output
from reelforge.jobs.base import JobContext, JobHandler
from reelforge.jobs.media_resolver import store_resolver
from reelforge.jobs.payloads import RenderPayload
from reelforge.render import RenderOptions, render
from reelforge.render.presets import options_for_preset
from reelforge.store.db import Database
from reelforge.store.repos import RenderRepo

__all__ = ["render_handler"]


def render_handler(db: Database, blobs: BlobStore) -> JobHandler:
    def run(ctx: JobContext) -> dict[str, Any]:
        payload = RenderPayload.model_validate(ctx.job.payload)
        render_id = payload.render_id
        with db.read() as session:
            record = RenderRepo(session).get(render_id)
        if record is None:
            raise NotFound(f"render {render_id} not found")
        if record.output_key and blobs.exists(record.output_key):
            return {"output_key": record.output_key, "size": blobs.size(record.output_key)}
        # font_files=False: a user's draft must not make the server open files by path
        options = RenderOptions(format=payload.format, quality=payload.quality, font_files=False)
        if payload.preset:  # a platform preset fixes canvas, encoder and loudness
            options = options_for_preset(payload.preset, options)
        out = blobs.scratch() / f"{render_id}.{options.format}"
        result = render(Draft.from_wire(payload.draft), store_resolver(db, blobs, record.owner_id), out,
                        options, ctx.progress, ctx.cancel)
        key = f"renders/{render_id}.{options.format}"
        size = store_output(blobs, key, result.path)
        with db.write() as session:
            stored = RenderRepo(session).get(render_id)
            assert stored is not None
            stored.output_key = key
        return {"output_key": key, "size": size, "duration_ms": result.duration_ms,
                "width": result.width, "height": result.height}

    return JobHandler(run=run)
