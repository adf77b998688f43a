"""load_session is the one place a caller's session is loaded: owner and session scope are enforced there."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from reelforge.errors import SessionNotFound
from reelforge.services import previews, sessions
from reelforge.services.auth import Principal, load_session
from reelforge.services.context import build_services
from reelforge.store import Database
from reelforge.store.repos import SessionRepo, UserRepo
from tests.services._turn_harness import make_settings


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = Database(f"sqlite:///{tmp_path / 'scope.db'}")
    database.upgrade()
    return database


def test_a_scoped_caller_loads_its_own_session_only(db: Database) -> None:
    with db.write() as s:
        owner = UserRepo(s).create("anonymous").id
        stranger = UserRepo(s).create("anonymous").id
        first = SessionRepo(s).create(owner, "nemo_agent", "a", "en").id
        second = SessionRepo(s).create(owner, "nemo_agent", "b", "en").id
    caller = Principal(user_id=owner, kind="anonymous", scopes=frozenset({"read"}), token_id="tok_x")
    scoped = replace(caller, session_scope=first)
    with db.read() as s:
        assert load_session(s, caller, first) is not None and load_session(s, caller, second) is not None
        assert load_session(s, scoped, first) is not None
        assert load_session(s, scoped, second) is None       # the user's own, but outside the cookie's session
        assert load_session(s, replace(caller, user_id=stranger), first) is None


def test_services_answer_1002_outside_the_scope(tmp_path: Path) -> None:
    svc = build_services(make_settings(tmp_path / "data"))
    try:
        with svc.db.write() as s:
            owner = UserRepo(s).create("anonymous").id
            first = SessionRepo(s).create(owner, "nemo_agent", "a", "en").id
            second = SessionRepo(s).create(owner, "nemo_agent", "b", "en").id
        scoped = Principal(user_id=owner, kind="anonymous", scopes=frozenset({"read"}), token_id="tok_x",
                           session_scope=first)
        assert sessions.session_state(svc, scoped, first)["session_id"] == first
        for call in (lambda: sessions.session_state(svc, scoped, second),
                     lambda: previews.list_renders(svc, scoped, second),
                     lambda: sessions.owned_session(svc, scoped, second)):
            with pytest.raises(SessionNotFound):
                call()
    finally:
        svc.queue.stop()
