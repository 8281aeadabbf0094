"""Load benchmarks/bigset.py (the generated free-exercise-db stand-in) as a plugin module."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

PATH = Path(__file__).parents[2] / "benchmarks" / "bigset.py"


def load() -> ModuleType:
    """The plugin module ``freedb_plugin`` (a fresh import each call)."""
    spec = importlib.util.spec_from_file_location("freedb_plugin", PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["freedb_plugin"] = module
    spec.loader.exec_module(module)
    return module
