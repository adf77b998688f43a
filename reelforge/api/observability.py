"""``/metrics`` (Prometheus), ``/ready`` and the middleware that times requests by route.

The middleware is pure ASGI (``BaseHTTPMiddleware`` hides client disconnects from
streams, starlette #1438). It labels a request by its route's template
(``/api/state/{app}/me/{session_id}/latest``), never the raw path, so the number of
series stays bounded; an event stream counts as open from its first byte until it ends
and is left out of the latency histogram (its length is the user's, not the server's).
"""

from __future__ import annotations

import time

import anyio
from fastapi import APIRouter, Response
from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from reelforge.api.deps import Svc
from reelforge.metrics import CONTENT_TYPE, Metrics
from reelforge.services.health import readiness

__all__ = ["MetricsMiddleware", "router"]

router = APIRouter(tags=["operations"])


@router.get("/metrics", summary="Prometheus metrics", include_in_schema=False)
async def metrics(svc: Svc) -> Response:
    body = await anyio.to_thread.run_sync(svc.metrics.render)  # the fleet gauges query the database
    return Response(body, media_type=CONTENT_TYPE)


@router.get("/ready", summary="Readiness: the database, the job queue and storage answer")
async def ready(svc: Svc) -> JSONResponse:
    checks = await anyio.to_thread.run_sync(readiness, svc)
    failing = [name for name, fine in checks.items() if not fine]
    if failing:
        return JSONResponse({"code": 503, "message": f"not ready: {', '.join(failing)} unreachable",
                             "data": checks}, status_code=503)
    return JSONResponse({"code": 0, "message": "ok", "data": checks})


class MetricsMiddleware:
    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status, streaming = 500, False

        async def timed_send(message: Message) -> None:
            nonlocal status, streaming
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = dict(message.get("headers", []))
                if headers.get(b"content-type", b"").startswith(b"text/event-stream"):
                    streaming = True
                    self.metrics.sse_open.inc()
            await send(message)

        try:
            await self.app(scope, receive, timed_send)
        finally:
            if streaming:
                self.metrics.sse_open.dec()
            else:
                self.metrics.http_latency.labels(scope["method"], _route_of(scope), str(status)).observe(
                    time.perf_counter() - started)


def _route_of(scope: Scope) -> str:
    route = scope.get("route")
    path = getattr(route, "path", None)
    return str(path) if path else "unmatched"
