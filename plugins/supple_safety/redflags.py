"""The red-flag screen: signs that stop self-management.

Three tiers (IFOMPT framework, Finucane 2020): most single red flags are weak, so only the
strong ones block.

* **emergency** (possible cauda equina syndrome): refuse, and tell the person to seek emergency
  care now.
* **see-clinician**: refuse, and advise a medical review before starting.
* **caution** (age, from the profile's ``age``; thresholds in ``[plugins.safety]``): warn only.

Refusals can never be waived: this filter does not consult waivers at all, and declares its
refusal rules as fixed so the engine rejects any attempt to report them waived. A waiver naming
them is answered with a warning that it has no effect.
"""

from __future__ import annotations

from collections.abc import Sequence

import supple
from supple_safety import sources
from supple_safety.common import finding, sentence
from supple_safety.options import changed, options_for

EMERGENCY_RULE = "red-flag-emergency"
REVIEW_RULE = "red-flag-review"
AGE_RULE = "age-caution"
CHILD_RULE = "under-16"
POST_TERM_RULE = "pregnancy-past-term"

#: supple's guidance rests on NICE NG59, which covers people aged 16 and over.
MIN_AGE = 16
#: 42 completed weeks: post-term (ACOG); past it the profile's pregnancy dates cannot be current.
LAST_PREGNANCY_WEEK = 42

#: Tier A: seek emergency care now.
EMERGENCY: dict[str, str] = {
    "bladder-bowel-change": "new trouble passing urine or controlling the bladder or bowel, or "
    "not feeling urine pass",
    "saddle-numbness": "numbness or pins and needles around the genitals, back passage or inner "
    "buttocks (the 'saddle' area)",
    "bilateral-leg-symptoms": "pain, numbness, tingling or weakness in both legs",
    "progressive-weakness": "weakness in a leg or foot that is getting worse",
    "rectal-sensation-loss": "new loss of feeling in the back passage",
    "sexual-dysfunction": "new loss of sexual function or of feeling in the genitals",
}

#: Tier B: see a clinician before starting.
REVIEW: dict[str, str] = {
    "fever": "a fever, chills or feeling generally unwell along with the back pain",
    "cancer-history": "cancer now or in the past, however long ago, not yet considered by a "
    "clinician for this back pain",
    "unexplained-weight-loss": "losing weight without trying",
    "major-trauma": "back pain after a significant fall, accident or blow, or after a minor one "
    "with osteoporosis or long-term steroids",
    "night-pain": "severe pain at night or at rest that does not ease when you change position",
    "immunosuppression": "a weakened immune system, from medication or illness",
    "iv-drug-use": "injecting drugs",
    "thoracic-pain-unwell": "pain in the middle or upper back together with feeling unwell",
    "spinal-deformity": "a new or worsening visible curve or deformity of the spine",
    "no-improvement": "back pain that has not improved at all after about four weeks",
    "suspected-dvt": "new pain, swelling, warmth or redness in one calf or leg (a possible blood "
    "clot, deep vein thrombosis)",
}

RED_FLAGS = {**EMERGENCY, **REVIEW}
TIERS = {**{flag: "emergency" for flag in EMERGENCY}, **{flag: "see-clinician" for flag in REVIEW}}

EMERGENCY_ADVICE = (
    "Seek emergency care now: go to an emergency department or call your local emergency "
    "number. The signs you listed can mean pressure on the nerves at the base of the spine "
    "(cauda equina syndrome), which must be assessed the same day. Do not start this exercise plan."
)
REVIEW_ADVICE = (
    "Please see a doctor or physiotherapist for a review before starting this exercise plan. "
    "The signs you listed need a clinician's check to rule out a serious cause of back pain; "
    "most people who have them turn out to be fine, but the check comes first. Once a clinician "
    "has checked them and cleared you to exercise, take them off your profile's red_flags list."
)


def apply(steps: Sequence[supple.PlannedStep], context: supple.SafetyContext) -> supple.SafetyResult:
    profile = context.profile
    opts = options_for(context)
    findings: list[supple.SafetyFinding] = []
    refusal = _triage(profile)
    if refusal is not None:
        return supple.SafetyResult(steps=steps, findings=[refusal])
    urgent = [flag for flag in profile.red_flags if flag in EMERGENCY]
    review = [flag for flag in profile.red_flags if flag in REVIEW]
    attempted = sorted(rule for rule in (EMERGENCY_RULE, REVIEW_RULE) if context.is_waived(rule))
    named = ", ".join(repr(r) for r in attempted)
    ignored = f" Your waiver of {named} is ignored: red flags cannot be waived." if attempted else ""
    if urgent or review:
        # One piece of advice for the whole refusal: the most urgent one.
        advice = EMERGENCY_ADVICE if urgent else REVIEW_ADVICE
        for flag in urgent:
            findings.append(finding(
                EMERGENCY_RULE, "refused", sentence(f"emergency sign: {EMERGENCY[flag]} ({flag})"),
                sources.CAUDA_EQUINA, advice=advice))
        for flag in review:
            findings.append(finding(
                REVIEW_RULE, "refused",
                sentence(f"sign that needs a clinician's review first: {REVIEW[flag]} ({flag})"),
                sources.RED_FLAG_REVIEW, advice=advice))
        if ignored:  # said once, on the first refusal
            findings[0] = supple.evolve(findings[0], reason=findings[0].reason + ignored)
        return supple.SafetyResult(steps=steps, findings=findings)
    if attempted:
        findings.append(finding(
            attempted[0], "warned",
            f"You waived {', '.join(repr(r) for r in attempted)}; red flags can never be waived, so "
            "this waiver has no effect (your profile lists none today).",
            sources.RED_FLAG_TIERS))
    for name, value, default in changed(opts):
        findings.append(finding(
            AGE_RULE, "warned",
            f"The safety settings set {name} = {value} (supple's default is {default}), from the "
            "routine or your profile's [plugins.safety].",
            sources.RED_FLAG_TIERS))
    age = profile.age
    if age is not None and age > opts.caution_age_over:
        findings.append(finding(
            AGE_RULE, "warned",
            f"You are over {opts.caution_age_over}. Back pain that first starts after this age more "
            "often has a specific cause: if this pain is new, or it is not clearly improving within "
            "a few weeks, ask a clinician to check it.",
            sources.RED_FLAG_TIERS))
    elif age is not None and age < opts.caution_age_under:
        findings.append(finding(
            AGE_RULE, "warned",
            f"You are under {opts.caution_age_under}. Persistent back pain at a young age is worth a "
            "clinician's check if it is not clearly improving within a few weeks.",
            sources.RED_FLAG_TIERS))
    return supple.SafetyResult(steps=steps, findings=findings)


def _triage(profile: supple.Profile) -> supple.SafetyFinding | None:
    """Who supple's guidance is not for: children, and a pregnancy past term."""
    youngest = profile.minimum_age if profile.minimum_age is not None else profile.age
    if youngest is not None and youngest < MIN_AGE:
        return finding(
            CHILD_RULE, "refused",
            f"Your profile gives an age under {MIN_AGE}. supple's advice follows NICE guideline "
            "NG59, which covers people aged 16 and over: back pain in children and young "
            "teenagers is less common and needs a clinician's assessment first.",
            sources.CHILDREN,
            advice="Please see a doctor or physiotherapist about back pain at this age before "
            "starting an exercise plan; they can give exercises suited to you.")
    week = profile.pregnancy_week
    if week is not None and week > LAST_PREGNANCY_WEEK:
        return finding(
            POST_TERM_RULE, "refused",
            f"By your profile's dates the pregnancy would be in week {week} during this programme, "
            f"past {LAST_PREGNANCY_WEEK} weeks, so the dates cannot be current.",
            sources.POST_TERM,
            advice="Please update your profile: after the birth, check with your midwife or doctor "
            "before starting postnatal exercise, and remove pregnancy, pregnancy_week and due_date "
            "from the profile; before it, shorten the programme so it ends by week 42.")
    return None


FILTER_RULES = {
    CHILD_RULE: "an age under 16 on a session's day: refuses to plan (exit 3); see a clinician "
    "(NICE NG59 covers 16 and over)",
    POST_TERM_RULE: "a pregnancy past 42 weeks on a session's day: refuses to plan (exit 3) and "
    "asks for an updated profile",
    EMERGENCY_RULE: "emergency red flags (possible cauda equina syndrome): refuses to plan "
    "(exit 3) and advises emergency care now",
    REVIEW_RULE: "red flags that need a clinician's review first: refuses to plan (exit 3) and "
    "advises a review",
    AGE_RULE: "age over caution_age_over (50) or under caution_age_under (20), set in "
    "[plugins.safety]: a warning only",
}


def safety_filter() -> supple.SafetyFilter:
    return supple.SafetyFilter(
        name="red-flags",
        summary="Refuses to plan when a red-flag sign is present, with the right advice; warns on weak signs.",
        apply=apply, order=0, red_flags=RED_FLAGS, red_flag_tiers=TIERS, rules=FILTER_RULES,
        fixed_rules={EMERGENCY_RULE, REVIEW_RULE, CHILD_RULE, POST_TERM_RULE},
    )
