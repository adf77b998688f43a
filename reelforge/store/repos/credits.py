"""The credits ledger: a balance is a sum of entries, never a counter someone updates.

Entries: ``grant`` (+available), ``freeze`` (available -> frozen, keyed by job),
``settle`` (frozen -> spent) and ``release`` (frozen -> available). (job_id, kind)
is unique, so freezing, settling or releasing the same job twice is a no-op.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, case, func, select, update
from sqlalchemy.orm import Session as DbSession

from reelforge.store.models import CreditEntry, User

__all__ = ["Balance", "CreditLedger"]


@dataclass(frozen=True)
class Balance:
    available: int
    frozen: int

    @property
    def total(self) -> int:
        return self.available + self.frozen


def _sum_of(kind: str) -> Any:
    return func.coalesce(func.sum(case((CreditEntry.kind == kind, CreditEntry.amount), else_=0)), 0)


# Built once: constructing this expression cost more than running it (a balance is read on every credits
# poll, bench/api.py); executions bind the user.
_BALANCE = select(_sum_of("grant"), _sum_of("freeze"), _sum_of("settle"), _sum_of("release")).where(
    CreditEntry.user_id == bindparam("user_id"))


class CreditLedger:
    def __init__(self, db: DbSession) -> None:
        self.db = db

    def lock_user(self, user_id: str) -> None:
        """Serialise credit movements of one user: a row write is a lock on every backend."""
        self.db.execute(update(User).where(User.id == user_id)
                        .values(credits_serial=User.credits_serial + 1))

    def balance(self, user_id: str) -> Balance:
        sums = self.db.execute(_BALANCE, {"user_id": user_id}).one()
        granted, frozen_in, settled, released = (int(v) for v in sums)
        return Balance(available=granted - frozen_in + released, frozen=frozen_in - settled - released)

    def frozen_total(self) -> int:
        """Credits frozen for running or queued jobs, all users together."""
        amount = CreditEntry.amount
        frozen_in, closed = self.db.execute(select(
            func.coalesce(func.sum(case((CreditEntry.kind == "freeze", amount), else_=0)), 0),
            func.coalesce(func.sum(case((CreditEntry.kind.in_(["settle", "release"]), amount), else_=0)), 0),
        )).one()
        return int(frozen_in) - int(closed)

    def grant(self, user_id: str, amount: int, note: str) -> None:
        self.db.add(CreditEntry(user_id=user_id, kind="grant", amount=amount, note=note))
        self.db.flush()

    def entry(self, job_id: str, kind: str) -> CreditEntry | None:
        return self.db.scalar(select(CreditEntry).where(CreditEntry.job_id == job_id, CreditEntry.kind == kind))

    def freeze(self, user_id: str, job_id: str, amount: int) -> bool:
        """Freeze ``amount`` for ``job_id``; False (nothing written) if it is not available.

        Freezing a job already frozen returns True without a second entry.
        """
        self.lock_user(user_id)
        if self.entry(job_id, "freeze") is not None:
            return True
        if self.balance(user_id).available < amount:
            return False
        self.db.add(CreditEntry(user_id=user_id, kind="freeze", amount=amount, job_id=job_id))
        self.db.flush()
        return True

    def settle(self, job_id: str) -> None:
        """Spend what ``job_id`` froze (once; never after a release)."""
        self._close(job_id, "settle")

    def release(self, job_id: str) -> None:
        """Give back what ``job_id`` froze (once; never after a settle)."""
        self._close(job_id, "release")

    def _close(self, job_id: str, kind: str) -> None:
        frozen = self.entry(job_id, "freeze")
        if frozen is None:
            return
        self.lock_user(frozen.user_id)
        if self.entry(job_id, "settle") or self.entry(job_id, "release"):
            return
        self.db.add(CreditEntry(user_id=frozen.user_id, kind=kind, amount=frozen.amount, job_id=job_id))
        self.db.flush()
