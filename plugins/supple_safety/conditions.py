"""Condition rules: what to leave out, swap or cap for a person with a stated condition.

Every rule acts on movement tags, positions and kinds (never on exercise names). Excluded steps
are replaced by the nearest safer variant the content links (``easier``), or removed; every
change is a finding naming the rule and its source. Each rule can be waived by name except
``surgery-clearance``, which only the profile's ``cleared_by_surgeon = true`` lifts.
"""

from __future__ import annotations

from collections.abc import Sequence

import supple
from supple_safety import sources
from supple_safety.common import Exclusion, exclude_steps, finding, pause_progression, sentence, without_load
from supple_safety.options import SafetyOptions, options_for

#: The conditions a profile may list, with their meaning (``supple safety`` shows these).
CONDITIONS: dict[str, str] = {
    "osteoporosis": "osteoporosis or low bone density (osteopenia)",
    "vertebral-fracture": "a past fracture of a vertebra, or any fragility fracture (a bone broken "
    "in a fall from standing height or less)",
    "long-term-steroids": "taking steroid tablets such as prednisolone for three months or more "
    "(a fracture risk)",
    "pregnancy": "pregnant; give pregnancy_week as well",
    "spinal-hardware": "metal or other implants in the spine (fusion, rods, screws, disc "
    "replacement)",
    "recent-spinal-surgery": "spinal surgery in the last 12 months",
    "disc-herniation": "a disc herniation ('slipped disc') with active pain, especially pain "
    "into a leg",
    "acute-inflammation": "an acute inflammatory flare of the back (newly hot, swollen or "
    "inflamed)",
    "persistent-severe-pain": "back pain that stays severe whatever you do",
    "hypermobility": "joint hypermobility, hypermobility spectrum disorder or hypermobile "
    "Ehlers-Danlos syndrome",
    "dvt": "a past deep vein thrombosis (a blood clot in a leg vein), treated; a new suspected "
    "clot is the red flag suspected-dvt",
    "open-wound": "an open wound, fresh scar or damaged skin on the back",
}

BONE = ("osteoporosis", "vertebral-fracture", "long-term-steroids")
SURGERY = ("spinal-hardware", "recent-spinal-surgery")
FIRST_TRIMESTER_LAST_WEEK = 13

_BONE_WHY = {
    "osteoporosis": "you have osteoporosis",
    "vertebral-fracture": "you have had a spinal or fragility fracture",
    "long-term-steroids": "you take long-term steroids, which weaken bone",
}
_END_RANGE = ("end-range-flexion", "end-range-rotation", "end-range-extension", "end-range-hold")


def bone_fragility(profile: supple.Profile, opts: SafetyOptions) -> str | None:
    """Why the bone-fragility rules apply to this person, or ``None``."""
    for condition in BONE:
        if profile.has(condition):
            return _BONE_WHY[condition]
    if profile.age is not None and profile.age > opts.fracture_risk_age:
        return f"you are over {opts.fracture_risk_age}, an age with a higher risk of spinal fracture"
    return None


def pregnancy(profile: supple.Profile) -> str | None:
    """Why the after-the-first-trimester rules apply, or ``None`` (``profile`` is the person as
    they are on a session's day, so the rule starts in the week the pregnancy passes 13 weeks)."""
    week = profile.pregnancy_week
    if not profile.pregnant:
        return None
    if week is None:
        return ("you are pregnant and your profile does not give pregnancy_week or due_date, so "
                "supple assumes you are past the first trimester")
    if week > FIRST_TRIMESTER_LAST_WEEK:
        return f"you are in week {week} of pregnancy, past the first trimester"
    return None


def surgery(profile: supple.Profile) -> str | None:
    if profile.has("spinal-hardware") and profile.has("recent-spinal-surgery"):
        return "you have implants in the spine and recent spinal surgery"
    if profile.has("spinal-hardware"):
        return "you have implants in the spine"
    if profile.has("recent-spinal-surgery"):
        return "you have had spinal surgery in the last 12 months"
    return None


def inflammation(profile: supple.Profile) -> str | None:
    if profile.has("acute-inflammation"):
        return "you have acute inflammation"
    if profile.has("persistent-severe-pain"):
        return "you have persistent severe pain"
    return None


def _lumbar_roller(exercise: supple.Exercise) -> str | None:
    if "foam-roller" in exercise.tags and "lumbar" in exercise.regions:
        return "rolls a foam roller under the lower back"
    return None


def exclusions(context: supple.SafetyContext, opts: SafetyOptions | None = None) -> list[Exclusion]:
    """Every condition exclusion that applies to this person (waived ones included)."""
    profile = context.profile
    opts = opts or options_for(context)
    out: list[Exclusion] = []
    bone = bone_fragility(profile, opts)
    if bone:
        out.append(Exclusion(
            "bone-fragility-flexion", bone,
            "Deep or loaded forward bending raises the risk of a spinal fracture when bones are "
            "fragile; neutral-spine and extension work is preferred",
            sources.BONE_FLEXION, tags=("end-range-flexion", "loaded-flexion")))
        out.append(Exclusion(
            "bone-fragility-twist", bone,
            "With fragile bones, twisting stays gentle and mid-range, and nothing pushes a joint "
            "past where the muscles take it",
            sources.BONE_TWIST, tags=("end-range-rotation", "overpressure")))
    roller = bone or next(
        (f"you have {CONDITIONS[c].split(' (')[0]}" for c in ("dvt", "open-wound") if profile.has(c)), None)
    if roller:
        out.append(Exclusion(
            "foam-roller-contraindication", roller,
            "Foam rolling is advised against with fragile or broken bones, a suspected or past "
            "blood clot, or open wounds",
            sources.FOAM_ROLLER, tags=("foam-roller", "direct-pressure")))
    out.append(Exclusion(
        "foam-roller-lumbar", "",
        "A foam roller is never rolled directly on the lower spine, for anyone", sources.FOAM_ROLLER,
        test=_lumbar_roller))
    pregnant = pregnancy(profile)
    if pregnant:
        out.append(Exclusion(
            "pregnancy-supine", pregnant,
            "After the first trimester, exercises lying flat on the back are swapped for "
            "side-lying, seated, standing or all-fours versions",
            sources.PREGNANCY_SUPINE, positions=("supine",)))
    operated = surgery(profile)
    if operated and profile.cleared_by_surgeon:
        out.append(Exclusion(
            "post-surgery-range", f"{operated} (cleared by your surgeon)",
            "After spinal surgery or with implants, plans default to no end-of-range twisting or "
            "forward bending and nothing that forces a joint; follow your surgeon's own advice first",
            sources.SURGERY,
            tags=("end-range-rotation", "end-range-flexion", "loaded-flexion", "overpressure", "self-manipulation")))
    inflamed = inflammation(profile)
    if inflamed:
        out.append(Exclusion(
            "acute-inflammation", inflamed,
            "Only gentle mobility for now: no loaded, end-of-range or forced work, no foam "
            "rolling and no strengthening until it settles",
            sources.INFLAMMATION,
            tags=(*_END_RANGE, "loaded-flexion", "external-load", "overpressure", "foam-roller",
                  "direct-pressure", "impact", "self-manipulation"),
            kinds=("strength",)))
    if profile.has("disc-herniation"):
        out.append(Exclusion(
            "no-load-with-pain", "you have a disc herniation with active pain",
            "A weight is added only when an exercise is easy and causes no pain",
            sources.NO_LOAD, tags=("external-load",)))
    if profile.has("hypermobility"):
        out.append(Exclusion(
            "hypermobility-range", "you have hypermobile joints",
            "Stretch only to mid-range, with no end-of-range holds and nothing forced; build "
            "strength and control rather than range",
            sources.HYPERMOBILITY, tags=(*_END_RANGE, "overpressure", "self-manipulation")))
    return out


def apply(steps: Sequence[supple.PlannedStep], context: supple.SafetyContext) -> supple.SafetyResult:
    from supple_safety.policy import in_force

    profile = context.profile
    opts = options_for(context)
    mine = exclusions(context, opts)
    kept, findings = exclude_steps(steps, context, mine, in_force(context))
    timing = None

    # Flexion that is not end-range: kept, with a word of care.
    bone = bone_fragility(profile, opts)
    if bone and not context.is_waived("bone-fragility-flexion"):
        for step in kept:
            deep = step.exercise.has_any("end-range-flexion", "loaded-flexion")
            if "spinal-flexion" in step.exercise.tags and not deep:
                findings.append(finding(
                    "bone-fragility-flexion", "warned",
                    sentence(f"{bone}: keep the forward rounding in this exercise small, slow and "
                             "comfortable, never deep or pulled"),
                    sources.BONE_FLEXION, step))

    # Pregnancy: the stop signs, whatever the week.
    if profile.pregnant:
        findings.append(finding(
            "pregnancy-stop-signs", "warned",
            "Pregnant: check with your midwife or doctor that nothing in your pregnancy rules "
            "exercise out. Stop and seek care at once for vaginal bleeding, regular painful "
            "contractions, fluid leaking, chest pain, or dizziness or breathlessness that does not "
            "pass.",
            sources.PREGNANCY_STOP))

    # Cleared surgery: the surgeon's advice comes first.
    operated = surgery(profile)
    if operated and profile.cleared_by_surgeon:
        findings.append(finding(
            "post-surgery-range", "warned",
            sentence(f"{operated}, and your profile says your surgeon has cleared you to exercise. "
                     "Follow any limits they gave you; they take precedence over this plan"),
            sources.SURGERY))

    # Disc herniation: supervision, directional preference, no weights.
    if profile.has("disc-herniation"):
        findings.append(finding(
            "disc-herniation-supervision", "warned",
            "With a disc herniation and active pain, exercise like this is best done under a "
            "physiotherapist's supervision. If pain spreads further down a leg during a movement, "
            "stop that movement and prefer the ones that ease or centralise your leg symptoms.",
            sources.DISC))
        if not context.is_waived("no-load-with-pain"):
            kept, capped = without_load(kept, "no-load-with-pain", "you have a disc herniation with active pain",
                                        sources.NO_LOAD)
            findings += capped
            kept, paused = pause_progression(kept)
            if paused:
                findings.append(finding(
                    "no-load-with-pain", "capped",
                    "With a disc herniation and active pain the programme does not progress (no "
                    "added weight, reps or holds); re-plan with your physiotherapist when pain has "
                    f"settled. Paused for step(s) {', '.join(str(s.number) for s in paused)}.",
                    sources.NO_LOAD))

    # Acute inflammation or persistent severe pain: gentle only, no weights, no progression.
    inflamed = inflammation(profile)
    if inflamed and not context.is_waived("acute-inflammation"):
        kept, capped = without_load(kept, "acute-inflammation", inflamed, sources.INFLAMMATION)
        findings += capped
        kept, paused = pause_progression(kept)
        timing = "gentle"
        findings.append(finding(
            "acute-inflammation", "capped",
            sentence(f"{inflamed}: the session is laid out gently (timing 'gentle': slower, with "
                     "longer rests) and does not progress until it settles; stay active in your "
                     "normal day, and see a clinician if it is not easing"),
            sources.INFLAMMATION))

    # Hypermobility: stretches to mid-range only.
    if profile.has("hypermobility") and not context.is_waived("hypermobility-range"):
        for step in kept:
            if step.exercise.kind == "stretch":
                findings.append(finding(
                    "hypermobility-range", "warned",
                    "Hypermobile joints: stretch only to mid-range, to a mild stretch, and never "
                    "hang at the end of the range.",
                    sources.HYPERMOBILITY, step))
    return supple.SafetyResult(steps=kept, findings=findings, timing=timing)


def clearance(steps: Sequence[supple.PlannedStep], context: supple.SafetyContext) -> supple.SafetyResult:
    """No plan after spinal surgery or with spinal implants until a surgeon has cleared it."""
    operated = surgery(context.profile)
    if not operated or context.profile.cleared_by_surgeon:
        return supple.SafetyResult(steps=steps)
    advice = (
        "Please ask your surgeon or physiotherapist before starting this exercise plan: after "
        "spinal surgery, or with implants in the spine, home exercise needs their clearance and "
        "their advice on which movements are safe for you. Once they have cleared you, add "
        "`cleared_by_surgeon = true` to your profile; supple will then plan without end-of-range "
        "twisting or forward bending."
    )
    note = (" (a waiver cannot lift this rule; only the profile's cleared_by_surgeon can)"
            if context.is_waived("surgery-clearance") else "")
    return supple.SafetyResult(steps=steps, findings=[finding(
        "surgery-clearance", "refused",
        sentence(f"{operated}, and your profile does not say your surgeon has cleared you to exercise{note}"),
        sources.SURGERY, advice=advice)])


FILTER_RULES = {
    "bone-fragility-flexion": "osteoporosis, a past spinal or fragility fracture, long-term "
    "steroids or age over fracture_risk_age (70): swaps or removes deep and loaded forward "
    "bends; warns to keep other rounding small",
    "bone-fragility-twist": "the same people: swaps or removes end-of-range twists and anything "
    "that pushes a joint",
    "foam-roller-contraindication": "the same people, and dvt or open-wound: no foam rolling",
    "foam-roller-lumbar": "everyone: no foam rolling directly on the lower spine",
    "pregnancy-supine": "pregnancy after week 13 (or week not given): swaps exercises lying on "
    "the back for side-lying, seated, standing or all-fours ones, else removes them",
    "pregnancy-stop-signs": "pregnancy: shows the signs to stop and seek care",
    "post-surgery-range": "spinal implants or recent surgery, cleared by the surgeon: no "
    "end-of-range twisting or forward bending, nothing forced",
    "disc-herniation-supervision": "disc herniation: advises supervision and dropping a "
    "movement that spreads leg pain",
    "no-load-with-pain": "disc herniation: no weights, and no progression",
    "acute-inflammation": "acute inflammation or persistent severe pain: gentle mobility only "
    "(no loaded, end-of-range, forced or strengthening work, no foam rolling), gentle timing, "
    "no weights, no progression",
    "hypermobility-range": "hypermobility: no end-of-range holds or forced range; stretches to "
    "mid-range only",
}


def safety_filters() -> list[supple.SafetyFilter]:
    return [
        supple.SafetyFilter(
            name="surgery-clearance",
            summary="No plan after spinal surgery or with spinal implants until a surgeon has cleared it.",
            apply=clearance, order=2, conditions={c: CONDITIONS[c] for c in SURGERY},
            rules={"surgery-clearance": "spinal implants or surgery in the last 12 months: refuses "
                   "to plan (exit 3) until the profile says cleared_by_surgeon = true"},
            fixed_rules={"surgery-clearance"},
        ),
        supple.SafetyFilter(
            name="conditions",
            summary="Swaps, removes or caps exercises for osteoporosis, pregnancy, surgery, disc "
            "herniation, inflammation, hypermobility and foam-roller contraindications.",
            apply=apply, order=30,
            conditions={c: m for c, m in CONDITIONS.items() if c not in SURGERY},
            rules=FILTER_RULES,
        ),
    ]
