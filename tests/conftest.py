"""The suite's top conftest: shared fixtures come from plugins registered here, once.

pytest accepts ``pytest_plugins`` only in the top conftest (one in a sub-folder is an error), so the
live-server fixtures live in :mod:`tests._server`, the tiny model folders in :mod:`tests._models`, and every folder gets
them from this line.

torch runs one thread in the tests (set before anything imports it; a caller's own setting wins): the
models here are tiny, so a second OpenMP thread buys nothing, and while it waits for work it spins. On
the 2-core machine shared with ffmpeg and other processes, that spinning tripled tests/generate's CPU
time (tests/generate/test_diffusers_new_families.py: 119 CPU-s with two threads, 41 with one).
"""

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")

pytest_plugins = ["tests._server", "tests._models"]
