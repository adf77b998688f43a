"""``python -m reelforge.cli``: the same as the ``reelforge`` command."""

from reelforge.cli.commands import main

main()
