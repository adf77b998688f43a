"""Use cases of the command line that need no server: a prompt to a video, a draft file to a file.

They run the same generator and renderer the server's jobs run.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

from reelforge.agent import AgentContext, GenerateAction, understand
from reelforge.agent._numbers import duration_ms, normalize
from reelforge.draft import Draft, apply_edit, canvas_for_aspect, validate
from reelforge.draft.edits import AddClip
from reelforge.draft.output import OUTPUT_FORMATS, QUALITIES, OutputFormat, Quality
from reelforge.errors import DraftInvalid, InvalidInput
from reelforge.generate import GenerateRequest, GeneratorPool
from reelforge.generate.base import LoraChoice
from reelforge.progress import CancelToken, Progress, no_progress
from reelforge.render import RenderOptions, RenderResult, path_resolver, render
from reelforge.render.presets import options_for_preset
from reelforge.settings import Settings, SpeedPreset

__all__ = ["GenerateOptions", "generate_options", "generate_video", "read_draft_file", "read_prompt",
           "render_draft_file"]


def _format_for(out: Path, fmt: str | None) -> OutputFormat:
    said = (fmt or out.suffix.lstrip(".") or "mp4").lower()
    found = next((name for name in OUTPUT_FORMATS if name == said), None)
    if found is None:
        raise InvalidInput(f"unknown format {said!r} (choose one of {', '.join(OUTPUT_FORMATS)})", field="format")
    return found


def _quality(said: str) -> Quality:
    found = next((name for name in QUALITIES if name == said.lower()), None)
    if found is None:
        raise InvalidInput(f"unknown quality {said!r} (choose one of {', '.join(QUALITIES)})", field="quality")
    return found


def read_prompt(prompt: str) -> tuple[str, float | None, str | None, list[str]]:
    """The scene, length and aspect a prompt says ("a sunset over a lake, 10 seconds, vertical"), the way the
    chat reads a first message; plus what else it asked for (a title, music), which ``generate`` leaves to
    ``reelforge chat``. A prompt the chat would not read as one scene comes back whole."""
    plan = understand(prompt, AgentContext(draft=Draft.empty(), media=[]))
    first = plan.actions[0] if plan.actions else None
    if not isinstance(first, GenerateAction) or not first.prompt or first.image_src:
        return prompt, None, None, []
    others = [type(a).__name__ for a in plan.actions[1:]]
    return first.prompt, first.seconds if _says_seconds(prompt) else None, first.aspect, others


@dataclass(frozen=True)
class GenerateOptions:
    """What ``reelforge generate`` makes of its prompt and options."""

    prompt: str             # the scene: without the words that set the length or shape
    seconds: float
    aspect: str
    others: list[str]       # what else the prompt asked for (titles, music): edits, left to ``reelforge chat``


def generate_options(prompt: str, seconds: float | None = None, aspect: str | None = None) -> GenerateOptions:
    """The length and shape to generate: an option given wins over what the prompt says, else 5 s at 16:9."""
    scene, said_seconds, said_aspect, others = read_prompt(prompt)
    if seconds is None and said_seconds is not None or aspect is None and said_aspect is not None:
        prompt = scene  # the words that set the length or shape are not part of the picture
    return GenerateOptions(prompt=prompt, seconds=seconds if seconds is not None else said_seconds or 5.0,
                           aspect=aspect or said_aspect or "16:9", others=others)


def _says_seconds(prompt: str) -> bool:
    return duration_ms(normalize(prompt)) is not None


def generate_video(
    settings: Settings,
    prompt: str,
    out: Path,
    *,
    seconds: float = 5.0,
    aspect: str = "16:9",
    seed: int = 0,
    model: str | None = None,
    image: Path | None = None,
    last_image: Path | None = None,
    quality: str = "high",
    generate_progress: Progress = no_progress,
    render_progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    loras: tuple[LoraChoice, ...] = (),
    speed: SpeedPreset | None = None,
) -> RenderResult:
    """Generate a clip for ``prompt`` and render it as the one clip of a draft to ``out``."""
    if not prompt.strip():
        raise InvalidInput("the prompt is empty", field="prompt")
    if image is not None and not image.is_file():
        raise InvalidInput(f"image not found: {image}", field="image")
    if last_image is not None and not last_image.is_file():
        raise InvalidInput(f"end image not found: {last_image}", field="last_image")
    width, height = canvas_for_aspect(aspect)
    out = out.resolve()
    fmt, level = _format_for(out, None), _quality(quality)
    generators = GeneratorPool(settings)
    try:
        generator = generators.get(model)
        with tempfile.TemporaryDirectory(prefix="reelforge-", dir=out.parent if out.parent.exists() else None) as tmp_dir:
            tmp = Path(tmp_dir).resolve()
            request = GenerateRequest(prompt=prompt, seconds=seconds, width=width, height=height, fps=30,
                                      seed=seed, image=image, last_image=last_image, loras=loras, speed=speed)
            clip = generator.generate(request, tmp / "clip.mp4", generate_progress, cancel)
            draft = apply_edit(Draft.empty(width, height, fps=clip.fps),
                               AddClip(src=clip.path.name, duration_ms=clip.duration_ms, name=prompt[:80]))
            return render(draft, path_resolver(tmp), out, RenderOptions(format=fmt, quality=level),
                          render_progress, cancel)
    finally:
        generators.close()  # a one-shot command: the model's memory goes back before the process ends


def read_draft_file(path: Path) -> Draft:
    """Read and validate a draft file; a fault names its JSON path (or the JSON syntax error)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DraftInvalid("", f"{path.name} is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    except UnicodeDecodeError:
        raise DraftInvalid("", f"{path.name} is not UTF-8 text") from None
    return validate(data)


def render_draft_file(
    path: Path,
    out: Path | None = None,
    *,
    fmt: str | None = None,
    quality: str = "high",
    preset: str | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> RenderResult:
    """Render a draft file whose ``src`` values are local paths (relative to the file) or media ids."""
    draft = read_draft_file(path)
    fmt = _format_for(out or Path(f"x.{fmt or 'mp4'}"), fmt)
    out = out or path.with_suffix(f".{fmt}")
    options = RenderOptions(format=fmt, quality=_quality(quality))
    if preset:
        options = options_for_preset(preset, options)
    return render(draft, path_resolver(path.parent), out, options, progress, cancel)
