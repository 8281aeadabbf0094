"""Stage 5, safety per session: every session's steps, at the doses progression gave them, go
through every safety filter with the person's profile as it stands on that session's day.

Safety is the last word on a session: timing and export only lay out and write what the filters
let through, so no progression, substitution or per-step option can bring back what a filter
removed, capped or replaced. A filter is a pure function of (steps, context), so a session with
the same steps and the same profile of the day reuses the first one's result (:class:`SessionSafety`
caches by those). Findings are gathered once per rule, action and step, with the weeks they
cover. A refusal (red flags, missing surgical clearance...) stops planning (exit status 3); a
session the pain gate postpones is left out of the plan with its advice; a session the filters
leave empty stops planning with exit status 3 and names exercises that suit the person.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from supple.errors import PluginError, Problem, SafetyRefusal, SuppleError
from supple.model.exercise import Exercise
from supple.model.plan import SafetyFinding
from supple.model.profile import EMPTY_PROFILE, Profile
from supple.model.routine import Routine
from supple.model.step import PlannedStep
from supple.plugin.catalogue import CatalogueEntry
from supple.plugin.filters import SafetyContext, SafetyResult
from supple.plugin.guard import PLUGIN_FAULTS, describe_fault, plugin_output
from supple.plugin.registry import Registry
from supple.text import did_you_mean

#: Actions that change a session for good (as opposed to a warning or a waiver).
CHANGES = ("removed", "replaced", "postponed")

#: How many times the filters run over a session while replacements keep changing it.
MAX_PASSES = 4


def replaced_steps(before: tuple[PlannedStep, ...], after: tuple[PlannedStep, ...]) -> set[int]:
    """Numbers of the steps whose exercise changed between ``before`` and ``after``."""
    was = {s.number: (s.set_name, s.exercise.id) for s in before}
    return {s.number for s in after if was.get(s.number, (s.set_name, s.exercise.id)) != (s.set_name, s.exercise.id)}


def undecided(steps: tuple[PlannedStep, ...], numbers: set[int]) -> tuple[tuple[PlannedStep, ...], list[SafetyFinding]]:
    """``steps`` without those still being replaced after the last pass, with a finding each."""
    out = []
    for step in steps:
        if step.number in numbers:
            out.append(SafetyFinding(
                rule="safety-filters-disagree", action="removed", step=step.number,
                exercise=step.exercise.id, source="supple",
                reason=f"The safety filters kept replacing this step ({MAX_PASSES} passes, last "
                f"with {step.set_name}/{step.exercise.id}) without agreeing on an exercise that "
                "suits you, so it is left out of the plan."))
    return tuple(s for s in steps if s.number not in numbers), out


def check_profile(profile: Profile, registry: Registry) -> None:
    """``profile``'s values are in range (a profile built in code is held to the same rules as a
    file) and every condition and red flag is one a loaded safety filter knows."""
    if profile == EMPTY_PROFILE:
        return  # nothing stated, nothing to check
    from supple.io.profile_file import profile_problems  # the checks every profile gets

    file = profile.path or "<profile>"
    problems = profile_problems(profile, file)
    known: dict[str, dict[str, str]] = {"conditions": {}, "red_flags": {}}
    for flt in registry.safety_filters.values():
        known["conditions"].update(flt.conditions)
        known["red_flags"].update(flt.red_flags)
    for key in ("conditions", "red_flags"):
        values = getattr(profile, key)
        if not isinstance(values, tuple):
            continue  # reported by profile_problems
        for index, value in enumerate(values, start=1):
            if value not in known[key]:
                hint = did_you_mean(value, known[key], n=2)
                if not hint and known[key]:
                    hint = f" (known: {', '.join(sorted(known[key]))}; see `supple safety`)"
                elif not hint:
                    hint = " (no safety filter is loaded that knows any)"
                word = "condition" if key == "conditions" else "red flag"
                problems.append(Problem(f"unknown {word} {value!r}{hint}", file, f"profile.{key}[{index}]"))
    problems.raise_if_any()


class Outcome(NamedTuple):
    """What the filters made of one session: the steps they let through, the findings, a timing
    strategy to switch to (``None``: the routine's), and whether the session is postponed."""

    steps: tuple[PlannedStep, ...]
    findings: tuple[SafetyFinding, ...]
    timing: str | None
    postponed: bool


class SessionSafety:
    """Applies the safety filters to one session at a time, caching each distinct session's
    outcome, and gathers every finding with the weeks it covers."""

    def __init__(
        self,
        routine: Routine,
        registry: Registry,
        settings: Mapping[str, Any],
        waivers: Mapping[str, str],
    ) -> None:
        self.routine = routine
        self.registry = registry
        self.settings = settings
        self.waivers = dict(waivers)
        self.waived = frozenset(waivers)
        self._cache: dict[tuple[int, Profile], Outcome] = {}
        self._keep: list[tuple[PlannedStep, ...]] = []  # keeps the cached step tuples alive
        self._findings: dict[tuple[Any, ...], tuple[SafetyFinding, list[int]]] = {}
        self._checking = False  # inside an acceptability check: no nested checks
        self._suit_cache: dict[tuple[Exercise, str, Profile], bool] = {}

    def apply(self, steps: tuple[PlannedStep, ...], person: Profile, week: int) -> Outcome:
        """The outcome for a session of programme week ``week`` doing ``steps``, for the person
        as they are that day. Raises :class:`SafetyRefusal` on a refusal."""
        key = (id(steps), person)
        outcome = self._cache.get(key)
        if outcome is None:
            outcome = self._run(steps, person)
            self._cache[key] = outcome
            self._keep.append(steps)
        seen: dict[tuple[Any, ...], int] = {}
        for finding in outcome.findings:
            same = (finding.rule, finding.action, finding.step, finding.exercise, finding.replacement)
            seen[same] = seen.get(same, -1) + 1
            self._note((*same, seen[same]), finding, week)
        return outcome

    def _run(self, steps: tuple[PlannedStep, ...], person: Profile) -> Outcome:
        """Every filter over ``steps``, and again over what they give back while any filter
        replaced an exercise: a replacement one filter chose is checked by every other filter,
        those that ran before it too. A replacement still changing after the last pass is removed."""
        checking = self._checking
        context = SafetyContext(
            profile=person, routine=self.routine, catalogue=self.registry.catalogue,
            waived=self.waived, settings=self.settings,
            acceptable_to=None if checking else (lambda ex, set_name: self._suits(ex, set_name, person)),
        )
        findings: list[SafetyFinding] = []
        seen: set[tuple[Any, ...]] = set()
        timing: str | None = None
        for rerun in range(MAX_PASSES):
            before = steps
            steps, found, chosen, postponed = self._pass(steps, context)
            timing = chosen or timing
            for finding in found:
                key = (finding.rule, finding.action, finding.step, finding.exercise, finding.replacement)
                if rerun == 0 or key not in seen:
                    findings.append(finding)
                seen.add(key)
            swapped = replaced_steps(before, steps)
            if postponed or not swapped:
                break
            if rerun == MAX_PASSES - 1:
                steps, last = undecided(steps, swapped)
                findings += last
        return Outcome(steps, tuple(findings), timing, postponed)

    def _suits(self, exercise: Exercise, set_name: str, person: Profile) -> bool:
        key = (exercise, set_name, person)
        found = self._suit_cache.get(key)
        if found is None:
            self._checking = True
            try:
                found = self._suit_cache[key] = self.suits(exercise, set_name, person)
            finally:
                self._checking = False
        return found

    def _pass(self, steps: tuple[PlannedStep, ...], context: SafetyContext
              ) -> tuple[tuple[PlannedStep, ...], list[SafetyFinding], str | None, bool]:
        """One run of every filter, in order: the steps, the findings, the timing asked for,
        and whether the session is postponed."""
        findings: list[SafetyFinding] = []
        timing: str | None = None
        postponed = False
        for name, flt in self.registry.safety_filters.items():
            result = _call(self.registry, name, flt, steps, context)
            for finding in result.findings:
                if finding.action == "waived":
                    finding = _with_waiver(finding, self.waivers)
                findings.append(finding)
            refusals = [f for f in result.findings if f.action == "refused"]
            if refusals:
                advice = "\n".join(dict.fromkeys(f.advice or f.reason for f in refusals))
                raise SafetyRefusal(advice, tuple(findings))
            if any(f.action == "postponed" and f.step is None for f in result.findings):
                postponed = True
                steps = ()
                break
            steps = tuple(result.steps)
            if result.timing:
                timing = result.timing
        return steps, findings, timing, postponed

    def _note(self, key: tuple[Any, ...], finding: SafetyFinding, week: int) -> None:
        """Record ``finding`` for ``week`` under ``key`` (rule, action, step, exercise,
        replacement, and its rank among the session's findings with those)."""
        entry = self._findings.get(key)
        if entry is None:
            self._findings[key] = (finding, [week])
        elif entry[1][-1] != week:
            entry[1].append(week)

    def findings(self, weeks: int) -> list[SafetyFinding]:
        """Every finding once, with the weeks it covers (none listed when it covers them all),
        in the order they first arose."""
        out = []
        for finding, seen in self._findings.values():
            covered = () if len(seen) >= weeks else tuple(seen)
            out.append(_evolve(finding, weeks=covered))
        return out

    def suits(self, exercise: Exercise, set_name: str, person: Profile) -> bool:
        """True when every filter lets ``exercise`` through unchanged for ``person``."""
        step = PlannedStep(number=1, exercise=exercise, set_name=set_name, dose=exercise.dose)
        try:
            outcome = self._run((step,), person)
        except SuppleError:
            return False
        return outcome.steps == (step,) or (
            len(outcome.steps) == 1 and outcome.steps[0].exercise == exercise
            and not any(f.action in CHANGES for f in outcome.findings))
    def why_not(self, exercise: Exercise, set_name: str, person: Profile) -> list[SafetyFinding]:
        """What the filters do to ``exercise`` for ``person`` (empty when it :meth:`suits`):
        the findings that remove, replace, postpone it or refuse the session."""
        step = PlannedStep(number=1, exercise=exercise, set_name=set_name, dose=exercise.dose)
        try:
            outcome = self._run((step,), person)
        except SafetyRefusal as exc:
            return [f for f in exc.findings if f.action == "refused"] or [
                SafetyFinding(rule="refused", action="refused", reason=exc.advice, source="supple")]
        if self.suits(exercise, set_name, person):
            return []
        return [f for f in outcome.findings if f.action in CHANGES]


def suitability(registry: Registry, person: Profile, entries: Iterable[CatalogueEntry]
                ) -> list[tuple[CatalogueEntry, list[SafetyFinding]]]:
    """Each catalogue entry with what the safety filters would do to it for ``person`` in a
    routine of its own (no findings: it suits them unchanged). Raises :class:`InputError` for
    a profile that names unknown conditions or bad plugin settings."""
    from supple.model.routine import RoutineInfo, Step

    check_profile(person, registry)
    chosen = list(entries)
    routine = Routine(path="<catalogue>", info=RoutineInfo(title="catalogue", id="catalogue"),
                      steps=tuple(Step(number=1, exercise=e.ref) for e in chosen[:1]))
    settings = registry.structure_settings({}, person=person.plugins,
                                           person_file=person.path or "<profile>")
    safety = SessionSafety(routine, registry, settings, {rule: person.waiver_source for rule in person.allow})
    return [(entry, safety.why_not(entry.exercise, entry.set_name, person)) for entry in chosen]


def _call(registry: Registry, name: str, flt: Any, steps: tuple[PlannedStep, ...],
          context: SafetyContext) -> SafetyResult:
    """One filter on one session, its result checked: a plan never silently loses a step, and
    a fixed rule is never reported as waived."""
    plugin = registry.provider("safety filter", name) or name
    try:
        with plugin_output():
            result = flt.apply(steps, context)
    except SuppleError:
        raise  # a located input error (its options) or a refusal raised on purpose
    except PLUGIN_FAULTS as exc:
        raise PluginError(plugin, f"safety filter {name!r} raised {describe_fault(exc)}") from None
    if not isinstance(result, SafetyResult):
        raise PluginError(plugin, f"safety filter {name!r} returned {type(result).__name__}, not a SafetyResult")
    for finding in result.findings:
        if not isinstance(finding, SafetyFinding):
            raise PluginError(plugin, f"safety filter {name!r} returned a finding of the wrong type")
        if finding.action == "waived" and finding.rule in flt.fixed_rules:
            raise PluginError(
                plugin, f"safety filter {name!r} waived its rule {finding.rule!r}, which cannot be waived")
    for step in result.steps:
        if not isinstance(step, PlannedStep):
            raise PluginError(plugin, f"safety filter {name!r} returned a step of the wrong type")
    whole = any(f.action == "postponed" and f.step is None for f in result.findings)
    before = {s.number for s in steps}
    after = {s.number for s in result.steps}
    explained = {f.step for f in result.findings if f.action in CHANGES}
    silent = sorted(before - after - explained)
    if silent and not whole:
        raise PluginError(
            plugin,
            f"safety filter {name!r} dropped step(s) {', '.join(map(str, silent))} without "
            "saying why; a plan never silently loses a step",
        )
    if not after <= before:
        raise PluginError(plugin, f"safety filter {name!r} added step(s) {sorted(after - before)}; "
                          "a filter may keep, change or remove steps, not add them")
    if result.timing and result.timing not in registry.timing_strategies:
        raise PluginError(
            plugin,
            f"safety filter {name!r} asked for the timing strategy {result.timing!r}, which no "
            "loaded plugin provides",
        )
    return result


def _with_waiver(finding: SafetyFinding, waivers: Mapping[str, str]) -> SafetyFinding:
    who = waivers.get(finding.rule)
    if not who or who in finding.reason:
        return finding
    return _evolve(finding, reason=f"{finding.reason} (Waived by {who}.)")


def _evolve(finding: SafetyFinding, **changes: Any) -> SafetyFinding:
    import attrs

    return attrs.evolve(finding, **changes)


def unknown_waivers(waivers: Iterable[str], registry: Registry) -> list[SafetyFinding]:
    """A warning for every waived rule that no loaded safety filter declares."""
    known = {rule for name, flt in registry.safety_filters.items() for rule in (flt.rules or (name,))}
    out = []
    for rule in sorted(set(waivers) - known):
        hint = did_you_mean(rule, sorted(known)) or " (`supple safety` lists the rules)"
        out.append(SafetyFinding(
            rule=rule, action="warned",
            reason=f"You waived {rule!r}, but no loaded safety filter has a rule of that name, so "
            f"the waiver changes nothing{hint}",
            source="supple",
        ))
    return out


def empty_session(week: int, findings: Iterable[SafetyFinding], suggestions: list[str]) -> SafetyRefusal:
    """The refusal for a session the filters left with nothing to do."""
    why = [f for f in findings if f.action in ("removed",)]
    lines = [
        f"After the safety filters, nothing is left to do in the sessions of week {week}: every "
        "step of this routine is one your profile rules out, and supple does not plan empty "
        "sessions."
    ]
    if suggestions:
        lines.append("Exercises that suit your profile: " + ", ".join(suggestions)
                     + " (`supple exercise ID` describes each; put some in a routine of your own).")
    else:
        lines.append("No exercise in the installed sets suits your profile unchanged; please ask "
                     "a physiotherapist for a programme.")
    refusal = SafetyFinding(rule="empty-session", action="refused", reason=lines[0], source="supple")
    return SafetyRefusal("\n".join(lines), (refusal, *why))
