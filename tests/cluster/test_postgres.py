"""The store, its migrations and the job claim on PostgreSQL, through the same code as SQLite."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import inspect

from reelforge.store.db import Database
from reelforge.store.repos import JobRepo
from tests._server import TINY, LiveServer
from tests.api.test_workflow import reference_workflow


def test_migrations_create_the_schema_on_postgres(database_url: str) -> None:
    db = Database(database_url)
    try:
        db.upgrade()
        db.upgrade()  # at head already: a second start-up changes nothing
        tables = set(inspect(db.engine).get_table_names())
        assert {"jobs", "users", "sessions", "media", "renders", "credit_entries", "alembic_version"} <= tables
    finally:
        db.dispose()


def test_exactly_one_of_racing_workers_claims_a_job_on_postgres(database_url: str) -> None:
    db = Database(database_url)
    db.upgrade()
    try:
        with db.write() as session:
            job_id = JobRepo(session).add("render", {}, None, None, None).id
        start, winners = threading.Barrier(8), []

        def claim(worker: str) -> None:
            start.wait()
            with db.write() as session:
                if JobRepo(session).claim(job_id, worker):
                    winners.append(worker)

        threads = [threading.Thread(target=claim, args=(f"w{i}",)) for i in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(10)
        with db.read() as session:
            job = JobRepo(session).get(job_id)
            assert job is not None
            assert len(winners) == 1 and job.worker == winners[0]
            assert job.state == "running" and job.attempts == 1
    finally:
        db.dispose()


def test_reference_workflow_runs_on_postgres(server_factory: Callable[..., LiveServer], database_url: str,
                                             small_mp4: Path, tmp_path: Path) -> None:
    server = server_factory(database_url=database_url)
    assert server.services.db.engine.dialect.name == "postgresql"
    reference_workflow(server, small_mp4, tmp_path, canvas=TINY)
