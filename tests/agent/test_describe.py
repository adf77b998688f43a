"""History labels and replies: what the user reads, and what "go back to before X" matches."""

from __future__ import annotations

import re

import pytest

from reelforge.agent import (
    EditAction,
    GenerateAction,
    HelpAction,
    MusicAction,
    Outcome,
    Plan,
    ShowTimeline,
    Unknown,
    describe_edit,
    find_revert_point,
    understand,
)
from reelforge.agent.reply import compose_reply
from reelforge.draft import Draft, apply_edits
from reelforge.draft.edits import (
    AddClip,
    AddText,
    DeleteSegment,
    RemoveMusic,
    SetCanvas,
    SetMusic,
    SetSpeed,
    SwapClips,
    UpdateText,
)


def test_labels_in_both_languages_name_what_changed() -> None:
    assert describe_edit(AddText(text="Peak", duration_ms=2000), "en") == "added the title 'Peak' at the start for 2s"
    assert "「Peak」" in describe_edit(AddText(text="Peak"), "zh")
    assert describe_edit(SetCanvas(aspect="9:16"), "zh").startswith("画布改为 9:16")


def test_a_title_with_emoji_says_the_video_leaves_them_out() -> None:
    assert describe_edit(AddText(text="Golden Hour 🌅"), "en").endswith(
        "(🌅 can't be drawn in the title font, so the video leaves it out)")
    assert "✨ ❤️" in describe_edit(UpdateText(text="夜城 ✨❤️✨"), "zh")  # each named once
    assert "can't be drawn" not in describe_edit(AddText(text="★ Golden ★"), "en")


def test_with_the_draft_clips_are_named_by_their_place_not_their_id() -> None:
    draft = apply_edits(Draft.empty(), [AddClip(src=f"media:{n}", duration_ms=1000, name=n) for n in "abc"])
    ids = [s.id for s in draft.tracks[0].segments]
    assert describe_edit(DeleteSegment(segment_id=ids[2]), "en", draft) == "deleted clip 3"
    assert describe_edit(DeleteSegment(segment_id=ids[2]), "en") == f"deleted clip {ids[2]}"  # no draft: the id
    assert describe_edit(SwapClips(first_id=ids[0], second_id=ids[1]), "zh", draft) == "交换第1个片段和第2个片段"
    assert describe_edit(SetSpeed(segment_id=ids[1], speed=2), "zh", draft) == "第2个片段速度改为 2 倍"
    # every segment reference the registry declares for the op is named by place, the clip a new one replaces too
    waves = AddClip(src="media:w", duration_ms=2000, name="waves", at="replace", ref=ids[0])
    assert describe_edit(waves, "en", draft) == "replaced clip 1 with 'waves' (2s)"
    assert describe_edit(waves, "zh", draft) == "用「waves」替换第1个片段（2s）"


def test_revert_finds_the_first_label_about_the_topic_in_either_language() -> None:
    labels = [describe_edit(SetCanvas(aspect="9:16"), "en"), describe_edit(SetMusic(src="media:a"), "zh"),
              describe_edit(RemoveMusic(), "en")]
    assert find_revert_point("music", labels) == 1
    assert find_revert_point("canvas", labels) == 0
    assert find_revert_point("title", labels) is None


def test_generation_reply_gives_length_prompt_backend_and_span() -> None:
    action = GenerateAction(prompt="a futuristic city at night", seconds=10)
    plan = Plan("en", [action])
    outcome = Outcome(action, data={"seconds": 10, "backend": "preview", "start_ms": 0, "end_ms": 10000})
    assert compose_reply(plan, [outcome], "en") == (
        "Generated a 10 s clip of 'a futuristic city at night' (preview generator) and added it at 0-10s.")
    shots = Outcome(action, data={"seconds": 10, "shots": 3, "backend": "preview"})
    assert "in 3 shots" in compose_reply(plan, [shots], "en")
    failed = Outcome(action, ok=False, detail="out of credits")
    assert "out of credits" in compose_reply(plan, [failed], "en") and "Try" in compose_reply(plan, [failed], "en")
    assert "生成" in compose_reply(Plan("zh", [action]), [outcome], "zh")


@pytest.mark.parametrize(("reason", "detail", "english", "chinese"), [
    ("no_model", "", "REELFORGE_MUSIC_MODEL", "REELFORGE_MUSIC_MODEL"),
    ("unavailable", "no worker takes songs", "no worker takes songs", "no worker takes songs"),
    ("failed", "CUDA out of memory", "CUDA out of memory", "CUDA out of memory"),
])
def test_a_song_s_library_stand_in_says_the_style_and_why_in_both_languages(
        reason: str, detail: str, english: str, chinese: str) -> None:
    action = MusicAction(style="piano", compose=True)
    data = {"title": "Piano", "style": "piano", "volume": 0.35, "generated": False, "fallback": reason,
            "fallback_detail": detail}
    outcome = Outcome(action, data=data)
    en = compose_reply(Plan("en", [action]), [outcome], "en")
    zh = compose_reply(Plan("zh", [action]), [outcome], "zh")
    assert "Piano" in en and english in en and "library" in en
    assert "Piano" in zh and chinese in zh and "内置音乐" in zh
    assert (zh.count("未配置") == 1) == (reason == "no_model") and ("出错" in zh) == (reason == "failed")


def test_show_timeline_answers_with_the_summary_and_help_lists_styles() -> None:
    show = ShowTimeline()
    line = 'Timeline (1 track): 1. Title: "Peak" (0-2s)'
    assert compose_reply(Plan("en", [show]), [Outcome(show, data={"summary": line})], "en") == line
    music = HelpAction("music")
    assert "lofi" in compose_reply(Plan("en", [music]), [Outcome(music)], "en")
    assert compose_reply(Plan("zh", [HelpAction()]), [Outcome(HelpAction())], "zh").startswith("我可以")


def test_a_question_about_the_timeline_is_answered_before_its_summary() -> None:
    line = "Timeline (1 track): 1. Video: city, dog (0-15s)"
    data = {"summary": line, "clips": 2, "length_ms": 15000, "uploads": ["summer.mp3", "beach.jpg"]}
    said = {asked: compose_reply(Plan("en", [ShowTimeline(asked)]), [Outcome(ShowTimeline(asked), data=data)], "en")
            for asked in ("clips", "length", "uploads")}
    assert said == {"clips": f"2 clips, 15 s in all. {line}", "length": f"The video is 15 s long. {line}",
                    "uploads": f"You've uploaded: summer.mp3, beach.jpg. {line}"}
    zh = compose_reply(Plan("zh", [ShowTimeline("clips")]), [Outcome(ShowTimeline("clips"), data=data)], "zh")
    assert zh.startswith("共 2 个片段，15 秒。")


def test_runs_of_the_same_edit_are_told_once_and_chinese_labels_read_well() -> None:
    adds = [EditAction(AddClip(src=f"media:{n}", duration_ms=3000, name=f"{n}.png"), f"added the clip '{n}.png' (3s)")
            for n in "abc"]
    plan = Plan(language="en", actions=[*adds, ShowTimeline()])
    outcomes = [Outcome(a) for a in adds] + [Outcome(plan.actions[-1], data={"summary": "Timeline: ..."})]
    assert compose_reply(plan, outcomes, "en") == "Done: added 3 clips: a.png, b.png, c.png. Timeline: ..."
    speed = EditAction(SetSpeed(segment_id="s2", speed=2), "第2个片段速度改为 2 倍")
    zh = compose_reply(Plan(language="zh", actions=[speed]), [Outcome(speed)], "zh")
    assert zh == "完成：第2个片段速度改为 2 倍。"  # not "已第2个片段…"


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_example_the_help_gives_is_understood(language: str) -> None:
    # the help promises these phrasings: each must plan without an Unknown, on a timeline with clips (one a
    # photo), music and a title, and with photos and a song uploaded
    from reelforge.agent import AgentContext
    from reelforge.agent.actions import MediaRef
    from reelforge.agent.reply import CAPABILITIES

    from ._fixtures import context

    full = context("full")
    media = [*full.media, MediaRef("media:p1", "image", "beach.jpg"), MediaRef("media:p2", "image", "hills.jpg")]
    # the photo between the clips: "another one" copies the last clip, and after an upload it asks which is meant
    with_photo = apply_edits(full.draft, [AddClip(src="media:p1", duration_ms=3000, name="beach.jpg", at="after", ref="s1")])  # type: ignore[arg-type]
    ctx = AgentContext(draft=with_photo, media=media, history=[])
    examples = re.findall(r"“([^”]+)”" if language == "zh" else r"\"([^\"]+)\"", CAPABILITIES[language])
    assert len(examples) >= 12
    for example in examples:
        actions = understand(example, ctx).actions
        assert not any(isinstance(a, Unknown) for a in actions), f"{example!r} -> {actions}"
