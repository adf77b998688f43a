"""The output canvas: aspect (vertical/TikTok -> 9:16, YouTube -> 16:9, square -> 1:1, 4:5), a size in pixels,
background colour and frame rate."""

from __future__ import annotations

import re

from reelforge.agent._intents._words import (
    EN_COLOR_WORDS,
    ZH_COLOR_CHARS,
    aspect_at,
    aspect_of,
    color_of,
    other_shape,
    zh_color,
)
from reelforge.agent._intents.fade import ANY_FADE
from reelforge.agent._state import PlanState
from reelforge.agent._text import Clause, ask
from reelforge.agent.actions import EditAction, Unknown
from reelforge.draft.edits import SetCanvas, UpdateText

__all__ = ["handle"]

# (and what is behind a fitted clip: "set canvas color to #333", "make the bars white", "fill the empty space with black",
# "黑边改成白色", "画面空白的地方填成黑色")
_BACKGROUND = (r"\b(?:background|bg)\b(?!\s+(?:music|song|track|sound))|背景(?!音乐|音|乐|歌)|底色|"
               r"\bcanvas(?: colou?r)?\b(?=\s+(?:to|in|=|:|should be)?\s*(?:#|rgb|[a-z]))|画布(?:的)?(?:颜色)?|"
               rf"(?<!no )\b(?:the |side |black |letterbox )*bars\b(?=\s+(?:to |in )?(?:{EN_COLOR_WORDS})\b)|\bletterbox(?:ing)? in\b|"
               r"\b(?:fill )?the (?:empty|blank) (?:space|area|parts?)\b|黑边(?=改|换|变|弄|用|填)|空白(?:的)?(?:地方|处|部分|区域)")
# the picture's own background named, never a title's box: "画面背景", "the video background", "the canvas"
_THE_PICTURE = r"\b(?:canvas|video|picture|frame|screen|bars?|letterbox\w*|empty|blank)\b|画面|视频|画布|黑边|空白|整体|全局"
# the nouns above that hold a colour word of their own: "黑边改成白色" is white
_FILL_NOUNS = r"黑边|\bblack bars\b"
# another object named: a colour said alone after a background change is the background's only without one
_OTHER = r"\b(?:title|text|words?|captions?|subtitles?|music|song|clip|font)\b|标题|字幕|文字|字|音乐|片段"
_FPS = (r"(?<!第)(\d+)\s*(?:fps|frames? per second|帧每秒|帧)|"
        # "make it 30 frames": a frame rate said with "frames" alone (never "the first 30 frames", "30 frames off")
        r"(?<!first )(?<!last )(?<!final )(?<!opening )\b(24|25|30|48|50|60)\s*frames\b(?! (?:off|from|of|long|in|into|later|"
        r"earlier|before|after|at)\b)(?!.*\b(?:cut|trim|remove|delete|drop|skip|freeze|hold|shorten|extend)\b)|\b(?:frame ?rate|fps)\s*(?:to |of |at |=|:)?\s*(\d+)\b|"
        r"(?:帧率|帧数|帧速率|fps)\s*(?:改成|改为|设为|设置为|调到|调成|改到|调整为|调整到|设成|弄成|整成|换成|变成|定为|定在|要|用|是|为|改|调|设)?\s*(\d+)")
# not the canvas: going back to before it ("go back to before it was vertical", "恢复到改竖屏之前"), or a file to export
# in a shape ("导出个方形的版本", "an mp4 for youtube")
# ("go back to landscape" is that shape)
_NOT_OURS = r"\b(?:go|going|take me|revert|switch) back\b(?! to (?:the )?(?:landscape|horizontal|vertical|portrait|square|widescreen|" \
            r"16:9|9:16|1:1|4:5)\b)|\bbefore it was\b|\brevert\b|(?:恢复|回到|退回|还原)(?:到)?.*(?:之前|以前)|" \
            r"\b(?:export|render|download|mp4|mov|gif|webm)\b|导出|导个|下载"
# "背景弄成白的": a colour said without 色 after the background
_ZH_PLAIN = re.compile(rf"(?:成|为|换成|改成|弄成|用|还是|^换|^改|(?<=背景)(?:改|换|变|弄))([{ZH_COLOR_CHARS}])(?:的|色)?")  # "背景改黑的"


# an explicit size in pixels: "画面大小改成1080x1920", "set the canvas to 1920 x 1080", "分辨率1080*1920"
_SIZE = r"(?<![\d.])(\d{3,4})\s*(?:x|×|\*|by|乘)\s*(\d{3,4})(?![\d.])"


def handle(clause: Clause, state: PlanState) -> bool:
    if clause.has(_NOT_OURS):
        return False
    aspect = aspect_of(clause)
    ratio = other_shape(clause.text)
    if ratio is not None:  # "做成小红书那种3:4的": the ratio said, not the platform's
        state.actions.append(Unknown(clause.unquoted(), understood="canvas", question=ask(
            clause, f"{ratio} is not a shape the video can have yet: it can be 16:9 (landscape), 9:16 (vertical), 1:1 "
                    "(square) or 4:5. Which would you like?",
            f"暂时不支持 {ratio} 的画幅：可以是 16:9（横屏）、9:16（竖屏）、1:1（方形）或 4:5。要哪一种？")))
        return True
    bg = None
    if clause.has(_BACKGROUND):
        bg = color_of(re.sub(_FILL_NOUNS, " ", clause.text)) or _plain_zh_colour(clause)
    elif state.focus is not None and state.focus.kind == "canvas" and not clause.has(_OTHER) and aspect is None \
            and _background_last(state) and not clause.has(ANY_FADE):
        # "白的太亮了 换成灰的", "还是黑的好看" after a background (not "switch to square, end on black": a fade)
        bg = color_of(clause.text) or _plain_zh_colour(clause)
    fps_match = clause.search(_FPS)
    said = next((int(g) for g in fps_match.groups() if g), 0) if fps_match else 0
    fps = said if 1 <= said <= 120 else None
    sized = clause.search(_SIZE)
    size = (int(sized.group(1)), int(sized.group(2))) if sized else None
    if size is not None and not all(144 <= side <= 4320 for side in size):
        size = None
    if aspect is None and bg is None and fps is None and size is None:
        return False
    words = state.actions[-1].edit if state.actions and isinstance(state.actions[-1], EditAction) else None
    if bg is not None and aspect is None and fps is None and size is None and isinstance(words, UpdateText) \
            and words.color is not None and words.bgcolor is None and not clause.has(_THE_PICTURE) \
            and not any(index == len(state.actions) - 1 for index, _ in state.missing) \
            and not re.search(r"[.。!！;；]\s*\S.*(?:background|\bbg\b|背景)", clause.source, re.IGNORECASE | re.DOTALL):
        # "标题颜色换成白色，背景换成黑色", "title colour white and the background black": the words' colour, then a
        # background's, is white on a black box (as "标题改成白色，黑色背景" is), never the canvas (a sentence of its own
        # still is: "make the title red. make the background white.")
        state.actions.pop()
        state.edit(words.model_copy(update={"bgcolor": bg}), focus_kind="text")
        return True
    # one edit a property, in the order said: "make it vertical, and make the background white", "24 fps with a navy
    # background" (each its own step in the history)
    background = clause.search(_BACKGROUND)
    said_at = {"aspect": aspect_at(clause) if aspect else 0, "bg": background.start() if background else 0,
               "fps": fps_match.start() if fps_match else 0, "size": sized.start() if sized else 0}
    values = {"aspect": aspect, "bg": bg, "fps": fps, "size": size}
    for name in sorted((n for n, v in values.items() if v is not None), key=lambda n: said_at[n]):
        edit = SetCanvas(width=size[0], height=size[1]) if name == "size" and size else \
            SetCanvas(**{name: values[name]})  # type: ignore[arg-type]
        last = state.actions[-1] if state.actions else None
        if isinstance(last, EditAction) and last.edit == edit:
            continue  # "要发视频号，改成竖屏": said twice, done once
        state.edit(edit, focus_kind="canvas")
    return True


def _background_last(state: PlanState) -> bool:
    """Whether the canvas change in focus is its background: the last one this message planned, or (none planned
    yet) the last version's."""
    planned = [a.edit for a in state.actions if isinstance(a, EditAction) and isinstance(a.edit, SetCanvas)]
    return not planned or planned[-1].bg is not None


def _plain_zh_colour(clause: Clause) -> str | None:
    match = _ZH_PLAIN.search(clause.text)
    return zh_color(match.group(1)) if match else None
