"""A song composed for the video by chat ("make a calm piano song for this video", "生成一首欢快的背景音乐").

With ``REELFORGE_MUSIC_MODEL`` set, the song is a job on the queue (``reelforge.jobs.song_job``), as a
generated clip is: the turn submits it, streams its progress as events and waits for it; the job
composes with ACE-Step (the caption is the style words plus what the session's clips show, the tempo
the style's, the length the video's, at least 10 s; mastered like the library) and sets it as the
background music, looping if the video grows, as a new draft version. Without a model, or when the
job fails, the library's track for that style is used and the reply says why; a cancelled song sets
nothing and the reply says so. A cluster with no worker taking songs refuses the job at once (as a
generation for a model nobody serves), and the library stands in, said so too.
"""

from __future__ import annotations

from typing import Any

from reelforge.audio import STYLES
from reelforge.audio.ace_step import song_prompt
from reelforge.draft import Draft
from reelforge.errors import BackendUnavailable
from reelforge.jobs import JobStatus
from reelforge.jobs.payloads import SongPayload, submit_job
from reelforge.services.events import progress_event
from reelforge.services.library import music_seconds
from reelforge.services.turn_audio import DEFAULT_MUSIC_VOLUME, add_library_music, scene_words, style_of
from reelforge.services.turn_draft import TurnScope, load_context

__all__ = ["run_song"]


def _compose(scope: TurnScope, call_id: str, action: Any, style: str, scene: str, draft: Draft,
             language: str) -> JobStatus:
    """Submit the song job and wait for it, its progress streamed as events; the job's final status."""
    found = STYLES[style]
    seconds = music_seconds(draft.video_end_ms)
    prompt = song_prompt(action.description or found.title, scene, ", ".join(found.moods_en[:2]) or None)
    payload = SongPayload(prompt=prompt, seconds=float(seconds), lyrics=action.lyrics or "",
                          bpm=sum(found.tempo_bpm) // 2, language="zh" if language == "zh" else "en",
                          owner_id=scope.principal.user_id, session_id=scope.session_id,
                          title=f"{found.title} (composed)",
                          volume=DEFAULT_MUSIC_VOLUME if action.volume is None else float(action.volume))
    scope.call(call_id, "compose_music", {"prompt": prompt, "seconds": seconds, "lyrics": action.lyrics})
    try:
        job_id = submit_job(scope.svc.queue, payload, owner_id=scope.principal.user_id, session_id=scope.session_id,
                            idempotency_key=f"turn:{scope.invocation_id}:{call_id}")
    except BackendUnavailable as exc:  # a cluster with no worker taking songs: refused now, not queued forever
        scope.respond(call_id, "compose_music", {"ok": False, "code": exc.code, "detail": exc.message})
        raise
    scope.emit(progress_event(scope.invocation_id, scope.app, job_id, 0.0))

    def report(status: JobStatus) -> None:
        if status.state == "running":
            scope.emit(progress_event(scope.invocation_id, scope.app, job_id, status.progress))

    final = scope.svc.queue.wait(job_id, on_progress=report)
    result = {"ok": final.state == "completed", "job": job_id, "style": style, **(final.result or {})}
    if final.state != "completed":
        result["detail"] = final.error or final.state
    version = result.get("draft_version")
    scope.respond(call_id, "compose_music", result, {"draft_version": version} if version is not None else None)
    return final


def run_song(scope: TurnScope, index: int, action: Any, draft: Draft, language: str) -> dict[str, Any]:
    """A ``MusicAction(compose=True)``: composed by the model, else the library's track and why; ``ok`` is
    False only when the song was cancelled (nothing is set then)."""
    scene = scene_words(scope, draft)
    style = style_of(action.style or action.description, scene)
    reason, detail = "no_model", ""
    if scope.svc.settings.music_model:
        call_id = scope.call_id(index)
        try:
            final = _compose(scope, call_id, action, style, scene, draft, language)
        except BackendUnavailable as exc:
            return _from_library(scope, index, action, style, draft, language, "unavailable", exc.message)
        if final.state == "completed":
            return {"ok": True, "style": style, **(final.result or {})}
        if final.state == "cancelled":
            return {"ok": False, "cancelled": True, "style": style, "job": final.id,
                    "detail": "歌曲已取消，没有添加音乐" if language == "zh" else
                    "the song was cancelled; no music was added"}
        reason, detail = "failed", final.error or final.state
        draft = load_context(scope)[1]  # the library track goes on the draft as it is now
    return _from_library(scope, index, action, style, draft, language, reason, detail)


def _from_library(scope: TurnScope, index: int, action: Any, style: str, draft: Draft, language: str,
                  reason: str, detail: str = "") -> dict[str, Any]:
    """The library's track for ``style`` instead of a song, and why: ``reason`` is ``no_model``, ``unavailable``
    or ``failed``, ``detail`` the backend's own words; the reply says both in the turn's language."""
    volume = DEFAULT_MUSIC_VOLUME if action.volume is None else float(action.volume)
    data = add_library_music(scope, scope.call_id(index, "_library"), style, volume, draft, language)
    return {"ok": True, **data, "generated": False, "fallback": reason, "fallback_detail": detail}
