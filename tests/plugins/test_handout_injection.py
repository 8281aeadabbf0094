"""Text from routines, profiles and plugins never becomes markup in the pdf or html handout.

The hostile corpus of the Markdown tests (tests/plugins/test_markdown_injection.py) plus
Typst- and HTML-specific strings goes into every text field (routine title, summary, notes;
exercise name, summary, steps, cues, breathing, cautions, sources, media; safety findings; the
exporters' own options). The outputs are parsed back: the HTML by Python's HTML parser (only the
page's own elements and attributes may appear, and every hostile string must come out as text);
the PDF by Typst's own query on the same inputs (no heading, label, reference, link, math, raw
block or image of the user's) and by pdftotext on the compiled file (every string is there as
text, and the page is still A4).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest
import tomli_w

import supple
from supple.testing import make_registry, plan_routine

_spec = importlib.util.spec_from_file_location(
    "markdown_injection_corpus", Path(__file__).with_name("test_markdown_injection.py"))
assert _spec and _spec.loader
_md = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_md)

TYPST = (
    '#image("/etc/hostname")', '#read("/etc/passwd")', "#set page(flipped: true)",
    '#set text(size: 40pt)', "$x^2 + y$", "```py print(1)```", "`raw`", "<label>", "@citekey",
    "= Heading", "== Sub", '#link("https://evil.example")[click]', '#eval("1 + 1")',
    "\\u{41}", '#{panic("boom")}', "*strong* _emph_", "/ term: description",
    '#import "@preview/cetz:0.3.0": *', "// comment", "/* block comment", "#pagebreak()",
    "#metadata(1) <meta>", "#let x = 1", "] [ } {", "~ nbsp", "\\#escaped", "'quote' \"double\"",
)
HTML = (
    "<img src=x onerror=alert(1)>", "</style><script>alert(1)</script>", '" onmouseover="alert(1)',
    "' onfocus='alert(1)", "&lt;b&gt; &#x3C;i&#x3E; &amp;amp;", "javascript:alert(1)",
    '<a href="https://evil.example">x</a>', "<![CDATA[x]]>", "<svg onload=alert(1)>", "]]>",
    "<!--", "--!>", "url(https://evil.example/x.png)", "<base href=https://evil.example/>",
    '<meta http-equiv="refresh" content="0;url=https://evil.example">', "<style>*{display:none}",
    "<title>x</title>", "<plaintext>",
)
HOSTILE = _md.HOSTILE + TYPST + HTML


def _value(i: int) -> str:
    n = len(HOSTILE)
    return " ".join(HOSTILE[(i + k) % n] for k in range(n))


class Hostile(_md.HostilePlugin):
    """The Markdown test's hostile plugin, with the larger corpus and hostile media."""

    @supple.hookimpl
    def supple_exercise_sets(self):
        exercises = []
        for ex in _md._hostile_exercises(0):
            exercises.append(attrs.evolve(
                ex, instructions=HOSTILE, cues=HOSTILE[::-1] if ex.cues else (),
                cautions=HOSTILE if ex.cautions else (),
                media=(supple.Media(kind="video", url=_value(40), licence=_value(41),
                                    attribution=_value(42), title=_value(43)),)))
        yield supple.ExerciseSet(name="hostile", title=_value(10), exercises=exercises)


def _routine(tmp_path) -> Path:
    options = {"subtitle": _value(26), "prepared_for": _value(27), "prepared_by": _value(28)}
    data = {
        "routine": {"title": _value(21), "summary": _value(22), "revised": dt.date(2026, 11, 1)},
        "schedule": {"start": dt.date(2026, 12, 7), "weeks": 3, "days": ["mon", "thu"],
                     "times": ["07:30"], "timezone": "Europe/Madrid"},
        "timing": {"strategy": "hostile-timing"},
        "progression": {"strategy": "hostile-steps"},
        "steps": [
            {"exercise": "hostile-one", "note": _value(23)},
            {"exercise": "hostile-two", "note": _value(24)},
            {"exercise": "hostile-gone", "note": _value(25)},
        ],
        "export": {"html": options, "pdf": options},
    }
    path = tmp_path / "hostile.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


def _clean(text: str) -> str:
    """A string as the handout shows it: control characters dropped, white space made one."""
    text = re.sub("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]", "", text.replace("\r", " "))
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    from supple_handout.content import build
    from supple_handout.options import HandoutOptions

    path = _routine(tmp_path_factory.mktemp("hostile"))
    registry = make_registry(Hostile(), builtins=True)
    plan = plan_routine(str(path), registry)
    opts = HandoutOptions(**supple.load_routine(str(path)).export["html"])
    return plan, opts, build(plan, opts)


def test_the_hostile_text_reaches_the_document(hostile):
    _, _, doc = hostile
    text = json.dumps(doc)
    assert "onerror" in text and "#image" in text and "$x^2" in text
    assert doc["exercises"][0]["media"][0]["where"] == _clean(_value(40))


# --- HTML -----------------------------------------------------------------------------------

TAGS = {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "dl",
        "dt", "dd", "table", "thead", "tbody", "tr", "th", "td", "b", "br", "section", "ul", "ol",
        "li", "article", "div", "span", "svg", "polyline", "path", "circle", "ellipse", "polygon"}
ATTRS = {"lang", "charset", "http-equiv", "content", "name", "class", "style", "xmlns", "viewbox",
         "points", "fill", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin", "d", "cx",
         "cy", "r", "rx", "ry", "stroke-dasharray"}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.styles: list[str] = []
        self.comments: list[str] = []
        self.other: list[str] = []
        self._in: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)
        if tag not in ("meta", "br", "polyline", "path", "circle", "ellipse", "polygon"):
            self._in.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_endtag(self, tag):
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data):
        (self.styles if self._in and self._in[-1] == "style" else self.text).append(data)

    def handle_comment(self, data):
        self.comments.append(data)

    def handle_decl(self, decl):
        if decl.lower() != "doctype html":
            self.other.append(decl)

    def unknown_decl(self, data):
        self.other.append(data)

    def handle_pi(self, data):
        self.other.append(data)


def test_html_has_only_its_own_elements_and_attributes_and_all_text_as_text(hostile):
    from supple_handout.html import STYLE, page

    _, opts, doc = hostile
    html = page(doc, opts)
    parser = _Page()
    parser.feed(html)
    parser.close()
    assert set(parser.tags) <= TAGS, set(parser.tags) - TAGS
    assert {name for name, _ in parser.attrs} <= ATTRS
    assert not parser.comments and not parser.other
    for name, value in parser.attrs:
        if name == "style":
            assert re.fullmatch(r"width:[0-9.]+%", value or ""), value
        if name not in ("xmlns", "content"):
            assert "alert" not in (value or "") and "evil" not in (value or "")
    assert parser.styles[0].startswith(STYLE)
    assert parser.tags.count("script") == 0 and parser.tags.count("img") == 0
    shown = _clean(" ".join(parser.text))
    for item in HOSTILE:
        assert _clean(item) in shown, item
    for value in (_value(21), _value(27), _value(40)):
        assert _clean(value) in shown


def test_html_has_no_external_resource_and_no_script():
    from supple_handout.html import CSP

    assert "default-src 'none'" in CSP and "script" not in CSP


# --- PDF ------------------------------------------------------------------------------------

typst = pytest.importorskip("typst")


def _query(inputs, selector: str):
    from supple_handout.pdf import TEMPLATE

    return json.loads(typst.query(TEMPLATE.read_bytes(), selector, sys_inputs=inputs,
                                  ignore_system_fonts=True))


def test_typst_sees_no_markup_of_the_users(hostile):
    from supple_handout.pdf import inputs

    plan, opts, doc = hostile
    sys_inputs = inputs(doc, opts, dt.date(2026, 11, 1))
    headings = _query(sys_inputs, "heading")
    assert [h["body"]["text"] for h in headings] == ["Your programme", "The exercises", "Tracking log"]
    for selector in ("<label>", "<meta>", "ref", "link", "math.equation", "raw", "metadata",
                     "terms", "cite", "footnote", "outline"):
        assert _query(sys_inputs, selector) == [], selector
    pictures = sum(1 for part in ("programme", "exercises") for item in doc[part] if item["picture"])
    assert len(_query(sys_inputs, "image")) == pictures


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils are installed by .ci/run")
def test_compiled_pdf_shows_every_hostile_string_as_text(hostile, tmp_path):
    from supple_handout.pdf import typeset

    plan, opts, doc = hostile
    pdf = typeset(doc, opts, dt.date(2026, 11, 1))
    target = tmp_path / "h.pdf"
    target.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(target), "-"], capture_output=True,
                          check=True, timeout=60).stdout.decode("utf-8")
    flat = re.sub(r"\s+", "", text)
    for item in HOSTILE:
        assert re.sub(r"\s+", "", _clean(item)) in flat, item
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, timeout=60).stdout.decode()
    assert "(A4)" in info
