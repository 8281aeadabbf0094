"""Cautions that apply to this person: a caution that names a condition is kept only when the
profile has that condition (or when there is no profile, so nothing can be ruled out).

A caution names a condition through the words listed in :data:`GROUPS`; a caution naming
none of them is general and always kept. This is a reading aid, not a safety rule: the safety
filters have already removed or replaced what a condition forbids.
"""

from __future__ import annotations

from typing import Any

#: condition group -> (words that name it in a caution, conditions of the profile that match)
GROUPS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "pregnancy": (("pregnan", "trimester"), ("pregnancy",)),
    "bone": (("osteoporosis", "fracture", "low bone density"),
             ("osteoporosis", "vertebral-fracture", "long-term-steroids")),
    "implants": (("implant", "spinal surgery", "hardware"), ("spinal-hardware", "recent-spinal-surgery")),
    "disc": (("disc herniation", "slipped disc", "herniated"), ("disc-herniation",)),
    "inflammation": (("acute inflammation", "persistent severe pain", "severe pain"),
                     ("acute-inflammation", "persistent-severe-pain")),
    "hypermobility": (("hypermobil",), ("hypermobility",)),
    "clots": (("thrombosis", "blood clot", "dvt", "open wound"), ("dvt", "open-wound")),
}

#: above this age the bone-fragility cautions apply without a diagnosis (clinical-rules.md)
FRACTURE_RISK_AGE = 70


def groups_named(caution: str) -> set[str]:
    """The condition groups a caution talks about."""
    lower = caution.lower()
    return {name for name, (words, _) in GROUPS.items() if any(w in lower for w in words)}


def applies(caution: str, profile: Any) -> bool:
    """Whether ``caution`` concerns this person (always, without a profile)."""
    if profile is None:
        return True
    named = groups_named(caution)
    if not named:
        return True
    for name in named:
        _, conditions = GROUPS[name]
        if any(profile.has(c) for c in conditions):
            return True
        if name == "pregnancy" and profile.pregnancy_week is not None:
            return True
        if name == "bone" and profile.age is not None and profile.age > FRACTURE_RISK_AGE:
            return True
        if name == "inflammation" and profile.pain is not None and profile.pain >= 7:
            return True
    return False


def tailored(cautions: tuple[str, ...], profile: Any) -> tuple[list[str], int]:
    """The cautions that apply, and how many were left out."""
    kept = [c for c in cautions if applies(c, profile)]
    return kept, len(cautions) - len(kept)
