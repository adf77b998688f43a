"""Chat turns about the voice: narrate words, speak the narration again (another voice, another pace),
make a video from a script, caption the clips' own speech (Whisper, when configured), export the subtitles.

A narration is synthesised here (espeak-ng in milliseconds; a neural voice in seconds), stored as the
owner's media (kind audio, origin ``generated``, named by what decides its samples, so asking again
reuses it) and placed with ``AddVoice``. A script's scenes are generated as ordinary generation jobs
(credits as usual), then one version adds every scene's narration at its clip, the captions and,
when the draft has none, music that suits the script.
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy.exc import IntegrityError

from reelforge.agent import (
    CaptionSpeechAction,
    GenerateAction,
    Outcome,
    ScriptAction,
    SubtitlesAction,
    VoiceAction,
    VoiceChangeAction,
    describe_action,
    describe_edit,
    describe_voices,
)
from reelforge.agent.shots import shot_prompts
from reelforge.audio import style_for_scene
from reelforge.captions import subtitle_text
from reelforge.draft import VIDEO, Draft, apply_edits
from reelforge.draft.edits import AddClip, AddVoice, Edit, SetCanvas, SetCaptions, SetCues, SetMotion
from reelforge.draft.model import Cue, Word
from reelforge.errors import InvalidInput
from reelforge.fonts import default_font
from reelforge.services.script_video import LEAD_MS, TAIL_MS, split_scenes
from reelforge.services.turn_audio import add_library_music
from reelforge.services.turn_draft import TurnScope, has_music, load_context, save_edits
from reelforge.services.turn_generate import generate_clip
from reelforge.speech import Narration, language_of, narrate, pick_voice
from reelforge.speech.asr import decode_speech, transcribe
from reelforge.store import Media
from reelforge.store.repos import MediaRepo

__all__ = ["VOICE_ACTIONS", "run_voice_action", "store_narration", "subtitles_media"]

VOICE_ACTIONS = (VoiceAction, VoiceChangeAction, ScriptAction, SubtitlesAction, CaptionSpeechAction)
_OTHER_GENDER = {"female": "male", "male": "female"}


def store_narration(scope: TurnScope, text: str, voice: str, rate: float) -> tuple[str, Narration]:
    """``text`` spoken by ``voice`` as the owner's media: its ``src`` and the narration (cues, length)."""
    svc = scope.svc
    digest = hashlib.sha256(f"{scope.principal.user_id}|{voice}|{rate:g}|{text}".encode()).hexdigest()
    media_id = f"med_vo_{digest[:24]}"
    scratch = svc.blobs.scratch() / f"{media_id}.wav"
    # fast; also gives the cues again
    narration = narrate(text, scratch, svc.settings, voice=voice, rate=rate, pool=svc.speech)
    key = f"media/{media_id}.wav"
    with svc.db.read() as db:
        found = MediaRepo(db).get(media_id)
    if found is None:
        size = svc.blobs.size(key) if svc.blobs.exists(key) else svc.blobs.put_file(key, scratch)
        try:
            with svc.db.write() as db:
                MediaRepo(db).add(Media(
                    id=media_id, owner_id=scope.principal.user_id, session_id=scope.session_id, kind="audio",
                    origin="generated", name=f"voice-over: {text[:60]}", mime="audio/wav", size=size,
                    duration_ms=narration.duration_ms, storage_key=key,
                    provenance={"voice": narration.voice, "rate": rate, "text": text[:2000], "speech": True}))
        except IntegrityError:  # the same words in the same voice, recorded by a racing turn: the same file
            pass
    scratch.unlink(missing_ok=True)
    return f"media:{media_id}", narration


def _voice_for(scope: TurnScope, text: str, voice: str | None, gender: str | None, draft: Draft) -> str:
    """The voice asked for; else the draft's narration voice when it speaks this language and no gender was
    asked; else one of the language (and gender)."""
    if voice:
        return voice
    language = language_of(text)
    current = [s.meta.voice for s in draft.voice_segments() if s.meta.voice and language_of(s.meta.text or "") == language]
    if current and gender is None:
        return current[-1]
    return pick_voice(scope.svc.settings, language, gender, scope.svc.speech)


def _narrate(scope: TurnScope, index: int, action: VoiceAction, draft: Draft, language: str) -> Outcome:
    voice = _voice_for(scope, action.text, action.voice, action.gender, draft)
    src, narration = store_narration(scope, action.text, voice, 1.0)
    start_ms = action.start_ms or 0
    if action.at_end:  # "have a man say 'see you tomorrow' at the end": it ends with the picture, now its length is known
        start_ms = max(0, (draft.video_end_ms or draft.end_ms) - narration.duration_ms)
    edit = AddVoice(src=src, text=narration.text, voice=narration.voice, duration_ms=narration.duration_ms,
                    start_ms=start_ms, cues=narration.cues)
    data = {"voice": narration.voice, "seconds": narration.duration_ms / 1000, "sentences": len(narration.cues)}
    _draft, version = save_edits(scope, scope.call_id(index), [edit], describe_edit(edit, language),
                                 name="add_voice_over", args={"text": action.text, "voice": voice}, extra=data)
    return Outcome(action=action, ok=True, data={**data, "draft_version": version})


def _respeak(scope: TurnScope, index: int, action: VoiceChangeAction, draft: Draft, language: str) -> Outcome:
    segments = draft.voice_segments()
    if not segments:
        raise InvalidInput("there is no voice-over to change: add one first (\"add a voice-over saying ...\")",
                           field="voice")
    edits: list[Edit] = []
    voices: list[str] = []
    for seg in segments:
        text, old_voice, rate = seg.meta.text or "", seg.meta.voice or "", seg.meta.rate or 1.0
        gender: str | None = action.gender
        if action.voice is None and gender is None and action.rate_scale is None:  # "change the voice"
            gender = _OTHER_GENDER.get(old_voice.rsplit("_", 1)[-1], "male")
        voice = action.voice or (pick_voice(scope.svc.settings, language_of(text), gender, scope.svc.speech) if gender else old_voice)
        if action.rate_scale is not None:
            rate = round(min(2.0, max(0.5, rate * action.rate_scale)), 3)
        src, narration = store_narration(scope, text, voice, rate)
        edits.append(AddVoice(src=src, text=text, voice=narration.voice, duration_ms=narration.duration_ms,
                              cues=narration.cues, rate=rate, replace_id=seg.id,
                              volume=seg.meta.volume if seg.meta.volume is not None else 1.0))
        voices.append(narration.voice)
    label = describe_action(action, language, voices=describe_voices(voices, language))
    data = {"voice": voices[-1], "rate": edits[-1].rate, "segments": len(edits)}  # type: ignore[union-attr]
    _draft, version = save_edits(scope, scope.call_id(index), edits, label, name="change_voice",
                                 args={"voice": action.voice, "gender": action.gender, "rate_scale": action.rate_scale},
                                 extra=data)
    return Outcome(action=action, ok=True, data={**data, "draft_version": version})


def _script(scope: TurnScope, index: int, action: ScriptAction, draft: Draft, language: str) -> Outcome:
    script = action.script or _uploaded_text(scope, action.src)
    scenes = split_scenes(script)
    voice = _voice_for(scope, script, None, None, draft)
    narrated = [store_narration(scope, text, voice, 1.0) for text in scenes]
    edits: list[Edit] = []
    if action.use_media:
        current, clips = _own_media_scenes(scope, action, draft, scenes, narrated, edits)
    else:
        placed: list[str] = []
        prompts = shot_prompts(scenes, scope.svc.settings)
        for k, (prompt, (_src, narration)) in enumerate(zip(prompts, narrated)):
            seconds = (narration.duration_ms + LEAD_MS + TAIL_MS) / 1000
            result = generate_clip(scope, index, GenerateAction(prompt=prompt, seconds=seconds, aspect=action.aspect),
                                   draft, part=f"s{k + 1}", language=language)
            if not result["ok"]:
                return Outcome(action=action, ok=False, detail=str(result.get("detail", "")), data={"scenes": k})
            placed.append(f"media:{result['media_id']}")
        current = _current(scope)
        clips = [current.find_segment_by_src(src) for src in placed]
    heard_until = 0
    for clip, (src, narration) in zip(clips, narrated):
        if clip is None:
            continue  # the user removed it meanwhile
        # a scene's words start with its picture; after the words before them when a clip is shorter than its words
        start = max(clip.start_ms + LEAD_MS, heard_until + 300 if heard_until else 0)
        edits.append(AddVoice(src=src, text=narration.text, voice=narration.voice, duration_ms=narration.duration_ms,
                              start_ms=start, cues=narration.cues))
        heard_until = start + narration.duration_ms
    edits.append(SetCaptions(style="highlight"))
    label = describe_action(action, language, scenes=len(scenes))
    current, version = save_edits(scope, scope.call_id(index, "v"), edits, label, name="narrate_script",
                                  args={"scenes": len(scenes), "voice": voice}, extra={"scenes": len(scenes)})
    data: dict[str, Any] = {"scenes": len(scenes), "voice": voice, "seconds": current.end_ms / 1000,
                            "draft_version": version}
    if not has_music(current):
        music = add_library_music(scope, scope.call_id(index, "m"), style_for_scene(script).name, 0.35,
                                  current, language)
        data.update(music_title=music["title"], draft_version=music["draft_version"])
    return Outcome(action=action, ok=True, data=data)


def _own_media_scenes(scope: TurnScope, action: ScriptAction, draft: Draft, scenes: list[str],
                      narrated: list[tuple[str, Narration]], edits: list[Edit]) -> tuple[Draft, list[Any]]:
    """The user's photos and clips as the scenes, in upload order (again from the first when there are fewer):
    each as long as its scene's words (a clip no longer than itself), photos slowly zooming in and out.
    The edits are appended to ``edits``; returns the draft they make and each scene's segment."""
    context, _ = load_context(scope)
    visuals = [m for m in context.media if m.uploaded and m.kind in ("image", "video")]
    if not visuals:
        raise InvalidInput("there are no photos or clips to use: upload some first, or leave out \"my photos\" "
                           "to generate the scenes", field="media")
    if action.aspect and not draft.tracks_of(VIDEO):
        edits.append(SetCanvas(aspect=action.aspect))
    for k, (text, (_src, narration)) in enumerate(zip(scenes, narrated)):
        media = visuals[k % len(visuals)]
        length = narration.duration_ms + LEAD_MS + TAIL_MS
        if media.kind == "video" and media.duration_ms:
            length = min(length, media.duration_ms)
        edits.append(AddClip(src=media.src, duration_ms=length, name=text[:80]))
    current = apply_edits(draft, edits)
    main = current.tracks_of(VIDEO)[0].segments[-len(scenes):]
    photos = {m.src for m in visuals if m.kind == "image"}
    for k, seg in enumerate(main):
        if seg.src in photos:
            edits.append(SetMotion(segment_id=seg.id, motion="zoom_in" if k % 2 == 0 else "zoom_out"))
    return current, list(main)


def _uploaded_text(scope: TurnScope, src: str | None) -> str:
    """The words of the caller's uploaded text file ``src`` (a script)."""
    with scope.svc.db.read() as db:
        media = MediaRepo(db).owned((src or "").removeprefix("media:"), scope.principal.user_id)
    path = scope.svc.blobs.local_path(media.storage_key) if media is not None and media.kind == "text" else None
    if path is None:
        raise InvalidInput(f"src: no text file {src!r} in this session", field="src")
    return path.read_text(encoding="utf-8", errors="replace")


def _caption_speech(scope: TurnScope, index: int, action: CaptionSpeechAction, draft: Draft,
                    language: str) -> Outcome:
    """Captions on; with a recogniser configured, every clip's own speech transcribed into its cues."""
    settings = scope.svc.settings
    edits: list[Edit] = []
    if settings.asr_model:
        for track in draft.tracks_of(VIDEO):
            for seg in track.segments:
                with scope.svc.db.read() as db:
                    media = MediaRepo(db).owned((seg.src or "").removeprefix("media:"), scope.principal.user_id)
                path = scope.svc.blobs.local_path(media.storage_key) if media and media.kind == "video" else None
                if path is None:
                    continue
                samples = decode_speech(path, seg.source_in_ms, seg.source_span_ms)
                cues = [_shifted(cue, seg.source_in_ms) for cue in transcribe(samples, settings, scope.svc.speech)]
                if cues:
                    edits.append(SetCues(segment_id=seg.id, cues=cues))
    transcribed = len(edits)
    edits.append(SetCaptions(style=action.style))
    label = describe_edit(edits[-1], language)
    data = {"transcribed": transcribed, "asr": bool(settings.asr_model)}
    _draft, version = save_edits(scope, scope.call_id(index), edits, label, name="caption_speech",
                                 args={"style": action.style}, extra=data)
    return Outcome(action=action, ok=True, data={**data, "draft_version": version})


def _shifted(cue: Cue, by_ms: int) -> Cue:
    """A cue (and its words) from a stretch's clock to its source's (the stretch began ``by_ms`` in)."""
    words = [Word(start_ms=w.start_ms + by_ms, duration_ms=w.duration_ms, text=w.text) for w in cue.words]
    return Cue(start_ms=cue.start_ms + by_ms, duration_ms=cue.duration_ms, text=cue.text, words=words)


def _current(scope: TurnScope) -> Draft:
    return load_context(scope)[1]


def subtitles_media(scope: TurnScope, draft: Draft, fmt: str) -> dict[str, Any]:
    """The draft's captions as a subtitle file stored as the owner's media, with its download URL."""
    text = subtitle_text(draft, fmt, default_font("SC"))
    svc = scope.svc
    digest = hashlib.sha256(f"{scope.principal.user_id}|{fmt}|{text}".encode()).hexdigest()
    media_id = f"med_sub_{digest[:24]}"
    key = f"media/{media_id}.{fmt}"
    with svc.db.read() as db:
        found = MediaRepo(db).get(media_id)
    if found is None:
        size = svc.blobs.put_stream(key, iter([text.encode("utf-8")]))
        try:
            with svc.db.write() as db:
                MediaRepo(db).add(Media(
                    id=media_id, owner_id=scope.principal.user_id, session_id=scope.session_id, kind="text",
                    origin="generated", name=f"subtitles.{fmt}", mime="text/vtt" if fmt == "vtt" else "application/x-subrip",
                    size=size, storage_key=key, provenance={"subtitles": fmt}))
        except IntegrityError:
            pass
    return {"format": fmt, "media_id": media_id, "url": svc.links.url("media", media_id),
            "captions": text.count("-->")}


def run_voice_action(scope: TurnScope, index: int, action: Any, draft: Draft, language: str) -> Outcome:
    """Run one of :data:`VOICE_ACTIONS`."""
    if isinstance(action, VoiceAction):
        return _narrate(scope, index, action, draft, language)
    if isinstance(action, VoiceChangeAction):
        return _respeak(scope, index, action, draft, language)
    if isinstance(action, ScriptAction):
        return _script(scope, index, action, draft, language)
    if isinstance(action, CaptionSpeechAction):
        return _caption_speech(scope, index, action, draft, language)
    call_id = scope.call_id(index)
    scope.call(call_id, "export_subtitles", {"format": action.format})
    data = subtitles_media(scope, draft, action.format)
    scope.respond(call_id, "export_subtitles", {"ok": True, **data})
    return Outcome(action=action, ok=True, data=data)
