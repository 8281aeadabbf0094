"""Loading plugins: discover the ``supple`` entry points, select, import and register each one
in isolation, and collect and check what each hook implementation returns.

Each entry point is imported on its own inside ``try``; each plugin's implementation of each
hook is called on its own and what it returns is checked; whatever fails is recorded against
the plugin that caused it and left out, so the rest keeps working. Two plugins contributing
the same name is an error naming both, and that name is left out until one is disabled (a
plugin that ships with supple keeps its names: the third-party plugin that clashes with it is
the one left out). Selecting plugins is :mod:`supple.plugin.selection`'s work.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from supple.plugin._diagnose import (
    a_type,
    article,
    describe,
    one_line,
    raised,
    short_repr,
)
from supple.plugin.builtin import BUILTIN_PLUGINS
from supple.plugin.contributions import CONTRIBUTION_KINDS, contribution_class
from supple.plugin.guard import IMPORT_FAULTS, PLUGIN_FAULTS, plugin_output
from supple.plugin.names import share
from supple.plugin.registry import PluginInfo, Provided, Registry, raise_strict
from supple.plugin.selection import Selection
from supple.text import close_matches, did_you_mean

ENTRY_POINT_GROUP = "supple"


#: The distribution that ships the first-party plugins.
BUILTIN_DISTRIBUTION = "supple"


#: The most items one hook implementation may return (a runaway generator is a plugin bug).
MAX_ITEMS_PER_HOOK = 10_000


def load_registry(
    *,
    disabled: Iterable[str] = (),
    only: Iterable[str] | None = None,
    strict: bool | None = None,
    config_disabled: Iterable[str] = (),
    environ: Mapping[str, str] | None = None,
    prefer: Iterable[str] = (),
) -> Registry:
    """Discover the ``supple`` entry points, load the selected plugins and collect their
    contributions. Failures are isolated and reported (strict mode raises :class:`PluginError`).

    ``disabled`` (the ``--disable-plugin`` option), ``config_disabled`` (the user's config
    file) and ``SUPPLE_DISABLE_PLUGINS`` skip plugins by name; ``only`` and
    ``SUPPLE_PLUGINS`` restrict the third-party ones; ``strict`` overrides
    ``SUPPLE_STRICT_PLUGINS``. ``environ`` replaces ``os.environ`` (for tests). ``prefer``
    (config.toml's ``[names] prefer``) orders the sets and plugins that win a shared plain name.
    """
    selection = Selection.from_environment(
        disabled=disabled, only=only, config_disabled=config_disabled, environ=environ
    )
    if strict is not None:
        selection = selection._replace(strict=strict)
    candidates, notes = _discover(selection)
    candidates += _exercise_files(selection)
    registry = _build(candidates, selection.strict, notes=notes, prefer=tuple(prefer))
    registry.warnings = tuple(selection.refused())
    return registry


def registry_from_plugins(
    plugins: Iterable[object] | Mapping[str, object],
    *,
    strict: bool = False,
    builtin: Iterable[str] = (),
) -> Registry:
    """A registry holding only ``plugins`` (modules or objects with hook implementations),
    without looking at entry points. For tests and for embedding supple.

    Give a mapping to choose the plugin names; otherwise a module's name is used. ``builtin``
    names the plugins to treat as shipped with supple (they win name clashes).
    """
    if isinstance(plugins, Mapping):
        named = list(plugins.items())
    else:
        named = [(getattr(p, "__name__", None) or type(p).__name__, p) for p in plugins]
    first_party = set(builtin)
    candidates = [
        (
            PluginInfo(name=name, module=getattr(obj, "__name__", ""), builtin=name in first_party),
            (lambda obj=obj: obj),
        )
        for name, obj in named
    ]
    return _build(candidates, strict)


def _normalize(name: str | None) -> str:
    return re.sub(r"[-_.]+", "-", (name or "").lower())


def _discover(selection: Selection) -> tuple[list[tuple[PluginInfo, Callable[[], object] | None]], list[str]]:
    """The entry points of the ``supple`` group as plugin reports, each with a loader when it
    is to be loaded (``None`` when disabled or clashing), plus notes on the selection."""
    from supple.plugin.discovery import find

    found: list[tuple[PluginInfo, Any]] = []
    for name, module in BUILTIN_PLUGINS.items():
        info = PluginInfo(name=name, module=module, distribution=BUILTIN_DISTRIBUTION,
                          version=_version(), builtin=True)
        found.append((info, _Module(module)))
    for ep in find(ENTRY_POINT_GROUP):
        if _normalize(ep.distribution) == BUILTIN_DISTRIBUTION:
            continue  # an old install's entry points: the built-in plugins are registered above
        info = PluginInfo(
            name=ep.name,
            module=ep.value,
            distribution=ep.distribution,
            version=ep.version,
        )
        found.append((info, ep))
    # built-in first for a shared name, then a stable order: never registration order
    found.sort(key=lambda f: (f[0].name, not f[0].builtin, f[0].distribution or "", f[0].module))

    candidates: list[tuple[PluginInfo, Callable[[], object] | None]] = []
    seen: dict[str, PluginInfo] = {}
    for info, ep in found:
        reason = selection.why_not(info.name, info.builtin)
        previous = seen.get(info.name)
        if previous is not None:
            if previous.module == info.module and previous.distribution == info.distribution:
                continue  # the same distribution found twice on sys.path
            if reason is None:
                info.fail(
                    f"the plugin name {info.name!r} is already used by distribution "
                    f"{previous.distribution or previous.module!r}, which is the one loaded; "
                    "one of the two must be uninstalled or renamed",
                    fatal=True,
                )
                candidates.append((info, None))
                continue
        seen[info.name] = info
        if reason is not None:
            info.status = "disabled"
            info.disabled_by = reason
            candidates.append((info, None))
            continue
        candidates.append((info, ep.load))

    notes = selection.refused()
    for name in sorted(selection.disabled - set(seen)):
        notes.append(f"{selection.disabled_by.get(name, 'disabled')} names {name!r}, "
                     "but no installed plugin has that name")
    for name in sorted((selection.only or frozenset()) - set(seen)):
        notes.append(f"{selection.only_source} names {name!r}, but no installed plugin has that name")
    return candidates, notes


def _exercise_files(selection: Selection) -> list[tuple[PluginInfo, Callable[[], object] | None]]:
    """The user's exercise-set files, each a plugin of its own (:mod:`supple.plugin.exercise_files`)."""
    from functools import partial

    from supple.io.config import exercise_file_plugins

    out: list[tuple[PluginInfo, Callable[[], object] | None]] = []
    found = exercise_file_plugins()
    if not found:
        return out
    from supple.plugin.exercise_files import ExerciseFile

    for name, path in found:
        info = PluginInfo(name=name, module=str(path))
        reason = selection.why_not(name, False)
        if reason is not None:
            info.status, info.disabled_by = "disabled", reason
            out.append((info, None))
        else:
            out.append((info, partial(ExerciseFile, path)))
    return out


class _Module:
    """A built-in plugin's loader: imports its module."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def load(self) -> object:
        import importlib

        return importlib.import_module(self.name)


def _version() -> str:
    from supple import __version__

    return __version__


def _build(
    candidates: Sequence[tuple[PluginInfo, Callable[[], object] | None]],
    strict: bool,
    *,
    notes: Iterable[str] = (),
    prefer: tuple[str, ...] = (),
) -> Registry:
    import pluggy

    from supple.plugin import hookspecs
    from supple.plugin.markers import PROJECT

    pm = pluggy.PluginManager(PROJECT)
    pm.add_hookspecs(hookspecs)
    infos = [info for info, _ in candidates]
    loaded: dict[str, PluginInfo] = {}
    for info, load in candidates:
        if load is None:
            continue
        try:
            with plugin_output():
                obj = load()
        except IMPORT_FAULTS as exc:  # a plugin must never take supple down
            info.fail(f"failed to import {info.module or info.name}: {describe(exc)}", fatal=True)
            continue
        other = pm.get_name(obj)
        if other is not None:
            info.fail(f"{info.module or info.name} is already loaded as plugin {other!r}", fatal=True)
            continue
        if info.name in loaded:
            info.fail(f"another plugin is already loaded under the name {info.name!r}", fatal=True)
            continue
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                pm.register(obj, name=info.name)
        except pluggy.PluginValidationError as exc:
            info.fail(f"invalid hook implementation: {one_line(exc)}", fatal=True)
            continue
        except Exception as exc:
            info.fail(f"could not be registered: {describe(exc)}", fatal=True)
            continue
        loaded[info.name] = info
        _pass_on_warnings(caught, info)
        _check_hooks(pm, obj, info)
        _check_hook_api(obj, info)

    def collect(hook: str) -> dict[str, Provided]:
        cls, word = contribution_class(hook), CONTRIBUTION_KINDS[hook][1]
        by_name: dict[str, list[Provided]] = {}
        for impl in getattr(pm.hook, hook).get_hookimpls():
            info = loaded[impl.plugin_name]
            items = _collect(impl, hook, cls, info)
            for item in items or ():
                by_name.setdefault(item.name, []).append(Provided(item, info.name))
        chosen: dict[str, Provided] = {}
        for name, providers in sorted(by_name.items()):
            if hook == "supple_exercise_sets" or len({p.plugin for p in providers}) < len(providers):
                # a set's name is part of every exercise's qualified name: a clash is an error,
                # and so is one plugin contributing a name twice
                winner = _settle(word, name, providers, loaded)
                if winner is not None:
                    chosen[name] = winner
                    loaded[winner.plugin].contributes.setdefault(word, []).append(name)
                continue
            for key, provided in share(word, name, providers, loaded, prefer).items():
                chosen[key] = provided
                loaded[provided.plugin].contributes.setdefault(word, []).append(key)
        return chosen

    registry = Registry(infos, notes=notes, collect=collect, strict=strict)
    registry.prefer = prefer
    if strict:  # for plugin developers: every hook now, and any failure is an error
        registry.collect_all()
        raise_strict(registry.failures_so_far)
    return registry


def _settle(word: str, name: str, providers: list[Provided], loaded: Mapping[str, PluginInfo]) -> Provided | None:
    """The provider that keeps contribution ``name``, blaming the others; ``None`` when none
    does (two third-party plugins, or one plugin twice)."""
    if len(providers) == 1:
        return providers[0]
    owners = sorted({p.plugin for p in providers})
    firsts = [p for p in providers if loaded[p.plugin].builtin]
    if len(firsts) == 1:
        keeper = firsts[0]
        for owner in owners:
            if owner != keeper.plugin:
                loaded[owner].fail(
                    f"{word} {name!r} is also provided by the built-in plugin {keeper.plugin!r}, "
                    "which keeps it; this plugin's one is left out (rename it)"
                )
        return keeper
    who = " and ".join(repr(o) for o in owners) if len(owners) > 1 else repr(owners[0]) + " twice"
    for owner in owners:
        loaded[owner].fail(
            f"{word} {name!r} is provided by {who}; it is left out until one of them is disabled"
        )
    return None


def _collect(impl: Any, hook: str, cls: type, info: PluginInfo) -> list[Any] | None:
    """Call one plugin's implementation of a contribution hook and check what it returns.
    ``None`` (and a recorded failure) when anything is wrong: none of its items are used."""
    if getattr(impl, "hookwrapper", False) or getattr(impl, "wrapper", False):
        info.fail(f"{hook}() is marked as a hook wrapper; contribution hooks take plain implementations")
        return None
    noun = f"{cls.__name__} objects"
    try:
        with plugin_output():
            result = impl.function()
            if result is None:
                return []
            if isinstance(result, (str, bytes, Mapping, cls)) or not isinstance(result, Iterable):
                info.fail(
                    f"{hook}() returned {a_type(result)} where an iterable of {noun} was expected "
                    "(yield each one, or return a list)"
                )
                return None
            items: list[Any] = []
            for item in result:
                if len(items) >= MAX_ITEMS_PER_HOOK:
                    info.fail(f"{hook}() returned more than {MAX_ITEMS_PER_HOOK:,} items; none are used")
                    return None
                items.append(item)
    except PLUGIN_FAULTS as exc:
        info.fail(raised(hook, exc))
        return None
    for item in items:
        if not isinstance(item, cls):
            info.fail(
                f"{hook}() returned {a_type(item)} {short_repr(item)} where {article(cls.__name__)} "
                "was expected; none of its items are used"
            )
            return None
    return items


def _pass_on_warnings(caught: Sequence[warnings.WarningMessage], info: PluginInfo) -> None:
    """Note every deprecated hook the plugin implements (pluggy warns through the hook
    specification's ``warn_on_impl``), then issue each warning again as it came."""
    from supple.plugin.markers import HookDeprecation

    for item in caught:
        if isinstance(item.message, HookDeprecation):
            info.notes.append(f"DEPRECATED: {item.message}")
        warnings.warn_explicit(item.message, item.category, item.filename, item.lineno)


def _check_hook_api(obj: object, info: PluginInfo) -> None:
    """Record the hook API ``obj`` targets (``SUPPLE_HOOK_API = (major, minor)``) and note a
    different major, or a newer minor, than this supple's :data:`supple.HOOK_API`."""
    from supple import HOOK_API

    target = getattr(obj, "SUPPLE_HOOK_API", None)
    if target is None:
        return
    if not (isinstance(target, tuple) and len(target) == 2
            and all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in target)):
        info.fail(f"SUPPLE_HOOK_API must be a (major, minor) pair of whole numbers, got {short_repr(target)}")
        return
    info.hook_api = (target[0], target[1])
    have = f"{HOOK_API[0]}.{HOOK_API[1]}"
    if target[0] != HOOK_API[0]:
        info.notes.append(f"MISMATCH: written for hook API {target[0]}.{target[1]}, but this supple "
                          f"has hook API {have}; it may not work (update the plugin or supple)")
    elif target[1] > HOOK_API[1]:
        info.notes.append(f"written for hook API {target[0]}.{target[1]}, newer than this supple's "
                          f"{have}: what it uses from the newer version is missing (update supple)")


def _check_hooks(pm: Any, obj: object, info: PluginInfo) -> None:
    """Report hook implementations for hooks that do not exist (a misspelled name would
    otherwise do nothing, silently), and ``supple_*`` functions not marked as implementations
    whose name is, or is close to, a hook's."""
    from supple.plugin.markers import PROJECT

    specs = sorted(CONTRIBUTION_KINDS)
    for caller in pm.get_hookcallers(obj) or ():
        if caller.has_spec():
            continue
        impls = [i for i in caller.get_hookimpls() if i.plugin is obj and not i.optionalhook]
        if impls:
            hint = did_you_mean(caller.name, specs) or f" (hooks: {', '.join(specs)})"
            info.fail(f"implements unknown hook {caller.name!r}, which is never called{hint}")
    marked = {c.name for c in pm.get_hookcallers(obj) or ()}
    for attr in sorted(dir(obj)):
        if not attr.startswith(f"{PROJECT}_") or attr in marked or not callable(getattr(obj, attr, None)):
            continue
        if attr in CONTRIBUTION_KINDS:
            info.fail(f"function {attr!r} is not marked with @supple.hookimpl, so it is never called")
            continue
        close = close_matches(attr, specs, n=1, cutoff=0.85)
        if close:
            info.fail(
                f"function {attr!r} looks like the hook {close[0]!r} but is neither that hook nor "
                "marked with @supple.hookimpl, so it is never called"
            )
