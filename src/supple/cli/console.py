"""The ``supple`` console script (and ``python -m supple``): the command line, without the
garbage-collection work a short-lived process never profits from.

A command lives for a fraction of a second and what it allocates is mostly long-lived: modules,
classes, the plugins' contributions, the catalogue. Python's cyclic garbage collector would walk
those objects again and again while they are being created, and once more when the process
ends, and find almost nothing to free (reference counting frees everything else at once). So
the collector is off while a command runs, and whatever is alive at the end is frozen, which
spares it the final collection. Together this is about a sixth of ``supple check``'s wall time
(docs/performance.md has the figures). A command that runs for minutes (``supple run``) turns
the collector back on with :func:`long_running`.
"""

from __future__ import annotations

import gc


def main() -> None:
    """Run the ``supple`` command line (``supple.cli``), with the collector off and standard
    output guarded (:mod:`supple.cli._stdout`)."""
    gc.disable()
    try:
        from supple.cli import main as command_line
        from supple.cli._stdout import guarded

        with guarded():
            command_line()
    finally:
        gc.freeze()


def long_running() -> None:
    """Turn the cyclic garbage collector back on, for a command that runs for minutes."""
    gc.enable()
