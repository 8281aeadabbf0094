"""supple's pytest plugin (entry point ``pytest11``): the fixtures documented in
:mod:`supple.testing` and docs/plugins/testing.md. It imports nothing heavy: pytest loads it in
every session of every project that has supple installed."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest

from supple.testing import check_routine, export_routine, make_registry, plan_routine

if TYPE_CHECKING:
    from supple.plugin.registry import Registry


def _strict_registry(
    *plugins: object, builtins: bool = False, strict: bool = True, **named: object
) -> Registry:
    return make_registry(*plugins, builtins=builtins, strict=strict, **named)


@pytest.fixture
def supple_registry() -> Callable[..., Any]:
    """Build a fresh registry from the plugins under test: ``supple_registry(my_plugin)``;
    strict (a failing plugin raises) unless ``strict=False``."""
    return _strict_registry


@pytest.fixture
def supple_check() -> Callable[..., list[Any]]:
    """Check a routine against a registry: ``supple_check(routine, registry)`` returns the
    problems (an empty list when it is fine)."""
    return check_routine


@pytest.fixture
def supple_plan() -> Callable[..., Any]:
    """Plan a routine against a registry: ``supple_plan("routine.toml", registry)``."""
    return plan_routine


@pytest.fixture
def supple_export() -> Callable[..., bytes]:
    """Export a routine with one of the registry's exporters:
    ``supple_export(routine, registry, "ics")`` returns the bytes."""
    return export_routine
