"""Alembic environment: runs on the connection :func:`reelforge.store.db.upgrade` hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from reelforge.store.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # the alembic command line: `-x url=sqlite:///...`
        url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
        if url is None:
            raise RuntimeError("no database to migrate: pass -x url=... or set sqlalchemy.url")
        with create_engine(url).begin() as conn:
            context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=True)
            context.run_migrations()
        return
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    context.run_migrations()


run_migrations()
