"""The persistent store: SQLAlchemy models, repositories and Alembic migrations."""

from reelforge.store.db import Database, upgrade
from reelforge.store.ids import new_id
from reelforge.store.models import Job, JobState, Media, Render, Session, Turn, User, utcnow

__all__ = ["Database", "Job", "JobState", "Media", "Render", "Session", "Turn", "User", "new_id", "upgrade", "utcnow"]
