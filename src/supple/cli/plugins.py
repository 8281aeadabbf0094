"""`supple plugins` and `supple routines`."""

from __future__ import annotations

from typing import Any

import click

from supple.cli._common import dump_json, registry


@click.command()
@click.option("--all", "show_all", is_flag=True, help="Include the plugins that ship with supple.")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
def plugins(ctx: click.Context, show_all: bool, as_json: bool) -> None:
    """List plugins: version, what each contributes, and failures.

    Failed plugins are always shown, with what went wrong. With SUPPLE_STRICT_PLUGINS=1 the
    listing is printed and the command then fails (exit status 2) if any plugin failed.
    """
    import os

    from supple.errors import PluginError
    from supple.io.config import disabled_plugins, preferred_names
    from supple.plugin.manager import load_registry
    from supple.plugin.selection import ENV_STRICT, truthy

    root = ctx.find_root()
    reg = load_registry(
        disabled=root.obj.get("disabled", ()), config_disabled=disabled_plugins(), strict=False,
        prefer=preferred_names(),
    ).collect_all()
    # built-in plugins are listed with --all, or when they are not simply active
    shown = [p for p in reg.plugins if show_all or not p.builtin or p.status != "active"]
    sets = _sets_by_plugin(reg)
    fields = _settings_by_plugin(reg)
    if as_json:
        dump_json([{**p.to_dict(), "exercise_sets": sets.get(p.name, []),
                    "settings": fields.get(p.name, [])} for p in shown])
        for note in reg.notes:
            click.echo(f"supple: note: {_safe(note)}", err=True)
    else:
        _print(reg, shown, sets, fields)
    failures = reg.failures
    if failures and truthy(os.environ.get(ENV_STRICT)):
        names = ", ".join(repr(p.name) for p in failures)
        first = failures[0]
        raise PluginError(
            first.name,
            f"{'; '.join(first.errors)} [strict mode ({ENV_STRICT} is set): "
            f"{len(failures)} plugin(s) failed: {names}]",
        )


def _safe(text: object) -> str:
    from supple.text import safe

    return safe(str(text))


def _sets_by_plugin(reg: Any) -> dict[str, list[dict[str, Any]]]:
    """Per plugin, its exercise sets: size, how many exercises carry no movement tag, and
    whether the set declares its tags reviewed (the content contract, docs/plugins/hooks.md)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for name, exercise_set in reg.exercise_sets.items():
        plugin = reg.provider("exercise set", name)
        out.setdefault(plugin or "", []).append({
            "name": name,
            "exercises": len(exercise_set.exercises),
            "untagged": sum(1 for e in exercise_set.exercises if not e.tags),
            "unknown_position": sum(1 for e in exercise_set.exercises if e.position == "unknown"),
            "tags_reviewed": exercise_set.tags_reviewed,
        })
    return out


def _settings_by_plugin(reg: Any) -> dict[str, list[dict[str, Any]]]:
    """Per plugin, the fields of its settings: key, type, default, meaning and whether only
    the person may set it (``supple.setting``)."""
    import attrs

    from supple.errors import PluginError
    from supple.plugin.setting_fields import setting_fields

    out: dict[str, list[dict[str, Any]]] = {}
    for name, declared in sorted(reg.settings.items()):
        try:
            items = setting_fields(declared.options)
        except PluginError:
            continue  # its class cannot be loaded: reported as the plugin's failure when used
        plugin = reg.provider("settings", name) or ""
        out.setdefault(plugin, []).extend(
            {**attrs.asdict(f), "key": f"plugins.{name}.{f.key}",
             "default": f.default if isinstance(f.default, (bool, int, float, str)) else repr(f.default)}
            for f in items)
    return out


def _setting_line(field: dict[str, Any]) -> str:
    default = str(field["default"]).lower() if isinstance(field["default"], bool) else repr(field["default"])
    line = f"    setting {field['key']}: {field['type']} = {default}"
    if field["doc"]:
        line += f"; {field['doc']}"
    return line + (" (the person's profile only)" if field["person"] else "")


def _set_line(info: dict[str, Any]) -> str:
    reviewed = "reviewed" if info["tags_reviewed"] else "NOT reviewed (left out for people with a condition)"
    line = (f"    set {info['name']}: {info['exercises']} exercises, {info['untagged']} without "
            f"movement tags")
    if info["unknown_position"]:
        line += f", {info['unknown_position']} of unknown position"
    return f"{line}; tags {reviewed}"


def _print(reg: Any, shown: list[Any], sets: dict[str, list[dict[str, Any]]],
           fields: dict[str, list[dict[str, Any]]]) -> None:
    if not any(not p.builtin for p in reg.plugins) and len(shown) < len(reg.plugins):
        click.echo("No third-party plugins installed. `supple plugins --all` lists the built-in ones.")
    for info in shown:
        version = f" {info.version}" if info.version else ""
        if info.builtin:
            origin = " (built in)"
        elif info.distribution and info.distribution != info.name:
            origin = f" ({info.distribution})"
        else:
            origin = ""
        status = info.status
        if info.status == "disabled" and info.disabled_by:
            status = f"disabled ({info.disabled_by})"
        api = f" [hook API {info.hook_api[0]}.{info.hook_api[1]}]" if info.hook_api else ""
        click.echo(_safe(f"{info.name}{version}{origin}{api}: {status}"))
        for kind, names in sorted(info.contributes.items()):
            click.echo(_safe(f"    {kind}: {', '.join(names)}"))
        for item in sets.get(info.name, []):
            click.echo(_safe(_set_line(item)))
        for field in fields.get(info.name, []):
            click.echo(_safe(_setting_line(field)))
        for error in info.errors:
            click.echo(f"    error: {_safe(error)}")
        for note in info.notes:
            click.echo(f"    note: {_safe(note)}")
    hidden = len(reg.plugins) - len(shown)
    if hidden:
        click.echo(f"({hidden} built-in plugin(s) not shown; use --all)")
    for note in reg.notes:
        click.echo(f"note: {_safe(note)}")
    if reg.failures:
        click.echo(
            "A failed plugin is left out and supple carries on without it. To stop loading one: "
            "`supple --disable-plugin NAME ...`, SUPPLE_DISABLE_PLUGINS=NAME, or `disable` in "
            "the [plugins] table of your config.toml."
        )


def list_routines(ctx: click.Context, as_json: bool) -> None:
    """List the bundled routines, which can be named instead of a file (`supple routines`)."""
    reg = registry(ctx)
    items = sorted(reg.routines.values(), key=lambda r: r.name)
    if as_json:
        dump_json([{"name": r.name, "title": r.title, "path": r.path, "default": r.default,
                     "plugin": reg.provider("routine", r.name)} for r in items])
        return
    from supple.text import safe

    for item in items:
        mark = " (default)" if item.default else ""
        click.echo(f"{item.name:<28} {safe(item.title)}{mark}")
