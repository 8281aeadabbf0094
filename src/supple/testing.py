"""Testing help for plugin authors: a pytest plugin (entry point ``pytest11``) and helpers.

The fixtures are available in any project that has supple installed (docs/plugins/testing.md):

* ``supple_registry``: ``supple_registry(*plugins, builtins=False, strict=True, **named)``
  returns a fresh :class:`supple.Registry` holding only ``plugins`` (modules or objects with
  hook implementations; ``name=module`` to choose a plugin's name), plus the plugins that ship
  with supple when ``builtins=True``. Strict by default: a plugin that fails raises
  :class:`supple.PluginError` with the reason, instead of being left out. Nothing leaks
  between tests: every call builds a new plugin manager and never reads entry points.
* ``supple_check``: ``supple_check(routine, registry)`` checks a routine as ``supple check``
  does and returns the list of :class:`supple.Problem` (empty when it is fine).
* ``supple_plan``: ``supple_plan(routine, registry, profile=None)`` returns the
  :class:`supple.Plan`.
* ``supple_export``: ``supple_export(routine, registry, "ics", options=None, profile=None)``
  returns the bytes an exporter writes, as ``supple export`` would.

A ``routine`` is a path, TOML text (anything containing a newline) or a dict shaped like
parsed TOML; a ``profile`` likewise, or a :class:`supple.Profile`.

The module imports nothing heavy at import time: pytest loads it in every session of every
project that has supple installed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import pytest

#: The modules of the first-party plugins, by plugin name.
BUILTIN_PLUGINS = {
    "backcare": "supple_backcare",
    "timing": "supple_timing",
    "progression": "supple_progression",
    "json": "supple_json",
    "safety": "supple_safety",
    "ics": "supple_ics",
    "markdown": "supple_markdown",
    "html": "supple_html",
    "pdf": "supple_pdf",
}


def make_registry(*plugins: object, builtins: bool = False, strict: bool = False, **named: object):
    """A fresh registry holding ``plugins`` (and the first-party ones if ``builtins``).

    A plugin is named after its module (``__name__``) unless given as ``name=plugin``.
    ``strict`` raises :class:`supple.PluginError` when any plugin fails.
    """
    import importlib

    from supple.registry import registry_from_plugins

    chosen: dict[str, object] = {}
    if builtins:
        for name, module in BUILTIN_PLUGINS.items():
            chosen[name] = importlib.import_module(module)
    for plugin in plugins:
        name = getattr(plugin, "__name__", None) or type(plugin).__name__
        chosen[name] = plugin
    chosen.update(named)
    return registry_from_plugins(
        chosen, strict=strict, builtin=BUILTIN_PLUGINS if builtins else ()
    )


def load_test_routine(routine: Any):
    """A :class:`supple.Routine` from a path, TOML text (with a newline) or a parsed dict."""
    from supple.loading import load_routine, routine_from_dict

    if isinstance(routine, Mapping):
        return routine_from_dict(routine, "<routine>")
    text = os.fspath(routine)
    if "\n" in text:
        import tomllib

        from supple.errors import InputError

        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise InputError.at(f"is not valid TOML: {exc}", "<routine>") from None
        return routine_from_dict(data, "<routine>")
    return load_routine(text)


def load_test_profile(profile: Any):
    """A :class:`supple.Profile` from a path, TOML text, a parsed dict or a Profile (or None)."""
    from supple.loading import load_profile, profile_from_dict

    if profile is None or not isinstance(profile, (str, os.PathLike, Mapping)):
        return profile
    if isinstance(profile, Mapping):
        return profile_from_dict(profile, "<profile>")
    text = os.fspath(profile)
    if "\n" in text:
        import tomllib

        return profile_from_dict(tomllib.loads(text), "<profile>")
    return load_profile(text)


def check_routine(routine: Any, registry: Any) -> list[Any]:
    """Check ``routine`` against ``registry`` as ``supple check`` does: its shape, then every
    exercise, strategy, option and ``[plugins.NAME]`` setting. Returns the problems found
    (:class:`supple.Problem`), an empty list when it is fine."""
    from supple.errors import InputError
    from supple.resolve import resolve

    try:
        resolve(load_test_routine(routine), registry)
    except InputError as exc:
        return list(exc.problems)
    return []


def plan_routine(routine: Any, registry: Any, profile: Any = None, **kwargs: Any):
    """Load ``routine`` (a path, TOML text when it contains a newline, or a dict) and plan it
    with ``registry``; ``kwargs`` go to :func:`supple.build_plan` (``waive=[...]``)."""
    from supple.planning import build_plan

    return build_plan(load_test_routine(routine), registry, load_test_profile(profile), **kwargs)


def export_routine(
    routine: Any,
    registry: Any,
    fmt: str,
    *,
    options: Mapping[str, Any] | None = None,
    profile: Any = None,
    waive: Iterable[str] = (),
) -> bytes:
    """What ``supple export ROUTINE --to FMT`` writes: ``options`` override the routine's
    ``[export.FMT]`` table, checked with the exporter's options class."""
    from supple.errors import InputError
    from supple.planning import build_plan
    from supple.resolve import options_for

    loaded = load_test_routine(routine)
    exporter = registry.get("exporter", fmt, key="--to")
    if exporter.needs_schedule and loaded.schedule is None:
        raise InputError.at(f"has no [schedule] table, which the {fmt!r} export needs",
                            loaded.path, "schedule")
    plan = build_plan(loaded, registry, load_test_profile(profile), waive=waive)
    raw = {**loaded.export.get(fmt, {}), **(options or {})}
    opts = options_for(fmt, exporter.options, raw, file=loaded.path, key=f"export.{fmt}")
    data = exporter.render(plan, opts)
    return data.encode("utf-8") if isinstance(data, str) else data


def _strict_registry(*plugins: object, builtins: bool = False, strict: bool = True, **named: object):
    return make_registry(*plugins, builtins=builtins, strict=strict, **named)


@pytest.fixture
def supple_registry() -> Callable[..., Any]:
    """Build a fresh registry from the plugins under test: ``supple_registry(my_plugin)``;
    strict (a failing plugin raises) unless ``strict=False``."""
    return _strict_registry


@pytest.fixture
def supple_check() -> Callable[..., list[Any]]:
    """Check a routine against a registry: ``supple_check(routine, registry)`` returns the
    problems (an empty list when it is fine)."""
    return check_routine


@pytest.fixture
def supple_plan() -> Callable[..., Any]:
    """Plan a routine against a registry: ``supple_plan("routine.toml", registry)``."""
    return plan_routine


@pytest.fixture
def supple_export() -> Callable[..., bytes]:
    """Export a routine with one of the registry's exporters:
    ``supple_export(routine, registry, "ics")`` returns the bytes."""
    return export_routine
