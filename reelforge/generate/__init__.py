"""reelforge.generate: prompts (and stills) become clips.

``preview`` (procedural numpy, always installed) and ``diffusers`` (model weights,
imported lazily by the pool) implement the same :class:`Generator` protocol; a
:class:`GeneratorPool` keeps them warm for its owner.
Importing this package never imports torch.
"""

from reelforge.generate._scene import Palette, Scene, parse_scene
from reelforge.generate.base import Clip, GenerateRequest, Generator
from reelforge.generate.preview import PreviewGenerator
from reelforge.generate.registry import GeneratorPool, available_backends

__all__ = [
    "Clip",
    "GenerateRequest",
    "Generator",
    "GeneratorPool",
    "Palette",
    "PreviewGenerator",
    "Scene",
    "available_backends",
    "parse_scene",
]
