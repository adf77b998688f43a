"""The web studio: the page at ``/``, its static files, its own routes, and claim links.

The page is vanilla JS modules and CSS served from ``static/`` (no build step, no CDN, so
it works offline). It talks HTTP to the protocol endpoints with a cookie that
:class:`~reelforge.api.studio_auth.StudioAuth` turns into the bearer header server-side;
the bearer token itself never reaches the page or a URL.

``install_studio(app)`` adds the middleware and the router (one line in the app factory).
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Annotated

import anyio
from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response

from reelforge.api.deps import Caller, Svc, TokenCaller
from reelforge.api.envelope import ok
from reelforge.api.studio_auth import COOKIE, CSRF_COOKIE, StudioAuth
from reelforge.errors import AuthError, LinkInvalid, NotFound
from reelforge.fonts import web_subset
from reelforge.services import claims, previews
from reelforge.services.claims import StudioIdentity
from reelforge.services.commands import Command
from reelforge.services.context import Services

__all__ = ["install_studio", "router"]

STATIC = Path(__file__).parent / "static"
_STATIC_TYPES = {".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".html": "text/html",
                 ".png": "image/png", ".json": "application/json"}
# everything the page loads comes from this server; no inline scripts, no frames
_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
        "media-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
        "form-action 'self'")
_PAGE_HEADERS = {"Content-Security-Policy": _CSP, "X-Content-Type-Options": "nosniff",
                 "Referrer-Policy": "no-referrer", "Cache-Control": "no-store"}

router = APIRouter()


def install_studio(app: FastAPI) -> None:
    """Serve the studio on ``app``: its cookie middleware and its routes."""
    app.add_middleware(StudioAuth)
    app.include_router(router)


def _set_identity(response: Response, request: Request, svc: Services, identity: StudioIdentity) -> None:
    secure = request.url.scheme == "https"
    response.set_cookie(COOKIE, claims.write_cookie(svc, identity), max_age=claims.STUDIO_TTL_S, path="/",
                        httponly=True, samesite="strict", secure=secure)
    # the double-submit half the page reads and echoes in X-CSRF-Token
    response.set_cookie(CSRF_COOKIE, claims.csrf_token(svc, identity), max_age=claims.STUDIO_TTL_S, path="/",
                        httponly=False, samesite="strict", secure=secure)


def _identity(request: Request) -> StudioIdentity | None:
    found = getattr(request.state, "studio", None)
    return found if isinstance(found, StudioIdentity) else None


# -- the page ---------------------------------------------------------------------------
@router.get("/", include_in_schema=False)
def page() -> HTMLResponse:
    return HTMLResponse((STATIC / "index.html").read_text(encoding="utf-8"), headers=_PAGE_HEADERS)


@router.get("/studio/static/{name:path}", include_in_schema=False)
def static_file(name: str) -> FileResponse:
    path = (STATIC / name).resolve()
    if not path.is_relative_to(STATIC.resolve()) or not path.is_file() or path.suffix not in _STATIC_TYPES:
        raise NotFound(f"no static file {name!r}")
    return FileResponse(path, media_type=_STATIC_TYPES[path.suffix],
                        headers={"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"})


def _page_text() -> str:
    """Every non-ASCII character the page itself shows (its Chinese labels), for the font subset."""
    found = {ch for path in STATIC.rglob("*") if path.suffix in (".html", ".js")
             for ch in path.read_text(encoding="utf-8") if ord(ch) > 0x7F}
    return "".join(sorted(found))


@router.get("/studio/font/cjk.woff", include_in_schema=False)
async def cjk_font() -> FileResponse:
    """A subset of the bundled Noto Sans CJK SC (common Chinese and the page's own words): Chinese shows
    in the studio on a machine without CJK system fonts. Made once, then cached (fonts.web_subset)."""
    path = await anyio.to_thread.run_sync(web_subset, _page_text())
    return FileResponse(path, media_type="font/woff",
                        headers={"Cache-Control": "public, max-age=604800", "X-Content-Type-Options": "nosniff"})


# -- the page's identity ---------------------------------------------------------------------
class StartRequest(Command):
    language: str | None = None


@router.get("/studio/api/session", summary="The studio cookie's session (401 when there is none)")
def studio_session(request: Request, svc: Svc) -> JSONResponse:
    identity = _identity(request)
    described = claims.describe_session(svc, identity) if identity is not None else None
    if identity is None or described is None or claims.studio_bearer(svc, identity) is None:
        raise AuthError("no studio session")
    response = ok(described)
    _set_identity(response, request, svc, identity)  # refreshes the CSRF cookie if it was lost
    return response


@router.post("/studio/api/session", summary="Start an anonymous studio user and session (sets the cookie)")
def start_session(request: Request, svc: Svc, body: StartRequest | None = None) -> JSONResponse:
    identity = _identity(request)
    described = claims.describe_session(svc, identity) if identity is not None else None
    if identity is None or described is None or claims.studio_bearer(svc, identity) is None:
        origin = request.headers.get("origin")
        if origin is not None and origin.split("://", 1)[-1] != request.headers.get("host", ""):
            raise AuthError("cross-origin request refused")
        address = request.client.host if request.client else "unknown"
        language = (body or StartRequest()).language
        if claims.is_owner_request(svc.settings, address, request.headers):
            identity, described = claims.start_owner(svc, language)  # a local install's owner
        else:
            identity, described = claims.start_anonymous(svc, address, language)
    response = ok(described)
    _set_identity(response, request, svc, identity)
    return response


# -- what the page shows ------------------------------------------------------------------------
@router.get("/studio/api/media/{media_id}/thumbnail", summary="A JPEG frame of a video or image")
async def thumbnail(media_id: str, svc: Svc, caller: Caller, at: Annotated[int, Query(ge=0)] = 0) -> FileResponse:
    path = await anyio.to_thread.run_sync(previews.media_thumbnail, svc, caller, media_id, at)
    return FileResponse(path, media_type="image/jpeg", headers={"Cache-Control": "private, max-age=86400"})


@router.get("/studio/api/sessions/{session_id}/preview", summary="The 360p preview of the current draft")
async def session_preview(session_id: str, svc: Svc, caller: Caller) -> JSONResponse:
    return ok(await anyio.to_thread.run_sync(previews.preview, svc, caller, session_id))


@router.get("/studio/api/sessions/{session_id}/preview.mp4", summary="A stored preview (Range requests work)")
def session_preview_file(session_id: str, svc: Svc, caller: Caller, v: Annotated[int, Query(ge=0)]) -> FileResponse:
    path = previews.preview_path(svc, caller, session_id, v)
    return FileResponse(path, media_type="video/mp4", headers={"Cache-Control": "private, max-age=86400"})


@router.get("/studio/api/sessions/{session_id}/renders", summary="The session's past exports")
def session_renders(session_id: str, svc: Svc, caller: Caller) -> JSONResponse:
    return ok({"renders": previews.list_renders(svc, caller, session_id)})


# -- claim links ----------------------------------------------------------------------------------
class ClaimRequest(Command):
    task_id: str | None = None
    session_id: str | None = None


@router.post("/api/auth/claim-token", summary="A one-time link token opening a session in the studio")
def claim_token(svc: Svc, caller: TokenCaller, body: ClaimRequest | None = None) -> JSONResponse:
    body = body or ClaimRequest()
    return ok(claims.issue_claim(svc, caller, body.task_id, body.session_id))


_ERROR_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>reelforge: link not valid</title>
<link rel="stylesheet" href="/studio/static/css/studio.css"></head>
<body><main class="claim-error"><h1>This studio link does not work</h1><p>{message}</p>
<p>Ask for a new link, or <a href="/">open a new studio session</a>.</p></main></body></html>"""


@router.get("/workspace/claim", include_in_schema=False)
def claim(request: Request, svc: Svc, ct: str | None = None) -> Response:
    """Exchange a claim token for the studio cookie and open the studio (the token leaves the URL)."""
    try:
        identity = claims.redeem_claim(svc, ct)
    except LinkInvalid as exc:
        body = _ERROR_PAGE.format(message=html.escape(exc.message))
        return HTMLResponse(body, status_code=exc.status, headers=_PAGE_HEADERS)
    response = RedirectResponse(f"/?session={identity.session_id}", status_code=303,
                                headers={"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"})
    _set_identity(response, request, svc, identity)
    return response

