"""Dependencies: the services of this app and the authenticated caller."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from typing import Annotated, ParamSpec, TypeVar

import anyio
from fastapi import Depends, Header, Request

from reelforge.services.auth import Principal, authenticate, cached_principal
from reelforge.services.claims import StudioIdentity, studio_bearer
from reelforge.services.context import Services
from reelforge.services.exports import check_attribution, check_export_allowed

__all__ = ["Attributed", "Caller", "Svc", "TokenCaller", "db_read", "services"]

T = TypeVar("T")
P = ParamSpec("P")

async def db_read(svc: Services, function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Run a short database read for the hot polling routes (state, credits).

    On SQLite the read runs right here: it takes a fraction of a millisecond and never waits for a
    writer (WAL), while the hop to a worker thread and back costs more than the query and, with the
    pool's threads contending for the GIL, puts a long tail on the latency (bench/api.py: p99 23 ms
    inline against 43-66 ms through threads at 100 clients). A networked database goes to a thread.
    """
    if svc.db.in_process:
        return function(*args, **kwargs)
    return await anyio.to_thread.run_sync(functools.partial(function, *args, **kwargs))


async def services(request: Request) -> Services:
    # async: a plain ``def`` dependency runs on a worker thread, a hop per request on every route
    svc: Services = request.app.state.services
    return svc


Svc = Annotated[Services, Depends(services)]


async def _token_caller(svc: Svc, authorization: Annotated[str | None, Header()] = None) -> Principal:
    # a cached token needs no query; a miss queries through db_read (inline on SQLite, else a thread)
    cached = cached_principal(svc, authorization)
    if cached is not None:
        return cached
    return await db_read(svc, authenticate, svc, authorization)


async def _caller(request: Request, svc: Svc, authorization: Annotated[str | None, Header()] = None) -> Principal:
    # The studio page has no token: its cookie (checked for CSRF and origin by StudioAuth) stands for the
    # studio token's user, confined to the cookie's one session (load_session enforces the scope).
    identity = getattr(request.state, "studio", None)
    if authorization is None and isinstance(identity, StudioIdentity):
        bearer = await db_read(svc, studio_bearer, svc, identity)
        principal = await _token_caller(svc, f"Bearer {bearer}" if bearer is not None else None)
        return dataclasses.replace(principal, session_scope=identity.session_id)
    return await _token_caller(svc, authorization)


# A bearer token, or the studio cookie confined to its session: the routes the studio page calls.
Caller = Annotated[Principal, Depends(_caller)]
# A bearer token only: routes the studio cookie may not use (ADK, /v1, new sessions, claim links).
TokenCaller = Annotated[Principal, Depends(_token_caller)]


def _attributed(request: Request, svc: Svc, caller: Caller) -> Principal:
    # the seed protocol's export rules, before the body is looked at: the X-Skill-* headers, then the plan
    check_attribution(svc.settings, request.headers)
    check_export_allowed(svc, caller)
    return caller


Attributed = Annotated[Principal, Depends(_attributed)]
