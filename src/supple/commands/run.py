"""`supple run`: follow today's session in the terminal, with a live timer."""

from __future__ import annotations

import datetime as dt
import sys
from contextlib import nullcontext

import click

from supple.cli import ALLOW_OPTION, PROFILE_OPTION, load_profile_arg, registry, routine_path

#: Exit status after Ctrl-C (128 + SIGINT), as shells report it.
EXIT_INTERRUPTED = 130
#: Exit status when safety leaves nothing to do today (the documented "refused for safety").
EXIT_SAFETY = 3


def make_clock():
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


def _header(plan, session, pain: int | None, keys_line: str | None) -> list[str]:
    """What the person reads before the session; ``keys_line`` says how to use the keys."""
    from supple.exercise import format_seconds
    from supple.guide.sessions import describe_session
    from supple.disclaimer import DISCLAIMER
    from supple.textplan import _wrap, describe_finding, safe

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
            lines += _wrap(describe_finding(finding), "  - ")
    for note in session.timeline.notes:
        lines += _wrap(note, "  * ")
    if keys_line:
        lines.append(keys_line)
    lines += _wrap(DISCLAIMER, "")
    return lines


def _summary(session, result) -> list[str]:
    from supple.exercise import format_seconds
    from supple.guide.screen import step_name

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
@click.argument("routine", required=False)
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
@click.option("--bell/--no-bell", default=True, show_default=True,
              help="Ring the terminal bell at the end of holds, rests and the session.")
@click.pass_context
def run(ctx: click.Context, routine: str | None, profile: str | None, allow: tuple[str, ...],
        week: int | None, pain: int | None, no_prompt: bool, record: bool | None, bell: bool) -> None:
    """Follow a session in the terminal: countdowns, cues, rests, and what comes next.

    ROUTINE is a file or a bundled routine's name (default: the bundled morning routine).
    Runs today's session of the programme, or week N's with --week. Keys: space or p pauses
    and resumes, n or s skips to the next exercise, q quits.
    """
    from supple.console import long_running

    long_running()  # a session lasts minutes: let the garbage collector work again
    import supple
    from supple.guide.keys import KEYS_HELP, NoKeys, TerminalKeys, cbreak
    from supple.guide.runner import Runner
    from supple.guide.screen import PlainScreen, TerminalScreen, terminal_capabilities
    from supple.guide.sessions import choose_session
    from supple.loading import load_routine
    from supple.disclaimer import DISCLAIMER
    from supple.planning import build_plan
    from supple.textplan import _wrap, safe

    stdin, stdout = sys.stdin, sys.stdout
    stdin_tty = _isatty(stdin)
    stdout_tty = _isatty(stdout)
    interactive = stdin_tty and stdout_tty and not no_prompt

    path = routine_path(ctx, routine)
    loaded = load_routine(path)
    person = load_profile_arg(profile)
    reg = registry(ctx)
    if pain is None and interactive:
        pain = _ask_pain("How is your back pain right now?")
    if pain is not None:
        person = supple.evolve(person, pain=pain) if person is not None else supple.Profile(pain=pain)
    plan = build_plan(loaded, reg, person, waive=allow)  # SafetyRefusal: exit 3, nothing runs
    session = choose_session(plan, wall_now(), week)
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
    pain_after = None
    if interactive and result.status == "finished":
        pain_after = _ask_pain("And your pain now?")
        for advice in _pain_after_advice(pain_before, pain_after):
            for line in _wrap(advice, ""):
                click.echo(line)
    if record is None:
        record = (interactive and result.status == "finished"
                  and click.confirm("Save this session in your log on this computer?", default=False))
    if record:
        from supple.guide.log import LoggedSession, log_path
        from supple.guide.log import record as write_record

        steps = session.timeline.steps

        def pairs(positions):
            return tuple((steps[p].number, steps[p].ref) for p in positions if 0 <= p < len(steps))

        entry = LoggedSession(
            started=started_wall.isoformat(timespec="seconds"),
            ended=(started_wall + dt.timedelta(seconds=result.duration_s)).isoformat(timespec="seconds"),
            routine_id=loaded.info.id or "",
            routine_title=loaded.info.title,
            routine_path=str(path),
            week=session.week,
            timing=plan.timing,
            status=result.status,
            steps_total=len(steps),
            completed=pairs(result.completed),
            skipped=pairs(result.skipped),
            pain_before=pain_before,
            pain_after=pain_after,
            duration_s=result.duration_s,
            paused_s=result.paused_s,
        )
        write_record(entry)
        click.echo(f"Saved in your session log ({safe(str(log_path()))}); `supple log` lists it.")
    click.echo("")
    for line in _wrap(DISCLAIMER, ""):
        click.echo(line)
    if result.interrupted:
        ctx.exit(128 + result.signum if result.signum else EXIT_INTERRUPTED)


def _isatty(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False
