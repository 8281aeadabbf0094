"""Dose caps that the articles and sources state, counted per session across steps.

Filters run on every session after progression, so a cap holds in every week whatever the
progression strategy does, and it counts everything the session holds: two steps of standing
back-bends share one allowance.

* ``standing-extension-cap`` (article 001: "repeat this exercise maximum three times"): standing
  backward bends (position ``standing``, tag ``spinal-extension``) from exercises that cite
  article 001 are done at most three times a session, all such steps together.
* ``foam-roller-dose`` (article 001): foam rolling at most 10 rolls a set and 2 sets a session
  (all foam-roller steps together), with at least 20 s of rest between sets.

(The hour between repeats that article 001 asks for is planned by the engine from
``Exercise.min_interval_s``: see docs/strategies.md.)
"""

from __future__ import annotations

from collections.abc import Sequence

import supple
from supple_safety import sources
from supple_safety.common import finding, sentence

EXTENSION_RULE = "standing-extension-cap"
FOAM_RULE = "foam-roller-dose"

EXTENSION_MAX_REPS = 3
FOAM_MAX_REPS, FOAM_MAX_SETS, FOAM_MIN_REST_S = 10, 2, 20


def _cites_001(exercise: supple.Exercise) -> bool:
    return any(source.ref == sources.ARTICLE_001_REF for source in exercise.sources)


def repetitions(dose: supple.Dose) -> int:
    """The repetitions a dose does on one side: each set's own count (a pure hold is one)."""
    return sum(dose.set_reps) if dose.set_reps else dose.sets * dose.reps_per_set


def _extension_cap(dose: supple.Dose, allowance: int) -> supple.Dose | None:
    """``dose`` within ``allowance`` repetitions in all (``None`` when it already is). A
    continuous duration is no count at all: it becomes repetitions within the allowance."""
    if repetitions(dose) <= allowance and not dose.duration_s:
        return None
    return supple.evolve(dose, sets=1, reps=min(dose.reps_per_set, allowance), duration_s=0)


def _foam_cap(dose: supple.Dose, sets_left: int) -> supple.Dose | None:
    """``dose`` within the session's foam-rolling allowance (``None`` when it already is); the
    largest set of a pyramid is capped (the others move with it), and a continuous duration
    becomes at most the rolls of a set."""
    sets = min(dose.sets, sets_left)
    reps = min(dose.reps or (FOAM_MAX_REPS if dose.duration_s else 0), FOAM_MAX_REPS)
    rest = max(dose.rest_s, FOAM_MIN_REST_S) if sets > 1 else dose.rest_s
    new = supple.evolve(dose, sets=sets, reps=reps, rest_s=rest, duration_s=0)
    return new if new != dose else None


def apply(steps: Sequence[supple.PlannedStep], context: supple.SafetyContext) -> supple.SafetyResult:
    kept: list[supple.PlannedStep] = []
    findings: list[supple.SafetyFinding] = []
    extension_left, foam_sets_left = EXTENSION_MAX_REPS, FOAM_MAX_SETS
    for step in steps:
        ex = step.exercise
        cap = None
        if "foam-roller" in ex.tags:
            gone = foam_sets_left <= 0
            new = None if gone else _foam_cap(step.dose, foam_sets_left)
            if not context.is_waived(FOAM_RULE) and not gone:
                foam_sets_left -= (new or step.dose).sets
            if new is not None or gone:
                cap = (FOAM_RULE, new, sources.FOAM_DOSE, gone,
                       f"foam rolling is capped at {FOAM_MAX_SETS} sets of {FOAM_MAX_REPS} rolls a "
                       f"session, all foam-roller steps together, with at least {FOAM_MIN_REST_S} s "
                       "rest between sets")
        elif ex.position == "standing" and "spinal-extension" in ex.tags and _cites_001(ex):
            gone = extension_left <= 0
            new = None if gone else _extension_cap(step.dose, extension_left)
            if not context.is_waived(EXTENSION_RULE) and not gone:
                extension_left -= repetitions(new or step.dose)
            if new is not None or gone:
                cap = (EXTENSION_RULE, new, sources.EXTENSION_CAP, gone,
                       f"article 001 does standing backward bends at most {EXTENSION_MAX_REPS} "
                       "times a session, all such steps together")
        if cap is not None:
            rule, new, source, gone, why = cap
            before = step.dose.describe()
            if context.is_waived(rule):
                findings.append(finding(rule, "waived", sentence(
                    f"{why}; you waived {rule!r}, so the dose stays {before}"), source, step))
            elif gone:
                findings.append(finding(rule, "removed", sentence(
                    f"{why}: earlier steps of the session use the whole allowance, so this step "
                    "is left out"), source, step))
                continue
            elif new is not None:
                step = supple.evolve(step, dose=new)
                findings.append(finding(rule, "capped", sentence(
                    f"{why}: {before} becomes {new.describe()}"), source, step))
        kept.append(step)
    return supple.SafetyResult(steps=kept, findings=findings)


FILTER_RULES = {
    EXTENSION_RULE: "standing backward bends from article 001: at most 3 repetitions a session, "
    "all steps together",
    FOAM_RULE: "foam rolling: at most 2 sets of 10 rolls a session (all steps together), 20 s "
    "rest between sets",
}


def safety_filter() -> supple.SafetyFilter:
    return supple.SafetyFilter(
        name="dose-caps",
        summary="Caps doses where the sources state a maximum, per session across steps.",
        apply=apply, order=40, rules=FILTER_RULES,
    )
