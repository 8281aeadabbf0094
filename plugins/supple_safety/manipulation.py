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

_CRACK = r"(?:(?:crack|pop|snap|click|crunch|clunk)(?:s|ed|ing|ped|ping|py|y)?|cavitat\w*)"
_SPINE = r"(?:back|spine|neck|joints?|vertebra\w*|bones?|lower\s+back|upper\s+back|facets?)"
_FORCE_VERB = r"(?:push|forc|crank|yank|jerk|thrust|twist|pull|press|lever|bounc|crack|pop)\w*"
#: Phrases that teach forcing a joint, in any word order (a note is dropped when any of them
#: appears, whatever the sentence around it says: see :func:`mentions_forcing`).
_FORCING = [
    # joint noises as a goal or an outcome: "until it pops", "crack your back", "a good crunch"
    rf"\b{_CRACK}\b",
    # "release" of a joint: "a satisfying release of the joint", "release your facets"
    rf"\brelease\w*\b[^.;:!?\n]{{0,30}}\b{_SPINE}\b",
    rf"\b{_SPINE}\b[^.;:!?\n]{{0,20}}\brelease\w*\b",
    # thrusts, jerks, overpressure, forcing, levering
    r"\b(?:thrust\w*|jerk\w*|yank\w*|overpressure|over-pressure|crank\w*|lever\w*)\b",
    r"\bforc(?:e|es|ed|ing)\b",
    # end of range as a target: "as far as it goes", "as far as you can", "past the stop"
    r"\bas\s+far\s+as\s+(?:it|they|you|your\s+\w+)\s+(?:will\s+|can\s+)?(?:go|goes|can)\b",
    r"\b(?:push|go|twist|pull|press)\w*\s+(?:\w+\s+){0,2}(?:past|beyond)\b",
    r"\buntil\s+(?:you\s+hear|something\s+gives|it\s+gives|you\s+feel\s+it\s+give)\b",
    r"\b(?:adjust|manipulat)\w*\s+(?:your|the|my)\s+(?:\w+\s+)?" + _SPINE + r"\b",
]
_FORCING_RE = _FORCING  # patterns; the re module compiles and caches each on first use
#: In an exercise's own text a joint noise counts only as a goal or an outcome to bring about
#: ("until it pops", "crack your back", "make it click"); a stray word ("[click]") does not.
_INSTRUCTING_RE = (
    rf"\b(?:until|till|til|when|once|as\s+soon\s+as)\b[^.;:!?\n]{{0,60}}\b{_CRACK}\b",
    rf"\b{_CRACK}\s+(?:your|the|my|a|each|its|their)\s+(?:\w+\s+)?{_SPINE}\b",
    rf"\b(?:make|making|get|getting|force|forcing|help|hear|feel)\b[^.;:!?\n]{{0,40}}\b{_CRACK}\b",
    rf"\b{_SPINE}\b[^.;:!?\n]{{0,30}}\b{_CRACK}\b",
    *_FORCING[1:],
)
#: A negation that governs the forcing verb itself ("never push until it pops", "do not try to
#: crack your back") makes the phrase advice, in an exercise's own instructions only.
_ADVICE = re.compile(
    rf"\b(?:never|don't|do\s+not|avoid|no\s+need\s+to|without|rather\s+than|instead\s+of|not)\s+"
    rf"(?:\w+\s+){{0,2}}?(?:try(?:ing)?\s+to\s+|attempt(?:ing)?\s+to\s+)?{_FORCE_VERB}\b", re.I)
_CLAUSE = re.compile(r"[^.;:!?\n\u2014\u2013]+")


def mentions_forcing(text: str) -> str | None:
    """The first clause of ``text`` that speaks of forcing a joint (a crack, pop or click, a
    thrust or jerk, overpressure, a "release" of a joint, going "as far as it goes"...), or
    ``None``. Negations are not trusted ("Don't stop until it cracks" is an instruction), so a
    routine note that only warns against cracking is dropped too: a note is never worth the
    risk."""
    for part in _CLAUSE.finditer(text):
        clause = part.group(0)
        if any(re.search(pattern, clause, re.I) for pattern in _FORCING_RE):
            return clause.strip()
    return None


def forcing_text(text: str) -> str | None:
    """The first clause of an exercise's own text (instructions, cues, breathing) that teaches
    forcing a joint, or ``None``. Unlike :func:`mentions_forcing`, a clause whose forcing verb
    is itself negated ("never push until it pops", "avoid forcing the twist") is advice, and a
    harmless mention of a sound ("it may click now and then; that is harmless") is not an
    instruction."""
    for part in _CLAUSE.finditer(text):
        clause = part.group(0)
        if not any(re.search(pattern, clause, re.I) for pattern in _INSTRUCTING_RE):
            continue
        if _ADVICE.search(clause):
            continue
        if re.search(r"\b(?:may|might|can|could|sometimes|often)\s+" + _CRACK, clause, re.I) and not re.search(
                r"\b(?:until|till|make|making|get|getting|so\s+that|to\s+hear|aim|goal|want)\b", clause, re.I):
            continue  # a sound that may happen, not one to chase
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


def _neck_note(step: supple.PlannedStep) -> bool:
    return _is_neck(step.exercise) or bool(re.search(r"\bneck\b", step.note, re.I))


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
        found = mentions_forcing(step.note) if step.note else None
        if found and (not waived or _neck_note(step)):
            findings.append(finding(
                RULE, "capped",
                sentence(f"the note on this step speaks of forcing a joint ({_quote(found)}); supple "
                         "never plans pushing a joint until it cracks, gives or goes as far as it "
                         "goes, so the note is left out and the exercise is kept"),
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
