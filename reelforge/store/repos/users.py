"""Users and their bearer tokens (stored as sha256 hashes)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session as DbSession

from reelforge.store.ids import new_id
from reelforge.store.models import Session, Token, User, utcnow

__all__ = ["TokenRepo", "UserRepo"]


class UserRepo:
    def __init__(self, db: DbSession) -> None:
        self.db = db

    def get(self, user_id: str) -> User | None:
        return self.db.get(User, user_id)

    def by_client_id(self, client_id: str) -> User | None:
        return self.db.scalar(select(User).where(User.client_id == client_id))

    def create(self, kind: str, client_id: str | None = None, name: str | None = None) -> User:
        user = User(id=new_id("usr"), kind=kind, client_id=client_id, name=name, credits_serial=0)
        self.db.add(user)
        self.db.flush()
        return user

    def register(self, user: User, name: str | None = None) -> User:
        """Make ``user`` a registered account (its id, tokens and sessions stay as they were)."""
        user.kind = "registered"
        if name is not None:
            user.name = name
        self.db.flush()
        return user

    def newest_with_session_counts(self, limit: int) -> list[tuple[User, int]]:
        """The ``limit`` newest users, each with how many editing sessions it owns."""
        sessions = (select(Session.owner_id, func.count(Session.id).label("n"))
                    .group_by(Session.owner_id).subquery())
        rows = self.db.execute(
            select(User, func.coalesce(sessions.c.n, 0)).outerjoin(sessions, sessions.c.owner_id == User.id)
            .order_by(User.created_at.desc(), User.id).limit(limit)
        ).all()
        return [(user, int(count)) for user, count in rows]


class TokenRepo:
    def __init__(self, db: DbSession) -> None:
        self.db = db

    def create(self, user_id: str, token_hash: str, scopes: str, expires_at: datetime | None,
               nonce: str | None = None) -> Token:
        token = Token(id=new_id("tok"), user_id=user_id, token_hash=token_hash, scopes=scopes,
                      expires_at=expires_at, nonce=nonce)
        self.db.add(token)
        self.db.flush()
        return token

    def active_by_hash(self, token_hash: str, now: datetime | None = None) -> tuple[Token, User] | None:
        """The unrevoked, unexpired token with this hash and its user."""
        now = now or utcnow()
        row = self.db.execute(
            select(Token, User).join(User, User.id == Token.user_id)
            .where(Token.token_hash == token_hash, Token.revoked_at.is_(None))
        ).first()
        if row is None:
            return None
        token, user = row
        if token.expires_at is not None and token.expires_at <= now:
            return None
        return token, user

    def get(self, token_id: str) -> Token | None:
        return self.db.get(Token, token_id)

    def by_hash(self, token_hash: str) -> Token | None:
        """The token with this hash, revoked or expired as it may be (the caller judges it)."""
        return self.db.scalar(select(Token).where(Token.token_hash == token_hash))

    def latest_active_for(self, user_id: str, now: datetime | None = None) -> Token | None:
        now = now or utcnow()
        tokens = self.db.scalars(
            select(Token).where(Token.user_id == user_id, Token.revoked_at.is_(None), Token.nonce.is_not(None))
            .order_by(Token.created_at.desc())
        ).all()
        for token in tokens:
            if token.expires_at is None or token.expires_at > now:
                return token
        return None

    def expire(self, token_id: str, at: datetime) -> None:
        """Move a token's expiry (tests and revocation by time)."""
        token = self.db.get(Token, token_id)
        if token is not None:
            token.expires_at = at
