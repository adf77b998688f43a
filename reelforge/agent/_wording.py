"""What each edit op says it did, in English and Chinese: the functions the registry declares next to each op
(``EditTool.said``), and the helpers they share (seconds, volumes, colour names, the position grid).

One sentence serves twice: it is the version's history label and, in the reply, what was done ("Done: ..." /
"已..."). Segment ids appear as such ("clip s2"); ``describe_edit`` names clips by their place when it has the
draft ("clip 2", "第2个片段").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import get_args

from reelforge.agent._intents._words import ZH_COLOR_CHARS, ZH_COLORS, ZH_SHADES
from reelforge.draft import CAPTION_STYLES, Aspect
from reelforge.draft import edits as e
from reelforge.draft.colors import COLOR_PHRASES, PALETTE, color_value
from reelforge.draft.model import Position
from reelforge.draft.summary import format_seconds
from reelforge.draft.validate import MOTIONS, TRANSITIONS
from reelforge.fonts import drawable_text, resolve_font

_ASPECT_WORDS: dict[Aspect, tuple[str, str]] = {
    "9:16": ("vertical", "竖屏"), "16:9": ("landscape", "横屏"), "1:1": ("square", "方形"), "4:5": ("portrait", "4:5竖版")}
# Every xfade name ``validate.TRANSITIONS`` accepts, as people say it: (English, Chinese); checked below.
_TRANSITION_WORDS: dict[str, tuple[str, str]] = {
    "fade": ("fade", "淡入淡出"), "dissolve": ("dissolve", "溶解"), "distance": ("distance blend", "距离渐变"),
    "fadeblack": ("fade through black", "黑场"), "fadewhite": ("fade through white", "白场"),
    "fadegrays": ("fade through grey", "灰场"),
    "wipeleft": ("wipe left", "擦除"), "wiperight": ("wipe right", "向右擦除"),
    "wipeup": ("wipe up", "向上擦除"), "wipedown": ("wipe down", "向下擦除"),
    "slideleft": ("slide left", "滑动"), "slideright": ("slide right", "向右滑动"),
    "slideup": ("slide up", "向上滑动"), "slidedown": ("slide down", "向下滑动"),
    "smoothleft": ("smooth wipe left", "向左平滑擦除"), "smoothright": ("smooth wipe right", "向右平滑擦除"),
    "smoothup": ("smooth wipe up", "向上平滑擦除"), "smoothdown": ("smooth wipe down", "向下平滑擦除"),
    "coverleft": ("cover left", "向左覆盖"), "coverright": ("cover right", "向右覆盖"),
    "coverup": ("cover up", "向上覆盖"), "coverdown": ("cover down", "向下覆盖"),
    "revealleft": ("reveal left", "向左揭开"), "revealright": ("reveal right", "向右揭开"),
    "revealup": ("reveal up", "向上揭开"), "revealdown": ("reveal down", "向下揭开"),
    "circlecrop": ("circle crop", "圆形裁切"), "rectcrop": ("rectangle crop", "矩形裁切"),
    "circleopen": ("circle open", "圆形展开"), "circleclose": ("circle close", "圆形收拢"),
    "vertopen": ("vertical open", "垂直展开"), "vertclose": ("vertical close", "垂直收拢"),
    "horzopen": ("horizontal open", "水平展开"), "horzclose": ("horizontal close", "水平收拢"),
    "radial": ("radial wipe", "径向擦除"), "pixelize": ("pixelate", "像素化"), "zoomin": ("zoom in", "缩放"),
    "hblur": ("horizontal blur", "水平模糊"),
    "diagtl": ("diagonal from the top left", "左上对角"), "diagtr": ("diagonal from the top right", "右上对角"),
    "diagbl": ("diagonal from the bottom left", "左下对角"), "diagbr": ("diagonal from the bottom right", "右下对角"),
    "hlslice": ("slices to the left", "向左切片"), "hrslice": ("slices to the right", "向右切片"),
    "vuslice": ("slices upward", "向上切片"), "vdslice": ("slices downward", "向下切片"),
    "squeezeh": ("horizontal squeeze", "水平挤压"), "squeezev": ("vertical squeeze", "垂直挤压"),
}
assert set(_TRANSITION_WORDS) == TRANSITIONS, set(_TRANSITION_WORDS) ^ TRANSITIONS
assert set(_ASPECT_WORDS) == set(get_args(Aspect))
_MOTION_WORDS = {"zoom_in": ("a slow zoom in", "缓慢推进"), "zoom_out": ("a slow zoom out", "缓慢拉远"),
                 "pan_left": ("a slow pan left", "缓慢向左平移"), "pan_right": ("a slow pan right", "缓慢向右平移"),
                 "pan_up": ("a slow pan up", "缓慢向上平移"), "pan_down": ("a slow pan down", "缓慢向下平移")}
assert set(_MOTION_WORDS) == set(MOTIONS)
_CAPTION_STYLES = {"clean": ("clean", "简洁"), "highlight": ("word-by-word highlight", "逐字高亮")}
assert set(_CAPTION_STYLES) == set(CAPTION_STYLES)
# a voice id's parts (validate's voice ids: "en_gb_female", "kokoro:bm_george"): (English, Chinese)
_VOICE_ACCENTS = {"en": ("English", "英语"), "en_gb": ("British English", "英式英语"), "zh": ("Mandarin", "普通话"),
                  "a": ("American English", "美式英语"), "b": ("British English", "英式英语"), "z": ("Mandarin", "普通话")}
_VOICE_GENDERS = {"female": ("female", "女声"), "male": ("male", "男声"), "f": ("female", "女声"), "m": ("male", "男声")}
# a colour's value -> its name as said: the palette's first ("gray", not "grey"), then CSS's and the common names, as
# words ("light blue"); in Chinese the first word of the shared table that reads as it ("#add8e6" is 浅蓝色 only when
# said so: names without a Chinese word stay English)
_COLOR_NAMES = {hex_: name for name, hex_ in reversed([*PALETTE.items(), *COLOR_PHRASES.items()])}
_ZH_COLOR_NAMES = {value: f"{word}色" for word, name in reversed(ZH_COLORS.items())
                   if (value := name if name.startswith("#") else color_value(name)) is not None}
_ZH_SHADED = {value: f"{shade}{char}色" for shade, english in reversed(ZH_SHADES.items()) for char in ZH_COLOR_CHARS
               if (value := color_value(f"{english} {ZH_COLORS[char]}")) is not None}
_ZH_COLOR_NAMES = _ZH_SHADED | _ZH_COLOR_NAMES  # "浅蓝色" for light blue, "深绿色" for dark green; a word of its own first
_ZH_COLOR_NAMES.update({PALETTE["navy"]: "藏青色", PALETTE["teal"]: "蓝绿色", PALETTE["magenta"]: "洋红色",
                        PALETTE["gray"]: "灰色", PALETTE["orange"]: "橙色", PALETTE["pink"]: "粉色"})


# -- shared helpers ------------------------------------------------------------------------------------------------

def seconds(ms: int | None) -> str:
    """"2s", "0.5s"."""
    return f"{format_seconds(ms or 0)}s"


def volume(value: float) -> str:
    return f"{round(value * 100)}%"


def color(value: str, language: str) -> str:
    """A colour as people say it ("red", "红色") when it is a named one, else as given (``#12ab34``)."""
    hex_ = value.lower() if value.startswith("#") else (color_value(value) or value.lower())
    name = _COLOR_NAMES.get(hex_)
    if language == "zh" and hex_ in _ZH_COLOR_NAMES:
        return _ZH_COLOR_NAMES[hex_]
    if name is None:
        return value if language == "en" else f" {value}"
    return name


def transition(name: str, language: str) -> str:
    """An xfade transition as people say it ("wipe right", "向右擦除")."""
    return _TRANSITION_WORDS[name][1 if language == "zh" else 0]


def voice(voice_id: str, language: str) -> str:
    """A voice as people say it: "British English male voice" / "英式英语男声" for ``en_gb_male``, "Kokoro voice
    George (British English male)" / "Kokoro 英式英语男声 George" for ``kokoro:bm_george``. An id of no known
    shape is said as it is."""
    zh = language == "zh"
    kokoro = re.fullmatch(r"kokoro:([a-z])([a-z])_([a-z0-9]+)", voice_id)
    espeak = re.fullmatch(r"(en|en_gb|zh)_(female|male)", voice_id)
    if kokoro and kokoro.group(1) in _VOICE_ACCENTS and kokoro.group(2) in _VOICE_GENDERS:
        accent, gender = _VOICE_ACCENTS[kokoro.group(1)], _VOICE_GENDERS[kokoro.group(2)]
        name = kokoro.group(3).capitalize()
        return f"Kokoro {accent[1]}{gender[1]} {name}" if zh else f"Kokoro voice {name} ({accent[0]} {gender[0]})"
    if espeak:
        accent, gender = _VOICE_ACCENTS[espeak.group(1)], _VOICE_GENDERS[espeak.group(2)]
        return accent[1] + gender[1] if zh else f"{accent[0]} {gender[0]} voice"
    return voice_id


def voices(voice_ids: Sequence[str], language: str) -> str:
    """Several voices, each once, in the order given."""
    return ("、" if language == "zh" else ", ").join(voice(v, language) for v in dict.fromkeys(voice_ids))


def _grid(pos: Position) -> tuple[str, str] | None:
    """Where a free position sits on the rules' grid: (across, down), each "" for the middle, e.g. ("right",
    "bottom") for the bottom right corner, ("left", "") for the left side; None off the grid (a fraction)."""
    across = {0.2: "left", 0.5: "", 0.8: "right"}.get(round(pos.x, 2))
    down = {0.1: "top", 0.5: "", 0.9: "bottom"}.get(round(pos.y, 2))
    return None if across is None or down is None else (across, down)


def place_en(pos: object) -> str:
    """"at the top", "in the bottom right corner", "on the left", "at 30% across, 20% down"."""
    if isinstance(pos, str):
        return f"at the {pos}"
    if not isinstance(pos, Position):
        return ""
    grid = _grid(pos)
    if grid is None:
        return f"at {round(pos.x * 100)}% across, {round(pos.y * 100)}% down"
    across, down = grid
    if across and down:
        return f"in the {down} {across} corner"
    return f"on the {across}" if across else f"at the {down or 'center'}"


_ZH_SIDES = {"left": "左", "right": "右", "top": "上", "bottom": "下"}
_ZH_PLACES = {"top": "顶部", "bottom": "底部", "center": "中间", "": "中间"}


def place_zh(pos: object, verb: str) -> str:
    """"移到顶部", "移到右下角", "移到左侧", "移到横向 30%、纵向 20% 处"."""
    if isinstance(pos, str):
        return verb + _ZH_PLACES.get(pos, pos)
    if not isinstance(pos, Position):
        return ""
    grid = _grid(pos)
    if grid is None:
        return f"{verb}横向 {round(pos.x * 100)}%、纵向 {round(pos.y * 100)}% 处"
    across, down = grid
    if across and down:
        return f"{verb}{_ZH_SIDES[across]}{_ZH_SIDES[down]}角"
    return f"{verb}{_ZH_SIDES[across]}侧" if across else f"{verb}{_ZH_PLACES[down]}"


def undrawable(text: str, font: str | None, language: str) -> str:
    """A note naming the characters the title's font cannot draw (the render leaves them out)."""
    _, dropped = drawable_text(text, resolve_font(font, text))
    if not dropped:
        return ""
    shown = " ".join(dict.fromkeys(dropped))
    if language == "zh":
        return f"（标题字体无法显示 {shown}，渲染时会省略）"
    return f" ({shown} can't be drawn in the title font, so the video leaves {'it' if len(set(dropped)) == 1 else 'them'} out)"


# -- each op's wording, English then Chinese -------------------------------------------------------------------------

def add_clip_en(edit: e.AddClip) -> str:
    if edit.at == "replace":
        return f"replaced clip {edit.ref} with '{edit.name or edit.src}' ({seconds(edit.duration_ms)})"
    return f"added the clip '{edit.name or edit.src}' ({seconds(edit.duration_ms)}){_FIT_EN.get(edit.fit or '', '')}"


def add_clip_zh(edit: e.AddClip) -> str:
    if edit.at == "replace":
        return f"用「{edit.name or edit.src}」替换片段 {edit.ref}（{seconds(edit.duration_ms)}）"
    return f"添加片段「{edit.name or edit.src}」（{seconds(edit.duration_ms)}）{_FIT_ZH.get(edit.fit or '', '')}"


# how an added clip fills the frame, when it was said
_FIT_EN = {"blur": ", a blurred copy filling the frame behind it", "contain": ", shown whole", "cover": ", cropped to fill the frame"}
_FIT_ZH = {"blur": "，模糊背景填满画面", "contain": "，完整显示", "cover": "，裁切铺满画面"}


def add_clips_en(edits: Sequence[e.AddClip]) -> str:
    """Several clips added by one message, told as one: "added 3 clips: a, b, c"."""
    return f"added {len(edits)} clips: " + ", ".join(edit.name or edit.src for edit in edits)


def add_clips_zh(edits: Sequence[e.AddClip]) -> str:
    return f"添加 {len(edits)} 个片段：" + "、".join(edit.name or edit.src for edit in edits)


def trim_en(edit: e.Trim) -> str:
    if edit.end_ms is None:
        return f"cut the first {seconds(edit.start_ms)} of the video"
    return f"trimmed the video to {format_seconds(edit.start_ms)}-{seconds(edit.end_ms)}"


def trim_zh(edit: e.Trim) -> str:
    if edit.end_ms is None:
        return f"剪掉视频开头 {seconds(edit.start_ms)}"
    return f"把视频裁剪为 {format_seconds(edit.start_ms)}-{seconds(edit.end_ms)}"


def set_canvas_en(edit: e.SetCanvas) -> str:
    parts = []
    if edit.aspect:
        parts.append(f"canvas {edit.aspect} ({_ASPECT_WORDS[edit.aspect][0]})")
    if edit.width or edit.height:
        parts.append(f"canvas size {edit.width or '-'}x{edit.height or '-'}")
    if edit.bg:
        parts.append(f"background colour {color(edit.bg, 'en')}")
    if edit.fps:
        parts.append(f"{edit.fps} fps")
    return "set the " + ", ".join(parts or ["canvas"])


def set_canvas_zh(edit: e.SetCanvas) -> str:
    parts = []
    if edit.aspect:
        parts.append(f"画布改为 {edit.aspect}（{_ASPECT_WORDS[edit.aspect][1]}）")
    if edit.width or edit.height:
        parts.append(f"画布尺寸改为 {edit.width or '-'}x{edit.height or '-'}")
    if edit.bg:
        parts.append(f"背景色改为{color(edit.bg, 'zh')}")
    if edit.fps:
        parts.append(f"帧率改为 {edit.fps}")
    return "，".join(parts or ["修改画布"])


def add_text_en(edit: e.AddText) -> str:
    where = "at the end" if edit.at_end else f"from {seconds(edit.start_ms)}" if edit.start_ms else "at the start"
    length = f" for {seconds(edit.duration_ms)}" if edit.duration_ms else ""
    place = f" {place_en(edit.pos)}" if isinstance(edit.pos, Position) else ""
    return f"added the title '{edit.text}' {where}{length}{place}" + undrawable(edit.text, edit.font, "en")


def add_text_zh(edit: e.AddText) -> str:
    where = "在结尾" if edit.at_end else f"从 {seconds(edit.start_ms)} 起" if edit.start_ms else "在开头"
    length = f"显示 {seconds(edit.duration_ms)}" if edit.duration_ms else ""
    place = f"，{place_zh(edit.pos, '放在')}" if isinstance(edit.pos, Position) else ""
    return f"{where}添加标题「{edit.text}」{length}{place}" + undrawable(edit.text, edit.font, "zh")


def update_text_en(edit: e.UpdateText) -> str:
    changes = [f"'{edit.text}'" if edit.text else "", place_en(edit.pos),
               "bigger" if (edit.scale or 1) > 1 else "smaller" if (edit.scale or 1) < 1 else "",
               f"colour {color(edit.color, 'en')}" if edit.color else "",
               f"on {color(edit.bgcolor, 'en')}" if edit.bgcolor else "",
               "fading in" if edit.fade_in_ms else "", "fading out" if edit.fade_out_ms else "",
               f"from {seconds(edit.start_ms)}" if edit.start_ms is not None else "",
               f"for {seconds(edit.duration_ms)}" if edit.duration_ms else ""]
    note = undrawable(edit.text, None, "en") if edit.text else ""
    return ("changed the title: " + ", ".join(c for c in changes if c) if any(changes) else "changed the title") + note


def update_text_zh(edit: e.UpdateText) -> str:
    changes = [f"文字改为「{edit.text}」" if edit.text else "",
               place_zh(edit.pos, "移到"),
               "放大" if (edit.scale or 1) > 1 else "缩小" if (edit.scale or 1) < 1 else "",
               f"颜色改为{color(edit.color, 'zh')}" if edit.color else "",
               f"底色改为{color(edit.bgcolor, 'zh')}" if edit.bgcolor else "",
               "淡入" if edit.fade_in_ms else "", "淡出" if edit.fade_out_ms else "",
               f"从 {seconds(edit.start_ms)} 开始" if edit.start_ms is not None else "",
               f"显示 {seconds(edit.duration_ms)}" if edit.duration_ms else ""]
    note = undrawable(edit.text, None, "zh") if edit.text else ""
    return ("修改标题：" + "，".join(c for c in changes if c) if any(changes) else "修改标题") + note


def update_music_en(edit: e.UpdateMusic) -> str:
    bits = [f"volume {volume(edit.volume)}" if edit.volume is not None else "",
            "louder" if (edit.volume_scale or 1) > 1 else "quieter" if (edit.volume_scale or 1) < 1 else "",
            f"fade in {seconds(edit.fade_in_ms)}" if edit.fade_in_ms is not None else "",
            f"fade out {seconds(edit.fade_out_ms)}" if edit.fade_out_ms is not None else "",
            ("looping" if edit.loop else "not looping") if edit.loop is not None else "",
            "ducked under speech" if edit.duck else "",
            f"coming in at {seconds(edit.start_ms)}" if edit.start_ms is not None else "",
            (f"stopping at {seconds(edit.end_ms)}" if edit.end_ms else "playing to the end") if edit.end_ms is not None
            else "",
            f"playing from {seconds(edit.source_in_ms)} into the song" if edit.source_in_ms is not None else ""]
    return "changed the background music: " + ", ".join(b for b in bits if b)


def update_music_zh(edit: e.UpdateMusic) -> str:
    bits = [f"音量 {volume(edit.volume)}" if edit.volume is not None else "",
            "调大" if (edit.volume_scale or 1) > 1 else "调小" if (edit.volume_scale or 1) < 1 else "",
            f"淡入 {seconds(edit.fade_in_ms)}" if edit.fade_in_ms is not None else "",
            f"淡出 {seconds(edit.fade_out_ms)}" if edit.fade_out_ms is not None else "",
            ("循环播放" if edit.loop else "不循环") if edit.loop is not None else "",
            "人声时自动压低" if edit.duck else "",
            f"从 {seconds(edit.start_ms)} 处开始" if edit.start_ms is not None else "",
            (f"到 {seconds(edit.end_ms)} 停止" if edit.end_ms else "放到视频结尾") if edit.end_ms is not None else "",
            f"从歌曲的第 {seconds(edit.source_in_ms)} 开始播放" if edit.source_in_ms is not None else ""]
    return "调整背景音乐：" + "，".join(b for b in bits if b)


def set_clip_audio_en(edit: e.SetClipAudio) -> str:
    who = f"clip {edit.segment_id}'s" if edit.segment_id else "the clips'"
    return f"muted {who} own sound" if edit.volume == 0 else f"set {who} own sound to {volume(edit.volume)}"


def set_clip_audio_zh(edit: e.SetClipAudio) -> str:
    who = f"片段 {edit.segment_id} 的" if edit.segment_id else "视频"
    return f"{who}原声静音" if edit.volume == 0 else f"{who}原声音量设为 {volume(edit.volume)}"


def set_transition_en(edit: e.SetTransition) -> str:
    if edit.type == "none":
        return "removed the transitions"
    where = f"into clip {edit.segment_id}" if edit.segment_id else "between the clips"
    return f"added a {transition(edit.type, 'en')} transition ({seconds(edit.duration_ms)}) {where}"


def set_transition_zh(edit: e.SetTransition) -> str:
    if edit.type == "none":
        return "去掉转场"
    where = f"（进入片段 {edit.segment_id}）" if edit.segment_id else ""
    return f"添加{transition(edit.type, 'zh')}转场（{seconds(edit.duration_ms)}）{where}"


def set_fade_en(edit: e.SetFade) -> str:
    """"faded the video in over 1s at the start and out over 2s at the end", "removed clip s2's fade-out"."""
    whole = edit.segment_id is None
    who = "the video" if whole else f"clip {edit.segment_id}"
    done, removed = [], []
    for way, ms, where in (("in", edit.fade_in_ms, " at the start"), ("out", edit.fade_out_ms, " at the end")):
        hue = f" {'from' if way == 'in' else 'to'} {color(edit.color, 'en')}" if edit.color else ""
        if ms:
            done.append(f"{way}{hue} over {seconds(ms)}{where if whole else ''}")
        elif ms == 0:
            removed.append(f"fade-{way}")
    bits = [f"faded {who} " + " and ".join(done)] if done else []
    if removed:
        bits.append(f"removed {'the video' if whole else who}'s {' and '.join(removed)}")
    return "; ".join(bits)


def set_fade_zh(edit: e.SetFade) -> str:
    """"开头淡入 1 秒，结尾淡出 2 秒", "去掉片段 s2 的淡出"."""
    who = "" if edit.segment_id is None else f"片段 {edit.segment_id} "
    places = ("开头", "结尾") if edit.segment_id is None else ("", "")
    bits = []
    for way, ms, place in (("淡入", edit.fade_in_ms, places[0]), ("淡出", edit.fade_out_ms, places[1])):
        hue = color(edit.color, "zh").strip() if edit.color else ""
        if ms:
            said = (f"从{hue}{way}" if way == "淡入" else f"{way}到{hue}") if hue else way
            bits.append(f"{who}{place}{said} {format_seconds(ms)} 秒")
        elif ms == 0:
            bits.append(f"去掉{who + '的' if who else ''}{place}{way}")
    return "，".join(bits)


def set_motion_en(edit: e.SetMotion) -> str:
    who = f"clip {edit.segment_id}" if edit.segment_id else "every clip"
    if edit.motion == "none":
        return f"removed the camera motion from {who}"
    return f"added {_MOTION_WORDS[edit.motion][0]} to {who}"


def set_motion_zh(edit: e.SetMotion) -> str:
    who = f"片段 {edit.segment_id} " if edit.segment_id else "所有片段"
    if edit.motion == "none":
        return f"去掉{who}的镜头运动"
    return f"{who}{_MOTION_WORDS[edit.motion][1]}"


def _said(text: str) -> str:
    return text if len(text) <= 30 else text[:29] + "…"


def add_voice_en(edit: e.AddVoice) -> str:
    return f"added the voice-over '{_said(edit.text)}' ({voice(edit.voice, 'en')})"


def add_voice_zh(edit: e.AddVoice) -> str:
    return f"添加配音「{_said(edit.text)}」（{voice(edit.voice, 'zh')}）"


def _caption_parts(edit: e.SetCaptions, zh: bool) -> list[str]:
    parts = []
    if edit.style:
        parts.append(_CAPTION_STYLES[edit.style][1 if zh else 0])
    if edit.size_scale:
        parts.append(("放大" if edit.size_scale > 1 else "缩小") if zh else ("bigger" if edit.size_scale > 1 else "smaller"))
    if edit.color or edit.highlight:
        colour = edit.color or edit.highlight or ""
        parts.append(f"颜色改为{color(colour, 'zh')}" if zh else f"colour {color(colour, 'en')}")
    return parts


def set_captions_en(edit: e.SetCaptions) -> str:
    if not edit.enabled:
        return "removed the captions"
    parts = _caption_parts(edit, zh=False)
    return "captions: " + ", ".join(parts) if parts else "added captions"


def set_captions_zh(edit: e.SetCaptions) -> str:
    if not edit.enabled:
        return "去掉字幕"
    parts = _caption_parts(edit, zh=True)
    return "字幕：" + "、".join(parts) if parts else "添加字幕"
