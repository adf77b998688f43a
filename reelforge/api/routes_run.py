"""Google ADK's run endpoints: ``/run_sse`` (an event stream) and ``/run`` (the events as a list)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import anyio
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import Field

from reelforge.api.deps import Caller, Svc
from reelforge.errors import InvalidInput
from reelforge.services.commands import Command
from reelforge.services.turns import LiveTurn, TurnRunner

__all__ = ["router"]

router = APIRouter()


class Part(Command):  # ADK clients send camelCase, the seed skill snake_case: Command accepts both
    text: str | None = None


class Content(Command):
    role: str | None = "user"
    parts: list[Part] = Field(default_factory=list)


class RunAgentRequest(Command):
    app_name: str
    user_id: str = "me"
    session_id: str
    new_message: Content
    streaming: bool = False
    state_delta: dict[str, Any] | None = None
    invocation_id: str | None = None

    @property
    def text(self) -> str:
        return "\n".join(part.text for part in self.new_message.parts if part.text)


async def _start(request: Request, body: RunAgentRequest, svc: Svc, caller: Caller) -> tuple[LiveTurn, str]:
    if body.app_name not in svc.settings.apps:
        raise InvalidInput(f"app_name: unknown app {body.app_name!r}", field="app_name")
    runner: TurnRunner = request.app.state.turns
    live = await anyio.to_thread.run_sync(runner.start, caller, body.session_id, body.app_name, body.text,
                                          body.invocation_id)
    return live, body.app_name


@router.post("/run_sse", summary="Send a chat message; the turn's events as Server-Sent Events")
async def run_sse(request: Request, body: RunAgentRequest, svc: Svc, caller: Caller) -> StreamingResponse:
    live, _app = await _start(request, body, svc, caller)  # 1002 and 400 answer before any stream starts
    heartbeat_s = svc.settings.heartbeat_s

    async def stream() -> AsyncIterator[str]:
        yield ": stream open\n\n"  # the first byte at once: proxies and clients see a live stream
        async for item in live.watch(heartbeat_s):
            if item is None:
                yield ": ping\n\n"
            else:
                yield f"data: {json.dumps(item, ensure_ascii=False, separators=(',', ':'))}\n\n"

    return StreamingResponse(stream(), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})


@router.post("/run", summary="Send a chat message; all the turn's events as a JSON list when it ends")
async def run(request: Request, body: RunAgentRequest, svc: Svc, caller: Caller) -> JSONResponse:
    live, _app = await _start(request, body, svc, caller)
    events = [item async for item in live.watch(svc.settings.heartbeat_s) if item is not None]
    return JSONResponse(events)
