"""What loading the ics plugin costs every supple command, and what an export loads: importing
``supple_ics`` builds no attrs class (the options class, ``supple_ics.options.IcsOptions``, is
imported when a calendar is exported); an export makes its
UIDs without loading OpenSSL through hashlib. Each check runs in a fresh interpreter."""

from __future__ import annotations

import importlib.util
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


@pytest.mark.skipif(importlib.util.find_spec("_sha1") is None,
                    reason="this Python has no _sha1 module; UIDs come from hashlib")
def test_an_export_does_not_load_openssl_through_hashlib(tmp_path):
    out = tmp_path / "morning.ics"
    loaded = fresh(
        "import json, sys\n"
        "from supple.cli import cli\n"
        f"cli.main(['export', {str(ROOT / 'routines' / 'morning-mobility.toml')!r}, '--to', 'ics',\n"
        f"          '-o', {str(out)!r}], prog_name='supple', standalone_mode=False)\n"
        "print(json.dumps(sorted(m for m in ('_hashlib', 'hashlib', '_sha1') if m in sys.modules)))"
    )
    assert out.read_bytes().count(b"BEGIN:VEVENT") == 42
    assert loaded == ["_sha1"]
