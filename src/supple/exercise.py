"""Exercises, their doses and their sources: the content that exercise-set plugins contribute."""

from __future__ import annotations

import re

import attrs

from supple.vocabulary import KINDS, POSITIONS

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _slug(instance, attribute, value):
    if not isinstance(value, str) or not _SLUG.fullmatch(value):
        raise ValueError(
            f"{attribute.name} must be a lowercase slug such as 'cat-cow' (letters, digits and "
            f"single hyphens), got {value!r}"
        )


def _slugs(instance, attribute, value):
    for item in value:
        _slug(instance, attribute, item)


def _one_of(choices: dict[str, str]):
    def check(instance, attribute, value):
        if value not in choices:
            raise ValueError(
                f"{attribute.name} must be one of {', '.join(sorted(choices))}; got {value!r}"
            )

    return check


def _non_negative(instance, attribute, value):
    if value < 0:
        raise ValueError(f"{attribute.name} must not be negative, got {value!r}")


def _texts(instance, attribute, value):
    for item in value:
        if not isinstance(item, str):
            raise TypeError(f"{attribute.name} must hold strings, got {item!r}")


# Converters are Python functions, not the built-in types themselves: for a built-in type, attrs
# asks inspect for its signature, which compiles tokenize's large regular expression (about a
# millisecond of every command's start-up).


def _tuple(value) -> tuple:
    return tuple(value)


def _frozenset(value) -> frozenset:
    return frozenset(value)


def _tuple_of_str(value) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(value)


@attrs.frozen
class Dose:
    """How much of an exercise to do in one session.

    A set is ``reps`` repetitions (at least one); each repetition is held ``hold_s`` seconds at
    its end position. A stretch held 30 s twice is ``Dose(sets=2, hold_s=30)``; ten slow
    pelvic tilts held 5 s each are ``Dose(reps=10, hold_s=5)``. With ``per_side`` every set is
    done on the left and then on the right. ``rest_s`` is the rest between sets; ``tempo_s`` the
    seconds one repetition takes (``None``: the timing strategy decides); ``load_kg`` a weight
    held, 0 for none.

    >>> Dose(sets=2, reps=10, rest_s=30).total_reps
    20
    """

    sets: int = attrs.field(default=1, validator=_non_negative)
    reps: int = attrs.field(default=0, validator=_non_negative)
    hold_s: int = attrs.field(default=0, validator=_non_negative)
    per_side: bool = False
    rest_s: int = attrs.field(default=0, validator=_non_negative)
    tempo_s: float | None = None
    load_kg: float = attrs.field(default=0, validator=_non_negative)

    @property
    def reps_per_set(self) -> int:
        """Repetitions in one set (a pure hold counts as one)."""
        return max(self.reps, 1)

    @property
    def total_reps(self) -> int:
        """Repetitions in the whole dose, both sides counted."""
        return self.sets * self.reps_per_set * (2 if self.per_side else 1)

    def describe(self) -> str:
        """A short human-readable dose such as ``2 x 10 reps, hold 5 s, each side``."""
        parts = []
        if self.reps:
            parts.append(f"{self.sets} x {self.reps} reps" if self.sets != 1 else f"{self.reps} reps")
        elif self.sets != 1:
            parts.append(f"{self.sets} x")
        if self.hold_s:
            parts.append(f"hold {format_seconds(self.hold_s)}")
        if self.per_side:
            parts.append("each side")
        if self.load_kg:
            parts.append(f"with {self.load_kg:g} kg")
        if self.rest_s and self.sets > 1:
            parts.append(f"rest {format_seconds(self.rest_s)} between sets")
        text = ", ".join(parts) or "once"
        return text.replace("x, ", "x ", 1)


def format_seconds(seconds: float) -> str:
    """Seconds as people say them: ``45 s``, ``2 min``, ``1 min 30 s``, ``1 h 5 min``."""
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    parts = []
    if hours:
        parts.append(f"{hours} h")
    if minutes:
        parts.append(f"{minutes} min")
    if secs:
        parts.append(f"{secs} s")
    return " ".join(parts)


@attrs.frozen
class Source:
    """Where a fact comes from: ``ref`` a short citation key (an article's file name, a
    guideline's name), ``title`` its title, ``url`` an address if it has one (never rendered as
    a link)."""

    ref: str = attrs.field(validator=attrs.validators.instance_of(str))
    title: str = ""
    url: str = ""


@attrs.frozen
class Exercise:
    """One exercise, as a content plugin describes it.

    ``id`` is a slug unique within its set; ``kind`` one of :data:`supple.vocabulary.KINDS`;
    ``position`` one of :data:`supple.vocabulary.POSITIONS`; ``tags`` the movement tags that
    safety filters act on (see :data:`supple.vocabulary.TAGS`); ``instructions`` ordered steps;
    ``easier`` and ``harder`` ids of variants in the same set; ``min_interval_s`` the least time
    that must pass before the exercise is done again (article 001's "wait an hour").

    >>> Exercise(id="pelvic-tilt", name="Pelvic tilt", summary="Rock the pelvis gently.",
    ...          kind="mobility", position="supine", dose=Dose(reps=10, hold_s=5),
    ...          sources=(Source("004_5726d8492d92af4d.txt"),)).id
    'pelvic-tilt'
    """

    id: str = attrs.field(validator=_slug)
    name: str = attrs.field(validator=attrs.validators.instance_of(str))
    summary: str = attrs.field(validator=attrs.validators.instance_of(str))
    kind: str = attrs.field(validator=_one_of(KINDS))
    position: str = attrs.field(validator=_one_of(POSITIONS))
    dose: Dose = attrs.field(validator=attrs.validators.instance_of(Dose))
    sources: tuple[Source, ...] = attrs.field(
        converter=_tuple,
        validator=attrs.validators.deep_iterable(attrs.validators.instance_of(Source)),
    )
    instructions: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str, validator=_texts)
    cues: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str, validator=_texts)
    breathing: str = ""
    cautions: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str, validator=_texts)
    regions: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str, validator=_slugs)
    tags: frozenset[str] = attrs.field(default=frozenset(), converter=_frozenset, validator=_slugs)
    equipment: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str, validator=_slugs)
    easier: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str, validator=_slugs)
    harder: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str, validator=_slugs)
    min_interval_s: int = attrs.field(default=0, validator=_non_negative)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str, validator=_slugs)

    @sources.validator
    def _has_source(self, attribute, value):
        if not value:
            raise ValueError(f"exercise {self.id!r} must cite at least one source")

    def has_any(self, *tags: str) -> bool:
        """True when the exercise carries any of ``tags``."""
        return not self.tags.isdisjoint(tags)


@attrs.frozen
class ExerciseSet:
    """A named collection of exercises, the unit an exercise plugin contributes.

    Two sets may hold exercises with the same id; a routine then names one as ``set/id``.

    >>> ExerciseSet(name="demo", title="Demo", exercises=()).name
    'demo'
    """

    name: str = attrs.field(validator=_slug)
    title: str = attrs.field(validator=attrs.validators.instance_of(str))
    exercises: tuple[Exercise, ...] = attrs.field(
        converter=_tuple,
        validator=attrs.validators.deep_iterable(attrs.validators.instance_of(Exercise)),
    )
    description: str = ""

    @exercises.validator
    def _unique_ids(self, attribute, value):
        seen: set[str] = set()
        for exercise in value:
            for name in (exercise.id, *exercise.aliases):
                if name in seen:
                    raise ValueError(f"set {self.name!r} has two exercises called {name!r}")
                seen.add(name)
        known = {exercise.id for exercise in value}
        for exercise in value:
            for variant in (*exercise.easier, *exercise.harder):
                if variant not in known:
                    raise ValueError(
                        f"exercise {exercise.id!r} names a variant {variant!r} that is not in "
                        f"set {self.name!r}"
                    )
