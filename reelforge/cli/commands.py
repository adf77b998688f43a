"""The ``reelforge`` command line: generate, render, chat, serve, models, music, users, check, timeline, pack, unpack,
voices, say, script, subtitles.

Commands are thin: they build settings, call the same functions the server uses, and map
reelforge errors to one-line messages and exit codes (0 ok, 1 failed, 2 bad input).
Heavy imports happen inside the commands so ``reelforge --help`` stays fast.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TaskProgressColumn, TextColumn, TimeElapsedColumn

from reelforge.errors import (
    DraftInvalid,
    InvalidInput,
    MediaMissing,
    NotFound,
    ReelforgeError,
)

if TYPE_CHECKING:  # settings are built when a command runs, so `reelforge --help` stays light
    from reelforge.services.context import Services
    from reelforge.settings import Settings

app = typer.Typer(help="reelforge: a self-hosted text-to-video studio.", no_args_is_help=True,
                  pretty_exceptions_enable=False, add_completion=False)
music_app = typer.Typer(help="The built-in music library.", no_args_is_help=True)
app.add_typer(music_app, name="music")
users_app = typer.Typer(help="The operator's account tools: list users, bind accounts, grant credits.",
                        no_args_is_help=True)
app.add_typer(users_app, name="users")
timeline_app = typer.Typer(help="Timelines for other editors: .otio, FCP 7 XML (Premiere, Resolve), FCPXML (Final Cut), "
                                "EDL.", no_args_is_help=True)
app.add_typer(timeline_app, name="timeline")

console = Console(stderr=True)
out_console = Console()

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2
# NotFound on the command line is a name or id the user typed that is not there (`users bind usr_...`)
_BAD_INPUT = (InvalidInput, DraftInvalid, MediaMissing, NotFound)


def _fail(exc: ReelforgeError) -> None:
    code = EXIT_BAD_INPUT if isinstance(exc, _BAD_INPUT) else EXIT_FAILED
    console.print(f"[bold red]error:[/] {exc.message}", highlight=False, markup=True)
    raise typer.Exit(code)


@contextmanager
def _errors() -> Iterator[None]:
    try:
        yield
    except ReelforgeError as exc:
        _fail(exc)
    except KeyboardInterrupt:
        console.print("[yellow]interrupted[/]")
        raise typer.Exit(130) from None


@contextmanager
def _bars(*descriptions: str) -> Iterator[list[Callable[[float], None]]]:
    """One rich display with a bar per stage; yields a progress callback per stage."""
    with Progress(TextColumn("[bold]{task.description:<10}"), BarColumn(), TaskProgressColumn(),
                  TimeElapsedColumn(), console=console, transient=False) as bars:
        tasks = [bars.add_task(description, total=1.0) for description in descriptions]

        def reporter(task: TaskID) -> Callable[[float], None]:
            return lambda fraction: bars.update(task, completed=fraction)

        yield [reporter(task) for task in tasks]
        for task in tasks:
            bars.update(task, completed=1.0)


def _settings() -> Settings:
    from reelforge.settings import Settings

    return Settings()


# A typical prompt: MagCache's ratios barely depend on it (its authors calibrate once per model).
CALIBRATION_PROMPT = "a red fox runs through fresh snow in a pine forest at sunrise, cinematic"
ASPECT_HELP = "16:9 (1920x1080), 9:16 (1080x1920), 1:1 (1080x1080) or 4:5 (1080x1350)"


@app.command()
def generate(
    prompt: Annotated[str, typer.Argument(help="What to show, in English or Chinese.")],
    seconds: Annotated[float | None, typer.Option(
        min=0.5, max=600, help="Length of the clip (default: as the prompt says, else 5).")] = None,
    aspect: Annotated[str | None, typer.Option(help=ASPECT_HELP + " (default: as the prompt says, else 16:9)")] = None,
    seed: Annotated[int, typer.Option(help="Same prompt + seed = same clip.")] = 0,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Output file.")] = None,
    model: Annotated[str | None, typer.Option(help="'preview', or a diffusers model dir/id.")] = None,
    image: Annotated[Path | None, typer.Option(help="A still to animate (image-to-video).")] = None,
    end_image: Annotated[Path | None, typer.Option(help="The frame to end on (Wan 2.1 I2V, SkyReels-V2).")] = None,
    quality: Annotated[str, typer.Option(help="high | medium | low")] = "high",
    lora: Annotated[list[str] | None, typer.Option(
        help="A LoRA named in REELFORGE_LORAS, as NAME or NAME:SCALE (repeat for more).")] = None,
    speed: Annotated[str | None, typer.Option(
        help="quality | balanced | fast (default REELFORGE_SPEED; docs/models.md says what each does).")] = None,
) -> None:
    """Generate a clip from a prompt and write it as an MP4 (1080 on the short side).

    A length or shape said in the prompt ("..., 10 seconds, vertical") is used unless given as an option.
    """
    from reelforge.services.local import generate_options, generate_video

    options = generate_options(prompt, seconds, aspect)
    if options.others:
        console.print("[dim]titles and music are edits: try reelforge chat -m \"...\" -m \"export it\"[/]")
    out = output or Path(_slug(options.prompt) + ".mp4")
    with _errors():
        from reelforge.generate.base import LoraChoice
        from reelforge.settings import SPEED_PRESETS

        if speed is not None and speed not in SPEED_PRESETS:
            raise InvalidInput(f"speed: one of {', '.join(SPEED_PRESETS)} (got {speed!r})", field="speed")
        loras = tuple(LoraChoice.parse(text) for text in lora or [])
        settings = _settings()
        with _bars("Generating", "Encoding") as (gen_progress, render_progress):
            result = generate_video(settings, options.prompt, out, seconds=options.seconds, aspect=options.aspect,
                                    seed=seed, model=model, image=image, last_image=end_image, quality=quality,
                                    generate_progress=gen_progress, render_progress=render_progress,
                                    loras=loras, speed=speed)
    out_console.print(f"wrote {result.path} ({result.width}x{result.height}, "
                      f"{result.duration_ms / 1000:.1f} s, {result.size_bytes / 1e6:.1f} MB)")


@app.command()
def render(
    draft_file: Annotated[Path, typer.Argument(help="A draft JSON file (PROTOCOL.md); src may be a local path.")],
    output: Annotated[Path | None, typer.Option("-o", "--output")] = None,
    format: Annotated[str | None, typer.Option("--format", "-f", help="mp4|mov|webm|gif|mp3|wav")] = None,
    quality: Annotated[str, typer.Option(help="high | medium | low")] = "high",
    preset: Annotated[str | None, typer.Option(help="youtube|shorts|tiktok|reels|square|web|archive|gif|webm")] = None,
) -> None:
    """Render a draft file to a video (or audio) file."""
    from reelforge.services.local import render_draft_file

    with _errors():
        if not draft_file.is_file():
            raise MediaMissing(f"draft file not found: {draft_file}")
        fmt = format or (output.suffix.lstrip(".").lower() if output and output.suffix else None)
        with _bars("Rendering") as (progress,):
            result = render_draft_file(draft_file, output, fmt=fmt, quality=quality, preset=preset,
                                       progress=progress)
    out_console.print(f"wrote {result.path} ({result.format}, {result.duration_ms / 1000:.1f} s, "
                      f"{result.size_bytes / 1e6:.1f} MB)")


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface to listen on.")] = None,
    port: Annotated[int | None, typer.Option(help="Port.")] = None,
) -> None:
    """Serve the HTTP protocol, /v1/videos and the web studio."""
    from reelforge.api.app import serve as run_server

    with _errors():
        settings = _settings()
        updates = {k: v for k, v in (("host", host), ("port", port)) if v is not None}
        run_server(settings.model_copy(update=updates))


@app.command()
def worker(
    workers: Annotated[int | None, typer.Option(help="Jobs run at once (default REELFORGE_WORKERS).")] = None,
    gpus: Annotated[str | None, typer.Option(
        help="Run and supervise one worker per GPU: 'all' or indices like 0,1 (each gets CUDA_VISIBLE_DEVICES).",
    )] = None,
) -> None:
    """Run a Celery worker for generation and render jobs (REELFORGE_QUEUE=celery, a cluster).

    SIGTERM drains it: no new jobs, the running one finishes within REELFORGE_DRAIN_S or goes back to the queue.
    """
    from reelforge.cli.worker import run_worker
    from reelforge.jobs.supervisor import run_supervisor

    with _errors():
        settings = _settings()
        if settings.queue != "celery":
            raise InvalidInput("a worker serves the Celery queue: set REELFORGE_QUEUE=celery and REELFORGE_REDIS_URL",
                               field="queue")
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
        if gpus is not None:
            run_supervisor(settings, gpus)
            return
        run_worker(settings.model_copy(update={"workers": workers}) if workers else settings)


@app.command()
def chat(
    draft_file: Annotated[Path | None, typer.Option("--draft", help="Local draft file to edit.")] = None,
    server: Annotated[str | None, typer.Option(help="Talk to a running server at this URL instead.")] = None,
    message: Annotated[list[str] | None, typer.Option("-m", "--message", help="Send these and exit.")] = None,
    media: Annotated[list[Path] | None, typer.Option(
        "--media", help="Photos, clips or songs to upload first (repeat it): 'make a slideshow of my photos'.")] = None,
) -> None:
    """Edit a video by chatting, in English or Chinese (local by default, or --server URL)."""
    from reelforge.cli.chat import run_chat

    with _errors():
        code = run_chat(_settings(), draft_file=draft_file, server=server, messages=message,
                        console=out_console, media=media or [])
    raise typer.Exit(code)


models_app = typer.Typer(help="What backends and models are configured; calibrate a model's step cache.")
app.add_typer(models_app, name="models")


@models_app.callback(invoke_without_command=True)
def models(ctx: typer.Context) -> None:
    """What backends and models are configured, on what device, and what is cached."""
    if ctx.invoked_subcommand is not None:
        return
    from reelforge.generate._diffusers_inventory import describe_models
    from reelforge.generate.registry import available_backends

    with _errors():
        settings = _settings()
        report = describe_models(settings)
        report["backends"] = available_backends(settings)
    out_console.print_json(json.dumps(report, default=str))


@models_app.command("calibrate")
def models_calibrate(
    model: Annotated[str | None, typer.Option(help="A model folder or id (default: REELFORGE_MODEL).")] = None,
    steps: Annotated[int | None, typer.Option(min=2, help="Denoising steps (default: the family's).")] = None,
    seconds: Annotated[float, typer.Option(min=0.1, help="Length of the calibration shot.")] = 2.0,
    prompt: Annotated[str, typer.Option(help="The calibration prompt.")] = CALIBRATION_PROMPT,
) -> None:
    """Run the model once (nothing skipped) and store its MagCache ratios beside its folder."""
    from reelforge.generate.base import GenerateRequest
    from reelforge.generate.diffusers_backend import DiffusersGenerator

    with _errors():
        settings = _settings()
        if model:
            settings = settings.model_copy(update={"model": model})
        request = GenerateRequest(prompt=prompt, seconds=seconds, width=1280, height=720, fps=30, seed=0, steps=steps)
        with _bars("Calibrating") as (progress,):
            path = DiffusersGenerator.from_settings(settings).calibrate_mag_cache(request, progress)
    out_console.print(f"[green]✓[/] MagCache calibration stored in {path}", highlight=False)


@app.command()
def check(
    file: Annotated[Path, typer.Argument(help="A rendered file to check.")],
    preset: Annotated[str, typer.Option(help="The preset it should meet.")] = "youtube",
) -> None:
    """List every way FILE departs from an export preset; exit 1 when it does."""
    from reelforge.render.check import check_file

    with _errors():
        if not file.is_file():
            raise MediaMissing(f"file not found: {file}")
        problems = check_file(file, preset)
    if problems:
        for problem in problems:
            out_console.print(f"[red]✗[/] {problem}", highlight=False)
        raise typer.Exit(EXIT_FAILED)
    out_console.print(f"[green]✓[/] {file} meets the {preset} preset", highlight=False)


@app.command()
def voices() -> None:
    """The voices that can narrate here: espeak-ng's always, Kokoro's when REELFORGE_TTS_MODEL is set."""
    from rich.table import Table

    from reelforge.speech import available_voices

    with _errors():
        rows = available_voices(_settings())
    table = Table("voice", "engine", "language", "gender", "", box=None, header_style="bold")
    for row in rows:
        note = "default" if row.get("default") else ("" if row["available"] else row.get("reason", ""))
        table.add_row(row["id"], row["engine"], row.get("language", ""), row.get("gender", ""), note)
    out_console.print(table)


@app.command()
def say(
    text: Annotated[str, typer.Argument(help="What to say, in English or Chinese.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="A .wav file.")] = Path("voice.wav"),
    voice: Annotated[str | None, typer.Option(help="A voice id (see `reelforge voices`).")] = None,
    rate: Annotated[float, typer.Option(min=0.5, max=2.0, help="Speed, 1 = the voice's own.")] = 1.0,
    pitch: Annotated[float, typer.Option(min=0.5, max=1.5, help="Pitch, 1 = the voice's own.")] = 1.0,
) -> None:
    """Speak TEXT into a WAV file, and print when each sentence is said."""
    from reelforge.speech import narrate

    with _errors():
        narration = narrate(text, output, _settings(), voice=voice, rate=rate, pitch=pitch)
    for cue in narration.cues:
        out_console.print(f"{cue.start_ms / 1000:6.2f}-{cue.end_ms / 1000:6.2f}s  {cue.text}", highlight=False)
    out_console.print(f"wrote {output} ({narration.voice}, {narration.duration_ms / 1000:.1f} s)")


@app.command()
def script(
    script_file: Annotated[Path, typer.Argument(help="A UTF-8 text file: paragraphs (or sentences) become scenes.")],
    output: Annotated[Path | None, typer.Option("-o", "--output")] = None,
    aspect: Annotated[str, typer.Option(help=ASPECT_HELP)] = "16:9",
    voice: Annotated[str | None, typer.Option(help="A voice id (see `reelforge voices`).")] = None,
    rate: Annotated[float, typer.Option(min=0.5, max=2.0, help="Speaking speed, 1 = the voice's own.")] = 1.0,
    captions: Annotated[str, typer.Option(help="highlight | clean | none")] = "highlight",
    music: Annotated[str, typer.Option(help="A music style (`reelforge music list`), 'auto' or 'none'.")] = "auto",
    quality: Annotated[str, typer.Option(help="high | medium | low")] = "high",
    seed: Annotated[int, typer.Option()] = 0,
) -> None:
    """Make a narrated, captioned video from a script: a generated clip per scene, the voice, music.

    The draft and its media stay in OUTPUT's "-script" folder (edit and `reelforge render` it), and the
    captions are written beside the video as .srt and .vtt.
    """
    from reelforge.captions import write_subtitles
    from reelforge.fonts import default_font
    from reelforge.services.local import read_draft_file
    from reelforge.services.script_video import script_folder, script_video

    if captions not in ("highlight", "clean", "none"):
        _fail(InvalidInput(f"captions: {captions!r} is not a style (highlight, clean or none)", field="captions"))
    out = output or script_file.with_suffix(".mp4")
    with _errors():
        if not script_file.is_file():
            raise MediaMissing(f"script not found: {script_file}")
        try:
            text = script_file.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise InvalidInput(f"{script_file.name} is not UTF-8 text", field="script") from None
        with _bars("Scenes", "Encoding") as (gen_progress, render_progress):
            result = script_video(_settings(), text, out, aspect=aspect, voice=voice, rate=rate,
                                  captions=None if captions == "none" else captions,  # type: ignore[arg-type]
                                  music=None if music == "none" else "" if music == "auto" else music,
                                  quality=quality, seed=seed, generate_progress=gen_progress,
                                  render_progress=render_progress)
        draft = read_draft_file(script_folder(result.path) / "draft.json")
        for suffix in (".srt", ".vtt"):
            write_subtitles(draft, result.path.with_suffix(suffix), default_font("SC"))
    out_console.print(f"wrote {result.path} ({result.width}x{result.height}, {result.duration_ms / 1000:.1f} s) "
                      f"with {result.path.with_suffix('.srt').name} and {result.path.with_suffix('.vtt').name}; "
                      f"the draft is {script_folder(result.path) / 'draft.json'}")


@app.command()
def subtitles(
    draft_file: Annotated[Path, typer.Argument(help="A draft JSON file with narration.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="A .srt or .vtt file.")] = None,
) -> None:
    """Export a draft's captions (its narration, as the video shows them) as SRT or WebVTT."""
    from reelforge.captions import write_subtitles
    from reelforge.fonts import default_font
    from reelforge.services.local import read_draft_file

    out = output or draft_file.with_suffix(".srt")
    with _errors():
        path = write_subtitles(read_draft_file(draft_file), out, default_font("SC"))
    out_console.print(f"wrote {path}")


@music_app.command("list")
def music_list() -> None:
    """The styles of the built-in music library."""
    from rich.table import Table

    from reelforge.audio import list_styles

    table = Table("style", "title", "中文", "tempo", "moods", box=None, header_style="bold")
    for style in list_styles():
        table.add_row(style["name"], style["title"], style["names_zh"], f"{style['tempo']} bpm", style["moods"])
    out_console.print(table)


@music_app.command("render")
def music_render(
    style: Annotated[str, typer.Argument(help="A style name, English or Chinese (see `music list`).")],
    seconds: Annotated[float, typer.Option(min=1, max=600)] = 30.0,
    output: Annotated[Path | None, typer.Option("-o", "--output")] = None,
    seed: Annotated[int, typer.Option()] = 0,
) -> None:
    """Render a loopable background track of STYLE to a .wav (or .m4a) file."""
    from reelforge.audio import render_to_file

    with _errors():
        out = output or Path(f"{style}.wav")
        path = render_to_file(style, seconds, out, seed)
    out_console.print(f"wrote {path}")


@contextmanager
def _services() -> Iterator[Services]:
    """The store of the configured data dir, opened directly; the job workers are not started."""
    from reelforge.services.context import build_services

    svc = build_services(_settings())
    try:
        yield svc
    finally:
        svc.close()


@users_app.command("list")
def users_list(
    limit: Annotated[int, typer.Option(min=1, help="How many of the newest users.")] = 50,
) -> None:
    """The newest users, one a line: id, kind, credits available and frozen, sessions, created."""
    from reelforge.services.accounts import list_users

    with _errors(), _services() as svc:
        users = list_users(svc, limit)
    if not users:
        out_console.print("no users yet", highlight=False)
    for user in users:
        name = f" ({user['name']})" if user["name"] else ""
        out_console.print(f"{user['id']}  {user['kind']:<10}  available={user['available']}  "
                          f"frozen={user['frozen']}  sessions={user['sessions']}  created={user['created']}{name}",
                          highlight=False, markup=False)


@users_app.command("bind")
def users_bind(
    user_id: Annotated[str, typer.Argument(help="The account id (from the /bind page or `users list`).")],
    credits: Annotated[int, typer.Option(min=0, help="Credits to grant with the binding.")] = 1000,
    name: Annotated[str | None, typer.Option(help="A name to remember the account by.")] = None,
) -> None:
    """Make an account registered and grant it credits (each run grants again)."""
    from reelforge.services.accounts import bind_account

    with _errors(), _services() as svc:
        bound = bind_account(svc, user_id, credits, name)
    out_console.print(f"bound {bound['id']} ({bound['was']} -> {bound['kind']}): granted {bound['granted']}, "
                      f"available={bound['available']}", highlight=False, markup=False)


@users_app.command("grant")
def users_grant(
    user_id: Annotated[str, typer.Argument(help="The account id.")],
    credits: Annotated[int, typer.Argument(min=1, help="How many credits to add.")],
) -> None:
    """Grant an account more credits (its kind stays as it is)."""
    from reelforge.services.accounts import grant_credits

    with _errors(), _services() as svc:
        granted = grant_credits(svc, user_id, credits)
    out_console.print(f"granted {granted['granted']} to {granted['id']}: available={granted['available']}",
                      highlight=False, markup=False)


TIMELINE_FORMAT_HELP = "otio | fcp_xml (Premiere, Resolve) | fcpx_xml (Final Cut) | edl (default: from the file's ending)"


@timeline_app.command("export")
def timeline_export(
    draft_file: Annotated[Path, typer.Argument(help="A draft JSON file; its src paths are relative to it.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="cut.xml, cut.fcpxml, cut.edl or cut.otio")],
    format: Annotated[str | None, typer.Option("--format", "-f", help=TIMELINE_FORMAT_HELP)] = None,
) -> None:
    """Write a draft as a timeline another editor opens, its media referenced by absolute path."""
    from reelforge.interchange import TIMELINE_FORMATS, timeline_format
    from reelforge.services.timelines import export_draft_file

    with _errors():
        if not draft_file.is_file():
            raise MediaMissing(f"draft file not found: {draft_file}")
        fmt = timeline_format(format, output.name)
        done = export_draft_file(draft_file, output, fmt)
    out_console.print(f"wrote {output} ({TIMELINE_FORMATS[fmt].label})", highlight=False)
    for note in done.notes:
        out_console.print(f"[dim]note: {note}[/]", highlight=False)


@timeline_app.command("import")
def timeline_import(
    timeline_file: Annotated[Path, typer.Argument(help="A .otio, FCP 7 XML, FCPXML or EDL file.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The draft JSON file to write.")],
    format: Annotated[str | None, typer.Option("--format", "-f", help=TIMELINE_FORMAT_HELP)] = None,
) -> None:
    """Read another editor's timeline into a draft file (render it with `reelforge render`)."""
    from reelforge.draft import summary
    from reelforge.interchange import timeline_format
    from reelforge.services.timelines import import_draft_file

    with _errors():
        if not timeline_file.is_file():
            raise MediaMissing(f"timeline file not found: {timeline_file}")
        draft, notes = import_draft_file(timeline_file, output, timeline_format(format, timeline_file.name))
    out_console.print(f"wrote {output}: {summary(draft)}", highlight=False, markup=False)
    for note in notes:
        out_console.print(f"note: {note}", highlight=False, markup=False, style="dim")


@app.command()
def pack(
    draft: Annotated[str, typer.Argument(help="A draft JSON file, or a session id (ses_...) of the data dir.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The bundle to write.")] = Path("project.zip"),
) -> None:
    """Bundle a project as one zip: the draft and every media file it uses, paths rewritten."""
    from reelforge.services.bundles import pack_draft_file, pack_session

    with _errors():
        if draft.startswith("ses_") and not Path(draft).exists():
            with _services() as svc:
                path = pack_session(svc, draft, output)
        else:
            if not Path(draft).is_file():
                raise MediaMissing(f"draft file not found: {draft}")
            path = pack_draft_file(Path(draft), output)
    out_console.print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)", highlight=False)


@app.command()
def unpack(
    bundle: Annotated[Path, typer.Argument(help="A project bundle (reelforge pack).")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="The folder (default: the bundle's name).")]
    = None,
) -> None:
    """Unpack a bundle into a folder: media/ and draft.json, ready for `reelforge render`."""
    from reelforge.services.bundles import unpack_to_folder

    with _errors():
        if not bundle.is_file():
            raise MediaMissing(f"bundle not found: {bundle}")
        folder = output or bundle.with_suffix("")
        if folder.exists() and any(folder.iterdir()):
            raise InvalidInput(f"{folder} is not empty: choose another folder with -o", field="output")
        draft = unpack_to_folder(bundle, folder)
    out_console.print(f"unpacked to {folder}: render it with `reelforge render {draft}`", highlight=False)


def _slug(text: str) -> str:
    words = "".join(ch if ch.isalnum() else " " for ch in text.lower()).split()
    return "-".join(words[:6])[:60] or "reelforge"


def main() -> None:
    app()

