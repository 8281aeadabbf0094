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


class HookDeprecation(DeprecationWarning):
    """The warning pluggy raises, through the hook specification's ``warn_on_impl``, when a
    plugin implements a deprecated hook. supple records it as a ``DEPRECATED`` note on the
    plugin (``supple plugins`` shows it) and issues it again as a warning, so a plugin's own
    test suite sees it (``python -W error::DeprecationWarning`` makes it fail).

    How supple deprecates a hook, in ``hookspecs.py``::

        @hookspec(warn_on_impl=HookDeprecation(
            "supple_old_hook", since=(1, 2), instead="supple_new_hook()"))
        def supple_old_hook() -> Iterable[Thing]: ...
    """

    def __init__(self, hook: str, *, since: tuple[int, int], instead: str) -> None:
        self.hook, self.since, self.instead = hook, since, instead
        super().__init__(
            f"{hook}() is deprecated since hook API {since[0]}.{since[1]} and goes in the next "
            f"major version; use {instead} instead"
        )

    def __reduce__(self) -> tuple[object, ...]:  # keep it picklable despite the keywords
        return (_rebuild, (self.hook, self.since, self.instead))


def _rebuild(hook: str, since: tuple[int, int], instead: str) -> HookDeprecation:
    return HookDeprecation(hook, since=since, instead=instead)
