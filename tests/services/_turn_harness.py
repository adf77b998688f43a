"""Chat turns over the real services: SQLite store, blob folder, embedded job workers, no HTTP."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import av

from reelforge.draft import Draft
from reelforge.services import adk_sessions
from reelforge.services.auth import Principal, authenticate, issue_anonymous_token
from reelforge.services.context import Services, build_services
from reelforge.services.sessions import create_session, session_state
from reelforge.services.turn_actions import run_turn
from reelforge.store.repos import DraftRepo, MediaRepo, SessionRepo
from tests._server import make_settings


@dataclass
class Turn:
    events: list[dict[str, Any]]

    @property
    def reply(self) -> str:
        texts = [p["text"] for e in self.events for p in e.get("content", {}).get("parts", []) if "text" in p]
        return texts[-1]

    def parts(self, kind: str) -> list[dict[str, Any]]:
        return [p[kind] for e in self.events for p in e.get("content", {}).get("parts", []) if kind in p]


@dataclass
class Chat:
    svc: Services
    principal: Principal
    session_id: str
    turns: list[Turn] = field(default_factory=list)

    def say(self, message: str) -> Turn:
        events: list[dict[str, Any]] = []
        run_turn(self.svc, self.principal, self.session_id, "nemo_agent", message, f"inv_{uuid.uuid4().hex[:12]}",
                 events.append)
        turn = Turn(events)
        self.turns.append(turn)
        return turn

    def draft(self) -> Draft:
        with self.svc.db.read() as db:
            session = SessionRepo(db).get(self.session_id)
            assert session is not None
            row = DraftRepo(db).current(session)
        return Draft.from_wire(row.draft) if row is not None else Draft.empty()

    def state(self) -> dict[str, Any]:
        return session_state(self.svc, self.principal, self.session_id)["state"]

    def version(self) -> int:
        return int(session_state(self.svc, self.principal, self.session_id)["draft_version"])

    def music(self) -> Any:
        """The background-music segment (None when there is none)."""
        return next((s for t in self.draft().tracks if int(t.type) == 1 and t.id != "sfx" for s in t.segments), None)

    def media_path(self, src: str) -> Path:
        with self.svc.db.read() as db:
            media = MediaRepo(db).get(src.removeprefix("media:"))
        assert media is not None
        path = self.svc.blobs.local_path(media.storage_key)
        assert path is not None
        return path

    def media(self, src: str) -> Any:
        with self.svc.db.read() as db:
            return MediaRepo(db).get(src.removeprefix("media:"))

    def new_session(self, language: str = "en", canvas: tuple[int, int] | None = None) -> Chat:
        """Another session of this user; ``canvas`` (width, height) as in :func:`open_chat`."""
        created = create_session(self.svc, self.principal, "nemo_agent", "project", language)
        chat = Chat(self.svc, self.principal, created["session_id"])
        if canvas is not None:
            chat.set_canvas(canvas)
        return chat

    def set_canvas(self, canvas: tuple[int, int]) -> None:
        """Give the session an empty draft of this size (its first version, before any media)."""
        width, height = canvas
        draft = {"v": 1, "m": {"w": width, "h": height, "fps": 30, "bg": "#000000"},
                 "t": [{"id": "v0", "tt": 0, "sg": []}]}
        adk_sessions.update(self.svc, self.principal, "nemo_agent", "me", self.session_id, {"draft": draft})


def open_chat(data_dir: Path, language: str = "en", canvas: tuple[int, int] | None = None,
              **overrides: Any) -> Iterator[Chat]:
    """A chat over fresh services; ``canvas`` (width, height) replaces the empty draft's 1920x1080 (clips are
    generated at the canvas: a test whose assertions do not read a clip's size passes ``TINY``)."""
    svc = build_services(make_settings(data_dir, **overrides))
    svc.queue.start()
    try:
        token = issue_anonymous_token(svc, uuid.uuid4().hex, "127.0.0.1")["token"]
        principal = authenticate(svc, f"Bearer {token}")
        created = create_session(svc, principal, "nemo_agent", "project", language)
        chat = Chat(svc, principal, created["session_id"])
        if canvas is not None:
            chat.set_canvas(canvas)
        yield chat
    finally:
        svc.queue.stop()
        svc.close()


def decoded_seconds(path: Path) -> float:
    """Decode every audio frame of ``path`` (proves the file is whole) and return its length."""
    samples = 0
    rate = 0
    with av.open(str(path)) as container:
        stream = container.streams.audio[0]
        rate = stream.rate
        for frame in container.decode(stream):
            samples += frame.samples
    assert rate > 0 and samples > 0
    return samples / rate


def add_clips(chat: Chat, tmp_path: Path, seconds: list[float], transition_ms: int | None = None) -> Draft:
    """Upload small clips and put them on the timeline as one version (set-up, not under test)."""
    from reelforge.draft.edits import AddClip, SetTransition, apply_edit
    from reelforge.services.uploads import ingest_file
    from tests._server import make_mp4

    with chat.svc.db.read() as db:
        session = SessionRepo(db).get(chat.session_id)
        assert session is not None
        row = DraftRepo(db).current(session)
    draft = Draft.from_wire(row.draft) if row is not None else Draft.empty()
    for index, length in enumerate(seconds):
        path = make_mp4(tmp_path / f"clip{uuid.uuid4().hex[:6]}_{index}.mp4", seconds=length)
        record = ingest_file(chat.svc, chat.principal, chat.session_id, path.name, path)
        draft = apply_edit(draft, AddClip(src=record["src"], duration_ms=record["duration_ms"], name=path.name))
    if transition_ms:
        draft = apply_edit(draft, SetTransition(type="fade", duration_ms=transition_ms))
    with chat.svc.db.write() as db:
        session = SessionRepo(db).get(chat.session_id)
        assert session is not None
        DraftRepo(db).add(session, draft.to_wire(), "added the uploaded clips")
    return draft
