"""A grid for which clip the user means (issue #14): a clip named by its neighbour, counted from the end, at an end of
the video or by a number said with "number", crossed with edits on it, in both languages; and a clip replaced by a
described scene with every way of naming it.

Templates written from how people talk, run through ``understand`` on the ``full`` fixture (the city clip s1 of
10 s, the dog clip s2 of 5 s) and on a three-clip timeline, where a neighbour is not also an end.
"""

from __future__ import annotations

from typing import Any

from reelforge.agent import AgentContext, understand
from reelforge.draft import Draft, apply_edit
from reelforge.draft.edits import AddClip

from ._fixtures import action_mismatch, grid_failures

Case = dict[str, Any]

DOG_EN = ["the one after the city", "the clip after the city one", "the clip that comes after the city",
          "the clip at the end", "the one at the end", "clip number 2", "clip number two", "the one right after the first clip"]
CITY_EN = ["the one before the dog", "the clip before the dog clip", "the second to last clip", "the next-to-last clip",
           "the last but one", "the clip at the start", "clip number 1", "the one just before the puppy"]
DOG_ZH = ["城市后面那段", "城市后面的那个片段", "倒数第一段", "结尾那段", "第一段后面那段", "城市之后的那段"]
CITY_ZH = ["狗前面那段", "狗之前的那段", "倒数第二段", "倒数第2个片段", "小狗前面的那段"]

EDITS_EN: list[tuple[str, dict[str, Any]]] = [
    ("mute {ref}", {"do": "set_clip_audio", "volume": 0.0}),
    ("speed up {ref} 2x", {"do": "set_speed", "speed": 2.0}),
    ("delete {ref}", {"do": "delete_segment"}),
    ("slowly zoom in on {ref}", {"do": "set_motion", "motion": "zoom_in"}),
]
EDITS_ZH: list[tuple[str, dict[str, Any]]] = [
    ("{ref}静音", {"do": "set_clip_audio", "volume": 0.0}),
    ("把{ref}加速到两倍", {"do": "set_speed", "speed": 2.0}),
    ("删掉{ref}", {"do": "delete_segment"}),
]

# a clip replaced by a scene described: every way of naming the clip, both languages
REPLACED_EN = [("the city", "s1"), ("the skyline", "s1"), ("the first one", "s1"), ("the part at 3 seconds", "s1"),
               ("the puppy", "s2"), ("the last one", "s2"), ("the beach", "s2"), ("the one after the city", "s2")]
REPLACED_ZH = [("城市", "s1"), ("城市那段", "s1"), ("第一段", "s1"), ("第5秒那段", "s1"), ("狗", "s2"), ("最后那段", "s2"),
               ("倒数第一段", "s2")]
SCENES_EN = ["replace {ref} with a forest at dawn", "swap {ref} for waves crashing on rocks",
             "can you swap out {ref} for kids playing in the snow"]
SCENES_ZH = ["把{ref}换成下雨的森林", "用清晨的海边替换{ref}"]


def grid() -> list[Case]:
    cases: list[Case] = []
    for edits, refs in ((EDITS_EN, (("s2", DOG_EN), ("s1", CITY_EN))), (EDITS_ZH, (("s2", DOG_ZH), ("s1", CITY_ZH)))):
        for template, want in edits:
            for segment, names in refs:
                cases += [{"msg": template.format(ref=name), "expect": [{**want, "segment_id": segment}]} for name in names]
    for scenes, refs in ((SCENES_EN, REPLACED_EN), (SCENES_ZH, REPLACED_ZH)):
        cases += [{"msg": scene.format(ref=name), "expect": [{"do": "generate", "placement": "replace", "ref_segment_id": segment}]}
                  for scene in scenes for name, segment in refs]
    return cases


def test_the_grid_is_read_as_said() -> None:
    wrong = grid_failures(grid())
    assert not wrong, f"{len(wrong)} of {len(grid())}:\n" + "\n".join(wrong[:40])


def _three_clips() -> AgentContext:
    draft = Draft.empty()
    for name, src in (("a futuristic city at night", "media:gen1"), ("a dog on the beach", "media:gen2"),
                      ("a forest at dawn", "media:gen3")):
        draft = apply_edit(draft, AddClip(src=src, duration_ms=4000, name=name))
    return AgentContext(draft=draft, media=[], history=[])


def test_a_neighbour_is_the_clip_beside_the_one_named_not_an_end() -> None:
    """On three clips (city s1, dog s2, forest s3) "the one after the city" is the dog clip, not the last."""
    cases = [("mute the one after the city", "s2"), ("mute the clip before the forest one", "s2"),
             ("mute the one before the dog", "s1"), ("mute the second to last clip", "s2"), ("城市后面那段静音", "s2"),
             ("森林前面那段静音", "s2"), ("倒数第三段静音", "s1"), ("mute the clip after the forest", None)]
    for message, segment in cases:
        [action] = understand(message, _three_clips()).actions
        want = {"do": "set_clip_audio", "segment_id": segment} if segment else {"do": "unknown"}
        assert action_mismatch(action, want) is None, (message, action)


if __name__ == "__main__":  # python -m tests.agent.test_grid_fxrefs10: every miss
    found = grid_failures(grid())
    print("\n".join(found))
    print(f"{len(found)} of {len(grid())} wrong")
