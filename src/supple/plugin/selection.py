"""Which plugins to load, decided from entry-point names before anything is imported.

* ``SUPPLE_PLUGINS=a,b``: load only these third-party plugins (an allow-list; set but empty
  loads none). The plugins that ship with supple always load unless disabled by name.
* ``SUPPLE_DISABLE_PLUGINS=a,b``, ``[plugins] disable = [...]`` in the user's
  ``config.toml``, or ``supple --disable-plugin NAME``: skip these.
* ``SUPPLE_STRICT_PLUGINS=1``: any plugin failure is an error (for plugin developers).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import NamedTuple

from supple.plugin.builtin import ESSENTIAL_PLUGINS

ENV_ALLOW = "SUPPLE_PLUGINS"


ENV_DISABLE = "SUPPLE_DISABLE_PLUGINS"


ENV_STRICT = "SUPPLE_STRICT_PLUGINS"


#: Where a plugin was disabled, as ``supple plugins`` says it.
BY_OPTION = "--disable-plugin"


BY_ENV = ENV_DISABLE


BY_CONFIG = "config.toml [plugins] disable"


def split_names(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def truthy(value: str | None) -> bool:
    return (value or "").strip().lower() not in ("", "0", "false", "no", "off")


class Selection(NamedTuple):
    """Which plugins to load, decided before anything is imported.

    ``only`` is the allow-list of third-party plugins (``None``: all of them; it never
    excludes the plugins that ship with supple), ``disabled`` names to skip (built-in or
    not), ``disabled_by`` where each was disabled, ``strict`` whether failures are errors.
    """

    only: frozenset[str] | None = None
    disabled: frozenset[str] = frozenset()
    strict: bool = False
    disabled_by: Mapping[str, str] = MappingProxyType({})
    only_source: str = ENV_ALLOW

    def refused(self) -> list[str]:
        """Why each attempt to disable an essential plugin was refused, in words."""
        return [
            f"{self.disabled_by.get(name, 'a setting')} names {name!r}, an essential plugin that "
            "cannot be disabled: its safety filters stay on (only the person can waive a rule, "
            "with --allow or in their profile; see `supple safety`)"
            for name in sorted(self.disabled & ESSENTIAL_PLUGINS)
        ]

    def allows(self, name: str, builtin: bool = False) -> bool:
        return self.why_not(name, builtin) is None

    def why_not(self, name: str, builtin: bool = False) -> str | None:
        """Why plugin ``name`` is not loaded (``None`` when it is)."""
        if name in self.disabled and not (builtin and name in ESSENTIAL_PLUGINS):
            return self.disabled_by.get(name, "disabled")
        if self.only is not None and not builtin and name not in self.only:
            return f"not in {self.only_source}"
        return None

    @classmethod
    def from_environment(
        cls,
        *,
        disabled: Iterable[str] = (),
        only: Iterable[str] | None = None,
        config_disabled: Iterable[str] = (),
        environ: Mapping[str, str] | None = None,
    ) -> Selection:
        env = os.environ if environ is None else environ
        allow: frozenset[str] | None = None
        source = ENV_ALLOW
        if ENV_ALLOW in env:
            allow = frozenset(split_names(env[ENV_ALLOW]))
        if only is not None:
            source = ENV_ALLOW if allow is not None else "the selected plugins"
            allow = frozenset(only) if allow is None else allow & frozenset(only)
        by: dict[str, str] = {}
        for names, where in ((config_disabled, BY_CONFIG), (split_names(env.get(ENV_DISABLE)), BY_ENV),
                             (disabled, BY_OPTION)):
            for name in names:
                by[name] = where  # the most direct way wins: option over variable over file
        return cls(only=allow, disabled=frozenset(by), strict=truthy(env.get(ENV_STRICT)),
                   disabled_by=by, only_source=source)
