"""The store on real SQLite: migrations, the credits ledger, draft history."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect

from reelforge.store import Database
from reelforge.store.repos import CreditLedger, DraftRepo, SessionRepo, UserRepo


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = Database(f"sqlite:///{tmp_path / 'rf.db'}")
    database.upgrade()
    return database


def test_migrations_create_every_table_and_run_twice(db: Database) -> None:
    db.upgrade()
    tables = set(inspect(db.engine).get_table_names())
    assert {"users", "tokens", "credit_entries", "sessions", "draft_versions", "media", "jobs", "renders",
            "turns", "turn_events", "alembic_version"} <= tables
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_a_job_is_frozen_settled_and_released_at_most_once(db: Database) -> None:
    with db.write() as session:
        user = UserRepo(session).create("anonymous", client_id="c")
        ledger = CreditLedger(session)
        ledger.grant(user.id, 10, "start")
        assert ledger.freeze(user.id, "job_a", 4) and ledger.freeze(user.id, "job_a", 4)
        assert ledger.balance(user.id) == type(ledger.balance(user.id))(available=6, frozen=4)
        ledger.settle("job_a")
        ledger.settle("job_a")
        ledger.release("job_a")  # after a settle: nothing
        assert (ledger.balance(user.id).available, ledger.balance(user.id).frozen) == (6, 0)
        assert ledger.freeze(user.id, "job_b", 5)
        ledger.release("job_b")
        ledger.release("job_b")
        assert (ledger.balance(user.id).available, ledger.balance(user.id).total) == (6, 6)
        assert not ledger.freeze(user.id, "job_c", 7)
        assert ledger.entry("job_c", "freeze") is None


def test_undo_and_redo_walk_the_kept_versions(db: Database) -> None:
    with db.write() as session:
        user = UserRepo(session).create("registered")
        chat = SessionRepo(session).create(user.id, "nemo_agent", "p", "en")
        drafts = DraftRepo(session)
        assert drafts.undo(chat) is None and drafts.redo(chat) is None
        for n in (1, 2, 3):
            drafts.add(chat, {"n": n}, f"edit {n}")
        assert drafts.undo(chat).draft == {"n": 2}  # type: ignore[union-attr]
        assert drafts.undo(chat).draft == {"n": 1}  # type: ignore[union-attr]
        assert drafts.undo(chat) is None
        assert drafts.redo(chat).draft == {"n": 2}  # type: ignore[union-attr]
        branched = drafts.add(chat, {"n": "b"}, "a new branch after an undo")
        assert branched.version == 4 and branched.parent == 2
        assert drafts.redo(chat) is None
        assert drafts.undo(chat).draft == {"n": 2}  # type: ignore[union-attr]
        assert drafts.redo(chat).draft == {"n": "b"}  # type: ignore[union-attr]  (the newest child)
        assert drafts.version(chat.id, 3) is not None  # every version kept


def test_a_version_keeps_the_record_of_the_edits_that_made_it(db: Database) -> None:
    columns = {c["name"] for c in inspect(db.engine).get_columns("draft_versions")}
    assert "changes" in columns  # migration 0002
    record = {"edits": [{"op": "set_fade", "fade_out_ms": 1000}], "made": [], "auto": False}
    with db.write() as session:
        user = UserRepo(session).create("anonymous", client_id="history")
        owner = SessionRepo(session).create(user.id, "app", "p", "en")
        drafts = DraftRepo(session)
        drafts.add(owner, {"tracks": []}, "opened a file")
        drafts.add(owner, {"tracks": []}, "faded out", record)
        session_id = owner.id
    with db.read() as session:
        drafts = DraftRepo(session)
        assert drafts.version(session_id, 1).changes is None  # type: ignore[union-attr]
        assert drafts.version(session_id, 2).changes == record  # type: ignore[union-attr]
