"""Every edit operation declared once, for both planners: its argument model, what it is about (the history
topic "go back to before the music" names), what "it" means after it, and what it is for.

The rules emit these models, the LLM planner is offered them as tools (``reelforge.agent.llm.build_tools``),
the labels come from ``describe_edit`` and the version history stores them (``reelforge.draft.history``), so
undo, revert and "it" read what was done through this table rather than through the words of a label.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass

from pydantic import BaseModel

from reelforge.agent._library import sound_names, style_names
from reelforge.agent.actions import (
    Action,
    CaptionSpeechAction,
    ExportAction,
    GenerateAction,
    HelpAction,
    MusicAction,
    RedoAction,
    RevertAction,
    ScriptAction,
    ShowTimeline,
    SoundAction,
    SubtitlesAction,
    UndoAction,
    VoiceAction,
    VoiceChangeAction,
)
from reelforge.draft import edits as e
from reelforge.draft.history import Change
from reelforge.draft.validate import MOTIONS, TRANSITIONS

__all__ = ["ACTION_LABELS", "ACTION_TOOLS", "EDIT_TOOLS", "PLANNED_EDIT_TOOLS", "TOPICS", "TOPIC_LABELS", "EditTool",
           "action_tool", "focus_of", "label", "topic_of", "topic_of_action", "topics_of", "vocabularies",
           "with_vocabularies"]

# what a revert can name: each topic's words (English and Chinese), in requests and, for versions that did not
# record their edits, in labels. "transition" comes before "fade": a crossfade is a transition, not a fade.
TOPICS: dict[str, str] = {
    "music": r"music|bgm|song|soundtrack|音乐|配乐|歌",
    "voice": r"voice|narrat|旁白|配音|解说|朗读",
    "title": r"title|text|caption|subtitle|标题|文字|字幕",
    "canvas": r"canvas|vertical|horizontal|square|aspect|background(?! music)|画布|竖屏|横屏|方形|背景色|画幅",
    "transition": r"transition|cross-?fade|dissolve|wipe|转场|过渡|叠化",
    "fade": r"fade|淡入|淡出|渐隐|渐显|渐黑",
    "motion": r"motion|zoom|pan|ken burns|推镜|拉远|缩放|平移|运镜",
    "speed": r"speed|slow|fast|速度|加速|慢",
    "sound": r"sound effect|whoosh|shutter|音效",
    "trim": r"trim|cut|shorten|剪|裁",
    "clip": r"clip|generat|shot|video|片段|生成|视频|镜头",
}
Topic = typing.Literal["music", "voice", "title", "canvas", "transition", "fade", "motion", "speed", "sound", "trim", "clip",
                       "clip_sound"]
# each topic as the replies name it (English, Chinese): "Do you mean the music or the clips?"
TOPIC_LABELS: dict[Topic, tuple[str, str]] = {
    "music": ("the music", "音乐"), "voice": ("the voice-over", "配音"), "title": ("the title", "标题"),
    "canvas": ("the canvas", "画布"), "transition": ("the transitions", "转场"), "fade": ("a fade", "淡入淡出"),
    "motion": ("the camera motion", "镜头运动"), "speed": ("the speed", "速度"), "sound": ("a sound effect", "音效"),
    "trim": ("the length", "时长"), "clip": ("the clips", "片段"), "clip_sound": ("the clips' own sound", "原声")}
assert set(TOPIC_LABELS) == set(typing.get_args(Topic))
Focus = typing.Literal["clip", "text", "music", "canvas", "sound"]


@dataclass(frozen=True)
class EditTool:
    """One edit operation: ``model`` its pydantic arguments, ``topic`` what the history calls it, ``focus`` what
    "it" means once it is done (None: nothing, e.g. after a removal); ``planned`` False for an edit only the app
    makes (a narration's ``src`` is speech it synthesised, a clip's cues are a recogniser's output), which the
    planners are not offered as a tool."""

    model: type[BaseModel]
    topic: Topic
    focus: Focus | None
    labels: tuple[str, str]    # what it does, English and Chinese: "add a title" / "添加标题"
    planned: bool = True

    @property
    def name(self) -> str:
        return str(self.model.model_fields["op"].default)

    @property
    def summary(self) -> str:
        return (self.model.__doc__ or f"The {self.name} edit.").strip().splitlines()[0]


_TABLE: tuple[EditTool, ...] = (
    EditTool(e.AddClip, "clip", "clip", ("add a clip", "添加片段")),
    EditTool(e.DeleteSegment, "clip", None, ("delete a clip", "删除片段")),
    EditTool(e.MoveClip, "clip", "clip", ("move a clip", "移动片段")),
    EditTool(e.SwapClips, "clip", None, ("swap two clips", "交换片段")),
    EditTool(e.Trim, "trim", None, ("trim the video", "裁剪视频")),
    EditTool(e.TrimSegment, "trim", "clip", ("trim a clip", "裁剪片段")),
    EditTool(e.SetCanvas, "canvas", "canvas", ("change the canvas", "修改画布")),
    EditTool(e.AddText, "title", "text", ("add a title", "添加标题")),
    EditTool(e.UpdateText, "title", "text", ("change the title", "修改标题")),
    EditTool(e.RemoveText, "title", None, ("remove the title", "删除标题")),
    EditTool(e.SetMusic, "music", "music", ("set the background music", "设置背景音乐")),
    EditTool(e.UpdateMusic, "music", "music", ("change the background music", "调整背景音乐")),
    EditTool(e.RemoveMusic, "music", None, ("remove the background music", "移除背景音乐")),
    EditTool(e.SetClipAudio, "clip_sound", "clip", ("set the clips' own sound", "调整原声")),
    EditTool(e.SetSpeed, "speed", "clip", ("change the speed", "修改速度")),
    EditTool(e.SetTransition, "transition", None, ("set the transitions", "设置转场")),
    EditTool(e.SetFade, "fade", "clip", ("fade the picture", "设置淡入淡出")),
    EditTool(e.SetMotion, "motion", "clip", ("move the camera on a clip", "设置镜头运动")),
    EditTool(e.AddSound, "sound", "sound", ("add a sound effect", "添加音效")),
    # the add_voice_over action synthesises and adds it
    EditTool(e.AddVoice, "voice", None, ("add the voice-over", "添加配音"), planned=False),
    EditTool(e.RemoveVoice, "voice", None, ("remove the voice-over", "去掉配音")),
    # captions are named with the title's words ("caption", "subtitle", "字幕"): one topic for words on screen
    EditTool(e.SetCaptions, "title", None, ("set the captions", "设置字幕")),
    EditTool(e.SetCues, "title", "clip", ("caption a clip's speech", "识别片段语音字幕"), planned=False),
)
EDIT_TOOLS: dict[str, EditTool] = {tool.name: tool for tool in _TABLE}
# the edits a planner may emit itself, offered as tools
PLANNED_EDIT_TOOLS: dict[str, EditTool] = {name: tool for name, tool in EDIT_TOOLS.items() if tool.planned}

# the session's actions, as tools: tool name -> (action class, what it is for)
ACTION_TOOLS: dict[str, tuple[type, str]] = {
    "generate_clip": (GenerateAction, "Generate a new video clip from a text prompt and place it on the timeline "
                                      "(costs credits: only when the user asks for a new clip or describes a scene)."),
    "add_library_music": (MusicAction, "Background music from the built-in library; style null lets the app pick."),
    "add_sound_effect": (SoundAction, "A built-in sound effect at a time, or at each transition."),
    "undo": (UndoAction, "Undo the last change(s)."),
    "redo": (RedoAction, "Redo undone change(s)."),
    "revert": (RevertAction, "Go back to the version before the first change about a topic (e.g. 'music')."),
    "show_timeline": (ShowTimeline, "Show the timeline summary."),
    "help": (HelpAction, "Say what the editor can do (topic 'music' lists the music styles)."),
    "export": (ExportAction, "Export (render) the video to a file."),
    "add_voice_over": (VoiceAction, "Narrate words over the video (a voice-over); gender 'female' or 'male'."),
    "change_voice": (VoiceChangeAction, "Speak the narration again: another voice or gender, or faster/slower "
                                        "(rate_scale 0.8 slower, 1.25 faster)."),
    "video_from_script": (ScriptAction, "Make a narrated, captioned video from a script: a clip per sentence."),
    "export_subtitles": (SubtitlesAction, "Export the captions as a subtitle file (srt or vtt)."),
}


# what each session action is about, in the history's topics (None: the session itself, e.g. undo or export)
_ACTION_TOPICS: dict[type, Topic] = {
    GenerateAction: "clip", ScriptAction: "clip", MusicAction: "music", SoundAction: "sound", VoiceAction: "voice",
    VoiceChangeAction: "voice", SubtitlesAction: "title", CaptionSpeechAction: "title", ExportAction: "clip"}


def topic_of_action(action: Action) -> Topic | None:
    """The topic of a session action (a generation is about a clip, library music about music)."""
    return _ACTION_TOPICS.get(type(action))


def topic_of(action: Action) -> Topic | None:
    """What any planned action is about: an edit's registry topic, a session action's topic."""
    edit = getattr(action, "edit", None)
    if edit is not None and edit.op in EDIT_TOOLS:
        return EDIT_TOOLS[edit.op].topic
    return topic_of_action(action)


# the session actions' labels, as for the edits (what "I couldn't ..." and a planner's tool list call them)
ACTION_LABELS: dict[str, tuple[str, str]] = {
    "generate_clip": ("generate a clip", "生成片段"), "add_library_music": ("add music", "添加背景音乐"),
    "add_sound_effect": ("add the sound effect", "添加音效"), "undo": ("undo", "撤销"), "redo": ("redo", "重做"),
    "revert": ("go back", "回退"), "show_timeline": ("show the timeline", "查看时间线"), "help": ("help", "帮助"),
    "export": ("export the video", "导出视频"), "add_voice_over": ("add a voice-over", "添加配音"),
    "change_voice": ("change the voice", "更换配音"), "video_from_script": ("make a video from a script", "用文案做视频"),
    "export_subtitles": ("export the subtitles", "导出字幕")}
assert set(ACTION_LABELS) == set(ACTION_TOOLS)


def label(name: str, language: str) -> str:
    """What a tool (an edit op or a session action) does, in ``language``: "add a title" / "添加标题"."""
    labels = EDIT_TOOLS[name].labels if name in EDIT_TOOLS else ACTION_LABELS.get(name, (name, name))
    return labels[1] if language == "zh" else labels[0]


def action_tool(action: Action) -> str | None:
    """The tool name a planned action answers to (``set_fade`` for an edit, ``undo`` for an UndoAction)."""
    edit = getattr(action, "edit", None)
    if edit is not None:
        return str(edit.op)
    return next((name for name, (cls, _) in ACTION_TOOLS.items() if type(action) is cls), None)


def topics_of(change: Change) -> set[str]:
    """The topics a recorded version is about ("music", "transition", ...)."""
    return {EDIT_TOOLS[edit.op].topic for edit in change.edits if edit.op in EDIT_TOOLS}


def focus_of(change: Change) -> tuple[str, str | None] | None:
    """What "it" means after a recorded version: (kind, segment id) of its last edit's object; None after a removal."""
    if not change.edits:
        return None
    last = change.edits[-1]
    tool = EDIT_TOOLS.get(last.op)
    if tool is None or tool.focus is None:
        return None
    segment = change.made[0] if change.made else getattr(last, "segment_id", None)
    return tool.focus, segment


def vocabularies() -> dict[tuple[str, str], list[str]]:
    """The closed vocabularies of fields the models type as plain strings (tool, field) -> allowed values, from
    their owners: the draft's transitions, the music library's styles and sound effects."""
    return {("set_transition", "type"): sorted(TRANSITIONS | {"none"}),
            ("set_motion", "motion"): [*MOTIONS, "none"],
            ("add_library_music", "style"): style_names(),
            ("add_sound_effect", "sound"): sound_names()}


def with_vocabularies(tool: str, schema: dict[str, typing.Any]) -> dict[str, typing.Any]:
    """``schema`` (a tool's JSON schema) with each closed vocabulary written in as an ``enum``, so a planner (and
    its grammar) can only pick a value the editor has."""
    properties = dict(schema.get("properties", {}))
    for (name, field), values in vocabularies().items():
        if name != tool or field not in properties:
            continue
        prop = dict(properties[field])
        if "anyOf" in prop:  # Optional[str]: the string option gets the enum, null stays allowed
            prop["anyOf"] = [{**o, "enum": values} if o.get("type") == "string" else o for o in prop["anyOf"]]
        else:
            prop["enum"] = values
        properties[field] = prop
    return {**schema, "properties": properties}
