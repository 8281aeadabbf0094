"""The plugins that ship with supple: one list, registered directly (as pytest registers its own
plugins), never through entry points, which are for third-party plugins. They are written only
against the public :mod:`supple` API, like any other plugin."""

from __future__ import annotations

#: The first-party plugins: plugin name -> module.
BUILTIN_PLUGINS: dict[str, str] = {
    "backcare": "supple_backcare",
    "handout": "supple_handout",
    "ics": "supple_ics",
    "json": "supple_json",
    "markdown": "supple_markdown",
    "progression": "supple_progression",
    "safety": "supple_safety",
    "timing": "supple_timing",
}

#: Plugins no switch can disable (pytest's "essential plugins"): the built-in safety filters
#: protect the person, and only the person may relax them, rule by rule (docs/safety.md).
ESSENTIAL_PLUGINS: frozenset[str] = frozenset({"safety"})
