"""The plugin registry: loads plugins, collects what they contribute, isolates failures.

Loading is explicit and lazy (:func:`load_registry` is called by the commands that need
plugins, never at import time). Each entry point is imported on its own inside ``try``; each
plugin's implementation of each hook is called on its own; whatever fails is recorded against
the plugin that caused it and left out, so the rest keeps working. Two plugins contributing the
same name is an error naming both, and that name is left out until one is disabled. Results are
sorted by name, so registration order never changes behaviour.

Selecting plugins (all before anything is imported):

* ``SUPPLE_PLUGINS=a,b``: load only these (an allow-list; set but empty loads none);
* ``SUPPLE_DISABLE_PLUGINS=a,b``, ``[plugins] disable = [...]`` in the user's
  ``config.toml``, or ``supple --disable-plugin NAME``: skip these;
* ``SUPPLE_STRICT_PLUGINS=1``: any plugin failure is an error (for plugin developers).
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import attrs

from supple.catalogue import Catalogue, CatalogueEntry
from supple.contributions import CONTRIBUTION_TYPES
from supple.errors import InputError, PluginError

ENTRY_POINT_GROUP = "supple"
ENV_ALLOW = "SUPPLE_PLUGINS"
ENV_DISABLE = "SUPPLE_DISABLE_PLUGINS"
ENV_STRICT = "SUPPLE_STRICT_PLUGINS"

#: The distribution that ships the first-party plugins.
BUILTIN_DISTRIBUTION = "supple"


@attrs.define
class PluginInfo:
    """What ``supple plugins`` reports about one plugin.

    ``status`` is ``active`` (everything it contributes is in use), ``partial`` (some of it
    failed and was left out), ``failed`` (nothing of it is used) or ``disabled`` (not
    loaded). ``contributes`` maps a contribution kind (``exercise set``, ``exporter``...)
    to the names it provides; ``errors`` says what went wrong, in words.
    """

    name: str
    module: str = ""
    distribution: str | None = None
    version: str | None = None
    builtin: bool = False
    status: str = "active"
    contributes: dict[str, list[str]] = attrs.field(factory=dict)
    errors: list[str] = attrs.field(factory=list)

    def fail(self, message: str, *, fatal: bool = False) -> None:
        self.errors.append(message)
        self.status = "failed" if fatal or self.status == "failed" else "partial"

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "version": self.version,
            "status": self.status,
            "contributes": {k: list(v) for k, v in sorted(self.contributes.items())},
            "error": "; ".join(self.errors) or None,
            "distribution": self.distribution,
            "module": self.module,
            "builtin": self.builtin,
        }


@attrs.frozen
class Provided:
    """A contribution with the name of the plugin that provided it."""

    item: Any
    plugin: str


class Registry:
    """Everything the loaded plugins contribute, by kind and name, plus a report per plugin.

    Look contributions up with :meth:`get` (``registry.get("exporter", "ics")``) or read the
    sorted dictionaries: :attr:`exercise_sets`, :attr:`timing_strategies`,
    :attr:`progression_strategies`, :attr:`safety_filters`, :attr:`exporters`,
    :attr:`routines`. :attr:`catalogue` indexes every exercise.
    """

    def __init__(self, plugins: Sequence[PluginInfo], provided: Mapping[str, Mapping[str, Provided]]):
        self.plugins: tuple[PluginInfo, ...] = tuple(sorted(plugins, key=lambda p: p.name))
        self._provided = provided
        self.exercise_sets = self._items("supple_exercise_sets")
        self.timing_strategies = self._items("supple_timing_strategies")
        self.progression_strategies = self._items("supple_progression_strategies")
        self.exporters = self._items("supple_exporters")
        self.routines = self._items("supple_routines")
        self.safety_filters = dict(
            sorted(self._items("supple_safety_filters").items(), key=lambda kv: (kv[1].order, kv[0]))
        )
        self._catalogue: Catalogue | None = None

    def _items(self, hook: str) -> dict[str, Any]:
        return {name: p.item for name, p in sorted(self._provided.get(hook, {}).items())}

    @property
    def catalogue(self) -> Catalogue:
        """Every exercise of every exercise set (built on first use)."""
        if self._catalogue is None:
            provided = self._provided.get("supple_exercise_sets", {})
            self._catalogue = Catalogue(
                CatalogueEntry(exercise, name, p.plugin)
                for name, p in provided.items()
                for exercise in p.item.exercises
            )
        return self._catalogue

    def provider(self, kind: str, name: str) -> str | None:
        """The plugin that provided contribution ``name`` of ``kind`` (a hook's word such as
        ``"exporter"``), or ``None``."""
        entry = self._provided.get(_hook_for(kind), {}).get(name)
        return entry.plugin if entry else None

    def get(self, kind: str, name: str, *, file: str | None = None, key: str | None = None) -> Any:
        """The contribution ``name`` of ``kind`` (``"timing strategy"``, ``"exporter"``...).

        Raises :class:`InputError` located at ``file``/``key`` when it is unknown, with a
        did-you-mean and, when plugins failed or conflicted over that name, why it is missing.
        """
        hook = _hook_for(kind)
        entry = self._provided.get(hook, {}).get(name)
        if entry is not None:
            return entry.item
        known = sorted(self._provided.get(hook, {}))
        why = [e for p in self.plugins for e in p.errors if repr(name) in e]
        message = f"unknown {kind} {name!r}"
        close = difflib.get_close_matches(name, known, n=3, cutoff=0.6)
        if close:
            message += f"; did you mean {' or '.join(repr(c) for c in close)}?"
        elif known:
            message += f" (known: {', '.join(known)})"
        else:
            message += " (no plugin provides any)"
        if why:
            message += " [" + "; ".join(why) + "]"
        raise InputError.at(message, file, key)

    def names(self, kind: str) -> list[str]:
        """The sorted names of every contribution of ``kind``."""
        return sorted(self._provided.get(_hook_for(kind), {}))

    @property
    def failures(self) -> list[PluginInfo]:
        """Plugins that failed wholly or in part."""
        return [p for p in self.plugins if p.errors]


def _hook_for(kind: str) -> str:
    for hook, (_, word) in CONTRIBUTION_TYPES.items():
        if kind in (word, hook):
            return hook
    raise ValueError(f"no contribution kind {kind!r}")


# ---------------------------------------------------------------------------------------------
# Loading


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


@attrs.frozen
class Selection:
    """Which plugins to load: ``only`` an allow-list (``None`` for all), ``disabled`` names to
    skip, ``strict`` whether failures are errors."""

    only: frozenset[str] | None = None
    disabled: frozenset[str] = frozenset()
    strict: bool = False

    def allows(self, name: str) -> bool:
        return name not in self.disabled and (self.only is None or name in self.only)

    @classmethod
    def from_environment(
        cls,
        *,
        disabled: Iterable[str] = (),
        only: Iterable[str] | None = None,
        config_disabled: Iterable[str] = (),
        environ: Mapping[str, str] | None = None,
    ) -> Selection:
        env = os.environ if environ is None else environ
        allow: frozenset[str] | None = None
        if ENV_ALLOW in env:
            allow = frozenset(_split(env[ENV_ALLOW]))
        if only is not None:
            allow = frozenset(only) if allow is None else allow & frozenset(only)
        off = frozenset([*disabled, *config_disabled, *_split(env.get(ENV_DISABLE))])
        strict = env.get(ENV_STRICT, "").strip().lower() not in ("", "0", "false", "no")
        return cls(only=allow, disabled=off, strict=strict)


def load_registry(
    *,
    disabled: Iterable[str] = (),
    only: Iterable[str] | None = None,
    strict: bool | None = None,
    config_disabled: Iterable[str] = (),
    environ: Mapping[str, str] | None = None,
) -> Registry:
    """Discover the ``supple`` entry points, load the selected plugins and collect their
    contributions. Failures are isolated and reported (strict mode raises :class:`PluginError`).
    """
    from importlib.metadata import entry_points

    selection = Selection.from_environment(
        disabled=disabled, only=only, config_disabled=config_disabled, environ=environ
    )
    if strict is not None:
        selection = attrs.evolve(selection, strict=strict)

    candidates: list[tuple[PluginInfo, Callable[[], object] | None]] = []
    seen: dict[str, PluginInfo] = {}
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: (e.name, e.value)):
        dist = getattr(ep, "dist", None)
        dist_name = dist.metadata["Name"] if dist is not None else None
        info = PluginInfo(
            name=ep.name,
            module=ep.value,
            distribution=dist_name,
            version=dist.version if dist is not None else None,
            builtin=(dist_name or "").lower() == BUILTIN_DISTRIBUTION,
        )
        if ep.name in seen:
            if seen[ep.name].module == ep.value and seen[ep.name].distribution == dist_name:
                continue  # the same distribution found twice on sys.path
            info.fail(
                f"the plugin name {ep.name!r} is also used by distribution "
                f"{seen[ep.name].distribution!r}; rename one of them",
                fatal=True,
            )
            candidates.append((info, None))
            continue
        seen[ep.name] = info
        if not selection.allows(ep.name):
            info.status = "disabled"
            candidates.append((info, None))
            continue
        candidates.append((info, ep.load))
    return _build(candidates, selection.strict)


def registry_from_plugins(
    plugins: Iterable[object] | Mapping[str, object], *, strict: bool = False
) -> Registry:
    """A registry holding only ``plugins`` (modules or objects with hook implementations),
    without looking at entry points. For tests and for embedding supple.

    Give a mapping to choose the plugin names; otherwise a module's name is used.
    """
    if isinstance(plugins, Mapping):
        named = list(plugins.items())
    else:
        named = [(getattr(p, "__name__", None) or type(p).__name__, p) for p in plugins]
    candidates = [
        (PluginInfo(name=name, module=getattr(obj, "__name__", "")), (lambda obj=obj: obj))
        for name, obj in named
    ]
    return _build(candidates, strict)


def _build(candidates: list[tuple[PluginInfo, Callable[[], object] | None]], strict: bool) -> Registry:
    import pluggy

    from supple import hookspecs
    from supple.markers import PROJECT

    pm = pluggy.PluginManager(PROJECT)
    pm.add_hookspecs(hookspecs)
    infos: dict[str, PluginInfo] = {}
    for info, load in candidates:
        infos[info.name] = info
        if load is None:
            continue
        try:
            obj = load()
        except (Exception, SystemExit) as exc:  # a plugin must never take supple down
            info.fail(f"failed to import: {_describe(exc)}", fatal=True)
            continue
        try:
            pm.register(obj, name=info.name)
        except Exception as exc:
            info.fail(f"invalid hook implementation: {_describe(exc)}", fatal=True)
            continue
        _check_hooks(pm, obj, info)

    provided: dict[str, dict[str, Provided]] = {}
    for hook, (cls, word) in CONTRIBUTION_TYPES.items():
        by_name: dict[str, list[Provided]] = {}
        for impl in getattr(pm.hook, hook).get_hookimpls():
            info = infos[impl.plugin_name]
            try:
                items = list(impl.function() or ())
            except Exception as exc:
                info.fail(f"{hook}() raised {_describe(exc)}")
                continue
            good = []
            for item in items:
                if not isinstance(item, cls):
                    info.fail(
                        f"{hook}() returned {type(item).__name__} {_short(item)} where a "
                        f"{cls.__name__} was expected"
                    )
                    good = None
                    break
                good.append(item)
            if good is None:
                continue
            for item in good:
                by_name.setdefault(item.name, []).append(Provided(item, info.name))
        chosen: dict[str, Provided] = {}
        for name, providers in sorted(by_name.items()):
            owners = sorted({p.plugin for p in providers})
            if len(providers) > 1:
                who = " and ".join(repr(o) for o in owners) if len(owners) > 1 else repr(owners[0]) + " twice"
                for owner in owners:
                    infos[owner].fail(
                        f"{word} {name!r} is provided by {who}; it is left out until one of them is disabled"
                    )
                continue
            chosen[name] = providers[0]
            infos[providers[0].plugin].contributes.setdefault(word, []).append(name)
        provided[hook] = chosen

    for info in infos.values():
        if info.status == "active" and info.errors:
            info.status = "partial"
    registry = Registry(list(infos.values()), provided)
    if strict and registry.failures:
        first = registry.failures[0]
        raise PluginError(first.name, "; ".join(first.errors) + " (strict mode: unset SUPPLE_STRICT_PLUGINS to carry on without it)")
    return registry


def _check_hooks(pm: Any, obj: object, info: PluginInfo) -> None:
    """Report hook implementations for hooks that do not exist (a misspelled name would
    otherwise do nothing, silently), and supple_* functions not marked as implementations."""
    from supple.markers import PROJECT

    specs = sorted(CONTRIBUTION_TYPES)
    for caller in pm.get_hookcallers(obj) or ():
        if caller.has_spec():
            continue
        impls = [i for i in caller.get_hookimpls() if i.plugin is obj and not i.optionalhook]
        if impls:
            close = difflib.get_close_matches(caller.name, specs, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            info.fail(f"implements unknown hook {caller.name!r}{hint}")
    marked = {c.name for c in pm.get_hookcallers(obj) or ()}
    for attr in sorted(dir(obj)):
        if attr.startswith(f"{PROJECT}_") and attr not in marked and callable(getattr(obj, attr, None)):
            if attr in CONTRIBUTION_TYPES:
                info.fail(f"function {attr!r} is not marked with @supple.hookimpl, so it is never called")


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


def _short(item: object) -> str:
    text = repr(item)
    return text if len(text) <= 60 else text[:57] + "..."
