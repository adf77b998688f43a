"""The operator's account tools: bind an anonymous account, grant credits, list users.

reelforge is self-hosted, so "registering" is the operator of the server binding an
account (``reelforge users bind``): the user becomes ``registered`` and is granted
credits. Credits move only through the ledger (one ``grant`` entry per call), so a
balance stays a sum of entries. The 2001 refusal's ``bind_url`` leads an anonymous user
to a page (:mod:`reelforge.api.routes_bind`) telling them to ask for exactly this.
"""

from __future__ import annotations

import re
from typing import Any

from reelforge.errors import InvalidInput, NotFound
from reelforge.services.context import Services
from reelforge.store.repos import CreditLedger, UserRepo

__all__ = ["USER_ID", "bind_account", "grant_credits", "is_user_id", "list_users"]

# what reelforge.store.ids.new_id("usr") makes: the prefix, then 20 hex digits
USER_ID = re.compile(r"usr_[0-9a-f]{20}")


def is_user_id(text: str | None) -> bool:
    """True when ``text`` has the form of a user id (says nothing about whether the user exists)."""
    return text is not None and USER_ID.fullmatch(text) is not None


def bind_account(svc: Services, user_id: str, credits: int, name: str | None = None) -> dict[str, Any]:
    """Make ``user_id`` a registered account and grant it ``credits``; each call grants again."""
    if credits < 0:
        raise InvalidInput(f"credits: must be >= 0 (got {credits})", field="credits")
    with svc.db.write() as db:
        users, ledger = UserRepo(db), CreditLedger(db)
        user = users.get(user_id)
        if user is None:
            raise NotFound(f"no user {user_id!r}")
        was = user.kind
        users.register(user, name)
        ledger.lock_user(user_id)
        if credits:
            ledger.grant(user_id, credits, "bound by the operator")
        balance = ledger.balance(user_id)
        return {"id": user.id, "kind": user.kind, "was": was, "name": user.name, "granted": credits,
                "available": balance.available, "frozen": balance.frozen}


def grant_credits(svc: Services, user_id: str, amount: int, note: str = "granted by the operator") -> dict[str, Any]:
    """Grant ``amount`` (> 0) credits to ``user_id``, anonymous or registered; its kind stays."""
    if amount <= 0:
        raise InvalidInput(f"credits: must be > 0 (got {amount})", field="credits")
    with svc.db.write() as db:
        ledger = CreditLedger(db)
        if UserRepo(db).get(user_id) is None:
            raise NotFound(f"no user {user_id!r}")
        ledger.lock_user(user_id)
        ledger.grant(user_id, amount, note)
        balance = ledger.balance(user_id)
        return {"id": user_id, "granted": amount, "available": balance.available, "frozen": balance.frozen}


def list_users(svc: Services, limit: int = 50) -> list[dict[str, Any]]:
    """The ``limit`` newest users: id, kind, name, created, balance and how many sessions each owns."""
    if limit <= 0:
        raise InvalidInput(f"limit: must be > 0 (got {limit})", field="limit")
    with svc.db.read() as db:
        ledger = CreditLedger(db)
        found = []
        for user, sessions in UserRepo(db).newest_with_session_counts(limit):
            balance = ledger.balance(user.id)
            found.append({"id": user.id, "kind": user.kind, "name": user.name,
                          "created": user.created_at.isoformat(), "available": balance.available,
                          "frozen": balance.frozen, "sessions": sessions})
        return found
