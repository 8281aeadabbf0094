"""The pluggy markers of the ``supple`` project.

Plugins import :data:`hookimpl` (re-exported as ``supple.hookimpl``) to mark their hook
implementations. Kept in a module of its own so that importing it costs only pluggy.
"""

from __future__ import annotations

import pluggy

PROJECT = "supple"


#: Marks a hook specification (engine only).
hookspec = pluggy.HookspecMarker(PROJECT)


#: Marks a hook implementation in a plugin: ``@supple.hookimpl``.
hookimpl = pluggy.HookimplMarker(PROJECT)
