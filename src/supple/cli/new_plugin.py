"""`supple new-plugin NAME`: start a plugin project from the templates in supple/scaffold."""

from __future__ import annotations

import click

from supple.errors import InputError


@click.command("new-plugin")
@click.argument("name")
@click.option(
    "--dir", "directory", default=".", metavar="DIR", show_default=True,
    help="The folder to create the project in (it must exist).",
)
@click.option(
    "--with", "parts", default="exercises", metavar="PARTS", show_default=True,
    help="What the plugin contributes, comma-separated: exercises, exporter, timing "
    "(e.g. --with exporter for an exporter-only plugin).",
)
def new_plugin(name: str, directory: str, parts: str) -> None:
    """Start a new plugin: create DIR/supple-NAME with a package, a test and a README.

    NAME is the plugin's name, lowercase words joined by hyphens (e.g. desk-break); the
    distribution is supple-NAME and the package supple_NAME. The generated project installs
    and passes its own test as it is.
    """
    import os
    import shutil
    import tempfile

    from supple.plugin.builtin import BUILTIN_PLUGINS
    from supple.scaffold import MAX_NAME, NAME, names, render, suggest

    given = name
    if name.startswith("supple-"):
        name = name[len("supple-"):]
    if not NAME.fullmatch(name) or len(name) > MAX_NAME:
        better = suggest(given)
        hint = f"; for example {better!r}" if better and NAME.fullmatch(better) else ""
        raise InputError.at(
            f"{given!r} is not a plugin name: use lowercase letters and digits in words joined by "
            f"single hyphens, starting with a letter, at most {MAX_NAME} characters{hint}",
            None, "NAME",
        )
    if name in BUILTIN_PLUGINS:
        raise InputError.at(
            f"{name!r} is the name of a plugin that ships with supple; choose another", None, "NAME"
        )
    if not os.path.isdir(directory):
        raise InputError.at("no such folder", directory, "--dir")
    spelled = names(name)
    target = os.path.join(directory, spelled["dist"])
    if os.path.lexists(target):
        raise InputError.at(
            "already exists; nothing was written (remove it or choose another --dir)", target
        )
    from supple.scaffold import PARTS

    chosen = tuple(dict.fromkeys(p.strip() for p in parts.split(",") if p.strip()))
    for part in chosen:
        if part not in PARTS:
            from supple.text import did_you_mean

            hint = did_you_mean(part, list(PARTS)) or f" (choose from {', '.join(PARTS)})"
            raise InputError.at(f"unknown part {part!r}{hint}", None, "--with")
    if not chosen:
        raise InputError.at(f"name at least one part: {', '.join(PARTS)}", None, "--with")
    files = render(name, chosen)
    # write everything into a hidden folder beside the target, then rename it into place:
    # an error leaves nothing half-written
    try:
        staging = tempfile.mkdtemp(prefix=".supple-new-plugin-", dir=directory)
    except OSError as exc:
        raise InputError.at(f"cannot write here ({exc.strerror or exc})", directory, "--dir") from None
    try:
        for relative, text in files.items():
            path = os.path.join(staging, *relative.split("/"))
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        os.rename(staging, target)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise InputError.at(f"cannot be created ({exc.strerror or exc}); nothing was written", target) from None

    shown = os.path.relpath(target) if not os.path.isabs(directory) else target
    click.echo(f"Created {shown}: plugin {name!r}, distribution {spelled['dist']}, "
               f"package {spelled['module']}")
    for relative in files:
        click.echo(f"  {relative}")
    click.echo("")
    click.echo("Next:")
    click.echo(f"  cd {shown}")
    click.echo("  python -m pip install -e .   # the plugin: supple finds it")
    click.echo(f"  supple plugins               # lists {name!r}")
    click.echo(f"  supple exercises --set {name}")
    click.echo("Its tests need pytest, from the plugin's test extra (supple's own install does not have it):")
    click.echo('  python -m pip install -e ".[test]"')
    click.echo("  python -m pytest")
    click.echo(f"  supple plugins          # lists {name!r}")
    if "exercises" in chosen:
        click.echo(f"  supple exercises --set {name}")
    click.echo("Writing a plugin, step by step: docs/plugins/tutorial.md in supple's documentation.")
