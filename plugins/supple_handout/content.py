"""Build the handout document: plain data (dicts, lists, strings) that renderers lay out.

The content decisions are the Markdown handout's (plugins/supple_markdown/handout.py): the same
facts, dose by phase, steps, cues, breathing, notes, easier options, sources, safety changes
and tracking log. New here: a programme table with a picture per exercise, stop signs, and
cautions tailored to the profile (:mod:`supple_handout.tailor`). Every string is shown as
text by the renderers, whatever it contains.
"""

from __future__ import annotations

import re
from typing import Any

from supple.words import (
    DAYS,
    Weeks,
    about_minutes,
    day_month_year,
    join_words,
    long_date,
    plural,
    short_date,
    week_span,
)
from supple_handout.media import embedded_image
from supple_handout.tailor import tailored

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")

#: Pictures share one scale: this many figure units fill the picture column (a lying figure
#: with a mat, both positions), so a standing figure is drawn as tall as a lying one is long.
REFERENCE_WIDTH = 250.0

STOP_SIGNS = (
    "Pain that increases sharply, or spreads down a leg.",
    "New numbness or tingling in a leg, or around the groin or buttocks: seek care now.",
    "New trouble passing urine, or controlling the bladder or bowel: seek emergency care now.",
    "New weakness in one or both legs.",
    "Feeling unwell with fever, or pain at night that no position eases.",
)
PREGNANCY_STOP_SIGNS = (
    "Bleeding from the vagina, fluid leaking, or regular painful contractions.",
    "Chest pain, or dizziness or breathlessness that does not settle.",
)
PAIN_HELP = (
    "Tick each session when you have done it, and score your pain before and after it from 0 "
    "(no pain) to 10 (the worst pain you can imagine). Bring this log to your next appointment."
)
ACTIONS = {"removed": "Removed", "replaced": "Replaced", "capped": "Dose capped",
           "warned": "Warning", "refused": "Refused", "postponed": "Postponed",
           "waived": "Rule waived"}


def build(plan: Any, options: Any) -> dict[str, Any]:
    """The handout of ``plan`` as a document (``options``: :class:`~supple_handout.options.HandoutOptions`)."""
    from supple import DISCLAIMER

    weeks = Weeks(plan)
    info = plan.routine.info
    profile = plan.profile if plan.profile is not None and plan.profile.path else None
    pictures = {step.number: _picture(step.exercise) if options.pictures else ("", 0.0)
                for step in weeks.steps}
    widest = max([REFERENCE_WIDTH, *(w for _, w in pictures.values())])
    scaled = {n: (svg, round(100 * w / widest, 1)) for n, (svg, w) in pictures.items()}
    doc: dict[str, Any] = {
        "lang": options.lang,
        "title": info.title or "Exercise programme",
        "subtitle": options.subtitle,
        "summary": info.summary,
        "who": _who(info, options),
        "facts": _facts(plan, weeks),
        "programme": [_row(plan, weeks, step, n, scaled[step.number])
                      for n, step in enumerate(weeks.steps, start=1)],
        "stop_signs": list(STOP_SIGNS) + (list(PREGNANCY_STOP_SIGNS) if _pregnant(plan.profile) else []),
        "safety": _safety(plan, profile),
        "exercises": [_exercise(plan, weeks, step, n, scaled[step.number], profile)
                      for n, step in enumerate(weeks.steps, start=1)],
        "log": _log(plan, weeks, options) if options.log else None,
        "disclaimer": DISCLAIMER,
    }
    if not options.pictures:
        for exercise in doc["exercises"]:
            exercise["image"] = None
    cleaned: dict[str, Any] = _cleaned(doc)
    return cleaned


def _cleaned(value: Any) -> Any:
    """Every string with control characters dropped and white space runs made one space (the
    Markdown handout's rule), so no format sees a form feed, an escape or a stray line break."""
    if isinstance(value, str):
        return re.sub(r"\s+", " ", _CONTROL.sub("", value.replace("\r", " "))).strip()
    if isinstance(value, dict):
        return {k: (v if k == "picture" else _cleaned(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [_cleaned(v) for v in value]
    return value


def _picture(exercise: Any) -> tuple[str, float]:
    """The exercise's picture as SVG and its width in figure units (``("", 0)``: none)."""
    drawing = exercise.drawing
    if drawing is None:
        return "", 0.0
    from supple import natural_size, render_svg

    return render_svg(drawing), natural_size(drawing)[0]


def _pregnant(profile: Any) -> bool:
    return profile is not None and (profile.pregnancy_week is not None or profile.has("pregnancy"))


def _who(info: Any, options: Any) -> list[list[str]]:
    out = []
    if options.prepared_for:
        out.append(["For", options.prepared_for])
    if options.prepared_by:
        out.append(["Prepared by", options.prepared_by])
    if info.revised is not None:
        out.append(["Revised", day_month_year(info.revised)])
    return out


def _how_often(plan: Any) -> str:
    schedule = plan.routine.schedule
    if schedule is None:
        return "As agreed with you"
    if len(schedule.days) == 7:
        days = "Every day"
    elif tuple(schedule.days) == (0, 1, 2, 3, 4):
        days = "Weekdays"
    elif tuple(schedule.days) == (5, 6):
        days = "Weekends"
    else:
        days = join_words([DAYS[d][:3] for d in schedule.days])
    return f"{days} at {join_words([t.strftime('%H:%M') for t in schedule.times])}"


def _facts(plan: Any, weeks: Weeks) -> list[list[str]]:
    out = []
    first = plan.sessions[0] if plan.sessions else None
    if first is not None:
        out.append(["Each session", f"{plural(len(first.steps), 'exercise')}, "
                    f"{about_minutes(first.duration_s)}"
                    + (" in the first week" if len(weeks.numbers) > 1 else "")])
    schedule = plan.routine.schedule
    starts = [s.start for s in plan.sessions if s.start is not None]
    if schedule is not None:
        out.append(["When", f"{_how_often(plan).lower()} ({schedule.timezone} time)"])
    if starts:
        out.append(["Dates", f"{long_date(starts[0].date())} to {long_date(starts[-1].date())}: "
                    f"{plural(plan.weeks, 'week')}, {plural(len(plan.sessions), 'session')}"])
    return out


def _dose_lines(weeks: Weeks, step: Any) -> list[str]:
    phases = weeks.phases(step.number)
    if len(phases) == 1:
        dose = phases[0][1]
        return [dose.describe() if dose is not None else "not done"]
    return [f"{week_span(numbers)}: {dose.describe() if dose is not None else 'not done'}"
            for numbers, dose in phases]


def _dose_summary(weeks: Weeks, step: Any) -> list[str]:
    """The dose in one or two lines: the first, and the last if it differs (the Markdown
    handout's "at first ... from week N")."""
    phases = [p for p in weeks.phases(step.number) if p[1] is not None]
    if not phases:
        return ["not done"]
    if len(phases) == 1:
        return [phases[0][1].describe()]
    first, last = phases[0], phases[-1]
    return [f"{first[1].describe()} at first", f"{last[1].describe()} from week {last[0][0]}"]


def _row(plan: Any, weeks: Weeks, step: Any, n: int, picture: tuple[str, float]) -> dict[str, Any]:
    done = [w for w in weeks.numbers if weeks.dose(w, step.number) is not None]
    often = _how_often(plan)
    if len(weeks.numbers) > 1 and done and len(done) != len(weeks.numbers):
        often += f" ({week_span(done).lower()})"
    return {"n": str(n), "name": step.exercise.name, "summary": step.exercise.summary,
            "dose": _dose_summary(weeks, step), "often": often, "picture": picture[0],
            "width": picture[1]}


def _exercise(plan: Any, weeks: Weeks, step: Any, n: int, picture: tuple[str, float],
              profile: Any) -> dict[str, Any]:
    ex = step.exercise
    cautions, omitted = tailored(ex.cautions, profile)
    easier = []
    for variant_id in ex.easier:
        variant = plan.find_exercise(variant_id, step.set_name)
        easier.append({"name": variant.name if variant else variant_id,
                       "summary": variant.summary if variant else ""})
    sources: dict[str, None] = {}
    for source in ex.sources:
        sources.setdefault(source.title or source.ref, None)
    media = [{"kind": m.kind, "title": m.title, "where": m.url or m.path, "licence": m.licence,
              "attribution": m.attribution} for m in ex.media]
    image = embedded_image(ex.media) if ex.media else None
    return {
        "n": str(n), "name": ex.name, "summary": ex.summary, "picture": picture[0],
        "width": picture[1],
        "dose": _dose_lines(weeks, step), "steps": list(ex.instructions), "cues": list(ex.cues),
        "breathing": ex.breathing, "note": step.note or "", "cautions": cautions,
        "omitted": (f"{plural(omitted, 'caution')} about conditions your profile does not list "
                    "left out." if omitted else ""),
        "easier": easier, "sources": list(sources), "media": media, "image": image,
    }


def _safety(plan: Any, profile: Any) -> dict[str, Any]:
    if profile is not None:
        said = []
        if profile.conditions:
            said.append("conditions: " + ", ".join(profile.conditions))
        if profile.pain is not None:
            said.append(f"pain today: {int(profile.pain)} out of 10")
        if profile.pregnancy_week is not None:
            said.append(f"pregnant, week {int(profile.pregnancy_week)}")
        intro = ("The safety filters checked this programme against your profile"
                 + (f" ({'; '.join(said)})." if said else ".")
                 + " Cautions below are the ones that apply to you.")
    else:
        intro = ("No profile was given, so the safety filters could not take your own conditions "
                 "into account, and every caution is shown. If you have a health condition, ask "
                 "a professional before you start.")
    findings = []
    for finding in plan.safety:
        action = ACTIONS.get(finding.action, finding.action.capitalize())
        subject = ""
        if finding.exercise:
            subject = _name(plan, finding.exercise)
            if finding.replacement:
                subject += f", replaced by {_name(plan, finding.replacement)}"
        findings.append({"action": action, "subject": subject, "reason": finding.reason,
                         "rule": finding.rule})
    waived = ", ".join(plan.waived) if plan.waived else ""
    return {"intro": intro, "findings": findings, "waived": waived}


def _name(plan: Any, ref: str) -> str:
    found = plan.find_exercise(ref)
    return found.name if found is not None else ref


def _log(plan: Any, weeks: Weeks, options: Any) -> dict[str, Any]:
    out: list[dict[str, Any]] = []
    scheduled = [s for s in plan.sessions if s.start is not None]
    if scheduled:
        for number in weeks.numbers:
            sessions = [s for s in plan.sessions_in_week(number) if s.start is not None]
            out.append({"label": f"Week {number}", "dates": weeks.week_dates(number),
                        "days": [f"{short_date(s.start.date())} {s.start.strftime('%H:%M')}"
                                 for s in sessions]})
    else:
        for number in range(1, options.log_weeks + 1):
            out.append({"label": f"Week {number}", "dates": "",
                        "days": [f"{DAYS[d][:3]} __/__" for d in range(7)]})
    return {"help": PAIN_HELP, "weeks": out}
