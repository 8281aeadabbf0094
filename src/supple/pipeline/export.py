"""Stage 7, export: turn a plan into bytes with an exporter plugin. ``supple export``,
``supple.testing`` and scripts all export through :func:`export_plan`."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from supple.errors import InputError, PluginError, Problem, SuppleError
from supple.model.plan import Plan
from supple.pipeline.resolve import options_for
from supple.plugin.contributions import Exporter
from supple.plugin.guard import PLUGIN_FAULTS, describe_fault, plugin_output
from supple.plugin.registry import Registry

SCHEDULE_EXAMPLE = (
    "  [schedule]\n  start = 2026-12-07\n  weeks = 6\n  days = \"daily\"\n"
    "  times = [\"07:30\"]\n  timezone = \"Europe/Madrid\""
)


def exporter_for(registry: Registry, fmt: str) -> Exporter:
    """The exporter called ``fmt`` (an :class:`InputError` blamed on ``--to`` when unknown)."""
    exporter: Exporter = registry.get("exporter", fmt, key="--to")
    return exporter


def export_plan(
    plan: Plan,
    registry: Registry,
    fmt: str,
    *,
    options: Mapping[str, Any] | None = None,
    option_source: str | None = None,
) -> bytes:
    """What the exporter ``fmt`` writes for ``plan``.

    ``options`` override the routine's ``[export.FMT]`` table key by key; problems with them are
    blamed on ``option_source`` (``"--option"`` for the command line) rather than the routine
    file. Raises :class:`InputError` for bad options or a routine without the schedule the
    exporter needs, and :class:`PluginError` when the exporter fails.
    """
    exporter = exporter_for(registry, fmt)
    routine = plan.routine
    if exporter.needs_schedule and routine.schedule is None:
        raise InputError.at(
            f"has no [schedule] table, which the {fmt!r} export needs; add one, for example:\n"
            + SCHEDULE_EXAMPLE,
            routine.path, "schedule",
        )
    given = dict(options or {})
    raw = {**routine.export.get(fmt, {}), **given}
    try:
        opts = options_for(fmt, exporter.options, raw, file=routine.path, key=f"export.{fmt}")
    except InputError as exc:
        if option_source is None:
            raise
        raise InputError(_blame(exc.problems, fmt, set(given), option_source)) from None
    plugin = registry.provider("exporter", fmt) or fmt
    try:
        with plugin_output():
            data: object = exporter.render(plan, opts)
    except SuppleError:
        raise
    except PLUGIN_FAULTS as exc:
        raise PluginError(plugin, f"exporter {fmt!r} raised {describe_fault(exc)}; nothing was written") from None
    if isinstance(data, str):
        data = data.encode("utf-8")
    if not isinstance(data, bytes):
        raise PluginError(
            plugin, f"exporter {fmt!r} returned {type(data).__name__}, not bytes; nothing was written"
        )
    return data


def _blame(problems: tuple[Problem, ...], fmt: str, given: set[str], source: str) -> list[Problem]:
    """Problems with values given outside the routine file name that source, not the file."""
    out = []
    for problem in problems:
        name = (problem.key or "").removeprefix(f"export.{fmt}.")
        top = re.split(r"[.\[]", name, maxsplit=1)[0]  # "times[2]" was given as "times"
        out.append(Problem(problem.message, None, f"{source} {name}") if top in given else problem)
    return out
