"""The plugin registry: loads plugins, collects what they contribute, isolates failures.

Loading is explicit and lazy (:func:`load_registry` is called by the commands that need
plugins, never at import time). Each entry point is imported on its own inside ``try``; each
plugin's implementation of each hook is called on its own and what it returns is checked;
whatever fails is recorded against the plugin that caused it and left out, so the rest keeps
working. Two plugins contributing the same name is an error naming both, and that name is left
out until one is disabled (a plugin that ships with supple keeps its names: the third-party
plugin that clashes with it is the one left out). Results are sorted by name, so registration
order never changes behaviour.

Selecting plugins (decided from entry-point names, before anything is imported):

* ``SUPPLE_PLUGINS=a,b``: load only these third-party plugins (an allow-list; set but empty
  loads none). The plugins that ship with supple always load unless disabled by name.
* ``SUPPLE_DISABLE_PLUGINS=a,b``, ``[plugins] disable = [...]`` in the user's
  ``config.toml``, or ``supple --disable-plugin NAME``: skip these (built-in ones too).
* ``SUPPLE_STRICT_PLUGINS=1``: any plugin failure is an error (for plugin developers).

Plugin settings: a plugin declares a settings class with the ``supple_settings`` hook;
:meth:`Registry.structure_settings` turns a routine's ``[plugins.NAME]`` tables into those
objects (located errors), and the planning pipeline hands them on, read-only.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, NamedTuple

import attrs

from supple.catalogue import Catalogue, CatalogueEntry
from supple.contributions import CONTRIBUTION_KINDS, contribution_class
from supple.errors import InputError, PluginError, Problem
from supple.suggest import close_matches

ENTRY_POINT_GROUP = "supple"
ENV_ALLOW = "SUPPLE_PLUGINS"
ENV_DISABLE = "SUPPLE_DISABLE_PLUGINS"
ENV_STRICT = "SUPPLE_STRICT_PLUGINS"

#: The distribution that ships the first-party plugins.
BUILTIN_DISTRIBUTION = "supple"

#: The most items one hook implementation may return (a runaway generator is a plugin bug).
MAX_ITEMS_PER_HOOK = 10_000

#: Where a plugin was disabled, as ``supple plugins`` says it.
BY_OPTION = "--disable-plugin"
BY_ENV = ENV_DISABLE
BY_CONFIG = "config.toml [plugins] disable"

# compiled on first use (the re module caches them): only a failing plugin needs them
_CONTROL = r"[\x00-\x1f\x7f-\x9f\u2028\u2029]"
_ATTRS_FRAME = r"^<attrs generated [\w ]+? ([\w.]+)>$"


@attrs.define
class PluginInfo:
    """What ``supple plugins`` reports about one plugin.

    ``status`` is ``active`` (everything it contributes is in use), ``partial`` (some of it
    failed and was left out), ``failed`` (nothing of it is used) or ``disabled`` (not
    loaded; ``disabled_by`` says where: ``--disable-plugin``, ``SUPPLE_DISABLE_PLUGINS``,
    the config file, or ``not in SUPPLE_PLUGINS``). ``contributes`` maps a contribution kind
    (``exercise set``, ``exporter``...) to the names it provides; ``errors`` says what went
    wrong, in words, one entry per problem.
    """

    name: str
    module: str = ""
    distribution: str | None = None
    version: str | None = None
    builtin: bool = False
    status: str = "active"
    contributes: dict[str, list[str]] = attrs.field(factory=dict)
    errors: list[str] = attrs.field(factory=list)
    disabled_by: str | None = None

    def fail(self, message: str, *, fatal: bool = False) -> None:
        """Record a problem; ``fatal`` when nothing of the plugin can be used."""
        self.errors.append(re.sub(_CONTROL, " ", message))
        self.status = "failed" if fatal or self.status == "failed" else "partial"

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "version": self.version,
            "status": self.status,
            "contributes": {k: list(v) for k, v in sorted(self.contributes.items())},
            "error": "; ".join(self.errors) or None,
            "errors": list(self.errors),
            "disabled_by": self.disabled_by,
            "distribution": self.distribution,
            "module": self.module,
            "builtin": self.builtin,
        }


class Provided(NamedTuple):
    """A contribution with the name of the plugin that provided it."""

    item: Any
    plugin: str


class Registry:
    """Everything the loaded plugins contribute, by kind and name, plus a report per plugin.

    Look contributions up with :meth:`get` (``registry.get("exporter", "ics")``) or read the
    sorted dictionaries: :attr:`exercise_sets`, :attr:`timing_strategies`,
    :attr:`progression_strategies`, :attr:`safety_filters`, :attr:`exporters`,
    :attr:`routines`, :attr:`settings`. :attr:`catalogue` indexes every exercise.
    :attr:`plugins` reports on every plugin found (sorted by name), :attr:`failures` on those
    that failed, :attr:`notes` on selections that named no installed plugin.
    """

    def __init__(
        self,
        plugins: Sequence[PluginInfo],
        provided: Mapping[str, Mapping[str, Provided]] | None = None,
        *,
        notes: Iterable[str] = (),
        collect: Callable[[str], Mapping[str, Provided]] | None = None,
        strict: bool = False,
    ):
        self._plugins: tuple[PluginInfo, ...] = tuple(
            sorted(plugins, key=lambda p: (p.name, p.distribution or "", p.module))
        )
        self._provided: dict[str, Mapping[str, Provided]] = dict(provided or {})
        self._collect = collect
        self._strict = strict
        self._cache: dict[str, dict[str, Any]] = {}
        self.notes: tuple[str, ...] = tuple(notes)
        self._catalogue: Catalogue | None = None

    # Each hook is called the first time its contributions are needed, so a command pays only
    # for what it uses (`supple check` never builds a safety filter or an exporter).
    def _hook(self, hook: str, *, strict: bool = True) -> Mapping[str, Provided]:
        found = self._provided.get(hook)
        if found is None:
            found = self._collect(hook) if self._collect is not None else {}
            self._provided[hook] = found
            if self._strict and strict:
                _raise_strict(self.failures_so_far)
        return found

    def _items(self, hook: str) -> dict[str, Any]:
        items = self._cache.get(hook)
        if items is None:
            items = {name: p.item for name, p in sorted(self._hook(hook).items())}
            if hook == "supple_safety_filters":
                items = dict(sorted(items.items(), key=lambda kv: (kv[1].order, kv[0])))
            self._cache[hook] = items
        return items

    @property
    def exercise_sets(self) -> dict[str, Any]:
        return self._items("supple_exercise_sets")

    @property
    def timing_strategies(self) -> dict[str, Any]:
        return self._items("supple_timing_strategies")

    @property
    def progression_strategies(self) -> dict[str, Any]:
        return self._items("supple_progression_strategies")

    @property
    def safety_filters(self) -> dict[str, Any]:
        """Safety filters in the order they run (``order``, then name)."""
        return self._items("supple_safety_filters")

    @property
    def exporters(self) -> dict[str, Any]:
        return self._items("supple_exporters")

    @property
    def routines(self) -> dict[str, Any]:
        return self._items("supple_routines")

    @property
    def settings(self) -> dict[str, Any]:
        return self._items("supple_settings")

    @property
    def plugins(self) -> tuple[PluginInfo, ...]:
        """A report on every plugin found, sorted by name (every hook is called to complete it)."""
        self.collect_all()
        return self._plugins

    def collect_all(self) -> Registry:
        """Call every hook now (``supple plugins`` reports on all of them)."""
        for hook in CONTRIBUTION_KINDS:
            self._hook(hook, strict=False)
        if self._strict:
            _raise_strict(self.failures_so_far)
        return self

    @property
    def catalogue(self) -> Catalogue:
        """Every exercise of every exercise set (built on first use)."""
        if self._catalogue is None:
            provided = self._hook("supple_exercise_sets")
            self._catalogue = Catalogue(
                CatalogueEntry(exercise, name, p.plugin)
                for name, p in provided.items()
                for exercise in p.item.exercises
            )
        return self._catalogue

    def provider(self, kind: str, name: str) -> str | None:
        """The plugin that provided contribution ``name`` of ``kind`` (a hook's word such as
        ``"exporter"``), or ``None``."""
        entry = self._hook(_hook_for(kind)).get(name)
        return entry.plugin if entry else None

    def plugin(self, name: str, *, complete: bool = True) -> PluginInfo | None:
        """The report on the plugin called ``name``, if one was found (``complete=False``:
        without calling the hooks not called yet)."""
        for info in (self.plugins if complete else self._plugins):
            if info.name == name:
                return info
        return None

    def get(self, kind: str, name: str, *, file: str | None = None, key: str | None = None) -> Any:
        """The contribution ``name`` of ``kind`` (``"timing strategy"``, ``"exporter"``...).

        Raises :class:`InputError` located at ``file``/``key`` when it is unknown, with a
        did-you-mean and, when plugins failed, conflicted over that name or were not loaded,
        why it may be missing.
        """
        hook = _hook_for(kind)
        entry = self._hook(hook).get(name)
        if entry is not None:
            return entry.item
        known = sorted(self._hook(hook))
        why = [e for p in self.plugins for e in p.errors if repr(name) in e]
        message = f"unknown {kind} {name!r}"
        close = close_matches(name, known, n=3, cutoff=0.6)
        if close:
            message += f"; did you mean {' or '.join(repr(c) for c in close)}?"
        elif known:
            message += f" (known: {', '.join(known)})"
        else:
            message += " (no plugin provides any)"
        if why:
            message += " [" + "; ".join(why) + "]"
        elif not close:
            off = [p for p in self.plugins if p.status in ("disabled", "failed")]
            if off:
                listed = ", ".join(f"{p.name} ({p.disabled_by or p.status})" for p in off[:6])
                more = f" and {len(off) - 6} more" if len(off) > 6 else ""
                message += f"; plugins not loaded: {listed}{more} (see `supple plugins --all`)"
        raise InputError.at(message, file, key)

    def names(self, kind: str) -> list[str]:
        """The sorted names of every contribution of ``kind``."""
        return sorted(self._hook(_hook_for(kind)))

    @property
    def failures(self) -> list[PluginInfo]:
        """Plugins that failed wholly or in part (every hook is called to know)."""
        self.collect_all()
        return self.failures_so_far

    @property
    def failures_so_far(self) -> list[PluginInfo]:
        """Plugins that failed in what has been loaded and called so far."""
        return [p for p in self._plugins if p.errors]

    def structure_settings(
        self, tables: Mapping[str, Mapping[str, Any]], *, file: str | None = None
    ) -> Mapping[str, Any]:
        """The plugins' settings objects for a routine, by settings name.

        ``tables`` are the routine's ``[plugins.NAME]`` tables. Every declared settings class
        gets its table structured with the engine's strict converter, or its defaults when the
        routine has no table for it (built when first read: a command that only checks the
        routine never builds them). A table nobody declares is an error with a did-you-mean,
        unless it names a plugin that is disabled or failed (then it cannot be checked and is
        left alone). Raises :class:`InputError` listing every problem, and
        :class:`supple.PluginError` when a declared options class cannot be loaded.
        """
        from supple.loading import structure

        problems: list[Problem] = []
        out: dict[str, Any] = {}
        for name, declared in self.settings.items():
            if name not in tables:
                continue
            declared.defaults()  # the class loads and has defaults, or the plugin is at fault
            try:
                out[name] = structure(
                    dict(tables[name]), declared.options, file=file, key=f"plugins.{name}"
                )
            except InputError as exc:
                problems.extend(exc.problems)
        for name in sorted(tables):
            if name in self.settings:
                continue
            info = self.plugin(name, complete=False)
            if info is not None and info.status != "active":
                continue  # disabled or broken: its settings cannot be checked
            if info is not None:
                problems.append(Problem(
                    f"plugin {name!r} takes no settings", file, f"plugins.{name}"))
                continue
            choices = sorted({*self.settings, *(p.name for p in self.plugins)})
            close = close_matches(name, choices, n=1, cutoff=0.6)
            if close:
                hint = f"; did you mean [plugins.{close[0]}]?"
            elif self.settings:
                hint = f" (plugins with settings: {', '.join(sorted(self.settings))})"
            else:
                hint = " (no loaded plugin takes settings)"
            problems.append(Problem(f"no plugin called {name!r} takes settings{hint}", file, f"plugins.{name}"))
        if problems:
            raise InputError(problems)
        return _Settings(out, self.settings)


class _Settings(Mapping[str, Any]):
    """The plugins' settings objects by name, read-only: those structured from the routine's
    tables, and the defaults of every other declared class, built when first read."""

    __slots__ = ("_objects", "_declared")

    def __init__(self, objects: dict[str, Any], declared: Mapping[str, Any]) -> None:
        self._objects = objects
        self._declared = declared

    def __getitem__(self, name: str) -> Any:
        found = self._objects.get(name)
        if found is None:
            found = self._objects[name] = self._declared[name].defaults()
        return found

    def __iter__(self):
        return iter(self._declared)

    def __len__(self) -> int:
        return len(self._declared)

    def __repr__(self) -> str:
        return f"<settings {dict(self)!r}>"


def _hook_for(kind: str) -> str:
    for hook, (_, word) in CONTRIBUTION_KINDS.items():
        if kind in (word, hook):
            return hook
    raise ValueError(f"no contribution kind {kind!r}")


# ---------------------------------------------------------------------------------------------
# Selecting


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() not in ("", "0", "false", "no", "off")


class Selection(NamedTuple):
    """Which plugins to load, decided before anything is imported.

    ``only`` is the allow-list of third-party plugins (``None``: all of them; it never
    excludes the plugins that ship with supple), ``disabled`` names to skip (built-in or
    not), ``disabled_by`` where each was disabled, ``strict`` whether failures are errors.
    """

    only: frozenset[str] | None = None
    disabled: frozenset[str] = frozenset()
    strict: bool = False
    disabled_by: Mapping[str, str] = MappingProxyType({})
    only_source: str = ENV_ALLOW

    def allows(self, name: str, builtin: bool = False) -> bool:
        return self.why_not(name, builtin) is None

    def why_not(self, name: str, builtin: bool = False) -> str | None:
        """Why plugin ``name`` is not loaded (``None`` when it is)."""
        if name in self.disabled:
            return self.disabled_by.get(name, "disabled")
        if self.only is not None and not builtin and name not in self.only:
            return f"not in {self.only_source}"
        return None

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
        source = ENV_ALLOW
        if ENV_ALLOW in env:
            allow = frozenset(_split(env[ENV_ALLOW]))
        if only is not None:
            source = ENV_ALLOW if allow is not None else "the selected plugins"
            allow = frozenset(only) if allow is None else allow & frozenset(only)
        by: dict[str, str] = {}
        for names, where in ((config_disabled, BY_CONFIG), (_split(env.get(ENV_DISABLE)), BY_ENV),
                             (disabled, BY_OPTION)):
            for name in names:
                by[name] = where  # the most direct way wins: option over variable over file
        return cls(only=allow, disabled=frozenset(by), strict=_truthy(env.get(ENV_STRICT)),
                   disabled_by=by, only_source=source)


# ---------------------------------------------------------------------------------------------
# Loading


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

    ``disabled`` (the ``--disable-plugin`` option), ``config_disabled`` (the user's config
    file) and ``SUPPLE_DISABLE_PLUGINS`` skip plugins by name; ``only`` and
    ``SUPPLE_PLUGINS`` restrict the third-party ones; ``strict`` overrides
    ``SUPPLE_STRICT_PLUGINS``. ``environ`` replaces ``os.environ`` (for tests).
    """
    selection = Selection.from_environment(
        disabled=disabled, only=only, config_disabled=config_disabled, environ=environ
    )
    if strict is not None:
        selection = selection._replace(strict=strict)
    candidates, notes = _discover(selection)
    return _build(candidates, selection.strict, notes=notes)


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
    from supple.discovery import find

    found = []
    for ep in find(ENTRY_POINT_GROUP):
        info = PluginInfo(
            name=ep.name,
            module=ep.value,
            distribution=ep.distribution,
            version=ep.version,
            builtin=_normalize(ep.distribution) == BUILTIN_DISTRIBUTION,
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

    notes = []
    for name in sorted(selection.disabled - set(seen)):
        notes.append(f"{selection.disabled_by.get(name, 'disabled')} names {name!r}, "
                     "but no installed plugin has that name")
    for name in sorted((selection.only or frozenset()) - set(seen)):
        notes.append(f"{selection.only_source} names {name!r}, but no installed plugin has that name")
    return candidates, notes


def _build(
    candidates: list[tuple[PluginInfo, Callable[[], object] | None]],
    strict: bool,
    *,
    notes: Iterable[str] = (),
) -> Registry:
    import pluggy

    from supple import hookspecs
    from supple.markers import PROJECT

    pm = pluggy.PluginManager(PROJECT)
    pm.add_hookspecs(hookspecs)
    infos = [info for info, _ in candidates]
    loaded: dict[str, PluginInfo] = {}
    for info, load in candidates:
        if load is None:
            continue
        try:
            obj = load()
        except (Exception, SystemExit) as exc:  # a plugin must never take supple down
            info.fail(f"failed to import {info.module or info.name}: {_describe(exc)}", fatal=True)
            continue
        other = pm.get_name(obj)
        if other is not None:
            info.fail(f"{info.module or info.name} is already loaded as plugin {other!r}", fatal=True)
            continue
        if info.name in loaded:
            info.fail(f"another plugin is already loaded under the name {info.name!r}", fatal=True)
            continue
        try:
            pm.register(obj, name=info.name)
        except pluggy.PluginValidationError as exc:
            info.fail(f"invalid hook implementation: {_oneline(exc)}", fatal=True)
            continue
        except Exception as exc:
            info.fail(f"could not be registered: {_describe(exc)}", fatal=True)
            continue
        loaded[info.name] = info
        _check_hooks(pm, obj, info)

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
            winner = _settle(word, name, providers, loaded)
            if winner is not None:
                chosen[name] = winner
                loaded[winner.plugin].contributes.setdefault(word, []).append(name)
        return chosen

    registry = Registry(infos, notes=notes, collect=collect, strict=strict)
    if strict:  # for plugin developers: every hook now, and any failure is an error
        registry.collect_all()
        _raise_strict(registry.failures_so_far)
    return registry


def _raise_strict(failures: list[PluginInfo]) -> None:
    if failures:
        first, *rest = failures
        also = f" (also failing: {', '.join(repr(p.name) for p in rest)})" if rest else ""
        raise PluginError(
            first.name,
            "; ".join(first.errors) + also
            + f" [strict mode: unset {ENV_STRICT} to carry on without the failing plugins]",
        )


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
        result = impl.function()
        if result is None:
            return []
        if isinstance(result, (str, bytes, Mapping, cls)) or not isinstance(result, Iterable):
            info.fail(
                f"{hook}() returned {_a(result)} where an iterable of {noun} was expected "
                "(yield each one, or return a list)"
            )
            return None
        items = []
        for item in result:
            if len(items) >= MAX_ITEMS_PER_HOOK:
                info.fail(f"{hook}() returned more than {MAX_ITEMS_PER_HOOK:,} items; none are used")
                return None
            items.append(item)
    except Exception as exc:
        info.fail(_raised(hook, exc))
        return None
    for item in items:
        if not isinstance(item, cls):
            info.fail(
                f"{hook}() returned {_a(item)} {_short(item)} where {_article(cls.__name__)} "
                "was expected; none of its items are used"
            )
            return None
    return items


def _check_hooks(pm: Any, obj: object, info: PluginInfo) -> None:
    """Report hook implementations for hooks that do not exist (a misspelled name would
    otherwise do nothing, silently), and ``supple_*`` functions not marked as implementations
    whose name is, or is close to, a hook's."""
    from supple.markers import PROJECT

    specs = sorted(CONTRIBUTION_KINDS)
    for caller in pm.get_hookcallers(obj) or ():
        if caller.has_spec():
            continue
        impls = [i for i in caller.get_hookimpls() if i.plugin is obj and not i.optionalhook]
        if impls:
            close = close_matches(caller.name, specs, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f" (hooks: {', '.join(specs)})"
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


def _raised(hook: str, exc: BaseException) -> str:
    """Say what a hook implementation raised, naming an invalid object it was building and
    where in the plugin it happened."""
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    built = None
    for frame in frames:
        match = re.match(_ATTRS_FRAME, frame.filename)
        if match:
            built = match.group(1).rsplit(".", 1)[-1]
    if built:
        text = f"{hook}() built an invalid {built}: {_message(exc)}"
    else:
        text = f"{hook}() raised {type(exc).__name__}: {_message(exc)}"
    where = _plugin_frame(frames)
    return text + (f" (at {where})" if where else "")


def _library_dirs() -> tuple[str, ...]:
    import attr
    import pluggy

    dirs = [os.path.dirname(os.path.abspath(__file__))]
    for module in (attr, attrs, pluggy):
        dirs.append(os.path.dirname(os.path.abspath(module.__file__ or "")))
    return tuple(d + os.sep for d in dirs)


def _plugin_frame(frames: Any) -> str | None:
    """``package/file.py:LINE`` of the innermost frame in the plugin's own code."""
    skip = _library_dirs()
    for frame in reversed(frames):
        name = frame.filename
        if name.startswith("<") or os.path.abspath(name).startswith(skip):
            continue
        parent = os.path.basename(os.path.dirname(name))
        return f"{parent}/{os.path.basename(name)}:{frame.lineno}" if parent else f"{name}:{frame.lineno}"
    return None


def _message(exc: BaseException) -> str:
    text = str(exc)
    if text.startswith("(") and exc.args and isinstance(exc.args[0], str):
        text = exc.args[0]  # attrs' validators put extra objects in args
    lines = text.strip().splitlines()
    first = lines[0] if lines else ""
    return first if len(first) <= 300 else first[:297] + "..."


def _describe(exc: BaseException) -> str:
    message = _message(exc)
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def _oneline(exc: BaseException) -> str:
    return "; ".join(line.strip() for line in str(exc).splitlines() if line.strip())


def _a(value: object) -> str:
    return _article(type(value).__name__)


def _article(name: str) -> str:
    return f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"


def _short(item: object) -> str:
    try:
        text = repr(item)
    except Exception:
        text = f"<{type(item).__name__}>"
    return text if len(text) <= 60 else text[:57] + "..."
