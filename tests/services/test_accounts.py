"""The operator's account tools over a real SQLite store: bind, grant, list."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from reelforge.errors import InvalidInput, NotFound
from reelforge.services.accounts import bind_account, grant_credits, is_user_id, list_users
from reelforge.services.auth import authenticate, issue_anonymous_token
from reelforge.services.context import Services, build_services
from reelforge.services.credits import balance
from reelforge.services.sessions import create_session
from reelforge.store.repos import CreditLedger, UserRepo
from tests._server import make_settings


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[Services]:
    services = build_services(make_settings(tmp_path / "data", anonymous_credits=5))
    yield services
    services.close()


def _anonymous(svc: Services) -> str:
    issued = issue_anonymous_token(svc, uuid.uuid4().hex, "127.0.0.1")
    return str(issued["user_id"])


def test_bind_makes_the_user_registered_and_grants_through_the_ledger(svc: Services) -> None:
    user_id = _anonymous(svc)
    bound = bind_account(svc, user_id, 1000, name="Ada")
    assert bound["was"] == "anonymous" and bound["kind"] == "registered" and bound["available"] == 1005
    with svc.db.read() as db:
        user = UserRepo(db).get(user_id)
        assert user is not None and user.kind == "registered" and user.name == "Ada"
        assert CreditLedger(db).balance(user_id).available == 1005


def test_a_bound_user_authenticates_as_registered_with_its_old_token(svc: Services) -> None:
    issued = issue_anonymous_token(svc, "client-a", "127.0.0.1")
    bind_account(svc, str(issued["user_id"]), 10)
    again = issue_anonymous_token(svc, "client-a", "127.0.0.1")
    assert again["user_id"] == issued["user_id"] and again["token"] == issued["token"]
    principal = authenticate(svc, f"Bearer {again['token']}")
    assert principal.kind == "registered" and balance(svc, principal)["available"] == 15


def test_each_bind_grants_again_and_grants_sum(svc: Services) -> None:
    user_id = _anonymous(svc)
    bind_account(svc, user_id, 100)
    bind_account(svc, user_id, 100)
    grant_credits(svc, user_id, 7)
    last = grant_credits(svc, user_id, 3)
    assert last["available"] == 5 + 100 + 100 + 7 + 3
    with svc.db.read() as db:
        assert CreditLedger(db).balance(user_id).available == 215


def test_bind_with_zero_credits_registers_without_a_ledger_entry(svc: Services) -> None:
    user_id = _anonymous(svc)
    assert bind_account(svc, user_id, 0)["available"] == 5
    assert list_users(svc)[0]["kind"] == "registered"


def test_an_unknown_user_is_refused_by_name(svc: Services) -> None:
    with pytest.raises(NotFound, match="usr_00000000000000000000"):
        bind_account(svc, "usr_00000000000000000000", 10)
    with pytest.raises(NotFound, match="usr_nobody"):
        grant_credits(svc, "usr_nobody", 10)


def test_negative_or_zero_amounts_are_refused(svc: Services) -> None:
    user_id = _anonymous(svc)
    with pytest.raises(InvalidInput, match="credits"):
        bind_account(svc, user_id, -1)
    with pytest.raises(InvalidInput, match="credits"):
        grant_credits(svc, user_id, 0)
    assert list_users(svc)[0]["available"] == 5


def test_list_shows_kind_balances_and_session_counts_newest_first(svc: Services) -> None:
    first, second = _anonymous(svc), _anonymous(svc)
    principal = authenticate(svc, f"Bearer {issue_anonymous_token(svc, 'client-s', '127.0.0.1')['token']}")
    create_session(svc, principal, "nemo_agent", "one", "en")
    create_session(svc, principal, "nemo_agent", "two", "en")
    with svc.db.write() as db:
        assert CreditLedger(db).freeze(first, "job_test", 3)
    bind_account(svc, second, 50)
    listed = {user["id"]: user for user in list_users(svc)}
    assert listed[first] | {"created": ""} == {"id": first, "kind": "anonymous", "name": None, "created": "",
                                                 "available": 2, "frozen": 3, "sessions": 0}
    assert listed[second]["kind"] == "registered" and listed[second]["available"] == 55
    assert listed[principal.user_id]["sessions"] == 2
    assert [user["id"] for user in list_users(svc, limit=1)] == [principal.user_id]


def test_user_ids_are_recognised_by_form_only() -> None:
    assert is_user_id("usr_0123456789abcdef0123")
    assert not is_user_id("usr_<script>alert(1)</script>")
    assert not is_user_id("usr_0123456789abcdef0123\n")
    assert not is_user_id(None)
