"""``reelforge chat --server URL``: the same conversation over the seed protocol."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from reelforge.cli.chat import run_chat
from reelforge.settings import Settings
from tests._server import LiveServer


def test_chat_against_a_running_server(server: LiveServer, tmp_path: Path) -> None:
    console = Console(record=True, width=200)
    code = run_chat(Settings(data_dir=tmp_path), draft_file=None, server=server.url,
                    messages=["generate a 2 second clip of a beach at sunrise", "show the timeline"], console=console)
    text = console.export_text()
    assert code == 0
    assert "Timeline (" in text and "beach at sunrise (0-2s)" in text


def test_media_given_on_the_command_line_is_uploaded_to_the_server_first(server: LiveServer, tmp_path: Path) -> None:
    import subprocess

    from reelforge.ffmpeg import ffmpeg_exe

    photos = []
    for colour in ("red", "blue"):
        photos.append(tmp_path / f"{colour}.png")
        subprocess.run([ffmpeg_exe(), "-v", "error", "-y", "-f", "lavfi", "-i", f"color=c={colour}:s=320x240",
                        "-frames:v", "1", str(photos[-1])], check=True)
    console = Console(record=True, width=200)
    run_chat(Settings(data_dir=tmp_path), draft_file=None, server=server.url, media=photos,
             messages=["make a slideshow of my photos", "show the timeline"], console=console)
    text = console.export_text()
    assert "uploaded red.png (image)" in text and "uploaded blue.png (image)" in text
    assert "added 2 clips: red.png, blue.png" in text and "Video: red.png, blue.png (0-5.5s)" in text
