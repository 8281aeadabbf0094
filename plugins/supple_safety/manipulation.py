"""No forced manipulation (on by default): no step whose aim is to make the spine crack, and no
instruction that tells anyone to push until something pops.

* ``no-forced-manipulation`` keeps out every exercise tagged ``self-manipulation`` or
  ``overpressure``, and every exercise whose instructions, cues or breathing text tell the person
  to push, twist or repeat until a joint cracks. Such a step is replaced by a gentle, active
  variant from the same set when one exists, else removed. A step's own note that says so is
  left out. The rule can be waived by name; the waiver is printed in every output.
* ``no-neck-manipulation`` is the same for self-manipulation (the tag, or text that teaches
  forcing a crack) that also involves the neck (the ``neck-extension`` tag or the ``neck``
  region). Forcing the neck has been linked to vertebral artery dissection, so this part can
  never be waived. (An assisted neck stretch tagged ``overpressure`` but not meant to crack
  falls under the general, waivable rule.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import supple

from supple_safety import sources
from supple_safety.common import Exclusion, exclude_steps, finding, sentence

RULE = "no-forced-manipulation"
NECK_RULE = "no-neck-manipulation"

_CRACK = r"(?:crack|pop|snap|click|crunch)(?:s|ed|ing|ped|ping)?"
_SPINE = r"(?:back|spine|neck|joints?|vertebra\w*|bones?|lower\s+back|upper\s+back)"
_PATTERNS = [
    # "push until it pops", "repeat till your back cracks"
    re.compile(rf"\b(?:until|till|til)\b[^.;!?\n]{{0,60}}\b{_CRACK}\b", re.I),
    # "when your back snaps, repeat", "once it cracks, go again"
    re.compile(rf"\b(?:when|once|as soon as)\b[^.;!?\n]{{0,40}}\b{_CRACK}\b", re.I),
    # "crack your back", "pop the lower back"
    re.compile(rf"\b{_CRACK}\s+(?:your|the|my|a|each|its|their)\s+(?:\w+\s+)?{_SPINE}\b", re.I),
    # "make it pop", "to get the spine to crack", "force the joint to click"
    re.compile(rf"\b(?:make|making|get|getting|force|forcing|help)\b[^.;!?\n]{{0,40}}\b{_CRACK}\b", re.I),
]
_NEGATION = re.compile(r"\b(?:never|not|no|don't|do not|doesn't|avoid|without|instead of|rather than)\b", re.I)
_SENTENCE = re.compile(r"[^.;!?\n]+")


def forcing_text(text: str) -> str | None:
    """The first phrase of ``text`` that tells someone to make a joint crack, or ``None``.

    A phrase counts only when nothing before it in its sentence negates it: "never push until
    it pops" is advice, "push until it pops" an instruction.
    """
    for part in _SENTENCE.finditer(text):
        clause = part.group(0)
        for pattern in _PATTERNS:
            match = pattern.search(clause)
            if match and not _NEGATION.search(clause[: match.start()]):
                return clause.strip()
    return None


def instruction_text(exercise: supple.Exercise) -> str | None:
    """An instruction, cue or breathing line of ``exercise`` that teaches forcing a crack."""
    for text in (*exercise.instructions, *exercise.cues, exercise.breathing):
        found = forcing_text(text)
        if found:
            return found
    return None


def _forced(exercise: supple.Exercise) -> str | None:
    found = instruction_text(exercise)
    return f"tells you to {_quote(found)}" if found else None


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return f"'{text[:80]}{'...' if len(text) > 80 else ''}'"


def _is_neck(exercise: supple.Exercise) -> bool:
    return "neck-extension" in exercise.tags or "neck" in exercise.regions


def _neck_forced(exercise: supple.Exercise) -> str | None:
    if not _is_neck(exercise):
        return None
    if "self-manipulation" in exercise.tags:
        return "aims to make a joint of the spine crack, and it involves the neck"
    found = instruction_text(exercise)
    return f"tells you to {_quote(found)}, with the neck involved" if found else None


def exclusions(context: supple.SafetyContext) -> list[Exclusion]:
    """The forced-manipulation exclusions in force (the neck one always)."""
    out = [
        Exclusion(
            rule=NECK_RULE, why="",
            effect="Forcing the neck back or making it crack has been linked to tearing of an "
            "artery in the neck (vertebral artery dissection)",
            source=sources.NECK, test=_neck_forced, fixed=True,
        )
    ]
    if not context.is_waived(RULE):
        out.append(_general())
    return out


def _general() -> Exclusion:
    return Exclusion(
        rule=RULE, why="",
        effect="Forced manipulation is never planned: twists and stretches stay slow, active and "
        "pain-free, never pushed until a joint cracks, because forcing the spine can injure "
        "muscles, ligaments and nerves",
        source=sources.MANIPULATION, tags=("self-manipulation", "overpressure"), test=_forced,
    )


def apply(steps: Sequence[supple.PlannedStep], context: supple.SafetyContext) -> supple.SafetyResult:
    from supple_safety.policy import in_force

    everything = in_force(context)
    mine = [*exclusions(context)]
    waived = context.is_waived(RULE)
    general = _general()
    if waived:
        mine.append(general)  # reported as waived, step kept
    kept, findings = exclude_steps(steps, context, mine, everything)
    out = []
    for step in kept:
        found = forcing_text(step.note) if step.note else None
        if found and not waived:
            findings.append(finding(
                RULE, "capped",
                sentence(f"the note on this step tells you to {_quote(found)}; supple never plans "
                         "pushing a joint until it cracks, so the note is left out"),
                sources.MANIPULATION, step))
            step = supple.evolve(step, note="")
        elif found:
            findings.append(finding(
                RULE, "waived",
                sentence(f"the note on this step tells you to {_quote(found)}; you waived {RULE!r}, "
                         "so it stays"), sources.MANIPULATION, step))
        out.append(step)
    return supple.SafetyResult(steps=out, findings=findings)


FILTER_RULES = {
    RULE: "replaces or removes every step meant to make the spine crack or that pushes a joint "
    "further than the muscles take it, and any instruction or note that says to push until it "
    "pops (on by default; can be waived, and the waiver is printed)",
    NECK_RULE: "the same for anything that forces the neck (linked to artery dissection)",
}


def safety_filter() -> supple.SafetyFilter:
    return supple.SafetyFilter(
        name=RULE,
        summary="No step whose aim is to make the spine crack, and no instruction to push until it pops.",
        apply=apply, order=20, rules=FILTER_RULES, fixed_rules={NECK_RULE},
    )
