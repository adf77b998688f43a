"""The API tests' server helpers now live in :mod:`tests._server` (a plugin for the whole suite);
these names stay importable from here for modules that still do."""

from __future__ import annotations

from tests._server import LiveServer, free_port, make_mp4, make_settings, run_server

__all__ = ["LiveServer", "free_port", "make_mp4", "make_settings", "run_server"]
