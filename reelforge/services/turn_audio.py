"""Chat turns' music and sound effects: a library track or effect becomes media, then a draft version.

Music: the style the words asked for, else one that suits the session's generated clips (their
prompts' scene), at 35 % unless a volume was given, looping under the whole video. With no video
yet it is applied anyway over a 10 s bed: it follows the video as clips arrive (looping music
stretches with the timeline). Sound effects: at the given time, at each transition (the start of
every clip after the first on the main track, which is the overlap start when there is a
transition), or by default at the start of the last clip; all of one request are one version.
"""

from __future__ import annotations

import math
from typing import Any

from reelforge.agent import describe_edit
from reelforge.audio import SOUND_EFFECTS, STYLES, find_style, resolve_sound, style_for_scene
from reelforge.draft import VIDEO, Draft
from reelforge.draft.edits import AddSound, SetMusic
from reelforge.errors import InvalidInput
from reelforge.services.library import LibraryTrack, library_music, library_sound, music_seconds
from reelforge.services.turn_draft import TurnScope, save_edits
from reelforge.store.repos import MediaRepo

__all__ = ["DEFAULT_MUSIC_VOLUME", "add_library_music", "run_music", "run_sound", "scene_words", "style_of"]

DEFAULT_MUSIC_VOLUME = 0.35


def scene_words(scope: TurnScope, draft: Draft) -> str:
    """The prompts of the session's generated clips (those on the timeline first): what the video shows."""
    on_draft = [s.src.removeprefix("media:") for t in draft.tracks_of(VIDEO) for s in t.segments
                if s.src and s.src.startswith("media:")]
    with scope.svc.db.read() as db:
        repo = MediaRepo(db)
        generated = [m for m in repo.of_session(scope.session_id, origin="generated") if m.kind == "video"]
    placed = [m for m in generated if m.id in on_draft] or generated
    return " ".join(str(m.provenance.get("prompt") or m.name) for m in placed)


def _current_library_music(scope: TurnScope, draft: Draft) -> dict[str, Any]:
    """The provenance of the draft's background music when it is a library track (else empty)."""
    src = next((s.src for t in draft.tracks if t.is_music for s in t.segments if s.src), None)
    if src is None or not src.startswith("media:"):
        return {}
    with scope.svc.db.read() as db:
        media = MediaRepo(db).owned(src.removeprefix("media:"), scope.principal.user_id)
    return dict(media.provenance) if media is not None and media.provenance.get("library") else {}


def style_of(words: str | None, scene: str) -> str:
    """The library style for the words asked (or the scene's)."""
    if words:
        if words in STYLES:
            return words
        found = find_style(words)
        if found is not None:
            return found.name
        return style_for_scene(words).name  # "relaxing", "corporate": the nearest mood or the default
    return style_for_scene(scene).name


def add_library_music(scope: TurnScope, call_id: str, style: str, volume: float, draft: Draft, language: str,
                      seed: int = 0, auto: bool = False) -> dict[str, Any]:
    """Render (or reuse) ``style`` and set it as the background music, as one new version (``auto`` when the app
    chose it, e.g. the music that comes with a generated clip)."""
    track: LibraryTrack = library_music(scope.svc, scope.principal.user_id, scope.session_id, style,
                                        music_seconds(draft.video_end_ms), seed)
    edit = SetMusic(src=track.src, name=track.title, volume=volume, loop=True, source_duration_ms=track.duration_ms)
    title = track.title_zh if language == "zh" else track.title
    data = {"style": style, "title": title, "volume": volume, "media_id": track.media_id, "seed": seed}
    _draft, version = save_edits(scope, call_id, [edit], describe_edit(edit, language), name="add_library_music",
                                 args={"style": style, "volume": volume}, extra=data, auto=auto)
    return {**data, "draft_version": version}


def run_music(scope: TurnScope, index: int, action: Any, draft: Draft, language: str) -> dict[str, Any]:
    """A MusicAction: the style asked for (or the scene's), the volume asked for (or 35 %)."""
    style = style_of(action.style, scene_words(scope, draft))
    seed = 0
    current = _current_library_music(scope, draft)
    if action.style is None and current.get("style") == style:  # "something else": another take of it
        seed = int(current.get("seed", 0)) + 1
    volume = DEFAULT_MUSIC_VOLUME if action.volume is None else float(action.volume)
    return add_library_music(scope, scope.call_id(index), style, volume, draft, language, seed)


def _sound_times(action: Any, draft: Draft) -> list[int]:
    main = draft.tracks_of(VIDEO)[0].segments if draft.tracks_of(VIDEO) else []
    if action.at_transitions:
        if len(main) < 2:
            raise InvalidInput("there are no transitions: the timeline needs at least two clips", field="at_transitions")
        return [seg.start_ms for seg in main[1:]]
    if action.start_ms is not None:
        return [int(action.start_ms)]
    return [main[-1].start_ms if main else 0]


def run_sound(scope: TurnScope, index: int, action: Any, draft: Draft, language: str) -> dict[str, Any]:
    """A SoundAction: one ``AddSound`` per time, all in one version."""
    sound = resolve_sound(action.sound)
    times = _sound_times(action, draft)
    end = draft.video_end_ms
    if end and max(times) >= end:
        raise InvalidInput(f"start_ms: {max(times)} ms is after the video ends ({end} ms)", field="start_ms")
    loop_seconds = math.ceil((end - times[0]) / 1000) if SOUND_EFFECTS[sound].loopable and end else None
    track = library_sound(scope.svc, scope.principal.user_id, scope.session_id, sound, loop_seconds)
    edits = [AddSound(src=track.src, name=track.title, start_ms=at,
                      duration_ms=min(track.duration_ms, end - at) if end else track.duration_ms)
             for at in times]
    label = describe_edit(edits[0], language)
    if len(edits) > 1:
        label += f"（共 {len(edits)} 处）" if language == "zh" else f" (and {len(edits) - 1} more)"
    title = track.title_zh if language == "zh" else track.title
    data = {"sound": sound, "title": title, "times_ms": times, "start_ms": times[0], "media_id": track.media_id}
    _draft, version = save_edits(scope, scope.call_id(index), edits, label, name="add_sound_effect",
                                 args={"sound": sound, "start_ms": action.start_ms,
                                       "at_transitions": action.at_transitions}, extra=data)
    return {**data, "draft_version": version}
