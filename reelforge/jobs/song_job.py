"""The song job: a caption -> the music model (ACE-Step) -> a media record, set as the session's background music.

Like the generate job, one transaction finishes its effects: the media row and the new draft version
with the music. A re-run (after a crash) that finds the media row knows both happened and returns what
they were; one that doesn't composes again. Composing reports progress per denoising step and stops
between steps when the job is cancelled (``AceStepComposer.compose``).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session as DbSession

from reelforge.agent import describe_edit
from reelforge.audio.ace_step import ComposerPool, SongRequest
from reelforge.blobs import BlobStore
from reelforge.draft import Draft, apply_edits, change_record
from reelforge.draft.edits import SetMusic
from reelforge.jobs._rerun import recorded_media, store_output
from reelforge.jobs.base import JobContext, JobHandler
from reelforge.jobs.payloads import SongPayload
from reelforge.settings import Settings
from reelforge.store import Media
from reelforge.store.db import Database
from reelforge.store.repos import DraftRepo, MediaRepo, SessionRepo

__all__ = ["song_handler", "song_media_id"]


def song_media_id(job_id: str) -> str:
    """The song's media id follows from the job's: a re-run cannot make a second one."""
    return "med_song_" + job_id.removeprefix("job_")


def _set_music(db_session: DbSession, payload: SongPayload, media: Media) -> int | None:
    """The song as the session's background music, one new draft version; None when the session is gone."""
    session = SessionRepo(db_session).get(payload.session_id)
    if session is None:
        return None
    drafts = DraftRepo(db_session)
    current = drafts.current(session)
    before = Draft.from_wire(current.draft) if current is not None else Draft.empty()
    edit = SetMusic(src=f"media:{media.id}", name=payload.title, volume=payload.volume, loop=True,
                    source_duration_ms=media.duration_ms)
    draft = apply_edits(before, [edit])
    version = drafts.add(session, draft.to_wire(), describe_edit(edit, payload.language),
                         change_record(before, draft, [edit]))
    return version.version


def _facts(payload: SongPayload, media_id: str, provenance: dict[str, Any]) -> dict[str, Any]:
    """What the turn's reply and the job's status tell: which song, made by what, where it landed."""
    return {"media_id": media_id, "title": payload.title, "volume": payload.volume, "generated": True,
            "model": provenance.get("model"), "seconds": payload.seconds,
            "draft_version": provenance.get("draft_version")}


def song_handler(db: Database, blobs: BlobStore, composers: ComposerPool, settings: Settings) -> JobHandler:
    def run(ctx: JobContext) -> dict[str, Any]:
        job, payload = ctx.job, SongPayload.model_validate(ctx.job.payload)
        media_id = song_media_id(job.id)
        if (done := recorded_media(db, media_id)) is not None:
            return _facts(payload, media_id, done.provenance)
        request = SongRequest(prompt=payload.prompt, seconds=payload.seconds, lyrics=payload.lyrics,
                              bpm=payload.bpm, seed=payload.seed, language=payload.language)
        out = blobs.scratch() / f"{job.id}.wav"
        try:
            song = composers.get(settings).compose(request, out, ctx.progress, ctx.cancel)
            key = f"media/{media_id}.wav"
            size = store_output(blobs, key, song.path)
        finally:
            out.unlink(missing_ok=True)
        provenance = {"song": True, "job_id": job.id, **song.provenance}
        with db.write() as session:
            media = MediaRepo(session).add(Media(
                id=media_id, owner_id=payload.owner_id, session_id=payload.session_id, kind="audio",
                origin="generated", name=payload.title, mime="audio/wav", size=size, duration_ms=song.duration_ms,
                storage_key=key, provenance=provenance))
            media.provenance = {**provenance, "draft_version": _set_music(session, payload, media)}
            return _facts(payload, media_id, media.provenance)

    return JobHandler(run=run)
