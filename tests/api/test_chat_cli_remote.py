"""``reelforge chat --server URL``: the same conversation over the seed protocol."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from reelforge.services.chat_cli import run_chat
from reelforge.settings import Settings
from tests._server import LiveServer


def test_chat_against_a_running_server(server: LiveServer, tmp_path: Path) -> None:
    console = Console(record=True, width=200)
    code = run_chat(Settings(data_dir=tmp_path), draft_file=None, server=server.url,
                    messages=["generate a 2 second clip of a beach at sunrise", "show the timeline"], console=console)
    text = console.export_text()
    assert code == 0
    assert "Timeline (" in text and "beach at sunrise (0-2s)" in text
