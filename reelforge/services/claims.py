"""Claim links and the studio's cookie identity.

A claim token (``clm_...``) lets a client that holds a bearer token open one of its
sessions in the web studio without putting the bearer token in a URL. It is short-lived,
names one session, works once, and is stored only as a sha256 hash. It has no API
access: its row in ``tokens`` is born revoked, so bearer authentication never accepts it
(``TokenRepo.active_by_hash`` skips revoked rows); only :func:`redeem_claim` reads it.

Redeeming it (or opening the studio without one, which makes an anonymous user and a
session) mints a *studio token* for that user: an ordinary token row whose text is
re-derived from its nonce with the server key (as anonymous tokens are), so the text
never leaves the server. The browser holds only a signed cookie naming the token row and
the one session it may touch; the studio middleware turns that into the bearer header.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from itsdangerous import BadSignature, URLSafeTimedSerializer

from reelforge.errors import InvalidInput, LinkInvalid, RateLimited, SessionNotFound
from reelforge.services.auth import ALL_SCOPES, Principal, _derive, hash_token, load_session
from reelforge.services.context import Services
from reelforge.settings import Settings
from reelforge.store import utcnow
from reelforge.store.models import Token
from reelforge.store.repos import CreditLedger, SessionRepo, TokenRepo, UserRepo

__all__ = [
    "CLAIM_PREFIX",
    "CLAIM_TTL_S",
    "STUDIO_TTL_S",
    "StudioIdentity",
    "csrf_token",
    "describe_session",
    "is_owner_request",
    "issue_claim",
    "read_cookie",
    "redeem_claim",
    "start_anonymous",
    "start_owner",
    "studio_bearer",
    "write_cookie",
]

CLAIM_PREFIX = "clm_"
CLAIM_TTL_S = 600
STUDIO_TTL_S = 7 * 24 * 3600
_CLAIM_SCOPE = "claim"


@dataclass(frozen=True)
class StudioIdentity:
    """What the studio cookie names: a studio token row and the one session it may touch."""

    token_id: str
    session_id: str


def _serializer(svc: Services) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(svc.secret, salt="reelforge-studio-cookie")


def write_cookie(svc: Services, identity: StudioIdentity) -> str:
    return _serializer(svc).dumps({"t": identity.token_id, "s": identity.session_id})


def read_cookie(svc: Services, value: str | None) -> StudioIdentity | None:
    """The identity of a cookie value, or None when absent, altered or older than its lifetime."""
    if not value:
        return None
    try:
        claims = _serializer(svc).loads(value, max_age=STUDIO_TTL_S)
    except BadSignature:
        return None
    if not isinstance(claims, dict) or not isinstance(claims.get("t"), str) or not isinstance(claims.get("s"), str):
        return None
    return StudioIdentity(token_id=claims["t"], session_id=claims["s"])


def csrf_token(svc: Services, identity: StudioIdentity) -> str:
    """The double-submit token of a studio identity: bound to it, so a planted cookie cannot match."""
    mac = hmac.new(svc.secret.encode(), f"studio-csrf:{identity.token_id}".encode(), hashlib.sha256)
    return mac.hexdigest()[:40]


def studio_bearer(svc: Services, identity: StudioIdentity) -> str | None:
    """The bearer text of the identity's token, if that token is still active (never sent to the browser)."""
    with svc.db.read() as session:
        token = TokenRepo(session).get(identity.token_id)
        now = utcnow()
        if (token is None or token.nonce is None or token.revoked_at is not None
                or (token.expires_at is not None and token.expires_at <= now)):
            return None
        return _derive(svc.secret, token.nonce)


def _mint_studio_token(db_session: Any, svc: Services, user_id: str) -> Token:
    nonce = secrets.token_hex(16)
    return TokenRepo(db_session).create(user_id, hash_token(_derive(svc.secret, nonce)), " ".join(ALL_SCOPES),
                                        utcnow() + timedelta(seconds=STUDIO_TTL_S), nonce=nonce)


def start_anonymous(svc: Services, address: str, language: str | None) -> tuple[StudioIdentity, dict[str, Any]]:
    """A new anonymous user with the usual starting credits, one session and a studio token.

    Counted against the per-address anonymous limit, as anonymous tokens are.
    """
    if not svc.limits.hit("anon-address", address):
        wait = svc.limits.retry_after("anon-address", address)
        raise RateLimited(f"too many anonymous studio users from this address; a new one can start in "
                          f"{_in_words(wait)}", retry_after=wait)
    language = "zh" if (language or "").lower().startswith("zh") else "en"
    app = "reelforge" if "reelforge" in svc.settings.apps else svc.settings.apps[0]
    with svc.db.write() as session:
        user = UserRepo(session).create("anonymous", client_id=f"studio:{secrets.token_hex(12)}")
        CreditLedger(session).grant(user.id, svc.settings.anonymous_credits, "anonymous start (studio)")
        created = SessionRepo(session).create(user.id, app, "project", language)
        token = _mint_studio_token(session, svc, user.id)
        identity = StudioIdentity(token_id=token.id, session_id=created.id)
        return identity, {"session_id": created.id, "task_id": created.task_id, "app": app,
                          "name": created.name, "language": created.language}


def _in_words(seconds: int) -> str:
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            count = round(seconds / size)
            return f"{count} {unit}{'s' if count != 1 else ''}"
    return f"{seconds} seconds"


# Headers a reverse proxy adds: a request that passed one came from elsewhere, whatever its socket says
_FORWARDED = ("x-forwarded-for", "forwarded", "x-real-ip")
OWNER_CLIENT_ID = "studio:owner"


def is_owner_request(settings: Settings, address: str | None, headers: Mapping[str, str]) -> bool:
    """Whether a studio request comes from the machine's owner: loopback, or a ``trusted_networks`` address,
    reached directly (a proxy on the same host would make every visitor look local)."""
    if not settings.owner_studio or not address or any(h in headers for h in _FORWARDED):
        return False
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    if ip.is_loopback:
        return True
    return any(ip in ipaddress.ip_network(net, strict=False) for net in settings.trusted_networks)


def start_owner(svc: Services, language: str | None) -> tuple[StudioIdentity, dict[str, Any]]:
    """The owner's studio: their one account (made once, with ``owner_credits``) and their latest project
    (a first one if there is none), so every browser on the machine opens the same work. No anonymous limit."""
    language = "zh" if (language or "").lower().startswith("zh") else "en"
    app = "reelforge" if "reelforge" in svc.settings.apps else svc.settings.apps[0]
    with svc.db.write() as session:
        users = UserRepo(session)
        user = users.by_client_id(OWNER_CLIENT_ID)
        if user is None:
            user = users.create("registered", client_id=OWNER_CLIENT_ID, name="owner")
            CreditLedger(session).grant(user.id, svc.settings.owner_credits, "the local owner's account")
        sessions = SessionRepo(session)
        found = sessions.latest_of(user.id) or sessions.create(user.id, app, "project", language)
        token = _mint_studio_token(session, svc, user.id)
        identity = StudioIdentity(token_id=token.id, session_id=found.id)
        return identity, {"session_id": found.id, "task_id": found.task_id, "app": found.app,
                          "name": found.name, "language": found.language, "owner": True}


def describe_session(svc: Services, identity: StudioIdentity) -> dict[str, Any] | None:
    """The session a live identity names, as the page shows it; None when the identity is dead."""
    with svc.db.read() as session:
        token = TokenRepo(session).get(identity.token_id)
        found = SessionRepo(session).get(identity.session_id)
        if token is None or found is None or found.owner_id != token.user_id:
            return None
        return {"session_id": found.id, "task_id": found.task_id, "app": found.app, "name": found.name,
                "language": found.language}


def issue_claim(svc: Services, principal: Principal, task_id: str | None, session_id: str | None) -> dict[str, Any]:
    """``POST /api/auth/claim-token``: a one-time link token for one of the caller's sessions."""
    if not isinstance(session_id, str) or not session_id:
        raise InvalidInput("session_id: is required", field="session_id")
    text = CLAIM_PREFIX + secrets.token_urlsafe(32)
    now = utcnow()
    with svc.db.write() as session:
        found = load_session(session, principal, session_id)
        if found is None or (task_id is not None and task_id != found.task_id):
            raise SessionNotFound()
        # born revoked: bearer authentication never accepts this row (see the module docstring)
        row = TokenRepo(session).create(principal.user_id, hash_token(text), f"{_CLAIM_SCOPE} {session_id}",
                                        now + timedelta(seconds=CLAIM_TTL_S))
        row.revoked_at = now
    return {"claim_token": text, "expires_in": CLAIM_TTL_S, "session_id": session_id}


def redeem_claim(svc: Services, text: str | None) -> StudioIdentity:
    """Exchange a claim token (once) for a studio identity; :class:`LinkInvalid` if forged, used or expired."""
    if not text or not text.startswith(CLAIM_PREFIX) or len(text) > 200:
        raise LinkInvalid("this studio link is not valid")
    now = utcnow()
    with svc.db.write() as session:
        row = TokenRepo(session).by_hash(hash_token(text))
        scope, _, session_id = (row.scopes.partition(" ") if row is not None else ("", "", ""))
        if row is None or scope != _CLAIM_SCOPE or row.expires_at is None or row.expires_at <= now:
            raise LinkInvalid("this studio link is not valid, was already used, or has expired")
        row.expires_at = now  # single use
        found = SessionRepo(session).owned(session_id, row.user_id)
        if found is None:
            raise LinkInvalid("the session of this link no longer exists")
        token = _mint_studio_token(session, svc, row.user_id)
        return StudioIdentity(token_id=token.id, session_id=found.id)

