"""What each session action's reply says when it worked, in English and Chinese: the functions the registry
declares next to each action (``ActionTool.reply``), reading the facts the turn runner left in ``Outcome.data``.

A failed action is answered by the registry's ``ActionTool.failed`` template ("I couldn't add music: ..."), so
these only say what was done.
"""

from __future__ import annotations

from reelforge.agent._library import sound_names, style_names
from reelforge.agent.actions import (
    ExportAction,
    GenerateAction,
    HelpAction,
    MusicAction,
    Outcome,
    ShowTimeline,
    SoundAction,
    TimelineExportAction,
)
from reelforge.draft.summary import format_seconds
from reelforge.draft.validate import TRANSITIONS

__all__ = ["CAPABILITIES", "help_text"]

CAPABILITIES = {
    "en": ("generate clips (\"a sunset over a mountain lake, 10 seconds, vertical\", \"another one\", \"animate the "
           "photo I uploaded\"); slideshows of your photos (\"make a slideshow of my photos with music\"); titles "
           "(\"add the title 'Peak' for 2 seconds at the top\", \"make it bigger\"); background music (\"add lo-fi "
           "music at 30%\", \"use the song I uploaded\", \"start the music at 5 seconds\", \"stop the music at 12 seconds\"); "
           "sound effects (\"add a whoosh at each transition\"); trim, cut, delete, swap, speed up or slow down clips, cut a "
           "part out of a clip (\"remove 2s to 4s from the first clip\") or split one (\"split the clip at 3 seconds\"); "
           "transitions between clips; "
           "fades (\"fade out at the end\"); slow zooms and pans on photos (\"add a Ken Burns effect\"); vertical / "
           "square / 16:9 canvas; undo, redo, \"go back to before the music\"; show the timeline; export."),
    "zh": ("生成视频片段（“湖上日落，10秒，竖屏”、“再来一段”、“让我上传的照片动起来”）；照片幻灯片（“用我的照片做一个幻灯片，配上音乐”）；"
           "标题文字（“加上标题「山顶」两秒”、“标题放大一点”）；背景音乐（“加一段欢快的背景音乐”、“用我上传的歌做背景音乐”、“音乐从第5秒开始”、“音乐到第12秒就停”）；"
           "音效（“每个转场加一个嗖的音效”）；裁剪、删除、交换片段，加速或慢动作，剪掉片段中间的一段（“剪掉第一段的2到4秒”）或切开片段（“在第3秒切开”）；片段之间的转场；淡入淡出（“结尾淡出”）；"
           "照片缓慢推拉平移（“照片缓慢放大”）；竖屏、方形、横屏画布；撤销、重做、“回到加音乐之前”；查看时间线；导出。"),
}

# why a song asked for was not composed (``services.turn_song``'s ``fallback``), with the backend's ``detail``
_SONG_FALLBACK = {
    "no_model": ("no music model is configured: set REELFORGE_MUSIC_MODEL", "未配置音乐模型：请设置 REELFORGE_MUSIC_MODEL"),
    "unavailable": ("{detail}", "音乐模型不可用：{detail}"),
    "failed": ("the music model failed ({detail})", "音乐模型出错（{detail}）"),
}


def _song_fallback(data: dict[str, object], zh: bool) -> str:
    english, chinese = _SONG_FALLBACK.get(str(data["fallback"]), ("{detail}", "{detail}"))
    return (chinese if zh else english).format(detail=data.get("fallback_detail") or data["fallback"])


def help_text(language: str, topic: str | None = None, styles: list[str] | None = None) -> str:
    """What the agent can do (or, for ``topic="music"``, which music styles there are)."""
    if topic == "music":
        names = ", ".join(styles or style_names())
        return f"内置音乐风格：{names}。例如：“加一段舒缓的钢琴背景音乐，音量30%”。" if language == "zh" else \
            f"Built-in music styles: {names}. For example: \"add calm piano music at 30%\"."
    if topic == "sounds":
        names = ", ".join(sound_names())
        return f"内置音效：{names}。" if language == "zh" else f"Built-in sound effects: {names}."
    if topic == "transition":
        names = ", ".join(sorted(TRANSITIONS))
        return f"可用的转场：{names}。例如：“片段之间加1秒的溶解转场”。" if language == "zh" else \
            f"Transitions: {names}. For example: \"add a 1 second dissolve between the clips\"."
    return ("我可以：" if language == "zh" else "I can: ") + CAPABILITIES["zh" if language == "zh" else "en"]


def generation(outcome: Outcome, zh: bool) -> str:
    action = outcome.action
    assert isinstance(action, GenerateAction)
    data = outcome.data
    seconds = data.get("seconds", action.seconds)
    backend = data.get("backend")
    shots = data.get("shots")
    span = ""
    if isinstance(data.get("start_ms"), int) and isinstance(data.get("end_ms"), int):
        span = f"{format_seconds(data['start_ms'])}-{format_seconds(data['end_ms'])}s"  # type: ignore[arg-type]
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


def music(outcome: Outcome, zh: bool) -> str:
    action, data = outcome.action, outcome.data
    assert isinstance(action, MusicAction)
    title = data.get("title") or data.get("style") or action.style or ("配乐" if zh else "a track")
    volume = data.get("volume", action.volume)
    vol = f"，音量 {round(float(volume) * 100)}%" if zh and isinstance(volume, (int, float)) else \
        f" at {round(float(volume) * 100)}%" if isinstance(volume, (int, float)) else ""
    if data.get("auto"):  # two-stage generation chose it from the scene
        return f"另外配上了背景音乐「{title}」{vol}（不需要可以说“去掉音乐”）。" if zh else \
            f"I also added matching background music: {title}{vol} (say \"remove the music\" to drop it)."
    if data.get("generated"):
        return f"已为视频创作背景音乐「{title}」{vol}。" if zh else f"Composed background music for the video: {title}{vol}."
    if data.get("fallback"):  # a song was asked for and the library stood in: say why
        why = _song_fallback(data, zh)
        return (f"没有生成音乐（{why}），已改用内置音乐「{title}」{vol}。" if zh else
                f"I couldn't compose a song ({why}), so I used the library's {title}{vol} instead.")
    return f"已添加背景音乐「{title}」{vol}。" if zh else f"Added background music: {title}{vol}."


def sound(outcome: Outcome, zh: bool) -> str:
    action, data = outcome.action, outcome.data
    assert isinstance(action, SoundAction)
    start = data.get("start_ms", action.start_ms) or 0
    times = data.get("times_ms")
    count = len(times) if isinstance(times, list) else 0
    where_en = f"at each transition ({count})" if action.at_transitions and count else "at each transition" \
        if action.at_transitions else f"at {format_seconds(int(start))}s"  # type: ignore[call-overload]
    where_zh = f"每个转场处（{count} 处）" if action.at_transitions and count else "每个转场处" \
        if action.at_transitions else f"{format_seconds(int(start))} 秒处"  # type: ignore[call-overload]
    name = data.get("title") or action.sound
    return f"已在{where_zh}添加「{name}」音效。" if zh else f"Added a {name} sound {where_en}."


def undo(outcome: Outcome, zh: bool) -> str:
    label = outcome.data.get("label") or ""
    return (f"已撤销：{label}。" if label else "已撤销上一步。") if zh else \
        (f"Undone: {label}." if label else "Undid the last change.")


def redo(outcome: Outcome, zh: bool) -> str:
    label = outcome.data.get("label") or ""
    return (f"已重做：{label}。" if label else "已重做。") if zh else (f"Redone: {label}." if label else "Redid the change.")


def revert(outcome: Outcome, zh: bool) -> str:
    label = outcome.data.get("label") or ""
    return (f"已回到「{label}」之前的版本。" if label else "已回到之前的版本。") if zh else \
        (f"Went back to the version before '{label}'." if label else "Went back to the earlier version.")


def show_timeline(outcome: Outcome, zh: bool) -> str:
    """The timeline's summary, after the answer to what was asked about ("how many clips do i have": "2 clips, 15 s.")."""
    line = str(outcome.data.get("summary") or ("时间线是空的。" if zh else "Timeline: empty"))
    asked = outcome.action.asked if isinstance(outcome.action, ShowTimeline) else None
    clips, length, uploads = outcome.data.get("clips"), outcome.data.get("length_ms"), outcome.data.get("uploads")
    seconds = f"{format_seconds(length)}" if isinstance(length, int) else ""
    if asked == "clips" and isinstance(clips, int):
        answer = (f"共 {clips} 个片段" + (f"，{seconds} 秒。" if clips else "。")) if zh else \
            (f"{clips} clip{'' if clips == 1 else 's'}" + (f", {seconds} s in all. " if clips else ". "))
    elif asked == "length" and seconds:
        answer = f"视频现在 {seconds} 秒。" if zh else f"The video is {seconds} s long. "
    elif asked == "uploads" and isinstance(uploads, list):
        names = ("、" if zh else ", ").join(str(name) for name in uploads)
        answer = (f"你上传了：{names}。" if names else "还没有上传文件。") if zh else \
            (f"You've uploaded: {names}. " if names else "Nothing uploaded yet. ")
    else:
        return line
    return answer + line


def help_reply(outcome: Outcome, zh: bool) -> str:
    action = outcome.action
    assert isinstance(action, HelpAction)
    styles = outcome.data.get("styles")
    return help_text("zh" if zh else "en", action.topic, list(styles) if isinstance(styles, list) else None)


def export(outcome: Outcome, zh: bool) -> str:
    action, data = outcome.action, outcome.data
    assert isinstance(action, ExportAction)
    target = f"{action.format}" + (f"，{action.preset} 预设" if zh and action.preset else f", {action.preset} preset"
                                   if action.preset else "")
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


def timeline_export(outcome: Outcome, zh: bool) -> str:
    """What was delivered for "export for Premiere": the format, the clips, what became markers or notes;
    for an editor with no open project format, that there is none and what exists instead."""
    action, data = outcome.action, outcome.data or {}
    assert isinstance(action, TimelineExportAction)
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


def voice(outcome: Outcome, zh: bool) -> str:
    data = outcome.data
    return (f"已添加配音（{data.get('voice')}，{data.get('seconds')} 秒）。说“加字幕”可以显示字幕。" if zh else
            f"Added the voice-over ({data.get('voice')}, {data.get('seconds')} s); the music ducks under it. "
            "Say \"add subtitles\" to show it as captions.")


def voice_change(outcome: Outcome, zh: bool) -> str:
    data = outcome.data
    return (f"已重新配音（{data.get('voice')}，语速 {data.get('rate')}）。" if zh else
            f"Re-voiced the narration ({data.get('voice')}, rate {data.get('rate')}).")


def script(outcome: Outcome, zh: bool) -> str:
    data = outcome.data
    music_title = data.get("music_title")
    if zh:
        return (f"已把文案做成 {data.get('scenes')} 个场景的视频（{data.get('seconds')} 秒），配音 {data.get('voice')}，"
                f"逐字字幕" + (f"，背景音乐「{music_title}」" if music_title else "") + "。可以继续修改，例如“字幕换成黄色”。")
    return (f"Made a {data.get('seconds')} s video of {data.get('scenes')} scenes from the script, narrated by "
            f"{data.get('voice')} with word-by-word captions" + (f" and {music_title} music" if music_title else "")
            + ". Keep editing it, e.g. \"make the captions yellow\" or \"speak slower\".")


def caption_speech(outcome: Outcome, zh: bool) -> str:
    data = outcome.data
    clips = data.get("transcribed", 0)
    if clips:
        return f"已根据 {clips} 个片段里的语音加上字幕。" if zh else f"Captioned the speech in {clips} clip(s)."
    if not data.get("asr"):
        return ("字幕已打开，会显示配音的文字（目前还没有配音）。要给片段里的说话加字幕，请设置 REELFORGE_ASR_MODEL。" if zh else
                "Captions are on: they show the voice-over (there is none yet). To caption the speech in your "
                "clips, set REELFORGE_ASR_MODEL to a Whisper model folder.")
    return "字幕已打开，但片段里没有听到说话。" if zh else "Captions are on, but no speech was heard in the clips."


def subtitles(outcome: Outcome, zh: bool) -> str:
    data = outcome.data
    return (f"字幕已导出（{str(data.get('format')).upper()}，{data.get('captions')} 条）：{data.get('url')}" if zh else
            f"Subtitles exported ({str(data.get('format')).upper()}, {data.get('captions')} captions): "
            f"{data.get('url')}")
