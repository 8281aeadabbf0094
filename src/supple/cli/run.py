"""`supple run`: follow today's session in the terminal, with a live timer."""

from __future__ import annotations

import datetime as dt
import sys
from contextlib import nullcontext
from typing import TYPE_CHECKING, Any, TextIO

import click

import supple
from supple.cli._common import (
    ALLOW_OPTION,
    PROFILE_OPTION,
    SCHEDULE_OPTIONS,
    load_profile_arg,
    load_routine_arg,
    log_history,
    registry,
    routine_path,
    with_reported_flags,
)
from supple.cli.complete import complete_routine
from supple.errors import InputError

if TYPE_CHECKING:
    from supple.guide.clock import Clock
    from supple.guide.runner import RunResult
    from supple.guide.screen import PlainScreen, TerminalScreen
    from supple.model.plan import Plan, Session

#: Exit status after Ctrl-C (128 + SIGINT), as shells report it.
EXIT_INTERRUPTED = 130


#: Exit status when safety leaves nothing to do today (the documented "refused for safety").
EXIT_SAFETY = 3


def make_clock() -> Clock:
    """The clock the runner reads (tests replace this function with a fake clock)."""
    from supple.guide.clock import MonotonicClock

    return MonotonicClock()


def wall_now() -> dt.datetime:
    """The local date and time, aware (tests replace this function)."""
    return dt.datetime.now().astimezone()


def _ask_pain(question: str) -> int | None:
    """Ask for a pain score from 0 to 10; Enter skips."""
    while True:
        answer = click.prompt(f"{question} 0 (none) to 10 (worst), Enter to skip",
                              default="", show_default=False, prompt_suffix=": ")
        answer = answer.strip()
        if not answer:
            return None
        if answer.isdigit() and 0 <= int(answer) <= 10:
            return int(answer)
        click.echo("Please type a whole number from 0 to 10, or just press Enter.")


def _header(plan: Plan, session: Session, pain: int | None, keys_line: str | None) -> list[str]:
    """What the person reads before the session; ``keys_line`` says how to use the keys."""
    from supple.guide.sessions import describe_session
    from supple.model.durations import format_seconds
    from supple.model.plan import DISCLAIMER
    from supple.render.text import describe_finding
    from supple.text import safe, wrap

    lines = [safe(plan.title)]
    count = len(session.steps)
    lines.append(
        f"Session: {describe_session(session)}; {count} exercise{'s' if count != 1 else ''}, "
        f"about {format_seconds(session.duration_s)} (timing: {plan.timing})."
    )
    if pain is not None:
        lines.append(f"Pain before the session: {pain}/10.")
    if plan.waived:
        lines.append(f"Safety rules waived by you: {', '.join(plan.waived)}")
    if plan.safety:
        lines.append("What the safety filters changed, and why:")
        for finding in plan.safety:
            lines += wrap(describe_finding(finding), "  - ")
    for note in session.timeline.notes:
        lines += wrap(note, "  * ")
    if keys_line:
        lines.append(keys_line)
    lines += wrap(DISCLAIMER, "")
    return lines


def _summary(session: Session, result: RunResult) -> list[str]:
    from supple.guide.screen import step_name
    from supple.model.durations import format_seconds

    timeline = session.timeline
    total = len(timeline.steps)
    done = len(result.completed)
    head = "Session complete" if result.status == "finished" else "Session stopped"
    lines = [f"{head}: {done} of {total} exercise{'s' if total != 1 else ''} done in "
             f"{format_seconds(result.duration_s)}"
             + (f" (paused {format_seconds(result.paused_s)})." if result.paused_s >= 0.5 else ".")]
    if result.skipped:
        lines.append("Skipped: " + ", ".join(step_name(timeline, p) for p in result.skipped) + ".")
    if result.stopped_at is not None:
        lines.append(f"Stopped during: {step_name(timeline, result.stopped_at)}.")
    return lines


def _local_day(routine: supple.Routine, now: Any) -> Any:
    """Today's date in the routine's time zone (``None`` without a schedule)."""
    if routine.schedule is None:
        return None
    from zoneinfo import ZoneInfo

    return now.astimezone(ZoneInfo(routine.schedule.timezone)).date()


def _history(routine: supple.Routine) -> Any:
    """The routine's logged sessions; when the log cannot be read now (locked by a writer),
    the session runs as planned without them, with a warning."""
    from supple.guide.log_store import LogError

    try:
        return log_history(routine)
    except LogError as exc:
        click.echo(f"supple: warning: {exc}; today's session is planned without your session log",
                   err=True)
        return None


def _refuse_if_postponed(plan: supple.Plan, now: Any, week: int | None) -> None:
    """Today's session is postponed (pain too high): refuse, with the pain gate's advice."""
    if week is not None or not plan.postponed or plan.routine.schedule is None:
        return
    today = _local_day(plan.routine, now)
    for postponed in plan.postponed:
        if postponed.start is not None and postponed.start.date() == today:
            finding = next((f for f in plan.safety if f.action == "postponed" and f.step is None), None)
            findings = (supple.evolve(finding, action="refused"),) if finding is not None else ()
            raise supple.SafetyRefusal(postponed.advice or postponed.reason, findings)


def _pain_after_advice(before: int | None, after: int | None) -> list[str]:
    """What to make of the pain after the session (pain-monitoring model, Silbernagel 2007)."""
    if after is None:
        return []
    if after >= 6:
        return ["Your pain is high after the session. Do less next time, and seek care if it does "
                "not settle or keeps increasing."]
    if before is not None and after > before:
        return ["Your pain is a little higher than before. Pain up to 5/10 during exercise can be "
                "acceptable if it has settled by the next morning; if it has not, do less next time."]
    return []


@click.command()
@click.argument("routine", required=False, shell_complete=complete_routine)
@SCHEDULE_OPTIONS
@PROFILE_OPTION
@ALLOW_OPTION
@click.option("--week", type=click.IntRange(min=1), metavar="N",
              help="Run the session of programme week N (default: today's session).")
@click.option("--pain", type=click.IntRange(0, 10), metavar="0-10",
              help="Your pain right now, 0-10, instead of being asked; the safety filters use it.")
@click.option("--no-prompt", is_flag=True, help="Ask no questions (pain before and after, saving).")
@click.option("--record/--no-record", default=None,
              help="Save the session in the local log (`supple log`). Default: ask at the end "
                   "in a terminal; do not save otherwise.")
@click.option("--pain-after", type=click.IntRange(0, 10), metavar="0-10",
              help="Your pain after the session, 0-10, instead of being asked (for the log).")
@click.option("--effort", type=click.Choice(["easy", "ok", "hard"]),
              help="How the session felt, for the log (asked at the end in a terminal when recording).")
@click.option("--bell/--no-bell", default=True, show_default=True,
              help="Ring the terminal bell at the end of holds, rests and the session.")
@click.pass_context
def run(ctx: click.Context, routine: str | None, profile: str | None, allow: tuple[str, ...],
        week: int | None, pain: int | None, no_prompt: bool, record: bool | None,
        pain_after: int | None, effort: str | None, bell: bool) -> None:
    """Follow a session in the terminal: countdowns, cues, rests, and what comes next.

    ROUTINE is a file or a bundled routine's name (default: the bundled morning routine).
    Runs today's session of the programme, or week N's with --week. Keys: space or p pauses
    and resumes, n or s skips to the next exercise, q quits.
    """
    from supple.cli.console import long_running

    long_running()  # a session lasts minutes: let the garbage collector work again
    import supple
    from supple.guide.keys import KEYS_HELP, NoKeys, TerminalKeys, cbreak
    from supple.guide.runner import Runner
    from supple.guide.screen import PlainScreen, TerminalScreen, terminal_capabilities
    from supple.guide.sessions import choose_session
    from supple.model.plan import DISCLAIMER
    from supple.pipeline.orchestrator import build_plan
    from supple.text import wrap

    stdin, stdout = sys.stdin, sys.stdout
    stdin_tty = _isatty(stdin)
    stdout_tty = _isatty(stdout)
    interactive = stdin_tty and stdout_tty and not no_prompt

    path = routine_path(ctx, routine)
    loaded = load_routine_arg(ctx, path)
    person = with_reported_flags(load_profile_arg(profile))
    reg = registry(ctx)
    if pain is None and interactive:
        pain = _ask_pain("How is your back pain right now?")
    now = wall_now()
    if pain is not None:  # a score for today, in the routine's time zone
        today = _local_day(loaded, now)
        person = (supple.evolve(person, pain=pain, pain_date=today) if person is not None
                  else supple.Profile(pain=pain, pain_date=today))
    # with the log's history: progressed doses, and its alerts pause today's session
    plan = build_plan(loaded, reg, person, waive=allow, history=_history(loaded),
                      today=_local_day(loaded, now))  # SafetyRefusal: exit 3, nothing runs
    _refuse_if_postponed(plan, now, week)
    session = choose_session(plan, now, week)
    pain_before = person.pain if person is not None else None

    if not session.timeline.segments:
        for line in _header(plan, session, pain_before, None):
            click.echo(line)
        click.echo("")
        click.echo("There is nothing to do in this session: the safety filters removed or postponed "
                   "every exercise (see above). Rest today, and seek care if your pain does not ease.")
        ctx.exit(EXIT_SAFETY)

    clock = make_clock()
    with cbreak(stdin.fileno()) if stdin_tty else nullcontext(False) as raw:
        if raw:
            keys_line = f"Keys: {KEYS_HELP}"
        elif stdin_tty:
            keys_line = "Keys cannot be read on this system; Ctrl-C stops the session."
        else:
            keys_line = "Keys are not read (standard input is not a terminal); Ctrl-C stops the session."
        for line in _header(plan, session, pain_before, keys_line):
            click.echo(line)
        keys = TerminalKeys(stdin.fileno(), clock) if raw else NoKeys(clock)
        screen: TerminalScreen | PlainScreen
        if stdout_tty:
            ansi, colour = terminal_capabilities()
            screen = TerminalScreen(session.timeline, stdout, ansi=ansi, colour=colour, bell=bell,
                                    keys=bool(raw))
        else:
            screen = PlainScreen(session.timeline, stdout, keys=bool(raw))
        started_wall = wall_now()
        try:
            result = Runner(session.timeline, clock, keys, screen).run()
        finally:
            screen.close()

    click.echo("")
    for line in _summary(session, result):
        click.echo(line)
    if pain_after is None and interactive and result.status == "finished":
        pain_after = _ask_pain("And your pain now?")
        for advice in _pain_after_advice(pain_before, pain_after):
            for line in wrap(advice, ""):
                click.echo(line)
    flagged = _ask_red_flags(reg) if interactive and result.status == "finished" else []
    if record is None:
        record = (interactive and result.status == "finished"
                  and click.confirm("Save this session in your log on this computer?", default=False))
    if record:
        if effort is None and interactive and result.status == "finished":
            effort = _ask_effort()
        _save(session, result, started_wall, loaded, path, plan, pain_before, pain_after, effort)
    if flagged:  # a warning sign noticed now stops the programme as a red flag in a profile does
        from supple.guide.flags import report_flag

        for name in flagged:
            report_flag(name, now.date())
        build_plan(loaded, reg, with_reported_flags(person), waive=allow)  # raises the refusal
    click.echo("")
    for line in wrap(DISCLAIMER, ""):
        click.echo(line)
    if result.interrupted:
        ctx.exit(128 + result.signum if result.signum else EXIT_INTERRUPTED)


def _ask_red_flags(reg: Any) -> list[str]:
    """Ask whether a warning sign appeared; the red flags the person picks (their ids)."""
    from supple.text import wrap

    known: dict[str, str] = {}
    for flt in reg.safety_filters.values():
        known.update(flt.red_flags)
    if not known or not click.confirm(
            "Did you notice any warning sign (numbness around the groin, bladder or bowel changes, "
            "weakness or pain in both legs, a hot swollen calf...)?", default=False):
        return []
    names = sorted(known)
    for number, name in enumerate(names, start=1):
        for line in wrap(f"{known[name]} ({name})", f"  {number:2d}. "):
            click.echo(line)
    while True:
        answer = click.prompt("Which? The numbers, separated by commas", default="", show_default=False)
        picked = [part.strip() for part in answer.replace(" ", ",").split(",") if part.strip()]
        if picked and all(p.isdigit() and 1 <= int(p) <= len(names) for p in picked):
            return [names[int(p) - 1] for p in dict.fromkeys(picked)]
        click.echo(f"Please type numbers from 1 to {len(names)}, such as 3 or 1,4.")


def _ask_effort() -> str | None:
    """Ask how the session felt; Enter skips."""
    while True:
        answer = click.prompt("How did it feel? easy, ok or hard, Enter to skip", default="",
                              show_default=False, prompt_suffix=": ").strip().lower()
        if not answer:
            return None
        if answer in ("easy", "ok", "hard"):
            return answer
        click.echo("Please type easy, ok or hard, or just press Enter.")


def _save(session: Session, result: RunResult, started_wall: dt.datetime, loaded: supple.Routine, path: str,
          plan: Plan, pain_before: int | None, pain_after: int | None, effort: str | None) -> None:
    """Record the session, step by step; when the log cannot take it, keep it in the pending
    file (written at the next recording) and say so. A session is never dropped."""
    import os

    from supple.guide.log import LoggedSession, record_or_keep
    from supple.guide.record import steps_done
    from supple.text import safe

    steps = steps_done(session.timeline, result)
    entry = LoggedSession(
        started=started_wall.isoformat(timespec="seconds"),
        ended=(started_wall + dt.timedelta(seconds=result.duration_s)).isoformat(timespec="seconds"),
        routine_id=loaded.info.id or "",
        routine_title=loaded.info.title,
        routine_path=os.path.abspath(path),
        week=session.week,
        timing=plan.timing,
        status=result.status,
        steps_total=len(steps),
        pain_before=pain_before,
        pain_after=pain_after,
        duration_s=result.duration_s,
        paused_s=result.paused_s,
        effort=effort,
        steps=steps,
    )
    outcome = record_or_keep(entry)
    if outcome.id is not None:
        from supple.guide.log import log_path

        click.echo(f"Saved in your session log ({safe(str(log_path()))}); `supple log` lists it.")
        return
    reason = safe(str(outcome.error))
    if outcome.pending is not None:
        click.echo(f"supple: warning: {reason}", err=True)
        click.echo(f"supple: warning: the session is kept in {safe(str(outcome.pending))} and will be "
                   "written to the log the next time supple records a session; nothing is lost.",
                   err=True)
        return
    import json

    raise InputError.at(
        f"{reason}; the pending file beside it cannot be written either. The session, to keep: "
        + json.dumps(entry.to_record(), ensure_ascii=True, sort_keys=True), None, "--record")


def _isatty(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False
