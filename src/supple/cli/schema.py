"""`supple schema [routine|profile]`: the JSON Schema of routine or profile files."""

from __future__ import annotations

import click

from supple.cli._common import registry


@click.command()
@click.argument("kind", type=click.Choice(["routine", "profile"]), default="routine")
@click.option("-o", "--output", metavar="PATH", help="Write to this file (atomically) instead of stdout.")
@click.pass_context
def schema(ctx: click.Context, kind: str, output: str | None) -> None:
    """Print the JSON Schema (2020-12) of routine (default) or profile files.

    It is built from the installed plugins: exercise ids, strategies and their options,
    exporter options, plugin settings, conditions and red flags. Point a schema-aware editor
    at it (Taplo / Even Better TOML, Tombi): see docs/routine-format.md, "Editor support".
    """
    import json

    from supple.render.schema import profile_schema, routine_schema

    reg = registry(ctx)
    data = routine_schema(reg) if kind == "routine" else profile_schema(reg)
    text = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    if output is None or output == "-":
        click.echo(text, nl=False)
        return
    from supple.io.files import write_atomic

    write_atomic(output, text.encode("utf-8"))
    click.echo(f"Wrote {output} ({len(text):,} bytes)", err=True)
