"""Camera motion on photos ("Ken Burns"): "add a Ken Burns effect", "slowly zoom in on the photos", "zoom out on
the second clip", "pan left across the photo", "make the photos move", "no zoom", "remove the motion",
"照片缓慢放大", "给照片加推镜头效果", "第二张照片向左平移", "去掉缩放效果".

Which clips: the ones named ("the second clip", "the second photo" = the second *photo*, "it"), else the
photos on the main track (a clip whose media is an image, or whose path ends like one), else every clip.
A draft does not know which sources are photos, so this is where "the photos" is resolved; the edit's
``segment_id=None`` means every main-track clip (the renderer moves a video's picture the same way).

What is not ours: a zoom *transition* ("zoom transition", "缩放转场", anything "between" clips) goes on to
``timeline.py``; a generation ("generate a clip of a camera zooming into a city", or a first message that
describes a scene, "a slow zoom into a neon city at night") goes on to ``generate.py``; "make the photo
move" with no photo on the timeline is image-to-video (``generate.py``); "slow motion" is a speed.
"""

from __future__ import annotations

import dataclasses
import re

from reelforge.agent._intents._transitions import PLACE
from reelforge.agent._intents._words import CHANGE_TO, DISLIKE, REMOVE
from reelforge.agent._refs import (
    LIVELIER,
    MISSING,
    clip_refs,
    each_clip,
    follow_up_clip,
    main_clips,
    mentions_it,
    shown_words,
    still_in_focus,
    the_one_clip,
)
from reelforge.agent._state import PlanState
from reelforge.agent._text import Clause, ask
from reelforge.agent.actions import EditAction, Unknown
from reelforge.draft import Segment
from reelforge.draft.edits import SetMotion

__all__ = ["handle", "manner_of_last_move", "motion_said"]

# the camera said to come closer or go further ("make the camera go slowly closer on the dog", "camera further away")
_CAMERA = r"\b(?:camera|shot|view|lens)\b[^,]{0,24}?\b"
_ZOOM_OUT = rf"{_CAMERA}(?:further|farther) (?:away|back|out)\b|{_CAMERA}(?:go(?:es)? |move[sd]? )?(?:away|back)(?: from)\b|" \
            r"(?<![a-z])zoom(?:s|ed|ing)?[- ]?out(?![a-z])|\bpull(?:s|ed|ing)?[- ]?(?:back|out|away)\b|\bdolly(?:ing)?[- ]?(?:out|back)\b|拉镜头|拉镜|拉远|(?:从|由)近(?:到|及|往)远|镜头(?:往|向)?后拉|(?:往|向)(?:后|外)拉|(?:往|向)外拉|(?:缓慢|慢慢|逐渐|渐渐|缓缓)(?:地)?缩小|" \
            r"缩小的?(?:镜头)?(?:效果|运镜)|加(?:1?个|上)?缩小"
_ZOOM_IN = (rf"{_CAMERA}(?:(?:go(?:es)?|get(?:s)?|come[s]?|move[sd]?|push(?:es)?) )?(?:(?:slowly|gently|a (?:bit|little)) )?closer\b|"
            r"(?<![a-z])zoom(?:s|ed|ing)?\b|\bpush(?:es|ed|ing)?[- ]?in\b|\bdolly(?:ing)?[- ]?in\b|\b(?:punch|creep)(?:es|s|ed|ing)?[- ]?in\b|(?<![a-z])ken ?burns(?![a-z])|推镜头|推镜|推近|推进|拉近|(?:往|向)(?:里|前)推|(?:从|由)远(?:到|及|往)近|"
            r"(?:缓慢|慢慢|逐渐|渐渐|缓缓)(?:地)?放大|放大的?(?:那个|这个)?(?:镜头)?效果|缩放效果|缩放|加(?:1?个|上)?放大")
_ZOOM_IN_SAID = rf"{_CAMERA}(?:(?:go(?:es)?|get(?:s)?|come[s]?|move[sd]?|push(?:es)?) )?(?:(?:slowly|gently|a (?:bit|little)) )?closer\b|" \
                r"\bzoom(?:s|ed|ing)?[- ]?in\b|\bpush(?:es|ed|ing)?[- ]?in\b|\bdolly(?:ing)?[- ]?in\b|\b(?:punch|creep)(?:es|s|ed|ing)?[- ]?in\b|推镜头|推镜|推近|推进|拉近|(?:往|向)(?:里|前)推|(?:从|由)远(?:到|及|往)近|放大"
# (a crane or boom goes up or down, a drift or glide sideways: pans here)
_PAN = r"(?<![a-z])pan(?:s|ned|ning)?\b|(?<![a-z])tilt(?:s|ed|ing)?\b|\b(?:truck|crab)(?:s|ed|ing)? (?:to the )?(?:left|right)\b|" \
       r"\b(?:crane|boom|pedestal)(?:s|ed|ing)? (?:up|down)\b|\b(?:camera|shot|picture|view|frame)\b[^,]*?\b(?:move|moves|moving|drifts?|drifting|" \
       r"slides?|sliding|glides?|gliding|sweeps?|sweeping)\b[^,]*?\bfrom (?:the )?(?:left|right|top|bottom) to\b|" \
       r"\b(?:move|drift|slide|glide|sweep) (?:the )?(?:camera|shot|picture|view|frame)\b[^,]*?\bfrom (?:the )?(?:left|right|top|bottom) to\b|\b(?:drift|glide)(?:s|ed|ing)? (?:to the )?(?:left|right)\b|摇向(?:左|右|上|下)|" \
       r"平移|横移|摇镜头|移动镜头|(?:往|向)(?:左|右|上|下)(?:慢慢|缓缓|缓慢)?(?:地)?(?:摇|移|平移)|镜头(?:左|右|上|下)(?:移|摇)|" \
       r"(?:镜头|画面)(?:慢慢|缓缓|缓慢)?(?:地)?(?:往|向)(?:左|右|上|下)|" \
       r"从(?:左|右|上|下)(?:边|侧|面)?(?:慢慢|缓缓|缓慢)?(?:地)?(?:移|滑|摇|平移)(?:到|向|往)(?:左|右|上|下)"  # "画面从右边慢慢移到左边"
_GENERIC = (r"(?<![a-z])ken ?burns(?![a-z])|\bcamera (?:motion|move(?:ment)?s?)\b|\bmotion\b|\bmovement\b|\bkeep (?:it|them|the \w+) still\b|"
            r"\b(?:photos?|pictures?|images?|stills?) (?:to )?move\b|"
            r"\bmake (?:the |my |all (?:the )?|every |each )?(?:photos?|pictures?|images?|stills?|slideshow) (?:\w+ )?move\b|"
            r"\bcamera (?:moving|moves|movin)\b|\bmoving camera\b|\bcamera (?:thing|effect)\b|画面(?:都)?(?:别|不要)(?:再)?动|(?:画面|镜头)?(?:固定住|固定下来|定住)|(?:不要|别|不用)再(?:放大|缩小|推近|拉远|晃|动)(?:了)?$|运镜|镜头运动|动态效果|动效|(?:加|来|有)(?:1)?(?:点|些)?动感|(?:会)?动的效果|(?:不要|不用|别)(?:让它|再)?动(?:了|的)?(?![\u4e00-\u9fff])|静止(?:的|不动)?|(?:照片|图片|相片)(?:都)?(?:.{0,3})动(?:起来|一下|一动)")
_PHOTO = r"\b(?:photos?|pictures?|images?|stills|pics?|slideshow)\b|照片|图片|相片|(?<![构意])图(?!片)"
# the words that can only mean stills ("the pictures" may be what the clips show)
_STILLS = r"\b(?:photos?|stills|pics?|slideshow)\b|照片|图片|相片"
# ("the city looks too still, can it pan left": too still asks for a move)
_REMOVING = REMOVE + r"|\b(?:no|stop|turn off|disable)\b|(?<!too )(?<!so )(?<!very )\b(?:static|still)\b|不要|不用|别|停止|静止|固定住|固定下来|定住"
# not ours: a transition between clips, a speed, a generation (the generate handlers come after this one)
_NOT_OURS = (PLACE + r"|\btransitions?\b|\bbetween\b|转场|过渡|\bslow[- ]?mo(?:tion)?\b|慢动作|\bmotion blur\b|"
             r"\b(?:generate|create|produce|film|shoot|render|animate|bring .* to life)\b|"
             r"\b(?:clip|video|footage|shot|scene|animation)s? (?:of|showing|about)\b|into a video|"
             r"生成|制作|拍(?:1)?(?:个|段)|做成视频|变成视频|图生视频|\b(?:title|text|caption|subtitle)s?\b|标题|文字|字幕")
# (not \b: a Chinese message says them between Han characters, "加个pan right的效果")
_EN_DIRECTIONS = (("pan_right", r"\bfrom (?:the )?left to (?:the )?right\b"), ("pan_left", r"\bfrom (?:the )?right to (?:the )?left\b"),
                  ("pan_up", r"\bfrom (?:the )?(?:bottom|down) to (?:the )?(?:top|up)\b"),
                  ("pan_down", r"\bfrom (?:the )?(?:top|up) to (?:the )?(?:bottom|down)\b"),
                  ("pan_left", r"(?<![a-z])left(?:wards?)?(?![a-z])"), ("pan_right", r"(?<![a-z])right(?:wards?)?(?![a-z])"),
                  ("pan_up", r"\b(?:tilt|crane|boom|pedestal)(?:s|ed|ing)? up\b"), ("pan_down", r"\b(?:tilt|crane|boom|pedestal)(?:s|ed|ing)? down\b"),
                  ("pan_up", r"(?<![a-z])up(?:wards?)?(?![a-z])"), ("pan_down", r"(?<![a-z])down(?:wards?)?(?![a-z])"))
_ZH_DIRECTIONS = (("pan_left", r"向左|往左|左移|(?:移|滑|摇)到左"), ("pan_right", r"向右|往右|右移|(?:移|滑|摇)到右"),
                  ("pan_up", r"向上|往上|上移|(?:移|滑|摇)到上"), ("pan_down", r"向下|往下|下移|(?:移|滑|摇)到下"))
# every word a motion request is made of; a clause with two or more other words describes a scene instead
_EN_KNOWN = set("""a an the on in into onto to across over of at all every each both my these those them it this that
    one ones and with some bit little gentle gently subtle subtly slow slowly slight slightly soft softly smooth smoothly
    please can could you would add apply give put make use let set turn want like get have remove delete drop no stop
    off disable static effect effects camera motion movement move moves moving zoom zooms zoomed zooming in out push
    pull back ken burns pan pans panned panning left right up down upwards downwards leftwards rightwards photo photos
    picture pictures image images still stills pic pics slideshow clip clips shot shots video videos scene scenes
    segment segments first second third fourth fifth sixth last final clip's whole entire rid of instead i don't dont
    do not really like hate dislike tilt tilts tilted tilting keep still like i'd i love is there any way get looks
    too camera's slowly bit crane cranes boom pedestal drift drifts drifting glide glides gliding go goes closer further
    farther away should""".split())
_ZH_KNOWN = (r"(?:从|由)远(?:到|及|往)近|(?:从|由)近(?:到|及|往)远|推(?=过去|过来)|过去|过来|那种|(?<=[左右上下])(?:边|面|方)|照片|图片|相片|图|片段|镜头|视频|素材|幻灯片|所有|全部|每个|每张|都|第\d+|最后|张|个|段|给|把|将|让|加|添加|加上|"
             r"去掉|删除|删掉|移除|不要|取消|关掉|去除|拿掉|清除|停止|别|效果|缓慢|慢慢|逐渐|渐渐|缓缓|轻轻|轻微|微微|稍微|一点|地|的|1|"
             r"推镜头|推镜|推近|推进|拉近|拉镜头|拉镜|拉远|后拉|外拉|里推|前推|放大|缩小|缩放|平移|横移|摇镜头|移动|运镜|运动|动态|动起来|向|往|左|右|上|下|"
             r"请|帮我|一下|一个|和|再|也|吧|了|它|这|那|从|动一动|动一下|慢|那种|肯伯恩斯|ken|burns|我|不喜欢|不太喜欢|讨厌|能不能|可以|可不可以|吗|呢|\?|？|"
             r"请问|能|整体|动感|做成|弄成|变成|调成|^(?:这个|整个)?画面(?=(?:做|弄|变|调)成)|(?<=段)画面|(?<=的)画面|^画面(?=(?:整体)?(?:慢慢|缓缓|缓慢)?(?:地)?(?:往|向|从)[左右上下][^，,]*?(?:移动|平移|摇|(?:慢慢|缓缓|缓慢)(?:地)?移))|谢谢|[，,]|clip|(?<![a-z])(?:up|down)(?![a-z])|"
             r"麻烦|(?:有点|有些|带点|要有|更有|有那种|有种)?(?:运镜|动感|电影|大片)?(?:的)?(?:感觉|感)|"
             # the picture itself said to push in: "画面慢慢推进去", "画面推近一点" (like "镜头推进去")
             r"^画面(?=(?:整体)?(?:慢慢|缓缓|缓慢|轻轻|逐渐)?(?:地)?(?:推进|推近|拉近|拉远|放大|缩小))|(?<=推进|推近|拉近|拉远)(?:去|来)|来(?=(?:1)?个(?:慢慢|缓缓)?(?:的)?(?:推|拉|摇|平移|缩放|运镜|放大|缩小|往|向))|[\u4e00-\u9fff]{1,4}?(?=那段|那1段|那个片段|那个镜头|这段|这个片段)|那1段|摇|移|\s|[:：]|zoom|pan|(?<![a-z])(?:in|out|left|right)(?![a-z])")
_ZH_PHOTO_ORDINAL = re.compile(r"第(\d+)张(?:照片|图片|相片|图)?|(最后)(?:1)?张(?:照片|图片|相片|图)?")
_EN_PHOTO_ORDINAL = re.compile(r"\b(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last|final)\s+"
                               r"(?:photo|picture|image|still|pic)\b")
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5,
             "5th": 5, "last": -1, "final": -1}
_IMAGE_PATH = re.compile(r"\.(?:jpe?g|png|webp|gif|bmp|heic|tiff?)$", re.IGNORECASE)


def handle(clause: Clause, state: PlanState) -> bool:
    """Plan ``SetMotion`` edits for a clause about moving the picture; False when it is not one."""
    # "城市那段从头开始慢慢放大", "the dog clip should start with a slow zoom out": a move is the clip's from its start
    said = _FROM_ITS_START.sub("", clause.text)
    clause = dataclasses.replace(clause, text=said) if said != clause.text else clause
    # "pan left on the city clip, zoom out on the dog clip": each clip its own move
    return each_clip(clause, state, _handle_one) or _handle_one(clause, state)


# a move said to run from the clip's start (every move does): "从头开始慢慢放大", "should open with a slow zoom out"
_FROM_ITS_START = re.compile(r"(?:从头开始|从一开始就?|一开始就|开头就|从开头就?)(?=(?:慢慢|缓缓|缓慢|轻轻)?(?:地)?(?:放大|拉近|推近|推进|拉远|缩小|拉开|往|向|平移|摇))|"
                             r"\b(?:should |could |can |will )?(?:start|open|begin)s? with (?=(?:a |an )?(?:slow |gentle |subtle |smooth )?"
                             r"(?:zoom|push|pull|pan|dolly|ken ?burns)\b)")
# how the move just asked for goes, said after it: "画面往上移动，慢一点的那种", "pan left, nice and slow"
_MANNER = re.compile(r"^(?:(?:nice and|really|very|just)\s+)?(?:slow(?:ly)?|gentle|gently|subtle|smooth(?:ly)?)(?: (?:please|pls|is fine))?$|"
                     r"^(?:要)?(?:慢|缓|轻)(?:一点|一些|点|慢|缓|轻)?(?:的)?(?:那种|就好|就行|吧)?$")


def manner_of_last_move(clause: Clause, state: PlanState) -> bool:
    """A manner said alone right after a move: moves are slow already, nothing more to do (never a speed change)."""
    last = state.actions[-1] if state.actions else None
    return isinstance(last, EditAction) and isinstance(last.edit, SetMotion) and _MANNER.match(clause.text) is not None


def _handle_one(clause: Clause, state: PlanState) -> bool:
    if manner_of_last_move(clause, state):
        return True
    if clause.has(_NOT_OURS) or not main_clips(state.draft):
        return False
    photos = _photos(state)
    says_photo = clause.has(_PHOTO)
    generic = clause.has(_GENERIC) or clause.has(LIVELIER) and still_in_focus(state)  # "make it more dynamic" after a photo
    uploaded = any(m.kind == "image" and m.uploaded for m in state.context.media)
    if generic and re.search(r"move|动(?:起来|一下|一动)", clause.text) and not photos and says_photo and uploaded:
        return False  # "make the photo move" with no photo on the timeline: image-to-video, generate.py's
    if not (generic or clause.has(_ZOOM_OUT) or clause.has(_ZOOM_IN) or clause.has(_PAN)):
        return False
    livelier = clause.has(LIVELIER) and still_in_focus(state)
    if _describes_a_scene(clause, state) and not livelier:
        return False
    if clause.has(r"(?<!慢)(?<!缓)移(?:一点|一些|点|些)") and not clause.has(r"慢慢|缓缓|缓慢|移动|平移|摇"):
        return False  # "画面往左边移一点": the picture shifted, no move over time ("画面往左边慢慢移" is one)
    motion = _motion(clause)
    targets = _targets(clause, state, photos, says_photo)
    if targets is None:
        if says_photo and clause.has(r"\b(?:add|put|insert|place|use)\b|加|放|接|插") and any(
                m.uploaded and m.kind == "image" for m in state.context.media):
            return False  # "照片加到最后，慢慢放大": the upload goes on the timeline moving (timeline.py's)
        state.actions.append(Unknown(clause.unquoted(), understood=_missing(clause, state, says_photo),
                                     question=_which_instead(clause, state, says_photo)))
        return True
    found = {seg.id for seg in main_clips(state.origin)} if state.origin is not None else set()
    added = [seg for seg in main_clips(state.draft) if seg.id in photos and seg.id not in found]
    if motion == "none" and added and not clip_refs(clause, state) and not clause.has(r"\ball\b|\bevery|全部|所有|每"):
        # "照片放进去 不要动的效果 就静止的": the photo this message adds is still already (no clip loses its move)
        for seg in added:
            if seg.meta.motion not in (None, "none"):
                state.edit(SetMotion(segment_id=seg.id, motion="none"), focus_kind="clip")
        return True
    if motion == "none" and targets and set(targets) == set(photos) and not says_photo:
        targets = []  # "no zoom": every clip, whatever it is
    # "add a Ken Burns effect" to several photos: in and out by turns, so the set does not pulse alike
    candidates = targets or [seg.id for seg in main_clips(state.draft)]
    by_turns = (motion == "zoom_in" and not clause.has(_ZOOM_IN_SAID) and len(candidates) > 1
                and set(candidates) <= set(photos))
    if by_turns:
        targets = candidates
    each: list[str | None] = [*targets] or [None]
    last = state.actions[-1] if state.actions else None
    if len(each) == 1 and isinstance(last, EditAction) and isinstance(last.edit, SetMotion) and last.edit.motion == motion \
            and _moved(last.edit.segment_id, state) >= _moved(each[0], state):
        return True  # "no zoom please, keep it still": said twice (every clip, then the one clip there is), done once
    if len(each) == 1 and isinstance(last, EditAction) and isinstance(last.edit, SetMotion) \
            and (each[0] is None or each[0] == last.edit.segment_id == the_one_clip(clause, state)) \
            and motion != "none" and not clip_refs(clause, state) and not says_photo:
        # "ken burns it, zoom out": the move just asked for, said how (a clip has one move: the last said wins)
        state.actions.pop()
        state.edit(last.edit.model_copy(update={"motion": motion}), focus_kind="clip" if last.edit.segment_id else None)
        return True
    for i, target in enumerate(each):
        move = ("zoom_in" if i % 2 == 0 else "zoom_out") if by_turns else motion
        state.edit(SetMotion(segment_id=target, motion=move),  # type: ignore[arg-type]
                   focus_kind="clip" if target and len(each) == 1 else None)
    return True


def _moved(target: str | None, state: PlanState) -> set[str]:
    """The clips a motion edit moves: the one named, or every clip on the main track."""
    return {target} if target else {seg.id for seg in main_clips(state.draft)}


def motion_said(clause: Clause) -> str | None:
    """The move a clause asks for in passing ("add my photo with a slow zoom"); None when it names none."""
    if not (clause.has(_GENERIC) or clause.has(_ZOOM_OUT) or clause.has(_ZOOM_IN) or clause.has(_PAN)):
        return None
    motion = _motion(clause)
    return None if motion == "none" else motion


def _motion(clause: Clause) -> str:
    if clause.has(_REMOVING) or clause.has(DISLIKE) and not clause.has(CHANGE_TO):  # "I don't like the zoom"
        return "none"
    if clause.has(_ZOOM_OUT):
        return "zoom_out"
    if clause.has(_PAN):
        directions = _ZH_DIRECTIONS + _EN_DIRECTIONS if clause.language == "zh" else _EN_DIRECTIONS  # "加个pan up"
        return next((name for name, pattern in directions if clause.has(pattern)), "pan_left")
    return "zoom_in"  # "zoom in", "Ken Burns", "make the photos move": a slow push in, the classic move


def _photos(state: PlanState) -> list[str]:
    """Ids of the main-track clips that show a still: its media is an image, or its path looks like one."""
    kinds: dict[str, str] = {m.src: m.kind for m in state.context.media}
    return [seg.id for seg in main_clips(state.draft) if _is_still(seg, kinds)]


def _is_still(seg: Segment, kinds: dict[str, str]) -> bool:
    if seg.src in kinds:
        return kinds[seg.src] == "image"
    return bool(seg.src and _IMAGE_PATH.search(seg.src))


def _targets(clause: Clause, state: PlanState, photos: list[str], says_photo: bool) -> list[str] | None:
    """The clip ids to move ([] = every clip on the main track); None when a named clip or photo is missing."""
    ordinal = _photo_ordinal(clause)
    if ordinal is not None:
        index = ordinal - 1 if ordinal > 0 else len(photos) + ordinal
        return [photos[index]] if 0 <= index < len(photos) else None
    refs = clip_refs(clause, state)
    if MISSING in refs:
        return None
    if refs:
        return refs
    clips = main_clips(state.draft)
    focus = state.focus
    if clause.has(r"\bthe other(?: one| clip| part)?\b|另(?:一|1|外)(?:段|个片段)") and len(clips) == 2 and focus \
            and focus.kind == "clip" and focus.segment_id in [c.id for c in clips]:
        return [c.id for c in clips if c.id != focus.segment_id]  # "and pan right on the other": not the one just moved
    if mentions_it(clause) and len(clips) == 1 and (focus is None or focus.kind != "clip") and not says_photo:
        return [clips[0].id]  # "zoom in slowly on it": the one clip there is
    # Chinese drops the object: "第一段静音并且加个慢慢放大的效果" moves that clip (one touched earlier in this message)
    unsaid = clause.language == "zh" and focus is not state.initial_focus and not clause.has(r"全部|所有|整个|每个|都|照片|图片")
    if (mentions_it(clause) or unsaid) and focus and focus.kind == "clip" and focus.segment_id:
        if state.draft.find_segment(focus.segment_id):
            return [focus.segment_id]
    follow = follow_up_clip(clause, state, "motion")
    if follow is not None and not says_photo:  # "改成拉远", "the other way" just after a move on clip 2: that clip
        return [follow]
    if says_photo and not photos and (any(m.kind == "image" for m in state.context.media) or clause.has(_STILLS)):
        return None  # the photos named are not on the timeline: say so (not every clip, unasked)
    # ("can the pictures move a bit": with no photo anywhere, the pictures are what the clips show)
    every = [seg.id for seg in main_clips(state.draft)]
    only = the_one_clip(clause, state) if not says_photo else None
    if only is not None:  # "往左摇" with one clip: that clip
        return [only]
    return [] if not photos or photos == every else photos


def _photo_ordinal(clause: Clause) -> int | None:
    """"the second photo" / "第二张照片": 2; "the last photo" / "最后一张": -1."""
    match = _ZH_PHOTO_ORDINAL.search(clause.text)
    if match:
        return -1 if match.group(2) else int(match.group(1))
    match = _EN_PHOTO_ORDINAL.search(clause.text)
    return _ORDINALS[match.group(1)] if match else None


def _describes_a_scene(clause: Clause, state: PlanState) -> bool:
    """Words beyond a motion request ("a slow zoom into a neon city at night"): a scene to generate, not an edit. A
    removal ("缩放效果去掉吧 晃得头晕") describes none, and the words of a clip's name name that clip ("could the dog
    part zoom in a little")."""
    if _motion(clause) == "none":
        return False
    if clause.language == "zh":
        return len(re.sub(_ZH_KNOWN, "", clause.text)) >= 3
    named = {w for seg in main_clips(state.draft) if any(clip_refs(clause, state))
             for w in {*re.findall(r"[a-z][a-z']*", (seg.meta.name or "").lower()), *shown_words(seg.meta.name or "")}}
    words = re.findall(r"[a-z][a-z']*", re.sub(r"'s\b", "", clause.text))
    return len([w for w in words if w not in _EN_KNOWN and w not in named and w not in _CLIP_WORDS]) >= 2


# words that name a clip, not a scene: "the bit", "clip number two", "the one that comes just before the puppy"
_CLIP_WORDS = {"part", "parts", "bit", "bits", "footage", "one", "number", "two", "three", "four", "comes", "come", "plays",
               "just", "right", "directly", "immediately", "following", "preceding", "next", "but"}


def _which_instead(clause: Clause, state: PlanState, says_photo: bool) -> str:
    """What to ask when the clip or photo named is not there: which clips there are to move instead."""
    count = len(main_clips(state.draft))
    if says_photo and not _photos(state):
        return ask(clause, f"There are no photos on the timeline, only {count} video clip(s). Should the clips move "
                   "instead? Say, for example: zoom in on the clips.",
                   f"时间线上没有照片，只有 {count} 个视频片段。要让片段动起来吗？可以说：给片段加缩放效果。")
    return ask(clause, f"There is no such clip: the video has {count} clip(s). Say which one, for example 'zoom in "
               "on the last clip'.", f"没有这个片段：视频只有 {count} 个片段。请说是哪一个，例如“最后一个片段放大”。")


def _missing(clause: Clause, state: PlanState, says_photo: bool) -> str:
    """What the reply says was understood when the clip or photo asked for is not there."""
    zh = clause.language == "zh"
    if says_photo:
        count = len(_photos(state))
        return f"给照片加镜头运动，但时间线上有 {count} 张照片" if zh else \
            f"camera motion on a photo, but the timeline has {count} photo(s)"
    count = len(main_clips(state.draft))
    return f"镜头运动，但视频只有 {count} 个片段" if zh else f"camera motion, but the video has {count} clip(s)"
