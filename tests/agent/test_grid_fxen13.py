"""A composition grid for the en13 classes that are vocabulary: the video's shape said by its screen or its ratio in
words, a speed changed by a share of itself, a sound effect's bare second after another's, and a clip said by its length
(docs/agent.md). Each template is how a newcomer types it (fillers, politeness, a slip now and then), crossed with the
vocabulary, each message with its expectation, run through ``understand`` on a fixture context."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from ._fixtures import grid_failures

# the shape, said by the screen it is for or by its ratio in words, and the shape it means
_SHAPES = {
    "so it fits my phone": "9:16", "for my phone": "9:16", "for my phone screen": "9:16", "full screen on phones": "9:16",
    "nine by sixteen": "9:16", "9 by 16": "9:16", "vertical": "9:16", "sixteen by nine": "16:9", "16 by 9": "16:9",
    "for the tv": "16:9", "for my laptop screen": "16:9", "widescreen": "16:9", "four by five": "4:5", "square": "1:1",
}
_SHAPE_ASKS = ("make it {}", "can you make it {}", "could we crop it {} please", "pls make the video {}", "ok now make it {}",
               "crop the video {}")

# a speed changed by a share: (words, speed of a clip at 1x)
_SHARES = {"by 50%": 1.5, "by 25 percent": 1.25, "by 20%": 1.2, "by 75%": 1.75, "by 30 per cent": 1.3}
_SPEED_UPS = ("speed the {clip} up {share}", "speed up the {clip} {share}", "can you speed the {clip} up {share}",
              "pls speed the {clip} up {share}")
_SLOWS = {"slow the {clip} down by {n}%": True, "make the {clip} {n}% slower": True, "make the {clip} {n} percent slower": True,
          "make the {clip} {n}% faster": False}
_CLIPS = {"dog clip": "s2", "city clip": "s1", "second clip": "s2", "first clip": "s1", "dog part": "s2"}

# two sound effects, the second's time said with no unit
_SOUNDS = ("whoosh", "pop", "ding", "click", "impact")
_TWO_SOUNDS = ("a {a} at {t} seconds and a {b} at {u}", "add a {a} at {t} seconds and a {b} at {u}",
               "put a {a} at {t}s and then a {b} at {u} please")


def _shape_cases() -> list[dict[str, Any]]:
    return [{"ctx": "one_clip", "msg": ask.format(words), "expect": [{"do": "set_canvas", "aspect": aspect}]}
            for ask, (words, aspect) in itertools.product(_SHAPE_ASKS, _SHAPES.items())]


def _speed_cases() -> list[dict[str, Any]]:
    cases = [{"ctx": "full", "msg": ask.format(clip=clip, share=share),
              "expect": [{"do": "set_speed", "segment_id": sid, "speed": speed}]}
             for ask, (clip, sid), (share, speed) in itertools.product(_SPEED_UPS, _CLIPS.items(), _SHARES.items())]
    for (ask, slower), (clip, sid), n in itertools.product(_SLOWS.items(), _CLIPS.items(), (25, 50)):
        speed = 1 - n / 100 if slower else 1 + n / 100
        cases.append({"ctx": "full", "msg": ask.format(clip=clip, n=n),
                      "expect": [{"do": "set_speed", "segment_id": sid, "speed": speed}]})
    return cases


def _sound_cases() -> list[dict[str, Any]]:
    return [{"ctx": "full", "msg": ask.format(a=a, b=b, t=2, u=9),
             "expect": [{"do": "sound", "sound": a, "start_ms": 2000}, {"do": "sound", "sound": b, "start_ms": 9000}]}
            for ask, (a, b) in itertools.product(_TWO_SOUNDS, itertools.permutations(_SOUNDS, 2))]


def _length_cases() -> list[dict[str, Any]]:
    asks = ("make the clip {n} seconds", "make this clip {n} seconds long", "make the clip {n} secs pls",
            "can you make the clip {n} seconds")
    return [{"ctx": "one_clip", "msg": ask.format(n=n), "expect": [{"do": "trim", "end_ms": n * 1000}]}
            for ask, n in itertools.product(asks, (3, 4, 6, 7, 8))]


CASES = _shape_cases() + _speed_cases() + _sound_cases() + _length_cases()


def test_grid_is_a_few_hundred_messages() -> None:
    assert len(CASES) >= 300


@pytest.mark.parametrize("group", ["shape", "speed", "sound", "length"])
def test_grid_messages_plan_what_they_say(group: str) -> None:
    cases = {"shape": _shape_cases, "speed": _speed_cases, "sound": _sound_cases, "length": _length_cases}[group]()
    wrong = grid_failures(cases)
    assert not wrong, f"{len(wrong)} of {len(cases)} wrong:\n" + "\n".join(wrong[:20])
