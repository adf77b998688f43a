"""Two-stage generation in chat: a clip made by chat also gets matching music and a title.

As the reference backend does it: after a clip is generated (``settings.two_stage_chat``, on by
default for chat; the CLI's ``generate`` never does this), when the draft has no background music
yet a library track that suits the prompt's scene goes under it at 35 %, and when it has no
title yet the prompt's subject is shown 0-3 s in the centre. Each is its own draft version, recorded as
automatic (a title the user adds later replaces the automatic one instead of joining it), so
"undo", "remove the music" or "remove the title" takes just that off. Words in the message opt
out per part ("no music", "without a title", "不要音乐", "不要标题"); the plan's own music or
title request wins over the automatic one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from reelforge.agent import EditAction, MusicAction, Outcome, describe_edit
from reelforge.audio import style_for_scene
from reelforge.draft.edits import AddText
from reelforge.errors import ReelforgeError
from reelforge.services.turn_audio import DEFAULT_MUSIC_VOLUME, add_library_music
from reelforge.services.turn_draft import TurnScope, has_music, has_title, load_context, save_edits

__all__ = ["OptOut", "opt_outs", "run_two_stage", "title_from_prompt"]

_MUSIC_WORDS = r"(?:background\s+)?(?:music|bgm|soundtrack|songs?)"
_TITLE_WORDS = r"(?:titles?|captions?|text)"
_PART = rf"(?:a\s+|any\s+|the\s+)?(?:{_MUSIC_WORDS}|{_TITLE_WORDS})"
_NEG = r"\b(?:no|without|skip|don'?t\s+add|do\s+not\s+add|leave\s+out)\s+"
_EN = re.compile(rf"[,;]?\s*(?:and\s+|but\s+|with\s+)?{_NEG}{_PART}(?:\s*(?:,|and|or|nor)\s*(?:no\s+)?{_PART})*\b",
                 re.IGNORECASE)
_ZH = re.compile(r"[，,；;]?\s*(?:不要|不加|别加|无需|不需要|不用|去掉)(?:背景音乐|音乐|配乐|标题|文字|字幕)"
                 r"(?:(?:和|、|或|也不要|也不加)(?:背景音乐|音乐|配乐|标题|文字|字幕))*")


@dataclass(frozen=True)
class OptOut:
    music: bool = False
    title: bool = False


def opt_outs(message: str) -> tuple[str, OptOut]:
    """The message without its opt-out words, and what they opted out of."""
    found = [m.group(0) for pattern in (_EN, _ZH) for m in pattern.finditer(message)]
    if not found:
        return message, OptOut()
    said = " ".join(found).lower()
    opt = OptOut(music=re.search(r"music|bgm|soundtrack|song|音乐|配乐", said) is not None,
                 title=re.search(r"title|caption|text|标题|文字|字幕", said) is not None)
    cleaned = _ZH.sub("", _EN.sub("", message))
    return cleaned.strip(" ,;，；。"), opt


_SMALL = {"a", "an", "the", "of", "at", "in", "on", "and", "or", "with", "by", "to", "for", "over", "under",
          "through", "from", "into", "during", "near", "across", "along", "while", "as"}
_CJK = re.compile(r"[\u3400-\u9fff]")


def title_from_prompt(prompt: str) -> str:
    """A short title from a prompt's subject: "futuristic city at night" -> "Futuristic City"; "一只在雪地里奔跑的红狐狸" -> "红狐狸"."""
    if _CJK.search(prompt):
        text = re.split(r"[，,。；;！!？?、]", prompt.strip())[0]
        text = re.sub(r"^(?:一个|一段|一只|一位|一条|一座|一片|一群|一辆|一幅|一张)", "", text)
        text = re.sub(r"(?:的)?(?:视频|画面|镜头|片段|场景)$", "", text)
        tail = text.rsplit("的", 1)[-1]
        if len(text) > 8 and len(tail) >= 2:
            text = tail
        return text[:10] or prompt[:10]
    first = re.split(r"[,;.!?:]|\s+-\s+|\bin the style of\b", prompt.strip(), flags=re.IGNORECASE)[0]
    words = [w for w in re.findall(r"[\w'-]+", first)]
    while words and words[0].lower() in _SMALL:
        words.pop(0)
    if len(words) > 3:  # keep the subject: cut before its first preposition ("city | at night")
        cut = next((i for i, w in enumerate(words) if i >= 2 and w.lower() in _SMALL), len(words))
        words = words[:min(cut, 4)]
    while len(words) > 1 and words[-1].lower() in _SMALL:
        words.pop()
    titled = [w if w.isupper() and len(w) > 1 else (w.lower() if i and w.lower() in _SMALL else w[:1].upper() + w[1:])
              for i, w in enumerate(words)]
    return " ".join(titled)[:40] or prompt[:40]


def _plan_touches(plan: Any) -> tuple[bool, bool]:
    """Whether the plan itself asks for music, and for a title (then the automatic ones stay out)."""
    music = any(isinstance(a, MusicAction) or (isinstance(a, EditAction) and "music" in a.edit.op)
                for a in plan.actions)
    title = any(isinstance(a, EditAction) and "text" in a.edit.op for a in plan.actions)
    return music, title


def run_two_stage(scope: TurnScope, plan: Any, index: int, prompt: str, language: str, opt: OptOut) -> list[Any]:
    """After the clip of ``prompt`` landed: add the music and the title the draft lacks; their Outcomes."""
    if not scope.svc.settings.two_stage_chat:
        return []
    plan_music, plan_title = _plan_touches(plan)
    outcomes: list[Any] = []
    _context, draft = load_context(scope)
    if not (opt.music or plan_music or has_music(draft)):
        style = style_for_scene(prompt).name
        action = MusicAction(style=style, volume=DEFAULT_MUSIC_VOLUME)
        try:
            data = add_library_music(scope, scope.call_id(index, "_music"), style, DEFAULT_MUSIC_VOLUME, draft,
                                     language, auto=True)
            outcomes.append(Outcome(action=action, ok=True, data={**data, "auto": True}))
        except ReelforgeError as exc:
            outcomes.append(Outcome(action=action, ok=False, detail=exc.message, data={"auto": True}))
        _context, draft = load_context(scope)
    if not (opt.title or plan_title or has_title(draft)):
        # 3 s, or the whole video when it is shorter (so the reply states the span the title really has)
        edit = AddText(text=title_from_prompt(prompt), start_ms=0, duration_ms=min(3000, draft.video_end_ms or 3000),
                       pos="center", size=0.08, fade_in_ms=300, fade_out_ms=300)
        label = describe_edit(edit, language)
        try:
            _draft, version = save_edits(scope, scope.call_id(index, "_title"), [edit], label, auto=True)
            outcomes.append(Outcome(action=EditAction(edit, label), ok=True,
                                    data={"draft_version": version, "auto": True}))
        except ReelforgeError as exc:
            outcomes.append(Outcome(action=EditAction(edit, label), ok=False, detail=exc.message,
                                    data={"auto": True}))
    return outcomes
