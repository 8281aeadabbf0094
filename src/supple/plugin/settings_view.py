"""The plugins' settings objects for one routine, as safety filters, strategies and exporters
read them (:meth:`supple.Registry.structure_settings` builds it)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any


class SettingsView(Mapping[str, Any]):
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

    def __iter__(self) -> Iterator[str]:
        return iter(self._declared)

    def __len__(self) -> int:
        return len(self._declared)

    def __repr__(self) -> str:
        return f"<settings {dict(self)!r}>"
