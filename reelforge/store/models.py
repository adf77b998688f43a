"""The database schema: SQLAlchemy 2 declarative models.

Only the repositories (:mod:`reelforge.store.repos`) query these; the rest of
reelforge sees plain rows. Times are timezone-aware UTC; JSON columns hold the
draft, payloads, results, provenance and turn events as they travel on the wire.
The Alembic migrations under ``migrations/versions`` create exactly this schema.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

__all__ = [
    "Base",
    "CreditEntry",
    "DraftVersion",
    "Job",
    "JobState",
    "Media",
    "Render",
    "Session",
    "Token",
    "Turn",
    "TurnEvent",
    "User",
    "utcnow",
]


JobState = Literal["queued", "running", "completed", "failed", "cancelled"]


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on every backend (SQLite hands back naive values)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, datetime: UTCDateTime()}


class User(Base):
    """An account: anonymous (known by the client's ``X-Client-Id``) or registered."""

    __tablename__ = "users"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))                 # "anonymous" | "registered"
    client_id: Mapped[str | None] = mapped_column(String(200), unique=True)
    name: Mapped[str | None] = mapped_column(String(200))
    # bumped by every credit movement: the row lock that serialises a user's freezes
    credits_serial: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Token(Base):
    """A bearer token, stored as the sha256 of its text; never the text itself."""

    __tablename__ = "tokens"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # anonymous tokens are re-derivable (HMAC of this nonce with the server key) so that the
    # same client id gets the same unexpired token back without the token being stored
    nonce: Mapped[str | None] = mapped_column(String(64))
    scopes: Mapped[str] = mapped_column(String(200))
    expires_at: Mapped[datetime | None] = mapped_column()
    revoked_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CreditEntry(Base):
    """One movement in the credits ledger; a balance is always a sum of these.

    ``kind`` is grant | freeze | settle | release; freeze, settle and release carry the
    job they belong to, and (job_id, kind) is unique so a job is charged at most once.
    """

    __tablename__ = "credit_entries"
    __table_args__ = (UniqueConstraint("job_id", "kind", name="uq_credit_job_kind"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    amount: Mapped[int] = mapped_column(Integer)
    job_id: Mapped[str | None] = mapped_column(String(40))
    note: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Session(Base):
    """An editing session (the protocol's task + session): one timeline with its history."""

    __tablename__ = "sessions"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    task_id: Mapped[str] = mapped_column(String(40), unique=True)
    owner_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    app: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(16))
    draft_version: Mapped[int] = mapped_column(Integer, default=0)   # the undo/redo pointer
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class DraftVersion(Base):
    """Every draft a session ever had; ``parent`` makes undo/redo a walk over this tree."""

    __tablename__ = "draft_versions"
    __table_args__ = (UniqueConstraint("session_id", "version", name="uq_draft_session_version"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    parent: Mapped[int | None] = mapped_column(Integer)
    draft: Mapped[dict[str, Any]] = mapped_column(JSON)
    description: Mapped[str] = mapped_column(Text, default="")
    # what made this version, as data: {"edits": [edit as JSON...], "made": [new segment ids], "auto": bool};
    # None for versions that no edit made (an opened file, a draft set by a client) and rows older than 0002
    changes: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Media(Base):
    """An uploaded or generated file; the blob is named by ``storage_key``, never the user's name."""

    __tablename__ = "media"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    owner_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    session_id: Mapped[str | None] = mapped_column(ForeignKey("sessions.id", ondelete="SET NULL"), index=True)
    kind: Mapped[str] = mapped_column(String(16))                  # video | image | audio | text
    origin: Mapped[str] = mapped_column(String(16))                # upload | url | generated
    name: Mapped[str] = mapped_column(String(300))
    mime: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(BigInteger)
    duration_ms: Mapped[int | None] = mapped_column(Integer)
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    storage_key: Mapped[str] = mapped_column(String(300))
    provenance: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Job(Base):
    """A unit of background work, claimed by compare-and-set on ``state``."""

    __tablename__ = "jobs"
    __table_args__ = (
        UniqueConstraint("owner_id", "idempotency_key", name="uq_job_owner_key"),
        Index("ix_jobs_state_created", "state", "created_at"),
    )
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    state: Mapped[JobState] = mapped_column(String(16))
    progress: Mapped[float] = mapped_column(Float, default=0.0)
    error: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    owner_id: Mapped[str | None] = mapped_column(String(40), index=True)
    session_id: Mapped[str | None] = mapped_column(String(40))
    idempotency_key: Mapped[str | None] = mapped_column(String(200))
    worker: Mapped[str | None] = mapped_column(String(80))
    heartbeat_at: Mapped[datetime | None] = mapped_column()
    cancel_requested: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class Render(Base):
    """An export: the client's ``id`` (unique per owner), the job that makes it, its output."""

    __tablename__ = "renders"
    __table_args__ = (UniqueConstraint("owner_id", "client_id", name="uq_render_owner_client"),)
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    client_id: Mapped[str] = mapped_column(String(200))
    owner_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    job_id: Mapped[str] = mapped_column(String(40))
    format: Mapped[str] = mapped_column(String(8))
    quality: Mapped[str] = mapped_column(String(8))
    output_key: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Turn(Base):
    """One chat message being answered; ``dedupe_key`` stops a re-sent message running twice."""

    __tablename__ = "turns"
    __table_args__ = (Index("ix_turns_dedupe", "session_id", "dedupe_key"),)
    invocation_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    message: Mapped[str] = mapped_column(Text)
    dedupe_key: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(16))                 # running | done | failed
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class TurnEvent(Base):
    """An ADK-shaped event of a turn, in order (``seq``), kept so the state and replays can read it."""

    __tablename__ = "turn_events"
    __table_args__ = (Index("ix_turn_events_invocation", "invocation_id", "seq"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    invocation_id: Mapped[str] = mapped_column(String(40))
    seq: Mapped[int] = mapped_column(Integer)
    event: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
