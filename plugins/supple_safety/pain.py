"""The pain gate: the pain score that governs a session (the profile's ``pain`` on its day and
the next, see :data:`supple.model.profile.PAIN_WINDOW_DAYS`) decides how hard it is.

The traffic light of pain monitoring (Silbernagel 2007):

* **green, 0-3**: the session as planned.
* **amber, 4-5**: the session is laid out gently (timing ``gentle``), every weight is left out
  and the dose goes back to the routine's written dose (no progression). This floor cannot be
  waived.
* **red, 6-10**: the session is postponed, with the advice to rest from the routine that day,
  keep gently active, and score the pain again. The rest of the programme stays planned: an
  export is never refused for pain alone. Waiving ``pain-gate`` turns this into the amber
  treatment, never into the full session.
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
        f"Your pain is {pain}/10, too high for this routine on that day. Skip the session, but "
        "stay gently active: short walks and your normal daily activities as far as you can, "
        "rather than bed rest. Score your pain again before the next session; go on when it is "
        "5/10 or lower. If the pain is "
        "severe, is not easing after a few days, or comes with any warning sign, see a clinician."
    )


def apply(steps: Sequence[supple.PlannedStep], context: supple.SafetyContext) -> supple.SafetyResult:
    pain = context.profile.pain
    if pain is None or pain < AMBER:
        return supple.SafetyResult(steps=steps)
    findings: list[supple.SafetyFinding] = []
    if pain >= RED:
        if not context.is_waived(RULE):
            return supple.SafetyResult(steps=(), findings=[finding(
                RULE, "postponed",
                f"Your pain score is {pain}/10 (6 or more is red on the pain traffic light), so "
                "the sessions it governs are postponed.",
                sources.PAIN, advice=advice(pain))])
        findings.append(finding(
            RULE, "waived",
            f"Your pain score is {pain}/10, which would postpone the sessions it governs; you waived "
            f"{RULE!r}, so you get the gentle session instead (never the full plan). Stop if the "
            "pain increases.",
            sources.PAIN))
    elif context.is_waived(RULE):
        findings.append(finding(
            RULE, "warned",
            f"You waived {RULE!r}, but with pain at {pain}/10 the session stays gentle and without "
            "weights: that part cannot be waived.",
            sources.PAIN))
    why = f"your pain score is {pain}/10"
    light = "amber on the pain traffic light" if pain < RED else "red, planned gently because you waived the gate"
    kept, capped = without_load(steps, RULE, why, sources.PAIN)
    findings += capped
    kept, paused = pause_progression(kept)
    pause = (f" They go back to the routine's written dose while pain is this high (step(s) "
             f"{', '.join(str(s.number) for s in paused)}).") if paused else ""
    findings.append(finding(
        RULE, "capped",
        f"Your pain score is {pain}/10 ({light}): the sessions it governs are laid out gently "
        "(timing 'gentle'), with no weights." + pause + " Pain up to 5/10 during "
        "exercise is acceptable if it has settled by the next morning; if it has not, do less.",
        sources.PAIN))
    return supple.SafetyResult(steps=kept, findings=findings, timing="gentle")


def safety_filter() -> supple.SafetyFilter:
    return supple.SafetyFilter(
        name=RULE,
        summary="Today's pain: 4-5 makes the session gentle and weight-free, 6 or more postpones it.",
        apply=apply, order=10,
        rules={RULE: "pain 4-5 (on the day it was scored and the next): gentle timing, no "
               "weights, the written dose (cannot be waived); pain 6-10: postpones those "
               "sessions; waiving it gives the gentle session instead"},
    )
