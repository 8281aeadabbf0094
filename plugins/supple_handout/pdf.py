"""Typeset the handout document with Typst: a fixed template, the content as JSON data."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from supple import InputError

TEMPLATE = Path(__file__).with_name("handout.typ")
INSTALL = "pip install 'supple[pdf]'"
SANS = "DejaVu Sans"


def _typst() -> Any:
    try:
        import typst
    except ImportError:
        raise InputError.at(
            f"the PDF handout needs the Typst typesetter, which is not installed; install it with: "
            f"{INSTALL} (or pip install typst), or export --to html and print that",
            None, "--to pdf") from None
    return typst


def inputs(doc: dict[str, Any], options: Any, revised: dt.date | None) -> dict[str, Any]:
    """The template's settings for these options (all user text stays in ``doc``)."""
    lang, _, region = options.lang.partition("-")
    settings = {
        "paper": "a4" if options.paper == "a4" else "us-letter",
        "size": 13 if options.large_print else 10.5,
        "sans": options.font == "sans",
        "font": SANS if options.font == "sans" else "Libertinus Serif",
        "lang": lang.lower(),
        "region": region[:2].lower() if len(region) == 2 else "",
        "date": [revised.year, revised.month, revised.day] if revised else None,
    }
    return {"doc": json.dumps(_with_image_bytes(doc)), "settings": json.dumps(settings)}


def _with_image_bytes(doc: dict[str, Any]) -> dict[str, Any]:
    """The document with each embedded image's base64 ``data`` as a list of byte values, which
    Typst's ``bytes()`` takes (Typst has no base64 decoder)."""
    import base64

    exercises = []
    for exercise in doc.get("exercises", []):
        image = exercise.get("image")
        if image:
            kept = {k: v for k, v in image.items() if k != "data"}
            kept["bytes"] = list(base64.b64decode(image["data"], validate=True))
            exercise = {**exercise, "image": kept}
        exercises.append(exercise)
    return {**doc, "exercises": exercises}


def typeset(doc: dict[str, Any], options: Any, revised: dt.date | None) -> bytes:
    """PDF bytes of ``doc`` (:func:`supple_handout.content.build`)."""
    typst = _typst()
    sys_inputs = inputs(doc, options, revised)
    if options.font == "sans":
        compiler = typst.Compiler(font_paths=[], ignore_system_fonts=False)
        if SANS not in typst.Fonts(include_system_fonts=True).families():
            raise InputError.at(
                f"the sans-serif face needs the {SANS} font, which is not installed on this "
                "system (Debian: apt-get install fonts-dejavu-core); or leave font = \"serif\"",
                None, "font")
    else:
        compiler = typst.Compiler(ignore_system_fonts=True)
    day = revised or dt.date(2000, 1, 1)
    stamp = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
    data = compiler.compile(input=TEMPLATE.read_bytes(), format="pdf", sys_inputs=sys_inputs,
                            timestamp=stamp)
    assert isinstance(data, bytes)
    return data
