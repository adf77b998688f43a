"""The clips themselves: trim the video, cut the first/last N seconds, delete/swap/move clips, speed,
transitions between clips, a clip's own sound, and adding an uploaded video or photo."""

from __future__ import annotations

import dataclasses
import re
from typing import Literal

from reelforge.agent._absent import no_such_clip, no_transition
from reelforge.agent._intents._inside import cut_inside, split
from reelforge.agent._intents._transitions import INTO_NEW, NAMES, PLACE, SLIDE_ALONE, kind_named, no_such_named
from reelforge.agent._intents._words import (
    ABRUPT,
    ADD,
    CHANGE_TO,
    DISLIKE,
    LENGTH_ALONE,
    MAKE_IT_FIRST,
    REMOVE,
    SLOW_SCENE,
    level_two,
)
from reelforge.agent._intents.generate import placement_of, without_place
from reelforge.agent._intents.motion import manner_of_last_move, motion_said
from reelforge.agent._numbers import duration_ms, find_durations, number_word, time_range
from reelforge.agent._refs import (
    MISSING,
    BareOrder,
    bare_order,
    clip_refs,
    clip_sound_changed_last,
    each_clip,
    find_media,
    follow_up_clip,
    main_clips,
    mentions_it,
    names_upload,
    the_one_clip,
    uploads_meant,
    without_end_clips,
)
from reelforge.agent._state import Focus, PlanState
from reelforge.agent._text import VERY_EN, Clause, ask
from reelforge.agent.actions import EditAction, GenerateAction, MediaRef, MusicAction, SoundAction, Unknown, VoiceAction
from reelforge.agent.describe import describe_edit
from reelforge.draft import AUDIO, apply_edit
from reelforge.draft.edits import (
    AddClip,
    AddSound,
    AddVoice,
    DeleteSegment,
    MoveClip,
    SetClipAudio,
    SetMotion,
    SetMusic,
    SetSpeed,
    SetTransition,
    SwapClips,
    Trim,
    TrimSegment,
)

__all__ = ["handle", "nothing_to_edit"]

_TRANSITIONS = NAMES
_TRANSITION = r"\btransitions?\b|cross[- ]?fade|\bdissolve|\bwipe|\bdip (?:to|through) (?:black|white)\b|\b(?:hard|straight) cuts?\b|" \
              r"\b(?:just|only) (?:plain )?cuts\b|\bcuts? only\b|\b(?:direct|plain) cuts?\b|\bcuts? direct\b|" \
              r"转场|过渡|叠化|淡入淡出|溶解|交叉淡化|(?:之间|中间)(?:加)?(?:个)?(?:闪白|黑场|闪一下白|(?:黑|白)(?:一下|个|一会儿?))|硬切|直切|直接切(?!掉|到|成|除|割|\d)|" \
              r"(?:之间|中间).*(?:渐变|淡化)"
_SPEED_UP = r"\bspeed (?:it |this |the (?:\w+ ){1,2})?up\b|\bfaster\b|\bfast[- ]forward|\bdouble speed|\btwice as fast|\btriple (?:the |its )?speed\b|\d+(?:\.\d+)? times as fast\b|加速|加快|快进|快一点|快放|变快|倍速播放|" \
            r"(?:再|能)?快(?:点|些)|调快|变速(?=取消|去掉|不要|关掉)|(?:取消|去掉|关掉)变速"
# ("make the dog slow like in the movies": slow said plainly of a clip)
_SLOW = r"\bslow (?:it |this |them |(?:the |all (?:the )?|every |both )?(?:\w+ ){1,2})?down\b|" \
        r"\bslow (?:it|this|them|everything|all|the (?:[\w-]+ ){1,3}?)\s*(?:down )?to (?:a )?half\b|" \
        r"\bmake (?:it|them|this|that|the (?:[\w-]+ ){1,3}?)slow\b(?! ?mo)|" \
        r"\bslow (?:it|this|them|everything|all|the (?:[\w-]+ ){1,3}?)\s*(?:down )?to (?:\d?\.\d+|\d+(?:\.\d+)?\s*(?:x\b|%))|" \
        r"(?:再|能)?慢(?:点|些)|调慢|\bslower\b|\btwice as slow\b|\b\d+(?:\.\d+)? times as slow\b|\bslow[- ]?mo(?:tion)?\b|\bslo[- ]?mo\b|\bhalf (?:the |its |normal |regular )?speed|慢动作|慢镜头(?!的)|慢放(?!大)|减速|慢一点|变慢|放慢|半速|慢速|慢(?:了)?(?:1|一)半"
_NORMAL = r"\b(?:normal|original|regular|usual) speed\b|\b(?:back )?to (?:normal|regular)\b|\breal[- ]?time\b|\breset (?:the |its )?speeds?\b|" \
          r"\bundo the speed(?: change)?\b|\b1x\b|(?:速度|倍速)(?:改|调|变|换)回(?:正常|原来|原速|1倍)|正常速度|原速(?!的)|恢复速度|" \
          r"恢复正常|变回正常|调回正常"
_CLIP_AUDIO = r"\b(?:original|clip'?s?'?|video'?s?'?|its own|own|natural|source)\s+(?:sound|audio|volume)\b|原声|原音|视频声音|片段声音|" \
              r"视频的声音|片段的声音|没有声音|没声音|无声|不要声音|\bsilent\b|\bsilence\b|" \
              r"\b(?:sound|audio|volume) (?:on|of|from|in|out of|off(?: of)?) (?:(?:any|all|each|either) of )?(?:the |all |both |every |each )?(?:[a-z]+ ){0,2}(?:clips?|videos?|shots?|parts?)\b|" \
              r"(?:段|镜头)的?(?:声音|原声)|叫声|它的?(?:声音|原声|音量)|\bits (?:sound|audio)\b"  # "把它的声音关了": the clip just named


# complaints about the pace: "the whole video is sluggish", "honestly the whole thing feels slow", "the dog part feels rushed"
# (a degree word for "too": "the city part feels super slow", "the dog clip is really fast")
_TOO_SLOW = rf"\btoo slow\b|\bdrags?\b|\bsluggish\b|\b(?:feels?|is|'s|are|seems?) (?:(?:{VERY_EN}|a bit|kinda) )?slow\b|太慢|慢死了|拖沓"
_TOO_FAST = rf"\btoo fast\b|\brushed\b|\bhurried\b|\b(?:feels?|is|'s|are|seems?) {VERY_EN} fast\b|太快|快死了"


def _speed(clause: Clause) -> float | None:
    # "加快一倍", "加速一倍": by one more, twice as fast ("加快1.5倍" is the speed said: 1.5x)
    faster_by = clause.search(r"(?:加快|加速|快|提高|提升)(?:了)?(1)倍(?!速)")
    if faster_by:
        return 1 + float(faster_by.group(1))
    # "慢三倍", "放慢两倍": a multiple said of slowness is that share of the speed ("放慢一倍": by one more, half speed)
    if clause.has(r"(?:放慢|减慢|变慢|慢|降)(?:了)?(?:1|一)半"):  # "城市那段慢一半": half speed
        return 0.5
    slower_by = clause.search(r"(?:放慢|减慢|变慢|慢)(?:了)?(\d+(?:\.\d+)?)倍(?!速)")
    if slower_by and float(slower_by.group(1)) >= 1:
        times = float(slower_by.group(1))
        return 0.5 if times == 1 else round(1 / times, 3)
    match = clause.search(r"(?<![大小响轻\d.])(\d+(?:\.\d+)?)\s*(?:x(?![a-z0-9])|×|倍速?|被速|times (?:as )?(?:fast|speed))|\bx\s*(\d+(?:\.\d+)?)\b|"
                          r"倍速\s*(\d+(?:\.\d+)?)(?![\d.]|\s*秒)")  # ("两被速": a typo of 倍速; "倍速1.25")
    if match:
        return float(match.group(1) or match.group(2) or match.group(3))
    by = clause.search(r"\b(?:speed|slow)\b.*\b(up|down)\b.*\bby (\d+(?:\.\d+)?)\s*(?:%|percent)|\bspeed up\b.*\bby (\d+(?:\.\d+)?)\s*(?:%|percent)|"
                       r"(\d+(?:\.\d+)?)\s*(?:%|percent) (faster|quicker|slower)\b|"
                       r"(加快|加速|提速|快|放慢|减速|慢)(?:了)?(\d+(?:\.\d+)?)\s*%")
    if by:  # "speed the city clip up by 50%" 1.5x, "25% slower" 0.75x, "放慢25%": a change by a share of the speed
        by_share = float(by.group(2) or by.group(3) or by.group(4) or by.group(7)) / 100
        slower = (by.group(1) or by.group(5) or by.group(6) or "up") in ("down", "slower", "放慢", "减速", "慢")
        return round(1 - by_share, 3) if slower and by_share < 1 else round(1 + by_share, 3)
    plain = clause.search(r"(?<![\d.])(\d?\.\d+|[1-4](?:\.\d+)?)\s*speed\b")  # "0.75 speed on everything"
    if plain:
        return float(plain.group(1))
    share = clause.search(r"(\d+(?:\.\d+)?)\s*%\s*(?:of (?:the |its )?(?:original |normal )?)?(?:speed|速度)|"
                          r"(?:speed|速度)\s*(?:to|at|of|调到|改成|变成|降到)?\s*(\d+(?:\.\d+)?)\s*%")  # "at 50% speed"
    if share:
        return float(share.group(1) or share.group(2)) / 100
    of_normal = clause.search(r"(?:原速|原来的?速度|正常速度)的\s*(?:(\d?\.\d+)(?![\d.]|\s*秒)|(?:1|一)半)")
    if of_normal:  # "狗那段变成原速的四分之一", "原速的一半": that share of the speed
        return float(of_normal.group(1) or 0.5)
    if clause.has(_NORMAL) or clause.has(DISLIKE) and not clause.has(CHANGE_TO):  # "i don't like the slow motion"
        return 1.0
    if clause.has(REMOVE) and clause.has(_SLOW + "|" + _SPEED_UP):  # "把慢动作去掉", "remove the slow motion"
        return 1.0
    share = clause.search(r"(\d+(?:\.\d+)?)\s*%\s*(?:speed|速度|的速度)|(?:速度|speed)\s*(?:to|at|调到|改成)?\s*(\d+(?:\.\d+)?)\s*%")
    if share:  # "put clip 2 at 50% speed"
        return float(share.group(1) or share.group(2)) / 100
    part = clause.search(r"(\d+)分之(?:1|一)")
    if part and int(part.group(1)) > 0:  # "放慢到四分之一", "原来的四分之一速度"
        return 1 / int(part.group(1))
    bare = clause.search(r"(?<![\d.])(\d?\.\d+|[1-4])\s*(?:speed|速)\b")
    if bare:  # "0.75 speed on everything"
        return float(bare.group(1))
    said = clause.search(r"\b(?:slow|speed)\b.*\b(?:(?:down|up) )?to (\d?\.\d+|[1-4](?:\.\d+)?)(?![\d.%]|\s*(?:seconds?|secs?|s\b|percent|x\b))")
    if said:  # "slow the city clip down to 0.75": that speed
        return float(said.group(1))
    hedged = clause.search(r"\b(?:slow|slower|speed|faster|quicker)\b.*?[,\s]\s*(?:like|maybe|say|about|around|roughly|something like|"
                           r"approximately)\s+(\d?\.\d+|[1-3](?:\.\d+)?)(?![\d.%]|\s*(?:seconds?|secs?|s\b|percent|x\b))|"
                           r"(?:慢|快)(?:一点|点|些)?[，,\s]\s*(?:比如|大概|差不多|大约|就)\s*(\d?\.\d+|[1-3](?:\.\d+)?)(?![\d.%]|\s*秒)")
    value = float(hedged.group(1) or hedged.group(2)) if hedged else None
    if value is not None and (value < 1) == clause.has(r"\bslow|慢"):  # "slow it down a bit, like 0.75": that speed
        return value
    if clause.has(_TOO_SLOW):  # "the dog clip is too slow": a bit faster (back to normal when it was slowed)
        return 1.5
    if clause.has(_TOO_FAST):
        return 0.5
    if clause.has(r"\btriple (?:the |its )?speed\b|\bthree times (?:as fast|faster)\b"):  # "triple speed"
        return 3.0
    if clause.has(r"\bdouble (?:the )?speed\b|\bdouble it\b|\btwice as fast\b|翻倍|加倍|双倍"):  # "double the speed", "速度翻倍"
        return 2.0
    if clause.has(r"\bhalve (?:the )?speed\b|\bhalf as fast\b|\btwice as slow\b|速度减半"):
        return 0.5
    times_slower = clause.search(r"\b(\d+(?:\.\d+)?) times (?:as slow|slower)\b")
    if times_slower and float(times_slower.group(1)) > 1:  # "make it three times as slow": a third of the speed
        return round(1 / float(times_slower.group(1)), 3)
    if clause.has(_SLOW):
        return 0.5
    if clause.has(_SPEED_UP):
        return 1.5 if clause.has(r"\ba (?:bit|little)\b|一点|一些|稍微|快点|快些") else 2.0
    return None


def _targets(clause: Clause, state: PlanState) -> list[str] | None:
    """Clip ids the clause names, the focused clip for "it", [] for the whole video; None when an id is missing."""
    refs = clip_refs(clause, state)
    if MISSING in refs:
        return None
    if not refs and _upload_off_timeline(clause, state) and not clause.has(_ADDS_UPLOAD):
        return None  # "hike那段换成2倍速" with hike.mp4 only uploaded: asked (``_missing``), never every clip instead
    clips = main_clips(state.draft)
    focus = state.focus.segment_id if state.focus is not None and state.focus.kind == "clip" else None
    if not refs and clause.has(r"\bthe other (?:one|clip|part|shot)\b|另(?:一|1)(?:段|个片段|个镜头)|另外(?:一|1)?(?:段|个片段)") \
            and len(clips) == 2 and focus in [c.id for c in clips]:  # "另一段也静音" after the first was muted
        return [c.id for c in clips if c.id != focus]
    # Chinese drops the object: "第二个片段加速，然后静音" mutes that clip. Only a clip touched earlier in this
    # message counts, and words for everything ("全部", "所有") still mean every clip.
    unsaid = clause.language == "zh" and state.focus is not state.initial_focus and not clause.has(
        r"全部|所有|整个|每个|都")
    if not refs and (mentions_it(clause) or unsaid) and state.focus and state.focus.kind == "clip" \
            and state.focus.segment_id:
        if state.draft.find_segment(state.focus.segment_id):
            return [state.focus.segment_id]
    return refs


def handle(clause: Clause, state: PlanState) -> bool:
    if main_clips(state.draft):
        return _handle_all(clause, state)
    trial = state.fork()  # an empty timeline: an edit of clips there are none of gets a question, an upload goes on
    if not _handle_all(clause, trial):
        return False
    planned = [a.edit for a in trial.actions[len(state.actions):] if isinstance(a, EditAction)]
    if planned and not any(isinstance(edit, AddClip) for edit in planned):  # "add my photo with a zoom" adds it first
        state.actions.append(nothing_to_edit(clause))
        return True
    state.actions, state.draft, state.focus, state.failed = trial.actions, trial.draft, trial.focus, trial.failed
    return True


def nothing_to_edit(clause: Clause) -> Unknown:
    """An edit of the clips asked for while there are none ("mute the clips", "剪掉开头两秒" on an empty project)."""
    return Unknown(clause.unquoted(), understood="an edit of the clips", question=ask(
        clause, "There is nothing to edit yet: the video has no clips. Generate or add a clip first, for example: "
        "generate a clip of a city street at night, or add my video.",
        "还没有可以编辑的内容：视频里还没有片段。请先生成或添加一个片段，例如：生成一段夜晚城市街道的视频，或者把我上传的视频加进来。"))


def _handle_all(clause: Clause, state: PlanState) -> bool:
    head, tail = _upload_then(clause)
    if tail is not None and _add_upload(head, state):
        _handle_all(tail, state)  # "把hike.mp4加到城市后面，两段之间加个淡入淡出": the upload, then what is said after it
        return True
    # "the city clip should have no sound, the dog clip full sound": each clip its own
    return each_clip(clause, state, _handle_one) or _handle_one(clause, state)


def _handle_one(clause: Clause, state: PlanState) -> bool:
    if _fit_said(clause) is not None and _upload_off_timeline(clause, state) and _add_upload(clause, state):
        return True  # "照片完整显示不要裁掉": an upload not there yet, added as it should fill the frame (never a cut)
    for step in (_replace_with_upload, _transition, _speed_step, _clip_audio, _swap, _move, _longer, split, cut_inside,
                 _half, _cut, _delete, _add_upload):
        if step(clause, state):
            return True
    return False


def _upload_then(clause: Clause) -> tuple[Clause, Clause | None]:
    """An upload added, then another change of the clips in the same breath ("add my hike video after the city clip and
    crossfade into it"): the two parts, or the clause and None."""
    match = re.search(r"\s*(?:[，,]\s*(?:and\s+|then\s+|然后|再)?|\s+and\s+(?:then\s+)?)(?=.*(?:" + _TRANSITION + r"))",
                      clause.text)
    if match is None or not re.search(r"\b(?:uploaded|my|mine)\b|上传|我的|\.(?:mp4|mov|jpe?g|png)(?![a-z0-9])|照片", clause.text[:match.start()]):
        return clause, None
    return (dataclasses.replace(clause, text=clause.text[:match.start()]),
            dataclasses.replace(clause, text=clause.text[match.end():]))


# where a clause that adds an upload may go on to change it ("add the hiking clip at half speed", "把hike.mp4加进来放慢到
# 0.5倍", "把徒步视频加进来，它的声音关掉", "put the hike video on the timeline, vertical please")
_THEN_MORE = re.compile(r"\s*[，,;；]\s*(?:and\s+|then\s+|然后|再|并且|并)?|\s+(?:and\s+(?:then\s+)?|then\s+|but\s+)|"
                        r"\s+(?=(?:at|in) (?:half|double|quarter|twice|\d+(?:\.\d+)?\s*(?:x|times|%\s*speed)\b|slow[- ]?mo(?:tion)?\b)|with (?:a|an|no)\b|without (?:any |the |its )?(?:sound|audio)\b)|"
                        r"(?<=加进来|放进来|加进去|放进去|加上去|放上去)(?=[^，,。])|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])|(?<=[开结]头|最后|后面|前面)(?=(?:放慢|加速|慢放|速度|静音))")
_HOW_THEN_WHERE = re.compile(r"\s+((?:in|at) (?:slow[- ]?mo(?:tion)?|half speed|double speed|\d+(?:\.\d+)?\s*x(?: speed)?))\s+"
                             r"((?:after|before|at|to) (?:the )?[\w ]{1,30})$")
_LENGTH_THEN_MORE = re.compile(r"^(?:(?:for|about|around)\s+)?\d+(?:\.\d+)?\s*(?:s|secs?|seconds?)(?: long)?\s*[,，;；]")
# what a tail that is only where the upload goes, or for how long, says: that belongs to the adding itself
_PLACE_OR_LENGTH = re.compile(r"^(?:at|to|after|before|in|on|for|about|around)?\s*(?:the )?(?:start|end|beginning|front|back|"
                              r"\d+(?:\.\d+)?\s*(?:s|secs?|seconds?)|(?:after|before) .*)$|^(?:放|加|插)?(?:在|到)?.{0,8}?"
                              r"(?:前面|后面|开头|结尾|最后|最前面)$|^(?:显示|放|播)?\d+(?:\.\d+)?秒(?:钟)?$")


def upload_then_more(clause: Clause, state: PlanState) -> list[tuple[Clause, Clause]]:
    """The ways ``clause`` may read as an upload added, then something more said of it: (the adding part, the rest),
    leftmost first. Empty when no upload could be meant."""
    if not any(m.uploaded and m.kind in ("video", "image") for m in state.context.media):
        return []
    found = []
    # "put my hike video in slow motion after the city": how it plays, said before where it goes, read after it
    clause = dataclasses.replace(clause, text=_HOW_THEN_WHERE.sub(r" \2 \1", clause.text))
    for match in _THEN_MORE.finditer(clause.text):
        head, tail = clause.text[:match.start()].strip(), clause.text[match.end():].strip(" ,，。.")
        tail = re.sub(r"^(?:with|at|in)\s+", "", tail)
        rest = dataclasses.replace(clause, text=tail)
        if _fit_said(rest) is not None:
            continue  # "照片加进来 完整显示不要裁": how it fills the frame, read with the adding (never a crop of it)
        if _named_upload(rest, state) or _the_photo(rest, state) or _my_upload(rest, state) or re.match(
                r"^(?:(?:but|only|just)\s+)*(?:the )?(?:first|last|seconds?|from)\b|^(?:来)?(?:替换|换掉|代替|取代)|"
                r"^(?:但是?|不过)?(?:只要|只用|只留|就要|就用)(?:它的)?(?:前|后|最后|开头|中间)?\d", tail):
            continue  # "add the hike video and the beach photo after the city": another upload, in the same request;
            # "add hike.mp4 but just seconds 2 to 6", "徒步视频放进去，只要前4秒": the part of it to use; "用我的爬山视频 替换掉城市那段": what it replaces
        if _LENGTH_THEN_MORE.match(tail):
            continue  # "add the photo at the start, 4 seconds, with a slow zoom in": the length is the adding's (split after it)
        if head and re.search(r"\w", tail) and not _PLACE_OR_LENGTH.match(tail) and not re.match(_PLACE_ALONE, tail):
            found.append((dataclasses.replace(clause, text=head), dataclasses.replace(clause, text=tail)))
    return found


def added_upload(state: PlanState) -> bool:
    """Whether the last thing planned adds an upload to the timeline."""
    return _added_upload(state) is not None


# words that put an upload on the timeline (or in a clip's place): the upload named there is no clip to change
_ADDS_UPLOAD = r"\b(?:add|put|insert|place|stick|use|replace|swap|instead|append)\b|加(?!速|快)|放(?!慢|大|小|缓)|插|接(?!着)|用|替换|换掉|代替|取代"


def _missing(clause: Clause, state: PlanState, what: str) -> bool:
    """A clip was named that is not there: say how many there are (``what`` is kept for the log), or, for an upload
    not on the timeline yet ("hike那段换成2倍速"), that it is not there and how to add it."""
    media = _named_upload(clause, state) if not clip_refs(clause, state) else None
    if media is not None and media.src not in {seg.src for seg in main_clips(state.draft)}:
        state.actions.append(Unknown(clause.unquoted(), understood="a clip", question=ask(
            clause, f"{media.name} is not on the timeline yet. Should I add it first? Say, for example: add {media.name} at "
            "the end.", f"「{media.name}」还不在时间线上。要先把它加进来吗？可以说：把{media.name}加到最后。")))
        return True
    state.actions.append(no_such_clip(clause, len(main_clips(state.draft)), state.context.media))
    return True


# transitions put on the music's beats: "卡点转场", "踩点转场", "跟着鼓点转场", "transitions on the beat" (the editor has no beats)
_ON_THE_BEAT = r"卡点|踩点|(?:卡|踩)在(?:鼓点|节拍|节奏|拍子|拍)上|(?:卡|踩|跟着|按|对)(?:着)?(?:鼓点|节拍|节奏)|\b(?:on|to) the (?:beats?|rhythm)\b|\bbeat[- ]?sync"


def _transition(clause: Clause, state: PlanState) -> bool:
    # "the cut between the clips is too harsh", "片段之间切换太生硬": soften the cuts
    harsh = clause.has(ABRUPT) and clause.has(r"\bcuts?\b|\bbetween\b|\bjumps?\b|切换|衔接|之间|"
                                              # "狗那段跟城市那段中间切得太生硬了": where two clips meet
                                              r"(?:那段|这段)(?:跟|和|与|到)[\u4e00-\u9fff]{1,6}?(?:那段|这段)(?:的)?(?:中间)?|切得|切过去|切过来")
    # a kind of transition between the clips: "use a slide to the right between the clips", "片段之间用擦除"
    harsh = harsh or clause.has(r"\bbetween\b|之间|(?:段|片段|镜头|他们|它们|她们|他俩|它俩|这俩|那俩|两个)的?中间|(?:跟|和|与)[\u4e00-\u9fff]{1,6}?的?中间|\b(?:each|every|the) cuts?\b") and any(
        clause.has(p) for t, p in _TRANSITIONS if t not in ("fade", "zoomin"))
    # any name of a transition where one goes: "a push between the clips", "a cross fade on each cut", "每个镜头之间都加闪黑"
    placed = clause.has(PLACE) and (kind_named(clause.text) is not None or no_such_named(clause.text) is not None)
    # a slide said alone with its way, where clips meet: "slide left", "push right", "slide from right to left"
    placed = placed or len(main_clips(state.draft)) >= 2 and clause.has(SLIDE_ALONE)
    if not clause.has(_TRANSITION) and not (clause.has(r"\bfade\b|淡入淡出") and clause.has(r"\bbetween\b|之间|clips")) \
            and not harsh and not placed and not _transition_meant(clause, state) and not _into_added(clause, state):
        return False
    if clause.has(_ON_THE_BEAT) and kind_named(clause.text) in (None, "fade"):
        # "卡点转场给我整上", "transitions on the beat": cutting to the beat is asked about, never a crossfade put in
        state.actions.append(Unknown(clause.unquoted(), understood="cutting to the beat", question=ask(
            clause, "I can't cut the video to the beat of the music yet. I can trim or reorder the clips, change their "
            "speed, or add a whoosh at each transition. Which would you like?",
            "暂时还不能按音乐的节拍自动卡点剪辑。可以裁剪或调整片段顺序、改速度，或者在每个转场加一个嗖的音效。要哪一个？")))
        return True
    targets = _targets(clause, state)
    if targets is None:
        return _missing(clause, state, "a transition")
    unknown_kind = no_such_named(clause.text)
    if unknown_kind is not None and kind_named(clause.text.replace(unknown_kind, "")) in (None, "fade") and \
            not clause.has(REMOVE):  # "a spin transition", "加个旋转转场": none like it, asked (never another kind)
        state.actions.append(Unknown(clause.unquoted(), understood="a transition", question=ask(
            clause, f"A '{unknown_kind}' transition: I don't have one. I can use a crossfade, a dissolve, a dip to black or "
            "white, a wipe or a slide (left, right, up, down), a zoom, a circle, pixelate, blur or blinds. Which would you "
            "like?", f"「{unknown_kind}」转场：暂时没有这种。可以用淡入淡出、叠化（溶解）、闪黑、闪白、擦除或滑动（上下左右）、缩放、"
            "圆形、马赛克、模糊或百叶窗。要哪一种？")))
        return True
    # "I don't like the crossfade", "hard cuts only", "去转场"
    gone = clause.has(REMOVE + r"|\bhard cuts?\b|\bstraight cuts?\b|\b(?:just|only) (?:plain )?cuts\b|\bcuts? only\b|"
                      r"\b(?:direct|plain) cuts?\b|\bcuts? direct\b|去(?:掉)?(?:所有|全部)?(?:的)?转场|硬切|直切|直接切(?!掉|到|成|除|割|\d)|没有转场") or \
        clause.has(DISLIKE) and not clause.has(CHANGE_TO)
    # a kind said ("a wipe"), else the kind there is ("make the transitions 1 second" keeps the wipes), else a fade
    there = next((s.meta.transition for s in main_clips(state.draft) if s.meta.transition), None)
    named = next((t for t, p in _TRANSITIONS if clause.has(p)), None)
    was_ms = there.duration_ms if there is not None else _length_in_label(state) or 500  # "quicker" after "…crossfade (1s)"
    kind = "none" if gone else there.type if there is not None and named in (None, "fade") else named or "fade"
    seconds = duration_ms(clause.text)
    if there is None and seconds is None and not gone and len(main_clips(state.draft)) >= 2 and \
            clause.has(_TRANSITION) and clause.has(_LENGTH_CHANGE):
        state.actions.append(no_transition(clause))  # "make the crossfade longer" with none: say so, offer one
        return True
    if seconds is None and clause.has(_LONGER_TRANSITION):  # "make the crossfade longer": twice what it is
        seconds = 2 * was_ms
    elif seconds is None and clause.has(_SHORTER_TRANSITION + r"|\bhalf (?:that|it)\b"):  # "too slow, half that"
        seconds = max(100, was_ms // 2)
    elif seconds is None and there is not None:
        seconds = there.duration_ms
    target = max(targets, key=lambda sid: [s.id for s in main_clips(state.draft)].index(sid)) if len(targets) >= 1 else None
    if target is not None and target == main_clips(state.draft)[0].id:
        target = None  # nothing comes before the first clip: "第一段缩短两秒，再把两段之间加个转场" is between the clips
    last = state.actions[-1] if state.actions else None
    if isinstance(last, EditAction) and last.edit == SetTransition(segment_id=target, type=kind,
                                                                   duration_ms=min(5000, seconds or 500)):
        return True  # "straight cuts please, no transitions": said twice, done once
    if isinstance(last, EditAction) and isinstance(last.edit, SetTransition) and _transition_meant(clause, state):
        state.actions.pop()  # "add a crossfade and make it 1 second long": one transition, said in two steps
    state.edit(SetTransition(segment_id=target, type=kind, duration_ms=min(5000, seconds or 500)),
               focus_kind=None if kind == "none" else "transition")
    return True


def _length_in_label(state: PlanState) -> int | None:
    """The transition's length the last version's label states ("added a crossfade into clip 2 (1s)"), if it made one."""
    label = state.context.history[-1] if state.context.history else ""
    said = re.search(r"(\d+(?:\.\d+)?)\s*(?:s|秒)\b", label) if re.search(r"transition|crossfade|转场", label) else None
    return round(float(said.group(1)) * 1000) if said else None


def _into_added(clause: Clause, state: PlanState) -> bool:
    """"add the hike clip at the end with a fade to black going into it": a fade into the clip just added."""
    last = state.actions[-1] if state.actions else None
    return (isinstance(last, GenerateAction) or isinstance(getattr(last, "edit", None), AddClip)) and clause.has(INTO_NEW)


def _transition_meant(clause: Clause, state: PlanState) -> bool:
    """"add a crossfade and make it 1 second long", "make it longer" just after one: "it" is the transition."""
    focus = state.focus
    if focus is None or focus.kind != "transition":
        return False
    # Chinese drops the object: "加一个溶解转场，再长一点", or "再长一点" right after a version that added one (a length
    # alone, "剪到10秒", is still the video's)
    # ("再长一点 一秒", "再短点，半秒": which way, then how long)
    unsaid = clause.language == "zh" and clause.has(
        r"^(?:再|然后|稍微|把它)?(?:" + _LONGER_TRANSITION + "|" + _SHORTER_TRANSITION + r")(?:吧|些)?"
        r"(?:[，,\s]*(?:用|到|要)?\d+(?:\.\d+)?\s*秒(?:钟)?(?:吧)?)?$")
    # its pace said alone right after it: "quicker", "can it be slower, like 2 seconds", "too slow, half that"
    unsaid = unsaid or clause.has(_PACE_ALONE)
    # its length said alone right after it: "一秒钟就行", "a second is fine", "两秒吧"
    unsaid = unsaid or LENGTH_ALONE.match(clause.text) is not None
    # ... or its length set, the object left unsaid: "时长改成一秒", "改成半秒吧" (never the video cut to 1 s)
    unsaid = unsaid or clause.has(r"^(?:那|就)?(?:时长|时间|长度)?(?:改成|改为|调成|调到|设成|设为|变成)\d+(?:\.\d+)?秒(?:钟)?(?:吧|就行|就好)?$")
    # another kind said alone: "改成闪白的", "换成往左擦的", "try a wipe instead", "switch to a dissolve"
    unsaid = unsaid or clause.has(r"^(?:那|还是|嗯)?(?:改成|换成|改为|换为|用)|^(?:(?:ok|now|then|hmm)\s+)*(?:switch|change|go) to\b|"
                                  r"^(?:(?:ok|now|then|hmm)\s+)*(?:try|use) (?:a|an)\b") and any(
        clause.has(p) for t, p in _TRANSITIONS if t != "zoomin") \
        and len(re.sub(r"(?:\s+(?:instead|please|pls|then|now|thanks))+$", "", clause.text)) <= 30  # ("switch to a fade to white instead")
    return unsaid or mentions_it(clause) and (
        duration_ms(clause.text) is not None or clause.has(_LONGER_TRANSITION + "|" + _SHORTER_TRANSITION)
        or any(clause.has(p) for _, p in _TRANSITIONS))


_PACE_ALONE = r"^(?:(?:ok(?:ay)?|hmm+|now|and|maybe|a bit|a little|bit|even|way|still|much)\s+)*(?:(?:can|could) (?:it|you make it) be |make (?:it|that) )?" \
              r"(?:a (?:bit|little|tad) )?(?:longer|shorter|quicker|faster|slower|snappier)(?: still)?(?:,?\s*(?:like |maybe |about |say )?\d+(?:\.\d+)?\s*" \
              r"(?:seconds?|secs?|s))?(?: please| pls)?\??$|^(?:(?:way|a bit|much) )?too (?:slow|long|fast|quick|short),? (?:half|double) (?:that|it)$"
_LONGER_TRANSITION = r"\b(?:longer|slower|lengthen|extend|more gradual|smoother)\b|长一点|长一些|久一点|慢一点|慢一些|更长|更慢|延长|拉长"
_SHORTER_TRANSITION = r"\b(?:shorter|quicker|faster|snappier|shorten)\b|短一点|短一些|快一点|快一些|更短|更快|缩短"
# a change of the length of the transition there is ("make the crossfade longer"), not a wish for a softer cut
_LENGTH_CHANGE = r"\b(?:longer|shorter|lengthen|shorten|slower|quicker|faster)\b|\btoo (?:short|long|quick|fast|slow)\b|长一点|长一些|更长|延长|拉长|短一点|短一些|更短|缩短|太(?:快|短|长|慢)"


# a clip asked to be made, what it shows said: "generate a clip of a waterfall after the dog clip, in slow motion"
# (the slow motion is how the new clip is filmed, never the dog clip slowed down)
_GENERATE_NEW = r"^(?:(?:please|pls|now|ok|okay|can you|could you)\s+)*(?:generate|create|make|render|film)\s+(?:me\s+)?" \
    r"(?:a|an|another|one more|a new)\s+(?:[\w-]+\s+){0,2}?(?:clip|shot|video|scene)\s+(?:of|showing|with)\b"


def _speed_step(clause: Clause, state: PlanState) -> bool:
    if clause.has(r"\b(?:cut|trim|shorten|chop)\b.*\bto \d+(?:\.\d+)?\s*(?:seconds?|secs?|s)\b") and clause.has(_TOO_SLOW):
        return False  # "cut the dog clip down to 3 seconds, it drags": the cut is the cure, not a faster clip
    if manner_of_last_move(clause, state) or motion_said(clause) and clause.has(
            r"慢(?:一点|一些|点)?的?那种|慢慢|缓慢|缓缓|\bslow(?:ly)?\b(?![- ]?mo)") and not clause.has(r"速|倍|\bspeed\b|\d(?:\.\d+)?x\b"):
        return False  # "画面往上移动，慢一点的那种": how the move goes, not a speed
    speed = _speed(clause)
    if clause.has(r"放大|缩小|变大|变小") and not clause.has(r"速|快|慢"):
        return False  # "狗那段放大到两倍": a size, not a speed
    if clause.has(r"\b(?:sound|audio|volume)\b|声音|音量|原声") and not clause.has(r"\bspeed\b|速"):
        return False  # "原声放大到1.5倍": a loudness, not a speed
    if speed is not None and clause.has(_PACE) and not clause.has(r"\bspeed|速|\d\s*(?:x\b|×|倍)|慢动作|\bslow[- ]?mo"):
        # "节奏再快一点", "make the pacing snappier": faster clips or shorter ones? Asked, never guessed
        state.actions.append(Unknown(clause.unquoted(), understood="the pace", question=ask(
            clause, "Faster how? I can speed the clips up (for example: speed everything up 1.5x) or cut them shorter "
            "(for example: trim each clip to 3 seconds). Which would you like?",
            "要怎么变快？可以把片段加速（例如：全部加速到1.5倍），也可以把片段剪短（例如：每段剪到3秒）。要哪一种？")))
        return True
    if speed is None or not clause.has(_SPEED_UP + "|" + _SLOW + "|" + _NORMAL + "|" + _TOO_SLOW + "|" + _TOO_FAST
                                       + r"|\bspeed|\bplay|速|播放|\d\s*(?:x\b|×|倍)|翻倍|加倍|\b(?:half|twice) as fast\b"):
        return False
    # "a slow motion shot of a hummingbird", "一段慢动作的海浪视频": the scene to film, unless the clause names what
    # to slow ("make the video slow motion waves"... is rare; "把视频改成慢动作" carries no scene)
    new_clip = clause.has(r"\b(?:a|an|another|new|one more)\s+slow[- ]?mo|(?:1|一)(?:段|个|条)慢动作")
    if clause.has(_GENERATE_NEW) and clause.has(r"\bslow[- ]?mo"):  # the new clip's filming, never the clip it follows
        return False
    if clause.has(SLOW_SCENE) and (new_clip or not (any(clip_refs(clause, state)) or mentions_it(clause)
                                                   or clause.has(r"\bthe (?:whole |entire )?video\b|把|整个视频|这个视频"))):
        return False
    if not main_clips(state.draft):  # "slow motion" on an empty project: nothing to slow down, never a generation
        return _no_clips_to_speed(clause, state, speed)
    if not clip_refs(clause, state) and _upload_off_timeline(clause, state) and not _added_upload(state) and \
            not clause.has(r"\b(?:add|put|use|insert)\b|接上|接到|接在|加进|加到|加在|加上|放进|放到|放在"):  # ("恢复正常速度 再把爬山那个视频接上": the upload is added)
        return _upload_not_there(clause, state, "a speed change", ("change its speed", "再改速度"))
    targets = _targets(clause, state)
    if targets is None:
        return _missing(clause, state, "a speed change")
    speed = min(4.0, max(0.25, speed))
    focus = state.focus
    everything = clause.has(r"\b(?:everything|everywhere|all (?:the )?clips|every clip|each clip|all of (?:it|them)|the whole (?:thing|video))\b|"
                            r"全部|所有|整个|每个|都")  # "reset the speed on everything": every clip, not the one just slowed
    if not targets and speed == 1.0 and focus is not None and focus.kind == "clip" and focus.segment_id and not everything:
        if state.draft.find_segment(focus.segment_id):  # "back to normal speed" just after slowing a clip: that clip
            targets = [focus.segment_id]
    follow = None if targets else follow_up_clip(clause, state, "speed")
    if follow is not None:  # "太快了", "改成1.5倍吧" just after "sped up the second clip 2x": that clip
        targets = [follow]
    if not targets and not everything and (only := the_one_clip(clause, state)) is not None:
        targets = [only]  # "慢动作" with one clip: that clip
    if clause.has(_TOO_SLOW + "|" + _TOO_FAST) and targets:  # a complaint about a changed speed: back to normal
        seg = state.draft.find_segment(targets[0])
        now = seg[1].meta.speed if seg is not None and seg[1].meta.speed else 1.0
        if (now < 1 < speed) or (speed < 1 < now):
            speed = 1.0
    each: list[str | None] = [*targets] or [None]  # no target named: the edit's default (every clip)
    for target in each:
        state.edit(SetSpeed(segment_id=target, speed=speed), focus_kind="clip" if target else None)
    return True


# the pace of the edit, not the clips' speed: "节奏再快一点", "the pacing should be faster"
_PACE = r"\b(?:pacing|pace|rhythm|tempo of the (?:edit|video|cuts))\b|节奏"


def _no_clips_to_speed(clause: Clause, state: PlanState, speed: float) -> bool:
    """A speed change with no clip on the timeline: say so, and offer (not start: it costs credits) a generation."""
    if speed < 1:
        en = "There is nothing to slow down yet: the video has no clips. Should I generate a slow-motion scene? " \
             "Say what it shows, for example: generate a slow motion shot of waves crashing on rocks."
        zh = "还没有可以放慢的内容：视频里还没有片段。要生成一段慢动作的画面吗？说说内容，例如：生成一段慢动作的海浪视频。"
    else:
        en = "There is nothing to change the speed of yet: the video has no clips. Add or generate a clip first, " \
             "for example: generate a clip of a city street at night."
        zh = "还没有可以改速度的内容：视频里还没有片段。请先添加或生成一个片段，例如：生成一段夜晚城市街道的视频。"
    state.actions.append(Unknown(clause.unquoted(), understood="a speed change", question=ask(clause, en, zh)))
    return True


# a level said alone right after a change to the clips' sound: "原声小一点，调到百分之十", "mute the city clip, well, 10%"
_LEVEL_ALONE = re.compile(r"^(?:(?:then|and|well|maybe|actually|no|like),? )*(?:(?:turn|set|put|bring|make) (?:it|them) "
                          r"(?:down |up )?(?:to )?|to |(?:就|再)?(?:调到|调成|改成|设为|设成|开到|降到|到))?(?:like |about |around )?"
                          r"(\d+(?:\.\d+)?)\s*(?:%|percent)(?: (?:on|for) (?:both|all|each|every one)(?: of them)?)?(?: is fine| please)?"
                          r"(?:吧|就行|就好|就可以)?$")
# the level said bare in Chinese right after a change to a clip's sound: "狗那段声音有点炸 调到30"
_LEVEL_ALONE_ZH = re.compile(r"^(?:那|那就)?(?:就|再)?(?:调到|调成|开到|降到|设为|设成)(\d{2,3})(?:吧|就行|就好)?$")
# a clip's sound as loud as it goes: "原声全开到最大", "狗那段原声开满", "它的声音还是开回来吧"
_FULL = r"\bunmute\b|\brestore\b|\bturn on\b|\bback\b|\bfull (?:sound|audio|volume)\b|\bat full$|\b(?:sound|audio) (?:back )?on$|" \
        r"\bmax(?:imum|ed)?\b|(?<!down )\ball the way\b|取消静音|解除静音|恢复|打开|保留|开满|拉满|全开|开到最大|调到最大|最大|开回来|开回|回来"


_NOISY = r"\b(?:noise|sound|audio|hiss|hum|wind)\b.*\b(?:is|are|'s) (?:really |so |very |kind of |a bit )?(?:annoying|distracting|awful|" \
         r"terrible|horrible|unbearable)\b|(?:噪音|杂音|风声|声音)(?:好|太|很|有点|超级?|特别|真)?(?:烦|吵死了|刺耳|难听)|(?:噪音|杂音|风声)(?:好|太|很|有点|超级?|特别|真)?吵|" \
         r"叫声(?:好|太|很|有点|超级?|特别|真)?(?:烦|吵|刺耳|难听)"  # "狗叫声太吵了": a creature's call is the clip's own sound


_VIDEO_LEVEL = r"^(?:(?:please|pls|can you|could you)\s+)?(?:make|turn|set|bring|put|have) (?:it|the video|everything|the whole (?:thing|video))\s+" \
               r"(?:(?:up|down)\b|(?:(?:a bit|a little|much|way|really|super)\s+)?(?:loud|louder|quiet|quieter|soft|softer)\b),?\s*" \
               r"(?:(?:to|at|like|about|around|maybe|say)\s+)*\d+(?:\.\d+)?\s*(?:%|percent)(?: (?:volume|loud))?(?: please| pls)?$"


# a clip named as the place something goes, in English: "after the hike", "before the city clip"
_EN_PLACE_REF = re.compile(r"\b(?:right |just )?(?:after|before|behind|following|next to|ahead of) (?:the |my )?[a-z0-9.'-]+"
                           r"(?: (?:clip|video|vid|one|shot|part|footage|photo|picture|pic))?(?=$|[,.;]| and\b| then\b)")


def _clip_audio(clause: Clause, state: PlanState) -> bool:
    last = state.actions[-1].edit if state.actions and isinstance(state.actions[-1], EditAction) else None
    alone = _LEVEL_ALONE.match(clause.text) or _LEVEL_ALONE_ZH.match(clause.text)
    if alone and isinstance(last, SetClipAudio):  # the level of the change just asked for
        state.actions.pop()
        state.edit(last.model_copy(update={"volume": min(2.0, float(alone.group(1)) / 100)}),
                   focus_kind="clip" if last.segment_id else None)
        return True
    # "make the first clip louder": a clip named with a loudness word is its own sound
    loud = clause.has(r"\b(?:louder|quieter|softer)\b|\b(?:half|twice) as loud\b|大声|小声") and (any(r != MISSING for r in clip_refs(clause, state))
                                                            or clause.has(r"\b(?:the|all the|both|all) clips\b"))
    # "lower the city sound", "turn the dog clip's audio up": a clip named with its sound and a loudness verb
    loud = loud or clause.has(r"\b(?:sound|audio|noise|volume)\b") and clause.has(
        r"\b(?:lower|raise|reduce|increase|boost|kill|drop)\b|\bturn (?:\w+ ){0,4}(?:up|down)\b") and any(
        r != MISSING for r in clip_refs(clause, state))
    # "turn the clips down", "turn up the dog clip": the clips said with a loudness verb are their own sound
    loud = loud or clause.has(r"\bturn (?:(?:the |all (?:the )?|both )?(?:[a-z]+ )?(?:clips?|ones?|shots?) (?:up|down)|"
                              r"(?:up|down) (?:the |all (?:the )?|both )?(?:[a-z]+ )?(?:clips?|ones?|shots?))$") and (
        clause.has(r"\bclips\b") or any(r != MISSING for r in clip_refs(clause, state)))
    # "bring its sound back", "它的声音也关了", "把它的音量调到60%" after a change to a clip: that clip's sound
    its = mentions_it(clause) and state.focus is not None and state.focus.kind == "clip" and clause.has(
        r"\b(?:sound|audio|volume)\b|声音|音量")
    # "the city clip should have no sound", "the dog clip full sound", "dog clip sound off", "the dog clip at 40%"
    its = its or any(r != MISSING for r in clip_refs(clause, state)) and clause.has(
        r"\b(?:no|without|full|normal) (?:sound|audio)\b|\b(?:sound|audio) (?:off|on|back)\b|声音|音量|\bvolume\b|"
        # "the dog clip at 40 percent volume", "the city part 50 percent"
        r"(?:\bat )?(?:like |about |around )?\d+(?:\.\d+)?\s*(?:%|percent)(?: (?:volume|sound|audio))?$")
    # "slow down the city clip and turn it down": a clip changed, then turned down, is its own sound quieter
    its = its or mentions_it(clause) and state.focus is not None and state.focus.kind == "clip" and clause.has(
        r"^(?:(?:and|then|also|please|pls)\s+)*(?:turn|tone|bring) (?:it|that) (?:up|down)(?: (?:a bit|a little|please|pls))*$")
    # "狗那段快一点 再把声音关了": the sound, with no object, of the clip just changed in this message (never the clip removed)
    its = its or state.focus is not None and state.focus.kind == "clip" and any(
        isinstance(a, EditAction) and getattr(a.edit, "segment_id", None) == state.focus.segment_id for a in state.actions) \
        and clause.has(r"^(?:再|然后|也|顺便|并且?)?(?:把|将)?(?:声音|音量)(?:也|都|再)?(?:关|静音|去掉|调|开|小|大)")
    # "声音还是开回来吧", "声音开一半吧" right after a change to a clip's sound: that clip's sound again
    again = _sound_changed_last(clause, state)
    its = its or again is not None
    # "城市那段原声调到20%，狗那段开满", "mute the city clip, the dog one at 50%": another clip's level right after a change
    # to a clip's sound in this message is that clip's sound too
    its = its or isinstance(last, SetClipAudio) and any(r != MISSING for r in clip_refs(clause, state)) and clause.has(
        _FULL + r"|\d+(?:\.\d+)?\s*(?:%|percent)|一半|\bhalf\b|关掉|关了|关上|\boff\b") and not clause.has(
        r"\bspeed\b|速|倍|秒|\bseconds?\b")  # "城市那段原声调到20%，狗那段关掉": that clip's sound off
    # "the wind noise in the beach clip is annoying": a complaint about a clip's noise, said alone
    noisy = clause.has(_NOISY) and any(r != MISSING for r in clip_refs(clause, state))
    # "clips at full volume", "the clips back to 80 percent": every clip's own sound, its level said
    its = its or clause.has(r"^(?:(?:put|set|turn|bring|have|keep|make)\s+)?(?:the |all (?:the )?|both )?clips\s+(?:back\s+)?(?:at|to)\s+"
                            r"(?:full|max(?:imum)?|normal|half|\d+(?:\.\d+)?\s*(?:%|percent))(?:\s+(?:volume|sound|audio))?$")
    its = its or _only_sound(clause, state)
    # "make it loud, like 150%", "turn it down to 40%" with no music nor voice-over: the only sound is the clips' own
    its = its or clause.has(_VIDEO_LEVEL) and not any(t.type == AUDIO and t.segments for t in state.draft.tracks) \
        and bool(main_clips(state.draft))
    if not (clause.has(_CLIP_AUDIO) or clause.has(r"(?<![a-z])(?:mut(?:e|ed)|unmute)(?![a-z])|静音|禁音|消音") or loud or its
            or noisy):
        return False
    if not clip_refs(clause, state) and _upload_off_timeline(clause, state):
        # "hike那段静音" with hike.mp4 only uploaded: asked, never every clip on the timeline instead
        return _upload_not_there(clause, state, "a clip's sound", ("mute it", "再静音"))
    if (two := level_two(clause)) is not None:  # "把城市那段音量调到2": 2% or twice as loud?
        state.actions.append(Unknown(clause.unquoted(), understood="a clip's sound", question=ask(clause, *two)))
        return True
    targets = _targets(clause, state)
    if targets is None:
        return _missing(clause, state, "a clip's sound")
    if not targets and (caller := _caller(clause, state)) is not None:
        targets = [caller]
    if not targets and again:
        targets = [again]
    if not targets and (only := the_one_clip(clause, state)) is not None and not clause.has(r"\bclips\b|片段们|每段"):
        targets = [only]  # "这个原声调小一半" with one clip: that clip's sound
    percent = clause.search(r"(\d+(?:\.\d+)?)\s*(?:%|percent)") or (clause.search(r"(\d{1,3})\s*\??$") if again else None) or \
        clause.search(r"(?:声音|音量|原声|\bsound\b|\baudio\b|\bvolume\b).*(?:调到|调成|开到|降到|设为|设成|\bto\b)\s*(\d{2,3}|0)(?:吧)?$")
    if percent:  # "quieter still, 20" after a change to its sound, "狗那段声音调到30", "把声音调成0": that level
        volume = min(2.0, float(percent.group(1)) / 100)
    elif clause.has(r"\bhal(?:f|ve)\b|一半|到0\.5$"):  # "turn the original sound down by half", "原声调到一半"
        volume = 0.5
    elif times := clause.search(r"(?:到|成)(\d+(?:\.\d+)?)倍"):  # "原声放大到1.5倍": a gain, not a speed
        volume = min(2.0, float(times.group(1)))
    elif clause.has(r"(?:调大|放大|开大|提高|大)(?:了)?(?:1|一)倍|\btwice as loud\b|\bdouble (?:the |its )?(?:volume|sound)\b"):
        volume = 2.0  # "狗那段声音调大一倍": by as much again, twice as loud
    elif clause.has(_FULL):
        volume = 1.0
    elif noisy or clause.has(REMOVE) or clause.has(r"(?<![a-z])mut(?:e|ed)(?![a-z])|静音|禁音|消音|\bremove\b|\bno\b|\b(?:sound|audio) off\b|\b(?:turn|switch|shut) (?:\w+ ){0,3}off\b|\bkill\b|\bstrip\b|去掉|关掉|关了|关上|删除|不要|没有声音|没声音|无声|\bsilent\b|\bsilence\b"):
        volume = 0.0
    elif clause.has(r"\bquieter|\bsofter|\blower|\bdown\b|\breduce|\bdecrease|小一点|小点|降低|调低|调小|开小|关小|太大|太吵|有点吵|小声|炸耳朵?|(?:有点|太|好|很)炸|震耳|太响"):
        volume = 0.5
    elif clause.has(r"\blouder|\bup\b|\braise|\bboost|\bincrease|\bamplif|大一点|大点|提高|调高|调大|开大|太小|大声"):
        volume = 1.5
    else:
        return False
    found = state.draft.find_segment(again) if again and not percent and volume in (0.5, 1.5) else None
    # "quieter" after it was set to 40%: from there; after it was muted there is nothing to scale ("它的声音开回一半"
    # after "第2个片段静音" is half its sound, not half of silence)
    if found is not None and found[1].meta.volume:
        volume = round(min(2.0, found[1].meta.volume * (0.6 if volume == 0.5 else 1.5)), 3)
    each: list[str | None] = [*targets] or [None]
    for target in each:
        state.edit(SetClipAudio(segment_id=target, volume=volume), focus_kind="clip" if target else None)
    return True


def _only_sound(clause: Clause, state: PlanState) -> bool:
    """"the sound" / "声音" said alone on a video whose only sound is its clips' own ("声音开到最大", "把声音全关了",
    "turn the sound off on this"): no music, narration or sound effect on the draft and none named."""
    return clause.has(r"\b(?:sound|audio|volume)\b|声音|音量") and not clause.has(_OTHER_SOUND + r"|\bsounds\b|\bsfx\b") \
        and bool(main_clips(state.draft)) and not any(t.segments for t in state.draft.tracks_of(AUDIO)) \
        and not any(isinstance(a, (VoiceAction, SoundAction, MusicAction)) or isinstance(a, EditAction) and isinstance(
            a.edit, (SetMusic, AddVoice, AddSound)) for a in state.actions)  # "add music and turn the sound down": its


def _sound_changed_last(clause: Clause, state: PlanState) -> str | None:
    """The clip whose own sound the last version changed, when the clause speaks of the sound alone ("声音还是开回来吧",
    "声音开一半吧", "bring the sound back") or only says louder or quieter ("quieter still, 20") or a level ("再调到10%"): no clip, music or voice
    named."""
    if not clause.has(r"\b(?:sound|audio|volume)\b|声音|音量|原声") and not clause.has(_BARE_LOUDNESS) and \
            not _LEVEL_ALONE.match(clause.text) or \
            clause.has(_OTHER_SOUND) or any(clip_refs(clause, state)):
        return None
    return clip_sound_changed_last(state)


# louder or quieter said alone: "louder", "quieter still, 20", "a bit softer"
_BARE_LOUDNESS = r"^(?:(?:hmm|ok|nah|no|still|even|a (?:bit|little|tad)|much|way)\s+)*(?:louder|quieter|softer)(?:\s+(?:still|than that))?" \
                 r"(?:[,.]?\s*(?:like |maybe |about |around )?\d{1,3}\s*(?:%|percent)?)?\??$|^(?:再)?(?:大声|小声)(?:一)?点(?:吧)?$"
_OTHER_SOUND = r"\b(?:music|song|bgm|voice|narrat\w*|sound effects?)\b|音乐|配乐|歌|配音|旁白|音效"


def _caller(clause: Clause, state: PlanState) -> str | None:
    """"狗叫声太吵了": the one clip that shows the creature whose call it is."""
    named = clause.search(r"([\u4e00-\u9fff]{1,3}?)的?叫(?:声|得|的)")  # "狗叫声太吵了", "狗叫得有点吵"
    if named is None:
        return None
    refs = [r for r in clip_refs(Clause(f"{named.group(1)}那段", (), clause.language, clause.source), state) if r != MISSING]
    return refs[0] if len(refs) == 1 else None


def _swap(clause: Clause, state: PlanState) -> bool:
    if not clause.has(r"\b(?:swap|switch|exchange|flip|reverse (?:the )?(?:clips?'? |clips' )?order|reverse the clips)\b|交换|调换|互换|对调|换一下(?:顺序|位置)?$|换一下(?:顺序|位置)|换个(?:位置|顺序)|"
                      r"换(?:下|一下)?(?:位置|顺序)|(?:跟|和|与).{1,12}换(?:一下|下)?(?:吧|吗)?$|(?:换|调)(?:一下|个)?(?:先后)?顺序|顺序(?:换|调|反|倒)|颠倒"):
        return False
    refs = clip_refs(clause, state)
    clips = main_clips(state.draft)
    if len(clips) == 2 and len(refs) <= 1 and MISSING not in refs:  # "swap them, I want the dog first": the two there
        refs = [clips[0].id, clips[1].id]
    if len(refs) != 2 or MISSING in refs:
        return _missing(clause, state, "swapping two clips")
    state.edit(SwapClips(first_id=refs[0], second_id=refs[1]))
    return True


# "could the video start with the dog?", "end on the city", "让视频从狗那段开始": that clip first (or last)
_STARTS_WITH = re.compile(r"\b(?:start|begin|open|kick off)s?(?: (?:the )?(?:whole )?(?:video|thing|film|edit))?\s+with\s+(.+)$|"
                          r"\b(?:end|finish|close)s?(?: (?:the )?(?:whole )?(?:video|thing|film|edit))?\s+(?:with|on)\s+(.+)$|"
                          r"从(.+?)开始(?:吧|啊|呀)?$|以(.+?)(?:开头|开始)(?:吧|啊|呀)?$|(?:拿|搬|移|挪|放)到(?:最)?(前面|后面)(?:去)?$|"
                          # "I'd rather open on the beach": said first, not "have the music start on the dog clip"
                          r"^(?:(?:i'?d rather|i would rather|let'?s|can we|could we|i want to|i'?d like to|just|so|and|then|maybe)\s+)*"
                          r"(?:start|begin|open)\s+on\s+(.+)$|"
                          # "狗那段要最先出现", "城市那段最后出现": that clip seen first (or last)
                          r"^(.+?)(?:要|得|应该|必须)?(?:最先|第1个)出现(?:吧)?$|^(.+?)(?:要|得|应该|必须)?最后(?:1个)?出现(?:吧)?$|"
                          # "（狗那段放前面）城市放后面", "城市那段摆在后头": that clip at that end
                          r"^(?:把)?((?:(?!加|添|生成|来|复制|拷贝|再|新).)+?)(?:放|排|摆)(?:在)?(?:最)?(前面|后面|前头|后头)(?:去)?(?:吧|呗)?$")
# "make the dog clip first", "dog clip first", "the dog needs to be the first thing you see": a clip said with where it goes
# two uploads with a place each and no verb: "beach photo at the start and the hike clip at the end"
_AN_END_SAID = r"(?:at the (?:very )?(?:start|beginning|end|front)|first|last)"
_PLACED_PAIR = re.compile(rf"^(?P<one>(?:the |my )?[\w.-]+(?: [\w.-]+)?) {_AN_END_SAID},? and (?:then )?"
                          rf"(?P<other>(?:the |my )?[\w.-]+(?: [\w.-]+)?) {_AN_END_SAID}$")
_PUT_FIRST = re.compile(r"^(?:please |can you |could you )?(?:make |have |let )?(?!(?:a|an|another|one more|new)\b)(.+?)\s+"
                        r"(?:(?:should|could|can|must|needs? to|has to|ought to) )?(?:go |come |play |be )?(?:the )?(?:very )?"
                        r"(first|last|opening|closing|final)(?: (?:one|clip|thing|shot|scene))?(?: (?:you|we|they|people|viewers|everyone|anyone|the viewer) "
                        r"(?:see|sees|get to see|watch|watches)| (?:on screen|in the video))?(?: tbh| please| pls| imo| i think)?$")


def _move_said(clause: Clause, state: PlanState) -> bool:
    """A clip moved by where the video starts or ends, or said with "first"/"last" alone."""
    clips = main_clips(state.draft)
    starts, put = _STARTS_WITH.search(clause.text), _PUT_FIRST.search(clause.text)
    if not clips or (starts is None and put is None):
        return False
    removed = _REMOVED_THEN_END.match(clause.text) if starts is not None and clause.has(REMOVE) else None
    if removed is not None and _delete(Clause(removed.group(1), clause.quotes, clause.language, clause.source), state):
        # "get rid of the beach clip and just end on the city": the removal, then that end (already so, or a move)
        ending = Clause(clause.text[removed.end(1):], clause.quotes, clause.language, clause.source)
        _move_said(ending, state)
        return True
    if starts is not None:
        words = starts.group(1) or starts.group(2) or starts.group(3) or starts.group(4) or starts.group(6) or \
            starts.group(7) or starts.group(8) or starts.group(9)
        if clause.language == "zh" and words and not re.search(r"段|片段|镜头", words):
            words += "那段"  # "视频从狗开始": the clip that shows it
        first = starts.group(2) is None and starts.group(5) != "后面" and starts.group(8) is None and \
            starts.group(10) not in ("后面", "后头")
        named = clip_refs(clause if starts.group(5) else Clause(words, clause.quotes, clause.language, clause.source),
                          state)
    else:
        assert put is not None
        first = put.group(2) in ("first", "opening")
        named = clip_refs(Clause(put.group(1), clause.quotes, clause.language, clause.source), state)
    if len(named) != 1 or named[0] == MISSING:
        return False
    ids = [c.id for c in clips]
    if ids.index(named[0]) == (0 if first else len(clips) - 1) and state.draft is not state.origin:
        return True  # the end said is already that clip's, after this message's edits: nothing more to do
    if len(clips) < 2:
        return False
    state.edit(MoveClip(segment_id=named[0], to_index=0 if first else len(clips) - 1), focus_kind="clip")
    return True


# a clip removed, then where the video starts or ends: "can we get rid of the beach clip and just end on the city"
_REMOVED_THEN_END = re.compile(r"^(.+?)\s*(?:,\s*)?\band\s+(?:just |then |so |instead )*(?:start|begin|open|end|finish|close)s?\s+(?:with|on)\b")


def _upload_not_there(clause: Clause, state: PlanState, understood: str, then: tuple[str, str]) -> bool:
    """A change to an upload that is not on the timeline ("hike那段静音", "hike那段换成2倍速" with hike.mp4 only
    uploaded): asked whether to add it first, never made to the clips that are there instead."""
    media = _named_upload(clause, state) or _the_photo(clause, state) or _my_upload(clause, state)
    name = media.name if media is not None else "it"
    state.actions.append(Unknown(clause.unquoted(), understood=understood, question=ask(
        clause, f"{name} is not on the timeline yet. Should I add it first? Say, for example: add {name} at the end "
        f"and {then[0]}.", f"「{name}」还不在时间线上。要先把它加进来吗？可以说：把{name}加到最后，{then[1]}。")))
    return True


def _upload_off_timeline(clause: Clause, state: PlanState) -> bool:
    """The clause names an upload that is not on the timeline yet ("照片放在第一个"): it is added, not a clip moved."""
    media = _named_upload(clause, state) or _the_photo(clause, state) or _my_upload(clause, state)
    return media is not None and media.src not in {seg.src for seg in main_clips(state.draft)}


# where a clip goes, said after its verb: "挪到第一个", "放到最后一个", "排第一", "调到第2位" (the place, never the clip moved)
_DEST_ZH = re.compile(r"(?:(?:移|挪|放|调|拿|搬|排|变)(?:到|在|成)?|换到|(?<=[挪搬移])去)\s*(?:第\s*(?=[\d一二两三])|(?=最后|最前|最末))"
                      r"(\d+|[一二两三]|最后|最前|最末)(?:一|1)?(?:个|位|位置|段)?(?:去|来)?(?:吧|呗|啊)?$")


# a clip put at a place counted from the start, the place said alone: "put the city clip second", "move the dog clip third"
# ("mute the second", "make the transitions a second" say no such place)
_PUT_NTH = re.compile(r"^(?:please |can you |could you )?(?:put|place|move|have|make) (the (?:[a-z]+ ){0,3}?(?:clip|shot|one|video|part|photo|picture)|"
                      r"clip \d)\s+(?:go |come |play |be )?(?:the )?(second|third|fourth|2nd|3rd|4th)"
                      r"(?: (?:one|clip|shot|in line|in order|in the video))?(?: please| pls)?$")
_NTH = {"second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3}


def _move_nth(clause: Clause, state: PlanState) -> bool:
    """"put the city clip second": that clip moved to that place, when the timeline has it."""
    said = _PUT_NTH.match(clause.text)
    clips = main_clips(state.draft)
    if said is None or _NTH[said.group(2)] >= len(clips):
        return False
    named = clip_refs(Clause(said.group(1), clause.quotes, clause.language, clause.source), state)
    if len(named) != 1 or named[0] == MISSING:
        return False
    if [c.id for c in clips].index(named[0]) == _NTH[said.group(2)]:
        return False  # already there
    state.edit(MoveClip(segment_id=named[0], to_index=_NTH[said.group(2)]), focus_kind="clip")
    return True


# a clip moved one place earlier or later: "狗那段往前挪一挪", "城市那段往后移一位", "把第二段提前一个位置"
_ONE_PLACE_ZH = re.compile(r"(?:往|向)(前|后)(?:面|边)?(?:挪|移|调|放|排|搬)(?:1挪|1移|1下|1点|1位|1个|一挪|一移|一下|一点|一位|一个)?(?:位置)?(?:去|吧|呗)*$|"
                           r"(?<=段)(提前|前移|后移|挪后|挪前)(?:1个|一个|1位|一位)?(?:位置)?(?:吧|呗)*$")


def _move_one_place(clause: Clause, state: PlanState) -> bool:
    """"狗那段往前挪一挪": the clip named, one place earlier (or later), kept inside the timeline."""
    said = _ONE_PLACE_ZH.search(clause.text) if clause.language == "zh" else None
    if said is None:
        return False
    clips = [c.id for c in main_clips(state.draft)]
    named = _targets(Clause(clause.text[:said.start()], clause.quotes, clause.language, clause.source), state)
    if not named or len(named) != 1 or named[0] not in clips or len(clips) < 2:
        return False
    earlier = (said.group(1) or said.group(2)) in ("前", "提前", "前移", "挪前")
    index = max(0, min(len(clips) - 1, clips.index(named[0]) + (-1 if earlier else 1)))
    if index == clips.index(named[0]):
        return False
    state.edit(MoveClip(segment_id=named[0], to_index=index), focus_kind="clip")
    return True


def _moved_there(state: PlanState, seg_id: str, index: int) -> bool:
    """The clip is where this message's last edit just moved it: the place said again ("狗那段往前挪一挪，放在最开始的位置")."""
    last = state.actions[-1] if state.actions else None
    return isinstance(last, EditAction) and isinstance(last.edit, MoveClip) and last.edit.segment_id == seg_id \
        and last.edit.to_index == index



def _index_beside(ids: list[str], one: str, other: str, after: bool) -> int:
    """The index clip ``one`` takes in ``ids`` to stand just before (or after) clip ``other``, once out of its own place."""
    anchor, current = ids.index(other), ids.index(one)
    return anchor + (1 if after else 0) - (1 if current < anchor else 0)


def _bare_order(said: BareOrder, state: PlanState) -> bool:
    """"dog clip before city pls", "dog first": that clip moved before (or after) the other, or to that end, as "move the
    dog clip before the city clip" does; nothing more when it is there already."""
    ids = [c.id for c in main_clips(state.draft)]
    if said.other is None:
        index = 0 if said.where == "first" else len(ids) - 1
    else:
        index = _index_beside(ids, said.one, said.other, said.where == "after")
    if index != ids.index(said.one):
        state.edit(MoveClip(segment_id=said.one, to_index=index), focus_kind="clip")
    return True


def _said_whole_zh(said: BareOrder, clause: Clause) -> Clause:
    """"城市放狗后面" said whole, as "把城市那段移到狗那段后面": the move below reads it (and moves a clip already there too)."""
    return dataclasses.replace(clause, text=f"把{said.said['one']}那段移到{said.said['other']}那段{said.said['where']}")


def _move(clause: Clause, state: PlanState) -> bool:
    if _upload_off_timeline(clause, state):
        return False
    # clips said bare, one before or after the other ("dog clip before city pls", "城市放狗后面"): the English moved
    # here, the Chinese said whole for the move below, as they always were
    bare = bare_order(clause, state)
    if bare is not None and clause.language == "zh":
        clause = _said_whole_zh(bare, clause)
    if _move_nth(clause, state) or _move_one_place(clause, state):
        return True
    if bare is not None and clause.language == "en":
        return _bare_order(bare, state)
    just_added = _added_upload(state)
    if just_added is not None and just_added is state.actions[-1] and clause.has(_PLACE_ALONE):
        return False  # "hike.mp4只要第2秒到第5秒，放到最前面": where the upload just added goes (``_place_added``)
    if _move_said(clause, state):
        return True
    # "i want the dog clip to come first", "let the last clip go first", "make clip 2 the first one"
    if not (clause.has(r"\b(?:move|put|place|reorder)\b|\b(?:come|go|be|play)s? (?:first|last|before|after)\b|移到|移动|挪到|放到|放在|调到|拿到|搬到|"
                       r"(?:(?<=段)|(?<=段就))放(?=最前|最后|前面|后面)|(?<=段|个)放(?=[\u4e00-\u9fff\d]{1,6}?(?:那段)?(?:后面|前面|之后|之前)$)|(?:搬|挪|移)去(?=最|第)|换到(?=第\d+(?:个|位|段)?$|最前|最后|前面(?:去)?$|后面(?:去)?$)|"
                       r"排在|排到|排第|(?:变成|改成|成为)第\d+个$") or clause.has(MAKE_IT_FIRST)):
        return False
    clips = main_clips(state.draft)
    made = clause.search(MAKE_IT_FIRST)
    if made:  # "make clip 2 the first one", "make the dog clip the last clip": that clip, to that end
        named = [r for r in clip_refs(Clause(made.group(1), clause.quotes, clause.language, clause.source), state)
                 if r != MISSING]
        if not named:
            return False
        index = 0 if made.group(2) == "first" else len(clips) - 1
        state.edit(MoveClip(segment_id=named[0], to_index=index), focus_kind="clip")
        return True
    dest = _DEST_ZH.search(clause.text) if clause.language == "zh" else None
    if dest is not None:  # "把狗狗那段挪到第一个", "城市那段挪到最后一个": the place it goes names no clip
        moved = Clause(clause.text[:dest.start()] + clause.text[dest.start():dest.start(1)], clause.quotes,
                       clause.language, clause.source)
        targets = _targets(moved, state)
    else:
        targets = _targets(clause, state)
    if not targets:
        return False
    if MISSING in (targets or []) or targets is None:
        return _missing(clause, state, "moving a clip")
    if dest is not None and len(targets) == 1:
        place = dest.group(1)
        index = len(clips) - 1 if place in ("最后", "最末") else 0 if place == "最前" else \
            min(int({"一": "1", "二": "2", "两": "2", "三": "3"}.get(place, place)) - 1, len(clips) - 1)
        new_here = state.origin is not None and state.origin.find_segment(targets[0]) is None
        if new_here and [c.id for c in clips].index(targets[0]) == max(0, index):
            return True  # "照片加个慢慢推近的效果，放到最后": a clip this message added is there already
        if _moved_there(state, targets[0], max(0, index)):
            return True
        state.edit(MoveClip(segment_id=targets[0], to_index=max(0, index)), focus_kind="clip")
        return True
    focus = state.focus.segment_id if state.focus and state.focus.kind == "clip" else None
    if len(targets) == 1 and focus not in (None, targets[0]) and clause.has(
            r"\b(?:it|that one|this one)\b.*\b(?:before|after)\b|它.*(?:前面|后面|之前|之后)"):
        targets = [str(focus), targets[0]]  # "put it before the city": the clip just named, next to that one
    seg_id = targets[0]
    position = clause.search(r"\bposition\s*(\d+)|第(\d+)(?:个)?(?:位|位置)")
    if position:  # "...to position 1", "放到第1个位置": said outright, it wins over "最后" naming the clip
        index = int(position.group(1) or position.group(2)) - 1
    elif re.search(r"\b(?:start|beginning|front)\b|\bfirst$|开头|最前|最开始|放到第1个$|放在第1个$|(?:(?:拿|放|移|挪|搬)(?:到)?|换到)前面(?:去|吧)*$",
                   without_end_clips(clause.text)):  # "put the second clip first" ("把开头那段挪到最后": that clip, to the end)
        index = 0
    elif clause.has(r"\b(?:the )?end\b|\b(?:come|go|be|play)s? last\b|最后面|结尾|末尾|最后|(?:(?:拿|放|移|挪|搬)(?:到)?|换到)后面(?:去|吧)*$"):
        index = len(clips) - 1
    elif len(targets) == 1 and (anchor_said := clause.search(r"\b(after|before) the (first|second|third|last)\b(?! \d)")):
        anchor_id = clips[{"first": 0, "second": 1, "third": 2, "last": -1}[anchor_said.group(2)]].id \
            if len(clips) >= 3 or anchor_said.group(2) != "third" else None
        if anchor_id is None or anchor_id == seg_id:
            return False
        index = _index_beside([s.id for s in clips], seg_id, anchor_id, anchor_said.group(1) == "after")
    elif len(targets) >= 2:
        index = _index_beside([s.id for s in clips], seg_id, targets[1], clause.has(r"\bafter\b|后面|之后"))
    else:
        return False
    new_here = state.origin is not None and state.origin.find_segment(seg_id) is None
    if new_here and [s.id for s in clips].index(seg_id) == max(0, index):
        return True  # "照片加个慢慢放大的效果，放到最后": a clip this message added is there already
    if _moved_there(state, seg_id, max(0, index)):
        return True
    state.edit(MoveClip(segment_id=seg_id, to_index=max(0, index)), focus_kind="clip")
    return True


# the whole video's length said as a length: "make the whole thing 5 seconds long", "the video should be 6 s",
# "5 seconds total", "总时长5秒"
_LENGTH = r"\bmake (?:the (?:whole|entire|full) (?:thing|video|film|movie|edit)|everything|it all)\b|" \
          r"\b(?:should|must|needs? to) (?:be|last)\b|\b(?:total|overall) (?:length|duration|time)\b|" \
          r"\d\s*(?:seconds?|secs?|s) (?:in )?total\b|\b(?:length|duration) (?:to|of|at)\b|时长|总长|长度|" \
          r"(?:整个视频|全片|整体|视频)(?:要|就|只要|控制在|做成|弄成|变成|剪成)?\d|控制在\d|\b(?:video|it|thing) (?:to )?be \d|" \
          r"\b(?:want|need|like) (?:it|the (?:whole |entire )?(?:video|thing|total)) (?:to be |at |down to )?(?:just |only )?\d|" \
          r"\bi (?:want|need) (?:just |only )?\d+(?:\.\d+)?\s*(?:seconds?|secs?|s)\b(?! (?:of|from)\b)(?=\s*(?:$|[,.!]|total|in total|long))|" \
          r"\bfit (?:in(?:to)? |within )?(?:a |an |the )?\d|" \
          r"\d\s*(?:seconds?|secs?|s) (?:max|maximum|tops|at most|or less|or under)\b|" \
          r"^(?:and |but |also )?(?:maybe |about |like |around |only |just )?\d+(?:\.\d+)?\s*(?:seconds?|secs?|s) (?:long|in total)$|" \
          r"\b(?:max|maximum|at most|no (?:longer|more) than|(?:keep it |it'?s? )?under|less than) \d+(?:\.\d+)?\s*(?:seconds?|secs?|s)\b"  # "it needs to fit a 10 sec story", "8 seconds max"


# "make it longer", "make the video 5 seconds longer", "延长视频", "视频变长一点": trimming cannot lengthen it
_LONGER = r"(?<!\bno )(?<!\bnot )(?<!\bany )\blonger\b(?! than \d)|\blengthen\w*|\bextend\w*|\bstretch (?:it|the video|this)\b|延长|变长|加长|长一点|长一些|长\d"
_NOT_THE_VIDEO = r"\b(?:title|text|caption|subtitles?|music|song|bgm|soundtrack|crossfade|transitions?|fades?|dissolve|" \
                 r"sound|voice|photos?|pictures?|images?|slides?)\b|标题|文字|字幕|音乐|配乐|歌|转场|过渡|叠化|淡|音效|配音|照片|图片"


def _longer(clause: Clause, state: PlanState) -> bool:
    """Lengthening the video or a clip: ask how (a new clip, or slowing it down), never trim it instead."""
    if not clause.has(_LONGER) or clause.has(_NOT_THE_VIDEO) or clause.has(r"\b(?:shorter|trim|cut)\b|缩短|剪"):
        return False
    end = (state.draft.video_end_ms or state.draft.end_ms) / 1000
    if not end:  # nothing on the timeline yet: nothing to lengthen
        return False
    seconds = duration_ms(clause.text)
    if seconds is None:
        en = f"How much longer should it be? It is {end:g} s now. I can add a clip (for example: add a 5 second " \
             "clip of waves at the end) or slow it down (for example: slow it down to half speed)."
        zh = f"要长多少？现在是 {end:g} 秒。可以再加一个片段（例如：在最后加一段5秒的海浪视频），或者放慢速度（例如：慢放一半）。"
    else:
        more = f"{seconds / 1000:g}"
        en = f"The video is {end:g} s long; trimming cannot add {more} s. Should I add a {more} second clip (say what " \
             "it shows, for example: add a clip of waves at the end) or slow it down?"
        zh = f"视频现在是 {end:g} 秒，裁剪没法再加 {more} 秒。要再加一段{more}秒的片段（说说内容，例如：在最后加一段海浪视频），还是放慢速度？"
    state.actions.append(Unknown(clause.unquoted(), understood="a longer video", question=ask(clause, en, zh)))
    return True


# a clip started at a time inside it: "start the city clip at 0:04", "make it begin from 3 seconds", "start it 2 seconds in"
_STARTS_AT = re.compile(r"\b(?:start|begin)s?\b(?: (?:it|that|this|the (?:[\w ]{1,20}? )?(?:clip|one|shot|part|video)|clip \d+))?"
                        r"(?: (?:at|from) (?:second |the )?\d+(?:\.\d+)?\s*(?:seconds?|secs?|s)(?: mark)?"
                        r"| \d+(?:\.\d+)?\s*(?:seconds?|secs?|s) in(?:to (?:it|the (?:clip|shot)))?)(?: instead| please)?$")
_A_CLIP_OR_IT = r"\b(?:it|that|this|clip|one|shot|part|video)\b"


# a length to cut to said as a bare number: "cut the city clip to 7", "trim it down to seven", "shorten the video to 12"
_CUT_TO_BARE = re.compile(r"\b(?:cut|trim|shorten|chop|crop)\b.*?\b(?:down )?to (\d+(?:\.\d+)?|[a-z]+(?:[\s-][a-z]+)?)"
                          r"(?: (?:please|pls|thanks|instead|then))?$")


# the reason a cut is said for: "the intro is too long", "the ending drags" (group 1: the head)
_END_TOO_LONG = re.compile(r"\b(?:(intro|opening|beginning|start)|ending|outro|end)(?:'s| is| feels| seems)?"
                           r" (?:(?:way |a bit |kinda |too |so )*(?:long|slow)|drags?|dragging)\b")


# a half kept or cut away, of a clip or the video: "第一段只要后半段", "视频后半段都删了", "狗那段前一半不要"
_HALF_ZH = re.compile(r"^(?P<thing>[^，,\s]*?)(?:的)?(?:(?:只要|只留|只保留|保留|留下?|就要)(?P<kept>前|后)(?:面)?(?:1|一)?半(?:段|部分)?(?:就行|就好)?|"
                      r"(?P<cut>前|后)(?:面)?(?:1|一)?半(?:段|部分)?(?:都|全)?(?:不要了?|删了|删掉|剪掉|去掉|砍掉|剪了))$")


def _half(clause: Clause, state: PlanState) -> bool:
    """The first or the last half of a clip (or of the video) cut away: a trim by half its length."""
    said = _HALF_ZH.match(clause.text) if clause.language == "zh" else None
    clips = main_clips(state.draft)
    if said is None or not clips:
        return False
    named = clip_refs(Clause(said.group("thing"), clause.quotes, clause.language, clause.source), state)
    if MISSING in named or len(named) > 1 or said.group("thing") and not named and not re.fullmatch(
            r"(?:整个|这个|那个)?(?:视频|片子)?", said.group("thing")):
        return False
    head_off = said.group("kept") == "后" or said.group("cut") == "前"  # the first half goes
    if named and len(clips) > 1:
        length = clips[[c.id for c in clips].index(named[0])].duration_ms
        half = length // 2
        state.edit(TrimSegment(segment_id=named[0], cut_start_ms=half if head_off else 0,
                               cut_end_ms=0 if head_off else length - half), focus_kind="clip")
        return True
    end = state.draft.video_end_ms or state.draft.end_ms
    state.edit(Trim(start_ms=end // 2) if head_off else Trim(end_ms=max(1, end // 2)))
    return True


def _cut(clause: Clause, state: PlanState) -> bool:
    """Trim the whole video (to N s, its first/last N s off) or one clip (cut N s from its head/tail)."""
    if _upload_off_timeline(clause, state):  # "hike.mp4只要第3秒到第7秒那段": the part of an upload to add
        return False
    seconds = duration_ms(clause.text)
    if seconds is None and (said_span := time_range(clause.text)) is not None:
        seconds = said_span[1] - said_span[0]  # "only keep seconds 2 to 7": a span with its unit said first
    end = state.draft.video_end_ms or state.draft.end_ms
    bare = _CUT_TO_BARE.search(clause.text) if seconds is None else None
    if bare is not None:  # "cut the city clip to 7", "trim it down to seven": a length with its unit unsaid is seconds
        said = bare.group(1)
        count = float(said) if said[0].isdigit() else number_word(said)
        seconds = round(count * 1000) if count else None
    # "cut the video in half", "视频剪掉一半": half of it stays; "视频砍掉三分之一": two thirds stay
    share = clause.search(r"(?:剪|砍|缩短|裁|压缩?|做|变|弄)(掉|到|成|短)?(原来的?)?(一半|0\.\d+(?![\d秒倍%])|50%(?=长|的?长度|$))")  # "砍到一半长"
    halved = clause.has(r"\b(?:cut|trim|shorten|chop)\b.*\b(?:in|by) half\b|\bhalf (?:as long|the length)\b")
    named = [ref for ref in clip_refs(clause, state) if ref != MISSING]
    found = state.draft.find_segment(named[0]) if (share or halved) and seconds is None and len(named) == 1 \
        and len(main_clips(state.draft)) > 1 else None
    if found is not None:  # "城市那段砍掉一半", "第一段剪掉三分之一", "cut the city clip in half": off that clip's end, never the clip
        part = 0.5 if share is None or share.group(3) in ("一半", "50%") else float(share.group(3))
        kept = part if share is None or share.group(2) or share.group(1) in ("到", "成") else 1 - part
        length = found[1].duration_ms
        state.edit(TrimSegment(segment_id=named[0], cut_end_ms=length - max(1, round(length * kept))), focus_kind="clip")
        return True
    # "cut the clip in half" on a one-clip draft: that clip is the video, half of it stays (never the clip deleted)
    only_clip = len(named) == 1 and len(main_clips(state.draft)) == 1
    if seconds is None and end and (only_clip or not clip_refs(clause, state)) and (share or halved):
        part = 0.5 if share is None or share.group(3) in ("一半", "50%") else float(share.group(3))
        kept = part if share is not None and (share.group(2) or share.group(1) in ("到", "成")) else 1 - part
        state.edit(Trim(end_ms=max(1, round(end * kept))))
        return True
    if seconds is None and clause.has(r"\b(?:shorter|shorten|trim)\b|缩短|剪短|短一点|短一些") \
            and not clause.has(r"\b(?:title|text|caption|music|song)\b|标题|文字|字幕|音乐|歌"):
        named = [ref for ref in clip_refs(clause, state) if ref and ref != MISSING]
        found = state.draft.find_segment(named[0]) if len(named) == 1 and len(main_clips(state.draft)) > 1 else None
        if found is not None:  # "把城市那段剪短一点": one clip of several, a fifth off its end (at least a second)
            length = found[1].duration_ms
            cut = max(1000, round(length / 5 / 500) * 500)
            if cut < length:
                state.edit(TrimSegment(segment_id=named[0], cut_end_ms=cut), focus_kind="clip")
                return True
        state.actions.append(Unknown(clause.unquoted(), question=ask(
            clause, "How long should it be? For example: cut it to 10 seconds, or make the first clip 2 seconds "
            "shorter.", "要剪到多长？例如：剪到10秒，或者第一个片段缩短2秒。")))
        return True
    starts = _STARTS_AT.search(clause.text)
    if seconds is None or not starts and not clause.has(r"\b(?:trim|cut|shorten|shorter|keep|remove|delete|drop|chop|crop|reduce|"
                                         r"(?:only|just) (?:want|need)|(?:want|need) (?:only|just) the|"
                                         r"get rid of|lose|nix|toss|shave|take\b.*\b(?:off|away)|take out|"
                                         r"(?:start|end|begin|finish)\w*\b.*\b(?:later|earlier|sooner)|(?:in|out)[- ]?points?|"
                                         r"(?:end|stop|finish)(?:s|ed)? (?:the (?:whole )?(?:video|thing) |it |everything )?(?:at|after) \d+|"
                                         r"make (?:it|(?:this|that)(?= \d)|the (?:whole |entire )?video|(?:the|this|that) (?:\w+ )?(?:clip|one|shot|part|bit|photo|picture|pic|image|still)|(?:clip|shot|scene|segment) #?\d+))\b|"
                                         r"(?:change|set) (?:the (?:whole |entire )?video|(?:the|this|that) (?:\w+ )?(?:clip|one|shot|part|bit)|(?:clip|shot|scene|segment) #?\d+) to \d|" + _LENGTH + "|"
                                         r"剪(?!影|纸)|裁|掐|缩短|保留|只留|留下|留着|留(?=前|后|\d)|删|去掉|改成|改为|变成|变(?=\d)|(?:换|调|设)成(?=\d)|只要|就要(?=前|后|最后|开头|结尾|\d)|" + _WISHED_LENGTH_ZH + r"|不要|压到|压缩到|提前\d|推迟\d|晚\d|短\d|"
                                         r"(?:压|缩|砍|控制)(?:缩)?到\d|短个\d|入点|出点|截到\d|秒(?:的?(?:地方|那里|那儿|位置|处))?(?:就|的时候)?(?:结束|停|完)"):
        return False
    targets = _targets(clause, state)
    if targets is None:
        return _missing(clause, state, "a trim")
    clips = main_clips(state.draft)
    if len(clips) == 1 and targets == [clips[0].id]:
        targets = []  # "trim the clip to 6 seconds" of the one clip there: the video is the clip, it is cut as a whole
    if not targets and len(clips) > 1 and clause.has(r"^(?:please )?make (?:the|this|that) (?:clip|one|shot)\b"):
        # "make the clip 7 seconds" with several clips: which one is not said
        state.actions.append(Unknown(clause.unquoted(), understood="a trim", question=ask(
            clause, f"Which clip? The video has {len(clips)} clips; for example: make the first clip 7 seconds.",
            f"是哪个片段？视频有 {len(clips)} 个片段，例如：第一个片段剪到7秒。")))
        return True
    if _cut_span(clause, state, targets, end) or _cut_ends(clause, state, targets, end):
        return True
    if starts and not targets and not clause.has(_A_CLIP_OR_IT if len(clips) == 1 else r"\b(?:the (?:whole |entire )?video|it)\b"):
        return False  # "start at 3 seconds": what starts there is not said (the music? a title?)
    if starts:
        # "start the city clip at 0:04", "the dog clip should begin 2 seconds in": where it starts inside itself
        seg = state.draft.find_segment(targets[0]) if targets else None
        length = seg[1].duration_ms if seg is not None else end
        if seconds >= length:
            return _too_much(clause, state, "clip" if targets else "video", length, seconds, True)
        state.edit(TrimSegment(segment_id=targets[0], cut_start_ms=seconds) if targets else Trim(start_ms=seconds),
                   focus_kind="clip" if targets else None)
        return True
    # "first"/"last" also name clips ("the first clip"): only "first 3 s", "the start", "开头" mean the head
    head = clause.has(r"\b(?:starts?|beginning|opening|intro|head|front)\b|\bfirst \d|前\d|前面|前头|开头|开始的|头上|头部|(?:推迟|晚)\d") and not clause.has(
        r"\b(?:end|finish)\w*\b.*\b(?:earlier|sooner)\b|提前\d")
    tail = clause.has(r"\b(?:end|ending|outro|tail)\b|\b(?:last|final) \d|后\d|后面|后头|最后|结尾|末尾|尾上|尾部|尾巴")
    # removing N seconds ("cut 2 s", "2 s off", "3 s shorter", "缩短3秒") versus keeping N ("to 10 s", "缩短到10秒")
    to = bare is not None or clause.has(r"\bto (?:(?:its|the) )?(?:first )?\d|只留|留下|留(?=前|后|\d)|(?:压|缩|砍|控制|剪|裁|掐|截)(?:缩|短)?(?:到|成)\d|\d\s*(?:seconds?|secs?|s)\s+(?:long|in total|total|overall|altogether|all together)\b|缩短到|改成|改为|变成|(?:换|调|设)成(?=\d)|变(?=\d)|只要|就要(?=前|后|最后|开头|结尾|\d)|保留|" + _WISHED_LENGTH_ZH)
    # "end 3 seconds earlier" / "start 1 second later": that much off the end / the start
    cutting = not to and clause.has(r"\b(?:cut|remove|delete|drop|chop|lose|skip|get rid of|shave|take out)\b|\boff\b|\bshorter\b|"
                                    r"\btrim (?:off )?(?:the )?(?:last|first|final|opening) \d|"  # "trim the last 2 seconds": those go
                                    r"\b(?:earlier|sooner|later)\b|提前\d|推迟\d|晚\d|"
                                    r"\bby \d|剪掉|删掉|去掉|删除|裁掉|砍掉|不要|缩短|剪短(?!到)|短(?:了|个)?\d|减少|剪了|删了|给剪|砍了|"
                                    r"(?:剪|裁)\d|掐(?!到|成)")  # "前面剪三秒", "掐掉开头两秒": that much off
    # "the intro is too long, trim 2 seconds": an end said too long in the message's reason; a trim of N (never "to N")
    # takes N off that end
    if not head and not tail and (reason := _END_TOO_LONG.search(clause.source.lower())) is not None:
        head, tail = reason.group(1) is not None, reason.group(1) is None
    cutting = cutting or not to and (head or tail) and clause.has(r"\b(?:trim|shorten)\b")
    keep_first = clause.has(r"\bkeep (?:only )?the first\b|\b(?:only|just) (?:want|need|keep) the first \d|"
                            r"\b(?:want|need) (?:only|just) the first \d|"
                            r"只保留前|保留前|(?:只|就)要前|(?:只)?留(?:下)?前")
    # "keep only the last 5 seconds", "只保留最后5秒": the end stays ("keep the last 10 seconds only" reads "last only 10")
    keep_last = clause.has(r"\b(?:keep|leave) (?:only |just )?(?:the )?(?:last|final|最后) ?(?:only |just )?\d|\bonly (?:keep |want )?the (?:last|final) \d|"
                           r"(?:只|就)?(?:保留|留下?|要)(?:最)?后(?:面)?(?:的)?\d|^最后(?:的)?\d+(?:\.\d+)?秒(?:钟)?(?:的)?(?:就)?(?:留下|留着|保留)")
    if targets:
        seg = state.draft.find_segment(targets[0])
        assert seg is not None
        length = seg[1].duration_ms
        if seconds >= length:  # more than the clip holds: never a blank clip
            return _too_much(clause, state, "clip", length, seconds, cutting)
        if keep_last:  # "keep only the last 2 seconds of the first clip"
            state.edit(TrimSegment(segment_id=targets[0], cut_start_ms=length - seconds), focus_kind="clip")
        elif keep_first:
            state.edit(TrimSegment(segment_id=targets[0], cut_end_ms=length - seconds), focus_kind="clip")
        elif cutting and head and not tail:
            state.edit(TrimSegment(segment_id=targets[0], cut_start_ms=seconds), focus_kind="clip")
        elif cutting:  # from the end unless the start is named: "3 seconds shorter" keeps the opening
            state.edit(TrimSegment(segment_id=targets[0], cut_end_ms=seconds), focus_kind="clip")
        else:
            state.edit(TrimSegment(segment_id=targets[0], cut_end_ms=max(0, length - seconds)), focus_kind="clip")
        return True
    if not end:  # nothing on the timeline to cut ("狗那段保留最后两秒" on an empty project): the rules' question
        return False
    if seconds <= 0:  # "…改成0秒": no length to cut the video to (a fade's or a sound's, elsewhere)
        return False
    # a target as long as the video or longer ("trim the video to a minute" of 15 s) would change nothing
    if seconds >= end:
        return _too_much(clause, state, "video", end, seconds, cutting)
    if keep_last:
        state.edit(Trim(start_ms=end - seconds))
    elif keep_first or not cutting:
        state.edit(Trim(end_ms=seconds))
    elif tail or not head and clause.has(r"\bshorter\b|\bshorten\b|缩短|剪短(?!到)|短(?:了|个)?\d"):  # "3 seconds shorter", "shorten it by 3": the opening stays
        state.edit(Trim(end_ms=max(1, end - seconds)))
    else:
        state.edit(Trim(start_ms=seconds))
    return True


# "delete everything after 9 seconds", "cut it at 4 seconds and throw away the rest", "9秒之后的都删掉": the end; "everything
# before 3 seconds", "3秒之前的不要": the start
_AFTER = re.compile(r"\b(?:after|past|beyond)\s+(?:the\s+)?(\d+(?:\.\d+)?)\s*(?:seconds?|secs?|s)\b|"
                    # where the video ends: "end the video at 11 seconds", "the video should stop at 11s", "视频在第11秒结束"
                    r"\b(?:end|stop|finish)(?:s|ed)? (?:the (?:whole )?(?:video|thing)|it|everything) (?:at|after)\s+(\d+(?:\.\d+)?)\s*(?:seconds?|secs?|s)?\b|"
                    r"\b(?:video|it|everything) (?:should |has to |needs to |must )?(?:end|stop|finish)s? (?:at|after)\s+(\d+(?:\.\d+)?)\s*(?:seconds?|secs?|s)?\b|"
                    r"(?:(?:在|到)第?|第)(\d+(?:\.\d+)?)秒(?:的?(?:地方|那里|那儿|位置|处))?(?:就|的时候)?(?:结束|停|完)|"  # ("提前3秒结束" is 3 s off the end)
                    r"\bcut (?:it |the video |this )?(?:off )?at\s+(?:the\s+)?(\d+(?:\.\d+)?)\s*(?:seconds?|secs?|s)\b|"
                    r"(\d+(?:\.\d+)?)秒(?:之后|以后|后面|往后)|"
                    # "从第6秒开始全删了", "从6秒开始后面都删掉", "delete everything from 6 seconds on": from then on, gone
                    r"从第?(\d+(?:\.\d+)?)秒(?:开始)?(?:往后|以后|之后|后面)?(?:的)?(?:都|全|全部)(?:给)?(?:删|不要|去掉|剪掉)|"
                    r"\b(?:from|starting at)\s+(?:the\s+)?(\d+(?:\.\d+)?)\s*(?:seconds?|secs?|s)\s+(?:on(?:wards?)?|to the end)\b")
_BEFORE = re.compile(r"\b(?:before|up to|until)\s+(?:the\s+)?(\d+(?:\.\d+)?)\s*(?:seconds?|secs?|s)\b|(\d+(?:\.\d+)?)秒(?:之前|以前|前面)")
# the length a clip should have, said as a wish: "城市那段应该只有6秒", "只需要6秒", "只能有6秒" (like "只要6秒")
_WISHED_LENGTH_ZH = r"(?:应该|应当)(?:只有|只要|是|就)?(?=\d)|只(?:有|需要?|能有|能)(?=\d)"
_KEEP = r"\b(?:keep|only|just|leave|trim|crop)\b|保留|留下|只留|只要|剪到|截取|留|" \
        r"\b(?:the rest|everything else|except)\b|除了|(?:其他|其余|剩下|剩余)的?(?:部分)?(?:都|全)?(?:剪掉|删掉|不要|去掉)"  # "从第二秒到第十秒，其他的都剪掉"


def _cut_span(clause: Clause, state: PlanState, targets: list[str], end: int) -> bool:
    """A span of the video kept ("keep only 2s to 8s", "把视频从第3秒剪到第12秒"), or all after / before a time removed;
    on a clip named, of that clip. False when the clause says no such span."""
    span = time_range(clause.text)
    after, before = _AFTER.search(clause.text), _BEFORE.search(clause.text)
    removing = not clause.has(r"\bthe rest\b|(?:其他|其余|剩下|剩余)的") and (
        clause.has(r"^(?:cut|remove|delete|drop|lose|get rid of)\b|^(?:剪掉|删掉|去掉)") or not clause.has(_KEEP) and
        clause.has(REMOVE + r"|\bcut\b|剪掉|删掉"))
    whole = [seg for seg in main_clips(state.draft) if span is not None and (seg.start_ms, seg.end_ms) == span]
    if span is not None and removing and whole:  # "remove the city clip from 0 to 10s": that clip, gone
        state.edit(DeleteSegment(segment_id=whole[0].id))
        state.focus = None
        return True
    if span is not None and removing and end:
        # "cut between 12 and 15 sec": a stretch of the video at one of its ends is removed (times are the video's)
        if span[1] >= end > span[0] > 0:
            state.edit(Trim(end_ms=span[0]))
            return True
        if span[0] == 0 and span[1] < end:
            state.edit(Trim(start_ms=span[1]))
            return True
        return False
    if span is not None and clause.has(_KEEP):
        start, stop = span
    elif after is not None and not span:
        start, stop = 0, round(float(next(g for g in after.groups() if g)) * 1000)
    elif before is not None and not span and clause.has(REMOVE + r"|\b(?:cut|trim|throw away)\b|剪|删|不要"):
        start, stop = round(float(next(g for g in before.groups() if g)) * 1000), 0
    else:
        return False
    if targets:
        seg = state.draft.find_segment(targets[0])
        assert seg is not None
        length = seg[1].duration_ms
        stop = stop or length
        if start >= min(stop, length):
            return _too_much(clause, state, "clip", length, start, True)
        state.edit(TrimSegment(segment_id=targets[0], cut_start_ms=start, cut_end_ms=max(0, length - stop)),
                   focus_kind="clip")
        return True
    if end and start >= end:
        return _too_much(clause, state, "video", end, start, True)
    state.edit(Trim(start_ms=start, end_ms=min(stop, end or stop) or None))
    return True


# "cut the first second and the last second", "前两秒和后两秒"
_BOTH_ENDS = r"\b(?:both ends|each end|either end|start and (?:the )?end|beginning and (?:the )?end)\b|掐头去尾|前后|首尾|头尾|" \
             r"\bfirst (?:and|&) (?:the )?(?:last|final) (?:\d+(?:\.\d+)?\s*)?(?:seconds?|secs?|s)\b|" \
             r"\bfirst \d[^,]*?\b(?:and|&) (?:also )?(?:(?:cut|trim|shave|chop|remove|take) )?(?:the )?(?:last|final) \d|" \
             r"\b\d+(?:\.\d+)?\s*(?:seconds?|secs?|s)? (?:at|from|off) the (?:start|beginning) and (?:\d+(?:\.\d+)?\s*(?:seconds?|secs?|s)? )?" \
             r"(?:at|from|off) the end\b|" \
             r"开头(?:\d+(?:\.\d+)?秒)?(?:和|跟|、)?结尾|前(?:面|边)?(?:的)?\d+(?:\.\d+)?秒(?:和|跟|、|以及|\s)?(?:后|最后|后面|后边|结尾)(?:的)?\d"  # "前两秒后两秒都剪掉"
_EACH_CLIP = r"\b(?:each|every|all(?: the)?|both) (?:clips?|shots?|scenes?)\b|每个片段|每段|每个镜头|所有片段|(?<![第\d.])(?:两|2)(?:个)?(?:片段|段)"


def _cut_ends(clause: Clause, state: PlanState, targets: list[str], end: int) -> bool:
    """Cuts said of both ends ("trim a second off each end", "前两秒和后两秒都剪掉", "掐头去尾，前后各剪一秒"), of the
    middle kept ("狗那段只要中间的三秒"), of each clip ("remove the first 2 seconds of each clip"), or of a clip's in
    and out points ("set the in point of clip 2 one second later", "the out point of the city shot at 7 seconds")."""
    said = [ms for ms, _, _ in find_durations(clause.text)]
    if not said and clause.has(r"\bfirst (?:and|&) (?:the )?(?:last|final) second\b"):
        said = [1000]  # "cut the first and last second": a second off each end
    if not said or clause.has(r"\b(?:keep|only|leave)\b.*\bfirst (?:and|&) (?:the )?(?:last|final)\b"):
        return False  # "keep only the first and last second": what stays, not what goes
    clips = [state.draft.find_segment(sid) for sid in targets]
    if not targets and clause.has(_EACH_CLIP) and clause.has(r"\b(?:first|start|beginning|opening)\b|前\d|开头"):
        for seg in main_clips(state.draft):  # "a jump cut": the first N s off every clip
            if said[0] < seg.duration_ms:
                state.edit(TrimSegment(segment_id=seg.id, cut_start_ms=said[0]))
        return True
    length = clips[0][1].duration_ms if clips and clips[0] is not None else end
    if clause.has(_BOTH_ENDS):
        # "2 seconds at the start and 1 at the end", "the first 3 seconds and the last 2"
        bare = clause.search(r"\band (\d+(?:\.\d+)?) (?:at|from|off) the end\b|\b(?:last|final) (\d+(?:\.\d+)?)(?![\d.]|\s*(?:%|x\b|seconds?|secs?|s\b))")
        bare_ms = round(float(bare.group(1) or bare.group(2)) * 1000) if bare else None
        head, tail = (said[0], said[1]) if len(said) >= 2 else (said[0], bare_ms if bare_ms is not None else said[0])
    elif clause.has(r"\b(?:middle|center|centre)\b|中间"):  # the middle N s stay
        head = tail = max(0, (length - said[0]) // 2)
    elif targets and clause.has(r"\bin[- ]?point\b|入点"):
        head, tail = said[0], 0
    elif targets and clause.has(r"\bout[- ]?point\b|出点"):
        head, tail = 0, said[0] if clause.has(r"\b(?:earlier|sooner|by)\b|提前") else max(0, length - said[0])
    else:
        return False
    if head + tail >= length:
        return _too_much(clause, state, "clip" if targets else "video", length, head + tail, True)
    if targets:
        state.edit(TrimSegment(segment_id=targets[0], cut_start_ms=head, cut_end_ms=tail), focus_kind="clip")
    else:
        state.edit(Trim(start_ms=head, end_ms=end - tail if tail else None))
    return True


def _too_much(clause: Clause, state: PlanState, what: str, length: int, seconds: int, cutting: bool) -> bool:
    """Cutting as much as (or more than) the video or a clip holds, or cutting it to more than it is: say so
    instead of leaving a blank video ("make it 20 seconds shorter" of 15 s, "把第一个片段剪到30秒" of 10 s)."""
    have, want = f"{length / 1000:g}", f"{seconds / 1000:g}"
    zh_what = "视频" if what == "video" else "这个片段"
    if cutting:
        en = f"The {what} is only {have} s long, so {want} s cannot come off it. How long should it be? " \
             f"For example: cut it to {max(1, length // 2000)} seconds."
        zh = f"{zh_what}只有 {have} 秒，剪不掉 {want} 秒。要剪到多长？例如：剪到{max(1, length // 2000)}秒。"
    else:
        en = f"The {what} is already {have} s long, so trimming it to {want} s would change nothing. To make it " \
             "longer, I can add a clip (for example: add a 5 second clip of waves at the end) or slow it down " \
             "(for example: slow it down to half speed)."
        zh = f"{zh_what}现在只有 {have} 秒，剪到 {want} 秒不会有任何变化。要变长，可以再加一个片段" \
             "（例如：在最后加一段5秒的海浪视频），或者放慢速度（例如：慢放一半）。"
    state.actions.append(Unknown(clause.unquoted(), question=ask(clause, en, zh)))
    return True


_KEPT_AFTER = r"(?:[,;]\s*|\s+)(?:and |but )?(?:just |only )?(?:keep|leave|save)\b.*$|[，,\s](?:只)?(?:保留|留下|留着).*$"


# one clip kept, the rest said away by keeping it alone: "只保留城市那段", "只要狗那段就行", "城市那段留着就行"
_KEEP_ONLY_ZH = re.compile(r"^(?:我)?(?:只|就)(?:要|留|保留|留下)(?P<a>(?:(?![秒%倍])[^，,\s]){1,10}?)(?:就行|就好|就够了|吧)*$|"
                           r"^(?P<b>(?:(?![秒%倍])[^，,\s]){1,10}?)(?:只|就)?(?:保留|留着|留下)(?:就行|就好|就够了|吧)*$")


def _keep_only(clause: Clause, state: PlanState) -> bool:
    """"只保留城市那段": every other clip deleted (never a trim: no time is said)."""
    said = _KEEP_ONLY_ZH.match(clause.text) if clause.language == "zh" else None
    clips = [c.id for c in main_clips(state.draft)]
    if said is None or len(clips) < 2:
        return False
    named = clip_refs(Clause(said.group("a") or said.group("b"), clause.quotes, clause.language, clause.source), state)
    if len(named) != 1 or named[0] not in clips:
        return False
    for other in clips:
        if other != named[0]:
            state.edit(DeleteSegment(segment_id=other))
    state.focus = None
    return True


def _delete(clause: Clause, state: PlanState) -> bool:
    if _keep_only(clause, state):
        return True
    if not clause.has(REMOVE + r"|\bcut\b|剪掉|剪了|砍掉"):  # "第二段剪掉": that clip out
        return False
    kept = clause.search(_KEPT_AFTER)  # "delete the city clip, just keep the dog": the clip kept is no target
    targets = _targets(dataclasses.replace(clause, text=clause.text[:kept.start()]) if kept else clause, state)
    if targets is None:
        return _missing(clause, state, "deleting a clip")
    if not targets:
        return False
    for target in targets:
        state.edit(DeleteSegment(segment_id=target))
    state.focus = None
    return True


def _without_upload(clause: Clause, state: PlanState) -> Clause:
    """The clause without the words that name an upload ("my hike video", "the hike one"), so they name no clip."""
    uploads = [m for m in state.context.media if m.uploaded and m.kind in ("video", "image")]
    if not uploads:
        return clause
    word = r"[a-z0-9_.-]+" if clause.language == "zh" else r"[\w.-]+"  # (a Chinese run of Han is no one word)
    text = re.sub(rf"\b(?:(?:my|the|this|that) )?({word})(?: (?:video|vid|clip|footage|one|photo|pic|picture|image))?\b",
                  lambda m: " " if any(names_upload(m.group(1), u) for u in uploads) else m.group(0), clause.text)
    if clause.language == "zh":  # "城市换成我拍的徒步视频": the words for what the upload shows, and its kind
        for size in (3, 2):
            for start in range(len(text) - size + 1):
                said = text[start:start + size]
                if re.fullmatch(r"[\u4e00-\u9fff]+", said) and any(names_upload(said, u) for u in uploads):
                    text = re.sub(rf"{said}(?:那段|那个)?(?:的)?(?:视频|片段|素材|照片|图片)?", " ", text)
    return dataclasses.replace(clause, text=text)


def _named_upload(clause: Clause, state: PlanState) -> MediaRef | None:
    text = clause.unquoted().lower()
    for media in state.context.media:
        if media.uploaded and media.kind in ("video", "image") and names_upload(text, media):
            return media
    return None


_UPLOAD = r"\b(?:uploaded|uploads?|my|mine)\b|上传|我的|我(?:自己)?传的|我传了|我自己拍的"


# a photo as what takes a clip's place: "用照片替换掉城市那段", "把城市那段换成照片", "replace the city clip with my photo"
# (not "with a photo of a beach": a scene)
_PHOTO_INSTEAD = r"(?:用|换成|替换成|换为)(?:我的|我上传的|我传的|那张|这张)?(?:照片|图片|相片)|(?:照片|图片|相片)(?:来)?(?:替换|代替|取代|换掉)|" \
                 r"\b(?:with|for|by) (?:my |the |a |an )?(?:uploaded )?(?:photo|picture|pic|image)\b(?! of\b)"


def _replace_with_upload(clause: Clause, state: PlanState) -> bool:
    """"replace the first clip with the video I uploaded", "用我上传的视频替换第一个片段", "把第一个片段换成我上传的视频":
    the upload takes the clip's place; when several uploads could be meant, ask which."""
    if not clause.has(r"\b(?:instead of|in place of|replac(?:e|ing)|swap|switch)\b|替换|换掉|代替|取代|换成"):
        return False
    if clause.has(_PHOTO_INSTEAD) and not any(m.uploaded and m.kind == "image" for m in state.context.media):
        # "用照片替换掉城市那段" with no photo uploaded: say so, never a clip generated of "a photo"
        state.actions.append(Unknown(clause.unquoted(), understood="replacing a clip with an uploaded photo", question=ask(
            clause, "There is no uploaded photo yet: upload it first (drop it on the page), then say which clip it "
            "replaces, for example: replace the first clip with my photo.",
            "还没有上传照片：请先上传（拖到页面上），再说要替换哪一段，例如：用我的照片替换第一个片段。")))
        return True
    if not clause.has(_UPLOAD) and not clause.has(_PHOTO_INSTEAD) and _named_upload(clause, state) is None and \
            _the_photo(clause, state) is None:
        return False
    placement = placement_of(clause, state)
    ref = placement[1] if placement is not None and placement[0] == "replace" else None
    if ref is None:
        refs = clip_refs(_without_upload(clause, state), state)  # "swap it for my hike video": the hike is no clip there
        if MISSING in refs:  # "replace the first clip with my video" on an empty timeline
            return _missing(clause, state, "replacing a clip")
        clips = main_clips(state.draft)
        if len(refs) == 1 and clause.has(r"\b(?:swap|switch)\b.*\bwith\b"):
            ref = refs[0]  # "swap the city clip with my hike video": one clip and an upload, not two clips
        elif not refs and clause.language == "zh" and (named := re.search(r"(?:替换掉?|代替|取代|换掉)(?!现在|这个|当前|这|那个)([\u4e00-\u9fff]{1,6}?)的(?:视频|片段|镜头)", clause.text)):
            shown = [r for r in clip_refs(dataclasses.replace(clause, text=f"{named.group(1)}那段"), state) if r != MISSING]
            if len(shown) != 1:  # "照片替换掉城市的视频": a clip by what it shows
                return False
            ref = shown[0]
        elif not refs and clause.has(r"\b(?:swap|switch|replace) (?:it|this|that)\b") and state.focus is not None \
                and state.focus.kind == "clip" and state.focus.segment_id and state.draft.find_segment(state.focus.segment_id):
            ref = state.focus.segment_id  # "the city clip is boring, swap it for my hike video": the clip just named
        elif refs or len(clips) != 1 or not clause.has(r"\bthe (?:clip|shot|video)\b|\b(?:swap|switch|replace) (?:it|this)\b|"
                                                       r"这个片段|那个片段|这段|这1段|现在的(?:片段|视频)|这个视频|当前的?(?:片段|视频)"):
            return False
        else:
            ref = clips[0].id  # "replace the clip with my photo": the one clip there is
    # the clip being replaced says no kind of upload: "replace the city clip with my photo" ("the hike one" is the upload)
    uploads = [m for m in state.context.media if m.uploaded]
    said = re.sub(r"\b(?:the|this|that) (?:[\w-]+ ){0,3}?(?:clip|shot|one|part)\b|\bshot \d+\b|"
                  r"(?<=替换|代替|取代|换掉)掉?[\u4e00-\u9fff]{1,6}?的?(?:视频|片段|镜头)",
                  lambda m: m.group(0) if any(names_upload(m.group(0), u) for u in uploads) else " ", clause.text)
    meant = uploads_meant(dataclasses.replace(clause, text=said), state, ("video", "image"))
    if not meant:
        return False
    if len(meant) > 1:
        names = [m.name for m in meant]
        state.actions.append(Unknown(clause.unquoted(), understood="replacing a clip with an upload", question=ask(
            clause, f"Which upload should replace the clip: {', '.join(names[:-1])} or {names[-1]}?",
            f"要用哪个上传的文件替换这个片段：{'、'.join(names[:-1])} 还是 {names[-1]}？")))
        return True
    media = meant[0]
    seconds = duration_ms(clause.text)
    state.edit(AddClip(src=media.src, duration_ms=seconds or media.duration_ms or 3000, name=media.name,
                       at="replace", ref=ref), focus_kind="clip")
    return True


def _the_photo(clause: Clause, state: PlanState) -> MediaRef | None:
    """"add the photo at the end", "照片加进来", "把海滩照片加到最后": a photo said with no owner is the uploaded one
    that is not on the timeline yet (a video would be the video itself)."""
    if not clause.has(r"\bthe (?:[\w-]+ )?(?:photo|picture|image|pic)\b|照片|图片|相片") and not clause.has(_PHOTO_FIRST):
        return None
    on_timeline = {seg.src for seg in main_clips(state.draft)}
    photos = [m for m in state.context.media if m.uploaded and m.kind == "image" and m.src not in on_timeline]
    return photos[-1] if photos else None


# a photo said bare, first, as dictation drops the article: "photo last please", "pic first" (not "photo of a ...")
_PHOTO_FIRST = r"^(?:(?:and|then|also|now|ok|okay|oh|so)\s+)*(?:(?:put|add|move|place|stick)\s+)?(?:photo|picture|pic|image)\b(?!\s+(?:of|shoot|booth|album|frame)\b)"

_KIND_WORDS = {"video": r"\b(?:videos?|vids?|footage|clips?|recordings?|mp4|mov)\b|视频|录像|素材",
               "image": r"\b(?:photos?|pictures?|images?|pics?|stills?|png|jpe?g|selfie)\b|照片|图片|相片|图|截图"}


# the end said outright, as a place of its own: "... and the photo at the end", "the hike video last"
_AN_END = r"\bend\b|\b(?:last|final)$|\b(?:last|final)(?= (?:please|pls|thanks))|最后|结尾"


# which of the uploads just listed goes first, said after them: "..., photo first", "，照片在前", "，先放视频"
_FIRST_AMONG = re.compile(r"\s*[，,]\s*(?:(?:the|my) )?(?P<en>photo|picture|pic|image|video|vid|footage|clip)s? (?:first|goes first|before(?: it| the other)?)"
                          r"(?: please| pls)?$|\s*[，,]\s*(?:(?:先放|先)(?P<zh1>照片|图片|相片|视频)|(?P<zh2>照片|图片|相片|视频)(?:在前(?:面)?|放前面|先|放在前面))(?:吧)?$")


# where the uploads listed all go, said last: "…，都放城市后面", "…，全都加到最后"
_ALL_PLACED_ZH = re.compile(r"\s*[，,]\s*(?:都|全都|全部|一起)(?:放|加|接|插)(?:在|到)?(?P<place>[^，,]{1,10}?(?:前面|后面|之前|之后|最前面?|最后面?|开头|结尾))(?:吧|就行)?$")


def _uploads_listed(clause: Clause, state: PlanState) -> bool:
    """Several uploads added in one request, in the order said: "add the hike video and the beach photo after the city",
    "照片和视频都加到后面" (one place: each after the one before), "hike.mp4放到最前面，照片放最后" (a place each); which
    goes first said after them ("..., photo first") orders them."""
    together = _ALL_PLACED_ZH.search(clause.text)
    if together is not None and "，" in clause.text[:together.start()].replace(",", "，"):
        # "照片3秒，hike视频接在照片后面，都放城市后面": the place said for them all is where the first goes, the rest
        # each after the one before (or where its own words put it)
        head, _, rest = re.sub(r"\s*,\s*", "，", clause.text[:together.start()]).partition("，")
        return _uploads_listed_in(dataclasses.replace(clause, text=f"{head}放{together.group('place')}，{rest}"), state, None)
    first = _FIRST_AMONG.search(clause.text)
    if first is not None:
        kind = first.group("en") or first.group("zh1") or first.group("zh2")
        return _uploads_listed_in(dataclasses.replace(clause, text=clause.text[:first.start()]), state,
                                  "image" if re.search(_KIND_WORDS["image"], kind) else "video")
    return _uploads_listed_in(clause, state, None)


def _uploads_listed_in(clause: Clause, state: PlanState, first_kind: str | None) -> bool:
    sides = [dataclasses.replace(clause, text=part) for part in re.split(r"\s*[，,]\s*", clause.text) if part]
    verb = re.match(r"^(?:put|add|place|insert|move|stick)\b", clause.text)
    if len(sides) == 1 and verb:  # "put the hike video at the start and the photo at the end": a place each, one verb
        parts = re.split(r"\s+and\s+(?=(?:the|my)\b|[\w-]+\.(?:jpe?g|png|webp|heic|mp4|mov)\b)", clause.text)
        sides = [dataclasses.replace(clause, text=p if k == 0 else f"{verb.group(0)} {p}") for k, p in enumerate(parts)]
        if len(sides) > 1 and not all(placement_of(side, state) not in (None, ("end", None)) or side.has(_AN_END)
                                      for side in sides):
            sides = sides[:1]
    if len(sides) > 1 and first_kind is None and \
            all(_named_upload(side, state) or _the_photo(side, state) or _my_upload(side, state) for side in sides):
        trial = state.fork()
        if all(_add_upload(side, trial) for side in sides):
            state.__dict__.update(trial.__dict__)
            return True
        return False
    parts = re.split(r"\s*(?:\band\b|和|跟|、|以及|[+＋])\s*", without_place(clause.text))
    found: list[MediaRef] = []
    for part in parts:
        said = dataclasses.replace(clause, text=part)
        kinds = tuple(k for k in ("video", "image") if re.search(_KIND_WORDS[k], part))
        media = _named_upload(said, state) or (find_media(said, state, kinds) if len(kinds) == 1 else None)
        if media is None or media in found:
            return False
        found.append(media)
    if len(found) < 2:
        return False
    if first_kind is not None:  # "..., photo first": the one of that kind before the others
        found.sort(key=lambda media: media.kind != first_kind)
    # each upload where its own words put it ("the beach photo goes first and hike.mp4 last"), else where the request
    # puts them all, each after the one before ("add the hike video and the beach photo after the city")
    own = [_own_place(dataclasses.replace(clause, text=part), state)
           for part in re.split(r"\s*(?:\band\b|和|跟|、|以及|[+＋])\s*", clause.text)] if len(parts) == len(found) else []
    placement: tuple[str, str | None] = placement_of(clause, state) or ("end", None)
    for index, media in enumerate(found):
        at = (own[index] if own else None) or placement
        added = state.edit(AddClip(src=media.src, duration_ms=media.duration_ms or 3000, name=media.name,
                                   at=at[0], ref=at[1]), focus_kind="clip")  # type: ignore[arg-type]
        if added and placement[0] != "end":
            placement = ("after", added[0])
    return True


# a clip named first as where an upload goes, then the verb ("徒步视频后面加照片", "在城市那段前面插hike"), or the upload
# first, then where it goes ("照片放到徒步视频前面")
_PLACED_FIRST_ZH = re.compile(r"^(?P<place>(?:在)?[^，,。\s]{1,10}?(?:那段)?(?:的)?(?:后面|前面|之后|之前|后边|前边))"
                              r"(?P<added>(?:再)?(?:加|接|插|补|放)(?:上|进)?.+)$")
_ADDED_FIRST_ZH = re.compile(r"^(?P<added>(?:把|将)?[^，,。\s]{1,12}?)(?:放|插|挪|移|加|接)(?:到|在)"
                             r"(?P<place>[^，,。\s]{1,10}?(?:那段)?(?:的)?(?:后面|前面|之后|之前|后边|前边))$")


def _place_and_added_zh(text: str) -> tuple[str, str] | None:
    """The place and the thing added, when a Chinese request says both around its verb."""
    found = _PLACED_FIRST_ZH.match(text) or _ADDED_FIRST_ZH.match(text)
    return (found.group("place"), found.group("added")) if found else None


def _own_place(part: Clause, state: PlanState) -> tuple[str, str | None] | None:
    """The end of the video one item of a list of uploads says for itself ("hike.mp4 last", "the photo first")."""
    if part.has(r"\b(?:last|at the (?:very )?end)$|最后|结尾"):
        return ("end", None)
    if part.has(r"\b(?:first|at the (?:very )?(?:start|beginning))$|最前|第1个|开头"):
        return ("start", None)
    return None


def _my_upload(clause: Clause, state: PlanState) -> MediaRef | None:
    """"my video", "my photo": the one upload of the kind said."""
    kinds = tuple(k for k in ("video", "image") if re.search(_KIND_WORDS[k], without_place(clause.text)))
    return find_media(clause, state, kinds) if clause.has(_UPLOAD) and len(kinds) == 1 else None


# the place alone, said after an upload was added ("照片加进来，放在视频前面"), or an upload alone after one ("add all
# my photos, then my video", "..., then the hike video at the end"): the same request goes on
_PLACE_ALONE = r"^(?:然后|再)?(?:把它|它)?(?:放|插|移|挪|加|接)(?:在|到)?[^，,。把]{0,10}?(?:前面|后面|之前|之后|最前面|最后面?|开头|结尾)(?:吧|去)?$|" \
              r"^(?:(?:and|then|please)\s+)*(?:put|place|move|stick|make) (?:it|that|this one) (?:first|last|at the (?:very )?(?:start|" \
              r"beginning|end|front)|(?:before|after) the [\w ]{1,20}?(?:clip|one|part|video|shot))(?: please)?$"
_UPLOAD_ALONE = r"^(?:and |then |also )*(?:my|the) (?:[\w.-]+ )?(?:videos?|vids?|clips?|photos?|pictures?|footage)\b"
# an upload listed with its length or place and no verb: "the beach photo, 5 seconds, at the start", "my hike video
# before the city clip, 4 seconds", "the hike video at the end please, 4 seconds of it" (one not on the timeline yet: "the
# city clip, 5 seconds" is no upload)
_UPLOAD_ITEM = r"(?:for\s+)?(?:just |only )?\d+(?:\.\d+)?\s*(?:seconds?|secs?|s)(?:\s+long|\s+of it)?|(?:at|to) the (?:very )?(?:start|beginning|front|end)|" \
               r"(?:right |just )?(?:before|after) (?:the [\w-]+(?: clip| one| video)?|clip \d+|it)|please|pls|first|last|" \
               r"as (?:the|my) (?:first|opening|opener|intro|last|final|closing|closer|ending|outro)(?: (?:clip|shot|one|scene|thing|image|frame))?"
_UPLOAD_LISTED = re.compile(rf"^(?:(?:(?:the|my) )?(?:[\w.-]+ ){{0,2}}?(?:photo|picture|pic|image|video|vid|clip|footage)|"
                            rf"[\w-]+\.(?:jpe?g|png|webp|heic|mp4|mov))(?:\s*,?\s*(?:{_UPLOAD_ITEM}))+$")
# the same in Chinese, each item after a comma or a pause: "海滩照片，5秒，放在开头", "徒步视频 放最后 3秒"
_UPLOAD_ITEM_ZH = r"(?:放|加|插|接)?(?:在|到)?(?:视频的?)?(?:最前面?|开头|片头|结尾|片尾|最后面?)(?:吧|就行|就好)?|" \
                  r"(?:显示|放|播|停留?)?\d+(?:\.\d+)?秒钟?(?:吧|就行|就好|左右)?"
_UPLOAD_LISTED_ZH = re.compile(rf"^((?![^，,\s]*?(?:放|加|插|接|用|把|将|再|先))[^，,\s]{{1,12}}?(?:照片|图片|相片|视频|录像)|[\w-]+\.(?:jpe?g|png|webp|heic|mp4|mov))"
                               rf"((?:\s*[，,\s]\s*(?:{_UPLOAD_ITEM_ZH}))*)$")


# how an upload just added fills the frame, said alone after it (``AddClip.fit``): a blurred copy behind it, all of it
# shown with bars, or cropped to fill
_FIT = (("blur", r"^(?:(?:and|with|then|use|using)\s+)*(?:a\s+)?(?:blurred|blurry|blur)\s+(?:background|backdrop|bars|sides|edges|fill)"
                 r"(?:\s+(?:behind it|to fill(?: (?:it|the (?:frame|screen|sides)))?))?$|^(?:fill (?:it|the (?:frame|screen|sides)) with (?:a )?blur)$|"
                 r"^(?:然后|再)?(?:用|加|带)?(?:模糊(?:的)?背景|背景模糊|模糊填充)(?:的)?(?:那种)?(?:填满|填充|补齐|铺满)?(?:画面|空白|两边)?(?:吧)?$"),
        ("contain", r"^(?:(?:and|but|then)\s+)*(?:don'?t crop it|show (?:the )?whole (?:thing|photo|picture|image)|letterbox(?: it)?|"
                    r"with (?:black )?bars)$|^(?:然后|再)?(?:不要裁(?:切|剪)?|完整显示|(?:留|加)黑边)(?:吧)?$"),
        ("cover", r"^(?:(?:and|then)\s+)*(?:make it |crop it to )?fill the (?:whole )?(?:screen|frame)$|^(?:然后|再)?(?:裁(?:切|剪)?(?:一下)?)?(?:铺满|填满)(?:整个)?(?:画面|屏幕)(?:吧)?$|"
                  r"^(?:然后|再)?(?:适配|适应|撑满)(?:整个)?(?:画面|屏幕)[，,\s]*(?:铺满|填满)?(?:吧)?$"))


# how an upload fills the frame, said with it in the clause that adds it: "add the photo with a blur behind it so it fills
# the screen", "put the photo at the start and fit it inside the frame with blur behind", "add my photo, but make it fit
# without cropping", "照片加进来 完整显示不要裁" (a blurred copy behind it first: "a blur behind it so it fills the screen"
# is the blur, never a crop)
_FIT_SAID: tuple[tuple[Literal["cover", "contain", "blur"], str], ...] = (("blur", r"\bblur(?:red|ry)?\s+(?:background|backdrop|bars|sides|edges|fill|behind|copy)\b|\bwith (?:a )?blur(?:red|ry)?\b|"
                      r"模糊(?:的)?(?:背景|底)|背景(?:做成|用|弄成)?模糊|模糊填充"),
             ("contain", r"\bwithout (?:any )?cropp?(?:ing)?\b|\b(?:don'?t|do not|no) crop\w*|\bshow (?:the )?whole (?:thing|photo|picture|image)\b|"
                         r"\bletterbox\w*|\bfit (?:it |the (?:photo|picture|image) )?(?:inside|in) the (?:frame|screen)\b|"
                         r"完整(?:地)?显示|(?:不要|别|不|不用)裁(?:切|剪|掉)?|(?:留|加)黑边"))


# the fit said alone after the upload was added, in more words: "and fit it inside the frame with blur behind", "but make it
# fit without cropping", "背景模糊一下"
_FIT_ALONE = r"^(?:(?:and|then|but|also)\s+)*(?:(?:make|have|let) it\s+)?(?:fit(?: it)?(?: (?:inside|in) the (?:frame|screen))?\s*)?" \
             r"(?:(?:with|using|use)\s+)?(?:a\s+)?(?:blur(?:red|ry)?(?: (?:background|backdrop|behind(?: it)?))?|without cropp?ing|no crop(?:ping)?)" \
             r"(?:\s+please)?$|^(?:然后|再)?(?:把)?背景(?:做成|弄成)?模糊(?:一下|一点)?(?:吧)?$"


def _fit_said(clause: Clause) -> Literal["cover", "contain", "blur"] | None:
    """How the upload a clause adds fills the frame, when the clause says so (``AddClip.fit``)."""
    return next((name for name, pattern in _FIT_SAID if clause.has(pattern)), None)


def _added_upload(state: PlanState) -> EditAction | None:
    """The upload the message just added (its camera move, "with a slow zoom", may follow it)."""
    moves = [a for a in state.actions if isinstance(a, EditAction) and isinstance(a.edit, SetMotion)]
    last = next((a for a in reversed(state.actions) if a not in moves), None)
    upload = isinstance(last, EditAction) and isinstance(last.edit, AddClip) and any(
        m.src == last.edit.src and m.uploaded for m in state.context.media)
    return last if upload else None  # type: ignore[return-value]


def _place_added(clause: Clause, state: PlanState) -> bool:
    """"照片加进来，放在视频前面": the upload just added goes where the clause says instead (the video itself, said as
    the place, is its start)."""
    last = _added_upload(state)
    if last is None or last is not state.actions[-1]:
        return False
    assert isinstance(last.edit, AddClip)
    length = duration_ms(clause.text) if clause.has(
        r"^(?:(?:then|and|show it|keep it|hold it|for)\s+)*\d+(?:\.\d+)?\s*(?:seconds?|secs?|s)(?: long| each)?$|"
        r"^(?:然后|再)?(?:显示|放|播|停留|停|持续)?\d+(?:\.\d+)?秒(?:钟)?(?:就行|吧)?$") else None
    if length:  # "海滩照片放进去 放三秒": how long the upload just added shows
        return _amend_added(last, state, {"duration_ms": length})
    fit = next((name for name, pattern in _FIT if clause.has(pattern)), None) or \
        (_fit_said(clause) if clause.has(_FIT_ALONE) else None)
    if fit is not None:  # "照片加进来，用模糊背景填满", "add my photo, with a blurred background": how it fills the frame
        return _amend_added(last, state, {"fit": fit})
    if not clause.has(_PLACE_ALONE):
        return False
    said = re.sub(r"(?<=[在到])(?:整个)?视频(?=后面|之后)", "最后面", re.sub(r"(?<=[在到])(?:整个)?视频(?=前面|之前)", "最前面", clause.text))
    placement = placement_of(dataclasses.replace(clause, text=said), state)
    added = [seg.id for seg in main_clips(state.draft) if seg.src == last.edit.src]
    if placement is None or not added or placement[1] == added[-1]:
        return False
    return _amend_added(last, state, {"at": placement[0], "ref": placement[1]})


def _amend_added(last: EditAction, state: PlanState, update: dict[str, object]) -> bool:
    """The upload ``last`` just added, added again with ``update`` instead (one edit, one version)."""
    assert isinstance(last.edit, AddClip)
    added = [seg.id for seg in main_clips(state.draft) if seg.src == last.edit.src]
    if not added:
        return False
    state.actions.pop()
    state.draft = apply_edit(state.draft, DeleteSegment(segment_id=added[-1]))
    state.edit(last.edit.model_copy(update=update), focus_kind="clip")
    return True


# one of the uploads just added named, then where it goes: "照片放前面", "the photo goes first"
_NAMED_THEN_PLACE = re.compile(r"^(?:然后|再)?(?:把)?(?P<zh>[^，,。\s]{1,10}?)(?P<zplace>(?:放|接|挪|移)(?:在|到)?[^，,。]{0,8}?(?:前|后|开头|结尾|中间)[^，,。]{0,3}|"
                               r"(?:显示|放|停留|持续)\d+(?:\.\d+)?秒(?:钟)?(?:就行|吧)?)$|"
                               r"^(?:and |then )*(?P<en>(?:the|my) [\w.]+(?: [\w.]+)?) (?P<eplace>(?:goes|should go|comes|at the|first|last)"
                               r".{0,30})$")


def old_place(action: object) -> tuple[str, str | None] | None:
    """Where an AddClip action puts its clip: (at, ref)."""
    return (action.edit.at, action.edit.ref) if isinstance(action, EditAction) and isinstance(action.edit, AddClip) else None


def _place_named_added(clause: Clause, state: PlanState) -> bool:
    """"把照片和hike视频都加进去，照片放前面": one of the uploads this message added, named, goes where the clause says:
    its adding is placed there (one change, not an add and a move)."""
    said = _NAMED_THEN_PLACE.match(clause.text)
    if said is None:
        return False
    what = dataclasses.replace(clause, text=said.group("zh") or said.group("en"))
    media = _named_upload(what, state) or next((m for m in state.context.media if m.uploaded and m.kind == (
        "image" if what.has(r"\b(?:photo|picture|image|pic)\b|照片|图片|相片") else
        "video" if what.has(r"\b(?:video|vid|clip|footage)\b|视频") else "")), None)
    adds = [k for k, a in enumerate(state.actions) if isinstance(a, EditAction) and isinstance(a.edit, AddClip)]
    index = next((k for k in adds if media is not None and state.actions[k].edit.src == media.src), None)  # type: ignore[union-attr]
    if index is None or any(not (isinstance(a, EditAction) and isinstance(a.edit, AddClip)) for a in state.actions[index:]):
        return False  # only adds after it: none acts on the clip about to be placed anew
    place = said.group("zplace") or said.group("eplace")
    length = duration_ms(place) if re.match(r"(?:显示|放|停留|持续)\d", place) else None
    placement = (old_place(state.actions[index]) if length else placement_of(dataclasses.replace(clause, text=place), state)) or (
        (("start" if "前" in place else "end"), None) if re.fullmatch(r"\D{1,4}?(?:最)?(?:前面|前边|后面|后边)(?:吧)?", place) else None)
    old = state.actions[index]
    segments = [seg.id for seg in main_clips(state.draft) if seg.src == media.src]  # type: ignore[union-attr]
    if placement is None or not segments or placement[1] in segments:
        return False
    assert isinstance(old, EditAction) and isinstance(old.edit, AddClip)
    placed = old.edit.model_copy(update={"at": placement[0], "ref": placement[1], **({"duration_ms": length} if length else {})})
    scratch = placed
    if length:  # the same place: before the clip that follows it on the scratch timeline
        ids = [seg.id for seg in main_clips(state.draft)]
        following = ids[ids.index(segments[-1]) + 1:]
        scratch = placed.model_copy(update={"at": "before", "ref": following[0]} if following else {"at": "end", "ref": None})
    state.draft = apply_edit(apply_edit(state.draft, DeleteSegment(segment_id=segments[-1])), scratch)
    state.actions[index] = EditAction(edit=placed, description=describe_edit(placed, state.language, state.draft))
    if placement[0] == "end" and not length:  # "照片放后面": after the uploads added with it too, in the order the actions run
        state.actions.append(state.actions.pop(index))
    return True


# an upload said first, as news ("i put a video up", "I uploaded a photo", "我上传了一张照片"), then asked for as "it"
_UPLOADED_SAID = re.compile(r"^(?:(?:so|ok|okay|hey|hi|also)\s+)?i(?:'ve| have)?\s+(?:just\s+|already\s+|also\s+)?(?:uploaded|put|sent|"
                            r"added|dropped|attached)\s+(?:up\s+)?(?:a|an|my|the|one)\s+(?:[\w.-]+\s+)?(?P<en>video|vid|clip|footage|"
                            r"photo|picture|image|pic)s?(?:\s+(?:up|here|too|as well))*$|"
                            r"^(?:我)?(?:刚|刚刚|已经|也)?(?:上传|传|发)了?(?:1)?(?:个|张|段|条)?(?:我的)?(?P<zh>视频|照片|图片|相片|素材)(?:上来|上去)?(?:了)?$")


def _uploaded_then_it(clause: Clause, state: PlanState) -> Clause:
    """"i put a video up, add it after this clip": the upload said just before is what "it" adds (the news is dropped)."""
    last = state.actions[-1] if state.actions else None
    said = _UPLOADED_SAID.match(last.text.strip(" .,!，。")) if isinstance(last, Unknown) and not last.question else None
    if said is None:
        return clause
    if said.group("en"):
        kind = "photo" if said.group("en") in ("photo", "picture", "image", "pic") else "video"
        text = re.sub(r"\b(?:it|that)\b", f"my {kind}", clause.text, count=1)
    else:
        kind = "照片" if said.group("zh") in ("照片", "图片", "相片") else "视频"
        text = re.sub(r"它|^(?=(?:放|接|加|插|移))", f"把我上传的{kind}", clause.text, count=1)
    if text == clause.text:
        return clause
    state.actions.pop()
    return dataclasses.replace(clause, text=text)


# the words around one item of an order said as a list: "then the city", "the hike video last", "后面接城市", "最后是徒步视频"
_ORDER_WORDS = re.compile(r"^(?:(?:and|then|next|after that|followed by|and then)\s+)+|\s+(?:last|after (?:that|it))$|"
                          r"^(?:然后|后面|接着|之后|再|最后)(?:再)?(?:接|是|放|跟)?(?:着)?|(?:那段|那个)$")


def _order_item(side: Clause, state: PlanState) -> tuple[MediaRef | None, str | None] | None:
    """One item of an order said as a list: (an upload not on the timeline yet, None) or (None, a clip there); None
    when the item says more than what it names."""
    said = dataclasses.replace(side, text=_ORDER_WORDS.sub("", side.text).strip())
    if said.has(r"\b(?:first|last|start|end|beginning|before|after|between)\b|最前|最后|开头|结尾|前面|后面|之前|之后|中间|[放加插移]"):
        return None  # "hike.mp4放最后": an item with a place of its own
    if said.has(r"^(?:put|add|place|insert|move|use|stick|make)\b|^(?:把|将|用)"):
        return None  # a request of its own, not an item of a list
    upload = _named_upload(said, state) or _the_photo(said, state) or _my_upload(said, state)
    if upload is not None and upload.src not in {seg.src for seg in main_clips(state.draft)}:
        return (upload, None)
    words = re.sub(r"\b(?:the|my|clip|one|video|shot|part)\b|片段|视频|镜头|段", " ", said.text).split()
    if len(words) != 1:
        return None
    refs = [r for r in clip_refs(said if side.language == "en" else dataclasses.replace(said, text=f"{said.text}那段"), state)
            if r != MISSING]
    return (None, refs[0]) if len(refs) == 1 else None


def _next_in_order(previous: str, item: tuple[MediaRef | None, str | None], state: PlanState) -> str | None:
    """Place one item right after ``previous`` (an upload added there, a clip moved there unless it already is)."""
    upload, clip = item
    if upload is not None:
        last = main_clips(state.draft)[-1].id == previous  # after the last clip: the end
        added = state.edit(AddClip(src=upload.src, duration_ms=upload.duration_ms or 3000, name=upload.name,
                                   at="end" if last else "after", ref=None if last else previous), focus_kind="clip")
        return added[0] if added else None
    ids = [seg.id for seg in main_clips(state.draft)]
    assert clip is not None
    if clip != previous and ids.index(clip) != ids.index(previous) + 1:
        index = ids.index(previous) + (1 if ids.index(clip) > ids.index(previous) else 0)
        state.edit(MoveClip(segment_id=clip, to_index=index), focus_kind="clip")
    state.focus = Focus("clip", clip)  # (already in its place: nothing to do, but the next item goes after it)
    return clip


def _listed_in_order(clause: Clause, state: PlanState) -> bool:
    """"照片放在第一个，后面接城市，最后是徒步视频": uploads and clips there in the order said, each after the one before."""
    sides = [dataclasses.replace(clause, text=part) for part in re.split(r"\s*[，,]\s*", clause.text) if part]
    if len(sides) < 2:
        return False
    items = [_order_item(side, state) for side in sides[1:]]
    if any(item is None for item in items) or not any(item[0] for item in items if item) and not _upload_off_timeline(sides[0], state):
        return False
    trial = state.fork()
    if not _add_upload(sides[0], trial) or not isinstance(trial.focus, Focus) or not trial.focus.segment_id:
        return False
    return _chain_in_order(trial.focus.segment_id, items, trial, state, [_said_last(side) for side in sides[1:]])


def _then_in_order(clause: Clause, state: PlanState) -> bool:
    """"put the photo first, then the city, then the hike video", "dog clip first, then the city": an item named alone
    after a clip this message put somewhere (an upload added, a clip moved) goes right after it (a clip there already in
    its place changes nothing)."""
    last = state.actions[-1] if state.actions else None
    if not isinstance(last, EditAction) or not isinstance(last.edit, (AddClip, MoveClip)) or state.focus is None \
            or state.focus.kind != "clip" or not state.focus.segment_id:
        return False
    parts = [part for part in re.split(r"\s*[，,]\s*(?:and\s+)?|\s+and\s+", clause.text) if part]
    items = [_order_item(dataclasses.replace(clause, text=part), state) for part in parts]
    if not items or any(item is None for item in items):
        return False
    return _chain_in_order(state.focus.segment_id, items, state.fork(), state,
                           [_said_last(dataclasses.replace(clause, text=part)) for part in parts])


def _said_last(item: Clause) -> bool:
    """An item of an order said as the last thing: "the hike video last", "最后是徒步视频" (the end, whatever is between)."""
    return item.has(r"\s(?:last|at the (?:very )?end)$|^(?:and |then )*(?:last|finally|lastly)\b|^最后")


def _chain_in_order(first: str, items: list[tuple[MediaRef | None, str | None] | None], trial: PlanState,
                    state: PlanState, last: list[bool] | None = None) -> bool:
    """Each item after the one before, starting after ``first``, planned on ``trial`` (an item said last goes at the
    end); taken into ``state`` only when every item found its place."""
    previous: str | None = first
    for index, item in enumerate(items):
        assert item is not None and previous is not None
        if last is not None and last[index] and index == len(items) - 1:
            previous = main_clips(trial.draft)[-1].id  # "..., the hike video last": after whatever is last now
        previous = _next_in_order(previous, item, trial)
        if previous is None:
            return False
    state.__dict__.update(trial.__dict__)
    return True


# the part of an upload to use: "only seconds 3 to 7", "第3秒到第7秒那段", "the last 5 seconds", "只要后面5秒", "from second 4 on"
_LAST_OF = re.compile(r"\b(?:the )?(?:last|final) (\d+(?:\.\d+)?)\s*(?:seconds?|secs?|s)\b|(?:最后|后面|末尾|结尾)的?(\d+(?:\.\d+)?)秒|"
                      r"(?<=只要|只用|只留|就要|就用)后(\d+(?:\.\d+)?)秒")  # "只要后3秒"
_FROM_ON = re.compile(r"\bfrom (?:second |the )?(\d+(?:\.\d+)?)\s*(?:seconds?|secs?|s)?(?: mark)?(?: on(?:wards?)?)?$|"
                      r"\bstarting (?:at|from) (?:second )?(\d+(?:\.\d+)?)|从第?(\d+(?:\.\d+)?)秒(?:开始|起)")


def _upload_span(clause: Clause, media: MediaRef) -> tuple[int, int] | None:
    """(in-point, length) of the part of ``media`` the clause keeps, when it says one (its first N s is a length)."""
    total = media.duration_ms
    seconds = re.search(r"\bseconds? (\d+(?:\.\d+)?) (?:to|through|till|until|-) (\d+(?:\.\d+)?)\b", clause.text)
    span = (round(float(seconds.group(1)) * 1000), round(float(seconds.group(2)) * 1000)) if seconds else time_range(clause.text)
    if span is not None:
        start, end = span[0], min(span[1], total) if total else span[1]
        return (start, end - start) if end > start else None
    last = _LAST_OF.search(clause.text)
    if last and total:
        kept = round(float(next(g for g in last.groups() if g)) * 1000)
        return (max(0, total - kept), min(kept, total))
    since = _FROM_ON.search(clause.text)
    if since and total:
        at = round(float(since.group(1) or since.group(2) or since.group(3)) * 1000)
        return (at, total - at) if total > at else None
    return None


# an upload said to play somewhere, not on the timeline yet: "play the hike video after the city clip", "show my photo
# first" (it is added there; "play the song from 0:15" names no place on the timeline)
_PLAYED_AT = re.compile(r"^(?:(?:and|then|please|now)\s+)*(?:play|show)\s+((?:(?:the|my)\s+(?:[\w.-]+\s+){0,2}?"
                        r"(?:video|clip|photo|picture|pic|image|footage)|(?:(?:the|my)\s+)?[\w-]+\.(?:mp4|mov|jpe?g|png))\s+"
                        r"(?:(?:right\s+)?(?:after|before)\s+.+|at the (?:very )?(?:start|end|beginning)\b.*|first\b.*|last\b.*))$")


def _add_upload(clause: Clause, state: PlanState) -> bool:
    if clause.has(r"(?:加|上|用|套)(?:个|一个|1个|点|一点)?[^，,]{0,4}?(?:滤镜|特效|调色)|\b(?:add|put|apply|use) (?:a |an |some )?[\w -]{0,12}?(?:filter|effect)s?\b"):
        return False  # "给照片加个滤镜": a look the editor has no tool for, asked about; never the photo added instead
    if clause.language == "zh" and clause.has(r"放大|缩小|变大|变小") and not clause.has(
            r"加|插|接|用|放(?:到|在|进)|(?:慢慢|缓缓|缓慢|逐渐|渐渐)(?:地)?放大|放大的?(?:效果|镜头)"):
        return False  # "照片放大一点": its size (asked, as "狗那段放大到两倍"); 放 is no "put" here, nothing is added
    if clause.language == "en" and clause.has(r"\b(?:bigger|smaller|larger|tinier)\b") and not clause.has(
            r"\b(?:add|put|insert|place|use|move|append)\b"):
        return False  # "can the picture be smaller": its size, asked; never the upload added
    clause = _uploaded_then_it(clause, state)
    played = _PLAYED_AT.match(clause.text)
    if played and _upload_off_timeline(dataclasses.replace(clause, text=played.group(1)), state):
        clause = dataclasses.replace(clause, text=f"put {played.group(1)}")  # "play the hike video after the city clip"
    first = re.match(r"^(?:first|start with)\s+((?:the|my)\s+.+)$", clause.text)
    if first and _upload_off_timeline(dataclasses.replace(clause, text=first.group(1)), state):
        clause = dataclasses.replace(clause, text=f"put {first.group(1)} first")  # "first my photo, then the city, ..."
    put = _PUT_FIRST.match(clause.text)
    if put and not clause.has(ADD + r"|\b(?:put|move|place|use)\b") and _upload_off_timeline(clause, state):
        clause = dataclasses.replace(clause, text=f"put {put.group(1)} {put.group(2)}")  # "hike video first please"
    elif (pair := _PLACED_PAIR.match(clause.text)) and not clause.has(ADD + r"|\b(?:put|move|place|use)\b") and all(
            _upload_off_timeline(dataclasses.replace(clause, text=pair.group(k)), state) for k in ("one", "other")):
        clause = dataclasses.replace(clause, text=f"put {clause.text}")  # "beach photo at the start and the hike clip at the end"
    elif _UPLOAD_LISTED.match(clause.text) and _upload_off_timeline(clause, state):
        # "the beach photo, 5 seconds, at the start", "my beach photo first, 3 seconds": first and last are the ends
        said = re.sub(r"\b(first|last)\b", lambda m: "at the start" if m.group(1) == "first" else "at the end", clause.text)
        clause = dataclasses.replace(clause, text=f"add {said}")
    listed_zh = _UPLOAD_LISTED_ZH.match(clause.text)
    if listed_zh and not listed_zh.group(2) and not re.search(  # the upload alone, its place in a clause of its own
            re.escape(listed_zh.group(1)) + rf"\s*[，,\s]\s*(?:{_UPLOAD_ITEM_ZH})", clause.source.lower()):
        listed_zh = None  # ("海滩照片，放在开头"); said alone, "海滩照片" asks nothing
    if listed_zh and _upload_off_timeline(dataclasses.replace(clause, text=listed_zh.group(1)), state):
        items = [item for item in re.split(r"\s*[，,\s]\s*", listed_zh.group(2)) if item]
        places = [item for item in items if not re.search(r"\d", item)]
        lengths = [item for item in items if re.search(r"\d", item)]
        clause = dataclasses.replace(clause, text=f"把{listed_zh.group(1)}加到{re.sub(r'^(?:放|加|插|接)?(?:在|到)?', '', places[0])}"
                                     if places else f"把{listed_zh.group(1)}加进来")
        clause = dataclasses.replace(clause, text=" ".join([clause.text, *lengths]))  # "海滩照片，5秒，放在开头"
    put_zh = re.match(r"^([^，,\s]{1,12}?)(最后|最前面?|开头|结尾)(?:面)?(?:吧|就行|就好|呗)?$", clause.text)
    if put_zh and _upload_off_timeline(dataclasses.replace(clause, text=put_zh.group(1)), state):
        clause = dataclasses.replace(clause, text=f"把{put_zh.group(1)}放到{put_zh.group(2)}")  # "照片最后吧"
    if clause.has(_PHOTO_FIRST) and not clause.has(ADD + r"|\b(?:put|move|place|use)\b") and clause.has(
            r"\b(?:at|to) the (?:very )?(?:end|start|beginning|front)\b|\b(?:after|before) (?:the|clip)\b"):
        clause = dataclasses.replace(clause, text=f"put {clause.text}")  # "photo at the end", "pic after the city"
    if _uploads_listed(clause, state) or _place_added(clause, state) or _place_named_added(clause, state) \
            or _listed_in_order(clause, state) or _then_in_order(clause, state):
        return True
    if _added_upload(state) is not None and clause.has(_UPLOAD_ALONE):
        clause = dataclasses.replace(clause, text=f"add {re.sub(r'^(?:and |then |also )+', '', clause.text)}")
    if not clause.has(ADD + r"|\buse\b|用|接到|接在|接上|插到|插在|加进来|放进来|当成|当作|作为|当(?=第1|最后)|^(?:最后|结尾)(?:是|再是)|"
                      r"^(?:can|could)\s+(?:the|my)\s+[^,]{1,30}?\s+(?:be|go|come)\b|"
                      r"(?:^[\w.]+\s*|\b(?:only|just)\s+)(?:want\s+|need\s+)?(?:the )?(?:first|last|seconds?|from)\b|只要|只用|只留|"
                      r"(?<=[\w.])\s*(?:的)?(?:前|后|最后)\d|\b(?:start|begin|open|end|finish|close)\b.*\bwith\b|"
                      r"\b(?:should|could|can|must|needs? to|has to)\s+(?:be|go|come)\b") and not (
            # "照片完整显示不要裁掉": how an upload not there yet fills the frame, said for it: it is added so
            _fit_said(clause) is not None and _upload_off_timeline(clause, state)) and not (
            # "把hike视频换到城市前面", "move my photo to the start": an upload moved that is not there yet is added there
            clause.has(r"(?:换|挪|移|调)到|\b(?:move|bring)\b") and _upload_off_timeline(clause, state)):  # "the hike vid should go before ..."
        # ("bring the hike video in after the city": brought in, as moved there)
        return False
    # an upload said as such ("my video", "我上传的照片") or by its file name ("beach.jpg", "the hike video"); its
    # kind is said before where it goes ("put my picture before the city clip" is a photo)
    said = re.sub(r"\b(?:the|this) (?:whole )?video\b(?! (?:i|that i|we)\b)|(?:整个)?视频的?(?=最后|最前|开头|结尾|前面|后面|里|$)",
                  " ", without_place(clause.text))  # the video itself ("放到视频最后面": the video as a place)
    kinds = tuple(k for k in ("video", "image") if re.search(_KIND_WORDS[k], said)) or ("video", "image")
    upload = clause.has(_UPLOAD) or clause.has(_PHOTO_FIRST)  # "photo last please": the photo uploaded, or none yet
    # ("徒步视频后面加照片", "照片放到徒步视频前面": the clip named as the place is not what is added)
    sides = _place_and_added_zh(clause.text) if clause.language == "zh" and not upload else None
    said_added = dataclasses.replace(clause, text=sides[1]) if sides else None
    if said_added is None and clause.language == "en" and not upload and (bare := _EN_PLACE_REF.sub(" ", clause.text)) != clause.text:
        said_added = dataclasses.replace(clause, text=bare)  # "put the photo after the hike": the hike is the place
    media = find_media(clause, state, kinds) if upload else \
        (said_added is not None and (_named_upload(said_added, state) or _the_photo(said_added, state))) or \
        _named_upload(clause, state) or _the_photo(clause, state)
    if sides and media is not None:
        where = dataclasses.replace(clause, text=sides[0])
        placed = _named_upload(where, state) or _the_photo(where, state)
        if placed is not None and placed is not media and placed.src not in {seg.src for seg in main_clips(state.draft)}:
            # "徒步那段后面再加照片" with the hike video only uploaded: no such place on the timeline yet, asked
            state.actions.append(Unknown(clause.unquoted(), question=ask(
                clause, f"{placed.name} is not on the timeline yet, so there is nothing to put {media.name} next to. Add "
                f"{placed.name} first (say 'add {placed.name}'), or say where {media.name} should go.",
                f"{placed.name} 还不在时间线上，没法放在它旁边。可以先说“把{placed.name}加进来”，或者说{media.name}放在哪个片段旁边。")))
            return True
    if media is None:
        if not upload or len(kinds) != 1 or any(m.uploaded and m.kind in kinds for m in state.context.media):
            return False
        # "add my photo at the end" with no photo uploaded: say what to do first
        what = ("photo", "照片") if kinds == ("image",) else ("video", "视频")
        state.actions.append(Unknown(clause.unquoted(), understood=f"adding an uploaded {what[0]}", question=ask(
            clause, f"There is no uploaded {what[0]} yet: upload it first (drop it on the page), then say "
            f"'add my {what[0]} at the end'.", f"还没有上传{what[1]}：请先上传（拖到页面上），再说“把我上传的{what[1]}加到最后”。")))
        return True
    placement = placement_of(clause, state) or ("end", None)
    seconds = duration_ms(clause.text)
    span = _upload_span(clause, media)
    length = span[1] if span else seconds or media.duration_ms or 3000
    added = state.edit(AddClip(src=media.src, duration_ms=length, in_ms=span[0] if span else 0, name=media.name,
                               at=placement[0], ref=placement[1], fit=_fit_said(clause)), focus_kind="clip")
    motion = motion_said(clause)  # "add my photo with a slow zoom"
    if motion and added:
        state.edit(SetMotion(segment_id=added[0], motion=motion), focus_kind="clip")  # type: ignore[arg-type]
    return True
