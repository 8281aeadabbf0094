"""What loading the ics plugin costs every supple command, and what an export loads: importing
``supple_ics`` builds no attrs class (the options class, ``supple_ics.options.IcsOptions``, is
imported when a calendar is exported). Each check runs in a fresh interpreter."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]


def fresh(code: str) -> object:
    """What ``code`` prints (one JSON value on its last line), run in a new interpreter."""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_importing_and_registering_the_plugin_builds_no_options_class():
    loaded = fresh(
        "import json, sys, supple_ics\n"
        "from supple import registry_from_plugins\n"
        "after_import = 'supple_ics.options' in sys.modules\n"
        "registry_from_plugins({'ics': supple_ics})  # pluggy looks at every name in dir()\n"
        "print(json.dumps([after_import, 'supple_ics.options' in sys.modules]))"
    )
    assert loaded == [False, False]


def test_the_options_class_checks_the_alarm_limit():
    from supple_ics.options import MAX_ALARM_MIN, IcsOptions

    assert MAX_ALARM_MIN == 7 * 24 * 60
    assert IcsOptions(alarm=MAX_ALARM_MIN).alarm == MAX_ALARM_MIN
    with pytest.raises(ValueError, match="alarm"):
        IcsOptions(alarm=MAX_ALARM_MIN + 1)


def test_the_exporter_declares_the_options_class():
    import supple_ics
    from supple_ics.options import IcsOptions

    (exporter,) = supple_ics.supple_exporters()
    assert exporter.options is IcsOptions


