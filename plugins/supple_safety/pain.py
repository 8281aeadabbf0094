"""The pain gate: today's pain (the profile's ``pain``, 0-10) decides how hard the session is.

The traffic light of pain monitoring (Silbernagel 2007):

* **green, 0-3**: the plan as written.
* **amber, 4-5**: the session is laid out gently (timing ``gentle``), every weight is left out
  and the programme does not progress (so no load is added later either). This floor cannot be
  waived.
* **red, 6-10**: today's plan is postponed: supple refuses (exit status 3) with the advice to
  rest from the routine today, keep gently active, and re-run it when pain is 5 or lower.
  Waiving ``pain-gate`` turns this into the amber treatment, never into the full plan.
"""

from __future__ import annotations

from collections.abc import Sequence

import supple

from supple_safety import sources
from supple_safety.common import finding, pause_progression, without_load

RULE = "pain-gate"
AMBER, RED = 4, 6


def advice(pain: int) -> str:
    return (
        f"Your pain today is {pain}/10, too high for this routine today. Skip it for now, but "
        "stay gently active: short walks and your normal daily activities as far as you can, "
        "rather than bed rest. Re-run supple when your pain is 5/10 or lower. If the pain is "
        "severe, is not easing after a few days, or comes with any warning sign, see a clinician."
    )


def apply(steps: Sequence[supple.PlannedStep], context: supple.SafetyContext) -> supple.SafetyResult:
    pain = context.profile.pain
    if pain is None or pain < AMBER:
        return supple.SafetyResult(steps=steps)
    findings: list[supple.SafetyFinding] = []
    if pain >= RED:
        if not context.is_waived(RULE):
            return supple.SafetyResult(steps=steps, findings=[finding(
                RULE, "refused",
                f"Your pain today is {pain}/10 (6 or more is red on the pain traffic light), so "
                "today's session is postponed.",
                sources.PAIN, advice=advice(pain))])
        findings.append(finding(
            RULE, "waived",
            f"Your pain today is {pain}/10, which would postpone today's session; you waived "
            f"{RULE!r}, so you get the gentle session instead (never the full plan). Stop if the "
            "pain increases.",
            sources.PAIN))
    elif context.is_waived(RULE):
        findings.append(finding(
            RULE, "warned",
            f"You waived {RULE!r}, but with pain at {pain}/10 the session stays gentle and without "
            "weights: that part cannot be waived.",
            sources.PAIN))
    why = f"your pain today is {pain}/10"
    light = "amber on the pain traffic light" if pain < RED else "red, planned gently because you waived the gate"
    kept, capped = without_load(steps, RULE, why, sources.PAIN)
    findings += capped
    kept, paused = pause_progression(kept)
    pause = (f" The programme does not progress while pain is this high (step(s) "
             f"{', '.join(str(s.number) for s in paused)}); re-plan when it settles.") if paused else ""
    findings.append(finding(
        RULE, "capped",
        f"Your pain today is {pain}/10 ({light}): the session is laid out gently (timing 'gentle'), with no weights." + pause + " Pain up to 5/10 during "
        "exercise is acceptable if it has settled by the next morning; if it has not, do less.",
        sources.PAIN))
    return supple.SafetyResult(steps=kept, findings=findings, timing="gentle")


def safety_filter() -> supple.SafetyFilter:
    return supple.SafetyFilter(
        name=RULE,
        summary="Today's pain: 4-5 makes the session gentle and weight-free, 6 or more postpones it.",
        apply=apply, order=10,
        rules={RULE: "pain 4-5 today: gentle timing, no weights, no progression (cannot be "
               "waived); pain 6-10: postpones today's session (exit 3); waiving it gives the "
               "gentle session instead"},
    )
