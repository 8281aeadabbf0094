"""The content contract the engine enforces on loading: every exercise's kind, position,
movement tags and regions are terms of the vocabulary (built in, or added by a plugin through
the ``supple_vocabulary`` hook).

An exercise with an unknown term is an error of the plugin that contributed its set: it is
recorded against that plugin (so strict mode fails and ``supple plugins`` shows it) and the
exercise is left out; the rest of the set is kept, with variant links to the exercises left
out dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from supple.model.vocabulary import TERM_KINDS, Term, Vocabulary
from supple.text import did_you_mean

if TYPE_CHECKING:
    from supple.model.exercise import Exercise, ExerciseSet
    from supple.plugin.catalogue import Catalogue
    from supple.plugin.registry import PluginInfo, Provided


def build_vocabulary(
    provided: Mapping[str, Provided], info: Callable[[str], PluginInfo | None]
) -> Vocabulary:
    """The vocabulary: built-in terms plus those ``provided`` by plugins. A plugin term that
    repeats a built-in one is reported against its plugin and ignored."""
    added: dict[str, tuple[Term, str]] = {}
    for name, entry in provided.items():
        term: Term = entry.item
        if term.term in TERM_KINDS[term.kind]:
            found = info(entry.plugin)
            if found is not None:
                found.fail(f"vocabulary term {term.kind} {term.term!r} is built in already; "
                           "leave it out of supple_vocabulary()")
            continue
        added[name] = (term, entry.plugin)
    return Vocabulary(added)


def problems_of(exercise: Exercise, vocabulary: Vocabulary) -> list[str]:
    """What in ``exercise`` is not in ``vocabulary`` (one phrase per unknown term)."""
    out = []
    for kind, values in (("kind", exercise.kind), ("position", exercise.position),
                         ("tag", exercise.tags), ("region", exercise.regions)):
        for value in vocabulary.unknown(kind, values):
            hint = did_you_mean(value, list(vocabulary.terms(kind)), n=1)
            out.append(f"unknown {kind} {value!r}{hint}")
    return out


def enforce(
    provided: Mapping[str, Provided],
    vocabulary: Vocabulary,
    info: Callable[[str], PluginInfo | None],
) -> dict[str, Provided]:
    """``provided`` exercise sets with every exercise that uses an unknown term left out and
    reported against the plugin that contributed it."""
    from supple.plugin.registry import Provided

    out: dict[str, Provided] = {}
    for name, entry in provided.items():
        exercise_set: ExerciseSet = entry.item
        bad: dict[str, list[str]] = {}
        for exercise in exercise_set.exercises:
            found = problems_of(exercise, vocabulary)
            if found:
                bad[exercise.id] = found
        if not bad:
            out[name] = entry
            continue
        plugin = info(entry.plugin)
        if plugin is not None:
            for exercise_id, found in bad.items():
                plugin.fail(f"exercise {name}/{exercise_id} uses {'; '.join(found)}; the exercise "
                            "is left out (add the term with the supple_vocabulary hook, or fix it)")
        out[name] = Provided(_without(exercise_set, set(bad)), entry.plugin)
    return out


def _without(exercise_set: ExerciseSet, left_out: set[str]) -> ExerciseSet:
    import attrs

    kept = []
    for exercise in exercise_set.exercises:
        if exercise.id in left_out:
            continue
        if left_out.intersection(exercise.easier) or left_out.intersection(exercise.harder):
            exercise = attrs.evolve(
                exercise,
                easier=[v for v in exercise.easier if v not in left_out],
                harder=[v for v in exercise.harder if v not in left_out],
            )
        kept.append(exercise)
    return attrs.evolve(exercise_set, exercises=kept)


def build_catalogue(
    provided: Mapping[str, Provided],
    info: Callable[[str], PluginInfo | None],
    prefer: tuple[str, ...] = (),
) -> Catalogue:
    """The catalogue of the sets ``provided``: a plain id shared by several sets goes to the
    built-in set first, then to the sets (or the sets of the plugins) named in ``prefer``."""
    from supple.plugin.catalogue import Catalogue, CatalogueEntry

    def builtin(plugin: str) -> bool:
        found = info(plugin)
        return found is not None and found.builtin

    order = sorted(n for n, p in provided.items() if builtin(p.plugin))
    for name in prefer:  # a set's name, or a plugin's: all its sets
        order += [name] if name in provided else sorted(n for n, p in provided.items() if p.plugin == name)
    return Catalogue(
        (CatalogueEntry(exercise, name, p.plugin, p.item.tags_reviewed)
         for name, p in provided.items() for exercise in p.item.exercises),
        preferred=order,
    )
