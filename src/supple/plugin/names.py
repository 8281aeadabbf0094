"""Names that never break a routine: every contribution has a qualified name.

Exercises are ``set/id``. Strategies, exporters, safety filters, settings and the rest are
``plugin:name``. A plain name shared by several plugins goes, by a documented precedence, to
the built-in plugin first, then to the first plugin the user lists in config.toml's
``[names] prefer``; every other provider stays reachable (and, for safety filters, keeps
running) under its qualified name. With no winner the plain name is left free and a lookup
of it is an error that names the qualified alternatives.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from supple.plugin.registry import PluginInfo, Provided


def qualified(plugin: str, name: str) -> str:
    """The qualified name of contribution ``name`` of ``plugin``: ``plugin:name``."""
    return f"{plugin}:{name}"


def share(
    word: str,
    name: str,
    providers: Sequence[Provided],
    loaded: Mapping[str, PluginInfo],
    prefer: Sequence[str] = (),
) -> dict[str, Provided]:
    """The keys under which each of ``providers`` (distinct plugins, all contributing ``name``
    of kind ``word``) is registered: the plain name for the one that wins it, ``plugin:name``
    for the others. A note on every plugin involved says so."""
    if len(providers) == 1:
        return {name: providers[0]}
    rank = {plugin: n for n, plugin in enumerate(prefer)}
    builtin = [p for p in providers if loaded[p.plugin].builtin]
    ranked = sorted((p for p in providers if p.plugin in rank), key=lambda p: rank[p.plugin])
    keeper = builtin[0] if len(builtin) == 1 else (ranked[0] if ranked else None)
    out: dict[str, Provided] = {}
    others = [p for p in providers if p is not keeper]
    names = ", ".join(qualified(p.plugin, name) for p in others)
    for provided in providers:
        if provided is keeper:
            out[name] = provided
            why = "built in" if loaded[provided.plugin].builtin else "first in config.toml's [names] prefer"
            note = (f"{word} {name!r} is also provided by {', '.join(repr(p.plugin) for p in others)}; "
                    f"this plugin keeps the plain name ({why}), the other(s) are {names}")
        else:
            out[qualified(provided.plugin, name)] = provided
            if keeper is not None:
                note = (f"{word} {name!r} is also provided by {keeper.plugin!r}, which keeps the plain "
                        f"name; this plugin's one is {qualified(provided.plugin, name)}")
            else:
                note = (f"{word} {name!r} is provided by several plugins; write "
                        f"{qualified(provided.plugin, name)} for this plugin's one (or list the "
                        "plugin in config.toml's [names] prefer)")
        loaded[provided.plugin].notes.append(note)
    return out


def alternatives(name: str, known: Sequence[str]) -> list[str]:
    """The qualified names ``plugin:name`` among ``known`` for the plain ``name``."""
    return sorted(k for k in known if k.partition(":")[2] == name)
