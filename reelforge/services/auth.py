"""Who is calling: anonymous tokens, bearer authentication and the per-token rate limit.

Tokens are stored as sha256 hashes. An anonymous token is HMAC(server key, nonce), the
nonce kept in its row, so the same client id gets the same unexpired token back without
the token text ever being stored.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import random
import secrets
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session as DbSession

from reelforge.errors import AuthError, MissingClientId, RateLimited
from reelforge.services.context import Services
from reelforge.store import Session, utcnow
from reelforge.store.repos import CreditLedger, SessionRepo, TokenRepo, UserRepo

__all__ = ["ALL_SCOPES", "Principal", "authenticate", "cached_principal", "hash_token", "issue_anonymous_token",
           "load_session"]

ALL_SCOPES = ("read", "write", "upload", "render")


@dataclass(frozen=True)
class Principal:
    """The authenticated caller; ``session_scope`` confines it to one session (the studio cookie's)."""

    user_id: str
    kind: str                 # anonymous | registered
    scopes: frozenset[str]
    token_id: str
    session_scope: str | None = None

    def allows(self, scope: str) -> bool:
        return "*" in self.scopes or scope in self.scopes


def load_session(db_session: DbSession, principal: Principal, session_id: str) -> Session | None:
    """The session ``session_id`` if the caller may touch it: its own, and inside its session scope.

    None otherwise; an unknown id, someone else's session and one outside the scope look the same
    (1002 to the caller). Every service loads a caller's session through here.
    """
    if principal.session_scope is not None and session_id != principal.session_scope:
        return None
    return SessionRepo(db_session).owned(session_id, principal.user_id)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _derive(secret: str, nonce: str) -> str:
    mac = hmac.new(secret.encode(), f"anonymous-token:{nonce}".encode(), hashlib.sha256).digest()
    return "rf_" + base64.urlsafe_b64encode(mac).decode().rstrip("=")


def issue_anonymous_token(svc: Services, client_id: str | None, address: str) -> dict[str, Any]:
    """The protocol's anonymous-token: same client id -> same user and its unexpired token."""
    client_id = (client_id or "").strip()
    if not client_id or len(client_id) > 200:
        raise MissingClientId(field="X-Client-Id")
    settings = svc.settings
    with svc.db.write() as session:
        users, tokens = UserRepo(session), TokenRepo(session)
        user = users.by_client_id(client_id)
        token = tokens.latest_active_for(user.id) if user is not None else None
        if token is None:
            # minting a token is what the per-client and per-address limits count
            if not svc.limits.test("anon-client", client_id) or not svc.limits.test("anon-address", address):
                wait = max(svc.limits.retry_after("anon-client", client_id), svc.limits.retry_after("anon-address", address))
                raise RateLimited("too many anonymous tokens; try again later", retry_after=wait)
            svc.limits.hit("anon-client", client_id)
            svc.limits.hit("anon-address", address)
            if user is None:
                user = users.create("anonymous", client_id=client_id)
                CreditLedger(session).grant(user.id, settings.anonymous_credits, "anonymous start")
            nonce = secrets.token_hex(16)
            scopes = " ".join(ALL_SCOPES)
            token = tokens.create(user.id, hash_token(_derive(svc.secret, nonce)), scopes,
                                  utcnow() + timedelta(days=settings.anonymous_token_days), nonce=nonce)
        assert user is not None  # a token was found or made for this user
        assert token.nonce is not None and token.expires_at is not None
        balance = CreditLedger(session).balance(user.id)
        return {"token": _derive(svc.secret, token.nonce), "expires_at": token.expires_at.isoformat(),
                "credits": balance.available, "scopes": token.scopes.split(), "user_id": user.id}


def _bearer(authorization: str | None) -> str:
    scheme, _, token = (authorization or "").partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise AuthError("missing bearer token")
    return token


def _rate_limited(svc: Services, principal: Principal) -> Principal:
    if not svc.limits.hit("token", principal.token_id):
        raise RateLimited(retry_after=svc.limits.retry_after("token", principal.token_id))
    return principal


def cached_principal(svc: Services, authorization: str | None) -> Principal | None:
    """The caller from the short-lived token cache (no query), or None on a miss. Never blocks."""
    entry = svc.token_cache.get(hash_token(_bearer(authorization)))
    if entry is None:
        return None
    principal, expires_at, cached_at = entry
    now = time.monotonic()
    if now - cached_at > svc.settings.auth_cache_s or (expires_at is not None and expires_at <= utcnow()):
        return None
    return _rate_limited(svc, principal)


def authenticate(svc: Services, authorization: str | None) -> Principal:
    """The caller of a ``Bearer`` header; raises :class:`AuthError` (1001) or :class:`RateLimited` (429)."""
    token_hash = hash_token(_bearer(authorization))
    with svc.db.read() as session:
        found = TokenRepo(session).active_by_hash(token_hash)
        if found is None:
            raise AuthError("token invalid or expired")
        row, user = found
        principal = Principal(user_id=user.id, kind=user.kind, scopes=frozenset(row.scopes.split()),
                              token_id=row.id)
    if svc.settings.auth_cache_s > 0:
        if len(svc.token_cache) > 100_000:
            svc.token_cache.clear()
        # Entries live auth_cache_s minus up to a quarter of it, at random: tokens cached in the same
        # moment (a burst of clients) must not all expire, and all query again, in the same moment.
        jitter = random.uniform(0.0, 0.25 * svc.settings.auth_cache_s)
        svc.token_cache[token_hash] = (principal, row.expires_at, time.monotonic() - jitter)
    return _rate_limited(svc, principal)
