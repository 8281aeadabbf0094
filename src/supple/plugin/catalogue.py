"""The exercise catalogue: every exercise of every loaded exercise set, looked up by id."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import attrs

from supple.model.exercise import Exercise
from supple.text import did_you_mean


@attrs.frozen
class CatalogueEntry:
    """An exercise with where it came from: its set and the plugin that contributed the set."""

    exercise: Exercise
    set_name: str
    plugin: str
    #: whether the set declares its movement tags reviewed (``ExerciseSet.tags_reviewed``)
    tags_reviewed: bool = True

    @property
    def ref(self) -> str:
        """The qualified name ``set/id`` that always finds this exercise."""
        return f"{self.set_name}/{self.exercise.id}"


class UnknownExercise(LookupError):
    """An exercise reference matched nothing or more than one exercise. ``str()`` says which
    and suggests close names."""


class Catalogue:
    """All exercises, sorted by set and id. Look one up with :meth:`get`.

    A plain id finds the exercise when exactly one set has it (aliases count); ``set/id``
    always finds it. When several sets have the id, the first of them in ``preferred`` (set
    names: the built-in sets, then the order the user gives in config.toml's
    ``[names] prefer``) is used, and :meth:`ambiguity` says so; with none of them preferred
    the plain id is an error naming the qualified alternatives.
    """

    __slots__ = ("entries", "_by_ref", "_by_id", "_rank")

    def __init__(self, entries: Iterable[CatalogueEntry], preferred: Iterable[str] = ()) -> None:
        self._rank: dict[str, int] = {}
        for name in preferred:
            self._rank.setdefault(name, len(self._rank))
        self.entries: tuple[CatalogueEntry, ...] = tuple(
            sorted(entries, key=lambda e: (e.set_name, e.exercise.id))
        )
        self._by_ref: dict[str, CatalogueEntry] = {}
        self._by_id: dict[str, list[CatalogueEntry]] = {}
        for entry in self.entries:
            names = (entry.exercise.id, *entry.exercise.aliases)
            for name in names:
                self._by_ref[f"{entry.set_name}/{name}"] = entry
                self._by_id.setdefault(name, []).append(entry)

    def __repr__(self) -> str:
        return f"Catalogue(<{len(self.entries)} exercises>)"

    def __iter__(self) -> Iterator[CatalogueEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, ref: str) -> CatalogueEntry:
        """The entry ``ref`` names (``id`` or ``set/id``, in any case: ids are lower case);
        :class:`UnknownExercise` otherwise."""
        if ref not in self._by_ref and ref not in self._by_id and ref.lower() != ref:
            try:
                return self.get(ref.lower())
            except UnknownExercise:
                pass
        if "/" in ref:
            entry = self._by_ref.get(ref)
            if entry is not None:
                return entry
            raise UnknownExercise(f"unknown exercise {ref!r}{self._suggest(ref)}")
        found = self._by_id.get(ref, [])
        if len(found) == 1:
            return found[0]
        chosen = self._preferred(found)
        if chosen is not None:
            return chosen
        if found:
            options = ", ".join(sorted(e.ref for e in found))
            raise UnknownExercise(
                f"exercise {ref!r} is in more than one set; write one of {options} (`supple check "
                "--fix` can), or list the set you prefer in config.toml's [names] prefer")
        raise UnknownExercise(f"unknown exercise {ref!r}{self._suggest(ref)}")

    def _preferred(self, found: list[CatalogueEntry]) -> CatalogueEntry | None:
        ranked = [e for e in found if e.set_name in self._rank]
        return min(ranked, key=lambda e: self._rank[e.set_name]) if ranked else None

    def ambiguity(self, ref: str) -> str | None:
        """When the plain id ``ref`` is in several sets and one is chosen by precedence: a
        warning naming the one used and the alternatives; otherwise ``None``."""
        found = self._by_id.get(ref, []) if "/" not in ref else []
        chosen = self._preferred(found) if len(found) > 1 else None
        if chosen is None:
            return None
        others = ", ".join(sorted(e.ref for e in found if e is not chosen))
        return (f"exercise {ref!r} is in more than one set: {chosen.ref} is used (built-in sets "
                f"first, then config.toml's [names] prefer); also {others}. Write the qualified "
                "name to keep this choice (`supple check --fix` rewrites it)")

    def variant(self, entry: CatalogueEntry, variant_id: str) -> CatalogueEntry:
        """An easier or harder variant of ``entry``: an id in the same set, or a qualified
        ``set/id`` in any set (:class:`KeyError` when it is not loaded)."""
        return self._by_ref[variant_id if "/" in variant_id else f"{entry.set_name}/{variant_id}"]

    def find(self, exercise: Exercise, set_name: str) -> CatalogueEntry | None:
        """The entry for ``exercise`` in ``set_name``, if loaded."""
        return self._by_ref.get(f"{set_name}/{exercise.id}")

    def filter(
        self,
        *,
        region: Iterable[str] = (),
        position: Iterable[str] = (),
        kind: Iterable[str] = (),
        equipment: Iterable[str] = (),
        tag: Iterable[str] = (),
        set_name: Iterable[str] = (),
        no_equipment: bool = False,
        search: str = "",
    ) -> list[CatalogueEntry]:
        """Entries matching every filter given (each filter matches any of its values);
        ``search`` matches text in the id, aliases, name or summary, in any case."""
        region, position, kind = set(region), set(position), set(kind)
        equipment, tag, set_name = set(equipment), set(tag), set(set_name)
        out = []
        for entry in self.entries:
            ex = entry.exercise
            if region and region.isdisjoint(ex.regions):
                continue
            if position and ex.position not in position:
                continue
            if kind and ex.kind not in kind:
                continue
            if equipment and equipment.isdisjoint(ex.equipment):
                continue
            if no_equipment and ex.equipment:
                continue
            if tag and tag.isdisjoint(ex.tags):
                continue
            if set_name and entry.set_name not in set_name:
                continue
            if search and search.casefold() not in " ".join(
                    (entry.ref, *ex.aliases, ex.name, ex.summary)).casefold():
                continue
            out.append(entry)
        return out

    def values(self, field: str) -> list[str]:
        """The values the entries have for a filter (``region``, ``position``, ``kind``,
        ``equipment``, ``tag`` or ``set_name``), sorted."""
        found: set[str] = set()
        for entry in self.entries:
            ex = entry.exercise
            found.update({"region": ex.regions, "position": (ex.position,), "kind": (ex.kind,),
                          "equipment": ex.equipment, "tag": ex.tags,
                          "set_name": (entry.set_name,)}[field])
        return sorted(found)

    def _suggest(self, ref: str) -> str:
        names = list(self._by_ref) if "/" in ref else list(self._by_id)
        return did_you_mean(ref, names, n=3)
