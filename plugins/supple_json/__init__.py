"""The ``json`` exporter: the plan in the documented JSON shape (docs/json.md), for other tools.

``supple export ROUTINE --to json`` writes the same document as ``supple plan ROUTINE --json``:
``supple.plan_to_dict`` builds it, so the two cannot drift apart. The bytes are deterministic
(keys in a fixed order, UTF-8, two-space indent, one final newline), and no character that a
terminal could act on is ever written raw: JSON already escapes C0 control characters, and
this exporter also escapes DEL, the C1 controls (``\\u009b`` starts a terminal escape sequence
on some terminals) and the Unicode line and paragraph separators.
"""

from __future__ import annotations

from collections.abc import Iterator

import supple


def dumps(data: object) -> str:
    """``data`` as supple's JSON text (``supple.json_text``): the exact bytes every JSON
    output uses."""
    return supple.json_text(data)


def render(plan: supple.Plan, options: object) -> bytes:
    return dumps(supple.plan_to_dict(plan)).encode("utf-8")


@supple.hookimpl
def supple_exporters() -> Iterator[supple.Exporter]:
    yield supple.Exporter(
        name="json",
        summary="The plan as JSON, for other tools (the shape of `supple plan --json`).",
        render=render,
        media_type="application/json",
        suffix=".json",
    )
