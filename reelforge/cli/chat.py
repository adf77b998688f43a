"""``reelforge chat``: the chat agent in a terminal, locally or against a running server.

Locally (the default) it runs the server's own turn machinery in-process on the
embedded store (SQLite and blobs in the data dir, worker threads for generation): no
HTTP. The draft is mirrored to a JSON file after every turn, with ``src`` values as
local paths, so ``reelforge render`` can render it. With ``--server URL`` the same
conversation goes over the seed protocol (token, session, ``/run_sse``).
"""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import tempfile
import uuid
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import httpx
from rich.console import Console

from reelforge.errors import InvalidInput, MediaMissing
from reelforge.services.auth import authenticate, issue_anonymous_token
from reelforge.services.context import build_services
from reelforge.services.exports import download_target
from reelforge.services.local import read_draft_file
from reelforge.services.sessions import create_session, current_draft
from reelforge.services.turns import TurnRunner
from reelforge.services.uploads import ingest_file
from reelforge.settings import Settings
from reelforge.store.repos import DraftRepo, MediaRepo, RenderRepo, SessionRepo

__all__ = ["run_chat"]

APP = "reelforge"
_EXIT_WORDS = {"exit", "quit", "bye", ":q", "退出"}


class _Conversation(Protocol):
    def upload(self, path: Path) -> str: ...
    def send(self, message: str) -> Iterator[dict[str, Any]]: ...
    def close(self) -> None: ...


def run_chat(settings: Settings, *, draft_file: Path | None, server: str | None,
             messages: list[str] | None, console: Console, media: list[Path] | None = None) -> int:
    """Run the conversation; ``media`` files are uploaded first, then ``messages`` are sent in order,
    else lines are read from the terminal."""
    for path in media or []:
        if not path.is_file():
            raise MediaMissing(f"media: {path} is not a file", data={"path": str(path)})
    conversation: _Conversation
    if server:
        conversation = _RemoteConversation(settings, server)
    else:
        conversation = _LocalConversation(settings, draft_file or Path("draft.json"), console)
    try:
        for path in media or []:
            kind = conversation.upload(path)
            console.print(f"[dim]uploaded {path.name} ({kind})[/]", highlight=False)
        for message in _messages(messages, console):
            _show_turn(conversation.send(message), console)
    finally:
        conversation.close()
    return 0


def _messages(given: list[str] | None, console: Console) -> Iterable[str]:
    if given is not None:
        yield from (m for m in given if m.strip())
        return
    console.print("[dim]Describe a video or an edit (English or 中文); 'exit' to leave.[/]")
    while True:
        try:
            line = console.input("[bold cyan]> [/]")
        except EOFError:
            return
        if line.strip().lower() in _EXIT_WORDS:
            return
        if line.strip():
            yield line


def _show_turn(events: Iterator[dict[str, Any]], console: Console) -> None:
    """Print the turn's replies; progress events move one status line."""
    with console.status("[dim]working…[/]") as status:
        for event in events:
            progress = (event.get("actions") or {}).get("stateDelta", {}).get("progress")
            if progress:
                status.update(f"[dim]working… {round(100 * float(progress.get('fraction', 0)))}%[/]")
            for part in (event.get("content") or {}).get("parts", []):
                if "text" in part and part["text"]:
                    console.print(part["text"], highlight=False)
                elif "functionCall" in part:
                    console.print(f"[dim]· {part['functionCall'].get('name')}[/]", highlight=False)


class _LocalConversation:
    """The turn runner in this process, the draft mirrored to ``draft_file``."""

    def __init__(self, settings: Settings, draft_file: Path, console: Console) -> None:
        # the machine's owner chats with their own machine: no credits are charged
        settings = settings.model_copy(update={"credits_per_second": 0, "apps": [*settings.apps, APP]})
        self.svc = build_services(settings)
        self.svc.queue.start()
        self.runner = TurnRunner(self.svc)
        client_id = _client_id(settings)
        token = issue_anonymous_token(self.svc, client_id, "127.0.0.1")["token"]
        self.principal = authenticate(self.svc, f"Bearer {token}")
        self.session_id = create_session(self.svc, self.principal, APP, draft_file.stem, "en")["session_id"]
        self.draft_file = draft_file.resolve()
        if self.draft_file.exists():
            self._import(self.draft_file)
            console.print(f"[dim]editing {self.draft_file}[/]")
        else:
            console.print(f"[dim]a new draft; it is saved to {self.draft_file} after every turn[/]")

    def _import(self, path: Path) -> None:
        """Store the file's local media and make its draft the session's first version."""
        draft = read_draft_file(path)
        mapping: dict[str, str] = {}
        with tempfile.TemporaryDirectory() as tmp:
            for src in dict.fromkeys(draft.media_refs()):
                if src.startswith("media:"):
                    continue
                source = (path.parent / src.removeprefix("file://")).resolve()
                if not source.is_file():
                    raise MediaMissing(f"media file not found: {src}")
                copy = Path(tmp) / source.name
                shutil.copyfile(source, copy)  # ingest moves its file into the blob store
                mapping[src] = ingest_file(self.svc, self.principal, self.session_id, source.name, copy)["src"]
        for track in draft.tracks:
            for seg in track.segments:
                if seg.src in mapping:
                    seg.src = mapping[seg.src]
        with self.svc.db.write() as db:
            session = SessionRepo(db).owned(self.session_id, self.principal.user_id)
            assert session is not None
            DraftRepo(db).add(session, draft.to_wire(), f"opened {path.name}")

    def upload(self, path: Path) -> str:
        """Store a local file as this session's upload (a copy: the file stays where it is); its kind."""
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / path.name
            shutil.copyfile(path, copy)  # ingest moves its file into the blob store
            return str(ingest_file(self.svc, self.principal, self.session_id, path.name, copy)["kind"])

    def send(self, message: str) -> Iterator[dict[str, Any]]:
        live = self.runner.start(self.principal, self.session_id, APP, message)

        async def collect() -> list[dict[str, Any]]:
            return [event async for event in live.watch(0.5) if event is not None]

        started = datetime.now(UTC)
        # a turn runs on the runner's thread; this thread waits for its events
        events = asyncio.run(collect())
        self._save()
        saved = self._copy_exports(started) + self._copy_timelines(events)
        shown = False
        for event in events:
            local = _local_links(event, saved)
            shown = shown or local is not event
            yield local
        if not shown:  # the reply had no link to replace: say where the files are
            for path in saved:
                yield {"content": {"parts": [{"text": f"Saved {path}"}]}}

    def _copy_exports(self, since: datetime) -> list[Path]:
        """Finished exports of this turn, copied next to the draft file (``draft.mp4``...).

        The reply's download link points at a server, and no server runs in a local chat.
        """
        with self.svc.db.read() as db:
            renders = RenderRepo(db).finished_since(self.session_id, since)
            outputs = [(r.format, r.output_key) for r in renders]
        saved: list[Path] = []
        for fmt, key in outputs:
            source = self.svc.blobs.local_path(key) if key else None
            if source is None:
                continue
            target = self.draft_file.with_suffix(f".{fmt}")
            shutil.copyfile(source, target)
            saved.append(target)
        return saved

    def _copy_timelines(self, events: list[dict[str, Any]]) -> list[Path]:
        """Timeline files of this turn ("export for Premiere"), copied next to the draft file (``draft.xml``...)."""
        saved: list[Path] = []
        for event in events:
            for part in (event.get("content") or {}).get("parts") or []:
                response = part.get("functionResponse") or {}
                url = (response.get("response") or {}).get("url") if response.get("name") == "export_timeline" else None
                if not url:
                    continue
                kind, object_id = self.svc.links.open(str(url).rsplit("/", 1)[-1])
                source, _, name = download_target(self.svc, kind, object_id, owner_id=self.principal.user_id)
                target = self.draft_file.with_suffix(Path(name).suffix)
                shutil.copyfile(source, target)
                saved.append(target)
        return saved

    def _save(self) -> None:
        """Mirror the current draft to the file, ``media:<id>`` replaced by the file's local path."""
        with self.svc.db.read() as db:
            session = SessionRepo(db).owned(self.session_id, self.principal.user_id)
            assert session is not None
            draft = current_draft(db, session)
            paths = {f"media:{m.id}": self.svc.blobs.local_path(m.storage_key)
                     for m in MediaRepo(db).of_session(session.id)}
        for track in draft.tracks:
            for seg in track.segments:
                local = paths.get(seg.src or "")
                if local is not None:
                    seg.src = str(local)
        self.draft_file.write_text(draft.to_json(indent=2) + "\n", encoding="utf-8")

    def close(self) -> None:
        self.runner.stop()
        self.svc.queue.stop()
        self.svc.close()


def _local_links(event: dict[str, Any], saved: list[Path]) -> dict[str, Any]:
    """The event with each download link in its text replaced by the file saved beside the draft.

    No server runs in a local chat, so a ``/api/download/...`` link would lead nowhere.
    """
    if not saved:
        return event
    parts = (event.get("content") or {}).get("parts") or []
    if not any("/api/download/" in str(part.get("text", "")) for part in parts):
        return event
    files = iter(saved)
    text_parts = [{**part, "text": re.sub(r"https?://\S+/api/download/\S+", lambda _: str(next(files, saved[-1])),
                                          part["text"])} if "text" in part else part for part in parts]
    return {**event, "content": {**event["content"], "parts": text_parts}}


class _RemoteConversation:
    """The seed protocol over HTTP: what the cloud skill does, against a reelforge server."""

    def __init__(self, settings: Settings, server: str) -> None:
        self.base = server.rstrip("/")
        self.http = httpx.Client(base_url=self.base, timeout=httpx.Timeout(30.0, read=900.0))
        client_id = _client_id(settings)
        token = self._data(self.http.post("/api/auth/anonymous-token", headers={"X-Client-Id": client_id}))["token"]
        self.http.headers["Authorization"] = f"Bearer {token}"
        self.session_id = self._data(self.http.post(f"/api/tasks/me/with-session/{APP}",
                                                    json={"task_name": "chat", "language": "en"}))["session_id"]

    @staticmethod
    def _data(response: Any) -> dict[str, Any]:
        try:
            body = response.json()
        except ValueError:
            raise InvalidInput(f"the server answered HTTP {response.status_code} without JSON") from None
        if body.get("code") != 0:
            raise InvalidInput(f"the server refused: {body.get('message')} (code {body.get('code')})")
        return dict(body["data"])

    def upload(self, path: Path) -> str:
        """The protocol's multipart upload; the stored media's kind."""
        with path.open("rb") as handle:
            data = self._data(self.http.post(f"/api/upload-video/{APP}/me/{self.session_id}",
                                             files={"files": (path.name, handle)}))
        records = data.get("media") or []
        return str(records[0].get("kind", "media")) if records else "media"

    def send(self, message: str) -> Iterator[dict[str, Any]]:
        body = {"app_name": APP, "user_id": "me", "session_id": self.session_id,
                "new_message": {"role": "user", "parts": [{"text": message}]}}
        with self.http.stream("POST", "/run_sse", json=body, headers={"Accept": "text/event-stream"}) as response:
            if response.status_code != 200:
                response.read()
                self._data(response)
            for line in response.iter_lines():
                if line.startswith("data:") and line[5:].strip():
                    yield json.loads(line[5:])

    def close(self) -> None:
        self.http.close()


def _client_id(settings: Settings) -> str:
    """A stable client id for this machine's user, kept in the data dir."""
    path = Path(settings.data_dir) / "cli-client-id"
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    value = f"cli-{uuid.uuid4()}"
    path.write_text(value)
    return value
