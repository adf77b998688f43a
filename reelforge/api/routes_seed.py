"""The seed protocol's account, session, credits and state routes (PROTOCOL.md)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Request
from fastapi.responses import JSONResponse

from reelforge.api.deps import Caller, Svc, TokenCaller, db_read
from reelforge.api.envelope import ok
from reelforge.services import credits, sessions
from reelforge.services.auth import issue_anonymous_token
from reelforge.services.commands import Command

__all__ = ["router"]

router = APIRouter()


class SessionRequest(Command):
    task_name: str | None = None
    language: str | None = None


@router.post("/api/auth/anonymous-token", summary="Issue (or return) the anonymous token of a client id")
def anonymous_token(request: Request, svc: Svc,
                    x_client_id: Annotated[str | None, Header()] = None) -> JSONResponse:
    address = request.client.host if request.client else "unknown"
    return ok(issue_anonymous_token(svc, x_client_id, address))


@router.post("/api/tasks/me/with-session/{app}", summary="Create a task and its editing session")
def create_session(app: str, svc: Svc, caller: TokenCaller, body: SessionRequest | None = None) -> JSONResponse:
    body = body or SessionRequest()
    return ok(sessions.create_session(svc, caller, app, body.task_name, body.language))


@router.get("/api/credits/balance/simple", summary="Available, frozen and total credits")
async def credits_balance(svc: Svc, caller: Caller) -> JSONResponse:
    return ok(await db_read(svc, credits.balance, svc, caller))


@router.get("/api/state/{app}/me/{session_id}/latest", summary="The session's draft, videos and generated media")
async def session_state(app: str, session_id: str, svc: Svc, caller: Caller) -> JSONResponse:
    del app  # any configured app name reads the same sessions
    return ok(await db_read(svc, sessions.session_state, svc, caller, session_id))
