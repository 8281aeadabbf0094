"""The plugin registry: what the loaded plugins contribute, by kind and name, and a report on
every plugin found (:class:`PluginInfo`).

Each hook is called the first time its contributions are needed, so a command pays only for
what it uses. Results are sorted by name, so registration order never changes behaviour.
Plugin settings: :meth:`Registry.structure_settings` turns a routine's ``[plugins.NAME]``
tables into the objects the plugins declared with the ``supple_settings`` hook.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, overload

import attrs

from supple.errors import InputError, PluginError, Problem, Problems
from supple.plugin.catalogue import Catalogue
from supple.plugin.contributions import CONTRIBUTION_KINDS
from supple.plugin.names import alternatives
from supple.plugin.selection import ENV_STRICT
from supple.text import did_you_mean

if TYPE_CHECKING:
    from supple.model.exercise import ExerciseSet
    from supple.model.vocabulary import Vocabulary
    from supple.plugin.contributions import BundledRoutine, Exporter, PluginSettings
    from supple.plugin.filters import SafetyFilter
    from supple.plugin.strategies import ProgressionStrategy, TimingStrategy

# compiled on first use (the re module caches them): only a failing plugin needs them
_CONTROL = r"[\x00-\x1f\x7f-\x9f\u2028\u2029]"


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
    notes: list[str] = attrs.field(factory=list)  # shared names, and how to reach them
    #: the hook API the plugin says it targets (its module's ``SUPPLE_HOOK_API``), if it says
    hook_api: tuple[int, int] | None = None

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
            "errors": list(self.errors), "notes": list(self.notes),
            "hook_api": list(self.hook_api) if self.hook_api else None,
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
        #: What every command must tell the user (an attempt to disable an essential plugin).
        self.warnings: tuple[str, ...] = ()
        #: Sets and plugins that win a shared plain name after the built-in ones ([names] prefer).
        self.prefer: tuple[str, ...] = ()
        self._catalogue: Catalogue | None = None
        self._vocabulary: Vocabulary | None = None

    def warn(self, message: str) -> None:
        """Add a warning every command prints once it is done (once per message)."""
        self.warnings = (*self.warnings, *([message] if message not in self.warnings else []))

    # Each hook is called the first time its contributions are needed, so a command pays only
    # for what it uses (`supple check` never builds a safety filter or an exporter).
    def _hook(self, hook: str, *, strict: bool = True) -> Mapping[str, Provided]:
        found = self._provided.get(hook)
        if found is None:
            found = self._collect(hook) if self._collect is not None else {}
            if hook == "supple_exercise_sets" and found:
                from supple.plugin.content import enforce

                found = enforce(found, self.vocabulary, lambda n: self.plugin(n, complete=False))
            self._provided[hook] = found
            if self._strict and strict:
                raise_strict(self.failures_so_far)
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
    def exercise_sets(self) -> Mapping[str, ExerciseSet]:
        return self._items("supple_exercise_sets")

    @property
    def timing_strategies(self) -> Mapping[str, TimingStrategy]:
        return self._items("supple_timing_strategies")

    @property
    def progression_strategies(self) -> Mapping[str, ProgressionStrategy]:
        return self._items("supple_progression_strategies")

    @property
    def safety_filters(self) -> Mapping[str, SafetyFilter]:
        """Safety filters in the order they run (``order``, then name)."""
        return self._items("supple_safety_filters")

    @property
    def exporters(self) -> Mapping[str, Exporter]:
        return self._items("supple_exporters")

    @property
    def routines(self) -> Mapping[str, BundledRoutine]:
        return self._items("supple_routines")

    @property
    def settings(self) -> Mapping[str, PluginSettings]:
        return self._items("supple_settings")

    @property
    def vocabulary(self) -> Vocabulary:
        """The built-in terms and those the plugins add (``supple_vocabulary``)."""
        if self._vocabulary is None:
            from supple.plugin.content import build_vocabulary

            self._vocabulary = build_vocabulary(
                self._hook("supple_vocabulary", strict=False),
                lambda n: self.plugin(n, complete=False))
        return self._vocabulary

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
            raise_strict(self.failures_so_far)
        return self

    @property
    def catalogue(self) -> Catalogue:
        """Every exercise of every exercise set (built on first use)."""
        if self._catalogue is None:
            from supple.plugin.content import build_catalogue

            self._catalogue = build_catalogue(
                self._hook("supple_exercise_sets"), lambda n: self.plugin(n, complete=False), self.prefer)
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

    @overload
    def get(self, kind: Literal["exercise set"], name: str, *, file: str | None = ...,
            key: str | None = ...) -> ExerciseSet: ...
    @overload
    def get(self, kind: Literal["timing strategy"], name: str, *, file: str | None = ...,
            key: str | None = ...) -> TimingStrategy: ...
    @overload
    def get(self, kind: Literal["progression strategy"], name: str, *, file: str | None = ...,
            key: str | None = ...) -> ProgressionStrategy: ...
    @overload
    def get(self, kind: Literal["safety filter"], name: str, *, file: str | None = ...,
            key: str | None = ...) -> SafetyFilter: ...
    @overload
    def get(self, kind: Literal["exporter"], name: str, *, file: str | None = ...,
            key: str | None = ...) -> Exporter: ...
    @overload
    def get(self, kind: Literal["routine"], name: str, *, file: str | None = ...,
            key: str | None = ...) -> BundledRoutine: ...
    @overload
    def get(self, kind: Literal["settings"], name: str, *, file: str | None = ...,
            key: str | None = ...) -> PluginSettings: ...
    @overload
    def get(self, kind: str, name: str, *, file: str | None = ..., key: str | None = ...) -> object: ...
    def get(self, kind: str, name: str, *, file: str | None = None, key: str | None = None) -> object:
        """The contribution ``name`` of ``kind`` (``"timing strategy"``, ``"exporter"``...).

        Raises :class:`InputError` located at ``file``/``key`` when it is unknown, with a
        did-you-mean and, when plugins failed, conflicted over that name or were not loaded,
        why it may be missing.
        """
        hook = _hook_for(kind)
        entry = self._hook(hook).get(name) or self._hook(hook).get(name.partition(":")[2])
        if entry is not None and (":" not in name or entry.plugin == name.partition(":")[0]):
            return entry.item
        known = sorted(self._hook(hook))
        if shared := alternatives(name, known):
            raise InputError.at(f"{kind} {name!r} is provided by several plugins; write one of "
                                f"{', '.join(shared)} (or list your choice in config.toml's "
                                "[names] prefer)", file, key)
        why = [e for p in self.plugins for e in p.errors if repr(name) in e]
        message = f"unknown {kind} {name!r}"
        hint = did_you_mean(name, known, n=3)
        if hint:
            message += hint
        elif known:
            message += f" (known: {', '.join(known)})"
        else:
            message += " (no plugin provides any)"
        if why:
            message += " [" + "; ".join(why) + "]"
        elif not hint:
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
        self,
        tables: Mapping[str, Mapping[str, Any]],
        *,
        file: str | None = None,
        person: Mapping[str, Mapping[str, Any]] | None = None,
        person_file: str | None = None,
    ) -> Mapping[str, Any]:
        """The plugins' settings objects for a routine, by settings name.

        ``tables`` are the routine's ``[plugins.NAME]`` tables, ``person`` those of the
        person's profile (``person_file``). Every declared settings class gets the person's
        table with the routine's keys over it, structured with the engine's strict converter,
        or its defaults when neither has a table (built when first read: a command that only
        checks the routine never builds them). Only the person may make a plugin's settings
        less strict: a routine value that the plugin's ``relaxes`` finds looser than the
        person's (or the default) is an error that says where it belongs, and so is a routine
        value for a field that describes the person (``supple.setting(person=True)``). A table nobody
        declares is an error with a did-you-mean, unless it names a plugin that is disabled or
        failed (then it cannot be checked and is left alone). Raises :class:`InputError`
        listing every problem, and :class:`supple.PluginError` when a declared options class
        cannot be loaded.
        """
        from supple.io.convert import structure
        from supple.plugin.setting_fields import person_keys

        person = person or {}
        problems = Problems()
        out: dict[str, Any] = {}
        for name, declared in self.settings.items():
            if name not in tables and name not in person:
                continue
            baseline = declared.defaults()  # the class loads and has defaults, or the plugin is at fault
            try:
                if name in person:
                    baseline = structure(dict(person[name]), declared.options, file=person_file,
                                         key=f"plugins.{name}")
                out[name] = baseline
                if name in tables:
                    mine = person_keys(declared.options) & set(tables[name])
                    problems.extend(Problem(
                        "describes the person, so only the person sets it: in their profile's "
                        f"[plugins.{name}] table (or config.toml's), not in a routine", file,
                        f"plugins.{name}.{key}") for key in sorted(mine))
                    merged = {**person.get(name, {}),
                              **{k: v for k, v in tables[name].items() if k not in mine}}
                    chosen: Any = structure(merged, declared.options, file=file, key=f"plugins.{name}")
                    relaxes = declared.relaxes
                    looser = sorted(set(relaxes(chosen, baseline) if relaxes else ()) & set(tables[name]))
                    for key in looser:
                        problems.append(Problem(
                            f"{tables[name][key]!r} makes safety less strict than "
                            f"{getattr(baseline, key)!r}{' (your profile)' if name in person else ' (the default)'}; "
                            "a routine may only make safety stricter: only the person can relax it, "
                            f"in their profile's [plugins.{name}] table", file, f"plugins.{name}.{key}"))
                    out[name] = chosen
            except InputError as exc:
                problems.extend(exc.problems)
        for name in sorted(person):
            if name not in self.settings and (self.plugin(name, complete=False) or None) is None:
                hint = did_you_mean(name, sorted(self.settings), show=lambda c: f"[plugins.{c}]")
                problems.append(Problem(f"no plugin called {name!r} takes settings{hint}",
                                        person_file, f"plugins.{name}"))
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
            hint = did_you_mean(name, choices, show=lambda c: f"[plugins.{c}]")
            if hint:
                pass
            elif self.settings:
                hint = f" (plugins with settings: {', '.join(sorted(self.settings))})"
            else:
                hint = " (no loaded plugin takes settings)"
            problems.append(Problem(f"no plugin called {name!r} takes settings{hint}", file, f"plugins.{name}"))
        problems.raise_if_any()
        from supple.plugin.settings_view import SettingsView

        return SettingsView(out, self.settings)


def _hook_for(kind: str) -> str:
    for hook, (_, word) in CONTRIBUTION_KINDS.items():
        if kind in (word, hook):
            return hook
    raise ValueError(f"no contribution kind {kind!r}")


def raise_strict(failures: list[PluginInfo]) -> None:
    if failures:
        first, *rest = failures
        also = f" (also failing: {', '.join(repr(p.name) for p in rest)})" if rest else ""
        raise PluginError(
            first.name,
            "; ".join(first.errors) + also
            + f" [strict mode: unset {ENV_STRICT} to carry on without the failing plugins]",
        )
