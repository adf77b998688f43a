"""What every step of a chat turn shares: who and where (``TurnScope``), the agent's view of the
session, and saving edits as one new draft version with its functionCall/functionResponse events."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reelforge.agent import AgentContext, MediaRef, Script, VersionRecord, label_in_script
from reelforge.draft import TEXT, Draft, change_record, read_change
from reelforge.draft.edits import apply_edit
from reelforge.services.auth import Principal, load_session
from reelforge.services.context import Services
from reelforge.services.events import function_call, function_response
from reelforge.store.models import DraftVersion
from reelforge.store.repos import DraftRepo, MediaRepo

__all__ = ["UNDO_REACH", "Emit", "TurnScope", "has_music", "has_title", "load_context", "move_pointer", "save_edits"]

Emit = Callable[[dict[str, Any]], None]
UNDO_REACH = 5   # how many versions back the agent is given the draft each was made on


@dataclass(frozen=True)
class TurnScope:
    """One turn's caller, session and event sink: passed to every step instead of six arguments."""

    svc: Services
    principal: Principal
    session_id: str
    app: str
    invocation_id: str
    emit: Emit
    script: Script = "hans"   # the user's Chinese script: the versions' labels are saved in it

    def call_id(self, index: int, suffix: str = "") -> str:
        return f"call_{self.invocation_id}_{index}{suffix}"

    def call(self, call_id: str, name: str, args: dict[str, Any]) -> None:
        self.emit(function_call(self.invocation_id, self.app, call_id, name, args))

    def respond(self, call_id: str, name: str, response: dict[str, Any],
                state_delta: dict[str, Any] | None = None) -> None:
        self.emit(function_response(self.invocation_id, self.app, call_id, name, response, state_delta))


def load_context(scope: TurnScope) -> tuple[Any, Draft]:
    """The agent's view of the session (draft, media, history labels, language) and the current draft."""
    with scope.svc.db.read() as db:
        session = load_session(db, scope.principal, scope.session_id)
        assert session is not None
        drafts = DraftRepo(db)
        current = drafts.current(session)
        draft = Draft.from_wire(current.draft) if current is not None else Draft.empty()
        lineage: list[DraftVersion] = []
        row = current
        while row is not None:  # the lineage of the current version, oldest first
            lineage.insert(0, row)
            row = drafts.version(session.id, row.parent) if row.parent else None
        history = [row.description for row in lineage]
        # the last few versions carry the draft they were made on: a message that undoes them ("撤回 我要的是剪掉结尾两秒")
        # plans what follows on the draft the undo restores
        reach = len(lineage) - UNDO_REACH
        versions = [VersionRecord(row.description, read_change(row.changes),
                                  Draft.from_wire(lineage[index - 1].draft) if index > 0 and index >= reach else None)
                    for index, row in enumerate(lineage)]
        refs = [MediaRef(src=f"media:{m.id}", kind=m.kind, name=m.name, duration_ms=m.duration_ms,  # type: ignore[arg-type]
                         uploaded=m.origin not in ("generated", "library"))
                for m in MediaRepo(db).of_session(session.id)]
        language = session.language
    return AgentContext(draft=draft, media=refs, history=history, language=language,  # type: ignore[arg-type]
                        versions=versions), draft


def _commit(scope: TurnScope, edits: Sequence[Any], description: str, auto: bool = False) -> tuple[Draft, int]:
    with scope.svc.db.write() as db:
        session = load_session(db, scope.principal, scope.session_id)
        assert session is not None
        drafts = DraftRepo(db)
        current = drafts.current(session)
        before = draft = Draft.from_wire(current.draft) if current else Draft.empty()
        for edit in edits:
            draft = apply_edit(draft, edit)
        label = label_in_script(description, scope.script) or getattr(edits[0], "op", "edit")
        row = drafts.add(session, draft.to_wire(), label,
                         change_record(before, draft, edits, auto))
        return draft, row.version


def save_edits(scope: TurnScope, call_id: str, edits: Sequence[Any], description: str,
               name: str = "apply_edit", args: dict[str, Any] | None = None,
               extra: dict[str, Any] | None = None, auto: bool = False) -> tuple[Draft, int]:
    """Apply ``edits`` to the current draft as ONE new version (one undo step), with its events.

    ``name``/``args`` are what the functionCall shows (default: the edit itself); ``extra`` is added
    to the functionResponse; the version records the edits as data (``auto`` when the app chose them). An edit that cannot apply raises InvalidInput and saves nothing."""
    scope.call(call_id, name, args if args is not None else edits[0].model_dump(mode="json"))
    draft, version = _commit(scope, edits, description, auto)
    scope.respond(call_id, name, {"ok": True, "draft_version": version, **(extra or {})},
                  {"draft_version": version})
    return draft, version


def move_pointer(scope: TurnScope, redo: bool, steps: int) -> int:
    """Undo or redo ``steps`` versions; returns how many moved."""
    moved = 0
    with scope.svc.db.write() as db:
        session = load_session(db, scope.principal, scope.session_id)
        assert session is not None
        drafts = DraftRepo(db)
        for _ in range(max(1, steps)):
            if (drafts.redo(session) if redo else drafts.undo(session)) is None:
                break
            moved += 1
    return moved


def has_music(draft: Draft) -> bool:
    return any(t.is_music and t.segments for t in draft.tracks)


def has_title(draft: Draft) -> bool:
    return any(t.type == TEXT and t.segments for t in draft.tracks)
