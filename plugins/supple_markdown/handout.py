"""The printable handout: a plan as Markdown for pandoc (docs/handout.md).

Every piece of text from the routine, the profile or a plugin goes through
:func:`supple_markdown.escape.text` (or :func:`~supple_markdown.escape.yaml_value` in the
metadata block); everything else on the page is written here from numbers and fixed English
words, in plain ASCII so that pdflatex can print it. Dates and week days are spelled out here,
not by ``strftime``, so the output does not depend on the locale.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import supple
from supple.words import (
    DAYS,
    about_minutes,
    day_month_year,
    join_words,
    long_date,
    plural,
    short_date,
    week_span,
)
from supple_markdown.escape import clean, yaml_value
from supple_markdown.escape import text as esc
from supple_markdown.tracking import tracking_log
from supple_markdown.words import Weeks, week_dates

if TYPE_CHECKING:
    from supple_markdown.options import HandoutOptions

ACTIONS = {
    "removed": "Removed",
    "replaced": "Replaced",
    "capped": "Dose capped",
    "warned": "Warning",
    "refused": "Refused",
    "postponed": "Postponed",
    "waived": "Rule waived",
}

PAGE_BREAK = "::: pagebreak\n:::"


# --- the document -----------------------------------------------------------------------------


def render(plan: supple.Plan, options: HandoutOptions) -> str:
    """The handout for ``plan`` as Markdown text (``options``: :class:`HandoutOptions`)."""
    weeks = Weeks(plan)
    parts: list[str] = [
        _metadata(plan, options),
        _notice(),
        _overview(plan, weeks, options),
        _safety(plan),
        _exercises(plan, weeks, options),
    ]
    if options.log:
        parts.append(_page_break(options))
        parts.append(tracking_log(plan, options))
    parts.append("## Please read")
    parts.append(esc(supple.DISCLAIMER))
    body = "\n\n".join(p.strip("\n") for p in parts if p.strip())
    return body + "\n"


def _page_break(options: HandoutOptions) -> str:
    return PAGE_BREAK if options.page_breaks != "none" else ""


def _metadata(plan: supple.Plan, options: HandoutOptions) -> str:
    info = plan.routine.info
    lines = ["---", f"title: {yaml_value(info.title or 'Exercise programme')}"]
    if options.subtitle:
        lines.append(f"subtitle: {yaml_value(options.subtitle)}")
    if options.prepared_by:
        lines.append(f"author: {yaml_value(options.prepared_by)}")
    if info.revised is not None:
        lines.append(f'date: "Revised {day_month_year(info.revised)}"')
    lines += [
        f'lang: "{options.lang}"',
        f'papersize: "{options.paper}"',
        f'fontsize: "{options.font_size}pt"',
        "geometry:",
        f'- "margin={options.margin_mm}mm"',
        "---",
    ]
    return "\n".join(lines)


def _notice() -> str:
    return f"> **Please read first.** {esc(supple.DISCLAIMER)}"


def _overview(plan: supple.Plan, weeks: Weeks, options: HandoutOptions) -> str:
    info = plan.routine.info
    out = ["## About this programme"]
    if info.summary:
        out.append(esc(info.summary))
    facts = []
    if options.prepared_for:
        facts.append(f"- **For:** {esc(options.prepared_for)}")
    if options.prepared_by:
        facts.append(f"- **Prepared by:** {esc(options.prepared_by)}")
    first = plan.sessions[0] if plan.sessions else None
    if first is not None:
        facts.append(
            f"- **Each session:** {plural(len(first.steps), 'exercise')}, "
            f"{about_minutes(first.duration_s)}"
            + (" in the first week." if len(weeks.numbers) > 1 else ".")
        )
    facts.extend(_when(plan))
    facts.append(f"- **How the dose grows:** {_growth(plan, weeks)}")
    out.append("\n".join(facts))

    out.append("### Exercises at a glance")
    lines = []
    for position, step in enumerate(weeks.steps, start=1):
        lines.append(f"{position}. {esc(step.exercise.name)}: {_dose_summary(weeks, step)}")
    out.append("\n".join(lines) if lines else "This programme has no exercises left to do.")

    if len(weeks.numbers) > 1:
        out.append("### Week by week")
        cells = []
        for number in weeks.numbers:
            sessions = plan.sessions_in_week(number)
            changes = weeks.changes(number)
            what = "start" if number == weeks.numbers[0] else ("; ".join(changes) or "no change")
            cells.append([str(number), week_dates(plan, number), str(len(sessions)),
                          about_minutes(sessions[0].duration_s), what])
        out.append(_table(["Week", "Dates", "Sessions", "Each session", "What changes"],
                          ["right", "left", "right", "left", "left"], cells))

    notes = _timing_notes(plan, weeks)
    if notes:
        out.append("**Notes on timing:**")
        out.append("\n".join(f"- {note}" for note in notes))
    return "\n\n".join(out)


def _table(header: list[str], align: list[str], rows: list[list[str]]) -> str:
    """A pipe table. When a row is wider than pandoc's line width, pandoc wraps the cells and
    sizes the columns by the dashes under the header, so each column gets dashes in
    proportion to its longest cell (capped, so that one long cell cannot squeeze the rest)."""
    widths = [min(40, max(len(row[i]) for row in [header, *rows])) for i in range(len(header))]
    rule = []
    for width, side in zip(widths, align):
        dashes = "-" * max(3, width)
        rule.append(f"{dashes}:" if side == "right" else f":{dashes}")
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(rule) + "|"]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return "\n".join(lines)


def _dose_summary(weeks: Weeks, step: supple.PlannedStep) -> str:
    phases = [(numbers, dose) for numbers, dose in weeks.phases(step.number) if dose is not None]
    if not phases:
        return "not done"
    if len(phases) == 1 and len(phases[0][0]) == len(weeks.numbers):
        return esc(phases[0][1].describe())
    first, last = phases[0], phases[-1]
    if len(phases) == 1:
        return f"{esc(first[1].describe())} ({week_span(first[0]).lower()})"
    return f"{esc(first[1].describe())} at first; {esc(last[1].describe())} from week {last[0][0]}"


def _when(plan: supple.Plan) -> list[str]:
    schedule = plan.routine.schedule
    if schedule is None:
        return ["- **When:** whenever suits you; this routine has no fixed schedule."]
    if len(schedule.days) == 7:
        days = "every day"
    elif schedule.days == (0, 1, 2, 3, 4):
        days = "on weekdays (Monday to Friday)"
    elif schedule.days == (5, 6):
        days = "at weekends"
    else:
        days = "on " + join_words([DAYS[d] for d in schedule.days])
    times = join_words([t.strftime("%H:%M") for t in schedule.times])
    out = [f"- **When:** {days} at {times} ({esc(schedule.timezone)} time)."]
    starts = [s.start for s in plan.sessions if s.start is not None]
    if starts:
        out.append(
            f"- **Dates:** {long_date(starts[0].date())} to {long_date(starts[-1].date())}: "
            f"{plural(plan.weeks, 'week')}, {plural(len(plan.sessions), 'session')}."
        )
    return out


def _growth(plan: supple.Plan, weeks: Weeks) -> str:
    if len(weeks.numbers) <= 1:
        return "this is a single session; repeat it as your programme says."
    if not any(weeks.changes(n) for n in weeks.numbers):
        return "the dose stays the same every week."
    return (
        f"the dose changes from week to week ({esc(plan.progression)} progression); "
        "the table below shows when, and each exercise lists its dose by phase."
    )


def _timing_notes(plan: supple.Plan, weeks: Weeks) -> list[str]:
    seen: dict[str, list[int]] = {}
    for number in weeks.numbers:
        for note in weeks.first[number].timeline.notes:
            seen.setdefault(note, []).append(number)
    out = []
    for note, numbers in seen.items():
        label = "" if len(numbers) == len(weeks.numbers) else f"{_weeks_label(numbers)}: "
        out.append(f"{label}{esc(note)}")
    return out


def _weeks_label(numbers: Sequence[int]) -> str:
    runs: list[list[int]] = []
    for n in numbers:
        if runs and runs[-1][-1] == n - 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(week_span(r) for r in runs)


# --- one section per exercise -----------------------------------------------------------------


def _exercises(plan: supple.Plan, weeks: Weeks, options: HandoutOptions) -> str:
    out = []
    for position, step in enumerate(weeks.steps, start=1):
        if position == 1 or options.page_breaks == "exercises":
            out.append(_page_break(options))
        if position == 1:
            out.append("## The exercises")
        out.append(_exercise(plan, weeks, step, position, options))
    return "\n\n".join(p for p in out if p)


def _picture(illustration: supple.Illustration) -> str:
    """The picture as an inline image: a ``data:`` URL of supple's own SVG (base64, so no
    character of it is Markdown) and no alternative text from anywhere."""
    import base64

    data = base64.b64encode(supple.render_svg(illustration).encode("utf-8")).decode("ascii")
    return f"![](data:image/svg+xml;base64,{data})"


def _exercise(plan: supple.Plan, weeks: Weeks, step: supple.PlannedStep, position: int,
              options: HandoutOptions | None = None) -> str:
    ex = step.exercise
    out = [f"### {position}. {esc(ex.name)}"]
    drawing = ex.drawing if getattr(options, "pictures", False) else None
    if drawing is not None:
        out.append(_picture(drawing))
    if ex.summary:
        out.append(esc(ex.summary))
    out.append(_dose_block(weeks, step))
    if ex.instructions:
        out.append("**How to do it:**")
        out.append(_numbered(ex.instructions))
    if ex.cues:
        out.append("**Cues:**")
        out.append(_bullets(ex.cues))
    if ex.breathing:
        out.append(f"**Breathing:** {esc(ex.breathing)}")
    if step.note and step.note.strip().rstrip(".").casefold() not in ex.breathing.casefold():  # said once
        out.append(f"**Note for you:** {esc(step.note)}")
    if ex.cautions:
        out.append("**Take care:**")
        out.append(_bullets(ex.cautions))
    out.extend(_easier(plan, step))
    sources = _source_titles(ex.sources)
    if sources:
        out.append(f"*Sources:* {'; '.join(sources)}.")
    return "\n\n".join(out)


def _dose_block(weeks: Weeks, step: supple.PlannedStep) -> str:
    phases = weeks.phases(step.number)
    if len(phases) == 1:
        dose = phases[0][1]
        every = "every week" if len(weeks.numbers) > 1 else "each session"
        return f"**Dose:** {esc(dose.describe()) if dose else 'not done'}, {every}."
    lines = ["**Dose by phase:**", ""]
    for numbers, dose in phases:
        what = esc(dose.describe()) if dose is not None else "not done in these weeks"
        lines.append(f"- {week_span(numbers)}: {what}")
    return "\n".join(lines)


def _easier(plan: supple.Plan, step: supple.PlannedStep) -> list[str]:
    out = []
    for variant_id in step.exercise.easier:
        variant = plan.find_exercise(variant_id, step.set_name)
        if variant is None:
            out.append(f"**Easier option:** {esc(variant_id)}")
            continue
        line = f"**Easier option:** {esc(variant.name)}"
        if variant.summary:
            line += f". {esc(variant.summary)}"
        out.append(line)
        if variant.instructions:
            out.append(_numbered(variant.instructions))
    return out


def _numbered(items: Iterable[str]) -> str:
    return "\n".join(f"{n}. {esc(item)}" for n, item in enumerate(items, start=1) if esc(item))


def _bullets(items: Iterable[str]) -> str:
    return "\n".join(f"- {esc(item)}" for item in items if esc(item))


def _source_titles(sources: Iterable[supple.Source]) -> list[str]:
    # titles only: a source's address is never written, so nothing can become a link
    seen: dict[str, None] = {}
    for source in sources:
        title = esc(source.title or source.ref)
        if title:
            seen.setdefault(title, None)
    return list(seen)


# --- the tracking log -------------------------------------------------------------------------

# --- safety and disclaimer --------------------------------------------------------------------


def _safety(plan: supple.Plan) -> str:
    out = ["## Safety: what was changed, and why"]
    profile = plan.profile
    if profile is not None and profile.path:
        said = []
        if profile.conditions:
            said.append("conditions: " + ", ".join(esc(c) for c in profile.conditions))
        if profile.pain is not None:
            said.append(f"pain today: {int(profile.pain)} out of 10")
        if profile.pregnancy_week is not None:
            said.append(f"pregnant, week {int(profile.pregnancy_week)}")
        detail = f" ({'; '.join(said)})" if said else ""
        out.append(f"The safety filters checked this programme against your profile{detail}.")
    else:
        out.append(
            "No profile was given, so the safety filters could not take your own conditions "
            "into account. If you have a health condition, ask a professional before you start."
        )
    findings = [f for f in plan.safety]
    if findings:
        out.append("\n".join(_finding(plan, f) for f in findings))
    else:
        out.append("The safety filters made no changes to this programme.")
    if plan.waivers:
        names = "; ".join(f"{esc(rule)} (by {esc(who)})" for rule, who in plan.waivers)
        out.append(
            f"**Safety rules waived:** {names}. The changes they would have made were not made."
        )
    if plan.postponed:
        days = ", ".join(f"{short_date(p.start.date())} {p.start:%H:%M}" for p in plan.postponed
                         if p.start is not None)
        reason = esc(_sentence(plan.postponed[0].reason))
        advice = esc(_sentence(plan.postponed[0].advice)) if plan.postponed[0].advice else ""
        out.append(f"**Postponed sessions:** {days or 'the session'}. {reason} {advice}".rstrip())
    if plan.filters:
        out.append(f"Safety filters that checked every session: {esc(', '.join(plan.filters))}.")
    return "\n\n".join(out)


def _finding(plan: supple.Plan, finding: supple.SafetyFinding) -> str:
    action = ACTIONS.get(finding.action, esc(finding.action.capitalize()))
    what = []
    if finding.exercise:
        subject = esc(_exercise_name(plan, finding.exercise))
        what.append(f"{subject} (step {int(finding.step)})" if finding.step is not None else subject)
    elif finding.step is not None:
        what.append(f"step {int(finding.step)}")
    if finding.replacement:
        what.append(f"replaced by {esc(_exercise_name(plan, finding.replacement))}")
    if finding.weeks:
        what.append(f"in {_weeks_label(sorted(finding.weeks)).lower()}")
    subject = f" {', '.join(what)}." if what else ""
    reason = esc(_sentence(finding.reason))
    source = esc(clean(finding.source).rstrip("."))
    line = f"- **{action}:**{subject} {reason}"
    if source:
        line += f" Source: {source}."
    line += f" (Rule: {esc(finding.rule)})"
    return line


def _sentence(value: str) -> str:
    """``value`` ending with a full stop (or another end mark) so the next sentence can follow."""
    value = clean(value)
    return value if not value or value[-1] in ".!?" else value + "."


def _exercise_name(plan: supple.Plan, ref: str) -> str:
    """An exercise's name from the id or ``set/id`` a finding gives; the id if unknown."""
    found = plan.find_exercise(ref)
    return found.name if found is not None else ref
