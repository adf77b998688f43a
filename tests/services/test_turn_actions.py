"""The turn runner's table: every action the agent can plan has exactly one runner."""

from __future__ import annotations

import typing

from reelforge import agent
from reelforge.services.turn_actions import RUNNERS


def test_every_planned_action_type_has_a_runner() -> None:
    planned = set(typing.get_args(agent.Action))
    assert planned, "agent.Action is a union of action types"
    assert planned == set(RUNNERS), f"no runner for {planned - set(RUNNERS)}; stale rows {set(RUNNERS) - planned}"
