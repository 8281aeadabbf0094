"""Unreviewed content: for a person a condition rule applies to, no exercise from a set that
does not declare its movement tags reviewed (``ExerciseSet.tags_reviewed``).

The condition rules decide by movement tags and positions, so an exercise nobody checked
(imported from a database without tags, say) could be a deep loaded forward bend that the
osteoporosis rule never sees. Such a step is removed with a finding naming its set; the person
may allow the rule ``unreviewed-tags`` to keep them (the waiver is printed in every output).
"""

from __future__ import annotations

from collections.abc import Sequence

import supple
from supple_safety import sources
from supple_safety.common import finding, sentence

RULE = "unreviewed-tags"


def who(context: supple.SafetyContext) -> str | None:
    """Why the rule applies to this person (their conditions, pregnancy or age), or ``None``."""
    from supple_safety.conditions import bone_fragility
    from supple_safety.options import options_for

    profile = context.profile
    if profile.conditions:
        return f"your profile lists {', '.join(profile.conditions)}"
    if profile.pregnant:
        return "you are pregnant"
    return bone_fragility(profile, options_for(context))


def apply(steps: Sequence[supple.PlannedStep], context: supple.SafetyContext) -> supple.SafetyResult:
    """Remove (or, when waived, keep with a finding) every step from an unreviewed set."""
    reason = who(context)
    if reason is None:
        return supple.SafetyResult(steps=steps)
    waived = context.is_waived(RULE)
    kept, findings = [], []
    for step in steps:
        entry = context.catalogue.find(step.exercise, step.set_name)
        if entry is None or entry.tags_reviewed:
            kept.append(step)
            continue
        untagged = "" if step.exercise.tags else " and this exercise carries no movement tag at all"
        text = sentence(
            f"{reason}, and this exercise comes from the set {step.set_name!r}, which does not "
            f"declare that its movement tags were reviewed{untagged}. The safety rules decide by "
            "movement tags and positions, so an exercise nobody checked cannot be shown to suit you")
        if waived:
            findings.append(finding(RULE, "waived", text + f" You allowed {RULE!r}, so it stays in the plan.",
                                    sources.CONTENT_REVIEW, step))
            kept.append(step)
        else:
            findings.append(finding(
                RULE, "removed", text + f" It is left out (allow {RULE!r} to keep it, after checking "
                "it with your clinician).", sources.CONTENT_REVIEW, step))
    return supple.SafetyResult(steps=kept, findings=findings)


def safety_filter() -> supple.SafetyFilter:
    """The ``unreviewed-tags`` filter (order 25: after the manipulation rule, before conditions)."""
    return supple.SafetyFilter(
        name=RULE,
        summary="For a person with a condition, leaves out exercises from sets whose movement "
        "tags nobody reviewed.",
        apply=apply, order=25,
        rules={RULE: "conditions, pregnancy or age over fracture_risk_age: removes exercises from "
               "sets that do not declare tags_reviewed (the rules decide by tags)"},
    )
