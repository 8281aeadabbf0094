"""Dose caps that the articles and sources state.

* ``standing-extension-cap`` (article 001: "repeat this exercise maximum three times"): a
  standing backward bend (position ``standing``, tag ``spinal-extension``) from an exercise that
  cites article 001 is done at most three times a session.
* ``foam-roller-dose`` (article 001): foam rolling at most 10 rolls a set and 2 sets a session,
  with at least 20 s of rest between sets (the article's further sets come only after an hour's
  break, which a single session cannot hold).
* ``min-interval``: an exercise with a minimum interval (``min_interval_s``, e.g. article 001's
  "wait an hour") is not repeated sooner: a second step with it in one session is removed, and
  so is the exercise when the routine's session times on a day are closer than that interval.

A capped step does not progress (its progression is switched off), so the cap holds every week.
"""

from __future__ import annotations

from collections.abc import Sequence

import supple

from supple_safety import sources
from supple_safety.common import finding, sentence

EXTENSION_RULE = "standing-extension-cap"
FOAM_RULE = "foam-roller-dose"
INTERVAL_RULE = "min-interval"

EXTENSION_MAX_REPS = 3
FOAM_MAX_REPS, FOAM_MAX_SETS, FOAM_MIN_REST_S = 10, 2, 20


def _cites_001(exercise: supple.Exercise) -> bool:
    return any(source.ref == sources.ARTICLE_001_REF for source in exercise.sources)


def _extension_cap(dose: supple.Dose) -> supple.Dose | None:
    if dose.sets * dose.reps_per_set <= EXTENSION_MAX_REPS:
        return None
    return supple.evolve(dose, sets=1, reps=min(dose.reps_per_set, EXTENSION_MAX_REPS))


def _foam_cap(dose: supple.Dose) -> supple.Dose | None:
    sets = min(dose.sets, FOAM_MAX_SETS)
    reps = min(dose.reps, FOAM_MAX_REPS)
    rest = max(dose.rest_s, FOAM_MIN_REST_S) if sets > 1 else dose.rest_s
    new = supple.evolve(dose, sets=sets, reps=reps, rest_s=rest)
    return new if new != dose else None


def _session_gap_s(schedule: supple.Schedule | None) -> int | None:
    """The shortest time between two sessions of the routine, in seconds (``None`` without a
    schedule). The day's last time counts against the next day's first."""
    if schedule is None or not schedule.times:
        return None
    seconds = [t.hour * 3600 + t.minute * 60 for t in schedule.times]
    gaps = [b - a for a, b in zip(seconds, seconds[1:])]
    gaps.append(86400 - seconds[-1] + seconds[0])  # the last session and the next day's first
    return min(gaps)


def apply(steps: Sequence[supple.PlannedStep], context: supple.SafetyContext) -> supple.SafetyResult:
    kept: list[supple.PlannedStep] = []
    findings: list[supple.SafetyFinding] = []
    gap = _session_gap_s(context.routine.schedule)
    seen: dict[tuple[str, str], int] = {}
    for step in steps:
        ex = step.exercise
        where = ", ".join(s.ref for s in ex.sources)
        if ex.min_interval_s:
            key = (step.set_name, ex.id)
            wait = supple.format_seconds(ex.min_interval_s)
            problem = hint = None
            if key in seen:
                problem = (f"step {seen[key]} already does this exercise in the same session, and it "
                           f"should not be repeated within {wait}")
            elif gap is not None and gap < ex.min_interval_s:
                problem = (f"this routine's sessions are only {supple.format_seconds(gap)} apart on "
                           f"some days, and this exercise should not be repeated within {wait}")
                hint = f" Space the session times at least {wait} apart to keep it."
            seen.setdefault(key, step.number)
            if problem:
                if context.is_waived(INTERVAL_RULE):
                    findings.append(finding(INTERVAL_RULE, "waived", sentence(
                        f"{problem}; you waived {INTERVAL_RULE!r}, so it stays"), where, step))
                else:
                    findings.append(finding(INTERVAL_RULE, "removed", sentence(
                        f"{problem}, so it is left out of the plan") + (hint or ""), where, step))
                    continue
        cap = None
        if "foam-roller" in ex.tags:
            new = _foam_cap(step.dose)
            if new is not None:
                cap = (FOAM_RULE, new, sources.FOAM_DOSE,
                       f"foam rolling is capped at {FOAM_MAX_SETS} sets of {FOAM_MAX_REPS} rolls a "
                       f"session with at least {FOAM_MIN_REST_S} s rest between sets")
        elif ex.position == "standing" and "spinal-extension" in ex.tags and _cites_001(ex):
            new = _extension_cap(step.dose)
            if new is not None:
                cap = (EXTENSION_RULE, new, sources.EXTENSION_CAP,
                       f"article 001 does this standing backward bend at most {EXTENSION_MAX_REPS} "
                       "times a session")
        if cap is not None:
            rule, new, source, why = cap
            before = step.dose.describe()
            if context.is_waived(rule):
                findings.append(finding(rule, "waived", sentence(
                    f"{why}; you waived {rule!r}, so the dose stays {before}"), source, step))
            else:
                paused = step.progression != "none"
                step = supple.evolve(step, dose=new)
                if paused:
                    step = supple.evolve(step, progression="none", progression_options=None)
                findings.append(finding(rule, "capped", sentence(
                    f"{why}: {before} becomes {new.describe()}"
                    + ("; this step does not progress, so the cap holds every week" if paused else "")),
                    source, step))
        kept.append(step)
    return supple.SafetyResult(steps=kept, findings=findings)


FILTER_RULES = {
    EXTENSION_RULE: "a standing backward bend from article 001: at most 3 repetitions a session",
    FOAM_RULE: "foam rolling: at most 2 sets of 10 rolls a session, 20 s rest between sets",
    INTERVAL_RULE: "an exercise with a minimum interval (article 001's 'wait an hour') is not "
    "repeated within it: not twice in a session, nor in sessions closer together",
}


def safety_filter() -> supple.SafetyFilter:
    return supple.SafetyFilter(
        name="dose-caps",
        summary="Caps doses where the sources state a maximum, and keeps an hour between repeats "
        "where they ask for one.",
        apply=apply, order=40, rules=FILTER_RULES,
    )
