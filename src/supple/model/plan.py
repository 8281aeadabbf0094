"""What planning produces: sessions of steps with resolved doses and timelines, and what the
safety filters changed. Exporters read only these objects."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import attrs

from supple.model.exercise import Exercise
from supple.model.profile import Profile
from supple.model.routine import Routine
from supple.model.step import PlannedStep

__all__ = [
    "DISCLAIMER", "SAFETY_ACTIONS", "SEGMENT_KINDS", "Plan", "Postponed",
    "SafetyFinding", "Segment", "Session", "Timeline",
]


#: The actions a safety finding can record.
SAFETY_ACTIONS = ("removed", "replaced", "capped", "warned", "refused", "postponed", "waived")


#: The kinds of timeline segment.
SEGMENT_KINDS = ("work", "hold", "rest", "switch", "transition")


def _weeks(value: Iterable[int]) -> tuple[int, ...]:
    return tuple(value)


@attrs.frozen
class Segment:
    """One stretch of time in a session: ``kind`` is one of :data:`SEGMENT_KINDS`.

    ``step`` is the position of the step in the session's step list, ``set``/``rep`` count from
    1 (0 when not applicable), ``side`` is ``"left"``, ``"right"`` or ``None``.
    """

    kind: str = attrs.field(validator=attrs.validators.in_(SEGMENT_KINDS))
    seconds: float = attrs.field(validator=attrs.validators.ge(0))
    step: int
    label: str = ""
    set: int = 0
    rep: int = 0
    side: str | None = None


@attrs.frozen
class Timeline:
    """A session laid out in time by a timing strategy.

    ``steps`` are the steps as the strategy will have them done (a time-boxing strategy may
    have trimmed doses); ``notes`` say what the strategy changed.
    """

    segments: tuple[Segment, ...]
    steps: tuple[PlannedStep, ...]
    notes: tuple[str, ...] = ()

    @property
    def total_s(self) -> int:
        """The session's length in whole seconds (rounded up)."""
        total = sum(segment.seconds for segment in self.segments)
        return int(-(-total // 1))


@attrs.frozen
class SafetyFinding:
    """One thing a safety filter did or said, with why and on whose authority.

    ``rule`` names the rule (users waive rules by this name), ``action`` is one of
    :data:`SAFETY_ACTIONS`, ``exercise`` the exercise id concerned (``None`` for the whole
    plan), ``step`` the routine step number, ``replacement`` the exercise id put in its place,
    ``source`` the published source, ``advice`` what to tell the person (for refusals).
    ``weeks`` are the programme weeks whose sessions it concerns, filled in by planning
    (filters judge one session at a time; a plan reports each finding once, with its weeks).
    """

    rule: str
    action: str = attrs.field(validator=attrs.validators.in_(SAFETY_ACTIONS))
    reason: str
    source: str
    exercise: str | None = None
    step: int | None = None
    replacement: str | None = None
    advice: str = ""
    weeks: tuple[int, ...] = attrs.field(default=(), converter=_weeks)


@attrs.frozen
class Session:
    """One session of the programme: when (``start`` is time-zone aware, ``None`` for a
    routine without a schedule), which programme week (from 1), and what to do. ``slot`` is
    the session's place among its day's scheduled times (from 1; 0 without a schedule): it
    stays the same when other sessions are skipped or postponed."""

    index: int
    week: int
    start: dt.datetime | None
    timeline: Timeline
    slot: int = 0
    #: the timing strategy that laid it out (a safety filter may switch one session to
    #: ``gentle``); empty when not recorded
    timing: str = ""

    @property
    def steps(self) -> tuple[PlannedStep, ...]:
        return self.timeline.steps

    @property
    def duration_s(self) -> int:
        return self.timeline.total_s


@attrs.frozen
class Postponed:
    """A session the safety filters postponed (pain too high on its day): when it was due,
    and why, with the advice for the person."""

    index: int
    week: int
    start: dt.datetime | None
    reason: str
    advice: str = ""
    slot: int = 0


@attrs.frozen
class Plan:
    """The whole programme for one routine and one profile.

    ``timing`` and ``progression`` are the strategy names the routine uses; ``waived`` the
    safety rules the person waived, ``waivers`` each with who waived it (``(rule, who)``);
    ``filters`` the safety filters that ran, in order; ``postponed`` the sessions the filters
    postponed (they are not in ``sessions``).
    ``related`` holds the catalogue entries of every exercise the plan refers to, sorted by
    ``set/id``: the routine's steps as written (before safety filters changed them), the
    planned exercises, and their easier and harder variants, so that exporters can name and
    describe them; see :meth:`find_exercise`.
    """

    routine: Routine
    sessions: tuple[Session, ...]
    safety: tuple[SafetyFinding, ...] = ()
    profile: Profile | None = None
    timing: str = "steady"
    progression: str = "none"
    waived: tuple[str, ...] = ()
    related: tuple[Any, ...] = ()
    waivers: tuple[tuple[str, str], ...] = ()
    filters: tuple[str, ...] = ()
    postponed: tuple[Postponed, ...] = ()
    #: The plugins' settings from the routine's ``[plugins.NAME]`` tables, by settings name
    #: (see :class:`supple.PluginSettings`); exporters read their own here.
    settings: Any = attrs.field(factory=dict)
    #: With a session log: what became of each past session, by ``Session.index``
    #: (``done``, ``partial`` or ``missed``); sessions not in it are still to come.
    status: Any = attrs.field(factory=dict)
    #: With a session log: the day the plan was made for (past sessions are those before it).
    today: dt.date | None = None

    def find_exercise(self, ref: str, set_name: str = "") -> Exercise | None:
        """The exercise ``ref`` names (``set/id``, or an id, looked up in ``set_name`` when
        given) among :attr:`related`; ``None`` when the plan does not carry it or a bare id
        is ambiguous."""
        if "/" in ref:
            set_name, _, ref = ref.partition("/")
        found = [
            e.exercise for e in self.related
            if e.exercise.id == ref and (not set_name or e.set_name == set_name)
        ]
        return found[0] if len(found) == 1 else None

    @property
    def title(self) -> str:
        return self.routine.info.title

    @property
    def weeks(self) -> int:
        return max((s.week for s in self.sessions), default=1)

    def sessions_in_week(self, week: int) -> tuple[Session, ...]:
        return tuple(s for s in self.sessions if s.week == week)


DISCLAIMER = (
    "supple is not medical advice. Stop and seek care if pain increases sharply, spreads down a "
    "leg, or any warning sign appears (such as numbness around the groin, bladder or bowel "
    "changes, or weakness in the legs)."
)
