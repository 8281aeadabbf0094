"""``responsive``: progression driven by the session log, following supple's clinical rules
(/work/shared/notes/clinical-rules.md, section 4; docs/strategies.md).

Each week's dose starts from the dose last planned for the step (the ``planned`` dose of its
latest logged record; the written dose without a log) and changes by at most one variable:

* **regress** (fewer repetitions, a shorter hold, or one set less) when the latest session's
  pain after it was in the red zone (``red``, default 6), when next-day pain rose over three
  logged mornings in a row into the amber zone, or after ``misses`` (default 3) sessions in a
  row below target (skipped, partly done, or less than planned) -- "regress after about three
  sessions below target, or when next-day pain is higher";
* **hold** when the latest session's pain was amber (``amber``, default 4, to ``red`` - 1) and
  had not settled by the next morning (next-day pain still amber or more, higher than before the
  session, or not logged) -- Silbernagel 2007;
* **progress** one variable (the first of ``order`` still below its cap) after ``sessions``
  (default 3) comfortable sessions in a row at the current dose: done in full, pain after at
  most ``amber`` - 1, next-day pain (when logged) no higher than that, and not rated hard --
  EMPoweR: change one variable only when the person consistently manages the target;
* otherwise **hold**, saying how many comfortable sessions there are so far.

The decision is explained in a note shown with the week's sessions. Past weeks keep the dose
they were planned with: a week sees only what was logged before it. Safety filters run after
progression and have the last word.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import attrs

import supple

from .fields import between, number, seconds

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_VARIABLES = ("reps", "hold", "sets")
_ATTRIBUTE = {"reps": "reps", "hold": "hold_s", "sets": "sets"}


def _order(value: Any) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise ValueError(f"order: give a list of {', '.join(_VARIABLES)}; got {value!r}")
    items = tuple(str(v) for v in value)
    unknown = [v for v in items if v not in _VARIABLES]
    if unknown or not items or len(set(items)) != len(items):
        raise ValueError(f"order: give each of {', '.join(_VARIABLES)} at most once; got {list(items)}")
    return items


@attrs.frozen
class ResponsiveOptions:
    """Options of ``responsive`` (defaults from the clinical rules; see docs/strategies.md)."""

    sessions: int = number(3, 1, 20)
    misses: int = number(3, 1, 20)
    order: tuple[str, ...] = attrs.field(default=_VARIABLES, converter=_order)
    reps: int = number(2, 1, 20)
    hold: int | str = seconds(5, 1, 120)
    sets: int = number(1, 1, 3)
    max_reps: int | None = number(None, 1, 500)
    max_hold: int | str | None = seconds(None, 1, 600)
    max_sets: int | None = number(None, 1, 20)
    min_reps: int | None = number(None, 1, 500)
    min_hold: int | str | None = seconds(None, 1, 600)
    amber: int = attrs.field(default=4, validator=between(1, 9))
    red: int = attrs.field(default=6, validator=between(2, 10))


def _applies(base: supple.Dose, variable: str) -> bool:
    return {"reps": base.reps > 0, "hold": base.hold_s > 0, "sets": True}[variable]


def _cap(base: supple.Dose, options: ResponsiveOptions, variable: str) -> int:
    given = getattr(options, f"max_{variable}")
    if given is not None:
        return int(given)
    written = int(getattr(base, _ATTRIBUTE[variable]))
    return written + 1 if variable == "sets" else written * 2


def _floor(base: supple.Dose, options: ResponsiveOptions, variable: str) -> int:
    given = getattr(options, f"min_{variable}", None)
    if given is not None:
        return int(given)
    written = int(getattr(base, _ATTRIBUTE[variable]))
    return 1 if variable == "sets" else max(1, written // 2)


def show(dose: supple.Dose, variable: str | None = None) -> str:
    """The part of a dose a note talks about: ``10 reps``, ``hold 20 s``, ``3 sets``."""
    if variable == "sets":
        return f"{dose.sets} set{'s' if dose.sets != 1 else ''}"
    if variable == "hold" or not dose.reps:
        return f"hold {supple.format_seconds(dose.hold_s)}"
    return f"{dose.reps} reps"


def _when(item: supple.StepHistory) -> str:
    return f"{_WEEKDAYS[item.date.weekday()]}'s session ({item.date.isoformat()})"


def _same(planned: supple.Dose | None, current: supple.Dose) -> bool:
    return planned is None or (planned.sets, planned.reps, planned.hold_s) == (
        current.sets, current.reps, current.hold_s)


def _below_target(item: supple.StepHistory) -> bool:
    if item.status != "done":
        return True
    done, planned = item.done, item.planned
    return done is not None and planned is not None and (
        done.sets < planned.sets or done.reps < planned.reps or done.hold_s < planned.hold_s)


def _comfortable(item: supple.StepHistory, options: ResponsiveOptions) -> bool:
    green = options.amber - 1
    return (not _below_target(item) and item.effort != "hard"
            and item.pain_after is not None and item.pain_after <= green
            and (item.next_day_pain is None or item.next_day_pain <= green))


def _change(base: supple.Dose, current: supple.Dose, options: ResponsiveOptions,
            up: bool) -> tuple[supple.Dose, str] | None:
    """``current`` with one variable one increment up (or down); ``None`` when none may move.

    Going up, the first variable of ``order`` below its cap moves; going down, the last one
    raised above the written dose comes back first, else the first of ``order`` above its floor."""
    order = options.order
    if not up:
        raised = [v for v in reversed(order) if _applies(base, v)
                  and getattr(current, _ATTRIBUTE[v]) > getattr(base, _ATTRIBUTE[v])]
        order = (*raised, *(v for v in order if v not in raised))
    for variable in order:
        if not _applies(base, variable):
            continue
        attribute = _ATTRIBUTE[variable]
        value = getattr(current, attribute)
        step = getattr(options, variable)
        new = min(value + step, _cap(base, options, variable)) if up else max(
            value - step, _floor(base, options, variable))
        if new != value:
            return supple.evolve(current, **{attribute: new}), variable
    return None


def _tail(history: Sequence[supple.StepHistory], exercise: str | None,
          want: int) -> tuple[list[supple.StepHistory], list[supple.StepHistory]]:
    """The latest ``want`` records of ``exercise`` (an id; any when ``None``), latest first, and
    as many more as it takes to find a planned dose; and the latest three with next-day pain.
    One backward pass that stops as soon as it has them: a year of history costs no more than
    a week of it."""
    recent: list[supple.StepHistory] = []
    mornings: list[supple.StepHistory] = []
    planned = False
    for item in reversed(history):
        if exercise is not None and item.exercise.rpartition("/")[2] != exercise:
            continue
        if len(recent) < want or not planned:
            recent.append(item)
            planned = planned or item.planned is not None
        if item.next_day_pain is not None and len(mornings) < 3:
            mornings.append(item)
        if len(recent) >= want and planned and len(mornings) == 3:
            break
    return recent, mornings


def decide(base: supple.Dose, history: Sequence[supple.StepHistory], options: ResponsiveOptions,
           name: str, exercise: str | None = None) -> supple.ProgressionDecision:
    """The week's dose and why, from the step's ``history`` (oldest first; only the records of
    exercise id ``exercise`` when given)."""
    recent, mornings_latest_first = _tail(history, exercise, max(options.sessions, options.misses))
    last_planned = next((h.planned for h in recent if h.planned is not None), None)
    current = base if last_planned is None else supple.evolve(
        base, sets=last_planned.sets, reps=last_planned.reps, hold_s=last_planned.hold_s)
    main = next((v for v in options.order if _applies(base, v)), None)
    if not recent:
        return supple.ProgressionDecision(current)
    latest = recent[0]
    at_dose = []  # the records at the current dose, latest first, up to the last change
    for item in recent:
        if not _same(item.planned, current):
            break
        at_dose.append(item)

    def regress(why: str) -> supple.ProgressionDecision:
        changed = _change(base, current, options, up=False)
        if changed is None:
            return supple.ProgressionDecision(
                current, f"{name} held at {show(current, main)}, the easiest dose allowed: {why}; "
                "if this goes on, ask your physiotherapist for an easier variant.")
        dose, variable = changed
        return supple.ProgressionDecision(dose, f"{name} reduced to {show(dose, variable)}: {why}.")

    if latest.pain_after is not None and latest.pain_after >= options.red:
        return regress(f"pain {latest.pain_after} after {_when(latest)}")
    mornings = [h.next_day_pain or 0 for h in reversed(mornings_latest_first)]
    if len(mornings) == 3 and mornings[0] < mornings[1] < mornings[2] and mornings[2] >= options.amber:
        last = mornings_latest_first[0]
        rise = " to ".join(str(p) for p in mornings)
        return regress(f"next-day pain rose from {rise} over the mornings after the last three "
                       f"sessions, up to {_when(last)}")
    misses = at_dose[:options.misses]
    if len(misses) == options.misses and all(_below_target(h) for h in misses):
        return regress(f"the last {options.misses} sessions were below target")
    if latest.pain_after is not None and latest.pain_after >= options.amber:
        settled = latest.next_day_pain is not None and latest.next_day_pain < options.amber and (
            latest.pain_before is None or latest.next_day_pain <= latest.pain_before)
        if not settled:
            how = ("and no next-morning pain was logged" if latest.next_day_pain is None
                   else f"had not settled next morning ({latest.next_day_pain}/10)")
            return supple.ProgressionDecision(
                current, f"{name} held at {show(current, main)}: pain {latest.pain_after} after "
                f"{_when(latest)} {how}.")
    streak = 0
    for item in at_dose:
        if not _comfortable(item, options):
            break
        streak += 1
    if streak >= options.sessions:
        changed = _change(base, current, options, up=True)
        if changed is None:
            return supple.ProgressionDecision(
                current, f"{name} stays at {show(current, main)}: {streak} comfortable sessions, and "
                "the dose is at its cap.")
        dose, variable = changed
        return supple.ProgressionDecision(
            dose, f"{name} progressed to {show(dose, variable)}: {streak} comfortable sessions in a row "
            f"at {show(current, variable)} (done in full, pain {options.amber - 1} or less, not hard).")
    return supple.ProgressionDecision(
        current, f"{name} held at {show(current, main)}: {streak} of {options.sessions} comfortable "
        "sessions in a row so far.")


def dose_for(base: supple.Dose, week: int, options: ResponsiveOptions,
             context: supple.ProgressionContext) -> supple.ProgressionDecision:
    return decide(base, context.history, options, context.exercise.name, context.exercise.id)


def check(base: supple.Dose, options: ResponsiveOptions | None) -> Iterator[str]:
    if options is None:  # the options themselves were wrong: that error is reported already
        return
    if options.amber >= options.red:
        yield f"amber ({options.amber}) must be below red ({options.red})"
    for variable in _VARIABLES:
        if not _applies(base, variable):
            continue
        written = getattr(base, _ATTRIBUTE[variable])
        cap = getattr(options, f"max_{variable}")
        if cap is not None and cap < written:
            yield f"max_{variable} ({cap}) is below the starting dose ({written})"
        floor = getattr(options, f"min_{variable}", None)
        if floor is not None and floor > written:
            yield f"min_{variable} ({floor}) is above the starting dose ({written})"
