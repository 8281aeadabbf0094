"""Shell completion (click's, for bash, zsh and fish): what each argument and option offers
besides commands and options, which click completes itself. Routines complete to the bundled
routine names and to files, ``--to`` to the exporters, exercise ids to the catalogue, and the
catalogue filters to their values. Enable it with ``eval "$(_SUPPLE_COMPLETE=bash_source
supple)"`` (docs/completion.md).

The plugins are loaded only when a completion needs them, and a failure to load them offers
nothing rather than breaking the shell.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from click.shell_completion import CompletionItem

    from supple.plugin.registry import Registry

Completer = Callable[[click.Context, click.Parameter, str], "list[CompletionItem]"]


def _registry() -> Registry | None:
    try:
        from supple.io.config import disabled_plugins
        from supple.plugin.manager import load_registry

        return load_registry(config_disabled=disabled_plugins())
    except Exception:  # completion must never break the shell
        return None


def _matching(names: list[str], incomplete: str, help_of: dict[str, str] | None = None) -> list[CompletionItem]:
    from click.shell_completion import CompletionItem

    return [CompletionItem(n, help=(help_of or {}).get(n)) for n in names if n.startswith(incomplete)]


def complete_routine(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Bundled routine names, then files."""
    from click.shell_completion import CompletionItem

    reg = _registry()
    names = sorted(reg.routines) if reg is not None else []
    return [*_matching(names, incomplete), CompletionItem(incomplete, type="file")]


def complete_exporter(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """The installed exporters' names."""
    reg = _registry()
    if reg is None:
        return []
    return _matching(reg.names("exporter"), incomplete)


def complete_exercise(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Exercise ids (and ``set/id`` once a ``/`` is typed)."""
    reg = _registry()
    if reg is None:
        return []
    entries = list(reg.catalogue)
    names = sorted({e.ref for e in entries}) if "/" in incomplete else sorted({e.exercise.id for e in entries})
    return _matching(names, incomplete)


def complete_filter(field: str) -> Completer:
    """The values the catalogue filter ``field`` accepts."""

    def complete(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
        reg = _registry()
        if reg is None:
            return []
        from supple.cli.catalogue import filter_choices

        return _matching(filter_choices(reg.catalogue, field), incomplete)

    return complete
