"""Script to video: a text becomes scenes, each with a generated clip, its narration and captions, over music.

With the LLM planner configured, each scene's clip is generated from a shot prompt it writes
(``agent.shots``). The result is an ordinary draft (clips on the main track with short fades, one narration segment per
scene on the voice track, captions on, library music looping under it and ducked by the voice), so
the user keeps editing it like any other. ``assemble_script_draft`` is the pure part (scenes in,
draft out); ``script_video`` runs it on the command line with the generator, the voice and the
renderer the server's jobs use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reelforge.agent.shots import shot_prompts
from reelforge.audio import library_file, style_for_scene
from reelforge.draft import Draft, apply_edit
from reelforge.draft._layout import main_track
from reelforge.draft.edits import AddClip, AddVoice, SetCaptions, SetMusic
from reelforge.draft.model import CaptionStyle, Transition, canvas_for_aspect
from reelforge.errors import InvalidInput
from reelforge.generate import GenerateRequest, GeneratorPool
from reelforge.progress import CancelToken, Progress, no_progress, scaled
from reelforge.render import RenderOptions, path_resolver, render
from reelforge.settings import Settings
from reelforge.speech import Narration, SpeechPool, narrate, split_sentences

if TYPE_CHECKING:
    from reelforge.render import RenderResult

__all__ = ["MAX_SCENES", "SceneParts", "assemble_script_draft", "script_folder", "script_video", "split_scenes"]

MAX_SCENES = 40
LEAD_MS = 300        # the picture shows a moment before the voice starts
TAIL_MS = 700        # and stays a moment after it ends (longer than the fade into the next scene)
FADE_MS = 400
MUSIC_VOLUME = 0.35


def split_scenes(script: str) -> list[str]:
    """The script's scenes: its paragraphs when it has several, else its sentences."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", script.replace("\r\n", "\n")) if p.strip()]
    scenes = [" ".join(p.split("\n")) for p in paragraphs] if len(paragraphs) > 1 else split_sentences(script)
    scenes = [s for s in scenes if re.search(r"\w", s)]
    if not scenes:
        raise InvalidInput("script: there is nothing to narrate", field="script")
    if len(scenes) > MAX_SCENES:
        raise InvalidInput(f"script: {len(scenes)} scenes is too many (at most {MAX_SCENES}); "
                           "join sentences into paragraphs", field="script")
    return scenes


@dataclass(frozen=True)
class SceneParts:
    """One scene's media, as ``src`` values the draft refers to."""

    clip_src: str
    narration_src: str
    narration: Narration


def scene_clip_ms(narration: Narration, first: bool) -> int:
    """How long a scene's clip runs: its narration, a lead and a tail (and the fade it shares with the one before)."""
    return narration.duration_ms + LEAD_MS + TAIL_MS + (0 if first else FADE_MS)


def assemble_script_draft(scenes: list[SceneParts], width: int, height: int, *, music_src: str | None = None,
                          music_name: str | None = None, captions: CaptionStyle | None = "highlight") -> Draft:
    """The draft of a narrated script: a clip per scene end to end (fading into each other), each scene's
    narration starting ``LEAD_MS`` into its clip, captions and looping music."""
    draft = Draft.empty(width, height)
    for index, scene in enumerate(scenes):
        draft = apply_edit(draft, AddClip(
            src=scene.clip_src, duration_ms=scene_clip_ms(scene.narration, index == 0),
            name=scene.narration.text[:80], transition=Transition(type="fade", duration_ms=FADE_MS) if index else None))
    track = main_track(draft)
    assert track is not None
    for seg, scene in zip(track.segments, scenes):
        lead = LEAD_MS + (FADE_MS if seg.meta.transition is not None else 0)
        n = scene.narration
        draft = apply_edit(draft, AddVoice(src=scene.narration_src, text=n.text, voice=n.voice,
                                           duration_ms=n.duration_ms, start_ms=seg.start_ms + lead, cues=n.cues))
    if captions is not None:
        draft = apply_edit(draft, SetCaptions(style=captions))
    if music_src is not None:
        draft = apply_edit(draft, SetMusic(src=music_src, name=music_name, volume=MUSIC_VOLUME, loop=True,
                                           fade_out_ms=1500))
    return draft


def script_folder(out: Path) -> Path:
    """Where a script video's media and draft are kept, beside it: re-render or edit ``draft.json`` later."""
    return out.parent / f"{out.stem}-script"


def script_video(settings: Settings, script: str, out: Path, *, aspect: str = "16:9", voice: str | None = None,
                 rate: float = 1.0, captions: CaptionStyle | None = "highlight", music: str | None = "",
                 quality: str = "high", seed: int = 0, generate_progress: Progress = no_progress,
                 render_progress: Progress = no_progress, cancel: CancelToken | None = None) -> RenderResult:
    """Turn ``script`` into a narrated, captioned video at ``out``; ``music`` is a style, "" for one that suits
    the script, None for none. The clips, narrations and ``draft.json`` stay in :func:`script_folder`."""
    texts = split_scenes(script)
    prompts = shot_prompts(texts, settings)  # what each scene shows: the LLM's shots when one is configured
    width, height = canvas_for_aspect(aspect)
    out = out.resolve()
    work = script_folder(out)
    work.mkdir(parents=True, exist_ok=True)
    scenes: list[SceneParts] = []
    generators = GeneratorPool(settings)
    voices = SpeechPool()  # one voice model for every scene
    try:
        generator = generators.get(None)
        for index, text in enumerate(texts):
            if cancel is not None:
                cancel.check()
            narration = narrate(text, work / f"voice-{index + 1}.wav", settings, voice=voice, rate=rate,
                                pool=voices)
            seconds = scene_clip_ms(narration, index == 0) / 1000
            request = GenerateRequest(prompt=prompts[index], seconds=seconds, width=width, height=height, fps=30,
                                      seed=seed + index)
            step = scaled(generate_progress, index / len(texts), (index + 1) / len(texts))
            clip = generator.generate(request, work / f"scene-{index + 1}.mp4", step, cancel)
            scenes.append(SceneParts(clip_src=clip.path.name, narration_src=narration.path.name, narration=narration))
    finally:
        generators.close()  # a one-shot command: the models' memory goes back before the render
        voices.close()
    music_src = music_name = None
    if music is not None:
        style = music or style_for_scene(script).name
        total_s = sum(scene_clip_ms(s.narration, i == 0) for i, s in enumerate(scenes)) / 1000
        music_path = library_file(work, style, min(60.0, total_s))
        music_src, music_name = music_path.name, style
    draft = assemble_script_draft(scenes, width, height, music_src=music_src, music_name=music_name, captions=captions)
    (work / "draft.json").write_text(draft.to_json(indent=2), encoding="utf-8")
    return render(draft, path_resolver(work), out, RenderOptions(format="mp4", quality=quality),  # type: ignore[arg-type]
                  render_progress, cancel)
