"""The studio cookie: pure ASGI middleware that lets the page call the protocol endpoints.

A request with no ``Authorization`` header but a valid studio cookie (see
:mod:`reelforge.services.claims`) gets the bearer header of its studio token added
server-side, so every route authenticates one way. Before that:

- state-changing methods must carry ``X-CSRF-Token`` equal to the identity's CSRF token
  (the double-submit value the page reads from the ``rf_csrf`` cookie), and an ``Origin``,
  when sent, must be this server's;
- the request must concern the cookie's one session: a session id in the path, or in a
  JSON body (``/run``, ``/run_sse``, exports), or a render of that session. Paths the
  cookie may not use (ADK, /v1, session creation) pass through unauthenticated.

Pure ASGI rather than ``BaseHTTPMiddleware``, which hides disconnects from streams
(starlette #1438).
"""

from __future__ import annotations

import hmac
import json
import re
from http.cookies import SimpleCookie
from typing import Any

import anyio
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from reelforge.services.claims import StudioIdentity, csrf_token, read_cookie, studio_bearer
from reelforge.services.context import Services
from reelforge.store.models import Render, Token

__all__ = ["COOKIE", "CSRF_COOKIE", "CSRF_HEADER", "StudioAuth"]

COOKIE = "rf_studio"
CSRF_COOKIE = "rf_csrf"
CSRF_HEADER = "x-csrf-token"
_SAFE = frozenset({"GET", "HEAD", "OPTIONS"})
_MAX_BODY = 4 * 1024 * 1024
_SESSION_IN_PATH = (re.compile(r"^/api/(?:state|upload-video)/[^/]+/me/(?P<sid>[^/]+)"),
                    re.compile(r"^/studio/api/sessions/(?P<sid>[^/]+)"))
_SESSION_IN_BODY = re.compile(r"^/(?:run|run_sse|api/render/proxy/lambda)$")
_RENDER_IN_PATH = re.compile(r"^/api/render/proxy/(?:lambda/(?P<a>[^/]+)|(?P<b>[^/]+)/download)$")
_USER_LEVEL = re.compile(r"^/(?:api/credits/balance/simple|studio/api/session|studio/api/media/[^/]+/thumbnail"
                         r"|api/music/styles(?:/[a-z0-9_-]+/sample)?)$")


def _cookie(headers: Headers, name: str) -> str | None:
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(headers.get("cookie", ""))
    except Exception:  # a malformed Cookie header is treated as no cookie
        return None
    morsel = jar.get(name)
    return morsel.value if morsel is not None else None


async def _reply(send: Send, status: int, code: int, message: str) -> None:
    body = json.dumps({"code": code, "message": message, "data": None}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def _render_in_session(svc: Services, identity: StudioIdentity, client_id: str) -> bool:
    from sqlalchemy import select

    with svc.db.read() as session:
        token = session.get(Token, identity.token_id)
        if token is None:
            return False
        record = session.scalar(select(Render).where(Render.owner_id == token.user_id, Render.client_id == client_id))
        return record is not None and record.session_id == identity.session_id


class StudioAuth:
    """Turns a studio cookie into the bearer header of its token, for the one session it names."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        svc: Services = scope["app"].state.services
        identity = None if "authorization" in headers else read_cookie(svc, _cookie(headers, COOKIE))
        if identity is None:
            await self.app(scope, receive, send)
            return
        scope = {**scope, "state": {**scope.get("state", {}), "studio": identity}}
        if scope["method"] not in _SAFE:
            sent = headers.get(CSRF_HEADER, "")
            if not hmac.compare_digest(sent.encode(), csrf_token(svc, identity).encode()):
                await _reply(send, 403, 403, "missing or wrong X-CSRF-Token header")
                return
            origin = headers.get("origin")
            if origin is not None and origin.split("://", 1)[-1] != headers.get("host", ""):
                await _reply(send, 403, 403, "cross-origin request refused")
                return
        path: str = scope["path"]
        verdict, receive = await self._concerns_session(svc, identity, path, scope["method"], receive)
        if verdict is False:
            await _reply(send, 404, 1002, "session not found")
            return
        if verdict is True:
            bearer = await anyio.to_thread.run_sync(studio_bearer, svc, identity)
            if bearer is not None:
                raw = [(k, v) for k, v in scope["headers"] if k != b"authorization"]
                scope = {**scope, "headers": [*raw, (b"authorization", f"Bearer {bearer}".encode())]}
        await self.app(scope, receive, send)

    async def _concerns_session(self, svc: Services, identity: StudioIdentity, path: str, method: str,
                                receive: Receive) -> tuple[bool | None, Receive]:
        """True: the request is about the cookie's session; False: about another; None: not a cookie route."""
        for pattern in _SESSION_IN_PATH:
            match = pattern.match(path)
            if match:
                return match["sid"] == identity.session_id, receive
        if _USER_LEVEL.match(path):
            return True, receive
        render = _RENDER_IN_PATH.match(path)
        if render and method in _SAFE:
            client_id = render["a"] or render["b"]
            return await anyio.to_thread.run_sync(_render_in_session, svc, identity, client_id), receive
        if _SESSION_IN_BODY.match(path) and method == "POST":
            body, replay = await _buffer(receive)
            try:
                payload: Any = json.loads(body or b"{}")
            except ValueError:
                return None, replay  # the route reports the malformed body (unauthenticated: 401)
            if not isinstance(payload, dict):
                return None, replay
            sid = payload.get("session_id") or payload.get("sessionId")
            return sid == identity.session_id, replay
        return None, receive


async def _buffer(receive: Receive) -> tuple[bytes, Receive]:
    """Read a (small, JSON) request body and return a receive that replays it."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        size += len(chunks[-1])
        if size > _MAX_BODY or not message.get("more_body", False):
            break
    body = b"".join(chunks)
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return body, replay
