"""A song composed for the video by chat ("make a calm piano song for this video", "生成一首欢快的背景音乐").

With ``REELFORGE_MUSIC_MODEL`` set, ACE-Step composes it (``reelforge.audio.ace_step``): the caption
is the style words plus what the session's clips show, the tempo the style's, the length the
video's (at least 10 s), mastered like the library; it becomes the owner's media (kind audio,
origin ``generated``) and the background music, looping if the video grows. Without a model, or
when the model fails, the library's track for that style is used and the reply says so.
"""

from __future__ import annotations

import hashlib
from typing import Any

from reelforge.agent import describe_edit
from reelforge.audio import STYLES
from reelforge.audio.ace_step import SongRequest, song_prompt
from reelforge.draft import Draft
from reelforge.draft.edits import SetMusic
from reelforge.errors import BackendUnavailable, GenerationFailed
from reelforge.services.library import music_seconds
from reelforge.services.turn_audio import DEFAULT_MUSIC_VOLUME, add_library_music, scene_words, style_of
from reelforge.services.turn_draft import TurnScope, save_edits
from reelforge.store import Media
from reelforge.store.repos import MediaRepo

__all__ = ["NO_MODEL", "run_song"]

NO_MODEL = "no music model is configured: set REELFORGE_MUSIC_MODEL"


def _compose(scope: TurnScope, call_id: str, action: Any, style: str, scene: str, draft: Draft,
             language: str) -> dict[str, Any]:
    svc = scope.svc
    found = STYLES[style]
    seconds = music_seconds(draft.video_end_ms)
    bpm = sum(found.tempo_bpm) // 2
    prompt = song_prompt(action.description or found.title, scene, ", ".join(found.moods_en[:2]) or None)
    digest = hashlib.sha256(f"{scope.principal.user_id}|{prompt}|{action.lyrics}|{seconds}".encode()).hexdigest()
    media_id = f"med_song_{digest[:24]}"
    request = SongRequest(prompt=prompt, seconds=float(seconds), lyrics=action.lyrics or "", bpm=bpm,
                          language="zh" if language == "zh" else "en")
    out = svc.blobs.scratch() / f"{media_id}.wav"
    song = svc.composers.get(svc.settings).compose(request, out)
    key = f"media/{media_id}.wav"
    size = svc.blobs.put_file(key, song.path)
    out.unlink(missing_ok=True)
    title = f"{found.title} (composed)"
    with svc.db.write() as db:
        repo = MediaRepo(db)
        if repo.get(media_id) is None:
            repo.add(Media(id=media_id, owner_id=scope.principal.user_id, session_id=scope.session_id, kind="audio",
                           origin="generated", name=title, mime="audio/wav", size=size,
                           duration_ms=song.duration_ms, storage_key=key, provenance={"song": True, **song.provenance}))
    edit = SetMusic(src=f"media:{media_id}", name=title, volume=DEFAULT_MUSIC_VOLUME if action.volume is None
                    else float(action.volume), loop=True, source_duration_ms=song.duration_ms)
    data = {"style": style, "title": title, "volume": edit.volume, "media_id": media_id, "generated": True,
            "model": song.provenance["model"], "seconds": seconds}
    _draft, version = save_edits(scope, call_id, [edit], describe_edit(edit, language), name="compose_music",
                                 args={"prompt": prompt, "seconds": seconds, "lyrics": action.lyrics}, extra=data)
    return {**data, "draft_version": version}


def run_song(scope: TurnScope, index: int, action: Any, draft: Draft, language: str) -> dict[str, Any]:
    """A ``MusicAction(compose=True)``: composed by the model, else the library's track and why."""
    scene = scene_words(scope, draft)
    style = style_of(action.style or action.description, scene)
    reason = NO_MODEL
    if scope.svc.settings.music_model:
        try:
            return _compose(scope, scope.call_id(index), action, style, scene, draft, language)
        except (BackendUnavailable, GenerationFailed) as exc:
            reason = f"the music model failed ({exc.message})"
    volume = DEFAULT_MUSIC_VOLUME if action.volume is None else float(action.volume)
    data = add_library_music(scope, scope.call_id(index), style, volume, draft, language)
    return {**data, "generated": False, "fallback": reason}
