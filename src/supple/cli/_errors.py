"""Errors as JSON: under ``--json`` every failure is also one JSON object on standard output,
``{"error": [{"file", "key", "message", "exit"}, ...]}`` (one entry per problem), so a script
gets a structured error with the same exit status as the text on standard error."""

from __future__ import annotations

from typing import Any

import click

from supple.errors import InputError, SafetyRefusal, SuppleError


def wants_json(group: click.Group, ctx: click.Context) -> bool:
    """Whether the command being run was given ``--json`` (and has that option)."""
    args: list[str] = ctx.meta.get("supple.args", [])
    if "--json" not in args:
        return False
    known = set(group.list_commands(ctx))
    names = [a for a in args if a in known]
    command = group.get_command(ctx, names[0]) if names else None
    if command is None:
        return False
    return any("--json" in getattr(p, "opts", ()) for p in command.params)


def error_entries(exc: BaseException, exit_code: int) -> list[dict[str, Any]]:
    """The JSON entries for ``exc``: one per located problem or refusal reason."""
    if isinstance(exc, InputError):
        return [{"file": p.file, "key": p.key, "message": p.message, "exit": exit_code}
                for p in exc.problems]
    if isinstance(exc, SafetyRefusal):
        entries = [{"file": None, "key": None, "message": exc.advice, "exit": exit_code}]
        entries += [{"file": None, "key": f.rule, "message": f.reason, "exit": exit_code}
                    for f in exc.findings if f.action == "refused"]
        return entries
    if isinstance(exc, click.ClickException):
        param = getattr(exc, "param", None)
        key = param.opts[0] if param is not None and getattr(param, "opts", None) else None
        return [{"file": None, "key": key, "message": exc.format_message(), "exit": exit_code}]
    if isinstance(exc, SuppleError):
        return [{"file": None, "key": None, "message": str(exc), "exit": exit_code}]
    return [{"file": None, "key": None, "message": f"internal error: {type(exc).__name__}: {exc}",
             "exit": exit_code}]


def echo_json_error(exc: BaseException, exit_code: int) -> None:
    """Print ``{"error": [...]}`` for ``exc`` on standard output."""
    from supple.render.json import json_text

    click.echo(json_text({"error": error_entries(exc, exit_code)}), nl=False)
