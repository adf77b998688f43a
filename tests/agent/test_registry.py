"""The operation registry: every edit op declared once, and what history records read through it."""

from __future__ import annotations

import dataclasses
import typing

import pytest
from pydantic import BaseModel

from reelforge.agent import (
    Action,
    EditAction,
    GenerateAction,
    Outcome,
    Plan,
    ScriptAction,
    UndoAction,
    Unknown,
    VersionRecord,
    VoiceChangeAction,
    compose_reply,
    describe_action,
    describe_edit,
    describe_voices,
    find_revert_point,
)
from reelforge.agent._intents.meta import revert_topic
from reelforge.agent._state import automatic_segments, focus_from_history
from reelforge.agent.llm import build_tools
from reelforge.agent.local_llm import tool_schemas
from reelforge.agent.registry import (
    ACTION_TOOLS,
    EDIT_TOOLS,
    PLANNED_EDIT_TOOLS,
    Focus,
    SegmentKind,
    Topic,
    action_tool,
    focus_of,
    label,
    topic_of,
    topics_of,
)
from reelforge.draft import Change, Draft, Edit, apply_edit
from reelforge.draft.edits import (
    AddClip,
    AddText,
    AddVoice,
    DeleteSegment,
    SetCaptions,
    SetFade,
    SetSpeed,
    SetTransition,
    UpdateText,
)


def test_every_op_of_the_draft_vocabulary_is_declared_once() -> None:
    union = typing.get_args(Edit)[0]
    ops = {cls.model_fields["op"].default for cls in typing.get_args(union)}
    assert set(EDIT_TOOLS) == ops
    assert all(tool.summary for tool in EDIT_TOOLS.values())


def test_revert_reads_recorded_edits_not_label_words() -> None:
    # the label of a picture fade says "fade"; only the recorded op tells it from a crossfade transition
    labels = ["added the clip", "faded the video out over 1s at the end", "added a fade transition (0.5s)"]
    versions = [VersionRecord(labels[0], Change((AddClip(src="a", duration_ms=1000),))),
                VersionRecord(labels[1], Change((SetFade(fade_out_ms=1000),))),
                VersionRecord(labels[2], Change((SetTransition(type="fade"),)))]
    assert find_revert_point("transition", labels, versions) == 2
    assert find_revert_point("fade", labels, versions) == 1
    assert find_revert_point("transition", labels) == 2  # labels alone: the words still tell them apart now
    assert topics_of(versions[1].change) == {"fade"}  # type: ignore[arg-type]


def test_it_follows_the_segment_the_last_version_made_or_touched() -> None:
    draft = apply_edit(apply_edit(Draft.empty(), AddClip(src="a", duration_ms=1000)), AddClip(src="b", duration_ms=1000))
    touched = Change((SetSpeed(segment_id="s2", speed=2.0),))
    assert focus_of(touched) == ("clip", "s2")
    focus = focus_from_history(["sped up a clip"], draft, [VersionRecord("sped up a clip", touched)])
    assert focus is not None and (focus.kind, focus.segment_id) == ("clip", "s2")
    # after a transition "it" is the transitions ("add a crossfade", then "make it 1 second long"); a removal leaves none
    assert focus_of(Change((SetTransition(),))) == ("transition", None)
    assert focus_of(Change((DeleteSegment(segment_id="s1"),))) is None


def test_automatic_segments_stop_being_automatic_once_the_user_changes_them() -> None:
    draft = apply_edit(apply_edit(Draft.empty(), AddClip(src="a", duration_ms=3000)), AddText(text="Auto"))
    made = VersionRecord("title", Change((AddText(text="Auto"),), made=("t1",), auto=True))
    assert automatic_segments([made], draft) == {"t1"}
    changed = VersionRecord("changed", Change((UpdateText(segment_id="t1", text="Mine"),)))
    assert automatic_segments([made, changed], draft) == set()


def test_voice_and_caption_edits_are_declared_with_their_topics() -> None:
    voice = Change((AddVoice(src="media:v", text="Hello.", voice="en_female", duration_ms=900),))
    assert topics_of(voice) == {"voice"} and focus_of(voice) == ("voice", None)  # "change it": the voice just added
    assert topics_of(Change((SetCaptions(style="clean"),))) == {"title"}  # captions are named with the title's words
    assert revert_topic("the voice-over") == "voice" and revert_topic("配音") == "voice"
    labels = ["added the clip", "added the voice-over 'Hello.' (English female voice)", "turned the captions on"]
    versions = [VersionRecord(labels[0], Change((AddClip(src="a", duration_ms=1000),))), VersionRecord(labels[1], voice),
                VersionRecord(labels[2], Change((SetCaptions(),)))]
    assert find_revert_point("voice", labels, versions) == 1
    # the planners are offered every edit they may make themselves; a narration's src is synthesised speech
    assert "add_voice" in EDIT_TOOLS and "add_voice" not in PLANNED_EDIT_TOOLS and "set_cues" not in PLANNED_EDIT_TOOLS
    assert {"remove_voice", "set_captions"} <= set(PLANNED_EDIT_TOOLS)


def test_every_tool_has_its_labels_in_both_languages_and_replies_use_them() -> None:
    for name in [*EDIT_TOOLS, *ACTION_TOOLS]:
        english, chinese = label(name, "en"), label(name, "zh")
        assert english and any("\u4e00" <= ch <= "\u9fff" for ch in chinese)
    # a failed session action is named by its registry label, in the user's language
    failed = Outcome(action=UndoAction(), ok=False, detail="nothing to undo")
    plan = Plan(language="en", actions=[failed.action])
    assert compose_reply(plan, [failed]) == f"I couldn't {label('undo', 'en')}: nothing to undo."
    assert compose_reply(plan, [failed], "zh") == f"没能{label('undo', 'zh')}：nothing to undo。"
    assert action_tool(UndoAction()) == "undo" and action_tool(EditAction(edit=SetFade(fade_out_ms=500))) == "set_fade"


def _han(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


# what a model's own validator asks beyond its required fields
_VALIDATED = {"set_fade": {"fade_out_ms": 1000}, "cut_segment": {"start_ms": 0, "end_ms": 2000}}


def _sample_edit(model: type[BaseModel]) -> BaseModel:
    """An instance of ``model`` with each required field given a plain value of its type."""
    plain = {str: "s1", int: 1000, float: 1.0, bool: True}
    required = {name: plain[typing.cast(type, field.annotation)] for name, field in model.model_fields.items()
                if field.is_required()}
    return model.model_validate({**required, **_VALIDATED.get(str(model.model_fields["op"].default), {})})


def _sample_action(cls: type) -> object:
    """An instance of a session action's dataclass with each required field given a string."""
    required = {f.name: "x" for f in dataclasses.fields(cls)
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING}
    return cls(**required)


def test_every_op_and_session_action_declares_every_piece() -> None:
    """Adding an op means declaring it once: its labels in both languages, what it did (history label and reply),
    its history topic, what "it" means after it and which fields name a segment; a session action its labels,
    topic, reply and failure. An op missing any of them fails here, not in front of a user."""
    topics, foci, kinds = (set(typing.get_args(t)) for t in (Topic, Focus, SegmentKind))
    for name, tool in EDIT_TOOLS.items():
        assert tool.topic in topics and (tool.focus is None or tool.focus in foci), name
        assert tool.labels[0] and _han(tool.labels[1]), name
        assert set(tool.refs) <= set(tool.model.model_fields) and set(tool.refs.values()) <= kinds, name
        edit = _sample_edit(tool.model)
        english, chinese = describe_edit(edit, "en"), describe_edit(edit, "zh")  # type: ignore[arg-type]
        assert english and not _han(english) and _han(chinese), name
        done = Outcome(EditAction(edit=edit))  # type: ignore[arg-type]
        assert compose_reply(Plan("en", [done.action]), [done]) == f"Done: {english}."
    # every session action the planners or the runner know is declared, once, with every piece
    session = {cls for cls in typing.get_args(Action)} - {EditAction, Unknown}
    assert {tool.action for tool in ACTION_TOOLS.values()} == session
    assert len(ACTION_TOOLS) == len(session)
    for name, action_tool_ in ACTION_TOOLS.items():
        assert action_tool_.summary and action_tool_.labels[0] and _han(action_tool_.labels[1]), name
        assert action_tool_.topic is None or action_tool_.topic in topics, name
        action = _sample_action(action_tool_.action)
        assert action_tool(action) == name and topic_of(action) == action_tool_.topic  # type: ignore[arg-type]
        plan = Plan("en", [action])  # type: ignore[list-item]
        worked, failed = Outcome(action), Outcome(action, ok=False, detail="the disk is full")  # type: ignore[arg-type]
        for language in ("en", "zh"):
            assert compose_reply(plan, [worked], language), (name, language)
            said = compose_reply(plan, [failed], language)
            assert "the disk is full" in said and _han(said) == (language == "zh"), (name, language)
        if action_tool_.said is not None:  # the label of the version it saves, when its edits' labels do not stand
            assert not _han(action_tool_.said[0]) and _han(action_tool_.said[1]), name


def test_a_session_action_labels_the_version_it_saves_in_the_users_language() -> None:
    waves = GenerateAction(prompt="waves", seconds=4)
    assert describe_action(waves, "en", seconds=5.0) == "generated 'waves' (5s)"  # the seconds it really made
    assert describe_action(waves, "zh", seconds=5.0) == "生成「waves」（5s）"
    assert describe_action(VoiceChangeAction(gender="male"), "en", voices=describe_voices(["en_male"])) == \
        "re-voiced the narration (English male voice)"
    assert describe_action(ScriptAction(script="One. Two."), "zh", scenes=2) == "为 2 个场景配音并加字幕"
    with pytest.raises(TypeError):
        describe_action(Unknown("hm"), "en")


def test_an_edit_the_app_made_on_its_own_says_how_to_drop_it_in_the_words_of_its_topic() -> None:
    title = EditAction(edit=AddText(text="Peak"), description=describe_edit(AddText(text="Peak"), "en"))
    auto = Outcome(title, data={"auto": True})
    assert compose_reply(Plan("en", [title]), [auto]) == \
        "I also added the title 'Peak' at the start (say \"remove the title\" to drop it)."
    zh = EditAction(edit=AddText(text="山顶"), description=describe_edit(AddText(text="山顶"), "zh"))
    assert compose_reply(Plan("zh", [zh]), [Outcome(zh, data={"auto": True})]) == \
        "另外在开头添加标题「山顶」（不需要可以说“去掉标题”）。"


def test_the_planners_are_told_what_each_declared_segment_reference_names() -> None:
    tools = {tool["function"]["name"]: tool["function"]["parameters"] for tool in build_tools()}
    schemas = tool_schemas()
    for name, tool in PLANNED_EDIT_TOOLS.items():
        for key in tool.refs:
            for found in (tools[name], schemas[name]):
                assert found["properties"][key]["description"].startswith("the id of a"), (name, key)
    assert tools["set_speed"]["properties"]["segment_id"]["description"] == \
        "the id of a video clip on the main track (from the Segments list); null: every clip"


def test_every_field_a_planner_is_offered_is_described() -> None:
    for tool in build_tools():
        for key, prop in tool["function"]["parameters"]["properties"].items():
            assert prop.get("description"), (tool["function"]["name"], key)


def test_revert_names_one_of_the_history_topics() -> None:
    tools = {tool["function"]["name"]: tool["function"]["parameters"] for tool in build_tools()}
    # "go back to before ..." names one of the history's topics, which the recorded versions are matched against
    assert tools["revert"]["properties"]["topic"]["enum"] == list(typing.get_args(Topic))
