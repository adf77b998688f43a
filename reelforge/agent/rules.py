"""The rule-based understanding layer: deterministic, both languages, no model, well under 5 ms.

``understand`` splits a message into clauses and offers each, in a fixed order, to one intent module
per area; every planned edit is applied to a scratch copy of the draft, so a later clause ("...and
make it bigger") resolves against the draft as it will be.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass

from pydantic import ValidationError

from reelforge.agent import _absent, _correction, _hedges, _noise
from reelforge.agent._composed import Proposal, names_only, proposals, says_property
from reelforge.agent._intent_model import certain_kind, chosen_reading, intent_of, kind_of
from reelforge.agent._intents import (
    canvas,
    fade,
    generate,
    interchange,
    long_shot,
    meta,
    motion,
    music,
    slideshow,
    song,
    sound,
    text,
    timeline,
    voice,
)
from reelforge.agent._intents._words import (
    EDIT_WORDS,
    EFFECTS,
    LIP_SYNC,
    NOT_SUPPORTED,
    aspect_of,
    color_of,
    position_of,
    request_part,
)
from reelforge.agent._negated import after_fine, fine_as_is, not_enough
from reelforge.agent._numbers import duration_ms, normalize, number_word, time_range
from reelforge.agent._pairs import one_change, part_added
from reelforge.agent._reading import acts_on, clips_shown, explained, read_clause
from reelforge.agent._refs import (
    MISSING,
    clip_refs,
    clips_named_by_time,
    main_clips,
    mentions_it,
    names_upload,
    text_named_unquoted,
    text_segments,
)
from reelforge.agent._state import Focus, PlanState, focus_from_history
from reelforge.agent._text import (
    EN_VERBS,
    ZH_VERBS,
    Clause,
    ask,
    chatter_kind,
    describes,
    detect_language,
    is_chatter,
    is_untouched,
    not_that,
    own_sound_kept,
    remark_of,
    split_clauses,
    states_need,
)
from reelforge.agent._traditional import read_chinese, script_of, simplified, typed_plan
from reelforge.agent._uploads import after_upload_turned_down, no_such_upload, upload_turned_down
from reelforge.agent.actions import (
    Action,
    AgentContext,
    EditAction,
    ExportAction,
    GenerateAction,
    HelpAction,
    Language,
    MusicAction,
    Plan,
    RevertAction,
    ShowTimeline,
    SoundAction,
    UndoAction,
    Unknown,
    VoiceChangeAction,
)
from reelforge.agent.registry import TOPIC_LABELS, label, topic_of
from reelforge.draft import AUDIO, Draft, Edit
from reelforge.draft.edits import AddClip, SetCanvas, SetMusic

__all__ = ["AREAS", "Area", "Candidate", "best", "candidates", "close_call", "settle", "understand"]

Handler = Callable[[Clause, PlanState], bool]


@dataclass(frozen=True)
class Area:
    """One intent module's reading of a clause: ``handle`` plans it on a state (False: not its kind of clause);
    ``topics`` what a question it asks is about (it understood those words even without an edit to make), and,
    when ``settles`` is True, what it accounts for whenever it plans: a slideshow reads "no transitions, no zoom"
    as photos without them, with no edit of those topics to show for it."""

    name: str
    handle: Handler
    topics: frozenset[str] = frozenset()
    settles: bool = False


def _area(name: str, handle: Handler, *topics: str, settles: bool = False) -> Area:
    return Area(name, handle, frozenset(topics), settles)


# The order only breaks ties between readings that explain as much of a clause: the session (another editor's file,
# help/undo/export) first, then the most specific areas.
AREAS: tuple[Area, ...] = (
    # the session first: "回到加配音之前" goes back in the history, it asks for no narration
    _area("interchange", interchange.handle), _area("meta", meta.handle), _area("voice", voice.handle, "voice", "title"),
    _area("long_shot", long_shot.handle, "clip"),
    _area("replace_pending", generate.replace_pending, "clip"), _area("loras", generate.add_loras, "clip"),
    _area("seed", generate.add_seed, "clip"),
    _area("sound", sound.handle, "sound", "transition"), _area("slideshow", slideshow.handle, "clip", "music", "transition", "motion", settles=True),
    _area("text", text.handle, "title"), _area("song", song.handle, "music"), _area("music", music.handle, "music"),
    _area("motion", motion.handle, "motion"), _area("generate", generate.handle, "clip"),
    # a scene said without a verb; it declines any clause holding an edit word (``EDIT_WORDS``), so edits the
    # rules do not know become questions, never paid generations
    _area("description", generate.handle_description, "clip"), _area("canvas", canvas.handle, "canvas"),
    _area("fade", fade.handle, "fade", "clip"), _area("timeline", timeline.handle, "clip", "trim", "speed", "transition"),
)


@dataclass
class Candidate:
    """One area's plan for a clause, on a forked state, and the slots of the clause it explains."""

    area: Area
    state: PlanState
    actions: list[Action]          # what it planned (new actions, and earlier ones it re-planned)
    explains: frozenset[int]
    on_named: int = 0              # how closely it acts on a clip named by what it shows (``_reading.acts_on``)

    @property
    def topics(self) -> set[str]:
        return {topic for action in self.actions if (topic := topic_of(action)) is not None}


def candidates(clause: Clause, state: PlanState) -> list[Candidate]:
    """Every area's reading of ``clause``, each planned on its own fork of ``state``, in the areas' order."""
    reading = read_clause(clause)
    focus = _focus(state)
    shown = clips_shown(clause, state)
    found = []
    for area in AREAS:
        fork = state.fork()
        try:
            if not area.handle(clause, fork):
                continue
        except ValidationError:
            # an area whose reading builds an edit the draft's models refuse ("淡出改成0秒" read as a cut to 0 s) has no
            # reading of this clause; the others still have theirs, and a message never fails to plan
            continue
        changed = [a for k, a in enumerate(fork.actions) if k >= len(state.actions) or a is not state.actions[k]]
        found.append(Candidate(area, fork, changed, explained(reading, changed, area.topics, settles=area.settles,
                                                              drafts=(state.draft, fork.draft), focus=focus),
                               acts_on(changed, state.draft, shown) if shown else 0))
    return found


def _focus(state: PlanState) -> str | None:
    """The clip "it" means for the scorer: the focused clip, unless it is a generation planned in this message."""
    focus = state.focus.segment_id if state.focus is not None and state.focus.kind == "clip" else None
    if state.pending_generation(focus) is not None:  # "generate ... and put it after ...": the generation's own place
        focus = None
    return focus


def best(found: list[Candidate]) -> Candidate:
    """The candidate explaining most of the clause; on a tie one that plans something over one that only says why
    it cannot ("mute all clips" is not a slideshow without photos), then one that acts on the clip the clause names
    by what it shows ("swap the city for a forest at dawn" is that clip's replacement, not music), then the earlier
    area (alone when nothing else tells them apart: the order is all there is to go by)."""
    return max(found, key=lambda c: (len(c.explains), bool(c.explains) and _acts(c), c.on_named))


def _acts(candidate: Candidate) -> bool:
    return any(not isinstance(a, Unknown) or a.question for a in candidate.actions)


def close_call(found: list[Candidate], chosen: Candidate) -> Candidate | None:
    """A rival as good as ``chosen`` that reads the clause another way: it explains as many slots but not the same
    ones (each accounts for words the other leaves out), about another topic. The order alone would pick one of
    them; the user is asked instead."""
    for rival in found:
        if rival is chosen or len(rival.explains) != len(chosen.explains) or not rival.explains:
            continue
        if rival.explains <= chosen.explains or chosen.explains <= rival.explains:
            continue
        if rival.topics and chosen.topics and not rival.topics & chosen.topics:
            return rival
    return None


# the music there said to go, with nothing of the new music's own: "来个说唱伴奏 把现在这个换掉", "…, replace the current one"
_OLD_ONE_OUT = re.compile(r"^(?:然后|再)?(?:把)?(?:现在|原来|之前|本来)的?(?:这|那)?(?:个|首)?(?:音乐|配乐|歌|bgm)?(?:给)?(?:换掉|替换掉|替掉|去掉)(?:吧)?$|"
                          r"^(?:and )?replace the (?:current|old|existing) (?:one|music|song|track)$")


def _restated(chosen: Candidate, state: PlanState, clause: Clause) -> bool:
    """The clause asks again for the library music the message just asked for (a complaint, then "change it"; new music,
    then the old one said to go), or for the change of the voice just planned ("the narrator talks way too fast, slow
    him down": one change)."""
    if len(chosen.actions) != 1 or not state.actions:
        return False
    made, last = chosen.actions[0], state.actions[-1]
    if isinstance(made, VoiceChangeAction):
        return last == made
    return isinstance(made, MusicAction) and (last == made or isinstance(last, MusicAction) and made.style is None
                                              and _OLD_ONE_OUT.match(clause.text) is not None)


def _left_out(clause: Clause, chosen: Candidate) -> Unknown | None:
    """A question when the best reading leaves out a thing the clause names: nothing is dropped silently, and an
    edit never lands on another object than the one said ("slow down the music" would slow the video)."""
    slots = read_clause(clause).slots
    left = sorted({str(s.value) for k, s in enumerate(slots) if s.kind == "topic" and k not in chosen.explains})
    if not left or not chosen.topics:
        return None
    zh = clause.language == "zh"
    did = " / ".join(dict.fromkeys(TOPIC_LABELS[t][zh] for t in sorted(chosen.topics) if t in TOPIC_LABELS))
    said = " / ".join(dict.fromkeys(TOPIC_LABELS[t][zh] for t in left if t in TOPIC_LABELS))
    return Unknown(clause.unquoted(), understood="", unexplained=True, question=ask(
        clause, f"I'm not sure what you want done with {said}: all I could read here is a change to {did}. "
                "Could you say it another way?",
        f"不太明白要对{said}做什么：这句话我只能理解成修改{did}。能换个说法吗？"))


def _which(clause: Clause, one: Candidate, other: Candidate) -> Unknown:
    """"Do you mean the music or the clips?" with the registry's names for each reading's topic."""
    zh = clause.language == "zh"
    names = [" / ".join(dict.fromkeys(TOPIC_LABELS[t][zh] for t in sorted(c.topics) if t in TOPIC_LABELS))
             for c in (one, other)]
    return Unknown(clause.unquoted(), understood="", unexplained=True, question=ask(
        clause, f"Do you mean {names[0]} or {names[1]}? Say which, in a few more words.",
        f"是要改{names[0]}，还是{names[1]}？请再说具体一点。"))


def settle(message: str, language: str) -> str:
    """The message as the rules read it: "hey, ... thx 🙏", "嗯，…吧～" without the noise of typing (``_noise``), "I was
    wondering if you could ...", "如果方便的话，..." without the hedge (``_hedges``), and "trim it to 3 seconds, no wait,
    2" with only what was settled on (``_correction``)."""
    return _correction.resolve(_hedges.plain(_noise.quiet(message, language), language), language)


def understand(message: str, context: AgentContext) -> Plan:
    """Turn one chat message into a Plan of actions, in the order the user asked for them. Traditional Chinese is read
    on its simplified characters and answered in its own script; the user's words go into the draft as typed
    (``_traditional``)."""
    reading = read_chinese(message)
    script = script_of(message, context.history, reading.characters)
    if reading.text == message and script == "hans" and not _traditional_labels(context):
        plan = _understand(message, context)  # the user's numbers in a title or a prompt as typed ("九份老街")
        return dataclasses.replace(plan, actions=typed_plan(plan.actions, reading, script)) \
            if plan.language == "zh" else plan
    history = [simplified(label) for label in context.history]  # labels saved in Traditional, read as written
    versions = [dataclasses.replace(v, label=simplified(v.label)) for v in context.versions]
    plan = _understand(reading.text, dataclasses.replace(context, history=history, versions=versions))
    return dataclasses.replace(plan, message=message, script=script,
                               actions=typed_plan(plan.actions, reading, script))


def _traditional_labels(context: AgentContext) -> bool:
    return any(simplified(label) != label for label in context.history)


def _understand(message: str, context: AgentContext) -> Plan:
    language: Language = detect_language(message)  # type: ignore[assignment]
    if not message.strip():
        language = context.language or "en"
    settled = settle(message, language)
    context = _not_uploaded_yet(settled, context)
    draft = context.draft if isinstance(context.draft, Draft) else Draft.model_validate(context.draft)
    state = PlanState(context=context, language=language, draft=draft,
                      focus=focus_from_history(context.history, draft, context.versions))
    # a script or a narration's words span sentences: read before the message is split into clauses (what is said
    # around a narration, "remove the title, then add a voice-over: ...", is read as clauses on either side of it)
    # a script's own sentences are never corrections or hedges ("... No phones in bed. Keep it cool."): read as typed first
    spoken = voice.read_script(message, state) or voice.read_whole(settled, state)
    corrected = _corrected_message(settled, language, state) if spoken is None else None
    if corrected is not None:  # "not the music, the dog clip": undo the last change, make it on what was meant
        state = corrected
    elif spoken is None:
        state = _read_clauses(split_clauses(settled, language), state)
    else:
        state = _read_clauses(split_clauses(spoken.before, language), state)
        state.actions.extend(spoken.actions)
        state = _read_clauses(split_clauses(spoken.after, language), state)
    if any(not isinstance(a, Unknown) for a in state.actions):  # "视频太长了，剪到10秒": the why needs no answer
        state.actions = [a for a in state.actions if not (isinstance(a, Unknown) and (
            is_chatter(a.text) or any(a is said for said in state.described)))]
    elif len(state.actions) > 1 and all(isinstance(a, Unknown) for a in state.actions):
        state.actions = list(_one_answer([a for a in state.actions if isinstance(a, Unknown)], message))
    if not state.actions:
        state.actions.append(Unknown(message.strip(), understood=""))
    # "音乐大声点，调到60%", "fade in and fade out, 1.5 seconds each": a pair said together is one change
    actions = part_added(state.actions, state.origin or draft, state.draft, language)  # "…，只要它的前4秒": that part
    return Plan(language=language, actions=_export_last(one_change(actions, normalize(settled), language, state.origin or draft)),
                message=message)


def _export_last(actions: list[Action]) -> list[Action]:
    """"export an mp4, 25fps": the file's frame rate, size or shape said with the export is set before it renders (an
    export planned first would come out at the old settings)."""
    exports = [k for k, a in enumerate(actions) if isinstance(a, ExportAction)]
    canvas = [k for k, a in enumerate(actions) if isinstance(a, EditAction) and isinstance(a.edit, SetCanvas)]
    if len(exports) != 1 or not canvas or canvas[-1] < exports[0]:
        return actions
    export = actions[exports[0]]
    rest = [a for a in actions if a is not export]
    at = rest.index(actions[canvas[-1]]) + 1
    return [*rest[:at], export, *rest[at:]]


# "我还没传", "i haven't uploaded it yet", "i'll upload it later": what the user means is not among the uploads
_NOT_UPLOADED = re.compile(r"\b(?:haven'?t|have not|didn'?t|did not|not)\s+(?:uploaded|upload)\b(?:\s+(?:it|them|that|this|the|my|one|\w+)){0,3}?"
                           r"\s+yet\b|\bnot (?:been )?uploaded\b|\b(?:i'?ll|i will|i'?m gonna|i'?m going to) upload\b[\w' ]{0,24}?\blater\b|"
                           r"(?:还没|还没有|没)(?:上)?传|待会(?:儿)?(?:再)?(?:上)?传|等(?:一)?下(?:再)?(?:上)?传|回头(?:再)?(?:上)?传|还没(?:有)?发给你")
_UPLOAD_KINDS = (("audio", r"\b(?:songs?|music|tracks?|audio|mp3)\b|歌|音乐|配乐|曲子"),
                 ("image", r"\b(?:photos?|pictures?|pics?|images?)\b|照片|图片|相片"),
                 ("video", r"\b(?:videos?|footage|recording)\b|视频|素材|录像"))


def _not_uploaded_yet(message: str, context: AgentContext) -> AgentContext:
    """"不知道可不可以把音乐换成我自己的，我还没传", "use my own song, i haven't uploaded it yet": the user's own file is not
    among the uploads, so none of the kind named (every upload when none is named) is what is meant: the areas ask for
    the upload first instead of taking another file."""
    text = message.lower()
    if not context.media or _NOT_UPLOADED.search(text) is None:
        return context
    kinds = {kind for kind, words in _UPLOAD_KINDS if re.search(words, text)} or {"audio", "image", "video"}
    return dataclasses.replace(context, media=[m for m in context.media if not (m.uploaded and m.kind in kinds)])


# where the video goes, said as the reason for its shape ("方形 发朋友圈")
_PURPOSE = re.compile(r"^(?:要|我要|是|想|我想)?(?:发|传)(?:到|给)?(?P<where>朋友圈|抖音|快手|视频号|b站|小红书|(?:ins )?reels|ins|ig|油管|youtube|"
                      r"tiktok|shorts)(?:上)?(?:用的?|的)?$")


# "再短点，剪到八秒", "剪短点 剪到6秒", "a bit shorter, cut it to 8 seconds": which way, then how much; the amount says it all
_VAGUE = re.compile(r"^(?:再|还|稍微)?(?:剪|缩|弄|变|搞|整)?(?:得)?(?:短|长|快|慢)(?:一)?(?:点|些)(?:吧)?$|^(?:a (?:bit|little|tad) |even |bit )?"
                    r"(?:shorter|longer|faster|slower)(?: still| please)?$")


# "i only want the first 8 seconds, delete the rest", "只要前八秒，后面的都删掉": the rest goes with what is kept
_THE_REST = re.compile(r"^(?:and |then )?(?:(?:delete|remove|cut|drop|lose|trash) (?:all )?the rest(?: of it)?|the rest (?:delete|remove|cut|"
                       r"drop)(?: it)?|(?:剩下|其余|其他|后面|剩余)的?(?:都|全)?(?:删掉|删了|不要了?|去掉|剪掉))(?: please)?(?:吧)?$")
_KEPT = r"\b(?:only|just|keep)\b|只要|只留|只保留|保留|留下"


def _vague_then_said(clauses: list[Clause]) -> list[Clause]:
    """A bare comparative right before a request with its amount is that request's direction, not a request of its own;
    "delete the rest" after what is kept says the same again."""
    return [c for k, c in enumerate(clauses) if not (
        _VAGUE.match(c.text) and k + 1 < len(clauses) and duration_ms(clauses[k + 1].text) is not None
        and clauses[k + 1].has(r"\b(?:cut|trim|make|shorten|set)\b|剪|裁|缩|改成|调到")) and not (
        k > 0 and _THE_REST.match(c.text) and clauses[k - 1].has(_KEPT) and duration_ms(clauses[k - 1].text) is not None)]


# how to do something, asked before the request that does it: "how do I change the title? I want it to say Beach Day"
_HOW_ASKED = re.compile(r"^(?:(?:so|ok(?:ay)?|hmm+|um+|and|but)[,\s]+)*how (?:do|can|could|would|should|will) (?:i|we|you|u) "
                        r"(?:\w+ ){0,2}?(?:change|make|get|put|set|edit|fix|move|do|add|turn|have)\b|"
                        r"^[\u4e00-\u9fff]{1,6}?(?:要|该|能|可以)?怎么(?:改|换|弄|调|加|设置|修改)(?:呢|啊)?$")
# an example of the request before it, said as a request: "make the music softer at the end? like fade it out over 4 seconds"
_LIKE_SAID = re.compile(r"^(?:like|e\.?g\.?|for example|for instance|say|something like|maybe)[,:\s]+(?=(?:just |maybe )?(?:" + EN_VERBS +
                        r"|fade|have|let|give|bring|turn|keep)\b)")


def _asked_then_said(clauses: list[Clause]) -> list[Clause]:
    """A how-to question or a request, then the request said exactly about the same thing (its "it", or a topic both name):
    the exact one alone ("how can i make the title bigger? make it twice the size")."""
    for k in range(len(clauses) - 1):
        first, then = clauses[k], clauses[k + 1]
        like = _LIKE_SAID.match(then.text) if then.language == "en" else None
        if not (like or _HOW_ASKED.match(first.text)):
            continue
        said = Clause(then.text[like.end():], then.quotes, then.language, then.source) if like else then
        topics = {s.value for s in read_clause(first).of("topic")}
        if topics & {s.value for s in read_clause(said).of("topic")}:
            return [*clauses[:k], said, *clauses[k + 2:]]
        named = [_TOPIC_NOUNS[t][said.language == "zh"] for t in topics if t in _TOPIC_NOUNS]
        if said.language == "zh" and len(named) == 1 and not read_clause(said).of("topic"):
            # "标题怎么改？我想改成「海边的一天」": the object Chinese leaves unsaid is the one asked about
            return [*clauses[:k], Clause(named[0] + said.text, said.quotes, said.language, said.source), *clauses[k + 2:]]
        if mentions_it(said) and len(named) == 1:  # "... the music ...? like fade it out": "it" is the music
            it = Clause(re.sub(r"\b(?:it|that)\b", named[0], said.text, count=1), said.quotes, said.language, said.source)
            return [*clauses[:k], it, *clauses[k + 2:]]
    return clauses


_TOPIC_NOUNS = {"title": ("the title", "标题"), "music": ("the music", "音乐"), "voice": ("the voice-over", "配音")}


# "cut them", "cut that", "trim em", "cut it there", "剪掉吧": what the clause before it named
_CUT_IT = re.compile(r"^(?:(?:so|and|just|then|please)\s+)*(?:cut|trim|remove|drop|delete|lose|chop)(?:\s+(?:them|it|that|em|'em|"
                     r"those|this|that part|that bit))?(?:\s+(?:out|off|there|away))?(?:\s+(?:please|pls))?$|^(?:那就|就)?(?:把它|把这段)?"
                     r"(?:剪掉|删掉|去掉|裁掉|砍掉)(?:吧|它)?$")


_CUT_REST = re.compile(r"^(?:and |then )?(?:cut|delete|remove|drop|lose|trash|get rid of) (?:all )?(?:everything else|the rest)"
                       r"(?: of it)?(?: please)?$|^(?:其他|其余|剩下|剩余)的?(?:都|全)?(?:删掉|删了|不要了?|去掉|剪掉)(?:吧)?$")


# a clip said to be too long, then a cut of its end with no clip named: "城市这段太长 后面剪掉4秒" cuts the city clip
_TOO_LONG_ZH = re.compile(r"^(?P<clip>[\u4e00-\u9fff]{1,6}?)(?:这|那)段(?:有点|太|实在)*(?:长了?|短一点)(?:啊|呀|吧)?$")
_END_CUT_ZH = re.compile(r"^(?:后面|前面|开头|结尾|最后|末尾)(?:的)?(?:剪掉|剪|删掉|去掉|裁掉)\s*\d+(?:\.\d+)?\s*秒(?:吧|钟)?$|"
                         r"^(?:后面|前面|开头|结尾|最后|末尾)(?:的)?\d+(?:\.\d+)?\s*秒(?:钟)?(?:剪掉|删掉|去掉|不要了?)(?:吧)?$")


def _cut_of_the_long_clip(clauses: list[Clause]) -> list[Clause]:
    """"城市这段太长 后面剪掉4秒": the end cut is the named clip's (one clause: "城市那段后面剪掉4秒")."""
    for index in range(1, len(clauses)):
        named, cut = _TOO_LONG_ZH.match(clauses[index - 1].text), clauses[index]
        if named and _END_CUT_ZH.match(cut.text):
            merged = Clause(f"{named.group('clip')}那段{cut.text}", cut.quotes, cut.language, cut.source)
            return [*clauses[:index - 1], merged, *clauses[index + 1:]]
    return clauses


def _cut_what_was_named(clauses: list[Clause]) -> list[Clause]:
    """"first 2 seconds are just nothing, cut them", "nothing happens in the city clip after 6s, cut it there": the
    stretch of time said before a bare cut is what is cut (one clause: the cut of that stretch)."""
    for index in range(1, len(clauses)):
        clause, named = clauses[index], clauses[index - 1]
        if _CUT_REST.match(clause.text) and time_range(named.text) is not None:  # "2s to 10s, cut everything else"
            merged = Clause(f"{'只要' if clause.language == 'zh' else 'keep '}{named.text}", named.quotes, named.language,
                            named.source)
            return [*clauses[:index - 1], merged, *clauses[index + 1:]]
        if _CUT_IT.match(clause.text) and (duration_ms(named.text) is not None or time_range(named.text) is not None):
            verb = "剪掉" if clause.language == "zh" else "cut"
            merged = Clause(f"{verb} {named.text}", named.quotes, named.language, named.source)
            return [*clauses[:index - 1], merged, *clauses[index + 1:]]
        # "shorter please, the last 3 seconds are boring", "the first 2 seconds drag, make it shorter": the shorter asked
        # for without how much, beside an end's seconds judged, is that stretch cut
        for vague, stretch in ((named, clause), (clause, named)):
            said = _STRETCH_JUDGED.match(stretch.text)
            if _SHORTER_IT.match(vague.text) and said is not None:
                merged = Clause(f"cut the {said.group(1)}", stretch.quotes, stretch.language, stretch.source)
                return [*clauses[:index - 1], merged, *clauses[index + 1:]]
    return clauses


_SHORTER_IT = re.compile(r"^(?:(?:so|and|just|then|please|pls)\s+)*(?:(?:make|cut|trim|get) (?:it|this|the video|that|the whole thing) "
                         r"(?:a (?:bit|little) |a lil |little )?shorter|(?:a (?:bit|little) )?shorter|shorten (?:it|this|the video))"
                         r"(?:\s+(?:please|pls))?$")
# an end's seconds judged, with nothing asked: "the last 3 seconds are boring", "first 2 secs drag"
_STRETCH_JUDGED = re.compile(r"^(?:(?:but|because|since|cause|cuz|coz)\s+)?(?:the )?((?:first|last|final|opening) (?:\d+(?:\.\d+)?\s*)?"
                             r"(?:seconds?|secs?|s))\b (?!.*\b(?:should|please|can you|could you)\b)"
                             r"(?:are|is|'re|feel|feels|look|looks|seem|seems|just|drag|do|does|don'?t|doesn'?t|have|has)\b.*$")


# the export's quality said with its shape or place: "导出 发B站的 横屏高清"
_QUALITY_TAIL = r"(?:\s*(?:高清|高画质|超清|清楚点|hd|in hd|high quality|1080p?))?"
_SHAPE = re.compile(rf"^(?:横屏|竖屏|横版|竖版|方形|横的|竖的|方的|vertical|landscape|horizontal|square)(?:的|版)?{_QUALITY_TAIL}$")
# a platform with its shape ("B站横屏 导出一下", "tiktok vertical, export it"): the export's, wherever it is said
_WHERE = r"朋友圈|抖音|快手|视频号|b站|小红书|(?:ins )?reels|ins|油管|youtube|tiktok|shorts|instagram"
_SHAPES = r"横屏|竖屏|横版|竖版|方形|横的|竖的|方的|vertical|landscape|horizontal|square|portrait"
_PLATFORM_SHAPE = re.compile(rf"^(?:for |发|给)?(?:{_WHERE})(?:的| )?\s*(?:{_SHAPES})(?:的|版)?{_QUALITY_TAIL}$|"
                             rf"^(?:{_SHAPES})(?:的| )?\s*(?:for |发|给)?(?:{_WHERE})(?:用)?(?:的|版)?{_QUALITY_TAIL}$")


_DETAIL = rf"{_WHERE}|{_SHAPES}|高清|超清|高画质|最高画质|高质量|画质(?:最)?(?:高|好)|最(?:清楚|清晰)|清楚(?:一)?点|1080p?|720p?|(?<![a-z])(?:hd|mp4|mov|gif|webm)(?![a-z])"


# how good the file should be, said alone before or after an export: "画质一般就行，导出一下"
_QUALITY_ALONE = re.compile(r"^(?:画质|清晰度|质量)(?:要|就|用|调到?|弄)?(?:一般|普通|差不多|低一点|低点|高一点|高点|最高|最好|好一点|好点)(?:的)?"
                            r"(?:就行|就好|就可以了?|就够了?|吧)?$")


def _only_export_details(text: str) -> bool:
    """"发B站的 横屏高清" after "导出": where it goes, its shape and its quality, nothing else (the export's details)."""
    return re.search(_DETAIL, text) is not None and \
        re.sub(rf"{_DETAIL}|发|给|到|用|的|要|版本?|[\s，,]", "", text) == ""


# the project said first, then a clip asked for outright: "我要做个美食号的开场 生成一段牛排在锅里滋滋冒油", "我在做一个旅行vlog，
# 先生成一段海边日落", "i want to make a cooking video, generate a steak sizzling in a pan": what the clip is for, no clip
_PROJECT = re.compile(r"^(?:我|我们)(?:要|想|想要|在|正在|准备|打算)(?:做|整|弄|搞|拍|剪)(?:1)?(?:个|期|条|段|一个)|"
                      r"^(?:i'?m|i am|we'?re|we are) (?:making|doing|working on|putting together|editing)\b|"
                      r"^(?:i|we) (?:want|need|would like|'d like|wanna) (?:to )?make (?:a|an|my|our)\b")
_OUTRIGHT = re.compile(r"^(?:先|再|然后|就|帮我|请|给我)*(?:生成|制作)|^(?:(?:first|then|now|so|please|pls)\s+)*(?:generate|create)\b|"
                       # "... can you start with a clip of balloons floating": a new clip of a scene, at an end
                       r"^(?:(?:can|could) you |please |let'?s )?(?:start|open|begin|end|finish) (?:it |the video )?with (?:a|an) "
                       r"(?:[\w-]+ ){0,2}?(?:clip|shot|video|scene) of\b")


def _project_then_clip(clauses: list[Clause]) -> list[Clause]:
    """The project a message opens with, before the clip it asks for outright, is what the clip is for: one clip."""
    if len(clauses) > 1 and _PROJECT.match(clauses[0].text) and _OUTRIGHT.match(clauses[1].text) and aspect_of(clauses[0]) is None:
        return clauses[1:]
    return clauses


# a clip asked for with nothing said of what it shows, then the scene in a sentence of its own: "can you make me a
# video? a ferris wheel at night", "可以帮我生成个视频吗？想要夜晚的游乐园摩天轮", "可以生成方形的视频吗？要一个奶茶店门口的画面"
_BARE_CLIP = re.compile(r"^(?:(?:can|could|would|will) (?:you|u) (?:please |pls )?)?(?:make|generate|create|give)(?: me| us)? "
                        r"(?:a|an|one)(?: new| short| quick| little)?(?: vertical| square| landscape)? (?:video|clip|vid)(?: for me)?$|"
                        r"^(?:可以|能|能不能|可不可以)?(?:帮我|给我|请)?(?:生成|做|制作|整|弄)(?:(?:1)?(?:个|段|条))?"
                        r"(?:新的?)?(?:(?:竖屏|横屏|方形|正方形|竖版|横版)的?)?(?:视频|片段|短片)$")


def _scene_said_after(clauses: list[Clause]) -> list[Clause]:
    """A bare request for a clip, then a sentence that only describes what to film: one request, the scene after a
    colon (an edit in the next sentence stays an edit of its own)."""
    for index in range(len(clauses) - 1):
        ask_, said = clauses[index], clauses[index + 1]
        if _BARE_CLIP.match(ask_.text) and "⟪" not in said.text and not re.search(EDIT_WORDS, said.text) and not said.has(
                rf"^(?:(?:please|also|and|then)\s+)*(?:{EN_VERBS})\b|^(?:请|帮我|再|然后)?(?:{ZH_VERBS})"):
            merged = Clause(f"{ask_.text}: {said.text}", ask_.quotes, ask_.language, ask_.source)
            return [*clauses[:index], merged, *clauses[index + 2:]]
    return clauses


# a photo named alone, then what is made of it: "我上传了一张沙滩的照片，让它动起来", "用我的照片 生成一个10秒的视频 海浪慢慢涌上来",
# "i uploaded a photo of the beach, make it move": one request about that photo (never the photo added as it is)
_PHOTO_ALONE = re.compile(r"^(?:(?:我)?(?:刚|刚刚|已经)?(?:上传|传)了|(?:就)?(?:用|拿))(?:我的|我)?(?:刚)?(?:上传|传)?(?:的)?"
                          r"(?:1张|这张|那张)?(?:[\u4e00-\u9fff]{1,6}的)?(?:照片|图片|相片)$|"
                          r"^(?:i (?:just )?(?:uploaded|sent)|use|using|take) (?:a|an|the|my|this|that) (?:[\w-]+ )?(?:photo|picture|pic|image)"
                          r"(?: of (?:a |an |the )?[\w ]+)?$")
_MADE_OF_IT = re.compile(r"^(?:请|帮我)?(?:让它|把它|它)(?:.*)动|^(?:请|帮我)?(?:生成|做|制作)(?:1)?(?:个|段)|"
                         r"^(?:(?:please|can you|could you)\s+)?(?:make|turn) it (?:move|come alive|into a (?:video|clip))\b|"
                         r"^(?:(?:please|can you|could you)\s+)?bring it to life\b|^(?:(?:please|can you)\s+)?animate it\b")


def _photo_then_made(clauses: list[Clause]) -> list[Clause]:
    """A photo named alone, then a clip made of it ("它" / "it" is the photo): one request to animate it."""
    for index in range(len(clauses) - 1):
        photo, made = clauses[index], clauses[index + 1]
        if _PHOTO_ALONE.match(photo.text) and _MADE_OF_IT.match(made.text):
            if made.language == "zh":
                said = made.text.replace("它", "那张照片", 1) if "它" in made.text else f"用那张照片{made.text}"
            else:
                said = re.sub(r"\bit\b", "the photo", made.text, count=1)
            merged = Clause(said, made.quotes, made.language, made.source)
            return [*clauses[:index], merged, *clauses[index + 2:]]
    return clauses


# a title asked for without its words, then how it looks and its words said after a pause: "城市那段加个白色的标题 放顶部
# 写「Night City」" (one title, never a question about its words and a second title)
_TITLE_NO_WORDS = re.compile(r"(?:加|添加|来|配|弄|整)(?:1|一)?(?:个|行|段)?[^⟪，,]{0,6}?(?:标题|文字|字幕)$")
_WORDS_SAID = re.compile(r"(?:^|\s)(?:写|写着|写上|叫|叫做|内容是)\s*⟪\d+⟫")


def _title_then_words(clauses: list[Clause]) -> list[Clause]:
    """A title asked for without its words, then its words in the next clause or the one after: one request."""
    for index in range(len(clauses) - 1):
        if clauses[index].language != "zh" or not _TITLE_NO_WORDS.search(clauses[index].text):
            continue
        for end in (index + 1, index + 2):
            if end < len(clauses) and _WORDS_SAID.search(clauses[end].text):
                said = clauses[index:end + 1]
                merged = Clause(" ".join(c.text for c in said), said[-1].quotes, said[-1].language, said[-1].source)
                return [*clauses[:index], merged, *clauses[end + 1:]]
    return clauses


# the shape a platform wants, asked without naming it: "can you make it the right shape"; where it goes said beside it
_RIGHT_SHAPE = re.compile(r"\b(?:the )?(?:right|correct|proper|best) (?:shape|size|format|aspect(?: ratio)?|ratio|dimensions?|orientation)\b")
_POSTED_ON = re.compile(rf"\b(?:post|upload|put|share|publish|send)\w* (?:it |this |the video |my video )?(?:on|to|onto) (?:my )?({_WHERE})\b|"
                        rf"\b(?:it'?s|this is|that'?s) for ({_WHERE})\b")


def _shape_for_where(clauses: list[Clause]) -> list[Clause]:
    """"I want to post it on tiktok, can you make it the right shape": the shape is the platform's, the posting its reason
    (never an export nor a title moved right)."""
    shaped = [k for k, c in enumerate(clauses) if _RIGHT_SHAPE.search(c.text) and not re.search(_WHERE, c.text)]
    posted = [(k, m) for k, c in enumerate(clauses) if (m := _POSTED_ON.search(c.text)) and not c.has(r"\bexport|\brender")]
    if len(shaped) != 1 or len(posted) != 1:
        return clauses
    (where, said), target = posted[0], clauses[shaped[0]]
    merged = Clause(f"make it the right shape for {said.group(1) or said.group(2)}", target.quotes, target.language, target.source)
    return [merged if k == shaped[0] else c for k, c in enumerate(clauses) if k != where]


# where the user posts, said beside a shape said outright: "i post on facebook, make it 4 by 5", "i post on instagram, make
# it square" (the shape asked; the platform is only why)
_POSTS_ON = re.compile(rf"^(?:(?:i|we)(?:'ll| will| usually| mostly| always)? )?(?:post|upload|share|publish)\w* "
                       rf"(?:it |this |the video |my videos? |videos )?(?:on|to|onto) (?:my )?(?:{_WHERE}|facebook|fb|linked ?in|"
                       rf"twitter|pinterest|snapchat|whats ?app|vimeo)\b[\w\s]*$")
_SHAPE_SAID = re.compile(rf"{_SHAPES}|(?<![\d.])\d+\s*(?::|x|by|比)\s*\d+(?![\d.])")


def _posted_beside_shape(clauses: list[Clause]) -> list[Clause]:
    """"i post on facebook, make it 4 by 5": the shape said is the request, where it is posted only its reason."""
    posted = [k for k, c in enumerate(clauses) if _POSTS_ON.match(c.text)]
    shaped = [k for k, c in enumerate(clauses) if k not in posted and _SHAPE_SAID.search(c.text)]
    if len(posted) != 1 or not shaped:
        return clauses
    return [c for k, c in enumerate(clauses) if k != posted[0]]


def _purpose_of_export(clauses: list[Clause]) -> list[Clause]:
    """"发ins reels用的，导出吧", "it's for tiktok, export it": where the video goes is the export's platform; the two
    clauses read as one export."""
    exports = [k for k, c in enumerate(clauses) if c.has(r"导出|导(?:1|一)?(?:个|份)|\bexport|出片|渲染")]
    # "导出给油管 横屏": a shape said after the export is the export's (said before it, "横屏 导出给youtube", it is a change)
    purposes = [k for k, c in enumerate(clauses) if _PURPOSE.match(c.text) or _PLATFORM_SHAPE.match(c.text) or
                exports and k > exports[0] and (_SHAPE.match(c.text) or _only_export_details(c.text)) or
                exports and k != exports[0] and _QUALITY_ALONE.match(c.text)]
    if len(exports) != 1 or not purposes:
        return clauses
    target = clauses[exports[0]]
    said = " ".join(clauses[k].text for k in purposes)
    merged = Clause(f"{target.text} {said}", target.quotes, target.language, target.source)
    return [merged if k == exports[0] else c for k, c in enumerate(clauses) if k not in purposes]


# "不要狗那段了，换成一段…", "get rid of the dog clip and replace it with a husky running in the snow": a clip removed, then
# what goes in its place
_REMOVED_CLIP = re.compile(r"^(?:(?:please|just|ok|so|and|then)\s+)*(?:get rid of|remove|delete|drop|lose|ditch|cut|scrap|kill)\s+"
                           r"(?P<en>.+?)(?:\s+(?:please|pls))?$|^(?:把)?(?:不要|删掉|删除|去掉|拿掉|删了|去了|剪掉)?(?:了)?\s*(?P<zh>.+?)"
                           r"(?:不要了|删掉|删了|去掉|拿掉|也不要|就不要)?(?:吧|了)*$")
_IN_ITS_PLACE = re.compile(r"^(?:(?:and|then)\s+)?(?:replace (?:it|that|them) with|swap (?:it|that) (?:out )?for|(?:swap|put|drop) in)\s+"
                           r"(?P<en>(?:a|an|some|my)\s+.+?)(?:\s+instead)?$|^(?:然后|再)?(?:换成|替换成|改成|用)(?P<zh>(?:1|一)(?:段|个|条).{2,}?|我(?:自己)?(?:上传|传)?的.+?|我自己拍的.*?)"
                           r"(?:代替|替换|来代替)?(?:吧)?$")
_NOT_GENERATED = re.compile(r"^(?:我)?(?:不要|不用|不想要)(?:ai)?生成的(?:了|那个|片段|视频)?$")


# a song said as news, then "it": "i uploaded a song, use it at 25 percent" is one request about that song
# ("i put a song up", "i've just uploaded my track", "我上传了一首歌", "我传了首歌上来")
_SONG_NEWS = re.compile(r"^(?:(?:so|ok|okay|hey|hi|also)\s+)?i(?:'ve| have)?\s+(?:just\s+|already\s+|also\s+)?(?:uploaded|put|sent|"
                        r"added|dropped|attached)\s+(?:up\s+)?(?:a|an|my|the|one)\s+(?:[\w.-]+\s+)?(?:song|track|tune|mp3|audio|"
                        r"music file)(?:\s+(?:up|here|too|as well))*$|"
                        r"^(?:我)?(?:刚|刚刚|已经|也)?(?:上传|传|发)了?(?:1)?(?:首|个|段)?(?:我的)?(?:歌|歌曲|音乐|音频)(?:上来|上去)?(?:了)?$")
_USE_IT = re.compile(r"^(?:and |then |so )?(?:(?:please|pls|can you|could you)\s+)?(?:use|put|play|add|set) (it|that|that one)\b|"
                     r"^(?:然后|那就|就)?(?:用|把)(它)")


# "i uploaded a video of my hike", "我传了一个爬山的视频": news of a video or photo upload, before what to do with it
_MEDIA_NEWS = re.compile(r"^(?:(?:so|ok|okay|also|and)[,\s]+)*(?:i |i've |i have )?(?:just |also |already )?(?:uploaded|added|put up|sent(?: you)?) "
                         r"(?:a |an |my |the |one )?(?:[\w-]+ ){0,2}?(?P<en>video|clip|footage|photo|picture|pic|image)"
                         r"(?: (?:of|from) [\w' -]{1,30})?$|"
                         r"^(?:我)?(?:刚|刚刚|已经|也)?(?:上传|传|发)了?(?:1|一)?(?:个|段|张|条)?(?:我的)?[\u4e00-\u9fff\w]{0,8}?(?:的)?"
                         r"(?P<zh>视频|照片|图片|相片)(?:上来|上去)?(?:了)?$")
_PLACE_IT = re.compile(r"^(?:and |then |so )?(?:(?:please|pls|can you|could you)\s+)?(?:use|put|add|place|stick|drop|insert) (it|that|that one)\b|"
                       r"^(?:然后|那就|就|帮我|麻烦)?(?:把(它)|(?=(?:放|加|接|插)(?:到|在|进)))")


def _upload_news_then_it(clauses: list[Clause]) -> list[Clause]:
    """"i uploaded a video of my hike, put it in after the city", "我传了一个爬山的视频，放到最后": "it" (in Chinese, the
    object left unsaid) is the upload just told of, as "my video" / "我上传的视频" names it."""
    out: list[Clause] = []
    for clause in clauses:
        news = _MEDIA_NEWS.match(out[-1].text) if out else None
        placed = _PLACE_IT.match(clause.text) if news else None
        if news is not None and placed is None:
            # "i uploaded a video of my trip, can you remove the shaky parts": the news only says what the request is
            # about; "mute it and put it at the end": "it" is that upload ("make it vertical" stays the video's shape)
            said = news.group("en") or news.group("zh")
            kind = "photo" if said in ("photo", "picture", "pic", "image", "照片", "图片", "相片") else "video"
            named = clause.text
            if clause.language == "en" and (kind == "photo" or re.search(
                    r"^(?:(?:and|then|so|please|can you|could you)\s+)*(?:mute|trim|cut|shorten|speed|slow|put|add|place|use|"
                    r"insert|move|stick|drop)\b[^,]*?\bit\b", clause.text)):  # ("make it move": the photo told of)
                named = re.sub(r"\bit\b", f"my {kind}", clause.text, count=1)
            elif clause.language == "zh" and kind == "photo":  # "我传了一张海边的照片，让它动一下"
                named = clause.text.replace("它", "我上传的照片", 1)
            out[-1] = dataclasses.replace(clause, text=named)
            continue
        if news is None or placed is None:
            out.append(clause)
            continue
        said = news.group("en") or news.group("zh")
        kind = "photo" if said in ("photo", "picture", "pic", "image") else "video"
        if placed.group(1):
            text = clause.text[:placed.start(1)] + f"my {kind}" + clause.text[placed.end(1):]
        else:
            upload = "我上传的照片" if said in ("照片", "图片", "相片") else "我上传的视频"
            at = placed.start(2) if placed.group(2) else placed.end()
            text = clause.text[:at].replace("把", "") + "把" + upload + clause.text[placed.end(2) if placed.group(2) else at:]
        out[-1] = dataclasses.replace(clause, text=text)
    return out


def _changed_then_placed(clauses: list[Clause], state: PlanState) -> list[Clause]:
    """"hike那个视频不要声音，加在最后", "mute the hike video and put it at the end": a change said of an upload not on the
    timeline yet, then where "it" goes, is that upload put there first, then changed (it asked to add the upload first,
    which the message already says)."""
    on_timeline = {seg.src for seg in main_clips(state.draft)}
    for index in range(1, len(clauses)):
        said, then = clauses[index - 1], clauses[index]
        placed = _PLACE_IT.match(then.text)
        uploads = [m for m in state.context.media if m.uploaded and m.kind in ("video", "image") and m.src not in on_timeline
                   and (names_upload(said.unquoted().lower(), m) or m.kind == "image" and said.has(r"照片|图片|相片|\b(?:photo|picture|pic)\b"))]
        if placed is None or len(uploads) != 1 or _MEDIA_NEWS.match(said.text) or _PLACE_IT.match(said.text):
            continue  # ("add hike.mp4, then put it at the start": added already, then moved)
        name = uploads[0].name
        found = candidates(said, state)
        asked = best(found).actions if found else []
        # (a move asked of a photo not on the timeline asks for a photo there: "照片做成慢慢往右移的效果，放在城市前面")
        if not (len(asked) == 1 and isinstance(asked[0], Unknown) and asked[0].understood not in ("", "a clip") and
                (re.search(rf"{re.escape(name)}.*(?:not on the timeline yet|还不在时间线上)", asked[0].question) or
                 uploads[0].kind == "image" and re.search(r"^There are no photos on the timeline|^时间线上没有照片", asked[0].question))):
            continue  # only a change the areas ask to add the upload for ("徒步视频，3秒，放在最后" is how it goes in)
        if placed.group(1):
            text = then.text[:placed.start(1)] + name + then.text[placed.end(1):]
        else:
            at = placed.start(2) if placed.group(2) else placed.end()
            text = then.text[:at].replace("把", "") + "把" + name + then.text[placed.end(2) if placed.group(2) else at:]
        return [*clauses[:index - 1], dataclasses.replace(then, text=text), said, *clauses[index + 1:]]
    return clauses


def _song_news_then_it(clauses: list[Clause]) -> list[Clause]:
    out: list[Clause] = []
    for clause in clauses:
        use = _USE_IT.match(clause.text)
        if out and use and _SONG_NEWS.match(out[-1].text):
            group = 1 if use.group(1) else 2
            song = "my song" if group == 1 else "我上传的歌"
            out[-1] = dataclasses.replace(clause, text=clause.text[:use.start(group)] + song + clause.text[use.end(group):])
        else:
            out.append(clause)
    return out


def _removed_then_replaced(clauses: list[Clause], state: PlanState) -> list[Clause]:
    """"不要狗那段了，换成一段在雪地里奔跑的哈士奇": a clip removed, then something put in its place, is one replacement
    (a new clip where the old one was), not a deletion and a request with no object."""
    # "把城市那个删了 我不要生成的 用我自己拍的": why, said between the removal and what takes its place
    clauses = [c for k, c in enumerate(clauses) if not (0 < k < len(clauses) - 1 and _NOT_GENERATED.match(c.text)
                                                         and _REMOVED_CLIP.match(clauses[k - 1].text)
                                                         and _IN_ITS_PLACE.match(clauses[k + 1].text))]
    for index in range(1, len(clauses)):
        removed, placed = _REMOVED_CLIP.match(clauses[index - 1].text), _IN_ITS_PLACE.match(clauses[index].text)
        if removed is None or placed is None:
            continue
        said = clauses[index - 1]
        if not re.search(r"\b(?:get rid of|remove|delete|drop|lose|ditch|cut|scrap|kill)\b|不要|删|去掉|拿掉|去了|剪掉", said.text):
            continue
        old = removed.group("en") or removed.group("zh")
        refs = clip_refs(Clause(old, said.quotes, said.language, said.source), state)
        if len(refs) != 1 or refs[0] in (None, MISSING):
            continue
        text = f"replace {old} with {placed.group('en')}" if said.language == "en" else f"把{old}换成{placed.group('zh')}"
        return [*clauses[:index - 1], Clause(text, said.quotes, said.language, said.source), *clauses[index + 1:]]
    return clauses


# a clip named by what it shows, as a place said before the request: "where the city lights are, ...", "the part with
# the dog, ...", "in the bit where the dog runs, ..."
# a moment said first: "at 0:04 add a whoosh", "at 7 seconds put a pop"
_MOMENT_FIRST = re.compile(r"^(?:(?:and|now|so|then)\s+)*(?:at|around|from|after)\s+(?:the\s+)?\d+(?:\.\d+)?\s*(?:seconds?|secs?|s)"
                           r"(?:\s+mark)?$|^(?:(?:and|now|so|then|right)\s+)*(?:at|by) the (?:very )?(?:start|beginning|end) of "
                           r"(?:the [a-z ]{2,30}|clip \d+|it)$|^(?:在)?第?\d+(?:\.\d+)?秒(?:的时候|处|那里|那儿)?$")
# the moment the title goes, said before the words to show then: "after the title goes, show 'Chapter 1' for 2 secs"
_TITLE_GONE_FIRST = re.compile(r"^(?:(?:and|now|so|then)\s+)*(?:after|once|when|as soon as) the (?:title|text|heading)"
                               r"(?: (?:goes|is gone|disappears|ends|finishes|goes away|fades out|is over))?$")
_PLACE_FIRST = re.compile(r"^(?:(?:right|just|exactly|and|now|so)\s+)*(?:where|(?:in |on |during |for )?the (?:part|bit|shot|scene|"
                          r"one|moment|section|clip) (?:with|where|showing|that shows|when|of))\b|"
                          r"^(?:还有|然后|那|至于|在)?[\u4e00-\u9fff\d]{1,12}?(?:那段|这段|那一段|那个片段|那个镜头|的镜头|的片段|的地方|那里|那儿|那块)"
                          r"(?:[\u4e00-\u9fff]{1,4}?的)?(?:的话|呢)?$")  # "最后那段狗的, ...": the last one, the dog's


# a clip said alone, after a complaint: "太快了看不清 狗那段", "way too fast, the dog clip"
_CLIP_ALONE = re.compile(r"^(?:(?:the|that|this) )?[a-z ]{2,20}? (?:clip|one|part|shot)$|^(?:那个|这个)?[\u4e00-\u9fff]{1,6}?(?:那段|这段)$")


def _complaint_then_clip(clauses: list[Clause], state: PlanState) -> list[Clause]:
    """"太快了看不清 狗那段": a complaint that asks for a change, then the clip it is about said on its own, is that change
    on that clip."""
    for index in range(len(clauses) - 1):
        remark, named = remark_of(clauses[index].text), clauses[index + 1]
        if remark is None or remark.request is None or not _CLIP_ALONE.match(named.text) or \
                len([ref for ref in clip_refs(named, state) if ref != MISSING]) != 1:
            continue
        request = remark.request
        if named.language == "zh":
            said = f"{named.text}{request}" if remark.subject in ("", "它") else ""
        else:
            said = re.sub(r"^make (?:it|that|this|everything) ", f"make {named.text} ", request) \
                if re.match(r"^make (?:it|that|this|everything) ", request) else ""
        if said:
            merged = Clause(said, named.quotes, named.language, named.source)
            return [*clauses[:index], merged, *clauses[index + 2:]]
    return clauses


# an amount said alone after a complaint: "it's too long, 8 seconds (is plenty)", "the music is too loud, 20%"
_AMOUNT_AFTER = re.compile(r"^(?P<head>.*?)[,.;]?\s*(?P<hedge>(?:like|maybe|about|around|just)\s+)?"
                           r"(?P<amount>\d+(?:\.\d+)?\s*(?:seconds?|secs?|s|%|percent|x)|(?P<bare>\d{1,3})|"
                           r"(?P<half>half)(?: (?:that|it|of that|of it|as (?:loud|much)))?)(?:\s+(?:(?P<tops>max|tops)|then|please))?$")
# a length wished shorter, then the length said alone: "弄短点 五秒就行", "太长了 八秒就够了", "狗那段再短一点，3秒吧"
_SHORTER_TO_ZH = re.compile(r"^(?P<obj>[\u4e00-\u9fff]{1,6}?那段|第\d+(?:个)?(?:片段|段)|视频|整个视频)?(?:的)?(?:再|弄|搞|整|剪|给我|还是)*"
                            r"(?:短一点|短一些|太长了|有点长|(?:有点)?太长|长了)(?:吧|啊|呀)?[，,\s]+(?:就|剪到|到|只要|留)?"
                            r"(?P<n>\d+(?:\.\d+)?)秒(?:钟)?(?:就行|就好|就可以|就够了?|吧|左右|差不多|足够了?)*$")
# the change asked outright before the amount ("make it shorter, 10 seconds is fine"), and the words that make the amount
# the one wanted rather than how much more or less ("is fine", "like", "max")
_ASKED_SHORTER = re.compile(r"^(?:(?:please|pls|just|can you|could you)\s+)*(?:make (?P<obj>it|the [\w' -]+?) )?"
                            r"(?:a (?:bit|little|lot) |much |way )?shorter(?:\s+(?:please|pls|plz))?$")
_AMOUNT_IS_FINE = re.compile(r"\d\s*(?:seconds?|secs?|s|%|percent|x)\s+(?:(?:would|will|should|could) be|is|'s|sounds?|seems?)\s+"
                             r"(?:really |just |probably )?(?:great|good|nice|perfect|fine|ideal|enough|ok(?:ay)?|plenty|best|about right)\b",
                             re.IGNORECASE)
# a level asked with no unit after a complaint about loudness: "the music is too loud, like 20" (20%), "..., like half that"
_LOUDNESS = re.compile(r"\b(?:quieter|louder|softer)$")
_LENGTH = re.compile(r"\b(?:shorter|longer)$")  # "it's too long, like 8": 8 seconds
_MORE_OR_LESS = re.compile(r"^make (?:it|the [\w' -]+?) (?:shorter|longer|quieter|louder|softer|faster|slower|bigger|smaller)$")


# a thing said to need changing with no change said ("标题改一下"), or judged with the thing last ("好丑啊这个标题"), then
# the change with no object ("改成「夏夜」", "删了吧"): the change is that thing's
_THING_THEN_ZH = re.compile(r"^(?:(?P<obj>标题|字幕|文字|背景音乐|音乐|配乐|bgm|转场|[\u4e00-\u9fff]{1,4}?那段)(?:的)?(?:文字|字|颜色)?(?:再)?"
                            r"(?:改|换|调|弄|动)(?:一)?下(?:吧)?|(?:好|太|真|有点|特别)[\u4e00-\u9fff]{1,2}(?:了|啊|呀|吧)?"
                            r"(?:这个|那个)(?P<obj2>标题|字幕|音乐|背景音乐|配乐|bgm|转场|[\u4e00-\u9fff]{1,4}?那段))$")
_OBJECTLESS_CHANGE_ZH = re.compile(r"^(?:再|就|直接|干脆)?(?:改成|换成|调成|调到|改为|换为|变成|删了|删掉|删除|去掉|去了|拿掉|不要了)")


def _thing_then_change_zh(clauses: list[Clause]) -> list[Clause]:
    """"标题改一下 改成「夏夜」", "好丑啊这个标题 删了吧": the change said after is of the thing said before it."""
    out: list[Clause] = []
    for clause in clauses:
        said = _THING_THEN_ZH.match(out[-1].text) if out and clause.language == "zh" else None
        if said is not None and _OBJECTLESS_CHANGE_ZH.match(clause.text):
            out[-1] = Clause(f"{said.group('obj') or said.group('obj2')}{clause.text}", clause.quotes, clause.language,
                             clause.source)
            continue
        out.append(clause)
    return out


def _complaint_then_amount(clauses: list[Clause]) -> list[Clause]:
    """"it's too long, 8 seconds is plenty", "the music is too loud, 20%", "way too long. 6 seconds is fine": a complaint
    that asks for more or less of a thing, then an amount said alone, is that change to the amount (never more or less
    by a guess, nor the amount asked about)."""
    out: list[Clause] = []
    for clause in clauses:
        shorter = _SHORTER_TO_ZH.match(clause.text) if clause.language == "zh" else None
        if shorter is not None:  # "弄短点 五秒就行", "狗那段太长了 3秒就够了": cut to that length, no cut verb said
            out.append(Clause(f"{shorter.group('obj') or ''}剪到{shorter.group('n')}秒", clause.quotes, clause.language,
                              clause.source))
            continue
        said = _AMOUNT_AFTER.match(clause.text) if clause.language == "en" else None
        head = said.group("head").strip(" ,.;") if said else ""
        previous = remark_of(out[-1].text) if out and said and not head else None
        remark = remark_of(head) if head else previous
        asked_so = _ASKED_SHORTER.match(head) if said and head and remark is None else None
        if said is not None and asked_so is not None and re.search(r"\d\s*(?:seconds?|secs?|s)$", said.group("amount")) and (
                said.group("hedge") or said.group("tops") or _AMOUNT_IS_FINE.search(clause.source)):
            # "make it shorter, 10 seconds is fine", "shorter pls, like 12 seconds": that long (as "make it 10 seconds")
            out.append(Clause(f"make {asked_so.group('obj') or 'it'} {said.group('amount')}", clause.quotes, clause.language,
                              clause.source))
            continue
        if said is None or remark is None or remark.request is None or not _MORE_OR_LESS.match(remark.request) or \
                said.group("half") and not _LOUDNESS.search(remark.request) or \
                said.group("bare") and not _LOUDNESS.search(remark.request) and not _LENGTH.search(remark.request):
            out.append(clause)
            continue
        bare = said.group("bare")
        amount = (f"to {bare}%" if _LOUDNESS.search(remark.request) else f"to {bare} seconds") if bare else \
            "by half" if said.group("half") else f"to {said.group('amount')}"
        asked = Clause(f"{remark.request} {amount}", clause.quotes, clause.language, clause.source)
        if not head:
            out.pop()
        out.append(asked)
    return out


# a judgement said of what is on screen: "Urban Dreams sounds cheesy lol, rename it ...", "ugh urban dreams is so cringe, ..."
_JUDGED_AS = r"(?:is|'s|are|was|sounds?|looks?|feels?|seems?|reads?|doesn'?t|does not|isn'?t|just|kinda|kind of|really|so)\b"
_OPENS_JUDGED = re.compile(r"^(?:(?:ugh|meh|hmm+|honestly|tbh|lol|haha+|yikes|oof|well|so|nah|idk|i think|i feel like)[\s,.!]+)*")


def _title_words_judged(clauses: list[Clause], state: PlanState) -> list[Clause]:
    """"Urban Dreams sounds cheesy lol, rename it to ...": the title's own words, unquoted, said as what a remark
    before a request judges, are the title (as "'Urban Dreams' is boring, ..." quoted is): the remark is the
    request's reason and its "it", never a scene to film nor a request of its own."""
    texts = [t for t in text_segments(state.draft) if len(t.meta.text or "") >= 3]
    for index, clause in enumerate(clauses[:-1]):
        opened = _OPENS_JUDGED.match(clause.text)
        rest = clause.text[opened.end() if opened else 0:]
        if clause.language != "en" or text_named_unquoted(rest, state.draft) is None:
            continue
        name = next((t.meta.text or "").lower() for t in texts
                    if rest.startswith((t.meta.text or "").lower() + " "))
        if re.match(_JUDGED_AS, rest[len(name) + 1:]) if name else False:
            clauses[index] = Clause("the title " + rest[len(name) + 1:], clause.quotes, clause.language, clause.source)
    return clauses


# a remark about the camera's move: "the moving camera thing makes me dizzy", "the zoom is too much", "that pan is annoying"
_MOTION_REMARK = re.compile(r"^((?:the|this|that|all (?:the|this|that)) (?:[\w-]+ ){0,2}?(?:zoom(?:ing)?|pan(?:ning)?|ken burns|"
                            r"(?:camera )?(?:movement|motion|moves?)|moving(?: camera)?|camera)(?: (?:thing|effect|stuff))?)"
                            r"(?P<where> (?:on|in|of) (?:the )?[a-z]+(?: [a-z]+)?? ?(?:clip|one|shot|part)?)? (?:makes?|is|are|'s|feels?|looks?|gets?|gives?|seems?)\b")
_IT_ALONE = re.compile(r"\b(?:it|that|them)\b")
# a change of mind said of a thing, then the request: "i changed my mind about the fade, go back before it"
_MIND_CHANGED = re.compile(r"^(?:(?:ok(?:ay)?|hmm+|actually|so|well|sorry|wait)[,\s]+)*(?:i(?:'ve| have)?\s+)?(?:changed|change) my mind "
                           r"(?:about|on|regarding|with) ((?:the|this|that|my) [\w' -]{1,30}?)$")


def _motion_then_it(clauses: list[Clause]) -> list[Clause]:
    """"the moving camera thing makes me dizzy, stop it", "i changed my mind about the fade, go back before it": the
    request's "it" is the thing the remark names."""
    for index in range(len(clauses) - 1):
        remark = _MOTION_REMARK.match(clauses[index].text) or _MIND_CHANGED.match(clauses[index].text)
        request = clauses[index + 1]
        if remark is None or request.language != "en" or not _IT_ALONE.search(request.text) or \
                read_clause(request).of("topic"):
            continue
        where = remark.groupdict().get("where") or ""  # "the zoom on the dog is too much, stop it": the zoom on that clip
        said = _IT_ALONE.sub(re.sub(r"^(?:this|that|all \w+) ", "the ", remark.group(1)) + where, request.text, count=1)
        # the remark is the request's reason, and says nothing more
        return [*clauses[:index], Clause(said, request.quotes, request.language, request.source), *clauses[index + 2:]]
    return clauses


def _place_first(clauses: list[Clause], state: PlanState) -> list[Clause]:
    """"where the city lights are, slowly zoom in", "the part with the dog, make it black and white": the clip the place
    names is what the request after it acts on (its "it", else the clip it is done on)."""
    for index in range(len(clauses) - 1):
        place, request = clauses[index], clauses[index + 1]
        if _MOMENT_FIRST.match(place.text) and not _MOMENT_FIRST.match(request.text) and duration_ms(request.text) is None or \
                _TITLE_GONE_FIRST.match(place.text) and request.quote() is not None:  # "after the title goes, show 'Chapter 1'"
            said = f"{place.text}{request.text}" if request.language == "zh" else f"{request.text} {place.text}"
            return [*clauses[:index], Clause(said, request.quotes, request.language, request.source), *clauses[index + 2:]]
        if _PLACE_FIRST.match(place.text) is None or (place.language == "zh" and read_clause(place).of("verb")):
            continue  # (not "删掉狗那段": a request of its own)
        named = [ref for ref in clip_refs(place, state) if ref != MISSING]
        if len(named) != 1 or clip_refs(request, state):
            continue
        number = [c.id for c in main_clips(state.draft)].index(named[0]) + 1
        if request.language == "zh":  # "有狗的那段，静音": the object Chinese leaves unsaid
            said = request.text.replace("它", f"第{number}个片段", 1) if "它" in request.text else f"第{number}个片段{request.text}"
        elif re.search(r"\b(?:it|that|this)\b", request.text):
            said = re.sub(r"\b(?:it|that|this)\b", f"clip {number}", request.text, count=1)
        else:
            said = f"{request.text} on clip {number}"
        merged = Clause(said, request.quotes, request.language, request.source)
        return [*clauses[:index], merged, *clauses[index + 2:]]
    return clauses


# an upload as the cover, then where it goes on the timeline: "用我的照片做封面 放开头两秒" (the opening shot, not a thumbnail)
_AS_COVER = re.compile(r"^(?:用|拿|把)(?P<what>[^，,\s]{1,10}?)(?:做|当|作为|当成|做成)(?:视频的?)?封面$")
_AT_OPENING = re.compile(r"^(?:就)?(?:放|加|插|摆)(?:在|到)?(?:视频的?)?(?:最)?(?:开头|前面|最前|开始)")


def _cover_then_placed(clauses: list[Clause]) -> list[Clause]:
    """"用我的照片做封面 放开头两秒": an upload named as the cover and then put at the opening is that upload, first."""
    for index in range(len(clauses) - 1):
        cover, then = _AS_COVER.match(clauses[index].text), clauses[index + 1]
        if cover is None or not _AT_OPENING.match(then.text):
            continue
        merged = dataclasses.replace(then, text=f"把{cover.group('what')}{then.text}")
        return [*clauses[:index], merged, *clauses[index + 2:]]
    return clauses


# a place for something unsaid, then what it is: "小狗那一小段后面再加点别的，加个海边的" (one new clip, there)
_SOMETHING_THERE = re.compile(r"^(?P<place>.{0,12}?(?:后面|前面|之后|之前|后边|前边|最后|开头|结尾))(?:再)?(?:加|来|接|补)(?:点|些|一点|一些|个|1个)?"
                              r"(?:别的|其他的?|东西|什么|新的)(?:东西|内容|画面)?(?:吧)?$")


def _something_then_said(clauses: list[Clause]) -> list[Clause]:
    """"小狗那段后面再加点别的，加个海边的": the place said first, with "something else", is where the thing said next goes."""
    for index in range(len(clauses) - 1):
        first, then = _SOMETHING_THERE.match(clauses[index].text), clauses[index + 1]
        if first is None or not re.match(r"(?:再)?(?:加|来|接|补)(?:1)?(?:个|段|条)", then.text):
            continue
        merged = dataclasses.replace(then, text=f"{first.group('place')}{then.text}")
        return [*clauses[:index], merged, *clauses[index + 2:]]
    return clauses


# an upload added, then a move for it with its length said last after a pause: "照片加进来 用拉远的效果 三秒" (the photo
# 3 s), "照片加进来，慢慢推近，显示4秒", "add my photo, have it slowly zoom in, 4 seconds"; or the length alone after the move
_LENGTH_LAST = re.compile(r"(?:^|\s+|[，,]\s*)(?:显示|时长|放)?(?P<zh>\d+(?:\.\d+)?秒)(?:钟)?(?:就行|就好|吧)?$|"
                          r"(?:^|,\s*)(?:for\s+|make it\s+)?(?:about\s+)?(?P<en>\d+(?:\.\d+)?\s*(?:seconds?|secs?|s))(?: long)?(?: please| pls)?$")
_ADDS_UPLOAD = {"zh": r"加|放|添加|插|接", "en": r"\b(?:add|put|use|insert|stick|drop|throw)\b"}
_KEPT_FOR = re.compile(r"^(?:(?:and|then|just|please)\s+)*(?:keep|make|let|have|leave) it (?:stay |be |last |show(?: up)? |stay on screen |on screen )?"
                       r"(?:for )?(?:about |around |like |maybe |only |just )?(\d+(?:\.\d+)?\s*(?:seconds?|secs?|s))(?: long)?(?: please| pls)?$")
_PHOTO_SAID = {"zh": r"照片|图片|相片", "en": r"\b(?:photo|picture|pic|image)\b"}


def _length_of_added(clauses: list[Clause], state: PlanState) -> list[Clause]:
    """"照片加进来 用拉远的效果 三秒": a length said last, after a pause, in the clause after an upload is added (or alone in
    the clause after that) is the upload's length, said with it ("照片加进来 3秒"), and the move is what is left."""
    on_timeline = {seg.src for seg in main_clips(state.draft)}
    for index in range(len(clauses) - 1):
        added = clauses[index]
        kept = _KEPT_FOR.match(clauses[index + 1].text) if added.language == "en" else None
        if kept is not None and duration_ms(added.text) is None and re.search(_ADDS_UPLOAD["en"], added.text) and len(
                [m for m in state.context.media if m.uploaded and m.kind in ("video", "image") and m.src not in on_timeline and (
                    names_upload(added.unquoted().lower(), m) or m.kind == "image" and re.search(_PHOTO_SAID["en"], added.text))]) == 1:
            # "add my picture after the city and keep it 6 seconds": how long the upload shows, said of it as "it"
            return [*clauses[:index], dataclasses.replace(added, text=f"{added.text} for {kept.group(1)}"), *clauses[index + 2:]]
        for after in range(index + 1, min(index + 3, len(clauses))):
            then = clauses[after]
            length = _LENGTH_LAST.search(then.text)
            said = length and (length.group("zh") if added.language == "zh" else length.group("en"))
            between = clauses[index + 1:after]
            if not said or length is None or bool(then.text[:length.start()].strip()) == bool(between) or \
                    duration_ms(added.text) is not None or not re.search(_ADDS_UPLOAD[added.language], added.text) or \
                    any(duration_ms(c) is not None or not re.search(_VAGUE_MOVE + r"|推|拉|摇|移|zoom|pan|push|pull", c)
                        for c in [c.text for c in between] or ([then.text[:length.start()]] if added.language == "en" else [])):
                continue
            uploads = [m for m in state.context.media if m.uploaded and m.kind in ("video", "image") and m.src not in on_timeline
                       and (names_upload(added.unquoted().lower(), m) or m.kind == "image" and
                            re.search(_PHOTO_SAID[added.language], added.text))]
            if len(uploads) != 1:
                continue
            joined = f"{added.text} {said}" if added.language == "zh" else f"{added.text} for {said}"
            rest = [] if between else [dataclasses.replace(then, text=then.text[:length.start()])]
            return [*clauses[:index], dataclasses.replace(added, text=joined), *between, *rest, *clauses[after + 1:]]
    return clauses


def _read_clauses(clauses: list[Clause], state: PlanState) -> PlanState:
    """Plan each clause in turn: a remark focuses what it names, the best area's reading is taken on its fork, a
    close call is asked."""
    clauses = [clips_named_by_time(clause, state.draft) for clause in clauses]  # "the part at 12 s": clip 2
    clauses = _purpose_of_export(_for_where(_cut_what_was_named(_cut_of_the_long_clip(_vague_then_said(_upload_news_then_it(_song_news_then_it(_asked_then_said(
        _shape_for_where(_posted_beside_shape(clauses))))))))))
    clauses = _length_of_added(_cover_then_placed(_something_then_said(_title_then_words(_photo_then_made(_scene_said_after(_project_then_clip(clauses)))))), state)
    clauses = _complaint_then_clip(_place_first(_removed_then_replaced(_changed_then_placed(clauses, state), state), state), state)
    clauses = _same_but(_regenerated_with(_one_more_then_when(_named_then_said(_motion_then_it(clauses), state)), state), state)
    clauses = _complaint_then_amount(_back_to_before(_title_words_judged(_thing_then_change_zh(clauses), state)))
    remarks = [remark_of(clause.text) for clause in clauses]
    if len(clauses) > 2 and re.fullmatch(r"no|nope|nah|不对|错了", clauses[0].text) and _NOT_THAT_ALONE.match(clauses[1].text):
        clauses = clauses[1:]  # "no, not the clip, the music"
    if len(clauses) > 1 and _NOT_THAT_ALONE.match(clauses[0].text):  # "not the music, the dog clip": one correction
        first, then = clauses[0], clauses[1]
        clauses = [Clause(f"{first.text}, {then.text}", first.quotes, first.language, first.source), *clauses[2:]]
    answered = _reaction_then_value(clauses, state)
    if answered is not None:  # "hmm still too loud. 10": the last change, to that value; the reaction is why
        return answered
    previous: tuple[Clause, PlanState] | None = None  # the clause before, when it acted, and the state it started from
    snapshot: PlanState | None = None
    for index, clause in enumerate(clauses):
        if snapshot is not None:
            planned = state.actions[len(snapshot.actions):]
            acted = bool(planned) and not any(isinstance(a, Unknown) for a in planned) and \
                state.actions[:len(snapshot.actions)] == snapshot.actions
            previous = (clauses[index - 1], snapshot) if acted else None
        state.after_undo()  # "撤回 我要的是剪掉结尾两秒": the rest on the draft the undo restores
        snapshot = state.fork()
        if is_untouched(clause.text):  # "全部加速到两倍 音乐不要动": nothing to do to the music
            continue
        if own_sound_kept(clause.text) and any(isinstance(a, EditAction) and a.edit.op == "remove_music" for a in state.actions):
            continue  # "音乐关了吧 只要原声": the clips' own sound is what is left
        if _level_of_new_music(previous, clause, state):
            continue  # "can we get some background music? nothing too loud": how loud the new music plays
        filmed = _filmed_slowly(previous, clause, state)
        if filmed is not None:  # "a hummingbird drinking from a red flower, slow motion": how the new clip is filmed
            state = filmed
            continue
        again = _said_again(previous, clause, state)
        if again is not None:  # "undo that, undo twice actually": the request before, as meant
            state = again
            continue
        if _why_of_value(clause, clauses[index + 1] if index + 1 < len(clauses) else None, state):
            continue  # "hmm still too loud. 10", "快过头了 改成1.5": why the value after it
        if _PURPOSE.match(clause.text) and any(aspect_of(c) and not c.has(r"导出|\bexport") for c in clauses if c is not clause):
            continue  # "方形 发朋友圈": where it goes is why the shape changes, already said
        clause = after_fine(not_enough(clause))  # "the music isn't loud enough": louder
        fine = fine_as_is(clause, alone=len(clauses) == 1)
        if fine:  # "the music doesn't sound too loud to me": nothing to make quieter
            if isinstance(fine, Unknown):
                state.actions.append(fine)
            continue
        remark = remarks[index]
        if remark is not None:
            others = [c for k, c in enumerate(clauses) if remarks[k] is None and k != index and not is_chatter(c.text)]
            # "the clips' sound is too loud, the wind is annoying": a reason beside a complaint that asks is its why
            asking = others or [c for k, c in enumerate(clauses) if k != index and (r := remarks[k]) and r.request]
            # "..., and also it's too loud": a complaint added to the requests is one of its own
            added = remark.request is not None and re.match(r"^(?:and )?also\b|^(?:另外|还有|而且)", clause.text)
            if (asking if remark.request is None else others) and not added and (
                    remark.request is None or _about_same(clause, others)):
                # "the city part drags, make it 4 s shorter": "it" is what the why names; "i can barely hear the dog because of
                # the music, turn it down": what the complaint asks to change, when it says (the music, not the dog)
                asked = Clause(remark.request, clause.quotes, clause.language, clause.source) if remark.request else None
                _focus_on(asked if asked is not None and {s.value for s in read_clause(asked).of("topic")} & _OBJECTS
                          else clause, state)
                following = clauses[index + 1] if index + 1 < len(clauses) else None
                if following is not None and following.language == "en" and state.focus is not None and \
                        state.focus.kind == "clip" and not mentions_it(following) and not {
                        s.value for s in read_clause(following).of("topic")} & _OBJECTS:
                    # "the city clip is too slow, speed up pls": the clip the complaint names is what is sped up
                    turned = _PARTICLE_VERB_EN.sub(r"\1 it \2", following.text, count=1)
                    clauses[index + 1] = following = Clause(turned, following.quotes, following.language, following.source)
                ids = [c.id for c in main_clips(state.draft)]
                if following is not None and state.focus is not None and state.focus.kind == "clip" and \
                        state.focus.segment_id in ids and _PART_OF_NOTHING.match(following.text):
                    # "the city clip is too long, i only want the first 5 secs": that part of the clip the complaint names
                    number = ids.index(state.focus.segment_id) + 1
                    clauses[index + 1] = Clause(f"{following.text} of clip {number}", following.quotes, following.language,
                                                following.source)
                sound = _SOUND_REMARK.match(clause.text) or _LOUD_CLIP_REMARK.match(clause.text)
                if sound and following is not None and re.search(r"\b(?:it|that)\b", following.text):
                    # "the city sound is too loud, lower it": "it" is that sound, not the clip; "the dog clip is too loud,
                    # turn it down to 20%": the clip's own sound
                    sound_named = re.sub(r"^(?:this|that|my) ", "the ", re.sub(r"'s (?=own )", " clip's ", sound.group(1)))
                    sound_named = sound_named if sound.re is _SOUND_REMARK else \
                        re.sub(r"(?:part|shot)$", "clip", sound_named) + "'s sound"
                    clauses[index + 1] = Clause(re.sub(r"\b(?:it|that)\b", sound_named, following.text, count=1),
                                                following.quotes, following.language, following.source)
                if remark.subject and following is not None and remarks[index + 1] is None and not {
                        s.value for s in read_clause(following).of("topic")} & _OBJECTS and not following.has(
                        r"原声|那段|这段|片段"):  # "口播声音太小了，原声放大到1.5倍": the request names its own object
                    # "音乐有点吵，调到20%吧": the request leaves unsaid what the complaint named
                    clauses[index + 1] = Clause(remark.subject + following.text, following.quotes, following.language,
                                                following.source)
                continue
            if remark.request is None and any(r is not None and r.request is not None
                                              for k, r in enumerate(remarks) if k != index):
                continue  # "配音太快了，听不清", "the clips' sound is too loud, the wind is annoying": why the other complains
            if remark.request is not None:  # "the dog clip is too slow" said alone asks for it faster
                clause = Clause(remark.request, clause.quotes, clause.language, clause.source)
        if _turned_down(clause, clauses[index + 1] if index + 1 < len(clauses) else None):
            _focus_on(clause, state)
            continue  # "不要这种的，来点安静的", "音乐不是太吵，是狗那段原声吵": what is not wanted, then what is
        if index and _already_after(clause, state):
            continue  # "照片放最前面，城市放后面，…": the city is after the photo already
        if index and _only_left(clause, state):
            continue  # "remove the city clip, I only want the dog": what the removal leaves, said again
        if index and not_that(clause.text) and state.actions and not isinstance(state.actions[-1], Unknown):
            continue  # "lofi music, not my song": what is not wanted instead, the request already says it
        clause = after_upload_turned_down(clause, state)
        turned_down = upload_turned_down(clause, state, alone=len(clauses) == 1)
        if turned_down:  # "don't use my upload, just some calm piano music": the upload is what is not wanted
            if isinstance(turned_down, Unknown):
                state.actions.append(turned_down)
            continue
        if _one_more(clause, state):  # "在第一秒加个快门声，在第四秒也加一个": the same again, then
            continue
        if _removed_again(clause, state):  # "城市那段不要了，删掉": the removal said twice
            continue
        lacking = _not_supported(clause) or _gap_between(clause) or no_such_upload(clause, state.context.media)
        if lacking is not None:  # "add a J-cut", "use my other song" (one uploaded): no edit of ours is what was asked for
            state.actions.append(lacking)
            continue
        if not any(not isinstance(a, Unknown) for a in state.actions) and _same_again(clause, state):  # "same for the dog clip", "a bit more": the last change again
            continue
        if _OTHER_WAY.match(clause.text):  # "the other direction" with no last move to turn round: which change? (never a scene)
            state.actions.append(Unknown(clause.unquoted(), understood="", question=ask(
                clause, "Which change should go the other way? Say it with its thing, for example: 'pan the first clip right'.",
                "要把哪个改动反过来？请说清楚，例如：第一段改成向右平移。")))
            continue
        if _same_for_another(clause, state):  # "狗那段原声调到60%，城市那段也调到一样": the change just planned, on that clip
            continue
        if not any(not isinstance(a, Unknown) for a in state.actions) and _adjusted(clause, state):
            continue  # "louder" after the dog clip's sound was set, "twice as loud" after the music: that thing
        if not any(not isinstance(a, Unknown) for a in state.actions) and meta.from_history(clause, state):
            continue  # "no wait put it back" after an undo, "加回来吧" after a removal: the history, not a new edit
        if index and timeline.added_upload(state) and _of_the_new_clip(clause, state):
            clause = dataclasses.replace(clause, text=f"make it {clause.text}")  # "put the hike video after the city, slow motion"
        if index and _added_photo(state) and _MOVE_IT.match(clause.text):  # "add my photo and make it move": that photo
            clause = dataclasses.replace(clause, text="make the photo move")
        changed = _upload_then_more(clause, state)
        if changed is not None:  # "add the hiking clip at half speed": the upload, then what is said of it
            state = changed
            continue
        helped = meta.how_to(clause) if len(clauses) == 1 else None
        if helped is not None:  # "how do I add music": how the editor does it, never the change unasked
            state.actions.append(helped)
            continue
        found = candidates(clause, state)
        if not found or all(isinstance(a, Unknown) for a in best(found).actions):
            detail = _detail_of(previous, clause)
            if detail is not None:  # "标题淡出，用两秒", "把照片加进来，放在视频后面": how the request before it goes
                state = detail
                continue
            last = _it_is_last(clause, state)
            if last is not None:  # "bring it back up to 80" after "Muted the dog clip": "it" is what the last version changed
                state = last
                continue
            composed = _composed(clause, state, found)
            if composed is not None:  # "title colour -> teal", "bgm vol 30%": the registry's one op that fits it whole
                state = composed
                continue
            guessed = _guessed_by_intent(clause, state, found, alone=len(clauses) == 1)
            if guessed is not None:  # no whole reading: the partial one of the op the trained model is certain of
                state = guessed
                _ask_what_is_missing(clause, state)
                continue
        if found:
            chosen = best(found)
            corrected = _composed_value(clause, state, chosen)
            if corrected is not None:  # "clip 2 speed 1.5": the value said, in the field it names
                state = corrected
                continue
            rival = close_call(found, chosen)
            if rival is not None:  # two readings explain as much, each in its own way: ask which
                # unless it is two settings said with a comma, each whole, or two requests joined by "and" / 和
                parts = _composed_parts(clause, state) or _joined_parts(clause, state, chosen.topics | rival.topics)
                if parts is not None:
                    _ask_what_is_missing(clause, parts)
                    state = parts
                    continue
                settled = _settled_by_intent(clause, state, (chosen, rival))
                if settled is not None and _left_out(clause, settled) is None:
                    # the trained model is sure of one reading and not of the other, and it drops no thing named
                    state = settled.state
                    _ask_what_is_missing(clause, state)
                    continue
                state.actions.append(_which(clause, chosen, rival))
                continue
            also = _also_read(clause, state, found, chosen)
            if also is not None:  # "make it vertical and 8 seconds max": the shape, and the length the shape's reading left
                state = also
                continue
            left = _left_out(clause, chosen)
            if left is not None:  # "slow down the music": the best reading would change something else
                state.actions.append(left)
                continue
            if _restated(chosen, state, clause):  # "i don't like the music, change it": one new track, not two
                continue
            state = chosen.state
            _ask_what_is_missing(clause, state)
            continue
        if _implied_text(clause, state):
            continue
        if state.actions and getattr(state.actions[-1], "understood", None) == _ABILITY:
            continue  # "加个画中画，把狗那段缩小放在右上角": how the thing asked about should look, already answered
        unread = _nothing_to_edit(clause, state) or _not_understood(clause)
        why = _says_why(clause, clauses[index + 1] if index + 1 < len(clauses) else None, unread, state) or \
            _restates(previous, clause, unread)
        if why:  # "it looks weird on my phone, ...": asked about only when nothing beside it acts
            state.described.append(unread)
        if why or chatter_kind(clause.text) == "reason":  # "the first clip is too long, cut it to 4 s": "it" is that clip
            # ("i love the dog part but the city part is way too long": the clip complained of, after the praise)
            but = re.search(r"^(?:.*\s)?(?:but|though|however)\s+(?P<rest>.+)$", clause.text) if clause.language == "en" else None
            named = [ref for ref in clip_refs(Clause(but.group("rest"), clause.quotes, clause.language, clause.source), state)
                     if ref != MISSING] if but is not None else []
            named = named or [ref for ref in clip_refs(clause, state) if ref != MISSING]
            if named:
                state.focus = Focus("clip", named[0])
        state.actions.append(unread)
    return state


def _composed_fits(clause: Clause, state: PlanState) -> list[tuple[Proposal, PlanState, frozenset[int]]]:
    """The registry ops the composed reading (``_composed``) proposes that explain the whole clause, each planned on
    its own fork: (the proposal, its fork, the slots it explains). One that makes something is left to the areas."""
    reading = read_clause(clause)
    whole = frozenset(k for k, s in enumerate(reading.slots) if s.kind not in _CONCRETE)
    fits = []
    for proposal in proposals(clause, state):
        fork = state.fork()
        failed, missing = len(fork.failed), len(fork.missing)
        if fork.edit(proposal.edit, proposal.tool.focus) or fork.draft.canvas.captions and not state.draft.canvas.captions:
            continue  # it makes something (turns the captions on): what to make is the areas' to read
        if len(fork.failed) > failed and len(fork.missing) == missing and not proposal.tool.name.startswith(("remove_", "delete_")):
            continue  # it cannot apply ("stop the music at 20 seconds" of a 15 s video): the areas' question stands
            # (a removal of what is not there is already so: "voiceover off" is said to have nothing to remove)
        explains = explained(reading, fork.actions[len(state.actions):], drafts=(state.draft, fork.draft), focus=_focus(state))
        if whole <= explains:
            fits.append((proposal, fork, explains))
    return fits


def _composed(clause: Clause, state: PlanState, found: list[Candidate]) -> PlanState | None:
    """The composed reading of a clause no area acted on: the one registry op whose edit explains the whole clause,
    when no area's reading explains as much; two ops that fit it equally are asked about by name. None when no op
    fits it whole (the areas' question stands)."""
    reading = read_clause(clause)
    whole = frozenset(k for k, s in enumerate(reading.slots) if s.kind not in _CONCRETE)
    if whole and found and len(best(found).explains & whole) >= len(whole):
        return None  # an area's reading explains as much: the areas stay the authority
    fits = _composed_fits(clause, state)
    ops = list(dict.fromkeys(proposal.tool.name for proposal, _, _ in fits))
    # ("声音调成0": the sound with no owner said is either, asked, whatever the model leans to)
    if len(ops) > 1 and not clause.has(r"^(?:把|将)?(?:视频|整个视频|全部)?(?:的)?声音"):  # "音量0.1": the music's or the clips' own?
        intent = _intent(clause, state)  # the trained model may be sure of one
        pick = chosen_reading(intent, [frozenset({op}) for op in ops]) if intent is not None else None
        if pick is not None:
            fits = [fit for fit in fits if fit[0].tool.name == ops[pick]]
            ops = ops[pick:pick + 1]
    if len(ops) > 1:  # "音量0.1": the music's or the clips' own? ask, naming both
        names = [label(op, clause.language) for op in ops[:2]]
        state.actions.append(Unknown(clause.unquoted(), understood="", unexplained=True, question=ask(
            clause, f"Do you mean {names[0]} or {names[1]}? Say which, in a few more words.",
            f"是要{names[0]}，还是{names[1]}？请再说具体一点。")))
        return state
    chosen = fits[0][1] if fits else _composed_parts(clause, state)
    if chosen is None:
        return None
    _ask_what_is_missing(clause, chosen)
    return chosen


def _intent(clause: Clause, state: PlanState) -> dict[str, float] | None:
    """The trained intent model's probabilities for the clause on the draft as planned so far (None: no model)."""
    return intent_of(clause.text, state.draft, [m.kind for m in state.context.media if m.uploaded],
                     bool(state.context.history))


def _kinds(actions: list[Action]) -> frozenset[str]:
    """The op kinds a reading plans; a generation of music counts as one (the model never chooses a paid one)."""
    kinds = {kind_of(a) for a in actions}
    return frozenset(kinds | {"generate"} if any(isinstance(a, MusicAction) and a.compose for a in actions) else kinds)


def _settled_by_intent(clause: Clause, state: PlanState, rivals: tuple[Candidate, Candidate]) -> Candidate | None:
    """Of two readings the rules cannot tell apart (``close_call``), the one the trained model is sure of, when it is
    unsure of the other; None (ask which) otherwise."""
    intent = _intent(clause, state)
    pick = chosen_reading(intent, [_kinds(c.actions) for c in rivals]) if intent is not None else None
    return rivals[pick] if pick is not None else None


# the actions the model may plan on its own: they show, they change nothing
# ("how long is this clip", "remind me what files i have": the part of the timeline asked about, as the meta area reads it)
_LOOKS: dict[str, Callable[[Clause], Action]] = {"show": lambda clause: ShowTimeline(meta.asked_of(clause)),
                                                 "help": lambda clause: HelpAction()}


def _guessed_by_intent(clause: Clause, state: PlanState, found: list[Candidate], alone: bool) -> PlanState | None:
    """A clause no area acts on and no op explains whole: the reading of the op the trained model is certain of that
    explains most of it, an area's (its only flaw the words it leaves unexplained) before a composed proposal, each
    with its values read from the clause and applying cleanly; a look (the timeline, help) when the clause is the
    whole message. None (the question stands) otherwise, and always when an area read the clause and asked something
    of it (an unsupported value, a thing not there): only a clause the rules did not understand is guessed at."""
    if found and any(isinstance(a, Unknown) and a.question and not a.unexplained for a in best(found).actions):
        return None  # an area read the clause and asks something of it ("3:4 is not a shape we have"): its question
    intent = _intent(clause, state)
    kind = certain_kind(intent) if intent is not None else None
    if kind is None:
        return None
    if kind in _LOOKS:  # "how many clips do i have", "我都上传了些什么": a look changes nothing, it needs no value
        if not alone:  # "how does this work? what can you do": the clause beside it says which look
            return None
        looked = state.fork()
        looked.actions.append(_LOOKS[kind](clause))
        return looked
    options = [(len(c.explains), c.state) for c in found
               if c.explains and _kinds(c.actions) == {kind} and not c.state.missing and not c.state.failed[len(state.failed):]]
    reading = read_clause(clause)
    for proposal in proposals(clause, state, every_word=False):
        fork = state.fork()
        if proposal.edit.op != kind or fork.edit(proposal.edit, proposal.tool.focus) or fork.missing or \
                fork.failed[len(state.failed):]:
            continue
        explains = explained(reading, fork.actions[len(state.actions):], drafts=(state.draft, fork.draft), focus=_focus(state))
        if explains:
            options.append((len(explains), fork))
    return max(options, key=lambda option: option[0])[1] if options else None


# the word joining two requests said in one breath: "a title 'Night' plus guitar music", "再加个标题「夜」和吉他音乐"; or
# the pause a dictated message leaves there, after quoted words or between Chinese words ("标题「夜」 吉他音乐")
_JOIN = re.compile(r"\s*(?:\band\b|\bplus\b|&|\+|还有|以及|和|跟|[，,；;])\s*|(?<=⟫)\s+|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


def _joined_parts(clause: Clause, state: PlanState, topics: set[str]) -> PlanState | None:
    """A close call that is two requests joined by "and" / "plus" / 和 (or a dictated pause): each side read alone by the
    areas, in turn, taken when each side's best reading acts with no question (nor a thing missing to act on), no close
    call and nothing left out of its own, and the two together are about every topic the rival readings were; None otherwise (the question stands)."""
    for join in _JOIN.finditer(clause.text):
        sides = (clause.text[:join.start()].strip(), clause.text[join.end():].strip())
        if not all(sides):
            continue
        planned: PlanState | None = state
        for side in sides:
            part = Clause(side, clause.quotes, clause.language, clause.source)
            found = candidates(part, planned) if planned is not None else []
            chosen = best(found) if found else None
            if chosen is None or not chosen.explains or any(isinstance(a, Unknown) for a in chosen.actions) or \
                    len(chosen.state.missing) > len(state.missing) or \
                    close_call(found, chosen) is not None or _left_out(part, chosen) is not None:
                planned = None
                break
            planned = chosen.state
        if planned is not None and topics <= {t for a in planned.actions[len(state.actions):]
                                              if (t := topic_of(a)) is not None}:
            return planned
    return None


def _also_read(clause: Clause, state: PlanState, found: list[Candidate], chosen: Candidate) -> PlanState | None:
    """"make it vertical and 8 seconds max", "square, and max 6 seconds": the best reading acts on one thing and another
    area reads, from words the first leaves out, a change of another thing; when the clause joins the two ("and", a
    comma), each side read alone, in turn (``_joined_parts``), else None (the best reading stands)."""
    if any(isinstance(a, Unknown) for a in chosen.actions) or not chosen.topics:
        return None
    other = next((c for c in found if c is not chosen and c.explains and not c.explains & chosen.explains and c.topics
                  and not c.topics & chosen.topics and not any(isinstance(a, Unknown) for a in c.actions)), None)
    return _joined_parts(clause, state, chosen.topics | other.topics) if other is not None else None


def _composed_parts(clause: Clause, state: PlanState) -> PlanState | None:
    """A clause of several settings said with commas that the clause splitting kept together ("标题颜色黄色，音乐音量20%"):
    each part read whole by the composed reading, one op each, in turn; None unless every part is."""
    parts = [part.strip() for part in re.split(r"[，,；;]", clause.text) if part.strip()]
    if len(parts) < 2:
        return None
    planned = state
    for part in parts:
        fits = _composed_fits(Clause(part, clause.quotes, clause.language, clause.source), planned)
        if len({proposal.tool.name for proposal, _, _ in fits}) != 1:
            return None
        planned = fits[0][1]
    return planned


def _composed_value(clause: Clause, state: PlanState, chosen: Candidate) -> PlanState | None:
    """The composed reading of a clause an area acted on with another value than the one said outright ("clip 2 speed
    1.5" read as 2x, "title fade in: 1s" as a 1 s title): the one op that explains the whole clause and all the area's
    reading explains, when a property and its value said together (or a bare number) are in none of the area's
    actions' fields; the one op that accounts for every word of a clause read as a scene to generate; or, when the area's reading leaves part of a clause of settings said with commas unexplained
    ("标题 红色，音乐 30%" read as the music alone), each part read whole. None otherwise: the area's reading stands."""
    reading = read_clause(clause)
    if re.search(r"[，,；;]", clause.text) and not {k for k, s in enumerate(reading.slots) if s.kind not in _CONCRETE} <= \
            chosen.explains:
        parts = _composed_parts(clause, state)
        if parts is not None:
            _ask_what_is_missing(clause, parts)
            return parts
    # a generation this clause alone asks for (not one said before it and re-planned with a shape or a length)
    generates = any(isinstance(a, GenerateAction) for a in chosen.actions) and \
        not any(isinstance(a, GenerateAction) for a in state.actions)
    if not (says_property(clause) or generates) or not _acts(chosen) or any(
            isinstance(a, Unknown) for a in chosen.actions) or any(isinstance(a, GenerateAction) for a in chosen.actions) \
            and not generates:
        return None
    fits = _composed_fits(clause, state)
    if len(fits) != 1:
        return None
    proposal, fork, explains = fits[0]
    if generates:  # "original audio: 0" is no scene to film: every word of it is a setting (never a paid clip)
        _ask_what_is_missing(clause, fork)
        return fork
    held = [dict(_fields_of(a)) for a in chosen.actions]
    if not chosen.explains <= explains or all(any(_holds(fields, names, value) for fields in held)
                                              for names, value in proposal.pairs):
        return None
    _ask_what_is_missing(clause, fork)
    return fork


def _fields_of(action: Action) -> list[tuple[str, object]]:
    target = action.edit if isinstance(action, EditAction) else action
    return list(vars(target).items()) if hasattr(target, "__dict__") else []


def _holds(fields: dict[str, object], names: tuple[str, ...], value: object) -> bool:
    """Whether one of the ``names`` fields holds ``value`` (numbers alike to a thousandth)."""
    for name in names:
        held = fields.get(name)
        if isinstance(value, int | float) and isinstance(held, int | float) and not isinstance(held, bool):
            if abs(float(held) - float(value)) < 1e-3:
                return True
        elif held == value:
            return True
    return False


def _named_then_said(clauses: list[Clause], state: PlanState) -> list[Clause]:
    """A thing named alone that no area acts on, then what to do with it, in dictation ("标题 字号 大一点", "第二段 音量
    50%"): one request; when the request names the thing again ("标题 标题淡入1秒") the name alone adds nothing."""
    joined: list[Clause] = []
    for clause in clauses:
        if joined and names_only(joined[-1]) and not names_only(clause) and not any(
                not isinstance(a, Unknown) for c in candidates(joined[-1], state) for a in c.actions):  # "subtitles + square": the captions, then the shape
            named = joined[-1]
            topics = {s.value for s in read_clause(named).of("topic")}
            if not topics or not topics <= {s.value for s in read_clause(clause).of("topic")}:
                space = "" if clause.language == "zh" else " "
                clause = Clause(f"{named.text}{space}{clause.text}", clause.quotes, clause.language, clause.source)
            joined[-1] = clause
            continue
        joined.append(clause)
    return joined


def _why_of_value(clause: Clause, following: Clause | None, state: PlanState) -> bool:
    """A remark with no value of its own right before a bare value that sets the last change again ("whoa way too fast
    now. 1.5" after a speed-up): the value is the request, the remark its reason."""
    if following is None or not state.context.history or _BARE_VALUE.match(following.text) is None or \
            _BARE_VALUE.match(clause.text) is not None or any(not isinstance(a, Unknown) for a in state.actions) or \
            any(s.kind not in {"verb", "ref", "topic"} for s in read_clause(clause).slots) or clause.has(
                rf"^(?:(?:please|just|and|then|now)\s+)*(?:{EN_VERBS})\b|{ZH_VERBS}"):
        return False
    return _same_again(following, state.fork())


_BARE_AMOUNT = re.compile(r"^(?:(?:maybe|like|about|around|say|perhaps|try|or|um+|uh+|hmm+)[\s,]+)*\d+(?:\.\d+)?(?:\s*(?:%|percent))?"
                          r"(?:\s*(?:maybe|or so|ish|please|pls|\?))*$")


def _detail_of(previous: tuple[Clause, PlanState] | None, clause: Clause) -> PlanState | None:
    """A clause no area can act on that says how the request before it goes ("标题淡出，用两秒", "海滩照片放进去 放三秒",
    "把照片加进来，放在视频后面", "a 4 second clip of ..., slow"): that request read again with it, when the two read
    together plan as many actions of the same kinds, explain more of what was said, and pay for nothing more."""
    if previous is None:
        return None
    said, start = previous
    if clause.has(rf"^(?:then|and|also|plus)\b|^(?:(?:please|just)\s+)?(?:{EN_VERBS})\b|^(?:然后|再|还有|另外|顺便|也)") or \
            {s.value for s in read_clause(clause).of("topic")} & _OBJECTS - {s.value for s in read_clause(said).of("topic")}:
        return None  # another request, said as one, or about another thing
    joined = Clause(f"{said.text}{'，' if said.language == 'zh' else ', '}{clause.text}", said.quotes, said.language, said.source)
    alone, together = candidates(said, start), candidates(joined, start)
    if not alone or not together:
        return None
    before, chosen = best(alone), best(together)
    kinds = [type(a).__name__ + getattr(getattr(a, "edit", None), "op", "") for a in chosen.actions]
    was = [type(a).__name__ + getattr(getattr(a, "edit", None), "op", "") for a in before.actions]
    # "make the music a bit quieter? maybe 25": a bare amount after it is how much (no slot of its own to explain)
    amount = _BARE_AMOUNT.match(clause.text) is not None and chosen.actions != before.actions
    if kinds != was or len(chosen.explains) < len(before.explains) or len(chosen.explains) == len(before.explains) \
            and not amount or close_call(together, chosen) is not None or _left_out(joined, chosen) is not None:
        return None
    _ask_what_is_missing(joined, chosen.state)
    return chosen.state


# a request said again as it was meant: "undo that, undo twice actually", "mute it, i mean the dog clip's sound"
_AS_MEANT = r"\b(?:actually|i mean|i meant|rather)\b|其实|应该是|我是说|我的意思是"
_DIRECTION = r"(?:短|长|快|慢|大|小|高|低)(?:一)?(?:点|些)|\b(?:shorter|longer|faster|slower|bigger|smaller|louder|quieter|softer)\b|" \
             r"\b(?:speed|slow) (?:(?:it|this|that|them) )?(?:up|down)\b"
_JOINED = r"^(?:and|then|also|plus|next)\b|^(?:然后|再|还|也|另外|顺便|同时)"


def _said_again(previous: tuple[Clause, PlanState] | None, clause: Clause, state: PlanState) -> PlanState | None:
    """The request before said again, as meant: corrected ("undo that, undo twice actually") or given its amount after its
    direction ("夜景那段剪短点，剪到六秒", "shorten the city clip a bit, to 6 seconds"). One request, planned once as said the
    second time, on what the first one named; None unless the second makes the same changes (kinds, things and fields)."""
    if previous is None:
        return None
    said, start = previous
    before = state.actions[len(start.actions):]
    # a change's direction, then its amount: never a second thing made ("a shutter at the start and a ding at 12 s")
    amount = re.search(r"\d", clause.unquoted()) is not None and re.search(r"\d", said.unquoted()) is None and \
        said.has(_DIRECTION) and not clause.has(_JOINED) and all(isinstance(a, EditAction) and not a.edit.op.startswith("add") for a in before)
    if not (clause.has(_AS_MEANT) or amount):
        return None
    trial = start.fork()
    trial.focus = state.focus  # "剪到六秒": the clip the first one named
    again = _taken(clause, trial, lambda c: all(not isinstance(a, Unknown) for a in c.actions))
    if again is None or [_changes(a) for a in again.actions[len(start.actions):]] != [_changes(a) for a in before]:
        return None
    return again


# "go back to that", "revert to it", "take me back there": where the request before went, said again
_BACK_THERE = re.compile(r"^(?:(?:so|then|and|ok(?:ay)?|yeah|please|pls|just|can you|could you) )*(?:go|get|take (?:me|us|it)|"
                         r"bring (?:me|us|it)|roll(?: it)?|switch|revert|return)(?: back)?(?: to)? (?:that|it|there|then|that one|"
                         r"that version|the (?:old|earlier|previous) (?:one|version))(?: please| pls| again)?[.!]*$")


_BEFORE_WHAT = re.compile(r"\bbefore (?P<what>(?:the |my |i |you |we )?[\w' -]{1,30}?)(?=\s*(?:[?.,!]|$|\b(?:it|that|this|was|were|"
                          r"looked|looks|felt|sounded|is)\b))")


def _back_to_before(clauses: list[Clause]) -> list[Clause]:
    """"what did the video look like before the transitions? go back to that", "it was better before the dissolve. go back
    there": a moment named by what came after it, then "go back to that", is one request: go back to before that."""
    for index in range(1, len(clauses)):
        back, said = _BACK_THERE.match(clauses[index].text), _BEFORE_WHAT.search(clauses[index - 1].text)
        if back is not None and said is not None and clauses[index].language == "en":
            clause = clauses[index - 1]
            merged = Clause(f"go back to before {said.group('what')}", clause.quotes, clause.language, clause.source)
            return [*clauses[:index - 1], merged, *clauses[index + 1:]]
    return clauses


def _changes(action: Action) -> tuple[object, ...]:
    """What an action changes: its kind, the thing and the fields it sets (not their values)."""
    if isinstance(action, EditAction):
        edit = action.edit
        return (edit.op, getattr(edit, "segment_id", None),
                frozenset(k for k in edit.model_fields_set - {"op", "segment_id"} if getattr(edit, k) is not None))
    return (type(action).__name__,)


# what is there turned down, with what is wanted said next: "不要这种的，来点安静的", "i don't love this song. something
# more chill", "不用我的歌，来点轻音乐就好"; a thing said not to be what is meant: "音乐不是太吵，是狗那段原声吵"
_TURNED_DOWN = re.compile(
    r"^(?:i (?:don'?t|do not) (?:really )?(?:like|love|want) (?:this|that|it|the)(?: (?:one|song|track|music|kind|style|voice))?|"
    r"not (?:this|that|like this|like that)(?: one| kind| style)?|(?:don'?t|do not) use (?:my|the) (?:own )?(?:song|track|music))$|"
    r"^(?:不要|不想要|不喜欢|不用|别用)(?:这|那)(?:种|个|首|样)(?:的)?(?:了|吧)?$|^(?:这|那)(?:种|个|首)(?:的)?不(?:行|好听|喜欢)(?:了|吧)?$|"
    r"^(?:不用|别用)我(?:自己)?(?:的|传的|上传的)(?:歌|音乐)$")
_NOT_IT_ZH = re.compile(r"^[\u4e00-\u9fff]{1,8}?不是[^，,是]{0,8}$")


def _turned_down(clause: Clause, following: Clause | None) -> bool:
    """A clause that only turns down what is there (or says what is not meant), followed by what is wanted about the
    same thing (or naming none): the reason for the request after it, not a request of its own."""
    if following is None or is_chatter(following.text):
        return False
    if _NOT_IT_ZH.match(clause.text) and following.has(r"^(?:而)?是"):
        return True
    if not _TURNED_DOWN.match(clause.text):
        return False
    said, then = ({s.value for s in read_clause(c).of("topic")} for c in (clause, following))
    return not then or bool(said & then)


# a clip there said to go after what was just placed: "照片放最前面，城市放后面"
_AFTER_IT_ZH = re.compile(r"^(?:然后|再)?(?:把)?(?P<clip>[^，,\s]{1,8}?)(?:放|接|排)(?:在)?(?:后面|之后|后边)(?:吧)?$")


def _already_after(clause: Clause, state: PlanState) -> bool:
    """A clip on the timeline said to go after the clip this message just added, where it already is: an order said
    as a list asks nothing of the one already next."""
    said = _AFTER_IT_ZH.match(clause.text)
    last = state.actions[-1] if state.actions else None
    if said is None or not (isinstance(last, EditAction) and last.edit.op == "add_clip"):
        return False
    named = [ref for ref in clip_refs(clause, state) if ref not in (None, MISSING)]
    clips = main_clips(state.draft)
    added = [k for k, c in enumerate(clips) if c.src == getattr(last.edit, "src", None)]
    ids = [c.id for c in clips]
    return len(named) == 1 and bool(added) and named[0] in ids and ids.index(named[0]) == added[-1] + 1


_ONLY_WANT = re.compile(r"^(?:and |but )?(?:(?:i )?(?:only|just) (?:want|need|keep)(?: to keep)?|keep(?: only| just)?|leave) (?P<en>.+)$|"
                        r"^(?:我)?只(?:要|想要|留|保留)(?P<zh>.+)$|^(?:保留|留下|留着)(?P<zh2>.+)$")


def _only_left(clause: Clause, state: PlanState) -> bool:
    """"I only want the dog", "keep the dog" after the other clips were removed: what is left, said again."""
    said = _ONLY_WANT.match(clause.text)
    last = state.actions[-1] if state.actions else None
    if said is None or not (isinstance(last, EditAction) and last.edit.op == "delete_segment"):
        return False
    named = [ref for ref in clip_refs(clause, state) if ref not in (None, MISSING)]
    return bool(named) and sorted(named) == sorted(c.id for c in main_clips(state.draft))


# how loud new music should play, said alone after it with no verb: "nothing too loud", "not too loud please", "quiet"
_LEVEL_MANNER = re.compile(r"^(?:but |and )?(?:nothing|not|none) (?:too |very |super )?(?:loud|intense|heavy|overpowering)(?: please| pls)?$|"
                           r"^(?:and |but )?(?:quiet|quietly|soft|softly|low|gentle|subtle|in the background)(?: please| pls)?$")
_QUIETER = 0.6  # the step the music area takes for "quieter" (music._level)


def _level_of_new_music(previous: tuple[Clause, PlanState] | None, clause: Clause, state: PlanState) -> bool:
    """A level said as a manner right after new library music is how that music plays: its volume, one request (never a
    change of its own; "…, and turn it down to 20%" with its verb stays one)."""
    if previous is None or _LEVEL_MANNER.match(clause.text) is None:
        return False
    made = state.actions[len(previous[1].actions):]
    if len(made) != 1 or not isinstance(made[0], MusicAction) or made[0].volume is not None:
        return False
    state.actions[-1] = dataclasses.replace(made[0], volume=round(SetMusic.model_fields["volume"].default * _QUIETER, 2))
    return True


# slow motion said as an item after a new clip ("..., slow motion", ", slow-mo, 5 seconds", ", in slow motion please")
_SLOW_ITEM_EN = re.compile(r"^(?:and |shot |filmed )?(?:in )?(?:super |really |nice and )?slow[- ]?mo(?:tion)?(?: please| pls)?"
                           r"(?:(?:,\s*|\s+)(?P<rest>.+))?$")


def _filmed_slowly(previous: tuple[Clause, PlanState] | None, clause: Clause, state: PlanState) -> PlanState | None:
    """Slow motion listed right after a clip to generate is how that clip is filmed, in its prompt ("a hummingbird drinking
    from a red flower, slow motion"; "一群海鸥从海面飞过，慢动作，4秒" reads so already): never the whole video slowed down."""
    match = _SLOW_ITEM_EN.match(clause.text) if clause.language == "en" else None
    if previous is None or match is None:
        return None
    said, start = previous
    made = state.actions[len(start.actions):]
    if len(made) != 1 or not isinstance(made[0], GenerateAction):
        return None
    rest = match.group("rest")
    if rest is None:  # "add a clip of rain on a window at the end, slow motion": its prompt says so
        filmed = state.fork()
        filmed.actions[-1] = dataclasses.replace(made[0], prompt=f"{made[0].prompt} in slow motion")
        return filmed
    joined = Clause(f"{said.text} in slow motion{', ' + rest if rest else ''}", said.quotes, said.language, said.source)
    return _taken(joined, start, lambda c: len(c.actions) == 1 and isinstance(c.actions[0], GenerateAction))


# a removal said alone, again: "删掉", "删了吧", "delete it", "just remove that"
_REMOVAL_ALONE = re.compile(r"^(?:就|直接)?(?:删掉|删了|删除|去掉|拿掉|不要了)(?:它|吧|掉|了)*$|"
                            r"^(?:just |yeah |yes )?(?:delete|remove|drop|ditch) (?:it|that|this)(?: please| pls)?$")


def _removed_again(clause: Clause, state: PlanState) -> bool:
    """A removal said alone right after this message removed something ("城市那段不要了，删掉"): the same request."""
    last = state.actions[-1] if state.actions else None
    return _REMOVAL_ALONE.match(clause.text) is not None and isinstance(last, EditAction) and \
        last.edit.op.startswith(("delete", "remove"))


_CONCRETE = frozenset({"verb", "ref"})  # the slots that name nothing to do on their own


# a wish for the picture to move, with no move named
_VAGUE_MOVE = r"动一动|动起来|动一下|\b(?:move|moving|movement|motion)\b"


def _says_why(clause: Clause, following: Clause | None, unread: Unknown, state: PlanState) -> bool:
    """A clause no area could read that names nothing to change and no value, and asks for nothing: it describes
    ("the city takes forever before anything happens", "where the city lights are"), or it is a vague ask said again
    at once in the same verb with what it means ("add a strong opening, add a clip of ... at the start"). It is the
    reason for the request beside it, not a request of its own; a clause that asks ("crop the left side") stays one."""
    if not unread.unexplained or unread.question:
        return False
    if states_need(clause):  # "视频需要点趣味，在2秒加个嗖": what the video lacks, with nothing in it to do
        return True
    if any(s.kind not in _CONCRETE for s in read_clause(clause).slots) and not _names_its_clip(clause, following, state):
        return False
    if describes(clause):
        return True
    if following is not None and clause.has(_VAGUE_MOVE) and motion.motion_said(following) is not None:
        return True  # "让画面动一动，慢慢往左移", "make it move a bit, slowly zoom in": the wish, then the move itself
    verb = re.match(r"(?:please |just |and |then )*(\w+)", clause.text)
    return (following is not None and clause.language == "en" and verb is not None
            and re.fullmatch(rf"(?:{EN_VERBS})", verb.group(1)) is not None
            and re.match(rf"(?:please |just |and |then )*{verb.group(1)}\b", following.text) is not None)


def _restates(previous: tuple[Clause, PlanState] | None, clause: Clause, unread: Unknown) -> bool:
    """A clause no area could read that names nothing of its own (no thing, no value: "just the audio" after "can i get
    this as an mp3", "放完就停" after "音乐别循环了"): read together with the request before it, that request is planned
    just as it was. It says that request again, how it goes; never a question of its own."""
    if previous is None or not unread.unexplained or unread.question or \
            any(s.kind not in _CONCRETE for s in read_clause(clause).slots) or clause.has(_JOINED):
        return False
    said, start = previous
    joined = Clause(f"{said.text}{'，' if said.language == 'zh' else ', '}{clause.text}", said.quotes, said.language, said.source)
    alone, together = candidates(said, start), candidates(joined, start)
    if not alone or not together:
        return False
    before, chosen = best(alone), best(together)
    return bool(before.actions) and chosen.actions == before.actions and close_call(together, chosen) is None and \
        _left_out(joined, chosen) is None


def _names_its_clip(clause: Clause, following: Clause | None, state: PlanState) -> bool:
    """"the dog clip has wind noise, turn its sound off": a remark that names one clip and nothing else, before a request
    that says "it" (its what-to-do said there)."""
    slots = read_clause(clause).slots
    return following is not None and mentions_it(following) and all(s.kind in _CONCRETE or s.value == "clip" for s in slots) \
        and len([ref for ref in clip_refs(clause, state) if ref != MISSING]) == 1


def _reaction_then_value(clauses: list[Clause], state: PlanState) -> PlanState | None:
    """"hmm still too loud. 10", "whoa way too fast now. 1.5", "nah too aggressive. maybe orange", "longer, 5": a
    reaction to the last change, then a value said alone, is that change again with the value (``_same_again``).
    Each clause before the value must be only the reaction: read alone it plans nothing, or the same edit as the value.
    None when the message is not that."""
    if not clauses or any(not isinstance(a, Unknown) for a in state.actions) or not state.context.history or \
            any(c.quotes for c in clauses):
        return None
    last = clauses[-1]
    pause = list(re.finditer(r"[,，]" if last.language == "en" else r"[,，]|(?<=[\u4e00-\u9fff]) (?=\S)", last.text))
    head, comma, tail = (last.text[:pause[-1].start()], ",", last.text[pause[-1].end():]) if pause else ("", "", last.text)
    said = [*clauses[:-1], *([dataclasses.replace(last, text=head.strip())] if comma else [])]
    if not said:
        return None
    trial = state.fork()
    if not _same_again(dataclasses.replace(last, text=tail.strip()), trial):
        return None
    made = {a.edit.op for a in trial.actions[len(state.actions):] if isinstance(a, EditAction)}
    if not made or any(op.startswith("add_") for op in made):  # "它再留久点 三秒" after a title was added: not another
        return None
    for reaction in said:
        if remark_of(reaction.text) is not None or is_chatter(reaction.text):
            continue
        found = candidates(reaction, state)
        planned = best(found).actions[len(state.actions):] if found else []
        if any(not isinstance(a, Unknown) for a in planned) and not reaction.has(_JUDGED) or any(
                not isinstance(a, (Unknown, GenerateAction)) and getattr(getattr(a, "edit", None), "op", None) not in made
                for a in planned):
            return None  # "fade it in too, 1 second", "put a dark box behind it and make it white": requests of their own
    return trial


# a judgement of how something turned out ("still slow", "way too loud"): never a scene
_JUDGED = r"\b(?:(?:too|so|still|way|kinda|bit) \w+|(?:slow|fast|quick|loud|quiet|soft|bigg|small|long|short|bright|dark|high|low|" \
          r"earli|lat)er)\b|太|有点|过头|过了|还是[慢快吵响大小长短]|[慢快吵响大小长短高低亮暗](?:点|些)"


def _of_the_new_clip(clause: Clause, state: PlanState) -> bool:
    """Whether an English clause is how a clip plays said alone ("slow motion", "2x speed", "muted"), of no clip named:
    said after an upload is added, it is said of that new clip (never of the whole video)."""
    if clause.language != "en" or mentions_it(clause) or clip_refs(clause, state) or \
            clause.has(r"\b(?:whole|entire|all|every|everything|video|clips|both|no|not|without|don'?t|never)\b"):
        return False
    reading = read_clause(clause)
    return bool({s.value for s in reading.of("topic")} & {"speed", "motion", "clip_sound"} or reading.of("speed"))


# the sound taken away, said alone after an upload is added: "add the hike clip at the end, no sound", "..., muted",
# "... without audio" (the new clip's own sound, never every clip's)
_SOUND_OFF_ALONE = re.compile(r"^(?:(?:but|and|just|please)\s+)*(?:(?:with\s+)?(?:no|zero)|without(?: any| the| its)?) "
                              r"(?:sound|audio)(?: please)?$|^(?:(?:but|and|just)\s+)*(?:muted|silent|on mute|mute|mute please)$")


_MOVE_IT = re.compile(r"^(?:(?:and|then|also|please)\s+)*(?:make|let|have|get) it (?:move|moving)(?: a (?:bit|little))?(?: please)?$")


def _added_photo(state: PlanState) -> bool:
    """Whether the last thing planned put an uploaded photo on the timeline."""
    last = state.actions[-1] if state.actions else None
    edit = getattr(last, "edit", None)
    return isinstance(edit, AddClip) and any(m.src == edit.src and m.kind == "image" for m in state.context.media)


def _upload_then_more(clause: Clause, state: PlanState) -> PlanState | None:
    """An upload added and changed in one breath ("add the hiking clip at half speed", "把徒步视频加进来，它的声音关掉",
    "put the hike video on the timeline, vertical please"): the upload goes on, then the rest is read as a clause of
    its own with the new clip as "it". None when no split reads whole (the rest must plan an edit that is no
    generation, explained and not asked about)."""
    for head, tail in timeline.upload_then_more(clause, state):
        added = _taken(head, state, lambda c: timeline.added_upload(c.state) and len(c.actions) == 1)
        if added is None:
            continue
        if _SOUND_OFF_ALONE.match(tail.text):
            tail = dataclasses.replace(tail, text="mute it")  # "add the hike clip at the end, no sound": its own sound
        elif _MOVE_IT.match(tail.text) and _added_photo(added):
            # "add my photo and make it move": the photo just put on the timeline moves (a camera move, as "make the
            # photo move" there is), never a paid clip animated from it
            tail = dataclasses.replace(tail, text="make the photo move")
        elif tail.language == "en" and not mentions_it(tail) and not clip_refs(tail, added) and \
                ({s.value for s in read_clause(tail).of("topic")} & {"speed", "motion", "clip_sound"} or read_clause(tail).of("speed")):
            tail = dataclasses.replace(tail, text=f"make it {tail.text}")  # "add the hiking clip at half speed": its speed
        changed = _taken(tail, added, lambda c: not any(isinstance(a, (Unknown, GenerateAction)) for a in c.actions))
        if changed is not None:
            return changed
    return None


def _taken(clause: Clause, state: PlanState, fits: Callable[[Candidate], bool]) -> PlanState | None:
    """The state after the best reading of ``clause`` when it plans something that fits, is no close call and leaves
    nothing out; else None."""
    found = candidates(clause, state)
    if not found:
        return None
    chosen = best(found)
    if not chosen.actions or close_call(found, chosen) is not None or \
            _left_out(clause, chosen) is not None or not fits(chosen):
        return None
    _ask_what_is_missing(clause, chosen.state)
    return chosen.state


def _for_where(clauses: list[Clause]) -> list[Clause]:
    """"发reels用的 导出一下", "麻烦帮我导出一下，要发抖音的": where it goes is the export's place, one request."""
    exported = [k for k, c in enumerate(clauses) if c.has(r"导出|\bexport|导(?:1|一)?(?:个|份)|出片|渲染")]
    purposes = [(k, m) for k, c in enumerate(clauses) if (m := _PURPOSE.match(c.text)) is not None]
    if len(exported) != 1 or len(purposes) != 1:
        return clauses
    (where, purpose), target = purposes[0], clauses[exported[0]]
    merged = Clause(f"{target.text}给{purpose.group('where')}", target.quotes, target.language, target.source)
    return [merged if k == exported[0] else c for k, c in enumerate(clauses) if k != where]


_ONE_MORE = re.compile(r"^(?:(?:and|then|also|ok(?:ay)?|now|plus|so)\s+)*(?:add\s+|put\s+)?(?:another|one more)(?: one)?,?\s+(?:at|@)\s+"
                       r"(\d+(?:\.\d+)?)\s*(?:seconds?|secs?|s)?$|"
                       r"^(?:好|嗯|那)?\s*(?:在)?第?(\d+(?:\.\d+)?)秒(?:处|的时候|的地方|那里?|那儿|这里)?(?:也|再)(?:加|放|来)(?:1|一)?(?:个|下|声)$|"
                       # the time said after: "再来一个，第6秒", "再加一个 放在第6秒"
                       r"^(?:好|嗯|那)?\s*(?:再|也)(?:加|放|来)(?:1|一)?(?:个|下|声)(?:吧)?[，,\s]*(?:在|放在|放)?第?(\d+(?:\.\d+)?)秒"
                       r"(?:处|的时候|的地方|那里?)?(?:吧)?$")
# "another one" / "再来一个" with its time said in a clause of its own right after it: one request
_ONE_MORE_ALONE = re.compile(r"^(?:(?:and|then|also|ok(?:ay)?|now|plus|so)\s+)*(?:add\s+|put\s+)?(?:another|one more)(?: one)?$|"
                             r"^(?:好|嗯|那)?(?:再|也)(?:加|放|来)(?:1|一)?(?:个|下|声)(?:吧)?$")
_WHEN_ALONE = re.compile(r"^(?:at|@)\s+\d+(?:\.\d+)?\s*(?:seconds?|secs?|s)?$|^(?:在|放在|放)?第?\d+(?:\.\d+)?秒(?:处|的时候|的地方|那里?)?(?:吧)?$")


def _one_more_then_when(clauses: list[Clause]) -> list[Clause]:
    """"再来一个 第6秒", "another one. at 6s": the time said after "another one" is its time (``_one_more``)."""
    for index in range(len(clauses) - 1):
        ask_, said = clauses[index], clauses[index + 1]
        if _ONE_MORE_ALONE.match(ask_.text) and _WHEN_ALONE.match(said.text):
            merged = Clause(f"{ask_.text}，{said.text}" if ask_.language == "zh" else f"{ask_.text} {said.text}",
                            ask_.quotes, ask_.language, ask_.source)
            return [*clauses[:index], merged, *clauses[index + 2:]]
    return clauses


# what the clip should have shown, said before asking for it again ("no, i wanted it at dawn", "it should be in the rain")
_WISHED = re.compile(r"^(?:(?:no|nope|nah|wrong|hmm)\b,?\s*)?(?:i wanted|i want|i meant|i asked for|it should be|it should have been|"
                     r"it was supposed to be|i'd like) (?:it |this |that |this one |that one )?"
                     r"(?P<change>(?:at|in|with|during) [\w' -]{2,40})$")
_REGENERATE_BARE = re.compile(r"^(?:(?:so|then|just|please|pls|can you|could you)\s+)*(?:regenerate|re-generate|remake|re-?do|re-?render|"
                              r"re-?shoot)\s+(?:it|this|that|(?:this|that|the) (?:clip|one|shot)|the [\w ]{1,20}?(?:clip|one|shot)|clip \d+)"
                              r"(?: please| pls)?$")


def _regenerated_with(clauses: list[Clause], state: PlanState) -> list[Clause]:
    """"再换一个，换成晚上" right after a generation: the clip made again with that change, one clause (after the music or
    a transition "再换一个" and its "换成…" are read as they come)."""
    for index in range(len(clauses) - 1):  # "no, i wanted it at dawn, regenerate this clip": the change, then the request
        wish, again = _WISHED.match(clauses[index].text), clauses[index + 1]
        if wish is not None and _REGENERATE_BARE.match(again.text):
            merged = Clause(f"{again.text} but {wish.group('change')}", again.quotes, again.language, again.source)
            return [*clauses[:index], merged, *clauses[index + 2:]]
    history = state.context.history
    if len(clauses) < 2 or not history or not re.match(r"^(?:generated|生成)", history[-1], re.I):
        return clauses
    for index in range(len(clauses) - 1):
        again, change = clauses[index], clauses[index + 1]
        if re.fullmatch(r"再换(?:1)?(?:个|段|条)", again.text) and re.match(r"(?:换成|改成)", change.text):
            merged = Clause(f"{again.text}，{change.text}", again.quotes, again.language, again.source)
            return [*clauses[:index], merged, *clauses[index + 2:]]
        if _CHANGE_THEN_AGAIN.match(change.text) and re.match(r"(?:换成|改成|变成)[\u4e00-\u9fff]", again.text):
            # "换成下雪天再来一个": the change said first, then "another one"
            merged = Clause(f"再来1个，{again.text}", again.quotes, again.language, again.source)
            return [*clauses[:index], merged, *clauses[index + 2:]]
    return clauses


# "another one" said after the change it asks for ("换成下雪天再来一个"); "the same, but ..." after a generation
_CHANGE_THEN_AGAIN = re.compile(r"^(?:再)?(?:来|生成|做|整|弄|出)(?:1)?(?:个|段|条)(?:吧)?$")
_SAME_BUT_ZH = re.compile(r"^(?:跟|和)?(?:刚才|上次|之前)?(?:一样|同样|一模一样)的?(?:画面|镜头|场景|视频|片段)?[，,\s]*(?:但是|不过|只是)?"
                          r"(?:要|换成|改成|变成)(?P<change>[\u4e00-\u9fff]{2,10}?)的?(?:吧)?$|"
                          r"^(?P<change_first>[\u4e00-\u9fff]{2,8})的(?:再|也)(?:来|生成|做|整)(?:1)?(?:个|段|条)(?:吧)?$")


def _same_but(clauses: list[Clause], state: PlanState) -> list[Clause]:
    """"一样的 但是换成白天", "下雪天的再来一个" right after a generation: the clip just made again, with that change."""
    history = state.context.history
    if not history or not re.match(r"^(?:generated|生成)", history[-1], re.I):
        return clauses
    for index in range(len(clauses) - 1):  # "一样的，改成下雪": the same, then the change in a clause of its own
        if re.fullmatch(r"(?:跟|和)?(?:刚才|上次|之前)?(?:一样|同样)的?(?:画面|镜头|场景|视频|片段)?", clauses[index].text) \
                and re.match(r"(?:但是|不过|只是)?(?:要|换成|改成|变成)", clauses[index + 1].text):
            same = clauses[index]
            clauses = [*clauses[:index], Clause(f"{same.text} {clauses[index + 1].text}", same.quotes, same.language, same.source),
                       *clauses[index + 2:]]
            break
    said = [_SAME_BUT_ZH.match(c.text) for c in clauses]
    return [Clause(f"再来1个，换成{m.group('change') or m.group('change_first')}", c.quotes, c.language, c.source)
            if m is not None else c for c, m in zip(clauses, said, strict=True)]


def _one_more(clause: Clause, state: PlanState) -> bool:
    """"在第四秒也加一个", "and another one at 5s", "6秒那也来一个": the sound effect just asked for (in this message,
    else the one the last version added), once more at that time."""
    match = _ONE_MORE.match(clause.text)
    if match is None:
        return False
    last = state.actions[-1] if state.actions else None
    if last is None and state.context.history:  # "and another one at 12 seconds" after the version that added one
        last = sound.sound_of_label(state.context.history[-1])
    if last is None and state.context.history:  # else the label read as a request
        replayed = state.fork()
        label = re.sub(r"['\"“”「」]", " ", state.context.history[-1])  # a label quotes the effect's name: 「叮」
        if _replay(normalize(label.lower()), replayed) and replayed.actions:
            last = replayed.actions[-1]
    if not isinstance(last, SoundAction) or last.at_transitions:
        return False
    state.actions.append(dataclasses.replace(last, start_ms=round(float(match.group(1) or match.group(2) or match.group(3)) * 1000)))
    return True


_ABILITY = "an ability the editor does not have"
# what a clause must name to be about the clips' picture, when no area could read it ("zoom in slowly" with no clip)
_CLIP_TOPICS = ("motion", "speed", "fade", "trim", "transition", "clip_sound", "clip")


def _nothing_to_edit(clause: Clause, state: PlanState) -> Unknown | None:
    """A clause no area could read that names a clip past the end ("zoom in on the third clip" of two) or a change to
    the clips when there are none ("zoom in slowly" on an empty project): say so, as ``_absent`` does for edits."""
    clips = main_clips(state.draft)
    if MISSING in clip_refs(clause, state):
        return _absent.no_such_clip(clause, len(clips), state.context.media)
    topics = [str(s.value) for s in read_clause(clause).of("topic")]
    named = next((t for t in sorted(topics, key=lambda t: t == "clip") if t in _CLIP_TOPICS), None)  # the most specific
    if clips or named is None or any(not isinstance(a, Unknown) for a in state.actions):
        return None
    return _absent.question(clause, "clip", _absent.doing(None, named, clause.language), state.context.media)


def _not_supported(clause: Clause) -> Unknown | None:
    """A question when the clause asks for an ability the editor does not have (``NOT_SUPPORTED``: picture-in-picture,
    a green screen, a J-cut, a cover...), in the words before any scene it describes: never another edit, never a
    generation."""
    if generate.scene_described(clause) and not clause.has(LIP_SYNC):  # "a kid putting stickers on a laptop": stickers
        return None                                                    # in the scene; lip sync is asked of the scene
    request = Clause(request_part(clause.text), clause.quotes, clause.language, clause.source)
    for pattern, en, zh in NOT_SUPPORTED:
        if request.has(pattern):
            return Unknown(clause.unquoted(), understood=_ABILITY, question=ask(
                clause, f"{en[:1].upper()}{en[1:]}: I can't do that yet. I can change the clips' order, length and "
                        "speed, add a title, music, transitions or fades, or generate a new clip ('generate a clip of "
                        "...'). Which would you like?",
                f"暂时还做不了{zh}。我可以调整片段的顺序、时长和速度，加标题、音乐、转场或淡入淡出，或者说“生成一段……的视频”来生成新片段。要哪一个？"))
    return None


# an empty pause between two clips: "put a pause between the city and the dog", "add a 1 second gap between the clips"
_GAP_BETWEEN = re.compile(r"^(?!.*\b(?:no|without|remove|delete|close|get rid of|don'?t|cut|shorten|fill)\b)(?:.*\b(?:put|add|leave|insert|"
                          r"have|want|need|make|give (?:it|me))\b)?.*?\b(?:a |an |some )?(?:short |little |small |brief |quick |tiny |"
                          r"(?:half a |a |one |\d+(?:\.\d+)?[- ]?)(?:s|sec|secs|seconds?)(?: of)? )?(?:pause|gap|break|breather|"
                          r"breathing room|empty space|blank space|blank|black screen)s? (?:in )?between\b")


def _gap_between(clause: Clause) -> Unknown | None:
    """An empty pause between clips is asked about: no op leaves a hole in the timeline (never a move of a clip to
    where it is); a dip to black between them is the nearest, offered."""
    if clause.language != "en" or not _GAP_BETWEEN.match(clause.text):
        return None
    return Unknown(clause.unquoted(), understood="a pause between the clips", question=ask(
        clause, "I can't leave an empty gap between clips yet. A dip to black between them gives a short pause: want "
                "that? Say: dip to black between the clips.",
        "暂时还不能在片段之间留空白。可以在它们之间加一个闪黑转场，像短暂停顿一样：要吗？可以说：两段之间加闪黑转场。"))


def _ask_what_is_missing(clause: Clause, state: PlanState) -> None:
    """The clause's edits on something that is not there ("make the title bigger" with no title) become one question
    per missing thing, in their place: what is missing and how to add it (``_absent``)."""
    asked: dict[str, int] = {}
    for index, what in state.missing:
        asked.setdefault(what, index)
    gone = {index for index, _ in state.missing}
    state.missing = []
    if not gone:
        return
    kept: list[Action] = []
    for index, action in enumerate(state.actions):
        if index not in gone:
            kept.append(action)
        elif index in asked.values() and isinstance(action, EditAction):
            what = next(w for w, k in asked.items() if k == index)
            if action.edit.op == "remove_music" and what == "music":
                kept.append(_absent.nothing_to_remove(clause, state.context.media))
                continue
            kept.append(_absent.question(clause, what, _absent.doing(action.edit, None, clause.language),
                                         state.context.media))
    state.actions = kept


_AGAIN_EN = r"^(?:(?:ok(?:ay)?|hmm+|alright|and|now|so|yeah|good|nice|great|oops|whoa|eh),? )*"
_SAME_EN = re.compile(_AGAIN_EN + r"(?:(?:a (?:little )?(?:bit )?|(?:little )?bit |a little |even |some |slightly )?more|again|once more|one more time|"
                      r"(?:do )?(?:the )?same(?: thing)?(?: again)?)(?: please| pls)?$")
# shorter said with no amount, right after a cut: that cut again ("再短点", "a bit shorter")
_SHORTER_AGAIN = re.compile(_AGAIN_EN + r"(?:(?:a (?:little )?(?:bit )?|(?:little )?bit |a little |even |slightly |some )?shorter"
                            r"(?: still)?(?: please| pls)?$)|^(?:嗯|那|好)?\s*(?:再|还|还是)+短(?:一)?(?:点|些)(?:吧|啊)?$")
_OTHER_THING_EN = r"(?:the |all (?:the )?)?(?:clips|music|title|captions|voice-?over)"
_SAME_FOR_EN = re.compile(_AGAIN_EN + r"(?:(?:do )?(?:the )?same(?: thing| one)?(?: again)?|again) (?:for|to|on|with) (.+?)(?: too| as well)?"
                          r"(?: please| pls)?$|" + _AGAIN_EN + r"(the other (?:one|clip|shot|part))(?: too| as well)?(?: please)?$|"
                          # "the city one too", "clip 1 as well": the last change on that clip
                          + _AGAIN_EN + r"((?:the )?[a-z0-9 ]{1,20}? (?:one|clip|part|shot)|clip \d+) (?:too|as well|also|the same(?: way)?)(?: please)?$|"
                          # "now the clips too" after the music was turned down: that change, on another thing
                          + _AGAIN_EN + r"(" + _OTHER_THING_EN + r") (?:too|as well|also|the same(?: way)?)(?: please)?$|"  # "and the dog clip the same"
                          # "give the dog clip the same one": the last change, made there
                          + _AGAIN_EN + r"give (.+?) the same(?: one| thing| treatment)?(?: too| as well)?(?: please)?$|"
                          # "and the city clip?", "what about the dog clip?": the last change, asked of that clip
                          + _AGAIN_EN + r"(?:(?:what|how) about )?((?:the )?[a-z0-9 ]{1,20}? (?:one|clip|part|shot)|clip \d+)\s*\?+$|"
                          + _AGAIN_EN + r"(?:what|how) about ((?:the )?[a-z0-9 ]{1,20}? (?:one|clip|part|shot)|clip \d+)$")
# ("狗那段也来一样的", "第二段也弄个一样的": the same one made there)
_SAME_FOR_ZH = re.compile(r"^(?:嗯|那|好|行|然后)?\s*(.+?)也(?:(?:调到|调成|改成|弄成|设成|变成|(?:来|弄|做|搞|加)(?:个|一个|1个)?)?"
                          r"(?:一样|这样|照样|同样|这么|那么)(?:快|慢|大|小|长|短|响|轻)?(?:的)?|这么(?:弄|办|做|改)|照做|"
                          r"是|要|来(?:一下|一个|个)|照着(?:来|弄|做|改))(?:吧|啊|呗|处理)?$|"  # "城市那段也是", "狗那段也要"
                          # "第二段同理", "同样处理一下狗那段", "狗那段也一样处理"
                          r"^(?:嗯|那|好|行|然后)?\s*(?:把)?(.+?)(?:也)?(?:同理|(?:同样|一样|照样)(?:处理|操作|弄|搞|改)(?:一下)?)(?:吧|啊)?$|"
                          r"^(?:嗯|那|好|行|然后)?\s*(?:也)?(?:同样|一样|照样)(?:处理|操作|弄|搞|改)(?:一下)?(.+?)(?:吧|啊)?$")
_SAME_ZH = re.compile(r"^(?:嗯|那|好)?\s*(?:再来(?:一|1)?(?:点|下|次)|再多(?:一|1)?点|再(?:来)?(?:一|1)次|(?:还)?(?:不够|再)(?:一|1)?(?:点|些)|"
                      r"(?:还是|还|仍然)?不够[大小快慢长短响亮]?)(?:吧|啊|呢|耶)?$")  # "还是不够大": more of the last change
_PAST = {"turned": "turn", "made": "make", "sped": "speed", "slowed": "slow", "muted": "mute", "unmuted": "unmute",
         "added": "add", "moved": "move", "changed": "change", "faded": "fade", "trimmed": "trim", "removed": "remove",
         "deleted": "delete", "raised": "raise", "lowered": "lower", "shortened": "shorten", "lengthened": "lengthen",
         "zoomed": "zoom", "put": "put", "set": "set", "cut": "cut"}
_VALUE = re.compile(r"(\d+(?:\.\d+)?)\s*(%|percent\b|x\b|倍|s\b|secs?\b|seconds?\b|秒)")
# a number with no unit in a label ("帧率改为24"), not a clip's place ("第1个片段")
_UNITLESS = re.compile(r"(?<![第\d.])(\d+(?:\.\d+)?)(?![\d.]|\s*(?:个|段|张|首|%|x\b|倍|s\b|秒|st\b|nd\b|rd\b|th\b))")
# the unit may go unsaid when the last change holds one value ("too much, try 45" after "set the music volume to 60%",
# "make it 8 instead" after "set the music to start at 5s")
_BARE_VALUE = re.compile(r"^(?:(?:ok(?:ay)?|hmm+|alright|and|now|so|then|maybe|try|make it|make that|how about|actually|back to|"
                         r"(?:the )?same(?: thing)?,? but(?: at)?|not quite|almost|close|"  # "same but 50%": the last change, this value
                         r"put(?: it)?(?: at| to| on)?|set(?: it| that)?(?: to| at)?|go (?:with|for)|use|let'?s (?:do|try)|"
                         r"change (?:it |that )?to|like|say|about|around|roughly|nah|no|sorry|i meant|i mean|"
                         r"(?:(?:still|now|way|much|even) )*(?:louder|quieter|softer|faster|slower|bigger|smaller|longer|shorter)"
                         r"(?: than that)?(?: still| now)?|(?:i )?can'?t hear (?:it|them|anything)(?: at all)?(?: now)?|"
                         r"(?:still |now )?(?:too |a bit |a little )?(?:slow|fast|loud|quiet|soft|long|short|much|far)(?: now)?),? )*"
                         r"(?:(?:还是|仍然)?(?:有点|太)(?:慢|快|吵|响|小声|轻|长|短)了?[，,\s]*)?"
                         # "再小点 20%", "降到45", "调回30吧", "改回30": which way or back, then the value
                         r"(?:(?:再|还|更)?[大小快慢长短高低响轻](?:1|一)?点[，,\s]*)?"
                         r"(?:(?:嗯|那|那就|现在|还是|改成|换成|调到|改为|调成|要|改|调|(?:调|改|换|变|开)回(?:去)?(?:(?:一|1)?点|些)?(?:到)?|(?:降|降低|减|升|提|提高|加|拉|开|放)到|"
                         r"变成|设成|设为)\s*){0,2}(\d+(?:\.\d+)?)\s*"
                         r"(%|percent\b|x\b|倍|s\b|secs?\b|seconds?\b|秒)?(?: then| instead| please)?(?:的|吧|好了|试试)?$")
# what is said around a value given alone: "like 45", "maybe 1.5", "25?", "1.5 maybe", "put 1.5", "maybe orange"
_AROUND_VALUE = re.compile(r"^(?:(?:like|maybe|say|about|around|roughly|perhaps|put(?: it)?(?: at| to)?|go(?: to| with)?|let'?s (?:do|try|go)|"
                           r"set it to|more like|closer to|something like|how about|what about|use)\s+|就|大概|差不多|那就|要不|(?:降|升|提|加|减|调|改|换)(?:到|回|成)(?:到)?"
                           r"(?:(?<=回)去(?:(?:一|1)?点|些)?\s*)?)*(?P<value>.+?)"
                           r"(?:\s*(?:\?|？|maybe|perhaps|or so|i guess|i think|ish|or something|左右|上下|差不多|的样子|吧|好了|试试|"
                           r"(?:would|might|could|should) (?:be|work|look|sound|feel) (?:better|nicer|good|best)|(?:is|looks|sounds|feels|works) better))*$")


def _value_said(text: str) -> str:
    """A value said alone, without what is said around it ("like 45" 45, "1.5 maybe" 1.5, "twenty five" 25)."""
    said = _AROUND_VALUE.match(text.strip())
    value = said.group("value") if said else text
    words = re.fullmatch(r"(?P<number>[a-z][a-z -]*?)(?P<unit>\s*(?:%|percent|x|seconds?|secs?))?", value)
    number = number_word(words.group("number")) if words else None
    return f"{number}{words.group('unit') or ''}" if words and number is not None else value


# "还是改成红色吧", "还是黑的好看", "actually blue": the last change with this colour
_BARE_COLOUR = re.compile(r"^(?:(?:actually|no|ok|make it|try|then|sorry|i meant|i mean)[,\s]+)*(?:还是|那就|我是说|我说的是|我的意思是|要|改成|换成|用|换|改)*\s*"
                          r"(?P<colour>[红黄蓝绿白黑紫橙粉灰]|red|yellow|blue|green|white|black|purple|orange|pink|gr[ae]y)"
                          r"(?:色|的)?(?: instead| please)?(?:吧|好看|好|比较好|就行|更好看)*$")
# "trim another 2", "再剪一秒", "cut 2 more seconds": the last cut again, by that much
_MORE_CUT = re.compile(r"^(?:(?:ok(?:ay)?|hmm+|alright|and|now|so|then)\s+)*(?:trim|cut|take|shave|chop)(?: off)? (?:another|an extra) "
                       r"(\d+(?:\.\d+)?)(?:\s*(?:seconds?|secs?|s))?(?: off)?$|"
                       r"^(?:(?:ok(?:ay)?|hmm+|and|now|so|then)\s+)*(?:trim|cut|take|shave|chop)(?: off)? (\d+(?:\.\d+)?) more"
                       r"(?: seconds?| secs?)?(?: off)?$|"
                       # "多了 再剪一秒", "还是太长 再砍两秒": why, then the cut again
                       r"^(?:(?:还是)?(?:太长|长|多)了?[，,\s]*)?(?:那|嗯)?(?:再|还要再?)(?:剪|裁|掐|砍)(?:掉|短)?(\d+(?:\.\d+)?)秒(?:吧)?$")


# the last change the other way round: "hmm the other way", "opposite direction", "反过来", "换个方向"
_OTHER_WAY = re.compile(_AGAIN_EN + r"(?:no,? )?(?:(?:zoom|pan|move|go|do it|make it go|have it go)(?: it)? (?:in )?)?"
                        r"(?:(?:the )?(?:other|opposite) (?:way|direction|side)(?: (?:round|around))?|"
                        r"(?:in )?(?:the )?reverse(?: direction)?)(?: please| instead)?$|"
                        r"^(?:嗯|那|不对)?[，,\s]*(?:反过来|反方向|换个方向|往反方向|方向反了|反着来|另一个方向|另一边)(?:吧|了)?$")
_OPPOSITES = {"left": "right", "right": "left", "up": "down", "down": "up", "zoom in": "zoom out", "zoom out": "zoom in",
              "zoomed in": "zoomed out", "zoomed out": "zoomed in",
              "左": "右", "右": "左", "上": "下", "下": "上", "推进": "拉远", "推近": "拉远", "拉近": "拉远", "拉远": "推近"}
_OPPOSITE = re.compile(r"\b(?:left|right|up|down|zoom(?:ed)? in|zoom(?:ed)? out)\b|(?<=[向往])[左右上下]|推进|推近|拉近|拉远")
_HALFWAY = re.compile(_AGAIN_EN + r"(?:(?:too much|too far|overdid it|that'?s too much|a bit much),? )?(?:go |take it |bring it )?"
                      r"(?:halfway|half way|half of that) back$|^(?:太多了|太过了|过头了|太猛了|多了)?[，,\s]*(?:往)?回(?:调|退|收)?一半(?:吧)?$")
_HALF_FIELDS = {"set_speed": "speed", "set_clip_audio": "volume", "update_music": "volume"}
# the value the last change set, halved or doubled: "too much, half that", "too fast, half that", "double that"
_HALF_THAT = re.compile(r"^(?:(?:too (?:much|fast|slow|loud|quiet|far|high|low)|way too \w+|hmm+|ok(?:ay)?)[,.!]*\s*)*"
                        r"(?:(?:half|halve) (?:that|it|of that)|(double|twice) (?:that|it))(?: please| pls)?$")
# (Chinese "太大了 砍一半" halves what is there: the music area's volume_scale)


def _replayed_value(words: str, state: PlanState) -> tuple[Edit, str] | None:
    """The last change (its label replayed on a fork) and the field of the value it set, for a change of that value
    ("half that", "halfway back"); None when the label does not replay to one edit holding such a value."""
    trial = state.fork()
    if not _replay(words, trial) or len(trial.actions) != len(state.actions) + 1:
        return None
    action = trial.actions[-1]
    edit = action.edit if isinstance(action, EditAction) else None
    field = _HALF_FIELDS.get(edit.op) if edit is not None else None
    if edit is None or field is None or getattr(edit, field, None) is None:
        return None
    return edit, field


def _scaled(words: str, by: float, state: PlanState) -> bool:
    """The last change (its label replayed) with the value it set multiplied: "half that" after 60% is 30%."""
    replayed = _replayed_value(words, state)
    if replayed is None:
        return False
    edit, field = replayed
    state.edit(edit.model_copy(update={field: round(float(getattr(edit, field)) * by, 3)}),
               "music" if edit.op == "update_music" else "clip")
    return True


def _halfway(words: str, state: PlanState) -> bool:
    """The last change (its label replayed) to halfway between the value before it and the one it set: the value
    on the draft the version was made on (or, with none recorded, on the draft), or 1.0 for a clip's speed or sound
    when that draft holds none or already the new one."""
    replayed = _replayed_value(words, state)
    if replayed is None:
        return False
    edit, field = replayed
    said = float(getattr(edit, field))
    versions = state.context.versions
    # the value before it: on the draft the version was made on, when it recorded it; else the draft's own
    draft = versions[-1].before if versions and versions[-1].before is not None else state.draft
    if edit.op == "update_music":
        music = [seg for t in draft.tracks if t.type == AUDIO and t.id != "sfx" for seg in t.segments
                 if not seg.meta.voice]
        before = music[0].meta.volume if music else None
    else:
        found = draft.find_segment(getattr(edit, "segment_id", None) or "")
        before = found[1].meta.speed if found and field == "speed" else found[1].meta.volume if found else None
        before = 1.0 if before is None or before == said else before
    if before is None or before == said:
        return False
    state.edit(edit.model_copy(update={field: round((before + said) / 2, 2)}),
               "music" if edit.op == "update_music" else "clip")
    return True


def _unit(said: str) -> str:
    return {"percent": "%", "倍": "x", "秒": "s", "sec": "s", "secs": "s", "second": "s", "seconds": "s"}.get(said, said)


_OTHER = r"\bother\b|另(?:一|1|外)"
_LABEL_CLIP_EN = re.compile(r"\b(?:the )?(?:first|second|third|fourth|fifth|last) clip\b|\bclip \d+\b")
_LABEL_CLIP_ZH = re.compile(r"第(?:\d+|[一二两三四五])(?:个|段)(?:片段|镜头)?")


# a clip a history label names by what it shows: "muted the dog clip", "sped up the city one 2x", "狗那段静音"
_LABEL_SHOWN_EN = re.compile(r"\bthe [a-z]{3,}(?: [a-z]{3,})? (?:clip|one|shot|part|video)\b")
_LABEL_SHOWN_ZH = re.compile(r"[\u4e00-\u9fff]{1,4}?(?:那段|的片段|的镜头)")


def _same_again(clause: Clause, state: PlanState) -> bool:
    """"a bit more", "same for the dog clip", "now the other one", "狗那段也这样": the change the last version made
    (its history label, in ``describe_edit``'s words), again, on the clip named when one is. Planned as that label
    would be: whatever it changed, more of it or somewhere else."""
    history = state.context.history
    label = history[-1] if history else ""
    if not label or re.match(r"^(?:undid|redid|reverted|撤销|重做|恢复)", label):
        return False
    words = normalize(label.lower()).replace("_", " ")  # ("镜头运动：zoom_in": a label that names the move as the op does)
    if re.match(r"^(?:added|添加)", words) and re.search(r"\bmusic\b|音乐", words):
        return False  # "a bit more" after music was added is no second track
    if _HALFWAY.match(clause.text):  # "too much, halfway back": the last change, half of it
        return _halfway(words, state)
    times = _HALF_THAT.match(clause.text)
    if times is not None:  # "too much, half that" after "set the music volume to 60%": 30%
        return _scaled(words, 2.0 if times.group(1) else 0.5, state)
    if _OTHER_WAY.match(clause.text):  # "the other way" after "panned left across the first clip": to the right
        flipped = _OPPOSITE.sub(lambda m: _OPPOSITES[m.group(0)], words)
        return flipped != words and _replay(flipped, state)
    more = _MORE_CUT.match(clause.text)
    if more is not None and re.search(r"\b(?:trim|cut|shorten)|剪|裁|缩短", words):
        return _cut_more(words, float(next(g for g in more.groups() if g)), state)
    if _SHORTER_AGAIN.match(clause.text) and re.search(r"\b(?:trim|cut|shorten)|剪|裁|缩短", words) \
            and not re.search(r"\bto \d|剪到|剪成|裁剪为|\d-\d", words):  # (a cut to a length, said again, changes nothing)
        return _replay(words, state)  # "再短点" right after a cut: that cut again (as "a bit more"), never asked how long
    bare = _value_said(clause.text)
    value = _BARE_VALUE.match(bare)
    if value is not None:  # "ok now 90 percent" after "set the music volume to 30%": that change, to this value
        number, unit = value.group(1), _unit(value.group(2) or "")
        if unit == "s" and re.match(r"^(?:added|添加)", words) and re.search(r"\btitle\b|\btext\b|标题|文字", words):
            # "longer, like 5 seconds" after "Added the title 'Night City' (0-3s)": that title shown so long, not another
            return _replay(f"标题显示{number}秒" if clause.language == "zh" else f"show the title for {number} seconds", state)
        said = [m for m in _VALUE.finditer(words) if _unit(m.group(2)) == unit or not value.group(2)]
        if not said and not value.group(2):  # "改回30" after "帧率改为24": the one number the label holds, with no unit
            said = list(_UNITLESS.finditer(words))
        if len(said) != 1:
            return False
        return _made_again(words[:said[0].start(1)] + number + words[said[0].end(1):], state)
    colour = _BARE_COLOUR.match(bare)
    if colour is not None:  # "还是改成红色吧" after "标题颜色改为蓝色": that change, in this colour
        said_colour = list(re.finditer(r"[红黄蓝绿白黑紫橙粉灰]色|\b(?:red|yellow|blue|green|white|black|purple|orange|pink|gr[ae]y)\b", words))
        if len(said_colour) != 1:
            return False
        new = colour.group("colour") + ("色" if re.match(r"[\u4e00-\u9fff]", colour.group("colour")) else "")
        return _replay(words[:said_colour[0].start()] + new + words[said_colour[0].end():], state)
    target: str | None = None
    if clause.language == "zh":
        zh = _SAME_FOR_ZH.match(clause.text)
        if zh is None and not _SAME_ZH.match(clause.text):
            return False
        target = next((group for group in zh.groups() if group), None) if zh else None
    else:
        en = _SAME_FOR_EN.match(clause.text)
        if en is None and not _SAME_EN.match(clause.text):
            return False
        target = next((group for group in en.groups() if group), None) if en else None
    labelled = _LABELLED.search(words)
    if target is not None and clause.language == "en" and re.fullmatch(_OTHER_THING_EN, target) and labelled is not None:
        # "now the clips too" after "turned the music down": the same change, said of the thing named
        thing = target if target.startswith(("the ", "all ")) else f"the {target}"
        return labelled.group(0) != thing and _replay(words[:labelled.start()] + thing + words[labelled.end():], state)
    if target is not None:
        clips = main_clips(state.draft)
        focus = state.focus.segment_id if state.focus is not None and state.focus.kind == "clip" else None
        if re.search(_OTHER, target) and focus in [c.id for c in clips] and len(clips) == 2:
            named = [c.id for c in clips if c.id != focus]
        else:
            named = [ref for ref in clip_refs(Clause(target, clause.quotes, clause.language, target), state) if ref != MISSING]
        zh_label = re.search(r"[\u4e00-\u9fff]", words) is not None
        clip_said = (_LABEL_CLIP_ZH if zh_label else _LABEL_CLIP_EN).search(words)
        if clip_said is None:  # "Muted the dog clip", "狗那段静音": a label naming the clip by what it shows
            shown = (_LABEL_SHOWN_ZH if zh_label else _LABEL_SHOWN_EN).search(words)
            shown_refs = [r for r in clip_refs(Clause(shown.group(0), (), "zh" if zh_label else "en", shown.group(0)), state)
                          if r != MISSING] if shown else []
            clip_said = shown if len(shown_refs) == 1 else None
        if len(named) != 1 or clip_said is None:
            return False
        number = [c.id for c in clips].index(named[0]) + 1
        words = words[:clip_said.start()] + (f"第{number}个片段" if zh_label else f"clip {number}") + words[clip_said.end():]
    return _replay(words, state)


def _same_for_another(clause: Clause, state: PlanState) -> bool:
    """"狗那段的原声调到60%，城市那段也调到一样", "mute the dog clip, and the city one too": the clip edit this message just
    planned, made again on the one clip named."""
    last = state.actions[-1] if state.actions else None
    if not (isinstance(last, EditAction) and getattr(last.edit, "segment_id", None) in [c.id for c in main_clips(state.draft)]):
        return False
    said = (_SAME_FOR_ZH if clause.language == "zh" else _SAME_FOR_EN).match(clause.text)
    target = next((g for g in said.groups() if g), None) if said else None
    if target is None:
        return False
    named = [ref for ref in clip_refs(Clause(target, clause.quotes, clause.language, target), state) if ref != MISSING]
    if len(named) != 1 or named[0] == getattr(last.edit, "segment_id", None):
        return False
    state.edit(last.edit.model_copy(update={"segment_id": named[0]}))
    return True


# a change said by how much, with nothing named: "louder", "way down", "twice as loud", "a bit quicker", "再大点"
_ADJUSTS = re.compile(r"\b(?:louder|quieter|softer|faster|slower|quicker|bigger|smaller|larger|longer|shorter|higher|lower|"
                      r"(?:way |all the way |a bit |a little )?(?:up|down)|twice as \w+|half as \w+|double)\b|"
                      r"(?:大声|小声|[大小快慢长短高低响轻])(?:一|1)?(?:点|些|倍)|缩回去|调(?:大|小|高|低)|放大|缩小|加快|放慢|减速|加速")
_IT_EN = re.compile(r"\b(?:it|that|this|them)\b")
# all an adjustment may say besides how much: "can you make it a bit louder than that please", "再给它调大点吧"
_ONLY_HOW_MUCH = re.compile(r"(?:\b(?:can|could|would|you|u|pls|please|make|turn|go|get|bring|be|it|that|this|them|a|an|bit|little|lil|tad|"
                            r"touch|even|still|way|much|more|than|now|lol|ok|okay|so|just|maybe|slightly|somewhat|lot|notch|"
                            r"again|as|the)\b|[\s,.!?]|再|还|稍微|稍|更|一点|点|些|它|给|把|吧|啊|呀|了|的|能|可以|调|弄|变|得|嗯|那|就|"
                            r"麻烦|帮我|请)*")


def _last_edit(state: PlanState) -> Edit | None:
    """The edit the last version made: as it recorded it, else its history label replayed on a fork."""
    versions = state.context.versions
    change = versions[-1].change if versions else None
    if change is not None and change.edits:
        return change.edits[-1]
    history = state.context.history
    if not history or re.match(r"^(?:undid|redid|reverted|撤销|重做|恢复)", history[-1]):
        return None
    trial = state.fork()
    if not _replay(normalize(history[-1].lower()).replace("_", " "), trial):
        return None
    made = [a.edit for a in trial.actions[len(state.actions):] if isinstance(a, EditAction)]
    return made[-1] if made else None


def _named(edit: Edit, state: PlanState) -> str | None:
    """The thing ``edit`` changed, named as a request names it ("the sound of clip 2", "the music", "第2段")."""
    zh = state.language == "zh"
    topic = topic_of(EditAction(edit=edit))
    clips = [c.id for c in main_clips(state.draft)]
    segment = getattr(edit, "segment_id", None)
    number = clips.index(segment) + 1 if segment in clips else None
    if topic == "clip_sound":
        return (f"第{number}段的原声" if zh else f"the sound of clip {number}") if number else \
            ("片段原声" if zh else "the clips' sound")
    if topic == "speed":
        return (f"第{number}段" if zh else f"clip {number}") if number else ("视频" if zh else "the video")
    if topic == "fade" and segment is None:
        fade_in = getattr(edit, "fade_in_ms", None) is not None
        return ("开头的淡入" if fade_in else "结尾的淡出") if zh else ("the fade in" if fade_in else "the fade out")
    if edit.op == "set_captions":  # the captions share the title's topic, not its name: "bigger" after them is theirs
        return "字幕" if zh else "the captions"
    if topic in ("music", "title", "transition", "voice"):
        return TOPIC_LABELS[topic][1 if zh else 0]
    return None


def _adjusted(clause: Clause, state: PlanState) -> bool:
    """"louder" after "set the sound of clip 2 to 50%", "twice as loud" after the music was turned down, "quicker"
    after a crossfade, "再大点" after the title grew: a change said only by how much, naming nothing, is a change to
    what the last version changed (its edit, as recorded or as its label reads), planned as the request naming it."""
    if clause.quotes or not state.context.history or not _ADJUSTS.search(clause.text) or \
            not _ONLY_HOW_MUCH.fullmatch(_ADJUSTS.sub(" ", clause.text)):
        return False
    last = _last_edit(state)
    name = _named(last, state) if last is not None else None
    if last is None or name is None:
        return False
    if clause.language == "zh":
        said = clause.text.replace("缩回去", "缩小")  # "缩回去一点" after it grew: smaller
        text = said.replace("它", name, 1) if "它" in said else name + said
    elif _IT_EN.search(clause.text):
        text = _IT_EN.sub(name, clause.text, count=1)
    else:
        text = f"{'turn' if re.match(r'(?:way |all the way |a bit |a little )?(?:up|down)', clause.text) else 'make'} {name} {clause.text}"
    topic = topic_of(EditAction(edit=last))
    chosen = _taken(dataclasses.replace(clause, text=text), state, lambda c: all(
        isinstance(a, EditAction) and topic_of(a) == topic for a in c.actions))
    if chosen is None:
        return False
    state.__dict__.update(chosen.__dict__)
    return True


_BARE_REMOVAL_ZH = re.compile(r"^(?:那就|还是|算了|那)?\s*(?:去掉|删掉|删了|拿掉|去了|不要了)(?:吧|了|算了)*$")
# the edits that put a thing on the video, which a bare "去掉吧" right after takes off again
_ADDS_A_THING = frozenset({"add_text", "set_music", "set_transition", "add_sound", "add_voice", "set_captions"})


def _it_is_last(clause: Clause, state: PlanState) -> PlanState | None:
    """"bring it back up to 80" after "Muted the dog clip", "make it last the whole clip" after a title was added, "把它调到
    百分之八十" after a clip was muted: a clause no area reads whose "it" names nothing else said is about the thing the last
    version changed (its edit, as recorded or as its label reads), read as the request naming it, when that reading acts
    on the same topic and leaves nothing out; else None (the clause stays unread)."""
    if not state.context.history or any(not isinstance(a, Unknown) for a in state.actions):
        return None
    bare = clause.language == "zh" and _BARE_REMOVAL_ZH.match(clause.text) is not None
    if bare:  # "去掉吧" after a transition was added: "把它去掉", the object unsaid
        clause = dataclasses.replace(clause, text="把它去掉")
    it = re.search(r"(?<![\w'])it(?![\w'])", clause.text) if clause.language == "en" else re.search("它", clause.text)
    last = _last_edit(state) if it is not None else None
    name = _named(last, state) if last is not None else None
    if it is None or last is None or name is None or bare and last.op not in _ADDS_A_THING:
        return None
    topic = topic_of(EditAction(edit=last))
    said = dataclasses.replace(clause, text=clause.text[:it.start()] + name + clause.text[it.end():])
    return _taken(said, state, lambda c: all(isinstance(a, EditAction) and topic_of(a) == topic for a in c.actions))


def _made_again(words: str, state: PlanState) -> bool:
    """The last change (its label, with the value said instead) made again. When the draft it left cannot take it
    ("actually 13" after "trimmed the video to 12s": a trim gives back nothing it cut, the edit changes nothing or
    asks), it is undone and made on the draft it was made on, when the version recorded that draft and nothing else
    in the message acts."""
    here = state.fork()
    made = _replay(words, here)
    if made and (here.draft != state.draft or not all(isinstance(a, EditAction) for a in here.actions[len(state.actions):])):
        state.__dict__.update(here.__dict__)
        return True
    there = state.fork()
    if any(not isinstance(a, Unknown) for a in state.actions) or not there.restore(1) or not _replay(words, there) or \
            there.draft == state.draft:
        if made:
            state.__dict__.update(here.__dict__)
        return made
    there.actions.insert(len(state.actions), UndoAction())
    state.__dict__.update(there.__dict__)
    return True


def _cut_more(words: str, amount: float, state: PlanState) -> bool:
    """The last cut again: a trim *to* a length ("trimmed the video to 14 s") to that much less, a cut *by* an amount
    ("第2个片段剪掉开头1秒", "第一个片段缩短 2 秒") by this amount."""
    # (a label may say the length after 了 and a space: "视频剪到了12秒", "剪成了 8 秒"; read as a cut *by* 12 s it
    # was replayed with the amount said, a trim to 2 s)
    to = re.search(r"(?:\bto (?:0-)?|(?:剪到|剪成|缩短到|缩到)了?\s*|裁剪为 (?:0-)?)(\d+(?:\.\d+)?)\s*(?:s\b|秒)", words)
    if to is not None:
        left = float(to.group(1)) - amount
        return left > 0 and _replay(words[:to.start(1)] + f"{left:g}" + words[to.end(1):], state)
    said = list(_VALUE.finditer(words))
    if len(said) != 1 or _unit(said[0].group(2)) != "s":
        return False
    return _replay(words[:said[0].start(1)] + f"{amount:g}" + words[said[0].end(1):], state)


# a clip's trim as ``describe_edit`` labels it: "trimmed clip 1 (0s off its start, 2s off its end)"
_TRIM_LABEL = re.compile(r"^trim (clip \d+) \((\d+(?:\.\d+)?)s off its start, (\d+(?:\.\d+)?)s off its end\)$")


def _trim_said(label: re.Match[str]) -> str:
    clip, head, tail = label.group(1), float(label.group(2)), float(label.group(3))
    ends = [f"{amount:g}s off the {end}" for amount, end in ((head, "start"), (tail, "end")) if amount]
    return f"cut {' and '.join(ends)} of {clip}" if ends else label.group(0)


def _replay(words: str, state: PlanState) -> bool:
    """Plan a history label's words as a request ("turned the music down" read as "turn the music down")."""
    words = re.sub(r"^(\w+)", lambda m: _PAST.get(m.group(1), m.group(1)), words)
    words = _TRIM_LABEL.sub(_trim_said, words)  # "trim clip 1 (0s off its start, 2s off its end)" as a request says it
    replayed = split_clauses(words, detect_language(words))
    if len(replayed) != 1:
        return False
    found = candidates(replayed[0], state)
    if not found:
        return False
    chosen = best(found)
    if not chosen.actions or any(isinstance(a, (Unknown, GenerateAction)) or getattr(a, "compose", False)
                                 for a in chosen.actions):
        return False  # a label replayed never pays for a generation: "another one" is the generate area's
    state.__dict__.update(chosen.state.__dict__)
    return True


_NOT_THAT_ALONE = re.compile(r"^(?:no,? )?(?:not (?:that|this|the [\w' ]+?)(?: one)?|wrong (?:one|thing))$|"
                             r"^(?:不对[，,\s]*)?不是(?:这|那)?(?:个|段)?(?:标题|文字|字幕|音乐|配乐|背景音乐|配音|旁白|原声|转场|音效)?$")
_LEAD_EN = r"^(?:(?:no+|nope|wait|oops|sorry|hmm+|actually|ugh)[,!.]?\s*)*"
_NOT_THIS_EN = re.compile(_LEAD_EN + r"(?:not (?:that|this|it|the [\w' -]+?)[,.;!]\s*(?:i meant |i mean |it'?s |but )?(?P<new>.+)|"
                          r"i meant (?P<new2>.+?),? (?:and )?not (?:that|this|the [\w' -]+)|"
                          # "no I meant the music, turn it down": the thing meant, then the request that says "it" of it
                          r"(?:i meant|i mean|i was talking about) (?P<thing>(?:the|my) [\w' -]+?)[,.;!]\s*(?:so |just |and )?"
                          r"(?P<new3>.*\b(?:it|them)\b.*)|"
                          # "no wait, i meant the city clip", "undo that, i meant the city clip": only the thing meant (it
                          # deleted the city clip)
                          r"(?:undo (?:that|it)[,.;!]?\s*)?(?:i meant|i mean|i was talking about) (?P<new4>(?:the|my) [\w' -]+?))$")
_NOT_THIS_ZH = re.compile(r"^(?:嗯+|呃|额)?\s*(?:(?:不对|错了|搞错了)[，,\s]*)+(?:我?(?:说的|要的|想要的|是说的?)是|是)?(?P<new>.+)$|"
                          r"^不是(?:这|那)?(?:个|段|一段)?[\u4e00-\u9fff]{0,6}?[，,\s]+(?:我?(?:说的|要的|想要的|是说的?)是|是)?(?P<new2>.+)$")
# what a correction may name instead of the thing the last change was made to
_THING_EN = re.compile(r"^(?:the |my )?[\w' -]{0,30}?(?:music|song|title|text|captions|clips?|one|sound|audio|voice-?over|"
                       r"background|video|part)(?:'s? own sound|'s? sound| sound| audio)?$")
_THING_ZH = re.compile(r"^(?:另(?:一|1|外一|外1|外)?(?:个|段|边)(?:片段)?|[\u4e00-\u9fff]{1,4}那段(?:的)?(?:原声|声音)?|第\d+(?:个)?(?:片段|段)(?:的)?(?:原声)?|片段(?:的)?原声|原声|"
                       r"背景音乐|音乐|配乐|标题|字幕|背景)$")
# the thing a history label names
_LABELLED = re.compile(r"\b(?:the )?(?:first|second|third|last) clip\b|\bclip \d+\b|\bthe (?!first\b|second\b|third\b|last\b)[a-z]+ (?:clip|part|shot)\b|\ball (?:the )?clips\b|\bthe (?:background )?music\b|"
                       r"\bthe title\b|\bthe captions\b|\bthe voice-over\b|\bthe background\b|第(?:\d+|[一二三四])(?:个片段|个?段)|背景音乐|音乐|标题|"
                       r"字幕|画布背景|[\u4e00-\u9fff]{1,4}?那段")  # "城市那段静音": a label in the user's words


def _corrected_message(message: str, language: str, state: PlanState) -> PlanState | None:
    """"not the music, the dog clip", "no not the title, the music. make it 60%", "wait, I meant the dog clip, not the
    city", "不对，我说的是狗那段", "不是音乐，是片段原声", "不是方的，我要4比5的": the last change was not what was meant. It
    is undone, and what was meant is planned in its place: the request said after the correction, or, when only a thing
    is named, the last change made to that thing instead (its history label with the thing named anew)."""
    history = state.context.history
    if not history or re.match(r"^(?:undid|redid|reverted|撤销|重做|恢复)", history[-1]) or \
            re.search(r"[\"“「『《]|(?<!\w)'", message):
        return None
    text = normalize(message.strip().lower())
    match = (_NOT_THIS_ZH if language == "zh" else _NOT_THIS_EN).match(text)
    if match is None:
        return _corrected_to(text, language, state)
    new = (match.group("new") or match.group("new2") or match.groupdict().get("new4") or "").strip(" ,，.。!！")
    if match.groupdict().get("new3"):  # "no I meant the music, turn it down": "it" is the thing meant
        new = re.sub(r"\b(?:it|them)\b", match.group("thing"), match.group("new3"), count=1).strip(" ,.!")
    # "不对 我要调的是原声 音乐恢复原样": the thing changed by mistake put back is the undo the correction makes anyway
    new = re.sub(r"[\s，,]+(?:把)?(?:[\u4e00-\u9fff]{1,4}?)?(?:恢复原样|恢复原来的样子|还原|改回去|恢复|变回去)(?:吧|一下)?$", "", new)
    changed = re.fullmatch(r"我?(?:要|想)?(?:调|改|动|弄|换)的(?:其实)?是(.+)", new)
    if changed is not None and _THING_ZH.match(changed.group(1)):  # "我要调的是原声": that thing, changed as the last was
        new = changed.group(1)
    new = re.sub(r"^我?(?:要|想)删(?:掉)?的是", "删掉", new)  # "我要删的是狗那段": delete that one
    new = re.sub(r"^我?(?:要|想)(静音|加速|减速|调|改|放大|缩小)的是(.+)$", r"\2\1", new)  # "我要静音的是狗那段"
    new = re.sub(r"^(.+?)(?:太|有点)?(?:吵|大声|太大)\s+(?=调|改|换)", r"\1", new)  # "是狗那段原声吵 调到百分之十"
    new = re.sub(r"\s*[，,]?\s*(?:而)?不是.*$", "", new)  # "…掐掉开头两秒 不是剪到8秒": what was not meant, said again
    trial = state.fork()
    trial.restore(1)  # what was meant is made on the draft the undo restores
    label = history[-1].lower()
    other = re.fullmatch(r"(?:it'?s )?(?:the )?other (?:one|clip)|(?:是)?(?:另(?:1|外)(?:个|段)(?:片段)?|另外(?:那|这)(?:个|段))", new)
    clips = [c.id for c in main_clips(state.draft)]
    said_clip = (_LABEL_CLIP_ZH if language == "zh" else _LABEL_CLIP_EN).search(label)
    if other and said_clip and len(clips) == 2:  # "不对，是另一个" after a change to the first clip: the second one
        number = 2 if re.search(r"first|第(?:1|一)", said_clip.group(0)) else 1
        new = f"第{number}个片段" if language == "zh" else f"clip {number}"
    moment = re.fullmatch(r"(?:放|改|换|挪|移)?(?:到|在|成)?第?(\d+(?:\.\d+)?)秒(?:吧|的时候)?", new)
    at = list(re.finditer(r"第?(\d+(?:\.\d+)?)秒", label))
    if moment and len(at) == 1:  # "不对 放第六秒" after a sound at 4 s: the same change at that moment
        if not _replay(label[:at[0].start(1)] + moment.group(1) + label[at[0].end(1):], trial):
            return None
        trial.actions.insert(len(state.actions), UndoAction())
        return trial
    if (_THING_ZH if language == "zh" else _THING_EN).match(new):
        said = _LABELLED.search(label)
        if said is not None and re.search(r"music|song|sound|audio|音乐|原声", new):  # "made the title smaller": music is quieter
            label = re.sub(r"\b(?:smaller|bigger|larger)\b", lambda m: "quieter" if m.group(0) == "smaller" else "louder", label)
        if said is None or not _replay(label[:said.start()] + new + label[said.end():], trial):
            return None
    else:
        trial = _read_clauses(split_clauses(new, language), trial)
        if not trial.actions or any(isinstance(a, Unknown) for a in trial.actions[len(state.actions):]):
            return None
        if isinstance(trial.actions[len(state.actions)], (UndoAction, RevertAction)):
            # "不对，撤回上一步", "actually go back to before the music": the undo said is the correction, not one more
            return _read_clauses(split_clauses(new, language), state.fork()) if trial.draft is not state.draft else trial
        made = trial.actions[len(state.actions):]
        if len(made) == 1 and isinstance(made[0], GenerateAction) and made[0].placement == "replace" and \
                re.match(r"^(?:generated|生成)", history[-1].lower()):
            return trial  # "不对 我要的是下雨的夜晚 重新生成一下这段": the clip made again replaces the one just made
    trial.actions.insert(len(state.actions), UndoAction())
    return trial


# "no, the other one", "nope, the top", "actually just the dog one": a correction that says only what was meant
_NO_THEN_EN = re.compile(r"^(?:(?:no+|nope|nah|wrong|oops)(?:[,.!]+\s*|\s+(?=sorry|wait|my bad))(?:(?:sorry|wait|my bad)[,.!]*\s*)?"
                         r"(?:i meant |i mean |i said )?|"
                         r"(?:(?P<soft>actually)|no+|nope|wait)[,.!]*\s+(?:i meant |i mean )?(?:just |only )?)(?P<new>.+?)[.!]*$")
_BARE_PLACE = re.compile(r"^(?:(?:at|to|on|in) )?(?:the )?(?:(?:top|bottom|upper|lower|middle|center|centre|left|right)(?: |-)?){1,2}"
                         r"(?: corner| side| edge)?(?: please| instead)?$|^(?:放|移到|放到|在)?(?:左上|右上|左下|右下|顶部|底部|上面|下面|"
                         r"中间|左边|右边|上方|下方|正中间)(?:角)?(?:吧)?$")


# a correction said as a request of its own, not only the value meant: "try green", "(i can't hear it,) make it 25"
_ASKED_AGAIN = re.compile(r"^(?:[\w' ]{0,40}?,\s*)?(?:try|make (?:it|that)|set (?:it|that)|change (?:it|that) to|go with|"
                          r"use|let'?s (?:do|try|go with)|how about|what about|put it (?:at|to|on))\b")
_GONE_BACK = re.compile(r"^(?:(?:go|get|take (?:it|me|us)|roll|step|jump) back|undo|revert|redo)\b|^(?:撤销|撤回|回到|退回|还原|重做)")


def _corrected_to(text: str, language: str, state: PlanState) -> PlanState | None:
    """"no, the other one" after "muted the first clip", "no, the top" after the title went to the bottom, "actually
    just the dog one" after "muted all clips", "不对，另一段": the last change undone, and made again on the thing, or
    with the place or value, said instead."""
    said = _NO_THEN_EN.match(text) if language == "en" else re.match(
        r"^(?:嗯+|呃|额)?\s*(?:不对|错了|不是)[，,\s]*(?:是|我说的是|要)?(?P<new>.+?)(?:吧|啊)?$", text)
    if said is None:
        return None
    new = said.group("new").strip(" ,，.。!！")
    if _GONE_BACK.match(new):  # "actually go back to before the music": a request of the history's, read as said
        return None
    label = state.context.history[-1].lower()
    trial = state.fork()
    trial.restore(1)  # the change made again on the draft the undo restores
    if (_THING_ZH if language == "zh" else _THING_EN).match(new):
        named = _LABELLED.search(label)
        if named is None or not _replay(label[:named.start()] + new + label[named.end():], trial):
            return None
    elif said.groupdict().get("soft"):  # "actually 13", "actually blue": the last change with this value, no undo
        return None
    elif _ASKED_AGAIN.match(new):  # "nope, try green", "no wait, I can't hear it, make it 25": a request of its own
        again = state.fork()  # the same change with this value, no undo (unless the draft it left cannot take it)
        return again if _same_again(Clause(new, (), language, new), again) else None
    elif _BARE_PLACE.match(new):
        last = _last_edit(state)
        name = _named(last, state) if last is not None else None
        if name is None or topic_of(EditAction(edit=last)) != "title":  # type: ignore[arg-type]
            return None
        place = re.sub(r"^(?:(?:at|to|on|in)\b ?|放|移到|放到|在)", "", new)
        asked = Clause(f"把{name}放到{place}" if language == "zh" else f"move {name} to {place}", (), language, new)
        planned = _taken(asked, trial, lambda c: all(isinstance(a, EditAction) for a in c.actions))
        if planned is None:
            return None
        trial = planned
    elif not ((_BARE_VALUE.match(_value_said(new)) or _BARE_COLOUR.match(_value_said(new))) and
              _same_again(Clause(new, (), language, new), trial)):
        return None
    trial.actions.insert(len(state.actions), UndoAction())
    return trial


def _about_same(remark: Clause, requests: list[Clause]) -> bool:
    """Whether the requests beside a complaint are its answer: they say "it", name what it names, or (Chinese) leave
    their object unsaid ("视频太长了，剪到10秒"); else the complaint is a request of its own ("the music is too loud, and
    add a title 'Hi'")."""
    said = {s.value for s in read_clause(remark).of("topic")} & _OBJECTS
    if not said:  # "it's too long", "它太长了": the video, which every request is about
        return True
    for request in requests:
        topics = {s.value for s in read_clause(request).of("topic")}
        # a Chinese request that names no object is about what the complaint names ("视频太长了，剪到10秒"), and so is an
        # English one that names nothing at all ("the city clip is too long, i only want the first 5 secs")
        if mentions_it(request) or said & topics or (request.language == "zh" and not topics & _OBJECTS) or \
                (request.language == "en" and not topics & _OBJECTS and len(said) == 1):
            return True
    return False


# a verb and its particle said with no object: "speed up pls", "slow down a bit" (after a complaint naming a clip: "it")
_PARTICLE_VERB_EN = re.compile(r"^((?:(?:please|pls|just|so|then)\s+)*(?:speed|slow|turn|tone|quiet|calm))\s+(up|down)\b"
                               r"(?!\s+(?:the|my|this|that|it|to|all|everything)\b)")
# a part of what was named, said with no object: "i only want the first 5 secs", "just keep the last 3 seconds"
_PART_OF_NOTHING = re.compile(r"^(?:(?:so|and|then|just|i|only|really|maybe)\s+)*(?:want|need|keep|use)\s+(?:only\s+|just\s+)?"
                              r"the (?:first|last) \d+(?:\.\d+)?\s*(?:seconds?|secs?|s)(?: of it)?$")
# a remark about a sound: "the city sound is too loud", "the city's own sound is just hiss"
_SOUND_REMARK = re.compile(r"^((?:the|this|that|my) (?:[\w'-]+ ){0,3}?(?:sound|audio|noise))(?:'s| is| are| sounds| gets)\b")
# a clip said to be too loud or too quiet: "the dog clip is too loud", "the city part is way too quiet"
_LOUD_CLIP_REMARK = re.compile(r"^((?:the|this|that|my) (?:[\w'-]+ ){0,2}?(?:clip|part|shot))(?:'s| is| are| sounds| gets) "
                               r"(?:(?:way|so|too|really|a bit|kinda|kind of|super|very|much)\s+)*(?:loud|noisy|quiet|soft)\b")
_OBJECTS = frozenset({"title", "music", "clip", "voice", "sound", "canvas", "transition"})


def _focus_on(remark: Clause, state: PlanState) -> None:
    """What a remark names is what the request beside it means by "it": a clip, the title or the music."""
    named = [ref for ref in clip_refs(remark, state) if ref != MISSING]
    topics = {s.value for s in read_clause(remark).of("topic")}
    texts = text_segments(state.draft)
    if named:
        state.focus = Focus("clip", named[0])
    elif remark.language == "en" and remark.has(r"\b(?:captions|subtitles|subs)\b"):
        state.focus = Focus("captions")  # "the captions are a bit small, can they be larger": the captions, never the title
    elif "title" in topics and texts:
        state.focus = Focus("text", texts[0].id)
    elif texts and remark.language == "zh" and remark.has(r"^(?:这个|那个|上面的|画面上的)?(?:字|文字)(?!幕)"):
        state.focus = Focus("text", texts[0].id)  # "字看不太清楚 给它加个黑底": the words on screen, the title
    elif (shown := text_named_unquoted(remark.unquoted().lower(), state.draft)) is not None:  # "Urban Dreams这几个英文看不懂，换成…"
        state.focus = Focus("text", shown.id)  # (or quoted: "i dont like 'Urban Dreams', call it ...")
    elif "music" in topics:
        state.focus = Focus("music")
    elif "voice" in topics:  # "the voiceover sounds robotic, change it"
        state.focus = Focus("voice")


_NOT_THE_TITLE = r"拖|无聊|节奏|\b(?:boring|drags?|quick\w*|fast\w*|slow\w*|effects?|crop\w*|bars?|split|screen|picture|frame|logo|watermark|sticker|emoji|arrow|spin\w*|" \
                 r"rotat\w*|zoom\w*|pan\w*|clips?|shots?|parts?|dog|city)\b|效果|画中画|分屏|画面|进度条|镜头|水印|贴纸|箭头|" \
                 r"旋转|平移|拉近|推近|拉远|那段|片段|" \
                 r"声音|音量|\b(?:sound|volume|audio|loud\w*|quiet\w*)\b"  # "声音大一点": loudness, never the title's size


def _implied_text(clause: Clause, state: PlanState) -> bool:
    """"make it bigger" / "move it to the top" with no focus: the title, when there is one; never a clause that names
    another object or a thing the title is not ("crop out the left side", "a progress bar at the bottom", "画面慢慢往上移",
    "不要那个放大缩小的效果了", "pan left on the city clip")."""
    if not text_segments(state.draft):
        return False
    if {s.value for s in read_clause(clause).of("topic")} - {"title"} or clause.has(_NOT_THE_TITLE):
        return False
    if position_of(clause) is None and color_of(clause.text) is None and not clause.has(
            r"\b(?:bigger|larger|smaller)\b|放大|缩小|大一点|小一点"):
        return False
    saved = state.focus
    state.focus = Focus("text", text_segments(state.draft)[0].id)
    if text.handle(clause, state):
        return True
    state.focus = saved
    return False


def _one_answer(unread: list[Unknown], message: str) -> list[Unknown]:
    """A message nothing in it can act on gets one answer: each question a clause asks of its own (an ability the editor
    lacks, a thing missing, a value it needs) once, and beside one the clauses only not understood say nothing more
    (how the thing asked about should look: "加个画中画，把狗放在右上角小窗里", "加个下雨的特效 画面上那种"); when none asks
    anything of its own, the message is one thing not understood ("it feels flat. like nothing moves")."""
    own = [a for a in unread if a.question and a.question not in _NOT_CAUGHT]
    if own:
        return list({a.question: a for a in reversed(own)}.values())[::-1]  # the first clause asking each question
    return [Unknown(message.strip(), understood=next((a.understood for a in unread if a.understood), ""),
                    question=next((a.question for a in unread if a.question), ""), unexplained=any(a.unexplained for a in unread))]


# what words no rule could act on are answered with, when they name an edit
_NOT_CAUGHT = ("I didn't catch which change you want. You can say, for example: 'add a crossfade between the clips', "
               "'fade out at the end', 'trim the video to 8 seconds', or 'generate a clip of ...' for a new clip.",
               "没听懂要怎么改。可以这样说：“片段之间加淡入淡出转场”、“结尾淡出”、“把视频剪到8秒”，或者“生成一段……的视频”来生成新片段。")


def _not_understood(clause: Clause) -> Unknown:
    """Words no rule could act on. An edit the editor has no tool for (a filter, a colour grade) gets a question
    that says so and how a new clip is asked for: it is never generated as a scene."""
    if clause.has(EFFECTS):
        return Unknown(clause.unquoted(), understood=_understood(clause), question=ask(
            clause, "I can't apply filters or colour effects (black and white, blur, brightness...) to the video yet. "
            "I can fade it in or out, add transitions, change the speed, or generate a new clip if you say "
            "'generate a clip of ...'. Which would you like?",
            "暂时还不能给视频加滤镜或调色效果（黑白、模糊、亮度等）。我可以淡入淡出、加转场、调速度，或者说“生成一段……的视频”来生成新片段。要哪一个？"))
    if clause.has(EDIT_WORDS):
        return Unknown(clause.unquoted(), understood=_understood(clause), unexplained=True, question=ask(clause, *_NOT_CAUGHT))
    return Unknown(clause.unquoted(), understood=_understood(clause), unexplained=not is_chatter(clause.text))


def _understood(clause: Clause) -> str:
    """What the rules did get from words they could not act on (for the reply)."""
    seconds = duration_ms(clause.text)
    color = color_of(clause.text)
    zh = clause.language == "zh"
    bits = []
    if seconds:
        bits.append(f"时长 {seconds / 1000:g} 秒" if zh else f"a time of {seconds / 1000:g} s")
    if color:
        bits.append(f"颜色 {color}" if zh else f"the colour {color}")
    return ("、" if zh else " and ").join(bits)
