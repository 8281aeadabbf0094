"""The ``json`` exporter: the plan in the documented JSON shape (docs/json.md), for other tools.

``supple export ROUTINE --to json`` writes the same document as ``supple plan ROUTINE --json``:
``supple.plan_to_dict`` builds it, so the two cannot drift apart. The bytes are deterministic
(keys in a fixed order, UTF-8, two-space indent, one final newline), and no character that a
terminal could act on is ever written raw: JSON already escapes C0 control characters, and
this exporter also escapes DEL, the C1 controls (``\\u009b`` starts a terminal escape sequence
on some terminals) and the Unicode line and paragraph separators.
"""

from __future__ import annotations

import re

import supple

#: Characters JSON allows raw inside strings that must not reach a terminal or a JavaScript
#: parser raw. They can only occur inside strings, so escaping them keeps the JSON valid.
_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def dumps(data: object) -> str:
    """``data`` as supple's JSON text: the exact bytes every JSON output uses."""
    import json

    text = json.dumps(data, indent=2, ensure_ascii=False)
    return _UNSAFE.sub(_escape, text) + "\n"


def render(plan: supple.Plan, options: object) -> bytes:
    return dumps(supple.plan_to_dict(plan)).encode("utf-8")


@supple.hookimpl
def supple_exporters():
    yield supple.Exporter(
        name="json",
        summary="The plan as JSON, for other tools (the shape of `supple plan --json`).",
        render=render,
        media_type="application/json",
        suffix=".json",
    )
