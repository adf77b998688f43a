"""The ``reelforge`` command line (``reelforge.cli:main``, also ``python -m reelforge.cli``).

``commands`` declares the commands and stays light so ``reelforge --help`` is fast; each command
imports what it runs (``chat``, ``worker``, the services) when it runs.
"""

from reelforge.cli.commands import app, main

__all__ = ["app", "main"]
