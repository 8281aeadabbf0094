"""Testing help for plugin authors: helpers, and fixtures through a pytest plugin.

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

The fixtures themselves are in :mod:`supple.pytest_plugin` (the ``pytest11`` entry point), so
these helpers work without pytest installed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeAlias

from supple.plugin.builtin import BUILTIN_PLUGINS

if TYPE_CHECKING:
    from supple.errors import Problem
    from supple.model.plan import Plan
    from supple.model.profile import Profile
    from supple.model.routine import Routine
    from supple.plugin.registry import Registry

#: a routine or profile as the helpers take it: a path, TOML text (with a newline) or a dict
#: shaped like parsed TOML
TomlInput: TypeAlias = "str | os.PathLike[str] | Mapping[str, Any]"


def make_registry(
    *plugins: object, builtins: bool = False, strict: bool = False, **named: object
) -> Registry:
    """A fresh registry holding ``plugins`` (and the first-party ones if ``builtins``).

    A plugin is named after its module (``__name__``) unless given as ``name=plugin``.
    ``strict`` raises :class:`supple.PluginError` when any plugin fails.
    """
    import importlib

    from supple.plugin.manager import registry_from_plugins

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


def load_test_routine(routine: TomlInput) -> Routine:
    """A :class:`supple.Routine` from a path, TOML text (with a newline) or a parsed dict."""
    from supple.io.routine_file import load_routine, routine_from_dict

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


def with_schedule(routine: str | os.PathLike[str], **schedule: Any) -> dict[str, Any]:
    """The routine file ``routine`` parsed, with ``schedule`` keys written into its
    ``[schedule]`` (``start=datetime.date(2026, 12, 7), timezone="Europe/Madrid"``): a template
    routine planned on fixed dates, for :func:`plan_routine` and :func:`export_routine`."""
    from supple.io.toml import read_toml

    data = dict(read_toml(os.fspath(routine)))
    data["schedule"] = {**data.get("schedule", {}), **schedule}
    return data


def load_test_profile(profile: TomlInput | Profile | None) -> Profile | None:
    """A :class:`supple.Profile` from a path, TOML text, a parsed dict or a Profile (or None)."""
    from supple.io.profile_file import load_profile, profile_from_dict

    if profile is None or not isinstance(profile, (str, os.PathLike, Mapping)):
        return profile
    if isinstance(profile, Mapping):
        return profile_from_dict(profile, "<profile>")
    text = os.fspath(profile)
    if "\n" in text:
        import tomllib

        return profile_from_dict(tomllib.loads(text), "<profile>")
    return load_profile(text)


def check_routine(routine: TomlInput, registry: Registry) -> list[Problem]:
    """Check ``routine`` against ``registry`` as ``supple check`` does: its shape, then every
    exercise, strategy, option and ``[plugins.NAME]`` setting. Returns the problems found
    (:class:`supple.Problem`), an empty list when it is fine."""
    from supple.errors import InputError
    from supple.pipeline.resolve import resolve

    try:
        resolve(load_test_routine(routine), registry)
    except InputError as exc:
        return list(exc.problems)
    return []


def plan_routine(
    routine: TomlInput, registry: Registry, profile: TomlInput | Profile | None = None, **kwargs: Any
) -> Plan:
    """Load ``routine`` (a path, TOML text when it contains a newline, or a dict) and plan it
    with ``registry``; ``kwargs`` go to :func:`supple.build_plan` (``waive=[...]``)."""
    from supple.pipeline.orchestrator import build_plan

    return build_plan(load_test_routine(routine), registry, load_test_profile(profile), **kwargs)


def export_routine(
    routine: TomlInput,
    registry: Registry,
    fmt: str,
    *,
    options: Mapping[str, Any] | None = None,
    profile: TomlInput | Profile | None = None,
    waive: Iterable[str] = (),
) -> bytes:
    """What ``supple export ROUTINE --to FMT`` writes: ``options`` override the routine's
    ``[export.FMT]`` table, checked with the exporter's options class."""
    from supple.pipeline.export import export_plan, exporter_for
    from supple.pipeline.orchestrator import build_plan

    loaded = load_test_routine(routine)
    exporter_for(registry, fmt)
    plan = build_plan(loaded, registry, load_test_profile(profile), waive=waive)
    return export_plan(plan, registry, fmt, options=options)
