"""Google ADK's session routes, so an ADK client can drive reelforge's agent.

Paths and bodies follow ADK's FastAPI server (``google.adk.cli.adk_web_server``):
``GET /list-apps``; ``GET|POST /apps/{app}/users/{user}/sessions``;
``GET|POST|PATCH|DELETE /apps/{app}/users/{user}/sessions/{session_id}``. Bodies are
accepted in snake_case or camelCase, as ADK's models accept both. ``{user}`` is ``me`` or
the bearer token's user id; anyone else's sessions answer 404. ``/run`` and ``/run_sse``
live with the seed protocol routes and already speak ADK's request and events.
"""

from __future__ import annotations

from typing import Annotated, Any

import anyio
from fastapi import APIRouter, Body
from fastapi.responses import JSONResponse

from reelforge.api.deps import Svc, TokenCaller
from reelforge.errors import InvalidInput
from reelforge.services import adk_sessions
from reelforge.services.commands import Command

__all__ = ["router"]

router = APIRouter(tags=["adk"])


class CreateSessionRequest(Command):
    """ADK's ``CreateSessionRequest``."""

    session_id: str | None = None
    state: dict[str, Any] | None = None
    events: list[Any] | None = None


class UpdateSessionRequest(Command):
    """ADK's ``UpdateSessionRequest``."""

    state_delta: dict[str, Any] | None = None


@router.get("/list-apps", summary="The agent names this server answers to (ADK)")
def list_apps(svc: Svc) -> list[str]:
    return list(svc.settings.apps)


@router.get("/apps/{app}/users/{user}/sessions", summary="The caller's sessions of an app (ADK)")
def list_sessions(app: str, user: str, svc: Svc, caller: TokenCaller) -> JSONResponse:
    return JSONResponse(adk_sessions.list_sessions(svc, caller, app, user))


@router.post("/apps/{app}/users/{user}/sessions", summary="Create a session (ADK CreateSessionRequest)")
async def create_session(app: str, user: str, svc: Svc, caller: TokenCaller,
                         body: CreateSessionRequest | None = None) -> JSONResponse:
    body = body or CreateSessionRequest()
    if body.events:
        raise InvalidInput("events: reelforge records events from turns; create the session without them",
                           field="events")
    created = await anyio.to_thread.run_sync(adk_sessions.create, svc, caller, app, user, body.session_id,
                                             body.state)
    return JSONResponse(created)


@router.get("/apps/{app}/users/{user}/sessions/{session_id}", summary="One session with its events (ADK)")
def get_session(app: str, user: str, session_id: str, svc: Svc, caller: TokenCaller) -> JSONResponse:
    return JSONResponse(adk_sessions.get(svc, caller, app, user, session_id))


@router.post("/apps/{app}/users/{user}/sessions/{session_id}", summary="Create a session with this id (ADK)")
async def create_session_with_id(app: str, user: str, session_id: str, svc: Svc, caller: TokenCaller,
                                 state: Annotated[dict[str, Any] | None, Body()] = None) -> JSONResponse:
    # ADK posts the initial state itself as the body
    created = await anyio.to_thread.run_sync(adk_sessions.create, svc, caller, app, user, session_id, state)
    return JSONResponse(created)


@router.patch("/apps/{app}/users/{user}/sessions/{session_id}", summary="Change a session's state (ADK)")
async def update_session(app: str, user: str, session_id: str, svc: Svc, caller: TokenCaller,
                         body: UpdateSessionRequest | None = None) -> JSONResponse:
    updated = await anyio.to_thread.run_sync(adk_sessions.update, svc, caller, app, user, session_id,
                                             (body or UpdateSessionRequest()).state_delta)
    return JSONResponse(updated)


@router.delete("/apps/{app}/users/{user}/sessions/{session_id}", summary="Delete a session (ADK)")
def delete_session(app: str, user: str, session_id: str, svc: Svc, caller: TokenCaller) -> JSONResponse:
    adk_sessions.delete(svc, caller, app, user, session_id)
    return JSONResponse(None)  # ADK's route returns None: 200 with a JSON null
