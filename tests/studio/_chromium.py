"""Debian's chromium as the studio's browser tests drive it: where it is, how it starts, where shots go."""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
OUT = Path(__file__).resolve().parents[2] / "test-output" / "studio"
MISSING = "Debian's chromium is not installed (apt-get install chromium)"
