"""Credits: the balance, the price of a generation, and the 2001 error with its bind link."""

from __future__ import annotations

import math
from typing import Any

from sqlalchemy.orm import Session as DbSession

from reelforge.errors import InsufficientCredits
from reelforge.jobs import Prepare
from reelforge.services.auth import Principal
from reelforge.services.context import Services
from reelforge.store.repos import CreditLedger

__all__ = ["balance", "bind_url", "freezer", "price_of"]


def balance(svc: Services, principal: Principal) -> dict[str, Any]:
    with svc.db.read() as session:
        found = CreditLedger(session).balance(principal.user_id)
    return {"available": found.available, "frozen": found.frozen, "total": found.total}


def price_of(svc: Services, seconds: float) -> int:
    """A generation costs ``credits_per_second`` per started second of output."""
    return svc.settings.credits_per_second * max(1, math.ceil(seconds))


def bind_url(svc: Services, principal: Principal) -> str:
    return f"{svc.public_url}/bind?bind={principal.user_id}"


def freezer(svc: Services, principal: Principal, amount: int) -> Prepare:
    """A job-submission hook freezing ``amount`` for the new job, or refusing with 2001."""

    def prepare(session: DbSession, job_id: str) -> None:
        if not CreditLedger(session).freeze(principal.user_id, job_id, amount):
            available = CreditLedger(session).balance(principal.user_id).available
            data: dict[str, Any] = {"required": amount, "available": available}
            if principal.kind == "anonymous":
                data["bind_url"] = bind_url(svc, principal)
            raise InsufficientCredits(f"not enough credits: this needs {amount}, {available} available",
                                      data=data)

    return prepare
