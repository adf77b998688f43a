"""Tiny random-weight model folders shared by every test folder (a pytest plugin, registered by ``tests/conftest.py``).

A session fixture imported into several test modules is a fixture of each of them, built again in each; defined
in one plugin it is built once a run. torch and diffusers are imported inside the fixture, never at collection.
"""

from __future__ import annotations

from pathlib import Path

import pytest

__all__ = ["tiny_ace_step"]


@pytest.fixture(scope="session")
def tiny_ace_step(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny ACE-Step pipeline folder (tests/audio/tiny_ace_step.py), saved once for the run."""
    pytest.importorskip("torch", reason="needs the [models] extra (torch)")
    pytest.importorskip("diffusers", reason="needs the [models] extra (diffusers)")
    from tests.audio.tiny_ace_step import save_tiny_ace_step

    return save_tiny_ace_step(tmp_path_factory.mktemp("models") / "ace-step")
