"""pipeline.safety."""

from __future__ import annotations

from supple.errors import InputError, PluginError, Problem, SafetyRefusal
from supple.model.plan import PlannedStep, SafetyFinding
from supple.model.profile import Profile
from supple.pipeline.resolve import ResolvedRoutine
from supple.plugin.filters import SafetyContext, SafetyResult
from supple.plugin.registry import Registry
from supple.text import did_you_mean


def check_profile(profile: Profile, registry: Registry) -> None:
    """Every condition and red flag in ``profile`` must be one a safety filter knows."""
    if profile.path is None:
        return
    known = {"conditions": {}, "red_flags": {}}
    for flt in registry.safety_filters.values():
        known["conditions"].update(flt.conditions)
        known["red_flags"].update(flt.red_flags)
    problems = []
    for key in ("conditions", "red_flags"):
        for index, value in enumerate(getattr(profile, key), start=1):
            if value not in known[key]:
                hint = did_you_mean(value, known[key], n=2)
                if hint:
                    pass
                elif known[key]:
                    hint = f" (known: {', '.join(sorted(known[key]))}; see `supple safety`)"
                else:
                    hint = " (no safety filter is loaded that knows any)"
                word = "condition" if key == "conditions" else "red flag"
                problems.append(Problem(f"unknown {word} {value!r}{hint}", profile.path, f"profile.{key}[{index}]"))
    if problems:
        raise InputError(problems)


def apply_safety(
    resolved: ResolvedRoutine, profile: Profile, registry: Registry, waived: frozenset[str]
) -> tuple[tuple[PlannedStep, ...], list[SafetyFinding], str | None]:
    """Run every safety filter in order. A plan never silently loses a step: a filter that
    drops a step without a finding for it is a plugin error; so is a filter that reports one
    of its fixed rules (``SafetyFilter.fixed_rules``, e.g. a red-flag refusal) as waived.
    A waived rule name that no loaded filter declares is reported as a warning finding."""
    from supple.errors import SuppleError

    context = SafetyContext(
        profile=profile, routine=resolved.routine, catalogue=registry.catalogue, waived=waived,
        settings=resolved.settings,
    )
    steps = resolved.steps
    findings: list[SafetyFinding] = []
    timing: str | None = None
    for name, flt in registry.safety_filters.items():
        plugin = registry.provider("safety filter", name) or name
        try:
            result = flt.apply(steps, context)
        except SuppleError:
            raise  # a located input error (its options) or a refusal raised on purpose
        except Exception as exc:
            raise PluginError(plugin, f"safety filter {name!r} raised {type(exc).__name__}: {exc}") from None
        if not isinstance(result, SafetyResult):
            raise PluginError(
                plugin, f"safety filter {name!r} returned {type(result).__name__}, not a SafetyResult"
            )
        for finding in result.findings:
            if not isinstance(finding, SafetyFinding):
                raise PluginError(plugin, f"safety filter {name!r} returned a finding of the wrong type")
            if finding.action == "waived" and finding.rule in flt.fixed_rules:
                raise PluginError(
                    plugin, f"safety filter {name!r} waived its rule {finding.rule!r}, which cannot be waived"
                )
        for step in result.steps:
            if not isinstance(step, PlannedStep):
                raise PluginError(plugin, f"safety filter {name!r} returned a step of the wrong type")
        before = {s.number for s in steps}
        after = {s.number for s in result.steps}
        explained = {f.step for f in result.findings if f.action in ("removed", "replaced", "postponed")}
        silent = sorted(before - after - explained)
        if silent:
            raise PluginError(
                plugin,
                f"safety filter {name!r} dropped step(s) {', '.join(map(str, silent))} without "
                "saying why; a plan never silently loses a step",
            )
        if result.timing and result.timing not in registry.timing_strategies:
            raise PluginError(
                plugin,
                f"safety filter {name!r} asked for the timing strategy {result.timing!r}, which no "
                "loaded plugin provides",
            )
        findings.extend(result.findings)
        refusals = [f for f in result.findings if f.action == "refused"]
        if refusals:
            advice = "\n".join(dict.fromkeys(f.advice or f.reason for f in refusals))
            raise SafetyRefusal(advice, tuple(findings))
        steps = tuple(result.steps)
        if result.timing:
            timing = result.timing
    known = {rule for name, flt in registry.safety_filters.items() for rule in (flt.rules or (name,))}
    for rule in sorted(waived - known):
        hint = did_you_mean(rule, sorted(known)) or " (`supple safety` lists the rules)"
        findings.append(SafetyFinding(
            rule=rule, action="warned",
            reason=f"You waived {rule!r}, but no loaded safety filter has a rule of that name, so "
            f"the waiver changes nothing{hint}",
            source="supple",
        ))
    return steps, findings, timing
