"""`supple report`: adherence, pain, effort and doses reached, for you or your clinician."""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

import click

from supple.cli import log_options
from supple.cli._common import (
    PROFILE_OPTION,
    SCHEDULE_OPTIONS,
    dump_json,
    load_profile_arg,
    load_routine_arg,
    log_history,
    registry,
    routine_path,
)
from supple.cli.complete import complete_routine
from supple.cli.log_options import DAY, check_period

#: Characters that make a spreadsheet read a cell as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@click.command()
@click.argument("routine", required=False, shell_complete=complete_routine)
@click.option("--from", "since", type=DAY, metavar="DATE",
              help="First day of the report (default: the programme's first day, or the first logged session).")
@click.option("--to", "until", type=DAY, metavar="DATE", help="Last day of the report (default: today).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON (same as --format json).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv", "html", "pdf"]), default=None,
              help="text (default), json, csv (one row per logged step, for a spreadsheet), or a "
              "printable html or pdf page with charts.")
@click.option("--output", "-o", "output", metavar="FILE",
              help="Write the report to FILE instead of standard output (required for --format pdf).")
@SCHEDULE_OPTIONS
@PROFILE_OPTION
@click.pass_context
def report(ctx: click.Context, routine: str | None, since: dt.date | None, until: dt.date | None,
           as_json: bool, fmt: str | None, output: str | None, profile: str | None) -> None:
    """Report adherence (done / planned, per week and per exercise), pain before, after and
    the next day, effort, and the dose each exercise reached, from your session log.

    ROUTINE is a file or a bundled routine's name; without it, every routine in the log.
    Planned sessions come from the routine's plan (with your profile), as `supple plan` shows it.
    Nothing is sent anywhere; the report goes to standard output.
    """
    from supple.errors import InputError

    if as_json and fmt not in (None, "json"):
        raise InputError.at(f"--json and --format {fmt} ask for two formats; give one", None, "--format")
    fmt = "json" if as_json else (fmt or "text")
    if fmt == "pdf" and not output:
        raise InputError.at("a PDF report is written to a file: give --output FILE", None, "--output")
    check_period(since, until)
    until = until or log_options.wall_now().date()
    if since is not None and since > until:
        raise InputError.at(f"{since.isoformat()} is after today ({until.isoformat()}); give --to",
                            None, "--from")
    person = load_profile_arg(profile)
    reports: list[dict[str, Any]] = []
    records_all: list[Any] = []
    for info, plan, note in _routines(ctx, routine, person, since, until):
        from supple.guide.history import load_history
        from supple.guide.report import build_report

        start = since or _default_start(plan, info["id"], until)
        full = ctx.obj.get("history", {}).get(info["id"]) if ctx.obj else None
        records = (tuple(r for r in full if start <= r.date <= until) if full is not None
                   else load_history(info["id"], since=start, until=until))
        data = build_report(info, records, plan, start, until)
        data["alerts"] = report_alerts(plan, records)
        if note:
            data["note"] = note
        reports.append(data)
        records_all.extend(records)
    if output or fmt in ("html", "pdf"):
        from supple.cli.report_file import write_report

        write_report(fmt, reports, records_all, output)
    elif fmt == "json":
        dump_json({"reports": reports})
    elif fmt == "csv":
        _write_csv(records_all)
    else:
        from supple.cli.report_text import render

        click.echo(render(reports), nl=False)


def _routines(ctx: click.Context, routine: str | None, person: Any, since: dt.date | None,
              until: dt.date) -> list[tuple[dict[str, Any], Any, str]]:
    """``(routine info, plan or None, note)`` for the routine named, or for each routine in the log."""
    from supple.io.routine_file import load_routine

    if routine is not None:
        path = routine_path(ctx, routine)
        loaded = load_routine_arg(ctx, path)
        info = {"id": loaded.info.id or "", "title": loaded.info.title, "path": os.path.abspath(path)}
        plan, note = _plan(ctx, loaded, person, until)
        return [(info, plan, note)]
    from supple.guide.log import entries

    latest: dict[str, Any] = {}
    for entry in entries(None, until=until.isoformat(), since=since.isoformat() if since else None,
                         oldest_first=True):
        latest[entry.routine_id] = entry
    found = []
    for routine_id in sorted(latest):
        entry = latest[routine_id]
        info = {"id": routine_id, "title": entry.routine_title, "path": entry.routine_path}
        plan, note = None, f"the routine file {entry.routine_path} cannot be read: planned sessions are unknown"
        if os.path.isfile(entry.routine_path):
            from supple.errors import SuppleError

            try:
                plan, note = _plan(ctx, load_routine(entry.routine_path), person, until)
            except SuppleError as exc:
                note = f"the routine cannot be planned ({exc}): planned sessions are unknown"
        found.append((info, plan, note))
    return found


def _plan(ctx: click.Context, loaded: Any, person: Any, until: dt.date) -> tuple[Any, str]:
    from supple.errors import SafetyRefusal
    from supple.pipeline.orchestrator import build_plan

    try:  # with the log's history, so the log's alerts up to the report's last day are in it
        history = log_history(loaded)
        if history is not None and ctx.obj is not None:  # read once: the report's records come from it
            ctx.obj.setdefault("history", {})[loaded.info.id] = history
        return build_plan(loaded, registry(ctx), person, history=history,
                          today=until + dt.timedelta(days=1)), ""
    except SafetyRefusal:
        return None, "the plan is refused for safety with your profile: planned sessions are unknown"


def report_alerts(plan: Any, records: Any) -> list[dict[str, Any]]:
    """The session log's alerts (rising pain, next-day pain of 6 or more, missed sessions), as
    the plan raised them; from the logged sessions alone when there is no plan."""
    from supple.pipeline.replan import alerts
    from supple.render.json import finding_to_dict

    if plan is not None:
        found = [f for f in plan.safety if f.rule.startswith("log-")]
    else:
        found = alerts(records)
    return [finding_to_dict(f) | {"advice": f.advice} for f in found]


def _default_start(plan: Any, routine_id: str, until: dt.date) -> dt.date:
    """The programme's first day; without a schedule, the first logged session's day."""
    if plan is not None and plan.sessions and plan.sessions[0].start is not None:
        first_day: dt.date = plan.sessions[0].start.date()
        return min(first_day, until)
    from supple.guide.history import load_history

    first = load_history(routine_id, until=until)
    return first[0].date if first else until


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    text = str(value)
    if text.startswith(_FORMULA_START):
        return "'" + text  # shown as text, never run as a spreadsheet formula
    return text


def csv_text(records: list[Any]) -> str:
    """The CSV of ``records`` (one row per logged step)."""
    import csv
    import io

    from supple.guide.report import CSV_COLUMNS, csv_rows

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in csv_rows(records):
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue()


def _write_csv(records: list[Any]) -> None:
    click.echo(csv_text(records), nl=False)
