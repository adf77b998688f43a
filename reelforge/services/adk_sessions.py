"""reelforge sessions as Google ADK sessions, for ADK clients (``/apps/{app}/users/{user}/sessions``).

An ADK ``Session`` is ``{id, appName, userId, state, events, lastUpdateTime}``. Its
``state`` here is what reelforge keeps of a session: ``name``, ``language``, the current
``draft`` and (read-only) ``task_id`` and ``draft_version``; a client may set the first
three. ``events`` are the session's recorded turn events, already ADK-shaped.
"""

from __future__ import annotations

import re
from typing import Any

from reelforge.draft import validate
from reelforge.errors import InvalidInput, SessionNotFound
from reelforge.services.auth import Principal, load_session
from reelforge.services.context import Services
from reelforge.services.sessions import LANGUAGES, current_draft
from reelforge.store.models import Session
from reelforge.store.repos import DraftRepo, MediaRepo, SessionRepo

__all__ = ["WRITABLE_STATE", "check_user", "create", "delete", "get", "list_sessions", "update"]

WRITABLE_STATE = ("name", "language", "draft")
_SESSION_ID = re.compile(r"^[A-Za-z0-9_-]{1,40}$")


def check_user(svc: Services, principal: Principal, app: str, user: str) -> None:
    """``{user}`` is ``me`` or the caller's own id, and ``{app}`` a configured app; else 404 (as absent)."""
    if app not in svc.settings.apps or user not in ("me", principal.user_id):
        raise SessionNotFound()


def _owned(db_session: Any, principal: Principal, app: str, session_id: str) -> Session:
    found = load_session(db_session, principal, session_id)
    if found is None or found.app != app:
        raise SessionNotFound()
    return found


def _adk(db_session: Any, session: Session, user_id: str, with_events: bool = True) -> dict[str, Any]:
    draft = current_draft(db_session, session)
    sessions = SessionRepo(db_session)
    events = sessions.events(session.id) if with_events else []
    last = sessions.last_change(session)
    state = {"name": session.name, "language": session.language, "task_id": session.task_id,
             "draft_version": session.draft_version, "draft": draft.to_wire()}
    return {"id": session.id, "appName": session.app, "userId": user_id, "state": state, "events": events,
            "lastUpdateTime": last.timestamp()}


def _apply_state(db_session: Any, principal: Principal, session: Session, delta: dict[str, Any] | None) -> None:
    if not delta:
        return
    if not isinstance(delta, dict):
        raise InvalidInput("state: must be an object", field="state")
    unknown = sorted(set(delta) - set(WRITABLE_STATE))
    if unknown:
        raise InvalidInput(f"state.{unknown[0]}: reelforge keeps only {', '.join(WRITABLE_STATE)}",
                           field=f"state.{unknown[0]}")
    if "name" in delta:
        if not isinstance(delta["name"], str) or not delta["name"].strip():
            raise InvalidInput("state.name: must be a non-empty string", field="state.name")
        session.name = delta["name"].strip()[:200]
    if "language" in delta:
        language = str(delta["language"]).lower()
        language = "zh" if language.startswith("zh") else language
        if language not in LANGUAGES:
            raise InvalidInput(f"state.language: one of {', '.join(LANGUAGES)}", field="state.language")
        session.language = language
    if "draft" in delta:
        media = MediaRepo(db_session)

        def known(src: str) -> bool:
            return src.startswith("media:") and media.owned(src.removeprefix("media:"), principal.user_id) is not None

        draft = validate(delta["draft"], known_media=known)
        DraftRepo(db_session).add(session, draft.to_wire(), "set by an ADK client")


def list_sessions(svc: Services, principal: Principal, app: str, user: str) -> list[dict[str, Any]]:
    check_user(svc, principal, app, user)
    with svc.db.read() as db_session:
        rows = SessionRepo(db_session).of_owner(principal.user_id, app)
        # ADK's list leaves events out (its session service returns them empty)
        return [_adk(db_session, row, user, with_events=False) for row in rows]


def get(svc: Services, principal: Principal, app: str, user: str, session_id: str) -> dict[str, Any]:
    check_user(svc, principal, app, user)
    with svc.db.read() as db_session:
        return _adk(db_session, _owned(db_session, principal, app, session_id), user)


def create(svc: Services, principal: Principal, app: str, user: str, session_id: str | None,
           state: dict[str, Any] | None) -> dict[str, Any]:
    """A new session (with the client's id when given); ``state`` may set name, language and draft."""
    check_user(svc, principal, app, user)
    with svc.db.write() as db_session:
        if session_id is None:
            session = SessionRepo(db_session).create(principal.user_id, app, "project", "en")
        else:
            if not _SESSION_ID.match(session_id):
                raise InvalidInput("session_id: 1 to 40 letters, digits, '_' or '-'", field="session_id")
            sessions = SessionRepo(db_session)
            if sessions.get(session_id) is not None:
                raise InvalidInput(f"session_id: {session_id!r} already exists", field="session_id")
            session = sessions.create_with_id(session_id, principal.user_id, app, "project", "en")
        _apply_state(db_session, principal, session, state)
        return _adk(db_session, session, user)


def update(svc: Services, principal: Principal, app: str, user: str, session_id: str,
           state_delta: dict[str, Any] | None) -> dict[str, Any]:
    check_user(svc, principal, app, user)
    with svc.db.write() as db_session:
        session = _owned(db_session, principal, app, session_id)
        _apply_state(db_session, principal, session, state_delta)
        return _adk(db_session, session, user)


def delete(svc: Services, principal: Principal, app: str, user: str, session_id: str) -> None:
    check_user(svc, principal, app, user)
    with svc.db.write() as db_session:
        SessionRepo(db_session).delete(_owned(db_session, principal, app, session_id))
