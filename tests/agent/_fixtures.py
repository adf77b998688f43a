"""The fixture contexts the corpus starts from, and the checks it makes (shared with bench/agent.py)."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from reelforge.agent import (
    AgentContext,
    EditAction,
    GenerateAction,
    MediaRef,
    MusicAction,
    Plan,
    SoundAction,
    UndoAction,
    Unknown,
    VoiceAction,
    understand,
)
from reelforge.agent.actions import RedoAction, RevertAction, VersionRecord
from reelforge.draft import AUDIO, TEXT, Draft, apply_edit
from reelforge.draft._layout import main_track
from reelforge.draft.colors import parse_color
from reelforge.draft.edits import AddClip, AddSound, AddText, AddVoice, Edit, SetMusic
from reelforge.draft.history import Change
from reelforge.errors import ReelforgeError

HERE = Path(__file__).parent
SONG = MediaRef("media:song1", "audio", "summer.mp3", 30000)
PHOTO = MediaRef("media:photo1", "image", "beach.jpg")
HIKE = MediaRef("media:hike1", "video", "hike.mp4", 8000)
CITY = MediaRef("media:gen1", "video", "a futuristic city at night", 10000, uploaded=False)
DOG = MediaRef("media:gen2", "video", "a dog on the beach", 5000, uploaded=False)


@cache
def _built(name: str) -> Draft:
    """A fixture draft, built once per run by its edits (about 2 ms for ``full``; the corpus asks thousands of times)."""
    draft = Draft.empty()
    if name == "empty":
        return draft
    draft = apply_edit(draft, AddClip(src=CITY.src, duration_ms=10000, name=CITY.name))
    if name in ("one_clip", "media"):
        return draft
    draft = apply_edit(draft, AddClip(src=DOG.src, duration_ms=5000, name=DOG.name))
    draft = apply_edit(draft, SetMusic(src=SONG.src, name=SONG.name, source_duration_ms=30000))
    return apply_edit(draft, AddText(text="Urban Dreams", duration_ms=3000))


def context(name: str, history: list[str] | None = None) -> AgentContext:
    """``empty``; ``one_clip`` (10 s city); ``full`` (city 10 s + dog 5 s, BGM 35 %, title 0-3 s);
    ``media`` (one clip, with an uploaded song, photo and video).

    A case's ``history`` (labels of earlier versions, oldest first) is replayed onto the draft: in the product a
    label always describes what its version holds, so "added a crossfade between the clips" means the draft has
    one, and the message under test sees it and the version's edits, as a real session would."""
    draft, media, versions = _replayed(name, tuple(history or ()))
    # each context gets its own copy (a fifth of the cost of the edits), so no message can see another's changes
    return AgentContext(draft=draft.model_copy(deep=True), media=list(media), history=list(history or []),
                        versions=list(versions))


_MEDIA = {"empty": (), "one_clip": (CITY,), "full": (CITY, DOG, SONG), "media": (CITY, SONG, PHOTO, HIKE)}
# a label's leading verb in the past tense, as describe_edit and the writers word them, read as the request it did
_PAST = {"added": "add", "made": "make", "muted": "mute", "unmuted": "unmute", "moved": "move", "changed": "change",
         "removed": "remove", "deleted": "delete", "turned": "turn", "sped": "speed", "slowed": "slow", "trimmed": "trim",
         "faded": "fade", "replaced": "replace", "swapped": "swap", "increased": "increase", "lowered": "lower",
         "raised": "raise", "generated": "generate", "used": "use", "applied": "apply", "enabled": "enable",
         "disabled": "disable", "shortened": "shorten", "lengthened": "lengthen", "extended": "extend",
         "reversed": "reverse", "rotated": "rotate", "cropped": "crop", "switched": "switch", "shifted": "shift",
         "dropped": "drop", "inserted": "insert", "reordered": "reorder", "boosted": "boost", "reduced": "reduce",
         "doubled": "double", "halved": "halve", "resized": "resize", "colored": "color", "coloured": "colour",
         "zoomed": "zoom", "narrated": "narrate", "duplicated": "duplicate", "looped": "loop", "centered": "center",
         "brought": "bring", "placed": "place", "attached": "attach", "included": "include"}
_LEADING_VERB = re.compile(r"\s*([A-Za-z]+)\b")
_ZH_DONE = re.compile(r"^(添加|加|生成|设置|设|改|换|调|移|删|去|剪|放|开|关)了")


def label_request(label: str) -> str:
    """A version's label read as the request that made it: "added a crossfade" -> "add a crossfade"."""
    match = _LEADING_VERB.match(label)
    if match and match.group(1).lower() in _PAST:
        return _PAST[match.group(1).lower()] + label[match.end():]
    return _ZH_DONE.sub(r"\1", label.strip())


@cache
def _replayed(name: str, history: tuple[str, ...]) -> tuple[Draft, tuple[MediaRef, ...], tuple[VersionRecord, ...]]:
    """The context's draft, media and versions after the versions ``history`` labels: each label is read as the
    request that made it and its edits applied. A label that reads as nothing editable (or as what the context
    already holds: the clip it was generated from, its title) stays a label alone, as versions saved before
    edits were recorded do."""
    if not history:
        return _built(name), _MEDIA[name], ()
    draft, media, versions = _replayed(name, history[:-1])
    label = history[-1]
    before = AgentContext(draft=draft.model_copy(deep=True), media=list(media), history=list(history[:-1]),
                          versions=list(versions))
    edits: list[Edit] = []
    after = draft
    for action in understand(label_request(label), before).actions:
        for edit in _edits_of(action, after, len(versions)):
            try:
                after = apply_edit(after, edit)
            except ReelforgeError:
                continue
            edits.append(edit)
            if isinstance(edit, AddClip) and edit.src not in {m.src for m in media}:
                # a generated clip stands in by name; an upload added to the timeline stays the upload it is (a photo)
                media += (MediaRef(edit.src, "video", edit.name or "", edit.duration_ms, uploaded=False),)
    made = tuple(s.id for t in after.tracks for s in t.segments if s.id not in {x.id for u in draft.tracks
                                                                                  for x in u.segments})
    change = Change(edits=tuple(edits), made=made) if edits else None
    return after, media, versions + (VersionRecord(label, change, draft),)


def _edits_of(action: object, draft: Draft, index: int) -> list[Edit]:
    """The edits the runner would save for ``action`` (generated, library and spoken media stand in by name)."""
    if isinstance(action, EditAction):
        edit = action.edit
        if isinstance(edit, AddText) and any(s.meta.text == edit.text for t in draft.tracks_of(TEXT) for s in t.segments):
            return []  # the context's own title, labelled
        return [edit]
    if isinstance(action, GenerateAction):
        prompt = action.prompt.lower()
        track = main_track(draft)
        names = [(s.meta.name or "").lower() for s in (track.segments if track else [])]
        if any(n and (n in prompt or prompt in n) for n in names):
            return []  # the clip the context was generated with
        return [AddClip(src=f"media:hist{index}", duration_ms=round(action.seconds * 1000), name=action.prompt,
                        at=action.placement, ref=action.ref_segment_id)]
    if isinstance(action, MusicAction):
        style = action.style or "library"
        return [SetMusic(src=f"media:music-{style}", name=style, volume=action.volume or 0.35)]
    if isinstance(action, SoundAction) and action.start_ms is not None:
        return [AddSound(src=f"media:sound-{action.sound}", name=action.sound, start_ms=action.start_ms, duration_ms=1000)]
    if isinstance(action, VoiceAction):
        seconds = max(1.0, len(action.text.split()) / 2.5)
        return [AddVoice(src=f"media:voice{index}", text=action.text, voice=action.voice or f"en_{action.gender or 'female'}",
                         duration_ms=round(seconds * 1000), start_ms=action.start_ms or 0)]
    return []


def load_corpus() -> list[dict[str, Any]]:
    """The seen corpus: the messages the rules are written against."""
    cases: list[dict[str, Any]] = []
    for path in sorted(HERE.glob("corpus_*.json")):
        cases.extend(json.loads(path.read_text(encoding="utf-8")))
    return cases


# the independent writers' waves (indep/README.md): each wave's writer tags; a wave is held to its own floor.
# The sixth session's writers are a wave each, so a file landing later never lowers an earlier share.
INDEP_WAVES = {"w1": ("en", "zh", "en2", "zh2", "en3", "zh3"), "en4": ("en4",), "zh4": ("zh4",), "en5": ("en5",),
               "zh5": ("zh5",), "en6": ("en6",), "zh6": ("zh6",), "en7": ("en7",), "zh7": ("zh7",), "en8": ("en8",), "zh8": ("zh8",),
               "en9": ("en9",), "zh9": ("zh9",), "en10": ("en10",), "zh10": ("zh10",), "en12": ("en12",), "zh12": ("zh12",), "zh13": ("zh13",), "en13": ("en13",), "en11": ("en11",), "zh11": ("zh11",), "en14": ("en14",), "zh14": ("zh14",), "en16": ("en16",), "zh16": ("zh16",), "en15": ("en15",), "zh15": ("zh15",), "en17": ("en17",), "zh17": ("zh17",), "en18": ("en18",), "zh18": ("zh18",), "en20": ("en20",), "zh20": ("zh20",), "en19": ("en19",), "zh19": ("zh19",), "en21": ("en21",), "zh21": ("zh21",), "en22": ("en22",), "zh22": ("zh22",), "en24": ("en24",), "zh24": ("zh24",), "en23": ("en23",), "zh23": ("zh23",), "en25": ("en25",), "zh25": ("zh25",), "en26": ("en26",), "zh26": ("zh26",)}


def load_indep(wave: str | None = None) -> list[dict[str, Any]]:
    """The independent seen corpus (indep/README.md): written by writers who never read the rules, and read by the
    engineers who improve them; held to a floor, not to every message. One wave or all."""
    tags = INDEP_WAVES[wave] if wave else [tag for tags in INDEP_WAVES.values() for tag in tags]
    cases: list[dict[str, Any]] = []
    for path in sorted((HERE / "indep").glob("indep_*.json")):
        if path.stem.split("_")[1] in tags:
            cases.extend(json.loads(path.read_text(encoding="utf-8")))
    return cases


# the frozen held-out parts (heldout/README.md), each written and frozen on its own
HELDOUT_PARTS = {"v1": "heldout_*.json", "v2": "heldout2_*.json", "v3": "heldout3_*.json"}


def load_heldout(part: str | None = None) -> list[dict[str, Any]]:
    """The frozen held-out corpus (heldout/README.md): measured, never written against; one part or all."""
    cases: list[dict[str, Any]] = []
    for name, pattern in HELDOUT_PARTS.items():
        if part is None or part == name:
            for path in sorted((HERE / "heldout").glob(pattern)):
                cases.extend(json.loads(path.read_text(encoding="utf-8")))
    return cases


def case_mismatch(case: dict[str, Any], plan: Plan, ctx: AgentContext) -> str | None:
    """Why ``plan`` (for ``case``'s message in ``ctx``) is not what the case expects; None when it is."""
    expected = case["expect"]
    if len(plan.actions) != len(expected):
        return f"expected {len(expected)} action(s), got {[action_kind(a) for a in plan.actions]}"
    for action, want in zip(plan.actions, expected):
        problem = action_mismatch(action, want)
        if problem is not None:
            return problem
    if "draft" in case:
        problem = draft_mismatch(apply_plan(ctx.draft, plan, ctx.versions), case["draft"])  # type: ignore[arg-type]
        if problem is not None and case.get("history"):
            # a snapshot written before histories were replayed describes the message's edits on the bare context
            # (the writers read that the draft did not hold its history): the plan's edits must give it there
            bare = _built(case["ctx"])
            if draft_mismatch(apply_plan(bare, plan), case["draft"]) is None:
                return None
        return problem
    return None


# whether the plan of a seen case asks a question, by (message, context, history): test_corpus plans every seen case
# and notes it here, so test_reading's pass over the same cases plans none again (a bool each, nothing mutable shared)
_ASKS: dict[tuple[str, str, tuple[str, ...]], bool] = {}


def _case_key(case: dict[str, Any]) -> tuple[str, str, tuple[str, ...]]:
    return case["msg"], case["ctx"], tuple(case.get("history") or ())


def note_asks(case: dict[str, Any], plan: Plan) -> None:
    """Note whether ``plan`` (the case's message in its context) asks a question."""
    _ASKS[_case_key(case)] = any(isinstance(a, Unknown) and a.question for a in plan.actions)


def plan_asks(case: dict[str, Any]) -> bool:
    """Whether the plan of the case's message, in its context, asks a question (planned here when not noted)."""
    key = _case_key(case)
    if key not in _ASKS:
        note_asks(case, understand(case["msg"], context(case["ctx"], case.get("history"))))
    return _ASKS[key]


def grid_failures(cases: list[dict[str, Any]], ctx: str = "full") -> list[str]:
    """Every case of a grid whose plan is not what it expects, one line each: ``[ctx] 'message': why``. A case
    names its context (``"ctx"``, else ``ctx``) and may carry a ``"history"`` of version labels."""
    failures = []
    for case in cases:
        name = case.get("ctx", ctx)
        context_ = context(name, case.get("history"))
        problem = case_mismatch(case, understand(case["msg"], context_), context_)
        if problem is not None:
            failures.append(f"[{name}] {case['msg']!r}: {problem}")
    return failures


def _stepped_back(saved: list[Draft], earlier: list[VersionRecord], steps: int) -> list[Draft]:
    """The drafts left after an undo of ``steps``: back over the versions this plan saved (``saved``), then over
    ``earlier`` (popped) to the draft each was made on, when it recorded it; past what is known the draft stays."""
    for _ in range(steps):
        if len(saved) > 1:
            saved.pop()
        elif earlier and earlier[-1].before is not None:
            saved = [earlier.pop().before]  # type: ignore[list-item]
    return saved


def apply_plan(draft: Draft, plan: Plan, versions: Sequence[VersionRecord] = ()) -> Draft:
    """The draft after the plan's edits (an edit that cannot apply leaves it as it was, as the runner does). An undo
    steps back over the versions this plan saved, then over ``versions`` to the draft each was made on, when it
    recorded it (the runner moves the version pointer); past what is known the draft stays as it is."""
    saved, earlier = [draft], list(versions)
    for action in plan.actions:
        if isinstance(action, UndoAction):
            saved = _stepped_back(saved, earlier, action.steps)
        elif isinstance(action, EditAction):
            try:
                saved.append(apply_edit(saved[-1], action.edit))
            except ReelforgeError:
                pass
    return saved[-1]


_KINDS = {"GenerateAction": "generate", "MusicAction": "music", "SoundAction": "sound", "UndoAction": "undo",
          "RedoAction": "redo", "RevertAction": "revert", "ShowTimeline": "show", "HelpAction": "help",
          "ExportAction": "export", "Unknown": "unknown", "VoiceAction": "voice", "VoiceChangeAction": "change_voice",
          "ScriptAction": "script", "SubtitlesAction": "subtitles", "CaptionSpeechAction": "captions",
          "TimelineExportAction": "timeline_export"}


def action_kind(action: object) -> str:
    return action.edit.op if isinstance(action, EditAction) else _KINDS[type(action).__name__]


def action_mismatch(action: object, expected: dict[str, Any]) -> str | None:
    """Why ``action`` does not match ``expected`` ({"do": kind, field: value, "prompt_has": ..., "style_in": [...]})."""
    kind = action_kind(action)
    if kind != expected["do"]:
        return f"expected {expected['do']}, got {kind}: {action}"
    target = action.edit if isinstance(action, EditAction) else action
    for key, want in expected.items():
        if key == "do":
            continue
        if key == "prompt_has":
            if want.lower() not in target.prompt.lower():
                return f"prompt {target.prompt!r} lacks {want!r}"
        elif key == "prompt_lacks":
            if want.lower() in target.prompt.lower():
                return f"prompt {target.prompt!r} has {want!r}"
        elif key == "style_in":
            if target.style not in want:
                return f"style {target.style!r} not in {want}"
        else:
            got = getattr(target, key)
            if isinstance(want, dict) and hasattr(got, "model_dump"):  # a free position: {"x": .., "y": ..}
                got = got.model_dump()
            if isinstance(want, list) and isinstance(got, tuple):  # JSON has no tuple: loras ["anime"]
                got = list(got)
            if got != want and not _same_color(key, got, want):
                return f"{key}: expected {want!r}, got {got!r} in {target}"
    return None


def draft_mismatch(draft: Draft, expected: dict[str, Any]) -> str | None:
    """Why ``draft`` lacks a property the corpus expects of it."""
    texts = sorted((s for t in draft.tracks if t.type == TEXT for s in t.segments), key=lambda s: s.start_ms)
    music = [s for t in draft.tracks if t.type == AUDIO and t.id != "sfx" for s in t.segments]
    track = main_track(draft)
    clips = track.segments if track else []
    facts: dict[str, Any] = {
        "canvas": [draft.canvas.width, draft.canvas.height],
        "bg": draft.canvas.bg,
        "fps": draft.canvas.fps,
        "texts": [[s.meta.text, s.start_ms, s.end_ms] for s in texts],
        "text_pos": texts[0].meta.pos if texts else None,
        "text_size": texts[0].meta.size if texts else None,
        "text_color": texts[0].meta.color if texts else None,
        "music_src": music[0].src if music else None,
        "music_volume": music[0].meta.volume if music else None,
        "music_fade_in": music[0].meta.fade_in_ms if music else None,
        "music_fade_out": music[0].meta.fade_out_ms if music else None,
        "music_loop": music[0].meta.loop if music else None,
        "music_duck": music[0].meta.duck if music else None,
        "music_end": music[0].end_ms if music else None,
        "clips": [s.src for s in clips],
        "clip_spans": [[s.start_ms, s.end_ms] for s in clips],
        "clip_speeds": [s.meta.speed for s in clips],
        "clip_volumes": [s.meta.volume for s in clips],
        "clip_fades": [[s.meta.fade_in_ms, s.meta.fade_out_ms] for s in clips],
        "transitions": [s.meta.transition.type if s.meta.transition else None for s in clips],
        "video_end": draft.video_end_ms,
    }
    for key, want in expected.items():
        got = facts[key]
        if key in ("clip_speeds", "clip_volumes"):  # a clip's unset speed or volume is 1.0: as recorded
            got, want = [1.0 if v is None else v for v in got], [1.0 if v is None else v for v in want]
        if key == "clip_fades":  # a clip's unset fade is none at all: 0 ms
            got, want = [[v or 0 for v in pair] for pair in got], [[v or 0 for v in pair] for pair in want]
        if isinstance(want, float) and isinstance(got, float):
            if abs(got - want) > 1e-3:
                return f"draft {key}: expected {want}, got {got}"
        elif got != want and not _same_color(key, got, want):
            return f"draft {key}: expected {want!r}, got {got!r}"
    return None


_COLOR_KEYS = {"color", "bgcolor", "bg", "text_color"}


def _same_color(key: str, got: object, want: object) -> bool:
    """A colour the expectation names ("red") and the one the plan writes ("#ff3b30") are the same colour: a draft
    takes either, and both render alike (draft/colors.py)."""
    return key in _COLOR_KEYS and isinstance(got, str) and isinstance(want, str) and \
        parse_color(got) is not None and parse_color(got) == parse_color(want)


# the outcome diagnostic: a miss whose plan leaves the same draft (and the same questions, exports and answers) as the
# expectation would is a different spelling of the same result, not a wrong one (bench/agent.py counts them)
_EDIT = TypeAdapter(Edit)
_NOT_FIELDS = {"do", "prompt_has", "prompt_lacks", "style_in"}


def same_outcome(case: dict[str, Any], plan: Plan, ctx: AgentContext) -> bool | None:
    """Whether ``plan`` gives what the case's expectation would: the same draft (colours compared as they render, an
    unset fade colour as the background it fades to) and the same actions that leave the draft alone (a question, an
    export, a help page). The expected actions are the plan's own, of the same kind at the same place, with the
    expectation's fields put in (a field it does not name is one it accepts either way), else built from the
    expectation alone where it names a whole op. None: the expectation cannot be built (a generation, music or a
    question the plan does not hold at that place)."""
    expected: list[object] = []
    for index, want in enumerate(case["expect"]):
        fields = {k: v for k, v in want.items() if k not in _NOT_FIELDS}
        mine = plan.actions[index] if index < len(plan.actions) else None
        if mine is not None and action_kind(mine) == want["do"]:
            if any(k in want for k in ("prompt_has", "prompt_lacks", "style_in")) and \
                    action_mismatch(mine, {k: v for k, v in want.items() if k not in fields}) is not None:
                return False  # another scene or style: another clip or song
            if isinstance(mine, EditAction):
                try:
                    expected.append(EditAction(_EDIT.validate_python({**mine.edit.model_dump(), **fields}),
                                               mine.description))
                except ValidationError:
                    return None
            else:
                try:
                    expected.append(dataclasses.replace(mine, **fields))
                except TypeError:
                    return None
            continue
        try:
            expected.append(EditAction(_EDIT.validate_python({"op": want["do"], **fields}), ""))
        except ValidationError:
            return None
    got, want_outcome = _outcome(ctx, plan.actions), _outcome(ctx, expected)
    if got != want_outcome:
        return False
    if "draft" in case:
        return draft_mismatch(apply_plan(ctx.draft, plan, ctx.versions), case["draft"]) is None  # type: ignore[arg-type]
    return True


def _outcome(ctx: AgentContext, actions: Sequence[object]) -> tuple[dict[str, Any], list[object]]:
    """The draft the actions leave (as it renders) and, in order, the actions that leave the draft alone and those that
    bring media in (generated, library, spoken: the draft holds a stand-in of it)."""
    saved: list[Draft] = [ctx.draft]  # type: ignore[list-item]
    earlier, others = list(ctx.versions), []
    for action in actions:
        if isinstance(action, UndoAction):
            saved = _stepped_back(saved, earlier, action.steps)
            continue
        edits = [action.edit] if isinstance(action, EditAction) else \
            [] if isinstance(action, (Unknown, RedoAction, RevertAction)) else _edits_of(action, saved[-1], len(ctx.versions))
        if not edits:
            others.append(action)
        elif isinstance(action, GenerateAction):  # its seed, shape, image: where it goes is in the draft
            others.append(dataclasses.replace(action, placement="end", ref_segment_id=None))
        elif not isinstance(action, EditAction):  # music, a sound, a voice: what the stand-in media leaves out
            others.append(action)
        for edit in edits:
            try:
                saved.append(apply_edit(saved[-1], edit))
            except ReelforgeError:
                pass
    return _as_rendered(saved[-1].to_wire()), others


_WIRE_COLORS = {"color", "bgcolor", "bg", "fic", "foc", "hl"}


def _as_rendered(wire: Any, bg: str | None = None) -> Any:
    """The wire form with colours as they render: one spelling each, and a fade with no colour of its own fading to
    the background."""
    if isinstance(wire, list):
        return [_as_rendered(item, bg) for item in wire]
    if not isinstance(wire, dict):
        return wire
    if bg is None and isinstance(wire.get("m"), dict) and "bg" in wire["m"]:
        bg = wire["m"]["bg"]
    out = {k: (parse_color(v) or v) if k in _WIRE_COLORS and isinstance(v, str) else _as_rendered(v, bg)
           for k, v in wire.items()}
    for fade, colour in (("fi", "fic"), ("fo", "foc")):
        if out.get(fade) and colour not in out and bg is not None:
            out[colour] = parse_color(bg) or bg
    return out
