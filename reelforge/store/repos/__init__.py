"""Repositories: the only place reelforge writes SQL (through SQLAlchemy's expression language)."""

from reelforge.store.repos.credits import Balance, CreditLedger
from reelforge.store.repos.jobs import FINAL_STATES, JobRepo
from reelforge.store.repos.media import MediaRepo
from reelforge.store.repos.renders import RenderRepo
from reelforge.store.repos.sessions import DraftRepo, SessionRepo
from reelforge.store.repos.turns import TurnRepo
from reelforge.store.repos.users import TokenRepo, UserRepo

__all__ = [
    "FINAL_STATES",
    "Balance",
    "CreditLedger",
    "DraftRepo",
    "JobRepo",
    "MediaRepo",
    "RenderRepo",
    "SessionRepo",
    "TokenRepo",
    "TurnRepo",
    "UserRepo",
]
