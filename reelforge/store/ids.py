"""Identifiers: a short prefix saying what it names, then 20 random hex digits."""

from __future__ import annotations

import secrets

__all__ = ["new_id"]


def new_id(prefix: str) -> str:
    """``new_id("med")`` -> ``med_3f2a...``: unguessable, so ids never leak another user's data."""
    return f"{prefix}_{secrets.token_hex(10)}"
