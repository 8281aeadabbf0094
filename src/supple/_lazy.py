"""supple's one lazy-loading mechanism: a ``"package.module:attribute"`` reference, imported
when it is first used.

Three places use it, each because the start-up benchmark (benchmarks/run.py) shows it pays:

* the public namespace (:mod:`supple`): ``import supple`` loads no engine module until a name
  is read, so a plugin's ``from supple import hookimpl`` costs next to nothing;
* the command table of :mod:`supple.cli`: a command's module is imported when it runs;
* contribution options (``options="my_plugin.options:Options"``) and callables
  (``dose_for=supple.later("my_plugin.strategy:dose_for")``): a plugin's code for a strategy
  costs nothing until a routine uses the strategy.

Everything else imports at module level, except the few heavy libraries that the ``check``
path must not pay for (icalendar, importlib.metadata, difflib, sqlite3...): those are imported
inside the function that needs them, and ``tests/test_imports.py`` keeps them off that path.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

_RESOLVED: dict[str, Any] = {}


def resolve(reference: str) -> Any:
    """The object a ``"package.module:attribute"`` reference names (``attribute`` may be
    dotted), imported on first use and cached. Raises ``ImportError`` or ``AttributeError``."""
    found = _RESOLVED.get(reference)
    if found is None:
        module, _, name = reference.partition(":")
        found = importlib.import_module(module)
        for part in name.split(".") if name else ():
            found = getattr(found, part)
        _RESOLVED[reference] = found
    return found


def lazy_namespace(
    module_name: str, exports: Mapping[str, str], namespace: dict[str, Any]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for a module whose names ``exports`` maps to the modules
    defining them (PEP 562). A name read once is stored in ``namespace`` (the module's globals)."""

    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {module_name!r} has no attribute {name!r}")
        value = resolve(f"{module}:{name}")
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *exports})

    return __getattr__, __dir__


def later(reference: str) -> Callable[..., Any]:
    """A callable standing for the function a ``"package.module:function"`` reference names,
    imported on its first call (for a plugin's strategy or exporter callables, so a command
    that does not use them never imports their module).

    >>> dumps = later("json:dumps")
    >>> dumps([1])
    '[1]'
    """

    def call(*args: Any, **kwargs: Any) -> Any:
        return resolve(reference)(*args, **kwargs)

    module, _, name = reference.partition(":")
    call.__name__ = name.rpartition(".")[2] or module
    call.__qualname__ = name or module
    call.__doc__ = f"{reference}, imported on first call"
    return call
