"""Every operation declared once, for both planners: each edit op and each session action with its arguments (a
pydantic model, or the action's dataclass), what it is about (the history topic "go back to before the music"
names), what "it" means after it, the segment references it makes, what it is for, and its words in English and
Chinese: its label ("add a title"), what it did (an edit's history label, "added the title 'Peak' ...") and a
session action's reply ("Added background music: ..."), from ``_wording`` and ``_replies``.

The rules emit these models, the LLM planners are offered them as tools (``reelforge.agent.llm.build_tools``,
``reelforge.agent.local_llm.tool_schemas``), ``describe_edit`` and ``compose_reply`` read their words here, and
the version history stores them (``reelforge.draft.history``), so undo, revert and "it" read what was done
through this table rather than through the words of a label. Adding an op means adding one row.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass, field

from pydantic import BaseModel

from reelforge.agent import _replies as r
from reelforge.agent import _wording as w
from reelforge.agent._library import sound_names, style_names
from reelforge.agent.actions import (
    Action,
    CaptionSpeechAction,
    ExportAction,
    GenerateAction,
    HelpAction,
    MusicAction,
    Outcome,
    RedoAction,
    RevertAction,
    ScriptAction,
    ShowTimeline,
    SoundAction,
    SubtitlesAction,
    TimelineExportAction,
    UndoAction,
    VoiceAction,
    VoiceChangeAction,
)
from reelforge.draft import edits as e
from reelforge.draft.history import Change
from reelforge.draft.validate import MOTIONS, TRANSITIONS

__all__ = ["ACTION_TOOLS", "EDIT_TOOLS", "FIELD_KINDS", "FIELD_WORDS", "OBJECT_WORDS", "PLANNED_ACTION_TOOLS", "PLANNED_EDIT_TOOLS", "TOPICS",
           "TOPIC_LABELS", "ActionTool", "EditTool", "SegmentKind", "ValueKind", "action_tool", "focus_of", "label",
           "topic_of", "topic_of_action", "topics_of", "vocabularies", "with_vocabularies"]

# what a revert can name: each topic's words (English and Chinese), in requests and, for versions that did not
# record their edits, in labels. "transition" comes before "fade": a crossfade is a transition, not a fade.
TOPICS: dict[str, str] = {
    "music": r"music|bgm|song|soundtrack|音乐|配乐|歌|(?<!弯)曲(?![线折])",
    "voice": r"voice|narrat|旁白|配音|解说|朗读|画外音|口播|开场白",
    "clip_sound": r"original (?:sound|audio)|(?:clip|video)s?'? (?:own )?(?:sound|audio)|原声",
    "title": r"title|text|caption|subtitle|heading|headline|words|lettering|标题|文字|字幕",
    "canvas": r"canvas|vertical|horizontal|square|aspect|(?<!blurred )(?<!blurry )(?<!blur )background(?! music)|画布|竖屏|横屏|方形|背景色|画幅",
    "transition": r"transition|cross[- ]?fade|dissolve|wipe|转场|过渡|叠化|溶解|擦除|交叉淡化",
    "fade": r"fade|淡入|淡出|渐隐|渐显|渐黑",
    "motion": r"motion|zoom|pan|ken burns|推镜|推近|推进|拉近|拉远|推远|缩放|平移|运镜|镜头运动|(?:往|向)(?:前|里)推|(?:往|向)(?:后|外)拉",
    "speed": r"speed|sped|slow|fast|速度|加速|慢",
    "sound": r"sound effect|whoosh|shutter|音效",
    "trim": r"trim|cut|shorten|split|剪|裁|切开|一分为二|1分为2|(?:切|分|拆)成(?:两|2)|(?:切|划)(?:一|1)刀",
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
Focus = typing.Literal["clip", "text", "music", "canvas", "sound", "transition", "voice", "captions"]
# the kind of value a user says for a field, one table for every op's model: a colour fills a colour field, a percent
# a volume or a size, seconds a length or a start, "1.5x" a speed, "bigger" / "quieter" a factor of what is there.
# The composed reading (``agent._composed``) fills an op's fields from the values a clause says by these kinds.
ValueKind = typing.Literal["time", "share", "speed", "colour", "position", "aspect", "quote", "factor", "rate"]
FIELD_KINDS: dict[str, ValueKind] = {
    "volume": "share", "size": "share", "color": "colour", "bgcolor": "colour", "bg": "colour", "highlight": "colour",
    "pos": "position", "aspect": "aspect", "fps": "rate", "speed": "speed", "text": "quote", "duration_ms": "time", "start_ms": "time",
    "fade_in_ms": "time", "fade_out_ms": "time", "source_in_ms": "time", "end_ms": "time", "at_ms": "time", "scale": "factor", "volume_scale": "factor", "size_scale": "factor"}
# the words that name a field when a user names the property before or after its value ("title colour -> teal", "bgm
# vol 30%", "transition length 0.5s", "字幕颜色黄色", "标题 字号 大一点"), English and Chinese; a word names each field
# of its group that an op has ("size" is ``size`` or ``scale``)
FIELD_WORDS: dict[tuple[str, ...], str] = {
    # ("the box colour blue": the box's, never the words')
    ("color",): r"\b(?<!box )(?<!background )(?<!bg )(?<!banner )(?:font |text |letter )?colou?rs?\b|颜色|字色|色彩",
    ("bgcolor", "bg"): r"\b(?:background|bg|box)(?: colou?r)?\b(?! music)|背景色|底色|背景颜色",
    ("volume", "volume_scale"): r"\b(?:volume|vol|loudness|level)\b|音量|响度|声音(?=\s*(?:调|设|开|降|改|放)(?:到|成|为))",  # "声音调成0": the level said
    ("size", "scale", "size_scale"): r"\b(?:font |text )?size\b|\bscale\b|字号|字体大小|大小|尺寸",
    ("pos",): r"\b(?:position|placement|location)\b|位置",
    ("duration_ms",): r"\b(?:length|duration|lasts?|long)\b|时长|长度|持续",
    # ("at the start for 2 seconds" is a place, then a length)
    ("start_ms",): r"\b(?<!the )(?<!very )(?:start(?:s|ing)?(?: time)?|begins?|comes? in|appears?)\b(?! (?:the|it|my|this|that)\b| (?:on|in|from|with) (?:a )?(?:black|white)\b)|开始时间|出现时间|进来",
    ("end_ms",): r"\b(?:stops?|stopping|ends?(?= (?:at|by|on|around)\b)|cuts? out)\b|停止|停掉|就停|停下|结束",  # "music stops at 8 s"
    ("source_in_ms",): r"(?<=\d)\s*(?:s|secs?|seconds?) in\b|\binto the (?:song|track)\b|从歌的",  # "start the song 30 s in"
    ("fade_in_ms",): r"\bfade[- ]?ins?\b|淡入",
    ("fade_out_ms",): r"\bfade[- ]?outs?\b|淡出",
    ("speed",): r"\b(?:(?:playback )?speed|pace|playback rate)\b|速度|倍速|播放速度",
    ("aspect",): r"\b(?:aspect(?: ratio)?|ratio|shape|format)\b|比例|画幅",
    ("fps",): r"\b(?:fps|frame ?rate|frames per second)\b|帧率|帧数|每秒帧数",
}
assert {name for names in FIELD_WORDS for name in names} <= set(FIELD_KINDS)
# the words for a topic's object that its topic words (``TOPICS``) leave out, for the composed reading: the clips' own
# sound is named by no topic word of its own ("视频原来的声音调到50%", "original audio: 0")
OBJECT_WORDS: dict[Topic, str] = {
    "clip_sound": r"\b(?:original|own|natural|clip'?s?) (?:sound|audio)\b|原声|原来的声音|原本的声音|自带的声音|现场声",
}

# what a segment reference names: a clip of the main video track, a text, a narration, or any segment
SegmentKind = typing.Literal["clip", "text", "narration", "segment"]


Said = str | typing.Callable[[typing.Any], str]   # a template over the edit's fields, or a function of the edit


@dataclass(frozen=True)
class EditTool:
    """One edit operation, declared once: ``model`` its pydantic arguments, ``topic`` what the history calls it,
    ``focus`` what "it" means once it is done (None: nothing, e.g. after a removal), ``labels`` what it does
    ("add a title" / "添加标题": a planner's tool list, a failure), ``said`` what it did (English, Chinese: the
    version's history label and the reply's "Done: ..."), ``refs`` its fields that name a segment of the planning
    state's draft (resolved there when the edit is applied to the scratch draft; a placeholder clip of a
    generation planned earlier in the message counts) and what kind of segment each names; ``said_together`` what
    a run of them in one reply says at once ("added 3 clips: a, b, c"; None: their labels, joined); ``planned``
    False for an edit only the app makes (a narration's ``src`` is speech it synthesised, a clip's cues are a recogniser's
    output), which the planners are not offered as a tool."""

    model: type[BaseModel]
    topic: Topic
    focus: Focus | None
    labels: tuple[str, str]
    said: tuple[Said, Said]
    refs: dict[str, SegmentKind] = field(default_factory=dict)
    said_together: tuple[typing.Callable[[typing.Any], str], typing.Callable[[typing.Any], str]] | None = None
    planned: bool = True

    @property
    def name(self) -> str:
        return str(self.model.model_fields["op"].default)

    @property
    def summary(self) -> str:
        return (self.model.__doc__ or f"The {self.name} edit.").strip().splitlines()[0]

    def says(self, edit: BaseModel, language: str) -> str:
        """What ``edit`` did, in ``language``: "added the title 'Peak' at the start for 2s"."""
        said = self.said[1 if language == "zh" else 0]
        return said.format_map(dict(edit)) if isinstance(said, str) else said(edit)

    def references(self, edit: BaseModel) -> dict[str, str]:
        """The segment ids ``edit`` names, by field (those left None name nothing: the whole video, the title)."""
        return {name: value for name in self.refs if isinstance(value := getattr(edit, name, None), str)}


_TABLE: tuple[EditTool, ...] = (
    EditTool(e.AddClip, "clip", "clip", ("add a clip", "添加片段"),
             said=(w.add_clip_en, w.add_clip_zh), refs={"ref": "clip"}, said_together=(w.add_clips_en, w.add_clips_zh)),
    EditTool(e.DeleteSegment, "clip", None, ("delete a clip", "删除片段"),
             said=("deleted clip {segment_id}", "删除片段 {segment_id}"), refs={"segment_id": "segment"}),
    EditTool(e.MoveClip, "clip", "clip", ("move a clip", "移动片段"),
             said=(lambda x: f"moved clip {x.segment_id} to position {x.to_index + 1}",
                   lambda x: f"把片段 {x.segment_id} 移到第 {x.to_index + 1} 位"), refs={"segment_id": "clip"}),
    EditTool(e.SwapClips, "clip", None, ("swap two clips", "交换片段"),
             said=("swapped clips {first_id} and {second_id}", "交换片段 {first_id} 和 {second_id}"),
             refs={"first_id": "clip", "second_id": "clip"}),
    EditTool(e.Trim, "trim", None, ("trim the video", "裁剪视频"), said=(w.trim_en, w.trim_zh)),
    EditTool(e.TrimSegment, "trim", "clip", ("trim a clip", "裁剪片段"),
             said=(lambda x: f"trimmed clip {x.segment_id} ({w.seconds(x.cut_start_ms)} off its start, "
                             f"{w.seconds(x.cut_end_ms)} off its end)",
                   lambda x: f"裁剪片段 {x.segment_id}（开头 {w.seconds(x.cut_start_ms)}，结尾 {w.seconds(x.cut_end_ms)}）"),
             refs={"segment_id": "segment"}),
    EditTool(e.CutSegment, "trim", "clip", ("cut a part out of a clip", "剪掉片段中的一段"),
             said=(lambda x: f"cut {w.format_seconds(x.start_ms)}-{w.seconds(x.end_ms)} out of clip {x.segment_id}",
                   lambda x: f"剪掉片段 {x.segment_id} 的 {w.format_seconds(x.start_ms)}-{w.seconds(x.end_ms)}"),
             refs={"segment_id": "clip"}),
    EditTool(e.SplitClip, "trim", "clip", ("split a clip", "分割片段"),
             said=(lambda x: f"split clip {x.segment_id} in two at {w.seconds(x.at_ms)}",
                   lambda x: f"在 {w.seconds(x.at_ms)} 处把片段 {x.segment_id} 分成两段"),
             refs={"segment_id": "clip"}),
    EditTool(e.SetCanvas, "canvas", "canvas", ("change the canvas", "修改画布"), said=(w.set_canvas_en, w.set_canvas_zh)),
    EditTool(e.AddText, "title", "text", ("add a title", "添加标题"), said=(w.add_text_en, w.add_text_zh)),
    EditTool(e.UpdateText, "title", "text", ("change the title", "修改标题"),
             said=(w.update_text_en, w.update_text_zh), refs={"segment_id": "text"}),
    EditTool(e.RemoveText, "title", None, ("remove the title", "删除标题"),
             said=(lambda x: "removed all text" if x.all else "removed the title",
                   lambda x: "删除所有文字" if x.all else "删除标题"), refs={"segment_id": "text"}),
    EditTool(e.SetMusic, "music", "music", ("set the background music", "设置背景音乐"),
             said=(lambda x: f"set the background music to '{x.name or x.src}' at {w.volume(x.volume)}",
                   lambda x: f"把背景音乐设为「{x.name or x.src}」，音量 {w.volume(x.volume)}")),
    EditTool(e.UpdateMusic, "music", "music", ("change the background music", "调整背景音乐"),
             said=(w.update_music_en, w.update_music_zh)),
    EditTool(e.RemoveMusic, "music", None, ("remove the background music", "移除背景音乐"),
             said=("removed the background music", "移除背景音乐")),
    EditTool(e.SetClipAudio, "clip_sound", "clip", ("set the clips' own sound", "调整原声"),
             said=(w.set_clip_audio_en, w.set_clip_audio_zh), refs={"segment_id": "clip"}),
    EditTool(e.SetSpeed, "speed", "clip", ("change the speed", "修改速度"),
             said=(lambda x: f"set {f'clip {x.segment_id}' if x.segment_id else 'the video'} to {x.speed:g}x speed",
                   lambda x: f"{f'片段 {x.segment_id}' if x.segment_id else '视频'}速度改为 {x.speed:g} 倍"),
             refs={"segment_id": "clip"}),
    EditTool(e.SetTransition, "transition", "transition", ("set the transitions", "设置转场"),
             said=(w.set_transition_en, w.set_transition_zh), refs={"segment_id": "clip"}),
    EditTool(e.SetFade, "fade", "clip", ("fade the picture", "设置淡入淡出"),
             said=(w.set_fade_en, w.set_fade_zh), refs={"segment_id": "clip"}),
    EditTool(e.SetMotion, "motion", "clip", ("move the camera on a clip", "设置镜头运动"),
             said=(w.set_motion_en, w.set_motion_zh), refs={"segment_id": "clip"}),
    EditTool(e.AddSound, "sound", "sound", ("add a sound effect", "添加音效"),
             said=(lambda x: f"added the sound effect '{x.name or x.src}' at {w.seconds(x.start_ms)}",
                   lambda x: f"在 {w.seconds(x.start_ms)} 添加音效「{x.name or x.src}」")),
    # the add_voice_over action synthesises and adds it
    EditTool(e.AddVoice, "voice", "voice", ("add the voice-over", "添加配音"),
             said=(w.add_voice_en, w.add_voice_zh), planned=False),
    EditTool(e.RemoveVoice, "voice", None, ("remove the voice-over", "去掉配音"),
             said=("removed the voice-over", "去掉配音"), refs={"segment_id": "narration"}),
    # captions are named with the title's words ("caption", "subtitle", "字幕"): one topic for words on screen
    EditTool(e.SetCaptions, "title", "captions", ("set the captions", "设置字幕"), said=(w.set_captions_en, w.set_captions_zh)),
    EditTool(e.SetCues, "title", "clip", ("caption a clip's speech", "识别片段语音字幕"),
             said=("captioned the clip's speech", "为片段的语音加字幕"), refs={"segment_id": "segment"}, planned=False),
)
EDIT_TOOLS: dict[str, EditTool] = {tool.name: tool for tool in _TABLE}
# the edits a planner may emit itself, offered as tools
PLANNED_EDIT_TOOLS: dict[str, EditTool] = {name: tool for name, tool in EDIT_TOOLS.items() if tool.planned}


@dataclass(frozen=True)
class ActionTool:
    """One session action, declared once: ``action`` its class (a dataclass the planners fill), ``summary`` what it
    is for (a planner's tool description), ``topic`` what it is about in the history's topics (None: the session
    itself, e.g. undo or help), ``labels`` what it does (English, Chinese), ``reply`` the reply's line when it
    worked (from the runner's ``Outcome``), ``failed`` the line when it did not (``{label}``, ``{why}`` and the
    action's fields); ``said`` the label of the version it saves (a template over the action's fields and the facts
    the runner passes; None when it saves none, or its edits' own labels stand); ``planned`` False for an action
    the rules make but the planners are not offered."""

    action: type
    summary: str
    topic: Topic | None
    labels: tuple[str, str]
    reply: typing.Callable[[Outcome, bool], str]
    failed: tuple[str, str] = ("I couldn't {label}: {why}.", "没能{label}：{why}。")
    said: tuple[str, str] | None = None
    planned: bool = True

    def says(self, action: object, language: str, facts: dict[str, object]) -> str:
        """The label of the version ``action`` saved: ``said`` over its fields and ``facts``; its label without one."""
        zh = language == "zh"
        if self.said is None:
            return self.labels[1 if zh else 0]
        return self.said[1 if zh else 0].format_map({**vars(action), **facts})

    def failure(self, action: object, why: str, zh: bool) -> str:
        """The reply's line for this action when it failed: "I couldn't add music: no such style."."""
        fields = vars(action) if hasattr(action, "__dict__") else {}
        return self.failed[1 if zh else 0].format_map({**fields, "label": self.labels[1 if zh else 0], "why": why})


ACTION_TOOLS: dict[str, ActionTool] = {
    "generate_clip": ActionTool(
        GenerateAction, "Generate a new video clip from a text prompt and place it on the timeline (costs credits: "
        "only when the user asks for a new clip or describes a scene).", "clip", ("generate a clip", "生成片段"),
        r.generation, failed=("I couldn't generate '{prompt}': {why}. Try a shorter clip or a simpler description.",
                              "没能生成「{prompt}」：{why}。可以试试更短的时长或更简单的描述。"),
        said=("generated {prompt!r} ({seconds:g}s)", "生成「{prompt}」（{seconds:g}s）")),
    "add_library_music": ActionTool(
        MusicAction, "Background music from the built-in library; style null lets the app pick.", "music",
        ("add music", "添加背景音乐"), r.music),
    "add_sound_effect": ActionTool(
        SoundAction, "A built-in sound effect at a time, or at each transition.", "sound",
        ("add the sound effect", "添加音效"), r.sound),
    "undo": ActionTool(UndoAction, "Undo the last change(s).", None, ("undo", "撤销"), r.undo),
    "redo": ActionTool(RedoAction, "Redo undone change(s).", None, ("redo", "重做"), r.redo),
    "revert": ActionTool(
        RevertAction, "Go back to the version before the first change about a topic (e.g. 'music').", None,
        ("go back", "回退"), r.revert),
    "show_timeline": ActionTool(ShowTimeline, "Show the timeline summary.", None, ("show the timeline", "查看时间线"),
                                r.show_timeline),
    "help": ActionTool(HelpAction, "Say what the editor can do (topic 'music' lists the music styles).", None,
                       ("help", "帮助"), r.help_reply),
    "export": ActionTool(ExportAction, "Export (render) the video to a file.", "clip", ("export the video", "导出视频"),
                         r.export, failed=("The export failed: {why}.", "导出失败：{why}。")),
    "add_voice_over": ActionTool(
        VoiceAction, "Narrate words over the video (a voice-over); gender 'female' or 'male'.", "voice",
        ("add a voice-over", "添加配音"), r.voice,
        failed=("I couldn't add the voice-over: {why}.", "没能添加配音：{why}。")),
    "change_voice": ActionTool(
        VoiceChangeAction, "Speak the narration again: another voice or gender, or faster/slower (rate_scale 0.8 "
        "slower, 1.25 faster).", "voice", ("change the voice", "更换配音"), r.voice_change,
        said=("re-voiced the narration ({voices})", "重新配音 ({voices})")),
    "video_from_script": ActionTool(
        ScriptAction, "Make a narrated, captioned video from a script: a clip per sentence.", "clip",
        ("make a video from a script", "用文案做视频"), r.script,
        failed=("I couldn't make the video from the script: {why}.", "没能把文案做成视频：{why}。"),
        said=("narrated {scenes} scenes with captions", "为 {scenes} 个场景配音并加字幕")),
    "export_subtitles": ActionTool(
        SubtitlesAction, "Export the captions as a subtitle file (srt or vtt).", "title",
        ("export the subtitles", "导出字幕"), r.subtitles),
    # made by the rules only: "export for Premiere" / "导出给剪映", and captions of the clips' own speech
    "export_timeline": ActionTool(
        TimelineExportAction, "Export the timeline as a project file another editor opens.", None,
        ("export the timeline", "导出时间线"), r.timeline_export, planned=False),
    "caption_speech": ActionTool(
        CaptionSpeechAction, "Caption the speech in the clips (a recogniser).", "title", ("add captions", "加字幕"),
        r.caption_speech, planned=False),
}
# the session actions a planner may emit itself, offered as tools
PLANNED_ACTION_TOOLS: dict[str, ActionTool] = {name: tool for name, tool in ACTION_TOOLS.items() if tool.planned}
_ACTION_NAMES: dict[type, str] = {tool.action: name for name, tool in ACTION_TOOLS.items()}


def topic_of_action(action: Action) -> Topic | None:
    """The topic of a session action (a generation is about a clip, library music about music)."""
    name = _ACTION_NAMES.get(type(action))
    return ACTION_TOOLS[name].topic if name else None


def topic_of(action: Action) -> Topic | None:
    """What any planned action is about: an edit's registry topic, a session action's topic."""
    edit = getattr(action, "edit", None)
    if edit is not None and edit.op in EDIT_TOOLS:
        return EDIT_TOOLS[edit.op].topic
    return topic_of_action(action)


def label(name: str, language: str) -> str:
    """What a tool (an edit op or a session action) does, in ``language``: "add a title" / "添加标题"."""
    labels = EDIT_TOOLS[name].labels if name in EDIT_TOOLS else \
        ACTION_TOOLS[name].labels if name in ACTION_TOOLS else (name, name)
    return labels[1] if language == "zh" else labels[0]


def action_tool(action: Action) -> str | None:
    """The tool name a planned action answers to (``set_fade`` for an edit, ``undo`` for an UndoAction)."""
    edit = getattr(action, "edit", None)
    if edit is not None:
        return str(edit.op)
    return _ACTION_NAMES.get(type(action))


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
    their owners: the draft's transitions, the music library's styles and sound effects, the history's topics."""
    return {("set_transition", "type"): sorted(TRANSITIONS | {"none"}),
            ("set_motion", "motion"): [*MOTIONS, "none"],
            ("add_library_music", "style"): style_names(),
            ("add_sound_effect", "sound"): sound_names(),
            ("revert", "topic"): list(typing.get_args(Topic))}


# what a planner is told a segment reference holds, before what the model's field says of it
_REFERENCE_WORDS: dict[SegmentKind, str] = {
    "clip": "the id of a video clip on the main track (from the Segments list)",
    "text": "the id of a text (from the Segments list)",
    "narration": "the id of a narration segment (from the Segments list)",
    "segment": "the id of a segment (from the Segments list)"}


def with_vocabularies(tool: str, schema: dict[str, typing.Any]) -> dict[str, typing.Any]:
    """``schema`` (a tool's JSON schema) with each closed vocabulary written in as an ``enum``, so a planner (and
    its grammar) can only pick a value the editor has, and each segment reference the registry declares for the
    op described first by the kind of segment it names."""
    properties = dict(schema.get("properties", {}))
    for (name, key), values in vocabularies().items():
        if name != tool or key not in properties:
            continue
        prop = dict(properties[key])
        if "anyOf" in prop:  # Optional[str]: the string option gets the enum, null stays allowed
            prop["anyOf"] = [{**o, "enum": values} if o.get("type") == "string" else o for o in prop["anyOf"]]
        else:
            prop["enum"] = values
        properties[key] = prop
    refs = EDIT_TOOLS[tool].refs if tool in EDIT_TOOLS else {}
    for key, kind in refs.items():  # "the id of a video clip ...; null: every clip"
        if key in properties:
            said = properties[key].get("description")
            words = _REFERENCE_WORDS[kind] + (f"; {said}" if said else "")
            properties[key] = {**properties[key], "description": words}
    return {**schema, "properties": properties}
