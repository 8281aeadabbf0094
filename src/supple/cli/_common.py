"""What the commands share: the plugin registry, finding the routine and profile, the safety
refusal message, JSON output, and the common options."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from supple.errors import SafetyRefusal

if TYPE_CHECKING:
    import datetime as dt

    from supple.guide.history import SessionRecord
    from supple.io.schedule_options import ScheduleOverrides
    from supple.model.plan import Plan
    from supple.model.profile import Profile
    from supple.model.routine import Routine
    from supple.plugin.registry import Registry

EXIT_OK, EXIT_INPUT, EXIT_SAFETY = 0, 2, 3

#: The file `supple log flag` keeps reported red flags in (supple.guide.flags.flags_path).
FLAGS_FILE = "red-flags.json"


def report_refusal(exc: SafetyRefusal) -> None:
    import textwrap

    from supple.model.plan import DISCLAIMER
    from supple.sanitise import terminal

    def say(text: str, indent: str = "", hanging: str = "") -> None:
        for part in textwrap.wrap(terminal(text), width=88, initial_indent=indent, subsequent_indent=hanging,
                                  break_on_hyphens=False) or [""]:
            click.echo(part, err=True)

    click.echo("supple: this plan was not made, for your safety.", err=True)
    click.echo("", err=True)
    for line in exc.advice.splitlines():
        say(line)
    for finding in exc.findings:
        if finding.action == "refused":
            say(f"[{finding.rule}] {finding.reason} (source: {finding.source})", "  - ", "    ")
    removed = [f for f in exc.findings if f.action == "removed"]
    if removed:
        click.echo("", err=True)
        click.echo("What the safety filters removed:", err=True)
        for finding in removed:
            what = f"{finding.exercise} (step {finding.step})" if finding.step is not None else finding.exercise
            say(f"[{finding.rule}] removed {what}: {finding.reason} (source: {finding.source})", "  - ", "    ")
    click.echo("", err=True)
    say(DISCLAIMER)


def registry(ctx: click.Context) -> Registry:
    """The plugin registry, loaded once per command, on first use."""
    root = ctx.find_root()
    if "registry" not in root.obj:
        from supple.io.config import disabled_plugins, preferred_names
        from supple.plugin.manager import load_registry

        reg = load_registry(disabled=root.obj.get("disabled", ()), config_disabled=disabled_plugins(),
                            prefer=preferred_names())
        # hooks are called as the command needs them: report what failed once it is done
        root.call_on_close(lambda: _warn_failures(reg))
        root.obj["registry"] = reg
    found: Registry = root.obj["registry"]
    return found


def _warn_failures(reg: Registry) -> None:
    from supple.text import safe

    for warning in reg.warnings:
        click.echo(f"supple: warning: {safe(warning)}", err=True)
    failures = reg.failures_so_far
    if not failures:
        return

    for info in failures:
        click.echo(
            f"supple: warning: plugin {safe(info.name)!r} "
            + ("failed and is left out" if info.status == "failed"
               else "partly failed; what failed is left out")
            + f": {safe('; '.join(info.errors))} (`supple --disable-plugin {safe(info.name)} ...` skips it)",
            err=True,
        )


def routine_path(ctx: click.Context, value: str | None) -> str:
    """A routine argument is a file path or the name of a bundled routine."""
    from supple.pipeline.load import find_routine

    return find_routine(value, registry(ctx))


def load_profile_arg(path: str | None) -> Profile | None:
    """The ``--profile`` file, else the user's profile.toml, else none; none with ``--no-profile``
    (said on standard error; an error together with ``--profile``)."""
    from supple.pipeline.load import read_profile

    ctx = click.get_current_context(silent=True)
    if ctx is not None and ctx.meta.get(_NO_PROFILE):
        if path is not None:
            from supple.errors import InputError

            raise InputError.at("--no-profile and --profile contradict each other; give one", None,
                                "--no-profile")
        click.echo("supple: note: --no-profile: planning for a person with no stated conditions",
                   err=True)
        return None
    return read_profile(path)


def schedule_overrides(ctx: click.Context) -> ScheduleOverrides:
    """The schedule options given (:data:`SCHEDULE_OPTIONS`), checked."""
    from supple.io.schedule_options import parse_overrides

    return parse_overrides(ctx.meta.get(_SCHEDULE, {}))


def load_routine_arg(ctx: click.Context, path: str) -> Routine:
    """The routine file ``path`` with the schedule options (:data:`SCHEDULE_OPTIONS`) applied;
    what the clock filled in (no start, no zone) is said in one line on standard error."""
    from supple.io.schedule_options import load_routine_with
    from supple.io.schedule_parts import assumption_note

    loaded = load_routine_with(path, schedule_overrides(ctx))
    note = assumption_note(loaded.schedule)
    if note:
        click.echo(f"supple: note: {note}", err=True)
    return loaded


def dump_json(data: Any) -> None:
    from supple.render.json import json_text

    click.echo(json_text(data), nl=False)


def build_plan_from_args(
    ctx: click.Context, routine: str | None, profile: str | None, allow: tuple[str, ...],
    today: dt.date | None = None,
) -> tuple[Plan, Routine, Profile | None]:
    """The plan for the command's routine and profile, with the session log's history when
    there is a log and the routine has an ``id`` (past sessions up to ``today``)."""
    from supple.pipeline.orchestrator import build_plan

    path = routine_path(ctx, routine)
    loaded = load_routine_arg(ctx, path)
    person = with_reported_flags(load_profile_arg(profile))
    history = log_history(loaded)
    return build_plan(loaded, registry(ctx), person, waive=allow, history=history, today=today), loaded, person


def with_reported_flags(person: Profile | None) -> Profile | None:
    """``person`` with the red flags reported with `supple log flag` and not cleared added to
    their ``red_flags`` (so the red-flags filter stops the programme as for the profile's)."""
    from supple.guide.log_paths import data_dir

    if not (data_dir() / FLAGS_FILE).exists():  # no flag ever reported: nothing to read
        return person
    from supple.guide.flags import active_flags

    reported = active_flags()
    if not reported:
        return person
    import attrs

    from supple.model.profile import Profile

    base = person if person is not None else Profile(path="supple log flag")
    return attrs.evolve(base, red_flags=tuple(dict.fromkeys((*base.red_flags, *reported))))


def log_history(routine: Routine) -> tuple[SessionRecord, ...] | None:
    """The routine's logged sessions, or ``None`` without a log or a routine ``id``."""
    if not routine.info.id:
        return None
    from supple.guide.log_paths import log_path

    if not log_path().exists():
        return None
    from supple.guide.history import load_history

    return load_history(routine.info.id)


_NO_PROFILE = "supple.no_profile"
_SCHEDULE = "supple.schedule"
F = TypeVar("F", bound=Callable[..., Any])


def _remember(key: str) -> Callable[[click.Context, click.Parameter, Any], None]:
    def store(ctx: click.Context, param: click.Parameter, value: Any) -> None:
        if key == _NO_PROFILE:
            ctx.meta[_NO_PROFILE] = bool(value)
        elif value is not None:
            ctx.meta.setdefault(_SCHEDULE, {})[f"--{param.name}"] = value
    return store


_PROFILE = click.option(
    "--profile", "-p", "profile", metavar="FILE", type=click.Path(dir_okay=False),
    help="Profile file (default: profile.toml in the user's config directory, if any).",
)
_NO_PROFILE_FLAG = click.option(
    "--no-profile", is_flag=True, expose_value=False, callback=_remember(_NO_PROFILE),
    help="Read no profile: plan as for a person with no stated conditions.",
)


def PROFILE_OPTION(function: F) -> F:  # noqa: N802 (used as a decorator, like the constants)
    """``--profile FILE`` and ``--no-profile`` (read by :func:`load_profile_arg`)."""
    return _PROFILE(_NO_PROFILE_FLAG(function))


_SCHEDULE_HELP = {
    "start": ("DATE", "First day of the programme, YYYY-MM-DD (default: the routine's, else tomorrow)."),
    "timezone": ("ZONE", "IANA time zone, e.g. America/New_York (default: the routine's, else this computer's)."),
    "times": ("HH:MM[,HH:MM]", "Session times of day, e.g. 09:00,14:00."),
    "days": ("DAYS", "daily, weekdays, weekends or days such as mon,wed,fri."),
    "weeks": ("N", "Programme length in weeks (replaces the routine's until)."),
    "until": ("DATE", "Last day of the programme (replaces the routine's weeks)."),
}


def SCHEDULE_OPTIONS(function: F) -> F:  # noqa: N802 (used as a decorator, like the constants)
    """``--start``, ``--timezone``, ``--times``, ``--days``, ``--weeks``, ``--until``: override
    the routine's ``[schedule]`` key by key (read by :func:`load_routine_arg`)."""
    for name, (metavar, text) in reversed(_SCHEDULE_HELP.items()):
        function = click.option(f"--{name}", name, metavar=metavar, help=text, expose_value=False,
                                callback=_remember(_SCHEDULE))(function)
    return function


ALLOW_OPTION = click.option(
    "--allow", multiple=True, metavar="RULE",
    help="Waive a safety rule by name (repeatable); the waiver is printed in every output.",
)
