"""The ``[export.NAME]`` tables of a routine, checked when it is resolved (so ``supple check``,
``plan`` and ``export`` all see them): each names an installed exporter and holds valid options
for it; a misspelt table name gets a did-you-mean instead of being ignored."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from supple.errors import InputError, Problem
from supple.plugin.registry import Registry


def export_table_problems(tables: Mapping[str, Any], registry: Registry, file: str) -> list[Problem]:
    """Each ``[export.NAME]`` table names an installed exporter and holds valid options for it
    (an exporter of a disabled or failed plugin cannot be checked and is left alone)."""
    from supple.io.convert import structure

    problems: list[Problem] = []
    for name, table in tables.items():
        key = f"export.{name}"
        if name not in registry.names("exporter"):
            if any(p.status in ("disabled", "failed") for p in registry.plugins):
                continue
            try:
                registry.get("exporter", name, file=file, key=key)
            except InputError as exc:
                problems.extend(exc.problems)
            continue
        if not isinstance(table, Mapping):
            continue  # reported by the routine's shape check
        exporter = registry.get("exporter", name)
        if exporter.options is None:
            if table:
                problems.append(Problem(f"{name!r} takes no options; remove {', '.join(sorted(table))}",
                                        file, key))
            continue
        try:
            structure(dict(table), exporter.options, file=file, key=key)
        except InputError as exc:
            problems.extend(exc.problems)
    return problems
