"""Exercises, their doses and their sources: the content that exercise-set plugins contribute."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from supple.model.durations import format_seconds
from supple.model.fields import (
    as_frozenset,
    as_str_tuple,
    non_negative,
    slug,
    slugs,
    texts,
)

if TYPE_CHECKING:
    from supple.figure.model import Illustration
    from supple.model.media import Media


def _illustration(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None or (isinstance(value, str) and ":" in value):
        return  # a reference is resolved when the picture is drawn (Exercise.drawing)
    from supple.figure.model import Illustration  # imported only when one is given

    if not isinstance(value, Illustration):
        raise TypeError(f"{attribute.name} must be a supple.Illustration or a "
                        f"\"package.module:NAME\" reference to one, got {value!r}")


def _media(instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    if not value:
        return
    from supple.model.media import Media

    for item in value:
        if not isinstance(item, Media):
            raise TypeError(f"{attribute.name} must hold supple.Media items, got {item!r}")


def _variant_refs(instance: object, attribute: attrs.Attribute[Any], value: Iterable[str]) -> None:
    """Variants are ids in the same set, or qualified ``set/id`` in another set."""
    for item in value:
        for part in str(item).split("/", 1) if isinstance(item, str) and item.count("/") == 1 else (item,):
            slug(instance, attribute, part)


def _media_tuple(value: Iterable[Media]) -> tuple[Media, ...]:
    return tuple(value)


def _set_reps(value: Iterable[int]) -> tuple[int, ...]:
    return tuple(value)


def _text_or_none(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, str):
        raise TypeError(f"{attribute.name} must be text or None, got {value!r}")


def _distance(instance: object, attribute: attrs.Attribute[Any], value: float | None) -> None:
    if value is not None:
        non_negative(instance, attribute, value)


@attrs.frozen
class Dose:
    """How much of an exercise to do in one session.

    A set is ``reps`` repetitions (at least one); each repetition is held ``hold_s`` seconds at
    its end position. A stretch held 30 s twice is ``Dose(sets=2, hold_s=30)``; ten slow
    pelvic tilts held 5 s each are ``Dose(reps=10, hold_s=5)``. With ``per_side`` every set is
    done on the left and then on the right. ``rest_s`` is the rest between sets; ``tempo_s`` the
    seconds one repetition takes (``None``: the timing strategy decides); ``load_kg`` a weight
    held, 0 for none. ``alternate`` (with ``per_side``): the sides take turns repetition by
    repetition (left, right, left...) instead of all of a set on the left, then on the right.

    ``set_reps`` gives each set its own count (a 12/10/8 pyramid); when given, its length is
    ``sets`` (``sets`` may be left at 1 to take its length) and ``reps`` is the largest of them
    (filled in when left at 0), so code that reads ``reps`` stays on the safe side; another
    ``reps`` moves every set by as much (``attrs.evolve(dose, reps=14)`` gives 14/12/10).
    ``duration_s`` is continuous work (a 10 min walk): each set is one phase that long.
    ``distance_m`` an optional distance and ``level`` an optional free-text level ("easy",
    "level 2"), both data shown with the dose.

    >>> Dose(sets=2, reps=10, rest_s=30).total_reps
    20
    >>> Dose(set_reps=(12, 10, 8)).describe()
    '12/10/8 reps'
    """

    sets: int = attrs.field(default=1, validator=non_negative)
    reps: int = attrs.field(default=0, validator=non_negative)
    hold_s: int = attrs.field(default=0, validator=non_negative)
    per_side: bool = False
    rest_s: int = attrs.field(default=0, validator=non_negative)
    tempo_s: float | None = None
    load_kg: float = attrs.field(default=0, validator=non_negative)
    alternate: bool = False
    set_reps: tuple[int, ...] = attrs.field(default=(), converter=_set_reps)
    duration_s: int = attrs.field(default=0, validator=non_negative)
    distance_m: float | None = attrs.field(default=None, validator=_distance)
    level: str | None = attrs.field(default=None, validator=_text_or_none)

    def __attrs_post_init__(self) -> None:
        if not self.set_reps:
            return
        if any(not isinstance(n, int) or isinstance(n, bool) or n < 1 for n in self.set_reps):
            raise ValueError(f"set_reps must be whole numbers of at least 1, got {self.set_reps!r}")
        if len(self.set_reps) != self.sets:
            if self.sets != 1:
                raise ValueError(f"{len(self.set_reps)} repetition counts for {self.sets} sets")
            object.__setattr__(self, "sets", len(self.set_reps))
        top = max(self.set_reps)
        if self.reps == 0:
            object.__setattr__(self, "reps", top)
        elif self.reps != top:  # ``attrs.evolve(dose, reps=N)``: every set moves, keeping the shape
            moved = tuple(max(1, n + self.reps - top) for n in self.set_reps)
            object.__setattr__(self, "set_reps", moved)
            object.__setattr__(self, "reps", max(moved))

    @property
    def reps_per_set(self) -> int:
        """Repetitions in one set (a pure hold counts as one; the largest set of a pyramid)."""
        return max(self.reps, 1)

    def reps_in_set(self, number: int) -> int:
        """Repetitions in set ``number`` (counted from 1); a pure hold counts as one."""
        if self.set_reps:
            return self.set_reps[min(max(number, 1), len(self.set_reps)) - 1]
        return self.reps_per_set

    @property
    def total_reps(self) -> int:
        """Repetitions in the whole dose, both sides counted."""
        per_dose = sum(self.set_reps) if self.set_reps else self.sets * self.reps_per_set
        return per_dose * (2 if self.per_side else 1)

    def describe(self) -> str:
        """A short human-readable dose such as ``2 x 10 reps, hold 5 s, each side``."""
        parts = []
        if self.set_reps and len(set(self.set_reps)) > 1:
            parts.append("/".join(str(n) for n in self.set_reps) + " reps")
        elif self.reps:
            parts.append(f"{self.sets} x {self.reps} reps" if self.sets != 1 else f"{self.reps} reps")
        elif self.duration_s:
            time = format_seconds(self.duration_s)
            parts.append(f"{self.sets} x {time}" if self.sets != 1 else time)
        elif self.sets != 1:
            parts.append(f"{self.sets} x")
        if self.reps and self.duration_s:
            parts.append(f"in {format_seconds(self.duration_s)}")
        if self.distance_m is not None:
            parts.append(format_distance(self.distance_m))
        if self.level:
            parts.append(f"level {self.level}")
        if self.hold_s:
            parts.append(f"hold {format_seconds(self.hold_s)}")
        if self.per_side:
            parts.append("each side, alternating" if self.alternate else "each side")
        if self.load_kg:
            parts.append(f"with {self.load_kg:g} kg")
        if self.rest_s and self.sets > 1:
            parts.append(f"rest {format_seconds(self.rest_s)} between sets")
        text = ", ".join(parts) or "once"
        return text.replace("x, ", "x ", 1)


def format_distance(metres: float) -> str:
    """A distance as people say it: ``400 m``, ``1.5 km``.

    >>> format_distance(400), format_distance(1500), format_distance(0.5)
    ('400 m', '1.5 km', '0.5 m')
    """
    if metres >= 1000:
        return f"{metres / 1000:g} km"
    return f"{metres:g} m"


def adapt_dose(dose: Dose, changes: dict[str, Any]) -> dict[str, Any]:
    """``changes`` to ``dose`` made to keep a per-set pyramid's shape: a new ``reps`` moves
    every set by the same amount (none below 1), a new ``sets`` drops the last sets or repeats
    the last one. Changes that give ``set_reps`` themselves are left alone."""
    if not dose.set_reps or "set_reps" in changes:
        return changes
    sets = changes.get("sets", dose.sets)
    reps = changes.get("reps", dose.reps)
    if reps == 0 or sets == 0:
        return {**changes, "set_reps": ()}
    counts = list(dose.set_reps[:sets])
    counts += [counts[-1]] * (sets - len(counts))
    shift = reps - max(dose.set_reps)
    counts = [max(1, n + shift) for n in counts]
    if max(counts) != reps:  # sets dropped: the largest left decides
        counts = [max(1, n + reps - max(counts)) for n in counts]
    return {**changes, "set_reps": tuple(counts), "reps": max(counts)}


@attrs.frozen
class Source:
    """Where a fact comes from: ``ref`` the short, readable name outputs cite it by (``"ROS
    2022"``, ``"article 001"``), ``title`` its title, ``author`` its author(s) or publisher,
    ``year`` when it was published (``None`` when it does not say), ``url`` an address if it has
    one (never rendered as a link)."""

    ref: str = attrs.field(validator=attrs.validators.instance_of(str))
    title: str = ""
    url: str = ""
    author: str = ""
    year: int | None = None

    def describe(self) -> str:
        """The full citation in one line: ``ref: title. author, year. url``."""
        head = f"{self.ref}: {self.title}" if self.title else self.ref
        by = ", ".join(part for part in (self.author, str(self.year) if self.year else "") if part)
        tail = "".join(f". {part}" for part in (by, self.url) if part)
        return head + tail


def _sources(value: Iterable[Source]) -> tuple[Source, ...]:
    return tuple(value)


def _exercises(value: Iterable[Exercise]) -> tuple[Exercise, ...]:
    return tuple(value)


@attrs.frozen
class Exercise:
    """One exercise, as a content plugin describes it.

    ``id`` is a slug unique within its set; ``kind``, ``position``, ``tags`` and ``regions``
    are terms of the vocabulary (:mod:`supple.model.vocabulary`, extended by plugins through
    the ``supple_vocabulary`` hook; an unknown term is the plugin's error, checked when the
    set is loaded); ``position = "unknown"`` when nobody knows it (safety filters then assume
    the worst); ``tags`` the movement tags that safety filters act on; ``instructions`` ordered steps;
    ``easier`` and ``harder`` ids of variants in the same set, or ``set/id`` in another set
    (safety filters use ``easier`` to find a safer replacement); ``min_interval_s`` the least time
    that must pass before the exercise is done again (article 001's "wait an hour").
    ``illustration`` its start and end positions for the handouts' pictures (a
    :class:`supple.figure.Illustration`, drawn by supple); ``media`` images or video links of
    its own, each with licence and attribution (:class:`supple.Media`).

    >>> Exercise(id="pelvic-tilt", name="Pelvic tilt", summary="Rock the pelvis gently.",
    ...          kind="mobility", position="supine", dose=Dose(reps=10, hold_s=5),
    ...          sources=(Source("article 004"),)).id
    'pelvic-tilt'
    """

    id: str = attrs.field(validator=slug)
    name: str = attrs.field(validator=attrs.validators.instance_of(str))
    summary: str = attrs.field(validator=attrs.validators.instance_of(str))
    kind: str = attrs.field(validator=slug)  # a term of the vocabulary: checked on loading
    position: str = attrs.field(validator=slug)
    dose: Dose = attrs.field(validator=attrs.validators.instance_of(Dose))
    sources: tuple[Source, ...] = attrs.field(
        converter=_sources,
        validator=attrs.validators.deep_iterable(attrs.validators.instance_of(Source)),
    )
    instructions: tuple[str, ...] = attrs.field(default=(), converter=as_str_tuple, validator=texts)
    cues: tuple[str, ...] = attrs.field(default=(), converter=as_str_tuple, validator=texts)
    breathing: str = ""
    cautions: tuple[str, ...] = attrs.field(default=(), converter=as_str_tuple, validator=texts)
    regions: tuple[str, ...] = attrs.field(default=(), converter=as_str_tuple, validator=slugs)
    tags: frozenset[str] = attrs.field(default=frozenset(), converter=as_frozenset, validator=slugs)
    equipment: tuple[str, ...] = attrs.field(default=(), converter=as_str_tuple, validator=slugs)
    easier: tuple[str, ...] = attrs.field(default=(), converter=as_str_tuple, validator=_variant_refs)
    harder: tuple[str, ...] = attrs.field(default=(), converter=as_str_tuple, validator=_variant_refs)
    min_interval_s: int = attrs.field(default=0, validator=non_negative)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=as_str_tuple, validator=slugs)
    illustration: Illustration | str | None = attrs.field(default=None, validator=_illustration)
    media: tuple[Media, ...] = attrs.field(default=(), converter=_media_tuple, validator=_media)

    @property
    def drawing(self) -> Illustration | None:
        """The exercise's picture: ``illustration`` itself, or what its ``"package.module:NAME"``
        reference names (an :class:`supple.Illustration`, or a mapping of exercise ids to
        them), imported on first use so that a large set's pictures cost nothing until one is
        drawn (:mod:`supple._lazy`)."""
        value = self.illustration
        if not isinstance(value, str):
            return value
        from supple._lazy import resolve
        from supple.figure.model import Illustration

        found = resolve(value)
        if isinstance(found, Mapping):
            found = found.get(self.id)
        if found is not None and not isinstance(found, Illustration):
            raise TypeError(f"illustration {value!r} of {self.id!r} is {found!r}, not a supple.Illustration")
        return found

    @sources.validator
    def _has_source(self, attribute: attrs.Attribute[Any], value: tuple[Source, ...]) -> None:
        if not value:
            raise ValueError(f"exercise {self.id!r} must cite at least one source")

    def has_any(self, *tags: str) -> bool:
        """True when the exercise carries any of ``tags``."""
        return not self.tags.isdisjoint(tags)


@attrs.frozen
class ExerciseSet:
    """A named collection of exercises, the unit an exercise plugin contributes.

    Two sets may hold exercises with the same id; a routine then names one as ``set/id``.
    ``tags_reviewed`` declares that someone qualified checked every exercise's movement tags
    (and position) against the vocabulary: for a person with a condition, exercises of a set
    that does not declare it are left out of plans, with a finding saying why, unless the
    person allows the rule ``unreviewed-tags``.

    >>> ExerciseSet(name="demo", title="Demo", exercises=()).name
    'demo'
    """

    name: str = attrs.field(validator=slug)
    title: str = attrs.field(validator=attrs.validators.instance_of(str))
    exercises: tuple[Exercise, ...] = attrs.field(
        converter=_exercises,
        validator=attrs.validators.deep_iterable(attrs.validators.instance_of(Exercise)),
    )
    description: str = ""
    tags_reviewed: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))

    @exercises.validator
    def _unique_ids(self, attribute: attrs.Attribute[Any], value: tuple[Exercise, ...]) -> None:
        seen: set[str] = set()
        for exercise in value:
            for name in (exercise.id, *exercise.aliases):
                if name in seen:
                    raise ValueError(f"set {self.name!r} has two exercises called {name!r}")
                seen.add(name)
        known = {exercise.id for exercise in value}
        for exercise in value:
            for variant in (*exercise.easier, *exercise.harder):
                if variant.startswith(f"{self.name}/"):
                    variant = variant.partition("/")[2]
                elif "/" in variant:
                    continue  # in another set: looked up when the catalogue is built
                if variant not in known:
                    raise ValueError(
                        f"exercise {exercise.id!r} names a variant {variant!r} that is not in "
                        f"set {self.name!r}"
                    )
