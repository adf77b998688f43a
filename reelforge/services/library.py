"""Built-in library music and sound effects as the owner's media records, rendered once.

A library track is synthesised (``reelforge.audio``) into a cache under ``data_dir/library``,
stored as a blob and recorded as a media row (kind audio, origin ``library``) so a draft refers to
it as ``media:<id>`` like any upload and the renderer resolves it through the same store. The
media id is derived from (owner, kind, name, seed, length, library version): asking again for the
same track returns the same record without rendering, and two turns racing for it make one row.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from sqlalchemy.exc import IntegrityError

from reelforge.audio import LIBRARY_VERSION, SOUND_EFFECTS, STYLES, library_file, render_sound, write_audio
from reelforge.draft import Draft
from reelforge.errors import InvalidInput
from reelforge.services.context import Services
from reelforge.store import Media
from reelforge.store.repos import MediaRepo

__all__ = ["LIBRARY_ORIGIN", "LibraryTrack", "library_media_among", "library_media_of_session", "library_music", "library_sound",
           "music_seconds"]

LIBRARY_ORIGIN = "library"
MIN_MUSIC_SECONDS = 10
MAX_SECONDS = 600          # the synthesiser's limit; longer videos loop the bed (SetMusic(loop=True))
_FORMAT = "m4a"


@dataclass(frozen=True)
class LibraryTrack:
    """A library item as a media record: what a ``SetMusic``/``AddSound`` edit needs."""

    media_id: str
    name: str              # the style's or effect's id: "lofi", "whoosh"
    title: str             # "Lo-fi", "Whoosh" (English) for the segment's name
    title_zh: str
    duration_ms: int
    seed: int

    @property
    def src(self) -> str:
        return f"media:{self.media_id}"


def music_seconds(video_end_ms: int) -> int:
    """How long a bed to render: the video's length rounded up to whole seconds, at least 10 s."""
    return min(MAX_SECONDS, max(MIN_MUSIC_SECONDS, math.ceil(video_end_ms / 1000)))


def _media_id(owner_id: str, kind: str, name: str, seed: int, millis: int) -> str:
    digest = hashlib.sha256(f"{owner_id}|{kind}|{name}|{seed}|{millis}|v{LIBRARY_VERSION}".encode()).hexdigest()
    return f"med_lib_{digest[:24]}"


def _chunks(path: Path, size: int = 1 << 16) -> Iterator[bytes]:
    with path.open("rb") as handle:
        while chunk := handle.read(size):
            yield chunk


def _sound_file(cache_dir: Path, name: str, seconds: float | None, seed: int) -> Path:
    """A sound effect rendered once into ``cache_dir`` (named by all that decides its samples)."""
    length = f"{round(seconds * 1000)}ms" if seconds is not None else "default"
    path = cache_dir / f"sfx-{name}-seed{seed}-{length}-v{LIBRARY_VERSION}.{_FORMAT}"
    if path.exists():
        return path
    return write_audio(render_sound(name, seed, seconds=seconds), path)


def _record(svc: Services, owner_id: str, session_id: str | None, kind: Literal["music", "sound"], name: str,
            title: str, seed: int, millis: int, render: Any, provenance: dict[str, Any]) -> Media:
    """The media row for one library item: found by its derived id, else rendered, stored and added."""
    media_id = _media_id(owner_id, kind, name, seed, millis)
    with svc.db.read() as db:
        found = MediaRepo(db).get(media_id)
    if found is not None:
        return found
    path: Path = render(svc.settings.data_dir / "library")
    key = f"media/{media_id}.{_FORMAT}"
    size = svc.blobs.size(key) if svc.blobs.exists(key) else svc.blobs.put_stream(key, _chunks(path))
    try:
        with svc.db.write() as db:
            return MediaRepo(db).add(Media(
                id=media_id, owner_id=owner_id, session_id=session_id, kind="audio", origin=LIBRARY_ORIGIN,
                name=title, mime="audio/mp4", size=size, duration_ms=millis, storage_key=key,
                provenance={"library": True, "kind": kind, **provenance}))
    except IntegrityError:  # another turn of this owner recorded it first: the same file, the same row
        with svc.db.read() as db:
            raced = MediaRepo(db).get(media_id)
        if raced is None:
            raise
        return raced


def library_music(svc: Services, owner_id: str, session_id: str | None, style: str, seconds: int,
                  seed: int = 0) -> LibraryTrack:
    """``seconds`` of ``style`` (a style id) as the owner's media; the same request returns the same record."""
    found = STYLES.get(style)
    if found is None:
        raise InvalidInput(f"style: unknown music style {style!r} (known: {', '.join(STYLES)})", field="style")
    if not 0 < seconds <= MAX_SECONDS:
        raise InvalidInput(f"seconds: must be in (0, {MAX_SECONDS}] (got {seconds})", field="seconds")
    media = _record(svc, owner_id, session_id, "music", style, found.title, seed, seconds * 1000,
                    lambda cache: library_file(cache, style, float(seconds), seed, _FORMAT),
                    {"style": style, "seed": seed, "seconds": seconds, "version": LIBRARY_VERSION})
    return LibraryTrack(media_id=media.id, name=style, title=found.title, title_zh=found.title_zh,
                        duration_ms=seconds * 1000, seed=seed)


def library_sound(svc: Services, owner_id: str, session_id: str | None, sound: str, seconds: float | None = None,
                  seed: int = 0) -> LibraryTrack:
    """The effect ``sound`` (its default length, or ``seconds`` for the looping ambiences) as media."""
    effect = SOUND_EFFECTS.get(sound)
    if effect is None:
        raise InvalidInput(f"sound: unknown sound effect {sound!r} (known: {', '.join(SOUND_EFFECTS)})",
                           field="sound")
    if seconds is not None and not effect.loopable:
        seconds = None  # one-shots have one length
    millis = round((seconds if seconds is not None else effect.seconds) * 1000)
    media = _record(svc, owner_id, session_id, "sound", sound, effect.title, seed, millis,
                    lambda cache: _sound_file(cache, sound, seconds, seed),
                    {"sound": sound, "seed": seed, "seconds": millis / 1000, "version": LIBRARY_VERSION})
    return LibraryTrack(media_id=media.id, name=sound, title=effect.title,
                        title_zh=effect.names_zh[0] if effect.names_zh else effect.title,
                        duration_ms=millis, seed=seed)


def library_media_of_session(db: Any, session_id: str, owner_id: str, draft: Draft) -> list[Media]:
    """Library media this session uses: on its current draft, or first rendered for it."""
    repo = MediaRepo(db)
    refs = [src.removeprefix("media:") for src in draft.media_refs() if src.startswith("media:")]
    return library_media_among(repo.of_session(session_id, origin=LIBRARY_ORIGIN), repo.owned_many(refs, owner_id))


def library_media_among(session_media: list[Media], on_draft: dict[str, Media]) -> list[Media]:
    """The library media among rows already read: the session's own (in order), then those only on its draft."""
    mine = [m for m in session_media if m.origin == LIBRARY_ORIGIN]
    seen = {m.id for m in mine}
    others = (m for m in on_draft.values() if m.origin == LIBRARY_ORIGIN and m.id not in seen)
    return mine + sorted(others, key=lambda m: (m.created_at, m.id))
