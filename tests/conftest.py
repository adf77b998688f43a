"""The suite's top conftest: shared fixtures come from plugins registered here, once.

pytest accepts ``pytest_plugins`` only in the top conftest (one in a sub-folder is an error), so the
live-server fixtures live in :mod:`tests._server` and every folder gets them from this line.
"""

pytest_plugins = ["tests._server"]
