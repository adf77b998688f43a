"""The studio cookie: pure ASGI middleware that checks it and hands its identity to the routes.

A request with no ``Authorization`` header but a valid studio cookie (see
:mod:`reelforge.services.claims`) carries the cookie's :class:`StudioIdentity` in
``request.state.studio``. Before that, state-changing methods must carry ``X-CSRF-Token`` equal to
the identity's CSRF token (the double-submit value the page reads from the ``rf_csrf`` cookie), and
an ``Origin``, when sent, must be this server's.

What the cookie may do is decided where the caller is resolved, not here: the ``Caller`` dependency
(:mod:`reelforge.api.deps`) turns the identity into its token's principal scoped to the cookie's one
session, which :func:`reelforge.services.auth.load_session` enforces wherever a session is loaded;
routes the cookie is not for (ADK, /v1, session creation) take ``TokenCaller`` and stay unauthenticated.

Pure ASGI rather than ``BaseHTTPMiddleware``, which hides disconnects from streams
(starlette #1438).
"""

from __future__ import annotations

import hmac
import json
from http.cookies import SimpleCookie

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from reelforge.services.claims import csrf_token, read_cookie
from reelforge.services.context import Services

__all__ = ["COOKIE", "CSRF_COOKIE", "CSRF_HEADER", "StudioAuth"]

COOKIE = "rf_studio"
CSRF_COOKIE = "rf_csrf"
CSRF_HEADER = "x-csrf-token"
_SAFE = frozenset({"GET", "HEAD", "OPTIONS"})


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


class StudioAuth:
    """Checks a studio cookie's CSRF token and origin, then passes its identity on in ``state.studio``."""

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
        if scope["method"] not in _SAFE:
            sent = headers.get(CSRF_HEADER, "")
            if not hmac.compare_digest(sent.encode(), csrf_token(svc, identity).encode()):
                await _reply(send, 403, 403, "missing or wrong X-CSRF-Token header")
                return
            origin = headers.get("origin")
            if origin is not None and origin.split("://", 1)[-1] != headers.get("host", ""):
                await _reply(send, 403, 403, "cross-origin request refused")
                return
        await self.app({**scope, "state": {**scope.get("state", {}), "studio": identity}}, receive, send)
