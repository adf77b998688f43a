"""A composition grid for references, several requests in one message, new clips, cuts and history (issue #14).

Templates written from how people talk (not from the corpora), crossed with the ways a clip is named, the ways two
requests are joined and the ways a new clip, a cut or an undo is asked, each with its expectation, run through
``understand`` on the fixture contexts (``full``: the city clip s1 of 10 s, the dog clip s2 of 5 s, music, a title).
"""

from __future__ import annotations

from typing import Any

from ._fixtures import grid_failures

Case = dict[str, Any]

# ---- references: the same clip named every way, each edit on it
# the dog clip ("a dog on the beach", s2, 10-15 s) and the city clip ("a futuristic city at night", s1, 0-10 s)
DOG_EN = ["the dog clip", "the puppy clip", "the doggo part", "the clip with the dog", "the second clip", "clip 2",
          "the 2nd clip", "the last clip", "the final clip", "the beach clip", "the beach part",
          "the one with the dog", "the second one", "the last one", "the dog video", "the dog bit", "the dog footage",
          "the part at 12 seconds", "the bit around 0:12", "the clip at 13s", "the doggy clip", "the pup clip"]
CITY_EN = ["the city clip", "the skyline shot", "the downtown part", "the urban clip", "the first clip", "clip 1",
           "the 1st clip", "the opening clip", "the night city clip", "the clip at 5 seconds", "the bit around 0:05",
           "the first one", "the city footage", "the night city part", "the clip with the buildings", "the part at 3s"]
DOG_ZH = ["狗那段", "小狗那段", "狗狗那段", "第二段", "第二个片段", "最后一段", "最后那个", "后一段", "海边那段", "沙滩那段",
          "有狗的那段", "第12秒那段", "狗的镜头", "小狗的视频", "第2段", "第二个视频", "后面那段"]
CITY_ZH = ["城市那段", "夜景那段", "都市那段", "第一段", "第一个片段", "开头那段", "前面那段", "城市的镜头", "第5秒那段",
           "第1段", "楼那段", "城市夜景那段", "第一个视频"]

EDITS_EN: list[tuple[str, dict[str, Any]]] = [
    ("speed up {ref} 2x", {"do": "set_speed", "speed": 2.0}),
    ("can you make {ref} twice as fast", {"do": "set_speed", "speed": 2.0}),
    ("put {ref} at half speed please", {"do": "set_speed", "speed": 0.5}),
    ("slow {ref} down to 0.5x", {"do": "set_speed", "speed": 0.5}),
    ("mute {ref}", {"do": "set_clip_audio", "volume": 0.0}),
    ("turn off the sound on {ref}", {"do": "set_clip_audio", "volume": 0.0}),
    ("delete {ref}", {"do": "delete_segment"}),
    ("pls get rid of {ref}", {"do": "delete_segment"}),
    ("slowly zoom in on {ref}", {"do": "set_motion", "motion": "zoom_in"}),
]
EDITS_ZH: list[tuple[str, dict[str, Any]]] = [
    ("把{ref}加速到两倍", {"do": "set_speed", "speed": 2.0}),
    ("{ref}放慢一半", {"do": "set_speed", "speed": 0.5}),
    ("{ref}静音", {"do": "set_clip_audio", "volume": 0.0}),
    ("把{ref}的声音关掉", {"do": "set_clip_audio", "volume": 0.0}),
    ("删掉{ref}", {"do": "delete_segment"}),
    ("{ref}不要了", {"do": "delete_segment"}),
    ("给{ref}加个慢慢推近", {"do": "set_motion", "motion": "zoom_in"}),
]


def _reference_cases() -> list[Case]:
    cases: list[Case] = []
    for edits, refs in ((EDITS_EN, (("s2", DOG_EN), ("s1", CITY_EN))), (EDITS_ZH, (("s2", DOG_ZH), ("s1", CITY_ZH)))):
        for template, want in edits:
            for segment, names in refs:
                for name in names:
                    cases.append({"ctx": "full", "msg": template.format(ref=name),
                                  "expect": [{**want, "segment_id": segment}]})
    # moving and swapping by the same names
    for segment, names, where, index in (("s2", DOG_EN, "to the start", 0), ("s1", CITY_EN, "to the end", 1)):
        for name in names:
            cases.append({"ctx": "full", "msg": f"move {name} {where}",
                          "expect": [{"do": "move_clip", "segment_id": segment, "to_index": index}]})
    for segment, names, where, index in (("s2", DOG_ZH, "放到最前面", 0), ("s1", CITY_ZH, "挪到最后", 1)):
        for name in names:
            cases.append({"ctx": "full", "msg": f"把{name}{where}",
                          "expect": [{"do": "move_clip", "segment_id": segment, "to_index": index}]})
    return cases


# ---- several requests in one message: pairs of simple requests, joined every way
SIMPLE_EN: list[tuple[str, dict[str, Any]]] = [
    ("mute the dog clip", {"do": "set_clip_audio", "segment_id": "s2", "volume": 0.0}),
    ("make the title red", {"do": "update_text", "color": "red"}),
    ("turn the music down to 20%", {"do": "update_music", "volume": 0.2}),
    ("speed up the city clip 2x", {"do": "set_speed", "segment_id": "s1", "speed": 2.0}),
    ("make it vertical", {"do": "set_canvas", "aspect": "9:16"}),
    ("add a crossfade between the clips", {"do": "set_transition", "type": "fade"}),
    ("add a whoosh at 3 seconds", {"do": "sound", "sound": "whoosh", "start_ms": 3000}),
    ("move the title to the top", {"do": "update_text", "pos": "top"}),
]
JOINERS_EN = [" and ", ", then ", ". ", ", also ", " and then ", ", plus ", ". after that ", "\n", " & ", "; ",
              ", and also ", ". oh and ", ", and "]
SIMPLE_ZH: list[tuple[str, dict[str, Any]]] = [
    ("把狗那段静音", {"do": "set_clip_audio", "segment_id": "s2", "volume": 0.0}),
    ("标题改成红色", {"do": "update_text", "color": "red"}),
    ("音乐调到20%", {"do": "update_music", "volume": 0.2}),
    ("城市那段加速到两倍", {"do": "set_speed", "segment_id": "s1", "speed": 2.0}),
    ("改成竖屏", {"do": "set_canvas", "aspect": "9:16"}),
    ("片段之间加个淡入淡出的转场", {"do": "set_transition", "type": "fade"}),
    ("在第3秒加个嗖的音效", {"do": "sound", "sound": "whoosh", "start_ms": 3000}),
    ("标题放到上面", {"do": "update_text", "pos": "top"}),
]
JOINERS_ZH = ["，然后", "，再", "，还有", "，顺便", "，并且", "；", "。", "，另外", "，", " ", "\n", "。然后", "，然后再",
              "，同时"]


def _several_cases() -> list[Case]:
    cases: list[Case] = []
    for simple, joiners in ((SIMPLE_EN, JOINERS_EN), (SIMPLE_ZH, JOINERS_ZH)):
        for k, (first, one) in enumerate(simple):
            for second, two in simple[k + 1:]:
                if one["do"] == two["do"]:
                    continue  # two changes of one thing are one (``_pairs``)
                for joiner in joiners:
                    cases.append({"ctx": "full", "msg": f"{first}{joiner}{second}", "expect": [one, two]})
        # lists: bullets and numbers, three at once
        for a, b, c in ((0, 1, 2), (3, 4, 7), (5, 2, 0)):
            said = [simple[a], simple[b], simple[c]]
            want = [w for _, w in said]
            cases.append({"ctx": "full", "msg": "\n".join(f"- {s}" for s, _ in said), "expect": want})
            cases.append({"ctx": "full", "msg": " ".join(f"{n}) {s}" for n, (s, _) in enumerate(said, 1)), "expect": want})
            cases.append({"ctx": "full", "msg": "\n".join(f"{n}. {s}" for n, (s, _) in enumerate(said, 1)), "expect": want})
    return cases


# ---- a new clip asked every way, with its place, length and shape; the prompt keeps only the scene
NEW_EN = ["add a clip of {scene}", "add another shot of {scene}", "one more clip: {scene}", "stick a clip of {scene} on",
          "tack on a shot of {scene}", "can you add {scene} as a new clip", "append a clip of {scene}",
          "i want one more clip, {scene}", "could you generate a clip of {scene}", "put in a shot of {scene}"]
PLACES_EN: list[tuple[str, dict[str, Any]]] = [
    ("", {"placement": "end"}), (" at the end", {"placement": "end"}), (" at the start", {"placement": "start"}),
    (" at the beginning", {"placement": "start"}), (" after the first clip", {"placement": "after", "ref_segment_id": "s1"}),
    (" before the dog clip", {"placement": "before", "ref_segment_id": "s2"}),
]
NEW_ZH = ["加一段{scene}", "再加一段{scene}的视频", "再来一个{scene}的镜头", "帮我生成一段{scene}", "加个{scene}的片段",
          "我想再加一段{scene}"]
PLACES_ZH: list[tuple[str, str, dict[str, Any]]] = [
    ("", "", {"placement": "end"}), ("在最后", "", {"placement": "end"}), ("在开头", "", {"placement": "start"}),
    ("在第一段后面", "", {"placement": "after", "ref_segment_id": "s1"}),
    ("", "，放在最前面", {"placement": "start"}), ("", "，放到最后", {"placement": "end"}),
]
SCENES_EN = [("a cat sleeping on a windowsill", "cat"), ("fireworks over a harbour", "fireworks")]
SCENES_ZH = [("小猫在窗台上睡觉", "小猫"), ("烟花在海港上空绽放", "烟花")]


def _new_clip_cases() -> list[Case]:
    cases: list[Case] = []
    for template in NEW_EN:
        for place, where in PLACES_EN:
            for scene, word in SCENES_EN:
                for length, seconds in (("", None), (", 4 seconds", 4.0)):
                    want: dict[str, Any] = {"do": "generate", "prompt_has": word, **where}
                    for leftover in ("clip", "add", "after", "before", "start", "end", "second"):
                        if leftover not in scene:
                            want.setdefault("prompt_lacks", leftover)
                    if seconds:
                        want["seconds"] = seconds
                    cases.append({"ctx": "full", "msg": template.format(scene=scene) + place + length, "expect": [want]})
    for template in NEW_ZH:
        for before, after, where in PLACES_ZH:
            for scene, word in SCENES_ZH:
                for length, seconds in (("", None), ("，4秒", 4.0)):
                    want = {"do": "generate", "prompt_has": word, **where}
                    want["prompt_lacks"] = "段" if not after else "放在" if "放在" in after else "放到"
                    if seconds:
                        want["seconds"] = seconds
                    cases.append({"ctx": "full", "msg": before + template.format(scene=scene) + length + after,
                                  "expect": [want]})
    return cases


# ---- cuts: spans said every way
CUTS: list[tuple[str, dict[str, Any]]] = [
    ("cut the first 2 seconds of the dog clip", {"do": "trim_segment", "segment_id": "s2", "cut_start_ms": 2000}),
    ("trim 2 seconds off the start of the dog clip", {"do": "trim_segment", "segment_id": "s2", "cut_start_ms": 2000}),
    ("chop the first two seconds off clip 2", {"do": "trim_segment", "segment_id": "s2", "cut_start_ms": 2000}),
    ("cut the last second of the city clip", {"do": "trim_segment", "segment_id": "s1", "cut_end_ms": 1000}),
    ("shave the last 2 secs off the city clip", {"do": "trim_segment", "segment_id": "s1", "cut_end_ms": 2000}),
    ("make the city clip 3 seconds shorter", {"do": "trim_segment", "segment_id": "s1"}),
    ("shorten the dog clip to 3 seconds", {"do": "trim_segment", "segment_id": "s2", "cut_end_ms": 2000}),
    ("trim the first clip down to 4 seconds", {"do": "trim_segment", "segment_id": "s1", "cut_end_ms": 6000}),
    ("cut the first 2 seconds", {"do": "trim", "start_ms": 2000}),
    ("cut the video to 8 seconds", {"do": "trim", "start_ms": 0, "end_ms": 8000}),
    ("keep only 3 to 9 seconds", {"do": "trim", "start_ms": 3000, "end_ms": 9000}),
    ("狗那段剪掉前两秒", {"do": "trim_segment", "segment_id": "s2", "cut_start_ms": 2000}),
    ("把第二段开头两秒剪掉", {"do": "trim_segment", "segment_id": "s2", "cut_start_ms": 2000}),
    ("城市那段最后一秒剪掉", {"do": "trim_segment", "segment_id": "s1", "cut_end_ms": 1000}),
    ("把第一段剪到4秒", {"do": "trim_segment", "segment_id": "s1", "cut_end_ms": 6000}),
    ("狗那段缩短到3秒", {"do": "trim_segment", "segment_id": "s2", "cut_end_ms": 2000}),
    ("剪掉视频前两秒", {"do": "trim", "start_ms": 2000}),
    ("视频剪到8秒", {"do": "trim", "start_ms": 0, "end_ms": 8000}),
    ("只保留3到9秒", {"do": "trim", "start_ms": 3000, "end_ms": 9000}),
    ("swap the two clips", {"do": "swap_clips", "first_id": "s1", "second_id": "s2"}),
    ("switch the order of the clips", {"do": "swap_clips", "first_id": "s1", "second_id": "s2"}),
    ("把两段换个位置", {"do": "swap_clips", "first_id": "s1", "second_id": "s2"}),
    ("两个片段调换一下顺序", {"do": "swap_clips", "first_id": "s1", "second_id": "s2"}),
]

# ---- history
HISTORY: list[tuple[str, dict[str, Any]]] = [
    ("undo", {"do": "undo", "steps": 1}), ("undo that", {"do": "undo", "steps": 1}),
    ("undo the last change", {"do": "undo", "steps": 1}), ("ctrl z", {"do": "undo", "steps": 1}),
    ("take that back", {"do": "undo", "steps": 1}), ("undo the last 2 changes", {"do": "undo", "steps": 2}),
    ("go back two steps", {"do": "undo", "steps": 2}), ("revert that", {"do": "undo", "steps": 1}),
    ("redo", {"do": "redo", "steps": 1}), ("redo that", {"do": "redo", "steps": 1}),
    ("go back to before the music", {"do": "revert", "topic": "music"}),
    ("back to how it was before the title", {"do": "revert", "topic": "title"}),
    ("revert to before i added the title", {"do": "revert", "topic": "title"}),
    ("撤销", {"do": "undo", "steps": 1}), ("撤回上一步", {"do": "undo", "steps": 1}), ("撤销两步", {"do": "undo", "steps": 2}),
    ("恢复刚才撤销的", {"do": "redo", "steps": 1}), ("重做", {"do": "redo", "steps": 1}),
    ("回到加音乐之前", {"do": "revert", "topic": "music"}), ("恢复到加标题之前的样子", {"do": "revert", "topic": "title"}),
    ("undo everything since the title", {"do": "revert", "topic": "title"}), ("ctrl y", {"do": "redo", "steps": 1}),
    ("撤销加音乐那一步", {"do": "revert", "topic": "music"}), ("不要刚才那个改动", {"do": "undo", "steps": 1}),
    ("cmd+z", {"do": "undo", "steps": 1}), ("oops undo that", {"do": "undo", "steps": 1}),
]
HISTORY_LABELS = ["added music 'summer.mp3'", "added the title 'Urban Dreams'", "sped up clip 2 2x"]


def grid() -> list[Case]:
    cases = _reference_cases() + _several_cases() + _new_clip_cases()
    cases += [{"ctx": "full", "msg": msg, "expect": [want]} for msg, want in CUTS]
    cases += [{"ctx": "full", "msg": msg, "expect": [want], "history": HISTORY_LABELS} for msg, want in HISTORY]
    return cases


def test_the_grid_is_read_as_said() -> None:
    wrong = grid_failures(grid())
    assert not wrong, f"{len(wrong)} of {len(grid())}:\n" + "\n".join(wrong[:40])


if __name__ == "__main__":  # python -m tests.agent.test_grid_refs9: every miss
    found = grid_failures(grid())
    print("\n".join(found))
    print(f"{len(found)} of {len(grid())} wrong")
