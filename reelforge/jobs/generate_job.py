"""The generate job: a prompt -> the configured generator -> a media record, placed on the timeline.

One transaction finishes the job's effects: the media row, the new draft version with
the clip (when the turn asked for placement) and the settlement of the frozen credits.
A re-run (after a crash) that finds the media row knows all three happened; one that
doesn't starts the clip again. Failure releases the credits (``on_failure``).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session as DbSession

from reelforge.blobs import BlobStore
from reelforge.draft import VIDEO, Draft, Edit, apply_edits, change_record
from reelforge.draft.edits import AddClip, SetCanvas
from reelforge.generate import GeneratorPool
from reelforge.generate.base import GenerateRequest, LoraChoice
from reelforge.jobs._rerun import recorded_media, store_output
from reelforge.jobs.base import JobContext, JobHandler, JobStatus
from reelforge.jobs.payloads import GeneratePayload
from reelforge.store import Media
from reelforge.store.db import Database
from reelforge.store.repos import CreditLedger, DraftRepo, MediaRepo, SessionRepo

__all__ = ["generate_handler", "media_id_of"]


def media_id_of(job_id: str) -> str:
    """The generated clip's media id follows from the job's: a re-run cannot make a second one."""
    return "med_" + job_id.removeprefix("job_")


def _place(db_session: DbSession, payload: GeneratePayload, media: Media) -> dict[str, Any]:
    """Add the clip to the session's timeline as a new draft version: its number and the clip's span."""
    placement = payload.placement
    session = SessionRepo(db_session).get(payload.session_id) if placement and payload.session_id else None
    if session is None or placement is None:  # a /v1 video: no timeline to place it on
        return {"draft_version": None}
    drafts = DraftRepo(db_session)
    current = drafts.current(session)
    before = draft = Draft.from_wire(current.draft) if current is not None else Draft.empty()
    edits: list[Edit] = []
    if payload.aspect and not draft.tracks_of(VIDEO):
        edits.append(SetCanvas(aspect=payload.aspect))
    edits.append(AddClip(src=f"media:{media.id}", duration_ms=media.duration_ms or 1000,
                         name=media.name, at=placement.at, ref=placement.ref))
    draft = apply_edits(draft, edits)
    version = drafts.add(session, draft.to_wire(), payload.description or f"generated {media.name!r}",
                         change_record(before, draft, edits))
    placed = draft.find_segment_by_src(f"media:{media.id}")
    span = {"start_ms": placed.start_ms, "end_ms": placed.end_ms} if placed is not None else {}
    return {"draft_version": version.version, **span}


def _facts(provenance: dict[str, Any]) -> dict[str, Any]:
    return {"backend": provenance.get("backend"), "model": provenance.get("model"),
            "shots": int(provenance.get("shots") or 1)}


def generate_handler(db: Database, blobs: BlobStore, generators: GeneratorPool) -> JobHandler:
    def run(ctx: JobContext) -> dict[str, Any]:
        job, payload = ctx.job, GeneratePayload.model_validate(ctx.job.payload)
        media_id = media_id_of(job.id)
        if (done := recorded_media(db, media_id)) is not None:
            return {"media_id": media_id, **_facts(done.provenance), "draft_version": done.provenance.get("draft_version")}
        generator = generators.get(payload.generator)
        image = blobs.local_path(payload.image_key) if payload.image_key else None
        request = GenerateRequest(prompt=payload.prompt, seconds=payload.seconds, width=payload.width,
                                  height=payload.height, fps=payload.fps, seed=payload.seed, image=image,
                                  loras=tuple(LoraChoice(pick.name, pick.scale) for pick in payload.loras),
                                  speed=payload.speed)
        out = blobs.scratch() / f"{job.id}.mp4"
        clip = generator.generate(request, out, ctx.progress, ctx.cancel)
        key = f"media/{media_id}.mp4"
        size = store_output(blobs, key, clip.path)
        provenance = {"backend": clip.backend, "model": clip.model, "seed": clip.seed, "prompt": request.prompt,
                      "job_id": job.id, **clip.provenance}
        with db.write() as session:
            media = MediaRepo(session).add(Media(
                id=media_id, owner_id=payload.owner_id, session_id=payload.session_id, kind="video",
                origin="generated", name=request.prompt[:300], mime="video/mp4", size=size,
                duration_ms=clip.duration_ms, width=clip.width, height=clip.height, storage_key=key,
                provenance=provenance))
            placed = _place(session, payload, media)
            media.provenance = {**provenance, "draft_version": placed["draft_version"]}
            CreditLedger(session).settle(job.id)
        # what the reply tells the user: which backend made it, in how many shots, and where it landed
        return {"media_id": media_id, **_facts(provenance), **placed}

    def on_failure(job: JobStatus) -> None:
        with db.write() as session:
            CreditLedger(session).release(job.id)

    return JobHandler(run=run, on_failure=on_failure)
