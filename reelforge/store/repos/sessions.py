"""Sessions and their draft history (every version kept; a pointer for undo/redo)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session as DbSession

from reelforge.store.ids import new_id
from reelforge.store.models import DraftVersion, Session, TurnEvent

__all__ = ["DraftRepo", "SessionRepo"]


# The polled state route reads these on every call: built once, bound per execution (bench/api.py)
_OWNED = select(Session).where(Session.id == bindparam("session_id"), Session.owner_id == bindparam("owner_id"))
_VERSION = select(DraftVersion).where(DraftVersion.session_id == bindparam("session_id"),
                                      DraftVersion.version == bindparam("version"))


class SessionRepo:
    def __init__(self, db: DbSession) -> None:
        self.db = db

    def create(self, owner_id: str, app: str, name: str, language: str) -> Session:
        session = Session(id=new_id("ses"), task_id=new_id("tsk"), owner_id=owner_id, app=app,
                          name=name, language=language, draft_version=0)
        self.db.add(session)
        self.db.flush()
        return session

    def owned(self, session_id: str, owner_id: str) -> Session | None:
        """The session if it exists AND belongs to ``owner_id``: callers can't tell the two apart."""
        return self.db.scalar(_OWNED, {"session_id": session_id, "owner_id": owner_id})

    def get(self, session_id: str) -> Session | None:
        return self.db.get(Session, session_id)

    def create_with_id(self, session_id: str, owner_id: str, app: str, name: str, language: str) -> Session:
        """A session under an id the client chose (ADK clients may); the caller checks it is free."""
        session = Session(id=session_id, task_id=new_id("tsk"), owner_id=owner_id, app=app,
                          name=name, language=language, draft_version=0)
        self.db.add(session)
        self.db.flush()
        return session

    def of_owner(self, owner_id: str, app: str) -> list[Session]:
        """The owner's sessions of ``app``, oldest first."""
        return list(self.db.scalars(select(Session).where(Session.owner_id == owner_id, Session.app == app)
                                    .order_by(Session.created_at, Session.id)))

    def delete(self, session: Session) -> None:
        self.db.delete(session)
        self.db.flush()

    def events(self, session_id: str) -> list[dict[str, Any]]:
        """Every recorded turn event of the session, in order."""
        return [row.event for row in self.db.scalars(
            select(TurnEvent).where(TurnEvent.session_id == session_id).order_by(TurnEvent.id))]

    def last_change(self, session: Session) -> datetime:
        """When the session last changed: created, a draft version added, or a turn event recorded."""
        times = [session.created_at,
                 self.db.scalar(select(func.max(DraftVersion.created_at)).where(DraftVersion.session_id == session.id)),
                 self.db.scalar(select(func.max(TurnEvent.created_at)).where(TurnEvent.session_id == session.id))]
        return max(moment for moment in times if moment is not None)

    def latest_of(self, owner_id: str) -> Session | None:
        """The user's most recently created session."""
        return self.db.scalar(select(Session).where(Session.owner_id == owner_id)
                              .order_by(Session.created_at.desc(), Session.id.desc()).limit(1))


class DraftRepo:
    """Versions are numbered per session; ``parent`` links each to the one it was edited from."""

    def __init__(self, db: DbSession) -> None:
        self.db = db

    def current(self, session: Session) -> DraftVersion | None:
        if session.draft_version == 0:
            return None
        return self.version(session.id, session.draft_version)

    def version(self, session_id: str, version: int) -> DraftVersion | None:
        return self.db.scalar(_VERSION, {"session_id": session_id, "version": version})

    def add(self, session: Session, draft: dict[str, Any], description: str,
            changes: dict[str, Any] | None = None) -> DraftVersion:
        """Store ``draft`` as a new version after the current one and point the session at it; ``changes`` records
        the edits that made it (``{"edits": [...], "made": [...], "auto": bool}``)."""
        newest = self.db.scalar(select(func.max(DraftVersion.version))
                                .where(DraftVersion.session_id == session.id)) or 0
        row = DraftVersion(session_id=session.id, version=newest + 1, parent=session.draft_version or None,
                           draft=draft, description=description, changes=changes)
        self.db.add(row)
        session.draft_version = row.version
        self.db.flush()
        return row

    def undo(self, session: Session) -> DraftVersion | None:
        """Point at the current version's parent; None when there is nothing to undo."""
        current = self.current(session)
        if current is None or current.parent is None:
            return None
        session.draft_version = current.parent
        self.db.flush()
        return self.version(session.id, current.parent)

    def redo(self, session: Session) -> DraftVersion | None:
        """Point at the newest version made from the current one; None when there is none."""
        if session.draft_version == 0:
            return None
        child = self.db.scalar(
            select(DraftVersion).where(DraftVersion.session_id == session.id,
                                       DraftVersion.parent == session.draft_version)
            .order_by(DraftVersion.version.desc()).limit(1))
        if child is None:
            return None
        session.draft_version = child.version
        self.db.flush()
        return child
