"""Talking about the session rather than the timeline: help, show, undo/redo/revert, export."""

from __future__ import annotations

import re

from reelforge.agent._state import PlanState
from reelforge.agent._text import Clause
from reelforge.agent.actions import ExportAction, HelpAction, RedoAction, RevertAction, ShowTimeline, UndoAction
from reelforge.agent.describe import REVERT_TOPICS
from reelforge.draft.output import OUTPUT_FORMATS, OutputFormat, PresetName, Quality

__all__ = ["handle", "revert_topic"]

_HELP = r"^(?:help|\?|commands)$|what (?:else )?can (?:you|u) do|what (?:\w+ ){0,3}?(?:can|could) (?:you|u|this(?: \w+)?|it|reelforge) do(?: for me)?\b|还能(?:做|干)什么|能干什么|what do you do|how does (?:this|it) work|what are your features|" \
        r"how do i use|what can i (?:say|do)|你能做什么|能做什么|你会什么|你可以做什么|帮助|怎么用|有什么功能|使用说明|" \
        r"^(?:can you |could you |please )?help(?: me)?(?: (?:please|out))?$|\bi need (?:some )?help\b|what (?:else )?(?:can|could) (?:this|it|reelforge) do|" \
        r"what (?:are )?you (?:able|capable)|what (?:are )?your (?:capabilities|abilities|commands|options)|what (?:features|commands|" \
        r"options|edits|changes|kinds? of (?:edits|things|changes)) (?:do|can) you|what can i ask|list (?:your|the|all) commands|" \
        r"(?:能|会|可以)(?:做|干|帮我做|帮我干)(?:些|点)?(?:啥|哪些)|你(?:都|还)?会(?:些)?(?:什么|啥|哪些)|(?:有|支持)(?:哪些|什么|啥)(?:功能|操作)|" \
        r"功能有哪些|帮帮我|怎么(?:使用|开始)"
_MUSIC_HELP = r"what (?:kinds? of |types? of )?(?:music|styles|songs|genres)|which (?:music|styles)|" \
              r"list (?:the )?(?:music|styles)|music (?:styles|options|library)|有(?:哪些|什么)(?:音乐|风格|曲风|背景音乐)|" \
              r"(?:音乐|风格|曲风)有(?:哪些|什么)|什么(?:音乐|曲风)"
_SOUND_HELP = r"what (?:sound effects|sounds|sfx)|which sound effects|有(?:哪些|什么)音效|音效有(?:哪些|什么)"
_SHOW = r"\b(?:show|view|display|see|print|check|what'?s on|what is on|list)\b.*\b(?:timeline|tracks?|draft|status|state|edit|clips)\b|" \
        r"\bwhat (?:do i have|have i got)(?: so far| now)?\b|\bhow long is (?:the|my|this) (?:video|edit|project)\b|" \
        r"\bwhat'?s in (?:the|my|this) (?:video|edit|project|timeline)\b|" \
        r"^(?:status|timeline|state)$|what does (?:the|my|this|our) (?:timeline|video|project|edit) look like|" \
        r"(?:查看|显示|看看|看一下|看下)?(?:时间线|时间轴|轨道|状态)(?:是什么样|怎么样)?$|(?:查看|显示|看看)(?:时间线|时间轴|轨道|状态)|" \
        r"(?:时间线|时间轴|轨道)上?(?:有什么|有哪些|是什么)|(?:视频|片子)现在(?:是)?(?:什么样子?|长什么样|怎么样了)"
_UNDO = r"\bundo\b|\btake (?:it |that |this )?back\b|^(?:revert|go back)(?: that| it)?$|" \
        r"\b(?:go|step) back (?:\d+ |a |one )?(?:steps?|changes?|edits?|versions?)\b|\bstep back\b|" \
        r"\b(?:revert|reverse|cancel|undo|drop|scrap|scratch|discard|remove|delete) (?:the |that |my |your )?(?:last|previous|latest|recent) " \
        r"(?:\d+ )?(?:changes?|edits?|steps?)\b|\bput it back(?: the way it was)?\b|\bthe way it was\b|" \
        r"(?:刚才|上一步|刚刚)(?:那步|的修改|的改动|那个修改|改的)?(?:不要了|不要|取消|算了)|不要刚才的|取消刚才|撤销|撤回|回退|撤\d+步|撤1下|(?:退回|后退|返回)(?:\d+步|上一步)|取消上一步|返回上一步|上一步"
_REDO = r"\bredo\b|\bput back what (?:i|you) (?:just )?undid\b|\bundo (?:the|that|my) undo\b|\breapply\b|重做|恢复撤销|反撤销|取消撤销|" \
        r"(?:刚才|刚刚)撤销的(?:恢复|还原|改回)|撤销(?:错了|多了)|撤销(?:刚才|刚刚)(?:的)?撤销"
_REVERT = r"\b(?:go back|revert|roll ?back|return|restore)\b.*\bbefore\b\s+(?:i\s+\w+\s+|adding\s+|we\s+\w+\s+)?(.+)|" \
          r"(?:回到|恢复到|退回到|回退到|还原到)(?:加|添加|加上|换|改|设置)?(.+?)(?:之前|以前|前)"
_EXPORT = r"\b(?:export|download|send me the (?:video|file)|save (?:it|the video)|final render|render (?:it|the video)|" \
          r"give me the (?:file|video|mp4))\b|导出|下载|输出视频|发给我|保存视频|生成成品"
# preset -> the platform's names (Douyin is TikTok's Chinese twin, Bilibili exports like YouTube)
_PRESETS: tuple[tuple[PresetName, str], ...] = (("tiktok", r"tiktok|douyin|抖音"), ("reels", r"reels|instagram|ins\b"), ("shorts", r"shorts"),
            ("youtube", r"youtube|b站|bilibili"))
_FORMATS = rf"(?<![a-z0-9])({'|'.join(OUTPUT_FORMATS)})(?![a-z0-9])"  # no \b: "导出成gif" has no word break


def revert_topic(words: str) -> str:
    """The canonical topic ("music", "title", ...) words name; the words themselves when none fits."""
    for topic, pattern in REVERT_TOPICS.items():
        if re.search(pattern, words):
            return topic
    return words.strip()


def _count(clause: Clause) -> int:
    if clause.has(r"\btwice\b|两步|2步|两次|2次"):
        return 2
    match = clause.search(r"(\d+)\s*(?:times|steps?|changes|edits|versions|things|actions|个?(?:操作|改动|修改)|次|步)|\bx\s*(\d+)\b|\b(\d+)\s*x\b")
    if match:  # "undo x3", "撤销刚才的三个操作"
        return max(1, min(50, int(match.group(1) or match.group(2) or match.group(3))))
    return 1


def handle(clause: Clause, state: PlanState) -> bool:
    if clause.has(_MUSIC_HELP):
        state.actions.append(HelpAction("music"))
    elif clause.has(_SOUND_HELP):
        state.actions.append(HelpAction("sounds"))
    elif clause.has(_HELP):
        state.actions.append(HelpAction())
    elif (match := clause.search(_REVERT)) is not None:
        words = next(g for g in match.groups() if g is not None)
        state.actions.append(RevertAction(revert_topic(words)))
    elif clause.has(_REDO):
        state.actions.append(RedoAction(_count(clause)))
    elif clause.has(_UNDO):
        state.actions.append(UndoAction(_count(clause)))
    elif clause.has(_SHOW):
        state.actions.append(ShowTimeline())
    elif clause.has(_EXPORT) and not clause.has(r"\bof\b"):
        preset = next((name for name, pattern in _PRESETS if clause.has(pattern)), None)
        if preset is None and clause.has(r"(?<!\d)(?:720|480)\s*p?\b|(?<!\d)(?:720|480)p"):
            preset = "web"  # the 720p (short side) web preset
        said = clause.search(_FORMATS)
        fmt: OutputFormat = next((f for f in OUTPUT_FORMATS if said and f == said.group(1)), "mp4")
        quality: Quality | None = "high" if clause.has(r"\bhigh|\bhd\b|1080|高清|高质量") else \
            "low" if clause.has(r"\blow\b|small file|低画质|小文件") else None
        state.actions.append(ExportAction(format=fmt, preset=preset, quality=quality))
    else:
        return False
    return True
