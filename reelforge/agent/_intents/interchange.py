"""Asking for the timeline in another editor's format: "export for Premiere", "导出给剪映", "give me an EDL".

Premiere Pro and DaVinci Resolve read FCP 7 XML, Final Cut Pro reads FCPXML, anything reads an EDL.
CapCut / 剪映 (and 必剪, 快影) have no open project format: the action says so with ``format=None``.
Checked before the plain export intent, so "export for TikTok" stays a video export.
"""

from __future__ import annotations

import re

from reelforge.agent._intents.meta import export_action
from reelforge.agent._state import PlanState
from reelforge.agent._text import Clause, compiled
from reelforge.agent.actions import TimelineExportAction

__all__ = ["handle"]

# (format or None, the editor's name as the reply says it, the words that name it); first match wins
# no \b around Latin names: "给我一个edl", "导出otio" have no word break next to the Han characters
_L, _R = r"(?<![a-z])", r"(?![a-z])"
_EDITORS: tuple[tuple[str | None, str, str], ...] = (
    (None, "剪映 / CapCut", rf"剪映|capcut|cap cut|{_L}jianying{_R}"),
    (None, "必剪", r"必剪"),
    (None, "快影", r"快影"),
    ("fcpx_xml", "Final Cut Pro", rf"final ?cut|{_L}fcpx{_R}|{_L}fcp ?x{_R}|fcpxml"),
    ("fcp_xml", "Premiere Pro", rf"premiere|{_L}pr{_R}|adobe"),
    ("fcp_xml", "DaVinci Resolve", rf"{_L}resolve{_R}|davinci|da vinci|达芬奇"),
    ("fcp_xml", "FCP XML", rf"{_L}fcp ?7{_R}|{_L}fcp xml{_R}|{_L}xml{_R}"),
    ("edl", "EDL", rf"{_L}edls?{_R}|cmx ?3600"),
    ("otio", "OpenTimelineIO", rf"{_L}otio{_R}|opentimelineio"),
)
# asking for a file, or to go on in the other editor ("keep editing in Final Cut", "能在剪映里打开吗")
_ASK = r"\b(?:export|download|give me|giving me|send me|send (?:it|this|the \w+) over|save|make|output|i (?:want|need|would like)|get|" \
       r"(?:open|edit|import|load|finish|continue|keep (?:editing|working))(?: (?:it|this|the video|the project|the timeline))?" \
       r"(?: (?:in|into|with))?|(?:editing|working|finish(?:ing)?|continu\w+) (?:it |this )?(?:in|on|with)|" \
       r"(?:project|timeline) (?:file )?for|(?:send|transfer|move|bring|take|hand)\b.*\b(?:to|into|over to))\b|" \
       r"导出|下载|输出|给我|要(?:一个|个)?|工程|导(?:1|一)?(?:个|份|一下)|时间线|导入|导到|导进|出(?:1|一)?(?:个|份)|用的(?:文件|档案)|(?:用|在).*(?:打开|剪辑|继续|编辑|接着)|(?:能|可以)(?:不能)?(?:打开|导入)|打开吗"
# what is left of a clause that names only files and editors: "an EDL and an XML for Resolve", "一个EDL和一个给达芬奇的XML"
_ONLY_FILES = re.compile(r"(?:\s|[,，、]|\b(?:an?|and|the|one|too|also|as well|both|plus|for|please|pls|file|files|version)\b|"
                         r"[和跟与及还也都要给的一个份1]|文件|版本)*")
# a project file named without an editor: "导个工程文件给我", "a project file"
_PROJECT = r"\b(?:project|timeline) file\b|工程文件|项目文件|工程"


def handle(clause: Clause, state: PlanState) -> bool:
    said = sorted((found.start(), k) for k, (_, _, pattern) in enumerate(_EDITORS) if (found := clause.search(pattern)))
    named = [(_EDITORS[k][0], _EDITORS[k][1]) for _, k in said]  # in the order said
    # an editor or a format said on its own is asked for too ("EDL please", "xml for premiere pro"); a longer
    # clause needs the asking words ("a movie premiere" in a scene is no editor)
    short = len(clause.text.split()) <= 5 if clause.language == "en" else len(clause.text) <= 12
    if named and not short:  # "an EDL and an XML for Resolve": files and editors named, nothing else said
        rest = clause.text
        for pattern in (p for _, _, p in _EDITORS):
            rest = compiled(pattern).sub(" ", rest)
        short = _ONLY_FILES.fullmatch(rest) is not None or clause.language == "en" and \
            not re.sub(r"\b(?:an?|the|and|or|plus|also|one|please|pls|file|files|version|pro|x|too|as well)\b|[,.!?]", " ", rest).strip()
    if not (clause.has(_ASK) or named and short):
        return False
    if not named:
        if not clause.has(_PROJECT):
            return False
        last = state.actions[-1] if state.actions else None
        if not isinstance(last, TimelineExportAction):  # "give me a project file": the XML most editors open
            state.actions.append(TimelineExportAction(format="fcp_xml", editor="FCP XML"))
        return True  # "用Premiere接着剪，导个工程文件给我": the file just asked for
    # "fcpx的xml", "a final cut xml": the editor's own XML, one file ("an EDL and an XML" stays two)
    kept = [k for k, ((_, editor), (at, _)) in enumerate(zip(named, said, strict=True))
            if not (editor == "FCP XML" and re.search(r"(?:final ?cut|fcp ?x)\s*(?:的)?\s*$", clause.text[:at]))]
    named, said = [named[k] for k in kept], [said[k] for k in kept]
    if any(editor in _FILE_FORMATS for _, editor in named):  # "an EDL for resolve": the file said, for that editor
        named = [(fmt, editor) for (fmt, editor), (at, _) in zip(named, said, strict=True)
                 if editor in _FILE_FORMATS or not re.search(r"(?:\bfor|\bto|给|用于)\s*(?:\w+\s+)?$", clause.text[:at])]
    video = clause.search(r"(?<![a-z0-9.])(?:mp4|mov|webm|gif)(?![a-z0-9])|高清(?:视频|版)?|成片|\bthe video\b")
    if video is not None and video.start() < said[0][0]:
        state.actions.append(export_action(clause))  # "导出mp4 再给我一个fcpxml": the video first, as said
    formats: list[str | None] = []
    for fmt, editor in named:  # "an EDL and an XML for Resolve": each file, once ("premiere pro xml" is one)
        if fmt in formats or fmt is not None and None in formats or any(
                isinstance(a, TimelineExportAction) and a.format == fmt for a in state.actions):
            continue  # ("用pr打开 导出xml": the file a clause before asked for already)
        formats.append(fmt)
        state.actions.append(TimelineExportAction(format=fmt, editor=editor))
    if video is not None and video.start() > said[0][0]:
        state.actions.append(export_action(clause))  # "... and an mp4", "导出成gif，顺便把EDL也给我"
    return True


# a file format named for itself, not an editor: "an EDL for resolve" is one EDL
_FILE_FORMATS = frozenset({"EDL", "OpenTimelineIO", "FCP XML"})
