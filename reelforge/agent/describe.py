"""Short, human labels for edits, in English or Chinese: what the reply says changed, and the version
history's labels (which "go back to before the music" is matched against)."""

from __future__ import annotations

import re

from reelforge.draft import edits as e
from reelforge.draft.summary import format_seconds
from reelforge.fonts import drawable_text, resolve_font

__all__ = ["describe_edit", "find_revert_point"]

_ASPECT_WORDS = {"9:16": ("vertical", "竖屏"), "16:9": ("landscape", "横屏"), "1:1": ("square", "方形"),
                 "4:5": ("portrait", "4:5竖版")}


_ZH_TRANSITIONS = {"fade": "淡入淡出", "dissolve": "溶解", "fadeblack": "黑场", "fadewhite": "白场", "wipeleft": "擦除",
                   "slideleft": "滑动", "zoomin": "缩放", "circleopen": "圆形展开", "pixelize": "像素化"}


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


def _en(edit: e.Edit) -> str:
    match edit:
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
                parts.append(f"background colour {edit.bg}")
            if edit.fps:
                parts.append(f"{edit.fps} fps")
            return "set the " + ", ".join(parts or ["canvas"])
        case e.AddText():
            where = "at the end" if edit.at_end else f"from {_s(edit.start_ms)}" if edit.start_ms else "at the start"
            length = f" for {_s(edit.duration_ms)}" if edit.duration_ms else ""
            return f"added the title '{edit.text}' {where}{length}" + _undrawable(edit.text, edit.font, "en")
        case e.UpdateText():
            changes = [f"'{edit.text}'" if edit.text else "", f"at the {edit.pos}" if isinstance(edit.pos, str) else "",
                       "bigger" if (edit.scale or 1) > 1 else "smaller" if (edit.scale or 1) < 1 else "",
                       f"colour {edit.color}" if edit.color else "",
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
                    "ducked under speech" if edit.duck else ""]
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
        case e.AddSound():
            return f"added the sound effect '{edit.name or edit.src}' at {_s(edit.start_ms)}"
    return type(edit).__name__


def _zh(edit: e.Edit) -> str:
    match edit:
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
                parts.append(f"背景色改为 {edit.bg}")
            if edit.fps:
                parts.append(f"帧率改为 {edit.fps}")
            return "，".join(parts or ["修改画布"])
        case e.AddText():
            where = "在结尾" if edit.at_end else f"从 {_s(edit.start_ms)} 起" if edit.start_ms else "在开头"
            length = f"显示 {_s(edit.duration_ms)}" if edit.duration_ms else ""
            return f"{where}添加标题「{edit.text}」{length}" + _undrawable(edit.text, edit.font, "zh")
        case e.UpdateText():
            changes = [f"文字改为「{edit.text}」" if edit.text else "",
                       {"top": "移到顶部", "bottom": "移到底部", "center": "移到中间"}.get(edit.pos, "")
                       if isinstance(edit.pos, str) else "",
                       "放大" if (edit.scale or 1) > 1 else "缩小" if (edit.scale or 1) < 1 else "",
                       f"颜色改为 {edit.color}" if edit.color else "",
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
                    "人声时自动压低" if edit.duck else ""]
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
        case e.AddSound():
            return f"在 {_s(edit.start_ms)} 添加音效「{edit.name or edit.src}」"
    return type(edit).__name__


def describe_edit(edit: e.Edit, language: str = "en") -> str:
    """A short label for ``edit`` ("added the title 'Peak' at the start for 2s" / "在开头添加标题「Peak」显示 2s")."""
    return _zh(edit) if language == "zh" else _en(edit)


def find_revert_point(topic: str, history: list[str]) -> int | None:
    """Index of the first history label about ``topic`` (a canonical topic or words); revert to the one before it."""
    from reelforge.agent._intents.meta import REVERT_TOPICS

    pattern = REVERT_TOPICS.get(topic, re.escape(topic.lower()))
    for index, label in enumerate(history):
        if re.search(pattern, label.lower()):
            return index
    return None
