"""The small typed objects plugins return from hooks, one class per hook, and what they share.

Each names itself, says in one line what it does, and carries the callable that does the work.
A contribution with ``options`` (an attrs class) gets its settings from the routine file,
structured and validated by the engine with located error messages; ``options=None`` means it
takes none. The engine never imports a plugin's heavy dependencies: import them inside the
callable, not at module level.

This module holds what every contribution shares (:class:`WithOptions`, the kinds by hook) and
the small ones (:class:`BundledRoutine`, :class:`PluginSettings`, :class:`Exporter`); the
strategies are in :mod:`supple.plugin.strategies`, safety filters in
:mod:`supple.plugin.filters`, exercise sets in :mod:`supple.model.exercise`. Plugins import
them all from :mod:`supple`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, overload

import attrs

from supple._lazy import resolve
from supple.errors import PluginError
from supple.model.fields import is_callable, slug

if TYPE_CHECKING:
    from supple.model.plan import Plan

_REFERENCE = re.compile(r"[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*:[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*")


def options_reference(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None or (isinstance(value, type) and attrs.has(value)):
        return
    if isinstance(value, str) and _REFERENCE.fullmatch(value):
        return
    raise TypeError(
        "options must be an attrs class, a \"package.module:Class\" reference to one, or None; "
        f"got {value!r}"
    )


@overload
def load_options(reference: type | str) -> type: ...
@overload
def load_options(reference: type | str | None) -> type | None: ...
def load_options(reference: type | str | None) -> type | None:
    """The options class a contribution's ``options`` stands for.

    A class (or ``None``) is returned as it is; a ``"package.module:Class"`` string is imported
    on first use (:mod:`supple._lazy`), so a plugin's option classes cost nothing until a
    routine uses them. A reference that does not lead to an attrs class raises
    :class:`supple.PluginError` naming the plugin's package.
    """
    if not isinstance(reference, str):
        return reference
    package = reference.partition(":")[0].partition(".")[0]
    try:
        found = resolve(reference)
    except Exception as exc:
        raise PluginError(
            package, f"options class {reference!r} could not be loaded: {type(exc).__name__}: {exc}"
        ) from None
    if not (isinstance(found, type) and attrs.has(found)):
        raise PluginError(package, f"options {reference!r} is {found!r}, not an attrs class")
    return found


class WithOptions:
    """What every contribution that takes options shares (timing and progression strategies,
    exporters): its ``options`` is the attrs class its settings are structured into, a
    ``"package.module:Class"`` reference to it, imported only when a routine uses the
    contribution (recommended: every command loads every plugin, so a reference keeps start-up
    cheap), or ``None`` when it takes none."""

    __slots__ = ()

    #: the ``options`` argument as given (a field of every subclass)
    _options: type | str | None

    @property
    def options(self) -> type | None:
        """The options class (a reference is imported here, on first use), or ``None``."""
        return load_options(self._options)


@attrs.frozen
class BundledRoutine:
    """A routine file a plugin ships, so users can run it by name (``supple plan NAME``).

    ``path`` is the file on disk; ``default`` marks the routine ``supple plan`` uses when no
    routine is named (at most one plugin should claim it).
    """

    name: str = attrs.field(validator=slug)
    path: str
    title: str = ""
    default: bool = False


def _defaults_of(cls: type) -> Any:
    try:
        return cls()
    except Exception as exc:
        raise ValueError(
            f"settings class {cls.__name__} must give every field a default (a routine without "
            f"the table must still work): {type(exc).__name__}: {exc}"
        ) from None


def _settings_class(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        raise TypeError(f"{attribute.alias} must be an attrs class or a \"package.module:Class\" "
                        "reference to one, got None")
    options_reference(instance, attribute, value)
    if isinstance(value, type):
        _defaults_of(value)  # a reference is checked when it is imported


@attrs.frozen
class PluginSettings(WithOptions):
    """Settings a plugin takes from a routine's ``[plugins.NAME]`` table (``NAME`` is this
    object's ``name``: use your plugin's name).

    ``options`` is an attrs class whose every field has a default, or a
    ``"package.module:Class"`` reference to one (imported only when a routine has the table or
    a plugin reads the settings; see :class:`WithOptions`). The engine structures the table
    into it with its strict converter while resolving the routine (so ``supple check`` reports
    bad values with their key path, e.g. ``plugins.deskbreak.seated_only``) and hands the
    object, read-only, to every safety filter (``SafetyContext.settings[NAME]``), progression
    strategy (``ProgressionContext.settings[NAME]``) and exporter (``Plan.settings[NAME]``). A
    routine without the table gets ``options()``, the defaults.
    """

    name: str = attrs.field(validator=slug)
    _options: type | str = attrs.field(validator=_settings_class, alias="options")
    summary: str = ""
    #: ``relaxes(chosen, baseline)``: the names of the fields whose value in ``chosen`` (from a
    #: routine file) is less strict than in ``baseline`` (the person's or the defaults). A
    #: routine may only make safety stricter; the engine reports each such field as an error.
    #: ``None``: the settings have nothing to do with safety.
    relaxes: Callable[[Any, Any], Iterable[str]] | None = attrs.field(default=None)

    @property
    def options(self) -> type:
        """The settings class (a reference is imported here, on first use)."""
        return load_options(self._options)

    def defaults(self) -> Any:
        """The settings object for a routine without the table: ``options()``. Raises
        :class:`supple.PluginError` when the options class cannot be loaded or lacks defaults."""
        cls = self.options
        try:
            return _defaults_of(cls)
        except ValueError as exc:
            raise PluginError(cls.__module__.partition(".")[0], str(exc)) from None


#: Every contribution type, by the hook that returns it: the class (``module:name``, imported
#: when the hook is first called) and the word users see for it.
CONTRIBUTION_KINDS: dict[str, tuple[str, str]] = {
    "supple_exercise_sets": ("supple.model.exercise:ExerciseSet", "exercise set"),
    "supple_timing_strategies": ("supple.plugin.strategies:TimingStrategy", "timing strategy"),
    "supple_progression_strategies": ("supple.plugin.strategies:ProgressionStrategy", "progression strategy"),
    "supple_safety_filters": ("supple.plugin.filters:SafetyFilter", "safety filter"),
    "supple_exporters": ("supple.plugin.contributions:Exporter", "exporter"),
    "supple_routines": ("supple.plugin.contributions:BundledRoutine", "routine"),
    "supple_settings": ("supple.plugin.contributions:PluginSettings", "settings"),
    "supple_vocabulary": ("supple.model.vocabulary:Term", "vocabulary term"),
}


def contribution_class(hook: str) -> type:
    """The class the hook ``hook`` returns (its module is imported on first use)."""
    found: type = resolve(CONTRIBUTION_KINDS[hook][0])
    return found


@attrs.frozen
class Exporter(WithOptions):
    """Writes a plan in some format.

    ``render(plan, options)`` returns the whole output as bytes. ``suffix`` is the usual file
    ending (``.ics``), ``needs_schedule`` says whether a routine without ``[schedule]`` can be
    exported. Options come from the routine's ``[export.NAME]`` table and ``--option``.

    ``options``: an attrs class, a ``"package.module:Class"`` reference, or ``None`` (see
    :class:`WithOptions`).
    """

    name: str = attrs.field(validator=slug)
    summary: str
    render: Callable[[Plan, Any], bytes] = attrs.field(validator=is_callable)
    media_type: str = "text/plain"
    suffix: str = ".txt"
    needs_schedule: bool = False
    _options: type | str | None = attrs.field(default=None, validator=options_reference, alias="options")
