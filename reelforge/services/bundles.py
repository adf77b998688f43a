"""Project bundles as use cases: pack a draft file or a session, unpack to a folder, restore an upload.

The zip itself is :mod:`reelforge.interchange.bundle` (its safety rules are there). Restoring an
uploaded bundle ingests each file it holds as an ordinary upload (sniffed, probed; 4001 for what is not
media) and stores the draft, its ``src`` values rewritten to the new media ids, as the session's new
version; nothing is kept when any part fails.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from reelforge.draft import validate
from reelforge.errors import MediaMissing, SessionNotFound
from reelforge.interchange.bundle import BundleLimits, is_bundle, open_bundle, pack_bundle
from reelforge.services.auth import Principal, load_session
from reelforge.services.context import Services
from reelforge.services.local import read_draft_file
from reelforge.services.sessions import current_draft
from reelforge.services.uploads import ingest_file
from reelforge.store.repos import DraftRepo, MediaRepo, SessionRepo

__all__ = ["ingest_upload", "pack_draft_file", "pack_session", "restore_bundle", "unpack_to_folder"]


def pack_draft_file(draft_path: Path, out: Path) -> Path:
    """``reelforge pack draft.json``: the draft and the files its paths name (relative to the draft file)."""
    draft = read_draft_file(draft_path)
    base = draft_path.resolve().parent

    def locate(src: str) -> Path:
        path = Path(unquote(urlparse(src).path)) if src.startswith("file://") else Path(src).expanduser()
        path = path if path.is_absolute() else base / path
        if "://" in src and not src.startswith("file://") or not path.is_file():
            raise MediaMissing(f"media file not found: {src}", data={"src": src})
        return path

    return pack_bundle(draft, locate, out, name=draft_path.stem)


def pack_session(svc: Services, session_id: str, out: Path) -> Path:
    """``reelforge pack ses_...``: a session of this data dir, its current draft and its media blobs."""
    with svc.db.read() as db:
        session = SessionRepo(db).get(session_id)
        if session is None:
            raise SessionNotFound(f"no session {session_id!r} in this data dir")
        draft = current_draft(db, session)
        media = MediaRepo(db).owned_many([s.removeprefix("media:") for s in draft.media_refs()], session.owner_id)
        name = session.name

    def locate(src: str) -> Path:
        record = media.get(src.removeprefix("media:"))
        path = svc.blobs.local_path(record.storage_key) if record is not None else None
        if path is None or not path.is_file():
            raise MediaMissing(f"unknown media {src!r}", data={"src": src})
        return path

    return pack_bundle(draft, locate, out, name=name)


def unpack_to_folder(bundle: Path, folder: Path) -> Path:
    """``reelforge unpack``: the media under ``folder/media`` and ``folder/draft.json`` beside them."""
    opened = open_bundle(bundle, folder)
    (folder / "project.json").unlink(missing_ok=True)
    out = folder / "draft.json"
    out.write_text(opened.draft.to_json(indent=2), encoding="utf-8")
    return out


def restore_bundle(svc: Services, principal: Principal, session_id: str, bundle: Path) -> dict[str, Any]:
    """An uploaded bundle: its files become the caller's media and its draft the session's new version."""
    with svc.db.read() as db:
        if load_session(db, principal, session_id) is None:
            raise SessionNotFound()
    folder = Path(tempfile.mkdtemp(dir=svc.blobs.scratch(), prefix="bundle-"))
    records: list[dict[str, Any]] = []
    try:
        opened = open_bundle(bundle, folder / "unpacked", BundleLimits(total_bytes=svc.settings.upload_limit_bytes))
        ids: dict[str, str] = {}
        for path in opened.media:
            record = ingest_file(svc, principal, session_id, path.name.split("-", 1)[-1], path, "upload")
            records.append(record)
            ids[path.relative_to(opened.folder).as_posix()] = record["src"]
        wire = opened.draft.to_wire()
        for track in wire.get("t", []):
            for segment in track.get("sg", []):
                if segment.get("src") in ids:
                    segment["src"] = ids[segment["src"]]
        known = set(ids.values())
        draft = validate(wire, known_media=lambda src: src in known)
        with svc.db.write() as db:
            session = load_session(db, principal, session_id)
            if session is None:
                raise SessionNotFound()
            version = DraftRepo(db).add(session, draft.to_wire(), f"restored the project bundle {opened.name!r}").version
    except BaseException:
        for record in records:  # nothing half-restored: the files of a refused bundle go again
            _forget_media(svc, str(record["id"]))
        raise
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return {"bundle": {"name": opened.name, "draft_version": version, "media": len(records)}, "media": records}


def _forget_media(svc: Services, media_id: str) -> None:
    with svc.db.write() as db:
        media = MediaRepo(db).get(media_id)
        if media is None:
            return
        key = media.storage_key
        db.delete(media)
    svc.blobs.delete(key)


def ingest_upload(svc: Services, principal: Principal, session_id: str, name: str, path: Path,
                  origin: str = "upload") -> dict[str, Any]:
    """One uploaded file: a project bundle restores the project, anything else is ingested as media."""
    with path.open("rb") as handle:
        head = handle.read(8)
    if is_bundle(head):
        return restore_bundle(svc, principal, session_id, path)
    return {"media": [ingest_file(svc, principal, session_id, name, path, origin)]}
