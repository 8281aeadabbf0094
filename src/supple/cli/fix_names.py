"""`supple check --fix`: rewrite the plain names in a routine file to qualified ones, in place.

Exercises become ``set/id`` and strategies ``plugin:name``, as the registry resolves them
today, so a routine keeps meaning what it means now whatever is installed later. The file is
edited with tomlkit, which keeps comments, order and layout; it is written atomically, and only
when something changed. Names that do not resolve are left for ``supple check`` to report.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from supple.errors import InputError
from supple.plugin.registry import Registry


def fix_file(path: str, registry: Registry) -> list[str]:
    """Qualify the names in the routine file ``path``; returns one line per name changed
    (``steps[2].exercise: childs-pose -> backcare/childs-pose``; steps count from 1, as in
    every message about a routine)."""
    import tomlkit

    from supple.io.files import write_atomic

    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
        doc = tomlkit.parse(text)
    except OSError as exc:
        raise InputError.at(f"cannot read: {exc.strerror}", path) from None
    except Exception as exc:  # tomlkit's parse errors
        raise InputError.at(f"is not valid TOML: {exc}", path) from None
    changes: list[str] = []

    def strategy(table: Any, key: str, kind: str) -> None:
        if not isinstance(table, dict) or not isinstance(table.get("strategy"), str):
            return
        name = str(table["strategy"])
        if ":" in name:
            return
        plugin = registry.provider(kind, name)
        if plugin is not None:
            table["strategy"] = f"{plugin}:{name}"
            changes.append(f"{key}.strategy: {name} -> {plugin}:{name}")

    strategy(doc.get("timing"), "timing", "timing strategy")
    strategy(doc.get("progression"), "progression", "progression strategy")
    steps = doc.get("steps")
    for index, step in enumerate(steps if isinstance(steps, list) else [], start=1):
        if not isinstance(step, dict):
            continue
        name = step.get("exercise")
        if isinstance(name, str) and "/" not in name:
            try:
                entry = registry.catalogue.get(str(name))
            except LookupError:
                entry = None
            if entry is not None:
                step["exercise"] = entry.ref
                changes.append(f"steps[{index}].exercise: {name} -> {entry.ref}")
        strategy(step.get("progression"), f"steps[{index}].progression", "progression strategy")
    if changes:
        write_atomic(file, tomlkit.dumps(doc).encode("utf-8"))
    return changes
