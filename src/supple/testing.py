"""Testing help for plugin authors: a pytest plugin (entry point ``pytest11``) and helpers.

Fixtures (available in any project that has supple installed):

* ``supple_registry``: a function ``supple_registry(*plugins, builtins=False)`` returning a
  fresh :class:`supple.Registry` holding only ``plugins`` (modules or objects with hook
  implementations), plus the first-party plugins when ``builtins=True``. Nothing leaks
  between tests: every call builds a new plugin manager.
* ``supple_plan``: a function ``supple_plan(routine, registry, profile=None)`` that loads a
  routine (a path, or TOML text) and returns its :class:`supple.Plan`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import pytest

def builtin_plugins() -> dict[str, str]:
    """The first-party plugins, ``{name: module}``, as the ``supple`` distribution declares them."""
    from importlib.metadata import distribution

    from supple.registry import BUILTIN_DISTRIBUTION, ENTRY_POINT_GROUP

    eps = distribution(BUILTIN_DISTRIBUTION).entry_points
    return {ep.name: ep.value for ep in sorted(eps, key=lambda e: e.name) if ep.group == ENTRY_POINT_GROUP}


def make_registry(*plugins: object, builtins: bool = False, strict: bool = False):
    """A fresh registry holding ``plugins`` (and the first-party ones if ``builtins``)."""
    import importlib

    from supple.registry import registry_from_plugins

    named: dict[str, object] = {}
    if builtins:
        for name, module in builtin_plugins().items():
            named[name] = importlib.import_module(module)
    for plugin in plugins:
        name = getattr(plugin, "__name__", None) or type(plugin).__name__
        named[name] = plugin
    return registry_from_plugins(named, strict=strict)


def plan_routine(routine: str | os.PathLike[str], registry: Any, profile: Any = None, **kwargs: Any):
    """Load ``routine`` (a path, or TOML text when it contains a newline) and plan it."""
    from supple.loading import load_profile, load_routine, routine_from_dict
    from supple.planning import build_plan

    text = os.fspath(routine)
    if "\n" in text:
        import tomllib

        loaded = routine_from_dict(tomllib.loads(text), "<routine>")
    else:
        loaded = load_routine(text)
    if isinstance(profile, (str, os.PathLike)):
        profile = load_profile(profile)
    return build_plan(loaded, registry, profile, **kwargs)


@pytest.fixture
def supple_registry() -> Callable[..., Any]:
    """Build a fresh registry from the plugins under test: ``supple_registry(my_plugin)``."""
    return make_registry


@pytest.fixture
def supple_plan() -> Callable[..., Any]:
    """Plan a routine against a registry: ``supple_plan("routine.toml", registry)``."""
    return plan_routine
