"""Google ADK's session routes, so an ADK client can drive reelforge's agent.

Paths and bodies follow ADK's FastAPI server (``google.adk.cli.adk_web_server``):
``GET /list-apps``; ``GET|POST /apps/{app}/users/{user}/sessions``;
``GET|POST|PATCH|DELETE /apps/{app}/users/{user}/sessions/{session_id}``. Bodies are
accepted in snake_case or camelCase, as ADK's models accept both. ``{user}`` is ``me`` or
the bearer token's user id; anyone else's sessions answer 404. ``/run`` and ``/run_sse``
live with the seed protocol routes and already speak ADK's request and events.
"""

from __future__ import annotations

import json
from typing import Any

import anyio
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from reelforge.api.deps import Caller, Svc
from reelforge.errors import InvalidInput
from reelforge.services import adk_sessions

__all__ = ["router"]

router = APIRouter(tags=["adk"])


async def _body(request: Request) -> dict[str, Any]:
    raw = await request.body()
    if not raw.strip():
        return {}
    try:
        body = json.loads(raw)
    except ValueError as exc:
        raise InvalidInput("body: not valid JSON", field="body") from exc
    if body is None:
        return {}
    if not isinstance(body, dict):
        raise InvalidInput("body: must be a JSON object", field="body")
    return body


def _either(body: dict[str, Any], snake: str, camel: str) -> Any:
    return body.get(snake, body.get(camel))


@router.get("/list-apps", summary="The agent names this server answers to (ADK)")
def list_apps(svc: Svc) -> list[str]:
    return list(svc.settings.apps)


@router.get("/apps/{app}/users/{user}/sessions", summary="The caller's sessions of an app (ADK)")
def list_sessions(app: str, user: str, svc: Svc, caller: Caller) -> JSONResponse:
    return JSONResponse(adk_sessions.list_sessions(svc, caller, app, user))


@router.post("/apps/{app}/users/{user}/sessions", summary="Create a session (ADK CreateSessionRequest)")
async def create_session(app: str, user: str, request: Request, svc: Svc, caller: Caller) -> JSONResponse:
    body = await _body(request)
    if _either(body, "events", "events"):
        raise InvalidInput("events: reelforge records events from turns; create the session without them",
                           field="events")
    created = await anyio.to_thread.run_sync(adk_sessions.create, svc, caller, app, user,
                                             _either(body, "session_id", "sessionId"), body.get("state"))
    return JSONResponse(created)


@router.get("/apps/{app}/users/{user}/sessions/{session_id}", summary="One session with its events (ADK)")
def get_session(app: str, user: str, session_id: str, svc: Svc, caller: Caller) -> JSONResponse:
    return JSONResponse(adk_sessions.get(svc, caller, app, user, session_id))


@router.post("/apps/{app}/users/{user}/sessions/{session_id}", summary="Create a session with this id (ADK)")
async def create_session_with_id(app: str, user: str, session_id: str, request: Request, svc: Svc,
                                 caller: Caller) -> JSONResponse:
    state = await _body(request)  # ADK posts the initial state itself as the body
    created = await anyio.to_thread.run_sync(adk_sessions.create, svc, caller, app, user, session_id, state)
    return JSONResponse(created)


@router.patch("/apps/{app}/users/{user}/sessions/{session_id}", summary="Change a session's state (ADK)")
async def update_session(app: str, user: str, session_id: str, request: Request, svc: Svc,
                         caller: Caller) -> JSONResponse:
    body = await _body(request)
    updated = await anyio.to_thread.run_sync(adk_sessions.update, svc, caller, app, user, session_id,
                                             _either(body, "state_delta", "stateDelta"))
    return JSONResponse(updated)


@router.delete("/apps/{app}/users/{user}/sessions/{session_id}", summary="Delete a session (ADK)")
def delete_session(app: str, user: str, session_id: str, svc: Svc, caller: Caller) -> JSONResponse:
    adk_sessions.delete(svc, caller, app, user, session_id)
    return JSONResponse(None)  # ADK's route returns None: 200 with a JSON null
