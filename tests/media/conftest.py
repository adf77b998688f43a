"""The generated media the render tests use (a clip with sound, a silent clip, a still, a tone, garbage)."""

from tests.render.conftest import media

__all__ = ["media"]
