"""Sound effects: a built-in effect at a time, at a moment or at each transition ("a whoosh at each transition", "a
camera shutter at 3 seconds", "在狗出现的时候加个叮"), corrected, said again, or removed."""

from __future__ import annotations

import re

from reelforge.agent._absent import no_such_clip, question
from reelforge.agent._intents._words import ADD, REMOVE
from reelforge.agent._intents.music import LOUDER, MUSIC, QUIETER
from reelforge.agent._library import names_sound, sound_effect
from reelforge.agent._refs import (
    MISSING,
    before_end,
    clip_refs,
    first_clip_named,
    main_clips,
    mentions_it,
    midpoint_of,
    moment_of,
    names_upload,
    offset_from_moment,
    text_segments,
)
from reelforge.agent._state import Focus, PlanState
from reelforge.agent._text import Clause, ask
from reelforge.agent.actions import EditAction, GenerateAction, MediaRef, SoundAction, UndoAction, Unknown
from reelforge.audio import SOUND_EFFECTS
from reelforge.draft.edits import DeleteSegment
from reelforge.draft.model import SOUND_TRACK_ID

__all__ = ["handle", "sound_of_label"]

_SOUND = r"\bsound effects?\b|\bsfx\b|\bsounds?\b|音效|声音|声"


def _named_transition(state: PlanState) -> bool:
    """The message just asked for a transition ("a slide transition between clips and a whoosh on it")."""
    return any(getattr(getattr(a, "edit", None), "op", None) == "set_transition" for a in state.actions)


def _it_place(clause: Clause, state: PlanState) -> int | None:
    """"add a pop where it starts", "在它开头加个嗖": the start of the clip just named."""
    if state.focus is None or state.focus.kind != "clip" or not state.focus.segment_id or not mentions_it(clause):
        return None
    found = state.draft.find_segment(state.focus.segment_id)
    return found[1].start_ms if found is not None else None


def _sound_place(clause: Clause, state: PlanState) -> int | None:
    """A sound at a clip: "at the start of the second clip", "before the second clip", "when the last clip starts"
    (its start), "at the end of the first clip" / "after the first clip" (its end); None when no clip is named."""
    segment = first_clip_named(clause, state)
    if segment is None:
        return None
    ends = clause.has(r"\b(?:end|after|finish\w*)\b|结尾|结束|之后|末尾|最后(?!1?个)")
    if not ends:
        return segment.start_ms
    # the end of the last clip is the video's end, where nothing can start: a second before it
    return segment.end_ms if segment.end_ms < state.draft.video_end_ms else max(0, segment.end_ms - 1000)


# a time said inside a clip named: "2 seconds into the dog clip", "in the dog clip at 2 seconds", "狗那段两秒的时候",
# "狗那段的第2秒", "狗那段第二秒", "第二段第1秒"
_INTO_CLIP = r"\d+(?:\.\d+)?\s*(?:seconds?|secs?|s)\s+into\b|\b(?:in|of) (?:the |that |this )?[\w ]{0,20}?(?:clip|one|part|shot)\b.*" \
             r"\bat \d|(?:那段|这段|片段|那个片段|第\d+段|最后(?:一)?段)(?:的?第\d+(?:\.\d+)?秒|(?:的)?(?:第)?\d+(?:\.\d+)?秒(?:钟)?(?:的时候|时|处|那里|的地方))"


def _clip_start(clause: Clause, state: PlanState) -> int:
    """Where the clip a time is said inside starts ("2 seconds into the dog clip"); 0 when the time is the video's."""
    if not clause.has(_INTO_CLIP):
        return 0
    named = [ref for ref in clip_refs(clause, state) if ref not in (None, MISSING)]
    found = state.draft.find_segment(named[0]) if len(named) == 1 else None
    return found[1].start_ms if found is not None else 0


# the effects themselves, not a clip's own sound ("remove the sound" may be that)
_EFFECT_WORDS = r"\bsound effects?\b|\bsfx\b|\beffects? sounds?\b|音效"


def _remove_sounds(clause: Clause, state: PlanState) -> bool:
    """"remove the sound effects", "delete the whoosh", "去掉音效", "删除嗖的音效": every effect, or those of the kind
    named, each deleted from the effects' track; with none there the reply says so."""
    named = sound_effect(clause.text) if names_sound(clause.text) else None
    track = next((t for t in state.draft.tracks if t.id == SOUND_TRACK_ID), None)
    effects = list(track.segments) if track is not None else []
    if named is not None:
        title = SOUND_EFFECTS[named].title.lower()
        effects = [seg for seg in effects if (seg.meta.name or "").lower() in (title, named)]
    if not effects:
        state.actions.append(Unknown(clause.unquoted(), understood="sound effects", question=ask(
            clause, "There is no such sound effect on the timeline, so there is nothing to remove. "
            "Say 'show the timeline' to see what is there.",
            "时间线上没有这样的音效，不需要删除。可以说“查看时间线”看看现在有什么。")))
        return True
    for seg in effects:
        state.edit(DeleteSegment(segment_id=seg.id))
    state.focus = None
    return True


# the same effect once more: "在第4秒也加一个", "然后在第10秒再加一个", "another one at 8 seconds"
_ONE_MORE = r"(?:再|也)(?:加|来|放)(?:1|一)?(?:个|下|声)|\b(?:another|one more)(?: one)?\b"
# every cut said other ways: "every time it cuts to the next clip", "where they cut", "when it changes", "每次切镜头", "a whoosh on it" after a
# transition was named
_EVERY_CUT = (r"\bevery ?time (?:it|the video|we|the clip|the shot) (?:cuts?|changes?|switch\w*)\b|"
              r"\bwhenever it (?:changes?|cuts?|switch\w*)\b|\bwhen it (?:changes?|cuts?|switch\w*)\b(?! (?:over |back )?to\b)|\b(?:in between|between (?:them|the two))\b|"
              # "where they cut", "on the cuts", "where the clips change"
              r"\bwhere (?:they|it|the (?:clips?|shots?|scenes?)) (?:cuts?|changes?|switch\w*|meet)\b(?! (?:over )?to (?:the|clip)\b)|\bon the cuts\b|"
              r"(?:每次|每个)?(?:切|换)(?:镜头|画面|片段)(?:的时候|时|的地方|处)|在(?:它们|两段|两个片段)(?:之间|中间)|"
              r"每次(?:切|换)(?:镜头|画面|片段)|每个(?:cut|切点|剪辑点)|(?<![a-z])(?:each|every) cut(?![a-z])")


def _again(clause: Clause, state: PlanState) -> bool:
    """"在第4秒也加一个": the last sound effect of the message again, at the time said."""
    last = next((a for a in reversed(state.actions) if isinstance(a, SoundAction)), None)
    at = re.search(r"(\d+(?:\.\d+)?)\s*(?:seconds?|secs?|s\b|秒)", clause.text)
    if last is None or at is None or not clause.has(_ONE_MORE) or sound_effect(clause.text) is not None:
        return False
    state.actions.append(SoundAction(sound=last.sound, start_ms=round(float(at.group(1)) * 1000)))
    return True


def _title_place(clause: Clause, state: PlanState) -> int | None:
    """A sound when the title shows ("a ding when the title shows up": its start) or goes ("when it goes away": its end)."""
    texts = text_segments(state.draft)
    said = clause.has(r"(?<![a-z])(?:title|text|caption)(?![a-z])|标题|字幕") or mentions_it(clause) and any(
        isinstance(a, SoundAction) for a in state.actions)  # "... and a whoosh when it goes away": the title said before
    if not said and (mentions_it(clause) or clause.has(r"^(?:在|当)?(?:出现|出来)的?(?:时候|时)")) and state.focus is not None and state.focus.kind == "text" and state.focus.segment_id:
        # "title 'Night Market' yellow, and a pop when it shows up", "加个标题「夜市」，出现的时候加个啵": the title just added
        texts = [seg for seg in texts if seg.id == state.focus.segment_id] or texts
        said = True
    if not texts or not said:
        return None
    if clause.has(r"\b(?:goes away|disappears?|ends?|leaves|is gone)\b|消失|结束|没了"):
        return texts[0].end_ms
    return texts[0].start_ms if clause.has(r"\b(?:appears?|shows?(?: up)?|comes? (?:in|up|on)|pops? up|starts?)\b|出现|出来|开始") \
        else None


def handle(clause: Clause, state: PlanState) -> bool:
    """A built-in sound effect: at a time, or at each transition; or the effects there removed."""
    if Clause(re.sub(r"\bbass drops?\b", " ", clause.text), clause.quotes, clause.language, clause.source).has(REMOVE) \
            and (clause.has(_EFFECT_WORDS) or names_sound(clause.text)) and not clause.has(
            r"\b(?:add|put|insert)\b|加|添加|放"):
        return _remove_sounds(clause, state)
    fix = _CORRECTION.search(clause.text)
    if fix is not None and fix.start() > 0 and names_sound(clause.text[:fix.start()]):
        return _said_again(clause, fix, state)
    if _instead_of_last(clause, state):
        return True
    last = state.actions[-1] if state.actions else None
    if isinstance(last, SoundAction) and state.focus is not None and state.focus.kind == _CORRECTING or \
            isinstance(last, SoundAction) and clause.has(_REPLACED):  # "…，不对，加个叮", "— hmm, make it a pop"
        fixed = _fixed(re.sub(_REPLACED, "", clause.text), last, clause, state)
        if fixed is not None:
            state.actions[-1] = fixed
            state.focus = None
            return True
    if _again(clause, state):
        return True
    if clause.has(QUIETER + "|" + LOUDER + r"|\bloud\b|\bvolume\b|音量"):  # "the sound of the videos lower": loudness
        return False
    if clause.has(MUSIC) and not clause.has(_SOUND):
        return False
    quoted = clause.quote()
    # "put a 'ding' at 2 seconds": a sound's name quoted alone, typed lower case as a sound is (a title's words are not)
    named = quoted is not None and len(quoted.split()) <= 2 and quoted == quoted.lower() and names_sound(quoted) \
        and not clause.has(r"\b(?:title|caption|subtitle|heading|headline|text|words?|says?|saying|reads?)\b|标题|字幕|文字")
    if clause.has(r"\b(?:title|caption|subtitle|heading|headline|text)\b|标题|字幕|文字") and not clause.has(_SOUND) \
            and not (names_sound(clause.text) and clause.has(r"\bwhen\b|\bas (?:soon as )?(?:the|it)\b|的时候|时|"
                                                             r"\b(?:before|after) (?:the|it)\b|(?:消失|出现|出来|结束)(?:之?前|之?后|以前|以后)")):
        return False  # "add the title Rise and Shine" names no sound ("a ding when the title shows up" does)
    missing = clause.search(_NOT_IN_LIBRARY)
    if missing is not None and sound_effect(clause.text) is None and not clause.has(_SUBJECT_CLIP) and clause.has(
            _SOUND + "|" + ADD + r"|\b(?:want|need|at \d|at the (?:very )?(?:start|beginning|end)|before|after|when|in the background|sfx)\b|来|加|放|在第?\d"):
        return _not_in_library(clause, missing.group(0), state)  # "add a record scratch at 3 seconds": asked, never a clip
    if not clause.has(_SOUND) and not names_sound(clause.text) and not named:  # "photo" alone is not a shutter sound
        return False
    sound = sound_effect(clause.text)
    if sound is None and quoted is not None and (clause.has(_SOUND) or named):
        sound = sound_effect(quoted.lower())  # "add a 'ding' sound", "加个「咔嚓」的拍照声": the sound's name quoted
    if sound is None and clause.has(_EFFECT_WORDS) and clause.has(r"\btransitions?\b|\bcuts?\b|转场"):
        sound = "whoosh"  # "能给每个转场都加个音效吗": the transition's own sound
    if sound is None:
        return False
    if sound == "shutter" and clause.has(_TAKING_PHOTOS) and not clause.has(_SOUND + r"|快门|咔嚓|\b(?:shutter|click|snap)\b|" + ADD
                                                                           + r"|来(?:个|一个|一下|一声|点)|\d|秒|处|时候|开头|结尾|最后"):
        return False  # "樱花树下，一对情侣在那里拍照": people taking photos in a scene, no shutter sound asked for
    # ("视频一开始就来个叮": the video said as the moment, not a clip to make)
    if not clause.has(_SOUND) and clause.has(r"\b(?:clip|video|shot|scene|footage) of\b|生成|视频(?!一开始|开头|结尾|最后|一半|的?正?中间|播到|放到|快?结束|快完|的(?:开头|结尾|最后|一半))|"
                                             r"(?<![切换])镜头|(?<![切换])画面|特写|延时(?:摄影|视频)?|航拍|空镜|"  # ("火锅冒泡的特写": a shot, no pop)
                                             r"(?<![那这])(?:1|一)?段(?:\d+(?:\.\d+)?秒)?的(?!时候|时)"):  # "再加一段三秒的人群欢呼": a clip
        # ("换到第二段的时候来个叮": the moment a clip comes in, not a clip to make)
        return False
    every = clause.has(r"\b(?:each|every|all(?: the)?|between (?:the )?clips|on) (?:transitions?|cuts?)\b|\bbetween (?:each|every|the) clips?\b|"
                       r"\b(?:on|at|in) (?:each|every|all(?: the)?) (?:cuts?|transitions?|changes? of (?:the )?(?:clips?|shots?|scenes?))\b|每次切换|每个剪辑点|"
                       r"\bwhen(?:ever)? (?:the |a )?(?:clips?|shots?|scenes?) (?:changes?|switch(?:es)?|cuts?)\b|"
                       r"每个转场|每次转场|转场处|转场时|片段之间|每个片段之间|切换时|切换的时候|所有转场|"
                       r"(?:两|2|俩|每)(?:段|个片段|个镜头|个画面)(?:之间|中间|衔接)|衔接(?:的地方|处)|接缝处|切换处") or clause.has(_EVERY_CUT) \
        or clause.has(r"\bon (?:it|them)\b|\bon the (?:cut|transition)\b") and _named_transition(state) \
        or clause.has(r"\b(?:on|at) the (?:cut|transition)\b") and len(main_clips(state.draft)) == 2  # the one cut there is
    if clause.has(_SCENE_LISTED):  # "生成：老北京胡同 清晨 自行车铃声": a sound heard in a scene listed, a clip
        return False
    if not (clause.has(_SOUND) or clause.has(ADD) or every or clause.has(_AMBIENCE_ALONE) or clause.has(_ENDS_NAMED) or clause.has(
            r"\bat (?:the )?(?:\d|(?:very )?(?:start|beginning|end))|\b\d+(?:\.\d+)?\s*(?:seconds?|secs?|s) in\b|\bin the (?:very )?last\b|"
            r"\b(?:before|after) (?:the|it|clip)\b|\b(?:under|over|throughout) the whole\b|\bhalf ?way\b|\bmid-?way\b|\bthe middle of\b|\b(?:near|towards?|from) the (?:very )?end\b|\bwhen\b|\bas (?:soon as )?(?:the|it)\b|在|处|时|来(?:个|一个|一下|一声|点)|从头到尾|"
            rf"{_THROUGHOUT}|{_OPEN_WITH}|{_CLOSE_WITH}")):
        return False
    if clause.has(_ONLY_REMARK) and not clause.has(ADD):  # "the whoosh sound kinda ruins the mood": a remark, asks for none
        return False
    if _length_asked(clause, sound, every, state):
        return True
    at = _at_ms(clause)
    at = at + _clip_start(clause, state) if at is not None else None
    back = clause.search(r"(?:最后(?:的)?|倒数第?)(\d+(?:\.\d+)?)秒|"
                         r"\b(?:the )?(?:very )?(?:last|final) (\d+(?:\.\d+)?)\s*(?:seconds?|secs?|s)\b")
    if back is not None and at is not None and state.draft.video_end_ms:  # "最后一秒加个掌声": a second before the end
        at = max(0, state.draft.video_end_ms - round(float(back.group(1) or back.group(2)) * 1000))
    ending = clause.search(r"(?:结尾|片尾|末尾)(?:的|处)?(\d+(?:\.\d+)?)秒")
    if ending is not None and at is not None and 0 < round(float(ending.group(1)) * 1000) <= state.draft.video_end_ms // 2:
        # "结尾三秒加个掌声": the last three seconds (a short span); "结尾14秒" of 15 is the moment at 14 s
        at = state.draft.video_end_ms - round(float(ending.group(1)) * 1000)
    counted_back = before_end(clause, state.draft)
    if counted_back is not None:  # "a ding 2 seconds before the end", "结束前两秒加个叮"
        at = counted_back
    counted_from = offset_from_moment(clause, state)
    if counted_from is not None:  # "a ding one second after the dog shows up", "狗出来1秒后加个叮"
        at = counted_from
    if not every and at is None and clause.has(r"\btransition|转场"):
        every = True
    start = at if not every else None
    if start is None and not every:  # a sound has no place on the frame: "in the middle of the video" is a moment
        start = midpoint_of(clause, state, middle_is_time=True)
    if start is None and not every:  # "在狗出现的时候加个叮", "when the dog appears", "where the city ends"
        start = moment_of(clause, state)
    if start is None and not every and MISSING in clip_refs(clause, state):
        # "换到第三段时加个嗖" with two clips: a cut to a clip that is not there is asked, never a sound at no time
        state.actions.append(no_such_clip(clause, len(main_clips(state.draft)), state.context.media))
        return True
    if start is None and not every and (off := _upload_off_timeline(clause, state)) is not None:
        # "add a ding when the photo appears" with the photo only uploaded: asked, never a sound at the start instead
        state.actions.append(Unknown(clause.unquoted(), understood="a sound", question=ask(
            clause, f"{off.name} is not on the timeline yet. Should I add it first? Say, for example: add {off.name} at the end, "
            "then put the sound where it starts.",
            f"「{off.name}」还不在时间线上。要先把它加进来吗？可以说：把{off.name}加到最后，再在它开始的时候加音效。")))
        return True
    if start is None and not every:
        start = next((at for at in (_title_place(clause, state), _sound_place(clause, state), _it_place(clause, state))
                      if at is not None), None)
    last = state.actions[-1] if state.actions else None
    if start is None and not every and isinstance(last, Unknown) and _MOMENT_ONLY.match(last.text.strip().lower()):
        said = moment_of(Clause(last.text.strip().lower(), clause.quotes, clause.language, clause.source), state)
        if said is not None:  # "where the dog starts, add an impact": the moment said first, in a clause of its own
            state.actions.pop()
            start = said
    if start is None and not every and clause.has(r"\bthere\b|那儿|那里|那个地方|同一个地方|同一时间"):
        start = _there(state)  # "狗那段加个「汪！」的字，再在那儿放个啵的音效": where the last request put something
    if start is None and not every and clause.has(r"\bwhen (?:it|they|he|she) does\b|\bat that (?:moment|point)\b|\bright then\b|"
                                                  r"那个时候|那一刻"):
        start = _then(state)  # "a riser before the dog comes in and an impact when it does"
    if start is not None and at is None and sound == "rise" and clause.has(r"\bbefore\b|之前|以前"):
        start = max(0, start - round(SOUND_EFFECTS[sound].seconds * 1000))  # a riser before a moment builds up to it
    if start is None and not every and clause.has(rf"\bat the (?:very )?end\b|\bthe (?:ending|outro)\b|在?(?:最)?结尾|最后|收尾|{_CLOSE_WITH}|"
                                                  r"\b(?:when|as|once) (?:the (?:video|film)|it all|everything) (?:ends|finishes|is over)\b|"
                                                  r"\b(?:near|towards?|just before) the (?:very )?end\b|(?:视频)?(?:快|要)?结束(?:的时候|时)|快完(?:的时候|时)"):
        start = max(0, state.draft.video_end_ms - round(SOUND_EFFECTS[sound].seconds * 1000))  # it ends with the video
    if clause.has(r"\b(?:at|from) the (?:very )?(?:start|beginning)\b|\bthe (?:opening|intro)\b|开头|片头|开场(?!白)|\bin the background\b|\bthe whole (?:video|thing)\b|"
                  r"\b(?:when|as soon as|once) (?:the video|the film|it all|everything) (?:starts|begins|opens)\b|(?:视频)?(?:一开始|刚开始|最开始)|"
                  rf"全程|全片|整个视频|整部|背景|{_THROUGHOUT}|{_OPEN_WITH}") and start is None and not every:
        start = 0
    if every and not main_clips(state.draft) and not any(isinstance(a, GenerateAction) for a in state.actions):
        # "add a whoosh on each cut" on an empty project: there is no cut yet
        state.actions.append(question(clause, "clip", "在每个剪辑点加音效" if clause.language == "zh" else
                                          "add a sound on each cut", state.context.media))
        return True
    moments: list[int | None] = [*_each_time(clause)] if at is not None and not every else []
    end = state.draft.video_end_ms
    if at is not None and end and max(m or 0 for m in moments or [at]) > end and \
            not any(isinstance(a, GenerateAction) for a in state.actions):
        # "在1分钟的地方加个叮" on a 15 s video: no such moment, asked (never a sound after the video is over)
        have, want = f"{end / 1000:g}", f"{max(m or 0 for m in moments or [at]) / 1000:g}"
        state.actions.append(Unknown(clause.unquoted(), understood="a sound", question=ask(
            clause, f"The video is only {have} s long, so there is no {want} s. When should the sound play? For example: "
            f"at {max(1, end // 2000)} seconds.",
            f"视频只有 {have} 秒，没有第 {want} 秒。音效要放在什么时候？例如：第{max(1, end // 2000)}秒。")))
        return True
    for moment in moments or [start]:  # "在第3秒和第8秒各加一个咔哒声": one at each time
        state.actions.append(SoundAction(sound=sound, start_ms=moment, at_transitions=every))
    state.focus = None
    return True


# the video's ends named as the place of an effect, with no verb: "the ending could do with some applause", "the intro needs a whoosh"
_ENDS_NAMED = r"^(?:the|its) (?:very )?(?:ending|outro|intro|opening)\b"


# an ambience said alone, in the background: "some rain in the background", "a bit of wind in the background pls" (never a
# scene: "a dog on the beach with rain in the background" is filmed)
_AMBIENCE_ALONE = r"^(?:(?:some|a bit of|a little|a little bit of|light|soft|gentle|heavy)\s+)*(?:rain|wind)\w* in the background\b"


# an amount said bare, apart from any moment ("add a pop at the end, 2 seconds", "a whoosh on each cut, 1 second long",
# "结尾加个啵，两秒"): not when it plays ("at 2 seconds", "2 seconds in", "第2秒", "在2秒处")
_BARE_LENGTH = re.compile(r"(?:^|[,，]\s*|\b(?:for|lasting)\s+|持续|用)(?:about |around |like |大概|大约)?(\d+(?:\.\d+)?)\s*"
                          r"(?:seconds?|secs?|s\b|秒钟?)(?:\s*long|长)?(?:\s*(?:please|pls)|就行|就好|吧|左右)*\s*(?=$|[,，])")
# a place said with words, not as a time: the ends, a moment, the cuts
_PLACE_SAID = r"\b(?:at|in|by) the (?:very )?(?:end|start|beginning)\b|\bwhen\b|\bwhere\b|\b(?:before|after) the\b|" \
              r"结尾|最后|开头|片头|片尾|的时候|时候|出现|之前|之后"


def _length_asked(clause: Clause, sound: str, every: bool, state: PlanState) -> bool:
    """A bare amount said beside the place the sound plays ("add a pop at the end, 2 seconds"): the place wins, and
    the amount would be the sound's length, which a built-in sound effect does not have: asked, never played at 2 s."""
    bare = _BARE_LENGTH.search(clause.text)
    if bare is None or not (every or clause.has(_PLACE_SAID) or clause.has(r"\blong\b|\bfor \d|\blasting\b|持续|长")):
        return False
    effect = SOUND_EFFECTS[sound]
    amount = bare.group(1)
    if effect.loopable:
        return False  # rain and wind last to the end of the video already
    name_zh = effect.names_zh[0]
    title, unit = effect.title.lower(), "second" if float(amount) == 1 else "seconds"
    state.actions.append(Unknown(clause.unquoted(), understood="a sound effect", question=ask(
        clause, f"The {title} sound lasts {effect.seconds:g} s, and a sound effect's length can't be changed. Should it "
                f"play where you said, or at {amount} {unit}? Say, for example: add the {title} sound at the end, or: add "
                f"the {title} sound at {amount} {unit}.",
        f"「{name_zh}」音效长 {effect.seconds:g} 秒，音效的长度不能改。要放在你说的位置，还是第 {amount} 秒？可以说：结尾加个{name_zh}，"
        f"或者：第{amount}秒加个{name_zh}。")))
    state.focus = None
    return True


# sound effects people ask for that the library does not have: asked about, with the ones it has
_NOT_IN_LIBRARY = (r"\brecord scratch\w*|\bdrum ?rolls?\b|\bheart ?beats?\b|\b(?:keyboard )?typing(?: sounds?)?\b|"
                   r"\bbirds? (?:chirp\w*|song|sounds?|singing|tweet\w*)|\bsounds? of (?:the |some )?(?:birds?|thunder|footsteps|laughter)\b|\bchirp\w*|\bthunder\b|\blaugh(?:ter| track|ing)\b|"
                   r"\bcash register\b|\bka-?ching\b|\bsirens?\b|\bdog bark\w*|\bbark(?:ing)? sound|\bfootsteps?\b|"
                   r"\bdoor (?:creak|slam|knock)\w*|\bknock(?:ing)? sound|\bglass break\w*|\bcrickets?\b|\bphone ring\w*|"
                   r"\balarm(?: clock)?(?: sound)?\b|\bbeeps?\b|\bcar horn\b|\bboing\b|\bgongs?\b|\b(?:ocean |sea )?waves? sounds?\b|"
                   r"\bsounds? of (?:the )?(?:ocean|waves|sea)\b|\bglitch(?:y)? sounds?\b|\bdun dun dun\b|"
                   r"鸟叫|鸟鸣|雷声|打雷声|心跳声?|打字声|键盘声|笑声|罐头笑声|鼓声|警笛|脚步声|敲门声|狗叫|蝉鸣|虫鸣|闹钟声|收银声|"
                   r"收银机的?声音?|海浪声|浪声|锣声?|[哔嘀](?=的一声|声)|噔噔噔")
# someone in a scene taking photos: "一对情侣在那里拍照", "游客们正在拍照留念", "a man taking pictures on the beach"
_TAKING_PHOTOS = r"(?:在|正在|着|们|都)(?:[\u4e00-\u9fff]{0,4}?)(?:拍照|照相|拍照片|自拍|合影|拍合照)|拍照留念|合影留念|" \
                 r"\b(?:taking|snapping|takes|snaps) (?:some |a few )?(?:photos|pictures|selfies|a (?:photo|picture|selfie))\b"


# a new clip's scene listed item by item, a sound among them: "生成：老北京胡同 清晨 自行车铃声", "生成一段夜市，人声鼎沸"
# ("生成一段鸟叫声", "生成一个叮的音效": the sound is what is asked for)
_SCENE_LISTED = r"^(?:请|帮我|给我)?(?:生成|拍)(?:1)?(?:个|段|条)?[:：]?\s*[^，,\s声音]{2,}[，,\s]"
_SUBJECT_CLIP = r"\b(?:clip|video|shot|scene|footage) of\b|生成|视频|镜头|画面"


def _not_in_library(clause: Clause, named: str, state: PlanState) -> bool:
    """A sound effect the library does not have: say so and list the ones it has."""
    zh = clause.language == "zh"
    named = re.sub(r"^sounds? of (?:the |some )?|\s*sounds?$|声$", "", named)  # "a sound of birds", "心跳声"
    have = ("、" if zh else ", ").join(
        (effect.names_zh[0] if zh else effect.title.lower()) for effect in SOUND_EFFECTS.values())
    state.actions.append(Unknown(clause.unquoted(), understood="a sound effect", question=ask(
        clause, f"I don't have {'an' if named[:1] in 'aeiou' else 'a'} {named} sound. The sound effects I have: {have}. "
                "Which one would you like?",
        f"音效库里没有「{named}」。现有的音效：{have}。要用哪一个？")))
    return True


# "在第3秒和第8秒各加一个", "a click at 3 and at 8 seconds", "at 2s and 6s", "a pop at 2, 5 and 8 s": the times, one sound each
_UNIT = r"\s*(?:seconds?|secs?|s\b|秒)"
_TIMES = re.compile(rf"(?:第|\bat )?\d+(?:\.\d+)?(?:{_UNIT})?(?:\s*(?:和|跟|与|及|、|,|，|\band\b(?: at)?)\s*(?:第|at )?"
                    rf"\d+(?:\.\d+)?(?:{_UNIT})?)+")


def _each_time(clause: Clause) -> list[int]:
    """The times said for the same sound, each a sound of its own; [] when one is said (or a span, "from 3 to 8 s")."""
    if clause.has(r"\b(?:from|between|to|until|till)\b|从|到|之间|至"):
        return []
    for found in _TIMES.finditer(clause.text):
        if re.search(_UNIT + r"$", found.group(0)):  # the unit said at least after the last one
            return [round(float(n) * 1000) for n in re.findall(r"\d+(?:\.\d+)?", found.group(0))]
    return []


# a correction said right after the sound was asked for: "add rain sounds from the start - no, wind", "add a chime at 12
# seconds, no, when the dog shows up", "在第2秒加个叮，说错了，第4秒", "在第6秒加个咔哒声，不是，" (the fix in the next clause)
_CORRECTION = re.compile(r"\s*(?:[,，;；—–-]|…+|\.{2,})\s*(?:(?:hmm+|no+|nope|sorry|actually|wait|i mean|不对|不是|说错了|讲错了?|不不+|"
                         r"哦不对|哦不是|呃不是|啊不是)[,，\s]*)+(?P<fix>.*)$")
# the sound just asked for, another kind or place: "make it a pop", "改成撞击声", "换成叮", "放在第二段开始的时候"
_REPLACED = r"^(?:(?:hmm+|no+|actually|wait)[,\s]+)*(?:make it|change it to|use|改成|换成|改为|换|放在|放到|挪到|移到)\s*(?:a |an )?"
_CORRECTING = "sound correction"  # the focus while a sound's correction is still to come: "…加个快门声，不对" then "加个叮"


# the sound the last version added was not the one meant: "不是这个声 要叮的那种", "not that sound, a ding"
_NOT_THIS_SOUND = re.compile(r"^(?:不对[，,\s]*)?不是(?:这|那)(?:个|种)?(?:声音?|音效)[，,\s]*|^(?:no,? )?not (?:that|this) (?:sound|one|effect),?\s*")


def _instead_of_last(clause: Clause, state: PlanState) -> bool:
    """Undo the sound effect the last version added and add the one meant, where it was."""
    undone = _NOT_THIS_SOUND.match(clause.text)
    before = sound_of_label(state.context.history[-1]) if undone and state.context.history and not state.actions else None
    sound = sound_effect(clause.text[undone.end():]) if undone and before is not None else None
    if before is None or sound is None:
        return False
    state.actions.extend([UndoAction(), SoundAction(sound=sound, start_ms=before.start_ms)])
    return True


def _said_again(clause: Clause, fix: re.Match[str], state: PlanState) -> bool:
    """The sound asked for before the correction, with what the correction says instead (a kind, a time or a moment);
    when the correction comes in the next clause, the focus waits for it."""
    head = Clause(clause.text[:fix.start()], clause.quotes, clause.language, clause.source)
    if not handle(head, state) or not isinstance(state.actions[-1], SoundAction):
        return False
    if not fix.group("fix").strip():
        state.focus = Focus(_CORRECTING)
        return True
    fixed = _fixed(fix.group("fix"), state.actions[-1], clause, state)
    if fixed is not None:
        state.actions[-1] = fixed
    return True


def _fixed(words: str, last: SoundAction, clause: Clause, state: PlanState) -> SoundAction | None:
    """``last`` with the kind, time or moment ``words`` say instead; None when they say none of these."""
    said = Clause(words.strip(), clause.quotes, clause.language, clause.source)
    # a kind said alone ("no, wind", "改成撞击声") is the library's name for it
    sound = sound_effect(said.text) if names_sound(said.text) or len(re.findall(r"\w+", said.text)) <= 2 else None
    at = _at_ms(said)
    bare = re.match(r"^(?:at |在|第)*(\d+(?:\.\d+)?)$", said.text)
    start = at if at is not None else round(float(bare.group(1)) * 1000) if bare else moment_of(said, state)
    if sound is None and start is None:
        return None
    return SoundAction(sound=sound or last.sound, start_ms=start if start is not None else last.start_ms,
                       at_transitions=last.at_transitions and start is None)


# a sound that runs the whole video: "the whole time", "from start to finish", "风声一直都要有"
_THROUGHOUT = r"\bthroughout\b|\bthe whole time\b|\b(?:the )?(?:entire|whole) (?:video|thing|time|way(?: through)?)\b|\b(?:during|in|for|over) (?:all|the whole|the entire) (?:the )?video\b|\bfrom (?:the )?start to (?:the )?(?:finish|end)\b|\ball (?:the way )?through\b|" \
              r"[从由]头到尾|一直|始终|整个视频"
# the video opened with the sound: "start it off with a riser", "open with a whoosh", "kick things off with a ding"
_OPEN_WITH = r"\b(?:start|kick|open|begin)s? (?:it |the video |things |everything |the whole thing )?(?:off )?with\b"
# "end it with people clapping", "finish with a ding": the sound as the video ends
_CLOSE_WITH = r"\b(?:end|finish|close|wrap)s? (?:it |the video |things |everything |the whole thing |it all )?(?:off |up )?with\b"
# a remark about an effect, no request: "the whoosh sound kinda ruins the mood", "that ding is annoying"
_ONLY_REMARK = r"^(?:the|this|that|those|these) [^,]*?\b(?:ruins?|kills?|is|are|was|sounds|feels|seems|gets|annoys?|bugs?)\b|" \
               r"^[^加放来]*(?:太|好|很|有点|超级?|特别|真)(?:刺耳|吵|烦|难听|大声|响)"  # "狗那段的风声太刺耳": the clip's own noise


# a moment said by an upload's picture coming on: "when the photo appears", "once my hike video starts", "照片出现的时候"
_UPLOAD_MOMENT = r"\b(?:when|once|as soon as|where|the moment)\b.*\b(?:photo|picture|pic|image|video|vid|footage)s?\b.*" \
                 r"\b(?:appears?|shows? up|comes? (?:on|in|up)|starts?|begins?|pops? up)\b|" \
                 r"(?:照片|图片|相片|视频)(?:那段)?(?:的)?(?:出现|出来|开始)(?:的时候|时)"


def _upload_off_timeline(clause: Clause, state: PlanState) -> MediaRef | None:
    """The photo or video upload whose moment the clause names, when it is not on the timeline yet."""
    if not clause.has(_UPLOAD_MOMENT):
        return None
    placed = {seg.src for seg in main_clips(state.draft)}
    text = clause.unquoted().lower()
    named = [m for m in state.context.media if m.uploaded and m.kind in ("image", "video") and m.src not in placed and (
        names_upload(text, m) or m.kind == "image" and clause.has(r"\b(?:photo|picture|pic|image)s?\b|照片|图片|相片"))]
    return named[0] if len(named) == 1 else None


def _at_ms(clause: Clause) -> int | None:
    """A time said in seconds or milliseconds: "at 3 seconds", "在3s的地方", "在750ms的时候", "第10秒"."""
    seconds = re.search(r"(\d+(?:\.\d+)?)\s*(?:seconds?|secs?|s(?![a-z])|秒)", clause.text)
    if seconds:
        return round(float(seconds.group(1)) * 1000)
    millis = re.search(r"(\d+)\s*(?:ms|milliseconds?|毫秒)(?![a-z])", clause.text)
    if millis:
        return int(millis.group(1))
    # "a pop at 14", "and a whoosh at 8": a bare moment of the video is in seconds
    bare = re.search(r"\bat (\d+(?:\.\d+)?)(?![\d.:]|\s*(?:%|percent|x\b|times|fps))", clause.text)
    return round(float(bare.group(1)) * 1000) if bare else None


def _there(state: PlanState) -> int | None:
    """Where the request just planned put its thing: a title's or a sound's start."""
    last = state.actions[-1] if state.actions else None
    if isinstance(last, SoundAction):
        return last.start_ms
    return getattr(last.edit, "start_ms", None) if isinstance(last, EditAction) else None


# a clause that only says when: "where the dog starts", "when the title shows up", "在狗出现的时候"
_MOMENT_ONLY = re.compile(r"^(?:(?:and|then|now|ok|so)\s+)?(?:when|where|once|as soon as|right when|at the (?:start|beginning) of)\s+"
                          r"(?:\S+\s+){0,4}\S+$|^(?:在|当)?[^，,。；把将加]{1,10}(?:出现|开始|出来|消失|结束)的?(?:时候|时)$")


def _then(state: PlanState) -> int | None:
    """The moment the sound just asked for marks: its start, or where a riser leading up to it ends."""
    last = next((a for a in reversed(state.actions) if isinstance(a, SoundAction)), None)
    if last is None or last.start_ms is None:
        return None
    return last.start_ms + (round(SOUND_EFFECTS["rise"].seconds * 1000) if last.sound == "rise" else 0)


# a version that added a sound effect: "added the sound effect 'Whoosh' at 3s", "在 3s 添加音效「Whoosh」", "在3秒处添加音效：whoosh"
_SOUND_LABEL = re.compile(r"sound effect ['\"“]([^'\"”]+)['\"”]|音效(?:[:：]\s*|「)([^」，,\s]+)")
_LABEL_AT = re.compile(r"(\d+(?:\.\d+)?)\s*(?:s\b|秒)")


def sound_of_label(label: str) -> SoundAction | None:
    """The sound effect a history label says was added, and when ("and another one at 12 seconds" after it)."""
    named = _SOUND_LABEL.search(label)
    sound = sound_effect((named.group(1) or named.group(2)).lower()) if named else None
    if sound is None:
        return None
    at = _LABEL_AT.search(label)
    return SoundAction(sound=sound, start_ms=round(float(at.group(1)) * 1000) if at else None)
