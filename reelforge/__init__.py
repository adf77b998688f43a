"""reelforge: a self-hosted text-to-video studio."""

__version__ = "0.1.0"
__all__ = ["__version__"]
