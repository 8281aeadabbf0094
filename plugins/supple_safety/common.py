"""What the first-party safety filters share: exclusions acting on movement tags, positions and
kinds; choosing a safer variant; and findings worded the same way everywhere.

Rules act on what an exercise *does* (its tags, position and kind, see ``supple exercises``),
never on its name or id, so they work for any exercise set.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import attrs

import supple

#: How a finding describes an exercise that carries a tag (my words, after supple's vocabulary).
TAG_PHRASES: dict[str, str] = {
    "end-range-flexion": "takes the spine to the end of its forward bend",
    "loaded-flexion": "bends the spine forward under load or pulled by the arms",
    "spinal-flexion": "rounds the spine forward",
    "end-range-rotation": "twists the trunk to the end of its range",
    "end-range-extension": "arches the back to the end of its range",
    "end-range-hold": "holds a position at the end of the range",
    "overpressure": "pushes a joint further than the muscles take it",
    "self-manipulation": "aims to make a joint of the spine crack or pop",
    "neck-extension": "takes the head back or lets it hang unsupported",
    "external-load": "holds a weight",
    "foam-roller": "uses a foam roller",
    "direct-pressure": "rests the body's weight on a tool such as a foam roller",
    "impact": "involves jumps, bounces or sudden movements",
}
POSITION_PHRASES: dict[str, str] = {
    "supine": "is done lying on the back",
    "prone": "is done lying face down",
}
KIND_PHRASES: dict[str, str] = {
    "strength": "is a strengthening exercise",
}


def _tuple(value: Iterable[str]) -> tuple[str, ...]:
    # converters are functions, not built-in types: attrs inspects a built-in's signature
    return tuple(value)


def _frozenset(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


@attrs.frozen
class Exclusion:
    """A rule that keeps exercises out of a plan for this person.

    An exercise is excluded when it carries any of ``tags`` (the first one found, in this
    order, is the one reported), is done in one of ``positions`` (or in the position
    ``unknown``, which may be any of them),
    is of one of ``kinds``, or ``test`` returns a description for it. ``why`` says why the rule
    applies to this person ("you have osteoporosis"; empty for a rule for everyone); ``effect``
    why such exercises are left out; ``fixed`` rules cannot be waived.
    """

    rule: str
    why: str
    effect: str
    source: str
    tags: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    positions: frozenset[str] = attrs.field(default=frozenset(), converter=_frozenset)
    kinds: frozenset[str] = attrs.field(default=frozenset(), converter=_frozenset)
    test: Callable[[supple.Exercise], str | None] | None = None
    fixed: bool = False

    def hit(self, exercise: supple.Exercise) -> str | None:
        """What about ``exercise`` this rule excludes (a phrase), or ``None``."""
        for tag in self.tags:
            if tag in exercise.tags:
                return TAG_PHRASES.get(tag, f"carries the movement tag {tag!r}")
        if exercise.position in self.positions:
            return POSITION_PHRASES.get(exercise.position, f"is done {exercise.position}")
        if exercise.position == "unknown" and self.positions:
            # an unknown position may be any of the excluded ones: assume the worst
            return "has no known position, so it may be done " + " or ".join(
                POSITION_PHRASES.get(p, f"is done {p}").removeprefix("is done ")
                for p in sorted(self.positions))
        if exercise.kind in self.kinds:
            return KIND_PHRASES.get(exercise.kind, f"is a {exercise.kind} exercise")
        if self.test is not None:
            return self.test(exercise)
        return None


def finding(rule: str, action: str, reason: str, source: str, step: supple.PlannedStep | None = None,
            *, replacement: str | None = None, advice: str = "") -> supple.SafetyFinding:
    """A finding about ``step`` (or the whole plan when ``step`` is ``None``)."""
    return supple.SafetyFinding(
        rule=rule, action=action, reason=reason, source=source,
        exercise=step.exercise.id if step is not None else None,
        step=step.number if step is not None else None,
        replacement=replacement, advice=advice,
    )


def sentence(text: str) -> str:
    """``text`` with a capital first letter and a full stop."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def describe(exclusion: Exclusion, what: str) -> str:
    """Why ``exclusion`` keeps an exercise out: who it applies to, what the exercise does, and
    why that matters."""
    who = f"{exclusion.why}, and this exercise {what}" if exclusion.why else f"this exercise {what}"
    return f"{sentence(who)} {sentence(exclusion.effect)}"


def first_hit(exclusions: Iterable[Exclusion], exercise: supple.Exercise) -> tuple[Exclusion, str] | None:
    for exclusion in exclusions:
        what = exclusion.hit(exercise)
        if what:
            return exclusion, what
    return None


def candidates(step: supple.PlannedStep, catalogue: supple.Catalogue) -> list[supple.CatalogueEntry]:
    """Safer variants of ``step``'s exercise, nearest first: its ``easier`` variants, exercises of
    its set that name it as their ``harder`` variant, then their easier variants in turn.
    Only exercises of the same set, as the content's author linked them."""
    start = catalogue.find(step.exercise, step.set_name)
    if start is None:
        return []
    same_set = [e for e in catalogue if e.set_name == step.set_name]
    seen = {start.exercise.id}
    queue = [start]
    out: list[supple.CatalogueEntry] = []
    while queue and len(out) < 20:
        entry = queue.pop(0)
        names = list(entry.exercise.easier)
        names += [e.exercise.id for e in same_set if entry.exercise.id in e.exercise.harder]
        for name in names:
            if name in seen:
                continue
            seen.add(name)
            try:
                variant = catalogue.variant(entry, name)
            except KeyError:
                continue
            out.append(variant)
            queue.append(variant)
    return out


def replacement_for(
    step: supple.PlannedStep, catalogue: supple.Catalogue, exclusions: Sequence[Exclusion]
) -> tuple[supple.CatalogueEntry | None, list[str]]:
    """The nearest variant that no exclusion in ``exclusions`` keeps out, and the variants
    skipped on the way (``"id (rule)"``)."""
    skipped: list[str] = []
    for entry in candidates(step, catalogue):
        hit = first_hit(exclusions, entry.exercise)
        if hit is None:
            return entry, skipped
        skipped.append(f"{entry.exercise.id} ({hit[0].rule})")
    return None, skipped


def replaced(step: supple.PlannedStep, entry: supple.CatalogueEntry) -> supple.PlannedStep:
    """``step`` doing ``entry``'s exercise at that exercise's own dose, without a weight and
    without progression (the step's progression was written for the old exercise); the step's
    note, written for the old exercise, is dropped."""
    dose = entry.exercise.dose
    if dose.load_kg:
        dose = supple.evolve(dose, load_kg=0)
    return supple.evolve(step, exercise=entry.exercise, set_name=entry.set_name, dose=dose, note="",
                         base_dose=None, progression="none", progression_options=None)


def exclude_steps(
    steps: Sequence[supple.PlannedStep],
    context: supple.SafetyContext,
    mine: Sequence[Exclusion],
    everything: Sequence[Exclusion],
) -> tuple[list[supple.PlannedStep], list[supple.SafetyFinding]]:
    """Apply the exclusions ``mine`` to ``steps``: an excluded step is replaced by its nearest
    variant that passes ``everything`` (all exclusions in force for this person), or removed.
    A waived (non-fixed) exclusion keeps the step and says so."""
    kept: list[supple.PlannedStep] = []
    findings: list[supple.SafetyFinding] = []
    for step in steps:
        hits = [(e, what) for e in mine if (what := e.hit(step.exercise))]
        active = [(e, what) for e, what in hits if e.fixed or not context.is_waived(e.rule)]
        if not active:
            for exclusion, what in hits:
                findings.append(finding(
                    exclusion.rule, "waived",
                    describe(exclusion, what) + f" You waived {exclusion.rule!r}, so it stays in the plan.",
                    exclusion.source, step))
            kept.append(step)
            continue
        exclusion, what = active[0]
        entry, skipped = replacement_for(step, context.catalogue, everything)
        reason = describe(exclusion, what)
        if exclusion.fixed and context.is_waived(exclusion.rule):
            reason += f" You waived {exclusion.rule!r}, but this rule cannot be waived."
        if entry is not None:
            tail = f" (nearer variants that do not suit you: {', '.join(skipped)})" if skipped else ""
            planned = replaced(step, entry)
            reason += (f" Replaced by its safer variant {entry.exercise.name!r}, planned at "
                       f"{planned.dose.describe()} without progression{tail}.")
            if step.note:
                reason += " The step's note, written for the old exercise, is left out."
            findings.append(finding(exclusion.rule, "replaced", reason, exclusion.source, step,
                                    replacement=entry.exercise.id))
            kept.append(planned)
        else:
            tail = f" ({', '.join(skipped)} do not suit you either)" if skipped else ""
            reason += f" No safer variant of it suits you{tail}, so it is left out of the plan."
            findings.append(finding(exclusion.rule, "removed", reason, exclusion.source, step))
    return kept, findings


def pause_progression(
    steps: Sequence[supple.PlannedStep], only: Callable[[supple.PlannedStep], bool] | None = None
) -> tuple[list[supple.PlannedStep], list[supple.PlannedStep]]:
    """Steps back at their written dose (what progression added is taken off, never a cap a
    filter applied), and the ones that changed. Filters run after progression, on each
    session's doses: this is how a filter stops a programme from progressing."""
    out, changed = [], []
    for step in steps:
        if step.base_dose is not None and (only is None or only(step)):
            written = step.base_dose
            dose = supple.evolve(step.dose, **{
                name: min(getattr(written, name), getattr(step.dose, name))
                for name in ("sets", "reps", "hold_s", "load_kg")})
            step = supple.evolve(step, dose=dose, base_dose=None, progression="none",
                                 progression_options=None)
            changed.append(step)
        out.append(step)
    return out, changed


def without_load(
    steps: Sequence[supple.PlannedStep], rule: str, why: str, source: str
) -> tuple[list[supple.PlannedStep], list[supple.SafetyFinding]]:
    """Every weight taken off (load 0), with a finding per step that had one."""
    out, findings = [], []
    for step in steps:
        if step.dose.load_kg:
            findings.append(finding(
                rule, "capped",
                sentence(f"{why}, so the {step.dose.load_kg:g} kg weight is left out (load 0)"),
                source, step))
            step = supple.evolve(step, dose=supple.evolve(step.dose, load_kg=0))
        out.append(step)
    return out, findings
