"""The HTTP server: ``create_app(settings)`` builds the FastAPI app, ``serve(settings)`` runs it.

Start-up migrates the database to head and starts the job workers (which first
re-queue jobs a previous process left running). Middleware is pure ASGI only:
``BaseHTTPMiddleware`` hides client disconnects from streaming responses
(starlette #1438), which the event stream relies on.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI

from reelforge.api import (
    adk,
    observability,
    openai_videos,
    routes_bind,
    routes_files,
    routes_music,
    routes_run,
    routes_seed,
    routes_timeline,
    routes_voice,
    studio,
)
from reelforge.api.envelope import install_error_handlers
from reelforge.services.context import Services, build_services
from reelforge.services.turns import TurnRunner
from reelforge.settings import Settings

__all__ = ["create_app", "serve"]


def create_app(settings: Settings | None = None, *, services: Services | None = None,
               start_workers: bool = True) -> FastAPI:
    """The reelforge API. ``services`` may be pre-built (tests inject a fetch transport or resolver)."""
    settings = settings or (services.settings if services is not None else Settings())
    svc = services or build_services(settings)
    turns = TurnRunner(svc)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if start_workers:
            svc.queue.start()
        try:
            yield
        finally:
            turns.stop()
            svc.queue.stop()
            await svc.aclose()

    app = FastAPI(title="reelforge", version="0.1.0", lifespan=lifespan,
                  description="Self-hosted text-to-video studio: the seed protocol (see PROTOCOL.md).")
    app.state.services = svc
    app.state.turns = turns
    install_error_handlers(app)
    # inside the studio's cookie middleware, which hands the routes a copy of the scope: the router writes the
    # matched route into the copy this middleware sees
    app.add_middleware(observability.MetricsMiddleware, metrics=svc.metrics)
    app.include_router(routes_seed.router)
    app.include_router(routes_files.router)
    app.include_router(routes_timeline.router)  # timelines for other editors, beside the render route
    app.include_router(routes_run.router)
    studio.install_studio(app)  # the web studio: page, cookie middleware, claim links
    app.include_router(openai_videos.router)  # OpenAI's Videos API under /v1
    app.include_router(adk.router)  # ADK's session routes
    app.include_router(routes_music.router)  # the built-in music library, for the studio
    app.include_router(routes_voice.router)  # narration voices and subtitle files
    app.include_router(routes_bind.router)  # /bind: where a 2001 refusal's bind_url leads
    app.include_router(observability.router)  # /metrics and /ready

    @app.get("/health", summary="Liveness")
    def health() -> dict[str, Any]:
        return {"code": 0, "message": "ok", "data": {"status": "ok"}}

    return app


def serve(settings: Settings, *, log_level: str = "info") -> None:
    """Run the server in the foreground (``reelforge serve``)."""
    import gc
    import sys

    import uvicorn

    # Route handlers that touch the database run on worker threads. With Python's default 5 ms GIL
    # switch interval a request that is ready can wait whole intervals behind busy threads; 1 ms keeps
    # the tail short (bench/api.py: p99 of GET state at 100 clients).
    sys.setswitchinterval(0.001)
    app = create_app(settings)
    # Everything built so far (modules, the app, the settings) lives as long as the process: moving it out
    # of the collector's reach keeps full collections short while requests are served.
    gc.collect()
    gc.freeze()

    uvicorn.run(app, host=settings.host, port=settings.port, log_level=log_level,
                timeout_graceful_shutdown=5)
