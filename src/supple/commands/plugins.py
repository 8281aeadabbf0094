"""`supple plugins` and `supple routines`."""

from __future__ import annotations

from typing import Any

import click

from supple.cli import EXIT_INPUT, InputError, SuppleError, dump_json, registry, routine_path


@click.command()
@click.option("--all", "show_all", is_flag=True, help="Include the plugins that ship with supple.")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
def plugins(ctx: click.Context, show_all: bool, as_json: bool) -> None:
    """List plugins: version, what each contributes, and failures."""
    from supple.config import disabled_plugins
    from supple.registry import load_registry

    root = ctx.find_root()
    reg = load_registry(disabled=root.obj.get("disabled", ()), config_disabled=disabled_plugins())
    shown = [p for p in reg.plugins if show_all or not p.builtin or p.errors]
    if as_json:
        dump_json([p.to_dict() for p in shown])
        return
    if not shown:
        click.echo("No third-party plugins installed. `supple plugins --all` lists the built-in ones.")
        return
    for info in shown:
        version = f" {info.version}" if info.version else ""
        builtin = " (built in)" if info.builtin else ""
        click.echo(f"{info.name}{version}{builtin}: {info.status}")
        for kind, names in sorted(info.contributes.items()):
            click.echo(f"    {kind}: {', '.join(names)}")
        for error in info.errors:
            click.echo(f"    error: {error}")
    hidden = len(reg.plugins) - len(shown)
    if hidden:
        click.echo(f"({hidden} built-in plugin(s) not shown; use --all)")


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
def routines(ctx: click.Context, as_json: bool) -> None:
    """List the bundled routines, which can be named instead of a file."""
    reg = registry(ctx)
    items = sorted(reg.routines.values(), key=lambda r: r.name)
    if as_json:
        dump_json([{"name": r.name, "title": r.title, "path": r.path, "default": r.default,
                     "plugin": reg.provider("routine", r.name)} for r in items])
        return
    from supple.textplan import safe

    for item in items:
        mark = " (default)" if item.default else ""
        click.echo(f"{item.name:<28} {safe(item.title)}{mark}")
