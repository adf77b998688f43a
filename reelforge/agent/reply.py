"""The agent's answer: a short reply in the user's language saying what changed, from each Outcome."""

from __future__ import annotations

from reelforge.agent._library import sound_names, style_names
from reelforge.agent._text import chatter_kind
from reelforge.agent._voice_labels import voice_reply
from reelforge.agent.actions import (
    Action,
    EditAction,
    ExportAction,
    GenerateAction,
    HelpAction,
    MusicAction,
    Outcome,
    Plan,
    RedoAction,
    RevertAction,
    ShowTimeline,
    SkippedCall,
    SoundAction,
    TimelineExportAction,
    UndoAction,
    Unknown,
)
from reelforge.agent.registry import action_tool, label
from reelforge.draft.edits import AddClip
from reelforge.draft.summary import format_seconds

__all__ = ["CAPABILITIES", "compose_reply", "help_text"]

CAPABILITIES = {
    "en": ("generate clips (\"a sunset over a mountain lake, 10 seconds, vertical\", \"another one\", \"animate the "
           "photo I uploaded\"); slideshows of your photos (\"make a slideshow of my photos with music\"); titles "
           "(\"add the title 'Peak' for 2 seconds at the top\", \"make it bigger\"); background music (\"add lo-fi "
           "music at 30%\", \"use the song I uploaded\", \"start the music at 5 seconds\"); sound effects (\"add a whoosh "
           "at each transition\"); trim, cut, delete, swap, speed up or slow down clips; transitions between clips; "
           "fades (\"fade out at the end\"); slow zooms and pans on photos (\"add a Ken Burns effect\"); vertical / "
           "square / 16:9 canvas; undo, redo, \"go back to before the music\"; show the timeline; export."),
    "zh": ("生成视频片段（“湖上日落，10秒，竖屏”、“再来一段”、“让我上传的照片动起来”）；照片幻灯片（“用我的照片做一个幻灯片，配上音乐”）；"
           "标题文字（“加上标题「山顶」两秒”、“标题放大一点”）；背景音乐（“加一段欢快的背景音乐”、“用我上传的歌做背景音乐”、“音乐从第5秒开始”）；"
           "音效（“每个转场加一个嗖的音效”）；裁剪、删除、交换片段，加速或慢动作；片段之间的转场；淡入淡出（“结尾淡出”）；"
           "照片缓慢推拉平移（“照片缓慢放大”）；竖屏、方形、横屏画布；撤销、重做、“回到加音乐之前”；查看时间线；导出。"),
}

_ZH_FALLBACK = "未配置音乐模型 REELFORGE_MUSIC_MODEL 或模型出错"


def help_text(language: str, topic: str | None = None, styles: list[str] | None = None) -> str:
    """What the agent can do (or, for ``topic="music"``, which music styles there are)."""
    if topic == "music":
        names = ", ".join(styles or style_names())
        return f"内置音乐风格：{names}。例如：“加一段舒缓的钢琴背景音乐，音量30%”。" if language == "zh" else \
            f"Built-in music styles: {names}. For example: \"add calm piano music at 30%\"."
    if topic == "sounds":
        names = ", ".join(sound_names())
        return f"内置音效：{names}。" if language == "zh" else f"Built-in sound effects: {names}."
    return ("我可以：" if language == "zh" else "I can: ") + CAPABILITIES["zh" if language == "zh" else "en"]


def _generation(outcome: Outcome, action: GenerateAction, zh: bool) -> str:
    data = outcome.data
    seconds = data.get("seconds", action.seconds)
    backend = data.get("backend")
    shots = data.get("shots")
    span = ""
    if isinstance(data.get("start_ms"), int) and isinstance(data.get("end_ms"), int):
        span = f"{format_seconds(data['start_ms'])}-{format_seconds(data['end_ms'])}s"  # type: ignore[arg-type]
    if not outcome.ok:
        return (f"没能生成「{action.prompt}」：{outcome.detail}。可以试试更短的时长或更简单的描述。" if zh else
                f"I couldn't generate '{action.prompt}': {outcome.detail}. Try a shorter clip or a simpler description.")
    if zh:
        text = f"已生成一段 {seconds:g} 秒的「{action.prompt}」视频" if isinstance(seconds, (int, float)) else \
            f"已生成「{action.prompt}」视频"
        if isinstance(shots, int) and shots > 1:
            text += f"（{shots} 个镜头）"
        if backend:
            text += f"（{backend} 生成器）"
        return text + (f"，放在 {span}。" if span else "，已加入时间线。")
    what = "Animated the photo into" if action.image_src else "Generated"
    text = f"{what} a {seconds:g} s clip of '{action.prompt}'" if isinstance(seconds, (int, float)) else \
        f"{what} '{action.prompt}'"
    if isinstance(shots, int) and shots > 1:
        text += f" in {shots} shots"
    if backend:
        text += f" ({backend} generator)"
    return text + (f" and added it at {span}." if span else " and added it to the timeline.")


def _failed(tool: str, why: str, zh: bool) -> str:
    """"I couldn't add music: ...": a session action that failed, named by the registry's label."""
    return f"没能{label(tool, 'zh')}：{why}。" if zh else f"I couldn't {label(tool, 'en')}: {why}."


def _line(outcome: Outcome, zh: bool, language: str) -> str:
    action: Action = outcome.action
    data = outcome.data
    why = outcome.detail or ("未知原因" if zh else "unknown reason")
    spoken = voice_reply(outcome, zh)
    if spoken is not None:
        return spoken
    if isinstance(action, EditAction):
        label = action.description
        if outcome.ok and data.get("auto"):  # two-stage generation added it on its own
            return f"另外{label}（不需要可以说“去掉标题”）。" if zh else f"I also {label} (say \"remove the title\" to drop it)."
        if outcome.ok:
            return (f"已{label}。" if label.startswith(_ZH_VERBS) else f"完成：{label}。") if zh else f"Done: {label}."
        return f"没能{label}：{why}。" if zh else f"I couldn't do that ({label}): {why}."
    if isinstance(action, GenerateAction):
        return _generation(outcome, action, zh)
    if isinstance(action, MusicAction):
        title = data.get("title") or data.get("style") or action.style or ("配乐" if zh else "a track")
        if not outcome.ok:
            return _failed("add_library_music", why, zh)
        volume = data.get("volume", action.volume)
        vol = f"，音量 {round(float(volume) * 100)}%" if zh and isinstance(volume, (int, float)) else \
            f" at {round(float(volume) * 100)}%" if isinstance(volume, (int, float)) else ""
        if data.get("auto"):  # two-stage generation chose it from the scene
            return f"另外配上了背景音乐「{title}」{vol}（不需要可以说“去掉音乐”）。" if zh else \
                f"I also added matching background music: {title}{vol} (say \"remove the music\" to drop it)."
        if data.get("generated"):
            return f"已为视频创作背景音乐「{title}」{vol}。" if zh else f"Composed background music for the video: {title}{vol}."
        if data.get("fallback"):  # a song was asked for and the library stood in: say why
            return (f"没有生成音乐（{_ZH_FALLBACK}），已改用内置音乐「{title}」{vol}。" if zh else
                    f"I couldn't compose a song ({data['fallback']}), so I used the library's {title}{vol} instead.")
        return f"已添加背景音乐「{title}」{vol}。" if zh else f"Added background music: {title}{vol}."
    if isinstance(action, SoundAction):
        if not outcome.ok:
            return _failed("add_sound_effect", why, zh)
        start = data.get("start_ms", action.start_ms) or 0
        times = data.get("times_ms")
        count = len(times) if isinstance(times, list) else 0
        where_en = f"at each transition ({count})" if action.at_transitions and count else "at each transition" \
            if action.at_transitions else f"at {format_seconds(int(start))}s"  # type: ignore[call-overload]
        where_zh = f"每个转场处（{count} 处）" if action.at_transitions and count else "每个转场处" \
            if action.at_transitions else f"{format_seconds(int(start))} 秒处"  # type: ignore[call-overload]
        sound = data.get("title") or action.sound
        return f"已在{where_zh}添加「{sound}」音效。" if zh else f"Added a {sound} sound {where_en}."
    if isinstance(action, (UndoAction, RedoAction, RevertAction)):
        version_label = data.get("label") or ""
        if not outcome.ok:
            return _failed(action_tool(action) or "undo", why, zh)
        if isinstance(action, UndoAction):
            return (f"已撤销：{version_label}。" if version_label else "已撤销上一步。") if zh else (f"Undone: {version_label}." if version_label else "Undid the last change.")
        if isinstance(action, RedoAction):
            return (f"已重做：{version_label}。" if version_label else "已重做。") if zh else (f"Redone: {version_label}." if version_label else "Redid the change.")
        return (f"已回到「{version_label}」之前的版本。" if version_label else "已回到之前的版本。") if zh else \
            (f"Went back to the version before '{version_label}'." if version_label else "Went back to the earlier version.")
    if isinstance(action, ShowTimeline):
        return str(data.get("summary") or ("时间线是空的。" if zh else "Timeline: empty"))
    if isinstance(action, HelpAction):
        styles = data.get("styles")
        return help_text(language, action.topic, list(styles) if isinstance(styles, list) else None)
    if isinstance(action, TimelineExportAction):
        return _timeline_reply(action, outcome, zh, why)
    if isinstance(action, ExportAction):
        if not outcome.ok:
            return f"导出失败：{why}。" if zh else f"The export failed: {why}."
        target = f"{action.format}" + (f"，{action.preset} 预设" if zh and action.preset else f", {action.preset} preset" if action.preset else "")
        url = data.get("url")
        if url and data.get("status") == "completed":  # the chat waited for the render
            # the file as delivered (probed after the render), never the canvas it was cut on
            size = f"{data['width']}x{data['height']}" if data.get("width") and data.get("height") else ""
            length = data.get("duration_ms")
            if isinstance(length, int) and length > 0:
                size = f"{size}{'，' if zh and size else ', ' if size else ''}{format_seconds(length)}{' 秒' if zh else ' s'}"
            done = f"{target}" + (f", {size}" if size and not zh else f"，{size}" if size else "")
            return f"导出完成（{done}），下载链接：{url}" if zh else f"Exported ({done}). Download: {url}"
        if zh:
            return f"已开始导出（{target}）" + (f"：{url}" if url else "，完成后即可下载。")
        return f"Export started ({target})" + (f": {url}" if url else "; the file will be ready to download shortly.")
    if isinstance(action, Unknown) and chatter_kind(action.text) in ("thanks", "greeting"):
        if chatter_kind(action.text) == "thanks":
            return "不客气！还想改什么尽管说，好了就说“导出”。" if zh else \
                "Glad you like it! Tell me what to change next, or say \"export\" when it's ready."
        return "你好！描述你想要的视频，或者告诉我要怎么改。" if zh else \
            "Hi! Describe a video to make, or tell me what to change."
    if isinstance(action, Unknown) and action.question:
        return action.question
    if isinstance(action, Unknown):
        got = f"我理解到的是：{action.understood}。" if zh and action.understood else \
            f" I understood {action.understood}." if action.understood else ""
        if zh:
            return f"抱歉，这个我还做不到（“{action.text}”），时间线没有改动。{got}{help_text('zh')}"
        return f"Sorry, I can't do that yet (\"{action.text}\"), so the timeline is unchanged.{got} {help_text('en')}"
    return ""


# Chinese labels that start with a verb read well after 已 ("已添加…"); others ("第2个片段缓慢推进") do not.
_ZH_VERBS = ("添加", "删除", "去掉", "把", "修改", "调整", "交换", "裁剪", "移除", "设置", "在", "从", "结尾", "开头", "画布",
             "背景", "视频", "帧率")


def _grouped(outcomes: list[Outcome], zh: bool) -> list[Outcome]:
    """Runs of the same successful edit told as one: "added 3 clips: a, b, c" rather than three sentences."""
    grouped: list[Outcome] = []
    run: list[Outcome] = []

    def flush() -> None:
        if len(run) > 1:
            labels = [o.action.description for o in run if isinstance(o.action, EditAction)]
            joined = ("，" if zh else "; ").join(labels)
            clips = [o.action.edit for o in run if isinstance(o.action, EditAction) and isinstance(o.action.edit, AddClip)]
            if len(clips) == len(run):
                names = ("、" if zh else ", ").join(clip.name or clip.src for clip in clips)
                joined = f"添加 {len(run)} 个片段：{names}" if zh else f"added {len(run)} clips: {names}"
            merged = EditAction(edit=run[0].action.edit, description=joined)  # type: ignore[union-attr]
            grouped.append(Outcome(action=merged, ok=True, data={}))
        else:
            grouped.extend(run)
        run.clear()

    for outcome in outcomes:
        action = outcome.action
        same = (run and isinstance(action, EditAction) and isinstance(run[0].action, EditAction)
                and action.edit.op == run[0].action.edit.op and outcome.ok and not outcome.data.get("auto"))
        if not same:
            flush()
        if isinstance(action, EditAction) and outcome.ok and not outcome.data.get("auto"):
            run.append(outcome)
        else:
            grouped.append(outcome)
    flush()
    return grouped


def _skipped_note(skipped: list[SkippedCall], zh: bool) -> str:
    """One sentence naming the planner's steps that were dropped, so a partial answer never looks whole."""
    count = len(skipped)
    tools = ", ".join(dict.fromkeys(s.tool for s in skipped))  # each name once, in order
    if zh:
        return f"有 {count} 个步骤我没能理解，已跳过（{tools}）。"
    return f"I skipped {count} step{'s' if count > 1 else ''} I couldn't understand ({tools})."


def compose_reply(plan: Plan, outcomes: list[Outcome], language: str | None = None) -> str:
    """One short reply: each outcome in order (actions without an outcome, such as Unknown, count as done),
    then a note naming any planner steps that were skipped."""
    language = language or plan.language
    zh = language == "zh"
    by_action = {id(o.action): o for o in outcomes}
    ordered = [by_action.get(id(a)) or Outcome(action=a) for a in plan.actions
               if id(a) in by_action or isinstance(a, Unknown)]
    ordered += [o for o in outcomes if not any(o.action is a for a in plan.actions)]
    note = [_skipped_note(plan.skipped, zh)] if plan.skipped else []
    if not ordered and not note:
        return "好的，没有需要改动的地方。" if zh else "OK, nothing to change."
    lines = [line for line in (_line(o, zh, language) for o in _grouped(ordered, zh)) if line] + note
    return ("" if zh else " ").join(lines)


def _timeline_reply(action: TimelineExportAction, outcome: Outcome, zh: bool, why: str) -> str:
    """What was delivered for "export for Premiere": the format, the clips, what became markers or notes;
    for an editor with no open project format, that there is none and what exists instead."""
    data = outcome.data or {}
    if not outcome.ok:
        return f"没能导出时间线：{why}。" if zh else f"I couldn't export the timeline: {why}."
    if not data.get("delivered"):
        if zh:
            return (f"{action.editor}没有公开的工程文件格式，无法直接导出它的工程。可以说“导出给 Premiere”得到 FCP XML"
                    "（Premiere、达芬奇可打开；Final Cut 说“导出给 Final Cut”），或者说“导出”得到 mp4 后导入剪映。")
        return (f"{action.editor} has no open project format, so there is no project file I can write for it. "
                "Say \"export for Premiere\" for an FCP XML (Premiere Pro, DaVinci Resolve; \"for Final Cut\" gives "
                "FCPXML, \"EDL\" a cut list), or \"export\" for an mp4 to import instead.")
    label, url, clips = data.get("label", ""), data.get("url", ""), data.get("clips", 0)
    found = data.get("notes")
    notes: list[object] = list(found) if isinstance(found, list) else []
    if zh:
        extra = "；部分内容以标记或注释保存（该格式没有对应元素）" if notes else ""
        return f"已导出时间线：{label}，{clips} 个片段，媒体按文件路径引用{extra}。下载链接：{url}"
    extra = f" Note: {'; '.join(str(n) for n in notes)}." if notes else ""
    return f"Exported the timeline as {label}: {clips} clips, media referenced by file path.{extra} Download: {url}"
