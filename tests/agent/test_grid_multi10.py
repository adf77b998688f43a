"""A composition grid: several requests in one message, joined the way people chain them (docs/agent.md, step 4).

The parts are single requests that pass alone on the ``full`` fixture: most taken from the seen corpus (one action,
in the areas of the video's look and sound: the title, the canvas, transitions, picture fades, speed, the music and
the clips' own sound), a few written here. Two or three parts from DIFFERENT areas are joined by a connector ("A and
B", "A, then B", "first A, then B", a numbered list, "A，然后B", "先A，再B", ...), sometimes in lower case without
punctuation or after a politeness word; the expectation is the parts' expectations in the order said.

Pairs whose parts touch the same object are left out: two changes to one thing legitimately interact (a later "it"
names the earlier one, two changes of one clip may collapse), and so are parts that say "it" or leave their object
unsaid (an objectless "fade in" after a title change is that title's fade). Each part therefore names its object,
and no two parts of a message name the same one (a clip's speed and its sound are both that clip; a fade said by
its place alone, "结尾淡出", goes with neither the title nor the music, whose fade it may be). Nor is a part whose value
depends on the video's length ("标题一直显示到最后"): a speed or a transition changes that length. The parts are
drawn with a fixed seed, so the grid is the same on every run.
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from ._fixtures import grid_failures

Part = tuple[str, dict[str, Any]]

# (message, its one expected action), by area; the object each touches is computed by ``_objects``
_EN: dict[str, list[Part]] = {
    "title": [
        ("make the title appear at 3 seconds", {"do": "update_text", "start_ms": 3000}),
        ("put the title at the bottom", {"do": "update_text", "pos": "bottom"}),
        ("move the title to the right", {"do": "update_text", "pos": {"x": 0.8, "y": 0.5}}),
        ("make the title much bigger", {"do": "update_text", "scale": 2.0}),
        ("title 20% bigger", {"do": "update_text", "scale": 1.2}),
        ("show the title from 2 seconds", {"do": "update_text", "start_ms": 2000}),
        ("make the title appear slowly", {"do": "update_text", "fade_in_ms": 500}),
        ("change the title to 'Summit'", {"do": "update_text", "text": "Summit"}),
        ("make the title red", {"do": "update_text", "color": "#ff3b30"}),
        ("show the title for 5 seconds", {"do": "update_text", "duration_ms": 5000}),
        ("fade the title out over 2 seconds", {"do": "update_text", "fade_out_ms": 2000}),
    ],
    "canvas": [
        ("make the bg black", {"do": "set_canvas", "bg": "#000000"}),
        ("switch to landscape for YouTube", {"do": "set_canvas", "aspect": "16:9"}),
        ("switch to square", {"do": "set_canvas", "aspect": "1:1"}),
        ("set the frame rate to 60", {"do": "set_canvas", "fps": 60}),
        ("change the aspect ratio to 9:16", {"do": "set_canvas", "aspect": "9:16"}),
        ("make the background white", {"do": "set_canvas", "bg": "#ffffff"}),
        ("make the video vertical", {"do": "set_canvas", "aspect": "9:16"}),
        ("make the video square", {"do": "set_canvas", "aspect": "1:1"}),
        ("change the background to blue", {"do": "set_canvas", "bg": "blue"}),
    ],
    "transition": [
        ("fade to black between the clips", {"do": "set_transition", "type": "fadeblack"}),
        ("drop a dissolve into the second clip", {"do": "set_transition", "segment_id": "s2", "type": "dissolve"}),
        ("use a circle transition", {"do": "set_transition", "type": "circleopen"}),
        ("drop the transitions", {"do": "set_transition", "type": "none"}),
        ("add a 0.5 second crossfade", {"do": "set_transition", "type": "fade", "duration_ms": 500}),
        ("change the transition to a wipe", {"do": "set_transition", "type": "wipeleft"}),
        ("add a slide transition", {"do": "set_transition", "type": "slideleft"}),
        ("add a 2 second dissolve between the clips", {"do": "set_transition", "type": "dissolve", "duration_ms": 2000}),
        ("add a crossfade between the clips", {"do": "set_transition", "type": "fade"}),
    ],
    "fade": [
        ("fade the second clip in", {"do": "set_fade", "segment_id": "s2", "fade_in_ms": 1000}),
        ("end the whole thing on black", {"do": "set_fade", "fade_out_ms": 1000}),
        ("start with a black screen", {"do": "set_fade", "fade_in_ms": 1000, "fade_out_ms": None}),
        ("fade in the city", {"do": "set_fade", "segment_id": "s1", "fade_in_ms": 1000}),
        ("go to black at the end", {"do": "set_fade", "fade_out_ms": 1000}),
        ("end on a black screen for 2 seconds", {"do": "set_fade", "fade_out_ms": 2000, "fade_in_ms": None}),
        ("fade to black at the end", {"do": "set_fade", "segment_id": None, "fade_out_ms": 1000}),
        ("fade out the dog clip", {"do": "set_fade", "segment_id": "s2", "fade_out_ms": 1000}),
        ("fade the video out at the end", {"do": "set_fade", "segment_id": None, "fade_out_ms": 1000}),
        ("fade the video in from black", {"do": "set_fade", "segment_id": None, "fade_in_ms": 1000}),
    ],
    "speed": [
        ("half speed for the dog clip", {"do": "set_speed", "segment_id": "s2", "speed": 0.5}),
        ("play everything at 0.5 speed", {"do": "set_speed", "segment_id": None, "speed": 0.5}),
        ("slow motion on the first clip", {"do": "set_speed", "segment_id": "s1", "speed": 0.5}),
        ("play the whole video at 3x", {"do": "set_speed", "speed": 3.0}),
        ("speed up the second clip 2x", {"do": "set_speed", "segment_id": "s2", "speed": 2.0}),
        ("speed the dog clip up to 1.5", {"do": "set_speed", "segment_id": "s2", "speed": 1.5}),
        ("put clip 1 at 25% speed", {"do": "set_speed", "segment_id": "s1", "speed": 0.25}),
        ("set the dog clip to 3/4 speed", {"do": "set_speed", "segment_id": "s2", "speed": 0.75}),
        ("slow down the city clip", {"do": "set_speed", "segment_id": "s1", "speed": 0.5}),
    ],
    "music": [
        ("music volume 80%", {"do": "update_music", "volume": 0.8}),
        ("take the music down to a quarter", {"do": "update_music", "volume": 0.25}),
        ("make the music 10% louder", {"do": "update_music", "volume_scale": 1.1}),
        ("make the music start 3 seconds later", {"do": "update_music", "start_ms": 3000}),
        ("turn the volume of the music to 0.5", {"do": "update_music", "volume": 0.5}),
        ("fade the music in over 3 seconds", {"do": "update_music", "fade_in_ms": 3000}),
        ("music at quarter volume", {"do": "update_music", "volume": 0.25}),
        ("make the music quieter", {"do": "update_music", "volume_scale": 0.6}),
        ("don't loop the music", {"do": "update_music", "loop": False}),
        ("fade out the music over 3 seconds", {"do": "update_music", "fade_out_ms": 3000}),
    ],
    "clip sound": [
        ("turn off the sound of the clips", {"do": "set_clip_audio", "volume": 0.0}),
        ("silence the dog clip", {"do": "set_clip_audio", "segment_id": "s2", "volume": 0.0}),
        ("turn up the original audio", {"do": "set_clip_audio", "volume": 1.5}),
        ("put the clips back to 80 percent", {"do": "set_clip_audio", "volume": 0.8}),
        ("mute the puppy clip", {"do": "set_clip_audio", "segment_id": "s2", "volume": 0.0}),
        ("mute all clips", {"do": "set_clip_audio", "volume": 0.0}),
        ("mute the first clip", {"do": "set_clip_audio", "segment_id": "s1", "volume": 0.0}),
        ("turn the city clip's sound down to 30%", {"do": "set_clip_audio", "segment_id": "s1", "volume": 0.3}),
    ],
}

_ZH: dict[str, list[Part]] = {
    "title": [
        ("标题放大到原来的1.5倍", {"do": "update_text", "scale": 1.5}),
        ("标题颜色换成浅紫色", {"do": "update_text", "color": "lavender"}),
        ("标题不要淡出", {"do": "update_text", "fade_out_ms": 0}),
        ("让标题在1.5秒内淡出", {"do": "update_text", "fade_out_ms": 1500}),
        ("标题显示5秒", {"do": "update_text", "duration_ms": 5000}),
        ("标题小一点", {"do": "update_text", "scale": 0.67}),
        ("把文字颜色改成白色", {"do": "update_text", "color": "#ffffff"}),
        ("标题放到下面", {"do": "update_text", "pos": "bottom"}),
        ("标题改成「周末」", {"do": "update_text", "text": "周末"}),
    ],
    "canvas": [
        ("影片背景改成米色", {"do": "set_canvas", "bg": "beige"}),
        ("视频比例调成方形", {"do": "set_canvas", "aspect": "1:1"}),
        ("改成9比16", {"do": "set_canvas", "aspect": "9:16"}),
        ("帧率改成60帧", {"do": "set_canvas", "fps": 60}),
        ("视频改成9比16", {"do": "set_canvas", "aspect": "9:16"}),
        ("改成抖音的尺寸", {"do": "set_canvas", "aspect": "9:16"}),
        ("改成竖屏", {"do": "set_canvas", "aspect": "9:16"}),
        ("背景改成黑色", {"do": "set_canvas", "bg": "#000000"}),
    ],
    "transition": [
        ("两段中间白一下", {"do": "set_transition", "type": "fadewhite"}),
        ("两段之间加个闪黑", {"do": "set_transition", "type": "fadeblack"}),  # (into the second clip: the only cut)
        ("片段之间加2秒的溶解", {"do": "set_transition", "type": "dissolve", "duration_ms": 2000}),
        ("每个片段之间都用溶解", {"do": "set_transition", "type": "dissolve"}),
        ("加一个缩放转场", {"do": "set_transition", "type": "zoomin"}),
        ("转场换成交叉溶解", {"do": "set_transition", "type": "dissolve"}),
        ("片段之间加个圆形展开的转场", {"do": "set_transition", "type": "circleopen"}),
        ("去掉转场", {"do": "set_transition", "type": "none"}),
    ],
    "fade": [
        ("片头淡入", {"do": "set_fade", "fade_in_ms": 1000}),
        ("结尾加两秒淡出", {"do": "set_fade", "fade_out_ms": 2000}),
        ("片头加个黑幕", {"do": "set_fade", "fade_in_ms": 1000, "fade_out_ms": None}),
        ("视频最前面加两秒黑屏", {"do": "set_fade", "fade_in_ms": 2000, "fade_out_ms": None}),
        ("片尾加个黑场", {"do": "set_fade", "fade_out_ms": 1000}),
        ("结尾画面慢慢变暗", {"do": "set_fade", "fade_out_ms": 1000}),
        ("开头黑个一秒", {"do": "set_fade", "fade_in_ms": 1000}),
        ("结尾淡出", {"do": "set_fade", "segment_id": None, "fade_in_ms": None, "fade_out_ms": 1000}),
    ],
    "speed": [
        ("整个视频慢动作", {"do": "set_speed", "segment_id": None, "speed": 0.5}),
        ("第二个片段2倍速", {"do": "set_speed", "segment_id": "s2", "speed": 2.0}),
        ("第一段速度调成原来的一半", {"do": "set_speed", "segment_id": "s1", "speed": 0.5}),
        ("第二段慢动作", {"do": "set_speed", "segment_id": "s2", "speed": 0.5}),
        ("狗那段双倍速度播放", {"do": "set_speed", "segment_id": "s2", "speed": 2.0}),
        ("最后那段加速到两倍", {"do": "set_speed", "segment_id": "s2", "speed": 2.0}),
        ("第二个片段减速", {"do": "set_speed", "segment_id": "s2", "speed": 0.5}),
        ("城市那段速度调成原来的1/2", {"do": "set_speed", "segment_id": "s1", "speed": 0.5}),
        ("把第一段加速到1.5倍", {"do": "set_speed", "segment_id": "s1", "speed": 1.5}),
    ],
    "music": [
        ("音乐音量翻倍", {"do": "update_music", "volume_scale": 2.0}),
        ("音乐调到40%", {"do": "update_music", "volume": 0.4}),
        ("音乐从第5秒开始", {"do": "update_music", "start_ms": 5000}),
        ("背景音乐低一些", {"do": "update_music", "volume_scale": 0.6}),
        ("音乐音量降到原来的一半", {"do": "update_music", "volume_scale": 0.5}),
        ("配乐上调百分之十", {"do": "update_music", "volume_scale": 1.1}),
        ("把音乐调小一点", {"do": "update_music", "volume_scale": 0.6}),
        ("音乐不要循环", {"do": "update_music", "loop": False}),
    ],
    "clip sound": [
        ("都市那段静音", {"do": "set_clip_audio", "segment_id": "s1", "volume": 0.0}),
        ("片段1静音", {"do": "set_clip_audio", "segment_id": "s1", "volume": 0.0}),
        ("第一个片段不要声音", {"do": "set_clip_audio", "segment_id": "s1", "volume": 0.0}),
        ("所有片段静音", {"do": "set_clip_audio", "volume": 0.0}),
        ("狗那段静音", {"do": "set_clip_audio", "segment_id": "s2", "volume": 0.0}),
        ("城市那段解除静音吧", {"do": "set_clip_audio", "segment_id": "s1", "volume": 1.0}),
        ("原声调到50%", {"do": "set_clip_audio", "volume": 0.5}),
        ("把狗那段的原声关掉", {"do": "set_clip_audio", "segment_id": "s2", "volume": 0.0}),
    ],
}

_CLIPS = ("s1", "s2")


# a fade said by its place alone ("结尾淡出") right after a change of the title or the music is that thing's fade
# (docs/agent.md: "音乐淡入三秒 淡出一秒半"), so such a part never follows them
_BARE_FADE = re.compile(r"^(?:片头|片尾|开头|结尾)(?:加两秒)?淡[入出]$")


def _objects(area: str, said: str, expect: dict[str, Any]) -> set[str]:
    """What a part changes: the title, the canvas, the transitions, the music, the video's ends, or clips (a clip's
    speed, sound or fade; one said of no clip is every clip's)."""
    if area in ("speed", "clip sound") or (area == "fade" and expect.get("segment_id")):
        clip = expect.get("segment_id")
        return {f"clip {clip}"} if clip else {f"clip {c}" for c in _CLIPS}
    if area == "fade":
        return {"video ends", "title", "music"} if _BARE_FADE.match(said) else {"video ends"}
    return {area}


# how people chain two requests; English and Chinese
_EN_PAIRS = ("{a} and {b}", "{a}, then {b}", "{A}. {B}", "{a}; also {b}", "{a} + {b}", "{a}, oh and {b}",
             "{a} plus can you {b}", "first {a}, then {b}", "1. {a}\n2. {b}", "- {a}\n- {b}", "{a} and also {b} please",
             "please {a} and {b}", "can you {a} and {b}", "{a}, and {b}", "{a} then {b}", "{A}, and then {B}.",
             "{a}, after that {b}", "{a} and then {b} thanks")
_EN_TRIPLES = ("{a}, {b} and {c}", "{a}, {b}, then {c}", "1. {a}\n2. {b}\n3. {c}", "- {a}\n- {b}\n- {c}",
               "{a}. {b}. {c}", "first {a}, then {b}, and finally {c}", "{a}; {b}; {c}")
_ZH_PAIRS = ("{a}，{b}", "{a}，然后{b}", "{a}，再{b}", "{a}，顺便{b}", "{a}；{b}", "{a}。另外{b}", "先{a}，再{b}", "{a}，还有{b}",
             "{a}并且{b}", "{a}\n{b}", "1. {a}\n2. {b}", "请{a}，然后{b}", "麻烦{a}，{b}，谢谢", "帮我{a}，{b}", "{a}，另外{b}", "{a}。{b}")
_ZH_TRIPLES = ("{a}，{b}，{c}", "{a}，{b}，然后{c}", "1. {a}\n2. {b}\n3. {c}", "{a}；{b}；{c}", "先{a}，再{b}，最后{c}",
               "{a}，{b}，还有{c}")


# an English part led by its verb, for the templates that put one after "can you" ("... plus can you mute ...")
_VERB_LED = re.compile(r"^(?:make|put|move|show|change|fade|switch|set|use|drop|add|end|start|go|play|speed|slow|take|"
                       r"turn|silence|mute)\b")
_ASKED = re.compile(r"(?:can|could) you \{(\w)\}")


def _draw(parts: dict[str, list[Part]], template: str, rng: random.Random) -> list[Part]:
    """The parts for ``template``: from different areas, touching different objects, led by a verb after "can you"."""
    slots = re.findall(r"\{(\w)\}", template.lower())
    asked = set(_ASKED.findall(template.lower()))
    while True:
        areas = rng.sample(sorted(parts), len(slots))
        drawn = [(area, rng.choice(parts[area])) for area in areas]
        touched = [_objects(area, said, expect) for area, (said, expect) in drawn]
        if any(touched[i] & touched[j] for i in range(len(slots)) for j in range(i + 1, len(slots))):
            continue
        if all(_VERB_LED.match(msg) for slot, (_, (msg, _)) in zip(slots, drawn) if slot in asked):
            return [part for _, part in drawn]


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _cases(language: str, per_template: int, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    parts, pairs, triples = (_EN, _EN_PAIRS, _EN_TRIPLES) if language == "en" else (_ZH, _ZH_PAIRS, _ZH_TRIPLES)
    cases = []
    for template in (*pairs, *triples):
        for _ in range(per_template):
            drawn = _draw(parts, template, rng)
            words = dict(zip("abc", (msg for msg, _ in drawn)))
            words |= {key.upper(): _upper_first(said) for key, said in words.items()}
            cases.append({"ctx": "full", "msg": template.format(**words), "expect": [expect for _, expect in drawn]})
    return cases


EN_CASES = _cases("en", 40, seed=10)
ZH_CASES = _cases("zh", 40, seed=14)


def test_grid_is_a_few_thousand_messages() -> None:
    assert 1500 <= len(EN_CASES) + len(ZH_CASES) <= 4000


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_part_passes_alone(language: str) -> None:
    parts = _EN if language == "en" else _ZH
    cases = [{"msg": msg, "expect": [expect]} for area in parts.values() for msg, expect in area]
    wrong = grid_failures(cases)
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_chained_requests_plan_each_in_order(language: str) -> None:
    cases = EN_CASES if language == "en" else ZH_CASES
    wrong = grid_failures(cases)
    assert not wrong, f"{len(wrong)} of {len(cases)} wrong:\n" + "\n".join(wrong[:40])
