"""What the commands share: the plugin registry, finding the routine and profile, the safety
refusal message, JSON output, and the common options."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from supple.errors import SafetyRefusal

if TYPE_CHECKING:
    from supple.model.plan import Plan
    from supple.model.profile import Profile
    from supple.model.routine import Routine
    from supple.plugin.registry import Registry

EXIT_OK, EXIT_INPUT, EXIT_SAFETY = 0, 2, 3


def report_refusal(exc: SafetyRefusal) -> None:
    import textwrap

    from supple.model.plan import DISCLAIMER

    def say(text: str, indent: str = "", hanging: str = "") -> None:
        for part in textwrap.wrap(text, width=88, initial_indent=indent, subsequent_indent=hanging,
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
    """The ``--profile`` file, else the user's profile.toml, else none."""
    from supple.pipeline.load import read_profile

    return read_profile(path)


def dump_json(data: Any) -> None:
    from supple.render.json import json_text

    click.echo(json_text(data), nl=False)


def build_plan_from_args(
    ctx: click.Context, routine: str | None, profile: str | None, allow: tuple[str, ...]
) -> tuple[Plan, Routine, Profile | None]:
    from supple.io.routine_file import load_routine
    from supple.pipeline.orchestrator import build_plan

    path = routine_path(ctx, routine)
    loaded = load_routine(path)
    person = load_profile_arg(profile)
    return build_plan(loaded, registry(ctx), person, waive=allow), loaded, person


PROFILE_OPTION = click.option(
    "--profile", "-p", "profile", metavar="FILE",
    help="Profile file (default: profile.toml in the user's config directory, if any).",
)


ALLOW_OPTION = click.option(
    "--allow", multiple=True, metavar="RULE",
    help="Waive a safety rule by name (repeatable); the waiver is printed in every output.",
)
