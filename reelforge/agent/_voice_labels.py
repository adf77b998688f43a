"""Words about the narration and the captions, in both languages: history labels (``describe_edit`` asks
here first) and reply lines (``compose_reply`` too)."""

from __future__ import annotations

from reelforge.agent.actions import (
    CaptionSpeechAction,
    Outcome,
    ScriptAction,
    SubtitlesAction,
    VoiceAction,
    VoiceChangeAction,
)
from reelforge.draft import edits as e

__all__ = ["voice_label", "voice_reply"]

_STYLES = {"clean": ("clean", "简洁"), "highlight": ("word-by-word highlight", "逐字高亮")}


def voice_label(edit: e.Edit, language: str) -> str | None:
    """The history label of a voice or caption edit, None for any other edit."""
    zh = language == "zh"
    match edit:
        case e.AddVoice():
            said = edit.text if len(edit.text) <= 30 else edit.text[:29] + "…"
            return f"添加配音「{said}」（{edit.voice}）" if zh else f"added the voice-over '{said}' ({edit.voice})"
        case e.SetCues():
            return "为片段的语音加字幕" if zh else "captioned the clip's speech"
        case e.RemoveVoice():
            return "去掉配音" if zh else "removed the voice-over"
        case e.SetCaptions():
            if not edit.enabled:
                return "去掉字幕" if zh else "removed the captions"
            parts = []
            if edit.style:
                parts.append(_STYLES[edit.style][1 if zh else 0])
            if edit.size_scale:
                parts.append(("放大" if edit.size_scale > 1 else "缩小") if zh else
                             ("bigger" if edit.size_scale > 1 else "smaller"))
            if edit.color or edit.highlight:
                colour = edit.color or edit.highlight
                parts.append(f"颜色 {colour}" if zh else f"colour {colour}")
            if zh:
                return "字幕：" + "、".join(parts) if parts else "添加字幕"
            return "captions: " + ", ".join(parts) if parts else "added captions"
    return None


def voice_reply(outcome: Outcome, zh: bool) -> str | None:
    """The reply line for a voice, script or subtitles outcome; None for any other."""
    action, data = outcome.action, outcome.data
    why = outcome.detail or ("未知原因" if zh else "unknown reason")
    if isinstance(action, VoiceAction):
        if not outcome.ok:
            return f"没能添加配音：{why}。" if zh else f"I couldn't add the voice-over: {why}."
        return (f"已添加配音（{data.get('voice')}，{data.get('seconds')} 秒）。说“加字幕”可以显示字幕。" if zh else
                f"Added the voice-over ({data.get('voice')}, {data.get('seconds')} s); the music ducks under it. "
                "Say \"add subtitles\" to show it as captions.")
    if isinstance(action, VoiceChangeAction):
        if not outcome.ok:
            return f"没能更换配音：{why}。" if zh else f"I couldn't change the voice: {why}."
        return (f"已重新配音（{data.get('voice')}，语速 {data.get('rate')}）。" if zh else
                f"Re-voiced the narration ({data.get('voice')}, rate {data.get('rate')}).")
    if isinstance(action, ScriptAction):
        if not outcome.ok:
            return f"没能把文案做成视频：{why}。" if zh else f"I couldn't make the video from the script: {why}."
        music = data.get("music_title")
        if zh:
            return (f"已把文案做成 {data.get('scenes')} 个场景的视频（{data.get('seconds')} 秒），配音 {data.get('voice')}，"
                    f"逐字字幕" + (f"，背景音乐「{music}」" if music else "") + "。可以继续修改，例如“字幕换成黄色”。")
        return (f"Made a {data.get('seconds')} s video of {data.get('scenes')} scenes from the script, narrated by "
                f"{data.get('voice')} with word-by-word captions" + (f" and {music} music" if music else "")
                + ". Keep editing it, e.g. \"make the captions yellow\" or \"speak slower\".")
    if isinstance(action, CaptionSpeechAction):
        if not outcome.ok:
            return f"没能加字幕：{why}。" if zh else f"I couldn't add captions: {why}."
        clips = data.get("transcribed", 0)
        if clips:
            return (f"已根据 {clips} 个片段里的语音加上字幕。" if zh else
                    f"Captioned the speech in {clips} clip(s).")
        if not data.get("asr"):
            return ("字幕已打开，会显示配音的文字（目前还没有配音）。要给片段里的说话加字幕，请设置 REELFORGE_ASR_MODEL。" if zh else
                    "Captions are on: they show the voice-over (there is none yet). To caption the speech in your "
                    "clips, set REELFORGE_ASR_MODEL to a Whisper model folder.")
        return "字幕已打开，但片段里没有听到说话。" if zh else "Captions are on, but no speech was heard in the clips."
    if isinstance(action, SubtitlesAction):
        if not outcome.ok:
            return f"没能导出字幕：{why}。" if zh else f"I couldn't export the subtitles: {why}."
        return (f"字幕已导出（{str(data.get('format')).upper()}，{data.get('captions')} 条）：{data.get('url')}" if zh else
                f"Subtitles exported ({str(data.get('format')).upper()}, {data.get('captions')} captions): "
                f"{data.get('url')}")
    return None
