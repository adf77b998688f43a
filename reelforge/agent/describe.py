"""Short, human labels for edits, in English or Chinese: what the reply says changed, and the version
history's labels (which "go back to before the music" is matched against)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reelforge.agent._voice_labels import voice_label
from reelforge.agent.actions import VersionRecord
from reelforge.agent.registry import TOPICS, topics_of
from reelforge.agent.registry import label as tool_label
from reelforge.draft import VIDEO, Aspect, Draft
from reelforge.draft import edits as e
from reelforge.draft.colors import NAMED_COLORS
from reelforge.draft.model import Position
from reelforge.draft.summary import format_seconds
from reelforge.fonts import drawable_text, resolve_font

__all__ = ["REVERT_TOPICS", "describe_edit", "find_revert_point"]

# canonical topic -> words (EN and ZH) that name it, in requests and in labels: the registry owns them
REVERT_TOPICS = TOPICS

_ASPECT_WORDS: dict[Aspect, tuple[str, str]] = {
    "9:16": ("vertical", "竖屏"), "16:9": ("landscape", "横屏"), "1:1": ("square", "方形"), "4:5": ("portrait", "4:5竖版")}


_ZH_TRANSITIONS = {"fade": "淡入淡出", "dissolve": "溶解", "fadeblack": "黑场", "fadewhite": "白场", "wipeleft": "擦除",
                   "slideleft": "滑动", "zoomin": "缩放", "circleopen": "圆形展开", "pixelize": "像素化"}


_MOTION_WORDS = {"zoom_in": ("a slow zoom in", "缓慢推进"), "zoom_out": ("a slow zoom out", "缓慢拉远"),
                 "pan_left": ("a slow pan left", "缓慢向左平移"), "pan_right": ("a slow pan right", "缓慢向右平移"),
                 "pan_up": ("a slow pan up", "缓慢向上平移"), "pan_down": ("a slow pan down", "缓慢向下平移")}


_COLOR_NAMES = {hex_: name for name, hex_ in reversed(NAMED_COLORS.items())}  # "grey" and "gray": keep "gray"
_ZH_COLOR_NAMES = {"white": "白色", "black": "黑色", "red": "红色", "green": "绿色", "blue": "蓝色", "yellow": "黄色",
                   "orange": "橙色", "purple": "紫色", "pink": "粉色", "gray": "灰色", "cyan": "青色", "gold": "金色",
                   "silver": "银色", "navy": "藏青色", "teal": "蓝绿色", "brown": "棕色", "magenta": "洋红色"}


def _color(value: str, language: str) -> str:
    """A colour as people say it ("red", "红色") when it is a named one, else as given (``#12ab34``)."""
    name = _COLOR_NAMES.get(value.lower())
    if name is None:
        return value if language == "en" else f" {value}"
    return _ZH_COLOR_NAMES.get(name, name) if language == "zh" else name


def _grid(pos: Position) -> tuple[str, str] | None:
    """Where a free position sits on the rules' grid: (across, down), each "" for the middle, e.g. ("right",
    "bottom") for the bottom right corner, ("left", "") for the left side; None off the grid (a fraction)."""
    across = {0.2: "left", 0.5: "", 0.8: "right"}.get(round(pos.x, 2))
    down = {0.1: "top", 0.5: "", 0.9: "bottom"}.get(round(pos.y, 2))
    return None if across is None or down is None else (across, down)


def _place_en(pos: object) -> str:
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


def _place_zh(pos: object, verb: str) -> str:
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


def _s(ms: int | None) -> str:
    return f"{format_seconds(ms or 0)}s"


def _volume(value: float) -> str:
    return f"{round(value * 100)}%"


def _undrawable(text: str, font: str | None, language: str) -> str:
    """A note naming the characters the title's font cannot draw (the render leaves them out)."""
    _, dropped = drawable_text(text, resolve_font(font, text))
    if not dropped:
        return ""
    shown = " ".join(dict.fromkeys(dropped))
    if language == "zh":
        return f"（标题字体无法显示 {shown}，渲染时会省略）"
    return f" ({shown} can't be drawn in the title font, so the video leaves {'it' if len(set(dropped)) == 1 else 'them'} out)"


def _fade_en(edit: e.SetFade) -> str:
    """"faded the video in over 1s at the start and out over 2s at the end", "removed clip s2's fade-out"."""
    whole = edit.segment_id is None
    who = "the video" if whole else f"clip {edit.segment_id}"
    done, removed = [], []
    for way, ms, where in (("in", edit.fade_in_ms, " at the start"), ("out", edit.fade_out_ms, " at the end")):
        if ms:
            done.append(f"{way} over {_s(ms)}{where if whole else ''}")
        elif ms == 0:
            removed.append(f"fade-{way}")
    bits = [f"faded {who} " + " and ".join(done)] if done else []
    if removed:
        bits.append(f"removed {'the video' if whole else who}'s {' and '.join(removed)}")
    return "; ".join(bits)


def _fade_zh(edit: e.SetFade) -> str:
    """"开头淡入 1 秒，结尾淡出 2 秒", "去掉片段 s2 的淡出"."""
    who = "" if edit.segment_id is None else f"片段 {edit.segment_id} "
    places = ("开头", "结尾") if edit.segment_id is None else ("", "")
    bits = []
    for way, ms, place in (("淡入", edit.fade_in_ms, places[0]), ("淡出", edit.fade_out_ms, places[1])):
        if ms:
            bits.append(f"{who}{place}{way} {format_seconds(ms)} 秒")
        elif ms == 0:
            bits.append(f"去掉{who + '的' if who else ''}{place}{way}")
    return "，".join(bits)


def _en(edit: e.Edit) -> str:
    match edit:
        case e.AddClip() if edit.at == "replace":
            return f"replaced clip {edit.ref} with '{edit.name or edit.src}' ({_s(edit.duration_ms)})"
        case e.AddClip():
            return f"added the clip '{edit.name or edit.src}' ({_s(edit.duration_ms)})"
        case e.DeleteSegment():
            return f"deleted clip {edit.segment_id}"
        case e.MoveClip():
            return f"moved clip {edit.segment_id} to position {edit.to_index + 1}"
        case e.SwapClips():
            return f"swapped clips {edit.first_id} and {edit.second_id}"
        case e.Trim():
            if edit.end_ms is None:
                return f"cut the first {_s(edit.start_ms)} of the video"
            return f"trimmed the video to {format_seconds(edit.start_ms)}-{_s(edit.end_ms)}"
        case e.TrimSegment():
            return f"trimmed clip {edit.segment_id} ({_s(edit.cut_start_ms)} off its start, {_s(edit.cut_end_ms)} off its end)"
        case e.SetCanvas():
            parts = []
            if edit.aspect:
                parts.append(f"canvas {edit.aspect} ({_ASPECT_WORDS[edit.aspect][0]})")
            if edit.width or edit.height:
                parts.append(f"canvas size {edit.width or '-'}x{edit.height or '-'}")
            if edit.bg:
                parts.append(f"background colour {_color(edit.bg, 'en')}")
            if edit.fps:
                parts.append(f"{edit.fps} fps")
            return "set the " + ", ".join(parts or ["canvas"])
        case e.AddText():
            where = "at the end" if edit.at_end else f"from {_s(edit.start_ms)}" if edit.start_ms else "at the start"
            length = f" for {_s(edit.duration_ms)}" if edit.duration_ms else ""
            place = f" {_place_en(edit.pos)}" if isinstance(edit.pos, Position) else ""
            return f"added the title '{edit.text}' {where}{length}{place}" + _undrawable(edit.text, edit.font, "en")
        case e.UpdateText():
            changes = [f"'{edit.text}'" if edit.text else "", _place_en(edit.pos),
                       "bigger" if (edit.scale or 1) > 1 else "smaller" if (edit.scale or 1) < 1 else "",
                       f"colour {_color(edit.color, 'en')}" if edit.color else "",
                       f"on {_color(edit.bgcolor, 'en')}" if edit.bgcolor else "",
                       "fading in" if edit.fade_in_ms else "", "fading out" if edit.fade_out_ms else "",
                       f"from {_s(edit.start_ms)}" if edit.start_ms is not None else "",
                       f"for {_s(edit.duration_ms)}" if edit.duration_ms else ""]
            note = _undrawable(edit.text, None, "en") if edit.text else ""
            return ("changed the title: " + ", ".join(c for c in changes if c) if any(changes)
                    else "changed the title") + note
        case e.RemoveText():
            return "removed all text" if edit.all else "removed the title"
        case e.SetMusic():
            return f"set the background music to '{edit.name or edit.src}' at {_volume(edit.volume)}"
        case e.UpdateMusic():
            bits = [f"volume {_volume(edit.volume)}" if edit.volume is not None else "",
                    "louder" if (edit.volume_scale or 1) > 1 else "quieter" if (edit.volume_scale or 1) < 1 else "",
                    f"fade in {_s(edit.fade_in_ms)}" if edit.fade_in_ms is not None else "",
                    f"fade out {_s(edit.fade_out_ms)}" if edit.fade_out_ms is not None else "",
                    ("looping" if edit.loop else "not looping") if edit.loop is not None else "",
                    "ducked under speech" if edit.duck else "",
                    f"coming in at {_s(edit.start_ms)}" if edit.start_ms is not None else "",
                    f"playing from {_s(edit.source_in_ms)} into the song" if edit.source_in_ms is not None else ""]
            return "changed the background music: " + ", ".join(b for b in bits if b)
        case e.RemoveMusic():
            return "removed the background music"
        case e.SetClipAudio():
            who = f"clip {edit.segment_id}'s" if edit.segment_id else "the clips'"
            return f"muted {who} own sound" if edit.volume == 0 else f"set {who} own sound to {_volume(edit.volume)}"
        case e.SetSpeed():
            who = f"clip {edit.segment_id}" if edit.segment_id else "the video"
            return f"set {who} to {edit.speed:g}x speed"
        case e.SetTransition():
            if edit.type == "none":
                return "removed the transitions"
            where = f"into clip {edit.segment_id}" if edit.segment_id else "between the clips"
            return f"added a {edit.type} transition ({_s(edit.duration_ms)}) {where}"
        case e.SetFade():
            return _fade_en(edit)
        case e.SetMotion():
            who = f"clip {edit.segment_id}" if edit.segment_id else "every clip"
            if edit.motion == "none":
                return f"removed the camera motion from {who}"
            return f"added {_MOTION_WORDS[edit.motion][0]} to {who}"
        case e.AddSound():
            return f"added the sound effect '{edit.name or edit.src}' at {_s(edit.start_ms)}"
    return tool_label(edit.op, "en")  # an op with no wording of its own here: the registry's label


def _zh(edit: e.Edit) -> str:
    match edit:
        case e.AddClip() if edit.at == "replace":
            return f"用「{edit.name or edit.src}」替换片段 {edit.ref}（{_s(edit.duration_ms)}）"
        case e.AddClip():
            return f"添加片段「{edit.name or edit.src}」（{_s(edit.duration_ms)}）"
        case e.DeleteSegment():
            return f"删除片段 {edit.segment_id}"
        case e.MoveClip():
            return f"把片段 {edit.segment_id} 移到第 {edit.to_index + 1} 位"
        case e.SwapClips():
            return f"交换片段 {edit.first_id} 和 {edit.second_id}"
        case e.Trim():
            if edit.end_ms is None:
                return f"剪掉视频开头 {_s(edit.start_ms)}"
            return f"把视频裁剪为 {format_seconds(edit.start_ms)}-{_s(edit.end_ms)}"
        case e.TrimSegment():
            return f"裁剪片段 {edit.segment_id}（开头 {_s(edit.cut_start_ms)}，结尾 {_s(edit.cut_end_ms)}）"
        case e.SetCanvas():
            parts = []
            if edit.aspect:
                parts.append(f"画布改为 {edit.aspect}（{_ASPECT_WORDS[edit.aspect][1]}）")
            if edit.bg:
                parts.append(f"背景色改为{_color(edit.bg, 'zh')}")
            if edit.fps:
                parts.append(f"帧率改为 {edit.fps}")
            return "，".join(parts or ["修改画布"])
        case e.AddText():
            where = "在结尾" if edit.at_end else f"从 {_s(edit.start_ms)} 起" if edit.start_ms else "在开头"
            length = f"显示 {_s(edit.duration_ms)}" if edit.duration_ms else ""
            place = f"，{_place_zh(edit.pos, '放在')}" if isinstance(edit.pos, Position) else ""
            return f"{where}添加标题「{edit.text}」{length}{place}" + _undrawable(edit.text, edit.font, "zh")
        case e.UpdateText():
            changes = [f"文字改为「{edit.text}」" if edit.text else "",
                       _place_zh(edit.pos, "移到"),
                       "放大" if (edit.scale or 1) > 1 else "缩小" if (edit.scale or 1) < 1 else "",
                       f"颜色改为{_color(edit.color, 'zh')}" if edit.color else "",
                       f"底色改为{_color(edit.bgcolor, 'zh')}" if edit.bgcolor else "",
                       "淡入" if edit.fade_in_ms else "", "淡出" if edit.fade_out_ms else "",
                       f"从 {_s(edit.start_ms)} 开始" if edit.start_ms is not None else "",
                       f"显示 {_s(edit.duration_ms)}" if edit.duration_ms else ""]
            note = _undrawable(edit.text, None, "zh") if edit.text else ""
            return ("修改标题：" + "，".join(c for c in changes if c) if any(changes) else "修改标题") + note
        case e.RemoveText():
            return "删除所有文字" if edit.all else "删除标题"
        case e.SetMusic():
            return f"把背景音乐设为「{edit.name or edit.src}」，音量 {_volume(edit.volume)}"
        case e.UpdateMusic():
            bits = [f"音量 {_volume(edit.volume)}" if edit.volume is not None else "",
                    "调大" if (edit.volume_scale or 1) > 1 else "调小" if (edit.volume_scale or 1) < 1 else "",
                    f"淡入 {_s(edit.fade_in_ms)}" if edit.fade_in_ms is not None else "",
                    f"淡出 {_s(edit.fade_out_ms)}" if edit.fade_out_ms is not None else "",
                    ("循环播放" if edit.loop else "不循环") if edit.loop is not None else "",
                    "人声时自动压低" if edit.duck else "",
                    f"从 {_s(edit.start_ms)} 处开始" if edit.start_ms is not None else "",
                    f"从歌曲的第 {_s(edit.source_in_ms)} 开始播放" if edit.source_in_ms is not None else ""]
            return "调整背景音乐：" + "，".join(b for b in bits if b)
        case e.RemoveMusic():
            return "移除背景音乐"
        case e.SetClipAudio():
            who = f"片段 {edit.segment_id} 的" if edit.segment_id else "视频"
            return f"{who}原声静音" if edit.volume == 0 else f"{who}原声音量设为 {_volume(edit.volume)}"
        case e.SetSpeed():
            who = f"片段 {edit.segment_id}" if edit.segment_id else "视频"
            return f"{who}速度改为 {edit.speed:g} 倍"
        case e.SetTransition():
            if edit.type == "none":
                return "去掉转场"
            where = f"（进入片段 {edit.segment_id}）" if edit.segment_id else ""
            return f"添加{_ZH_TRANSITIONS.get(edit.type, edit.type)}转场（{_s(edit.duration_ms)}）{where}"
        case e.SetFade():
            return _fade_zh(edit)
        case e.SetMotion():
            who = f"片段 {edit.segment_id} " if edit.segment_id else "所有片段"
            if edit.motion == "none":
                return f"去掉{who}的镜头运动"
            return f"{who}{_MOTION_WORDS[edit.motion][1]}"
        case e.AddSound():
            return f"在 {_s(edit.start_ms)} 添加音效「{edit.name or edit.src}」"
    return tool_label(edit.op, "zh")


def describe_edit(edit: e.Edit, language: str = "en", draft: Draft | None = None) -> str:
    """A short label for ``edit`` ("added the title 'Peak' at the start for 2s" / "在开头添加标题「Peak」显示 2s").

    With the ``draft`` the edit applies to, clips are named by their place ("deleted clip 2",
    "删除第2个片段") rather than by id ("clip s7"), which means nothing to the person chatting.
    """
    label = voice_label(edit, language) or (_zh(edit) if language == "zh" else _en(edit))
    return _clips_by_place(label, edit, draft, language) if draft is not None else label


def _clips_by_place(label: str, edit: e.Edit, draft: Draft, language: str) -> str:
    track = draft.tracks_of(VIDEO)[0] if draft.tracks_of(VIDEO) else None
    order = [s.id for s in sorted(track.segments, key=lambda s: s.start_ms)] if track else []
    for key in ("segment_id", "first_id", "second_id"):
        sid = getattr(edit, key, None)
        if isinstance(sid, str) and sid in order:
            place = str(order.index(sid) + 1)
            ident = rf"(?<![A-Za-z0-9_]){re.escape(sid)}(?![A-Za-z0-9_])"  # no \b: "片段 s2速度" has none
            if language == "zh":
                label = re.sub(rf"片段 {ident} ?", f"第{place}个片段", label)
                label = re.sub(rf"\s?和 {ident}", f"和第{place}个片段", label)
            label = re.sub(ident, place, label)
    return label


def find_revert_point(topic: str, history: list[str], versions: Sequence[VersionRecord] = ()) -> int | None:
    """Index of the first version about ``topic`` (a canonical topic or words); revert to the one before it.

    A version that recorded its edits is matched by what they were (``registry.topics_of``: "the transition" is
    a ``set_transition``, never a picture fade); one that did not, by the words of its label."""
    pattern = TOPICS.get(topic, re.escape(topic.lower()))
    for index, label in enumerate(history):
        change = versions[index].change if index < len(versions) else None
        if change is not None and change.edits:
            if topic in topics_of(change):
                return index
            continue
        if re.search(pattern, label.lower()):
            return index
    return None
