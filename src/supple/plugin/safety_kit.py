"""The safety toolkit: what any safety filter needs to keep exercises out of a plan for a
person and to swap them for safer ones, public so that third-party filters compose with the
first-party ones instead of copying them.

* :class:`Exclusion` declares a rule: the tags, positions and kinds (or a test) it keeps out,
  why it applies to this person, its effect and its source. An exercise whose position is
  ``unknown`` counts as any position a rule excludes.
* :func:`safer_variants` walks an exercise's ``easier`` links (and the exercises that name it
  as ``harder``), across sets: a link may be a qualified ``set/id``.
* :meth:`SafetyContext.acceptable` asks whether every loaded filter lets a candidate
  through unchanged for this person; :func:`replacement_for` and :func:`exclude_steps` use it,
  so a replacement one filter picks is one no other filter keeps out. The engine re-runs every
  filter over a session a filter changed by replacement, for filters that do not ask.

Plugins import these from :mod:`supple`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

from supple.model.plan import SafetyFinding

if TYPE_CHECKING:
    from supple.model.exercise import Exercise
    from supple.model.step import PlannedStep
    from supple.plugin.catalogue import Catalogue, CatalogueEntry
    from supple.plugin.filters import SafetyContext


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
    test: Callable[[Exercise], str | None] | None = None
    fixed: bool = False

    def hit(self, exercise: Exercise) -> str | None:
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


def safety_finding(rule: str, action: str, reason: str, source: str, step: PlannedStep | None = None,
            *, replacement: str | None = None, advice: str = "") -> SafetyFinding:
    """A finding about ``step`` (or the whole plan when ``step`` is ``None``)."""
    return SafetyFinding(
        rule=rule, action=action, reason=reason, source=source,
        exercise=step.exercise.id if step is not None else None,
        step=step.number if step is not None else None,
        replacement=replacement, advice=advice,
    )


def _sentence(text: str) -> str:
    """``text`` with a capital first letter and a full stop."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def describe_exclusion(exclusion: Exclusion, what: str) -> str:
    """Why ``exclusion`` keeps an exercise out: who it applies to, what the exercise does, and
    why that matters."""
    who = f"{exclusion.why}, and this exercise {what}" if exclusion.why else f"this exercise {what}"
    return f"{_sentence(who)} {_sentence(exclusion.effect)}"


def first_exclusion(exclusions: Iterable[Exclusion], exercise: Exercise) -> tuple[Exclusion, str] | None:
    for exclusion in exclusions:
        what = exclusion.hit(exercise)
        if what:
            return exclusion, what
    return None


def safer_variants(step: PlannedStep, catalogue: Catalogue, limit: int = 20) -> list[CatalogueEntry]:
    """Safer variants of ``step``'s exercise, nearest first: its ``easier`` variants, the
    exercises that name it as their ``harder`` variant, then their easier variants in turn, as
    the content's authors linked them. A link is an id in the same set or a qualified
    ``set/id`` in any set, so a third-party exercise can point at a built-in one."""
    start = catalogue.find(step.exercise, step.set_name)
    if start is None:
        return []
    harder_of: dict[str, list[CatalogueEntry]] = {}
    for other in catalogue:
        for name in other.exercise.harder:
            ref = name if "/" in name else f"{other.set_name}/{name}"
            harder_of.setdefault(ref, []).append(other)
    seen = {start.ref}
    queue = [start]
    out: list[CatalogueEntry] = []
    while queue and len(out) < limit:
        entry = queue.pop(0)
        found: list[CatalogueEntry] = []
        for name in entry.exercise.easier:
            try:
                found.append(catalogue.variant(entry, name))
            except KeyError:
                continue
        found += harder_of.get(entry.ref, [])
        for variant in found:
            if variant.ref in seen:
                continue
            seen.add(variant.ref)
            out.append(variant)
            queue.append(variant)
    return out


def replacement_for(
    step: PlannedStep, context: SafetyContext, exclusions: Sequence[Exclusion] = ()
) -> tuple[CatalogueEntry | None, list[str]]:
    """The nearest safer variant that no exclusion in ``exclusions`` keeps out and that every
    loaded filter accepts for this person (:meth:`SafetyContext.acceptable`), and the
    variants skipped on the way (``"id (rule)"``, ``"id (another filter)"``)."""
    skipped: list[str] = []
    for entry in safer_variants(step, context.catalogue):
        name = entry.exercise.id if entry.set_name == step.set_name else entry.ref
        hit = first_exclusion(exclusions, entry.exercise)
        if hit is not None:
            skipped.append(f"{name} ({hit[0].rule})")
        elif not context.acceptable(entry.exercise, entry.set_name):
            skipped.append(f"{name} (another safety filter)")
        else:
            return entry, skipped
    return None, skipped


def replace_step(step: PlannedStep, entry: CatalogueEntry) -> PlannedStep:
    """``step`` doing ``entry``'s exercise at that exercise's own dose, without a weight and
    without progression (the step's progression was written for the old exercise); the step's
    note, written for the old exercise, is dropped."""
    dose = entry.exercise.dose
    if dose.load_kg:
        dose = attrs.evolve(dose, load_kg=0)
    return attrs.evolve(step, exercise=entry.exercise, set_name=entry.set_name, dose=dose, note="",
                         base_dose=None, progression="none", progression_options=None)


def exclude_steps(
    steps: Sequence[PlannedStep],
    context: SafetyContext,
    mine: Sequence[Exclusion],
    everything: Sequence[Exclusion],
) -> tuple[list[PlannedStep], list[SafetyFinding]]:
    """Apply the exclusions ``mine`` to ``steps``: an excluded step is replaced by its nearest
    variant that passes ``everything`` (the exclusions in force for this person that you know
    of) and that every loaded filter accepts, or removed. A waived (non-fixed) exclusion keeps
    the step and says so. Returns the steps kept and a finding per change."""
    kept: list[PlannedStep] = []
    findings: list[SafetyFinding] = []
    for step in steps:
        hits = [(e, what) for e in mine if (what := e.hit(step.exercise))]
        active = [(e, what) for e, what in hits if e.fixed or not context.is_waived(e.rule)]
        if not active:
            for exclusion, what in hits:
                findings.append(safety_finding(
                    exclusion.rule, "waived",
                    describe_exclusion(exclusion, what) + f" You waived {exclusion.rule!r}, so it stays in the plan.",
                    exclusion.source, step))
            kept.append(step)
            continue
        exclusion, what = active[0]
        entry, skipped = replacement_for(step, context, everything)
        reason = describe_exclusion(exclusion, what)
        if exclusion.fixed and context.is_waived(exclusion.rule):
            reason += f" You waived {exclusion.rule!r}, but this rule cannot be waived."
        if entry is not None:
            tail = f" (nearer variants that do not suit you: {', '.join(skipped)})" if skipped else ""
            planned = replace_step(step, entry)
            reason += (f" Replaced by its safer variant {entry.exercise.name!r}, planned at "
                       f"{planned.dose.describe()} without progression{tail}.")
            if step.note:
                reason += " The step's note, written for the old exercise, is left out."
            findings.append(safety_finding(exclusion.rule, "replaced", reason, exclusion.source, step,
                                    replacement=entry.exercise.id if entry.set_name == step.set_name
                                    else entry.ref))
            kept.append(planned)
        else:
            tail = f" ({', '.join(skipped)} do not suit you either)" if skipped else ""
            reason += f" No safer variant of it suits you{tail}, so it is left out of the plan."
            findings.append(safety_finding(exclusion.rule, "removed", reason, exclusion.source, step))
    return kept, findings


