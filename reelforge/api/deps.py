"""Dependencies: the services of this app and the authenticated caller."""

from __future__ import annotations

from typing import Annotated

import anyio
from fastapi import Depends, Header, Request

from reelforge.services.auth import Principal, authenticate, cached_principal
from reelforge.services.context import Services

__all__ = ["Caller", "Svc", "services"]


def services(request: Request) -> Services:
    svc: Services = request.app.state.services
    return svc


Svc = Annotated[Services, Depends(services)]


async def _caller(svc: Svc, authorization: Annotated[str | None, Header()] = None) -> Principal:
    # a cached token needs no query and no thread hop; a miss queries on the thread pool
    cached = cached_principal(svc, authorization)
    if cached is not None:
        return cached
    return await anyio.to_thread.run_sync(authenticate, svc, authorization)


Caller = Annotated[Principal, Depends(_caller)]
