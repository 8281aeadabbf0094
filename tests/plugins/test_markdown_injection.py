"""Text from routines, profiles and plugins can never become code in the ``md`` handout.

Hostile strings go into every text field a handout prints (routine title, summary and step
notes; exercise name, summary, instructions, cues, breathing, cautions and source titles; the
easier variant; safety findings; timing notes; the exporter's own options). The handout is then
read by a real pandoc with its *default* readers (``markdown``, ``gfm``, ``commonmark_x``, raw
TeX and HTML and math all switched on, not the hardened reader the docs recommend) and written
as a JSON syntax tree, HTML and LaTeX. Every hostile string must come out as literal text, and
no raw TeX or HTML, math, link, image, code, citation or note node may appear.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess

import attrs
import pytest
import tomli_w

import supple
from supple.testing import make_registry, plan_routine

pypandoc = pytest.importorskip("pypandoc")
PANDOC = pypandoc.get_pandoc_path()
READERS = ("markdown", "gfm", "commonmark_x")

#: Each is meant to turn into code (or structure) under some pandoc Markdown reader.
HOSTILE = (
    r"$\input{/etc/hostname}$",
    r"\newpage",
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "![img](http://example.com/x.png)",
    "before\fafter",
    "`\\input{x}`{=latex}",
    "$$x^2$$",
    r"\(a+b\)",
    r"\[a\]",
    "<http://example.com>",
    "https://example.com/a_b",
    "www.example.com",
    "mail@example.com",
    "@citekey and [@doe, p. 1]",
    "^[footnote]",
    "[span]{.class}",
    "# heading",
    "1. list",
    "(a) list",
    "iv) list",
    "- item",
    "+ item",
    "* item",
    "> quote",
    "::: warning",
    "---",
    "| a | b |",
    "&amp; &#36; &lt;",
    ":smile: :+1:",
    "\x1b[31mred\x1b[0m",
    "~~strike~~ ~sub~ ^sup^",
    "**bold** _em_ __strong__",
    "\\begin{verbatim}x\\end{verbatim}",
    "```raw",
    "~~~",
    "<!-- comment -->",
    "\\\\",
    "line1\nline2\r\n\n# heading after blank",
    'title: "quoted" # comment',
    "[[wikilink]]",
    "==mark==",
    "'single' and \"double\" -- dash ... dots",
    "    indented code",
    "%percent title",
    "{=html}",
)

#: Nodes allowed in a handout; anything else came from somewhere it should not have.
ALLOWED_BLOCKS = {"Para", "Plain", "Header", "BulletList", "OrderedList", "BlockQuote", "Table", "Div"}
ALLOWED_INLINES = {"Str", "Space", "SoftBreak", "Strong", "Emph", "Quoted"}


def _value(i: int) -> str:
    """A field value: hostile strings, starting (where line-start tricks bite) with number i."""
    n = len(HOSTILE)
    return " ".join(HOSTILE[(i + k) % n] for k in range(n))


def _hostile_exercises(offset: int):
    easy = supple.Exercise(
        id="easy-one",
        name=_value(offset + 1),
        summary=_value(offset + 2),
        kind="mobility",
        position="supine",
        dose=supple.Dose(reps=5),
        sources=(supple.Source(ref=_value(offset + 3)),),
        instructions=HOSTILE,
    )
    main = supple.Exercise(
        id="hostile-one",
        name=_value(offset + 4),
        summary=_value(offset + 5),
        kind="mobility",
        position="supine",
        dose=supple.Dose(reps=8),
        sources=(supple.Source(ref="x", title=_value(offset + 6), url="javascript:alert(1)"),),
        instructions=HOSTILE,
        cues=HOSTILE[::-1],
        breathing=_value(offset + 7),
        cautions=HOSTILE,
        easier=("easy-one",),
    )
    other = attrs.evolve(main, id="hostile-two", name=_value(offset + 8), easier=())
    gone = attrs.evolve(main, id="hostile-gone", name=_value(offset + 9), easier=())
    return (easy, main, other, gone)


class HostilePlugin:
    """Exercises, a safety filter, a timing strategy and a progression strategy whose every
    text is hostile."""

    @supple.hookimpl
    def supple_exercise_sets(self):
        yield supple.ExerciseSet(name="hostile", title=_value(10), exercises=_hostile_exercises(0))

    @supple.hookimpl
    def supple_safety_filters(self):
        def apply(steps, context):
            kept, findings = [], []
            for step in steps:
                if step.exercise.id == "hostile-gone":
                    findings.append(supple.SafetyFinding(
                        rule=_value(11), action="removed", reason=_value(12), source=_value(13),
                        exercise=step.exercise.id, step=step.number))
                    continue
                if step.exercise.id == "hostile-two":
                    findings.append(supple.SafetyFinding(
                        rule="hostile-warn", action="warned", reason=_value(14),
                        source=_value(15), exercise=_value(16), step=step.number,
                        replacement=_value(17)))
                kept.append(step)
            return supple.SafetyResult(steps=kept, findings=findings)

        yield supple.SafetyFilter(name="hostile-filter", summary="test", apply=apply)

    @supple.hookimpl
    def supple_timing_strategies(self):
        def build(steps, options):
            segments = tuple(supple.Segment("work", 60, i, _value(18)) for i, _ in enumerate(steps))
            return supple.Timeline(segments=segments, steps=tuple(steps), notes=(_value(19), _value(20)))

        yield supple.TimingStrategy(name="hostile-timing", summary="test", build=build)

    @supple.hookimpl
    def supple_progression_strategies(self):
        def dose_for(base, week, options, context):
            return attrs.evolve(base, reps=base.reps + week // 2)

        yield supple.ProgressionStrategy(name="hostile-steps", summary="test", dose_for=dose_for)


def _routine(tmp_path, *, schedule: bool = True):
    data = {
        "routine": {"title": _value(21), "summary": _value(22), "revised": dt.date(2026, 11, 1)},
        "timing": {"strategy": "hostile-timing"},
        "progression": {"strategy": "hostile-steps"},
        "steps": [
            {"exercise": "hostile-one", "note": _value(23)},
            {"exercise": "hostile-two", "note": _value(24)},
            {"exercise": "hostile-gone", "note": _value(25)},
        ],
        "export": {"md": {"subtitle": _value(26), "prepared_for": _value(27), "prepared_by": _value(28)}},
    }
    if schedule:
        data["schedule"] = {
            "start": dt.date(2026, 12, 7), "weeks": 3, "days": ["mon", "thu"],
            "times": ["07:30", "18:00"], "timezone": "Europe/Madrid",
        }
    path = tmp_path / "hostile.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


def _handout(path) -> str:
    from supple.io.routine_file import load_routine
    from supple.pipeline.resolve import options_for
    from supple_markdown import render
    from supple_markdown.options import HandoutOptions

    registry = make_registry(HostilePlugin(), builtins=True)
    plan = plan_routine(str(path), registry)
    routine = load_routine(str(path))
    opts = options_for("md", HandoutOptions, routine.export["md"], file=str(path), key="export.md")
    return render(plan, opts).decode("utf-8")


def _pandoc(text: str, reader: str, writer: str, *extra: str) -> str:
    done = subprocess.run(
        [PANDOC, "-f", reader, "-t", writer, "-s", *extra],
        input=text.encode("utf-8"), capture_output=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout.decode("utf-8")


def _normal(text: str) -> str:
    """What a hostile string reads as once the handout has made it plain text: control
    characters gone, white space runs made one space, smart apostrophes straight."""
    from supple_markdown.escape import clean

    return clean(text)


class _Walker:
    def __init__(self) -> None:
        self.bad: list[str] = []
        self.texts: list[str] = []

    def inlines(self, items, out: list[str]) -> None:
        for node in items:
            kind = node["t"]
            if kind == "Str":
                out.append(node["c"])
            elif kind in ("Space", "SoftBreak"):
                out.append(" ")
            elif kind in ("Strong", "Emph"):
                self.inlines(node["c"], out)
            elif kind == "Quoted":
                mark = "'" if node["c"][0]["t"] == "SingleQuote" else '"'
                out.append(mark)
                self.inlines(node["c"][1], out)
                out.append(mark)
            else:
                self.bad.append(kind)

    def line(self, items) -> None:
        out: list[str] = []
        self.inlines(items, out)
        # pandoc's smart typography: curly apostrophes, and a no-break space after
        # abbreviations such as "p." or "e.g."; both read as the same text
        text = "".join(out).replace("\u2019", "'").replace("\u2018", "'").replace("\xa0", " ")
        self.texts.append(text)

    def blocks(self, items) -> None:
        for node in items:
            kind = node["t"]
            if kind not in ALLOWED_BLOCKS:
                self.bad.append(kind)
            elif kind in ("Para", "Plain"):
                self.line(node["c"])
            elif kind == "Header":
                self.line(node["c"][2])
            elif kind == "BulletList":
                for item in node["c"]:
                    self.blocks(item)
            elif kind == "OrderedList":
                for item in node["c"][1]:
                    self.blocks(item)
            elif kind == "BlockQuote":
                self.blocks(node["c"])
            elif kind == "Div":
                attr, content = node["c"]
                if attr[1] != ["pagebreak"] or content:
                    self.bad.append(f"Div{attr[1]}")
            elif kind == "Table":
                self.table(node["c"])

    def table(self, content) -> None:
        _attr, _caption, _specs, head, bodies, _foot = content
        rows = list(head[1])
        for body in bodies:
            rows.extend(body[3])
        for row in rows:
            for cell in row[1]:
                self.blocks(cell[4])

    def meta(self, value) -> None:
        kind = value["t"]
        if kind == "MetaInlines":
            self.line(value["c"])
        elif kind == "MetaBlocks":
            self.blocks(value["c"])
        elif kind == "MetaList":
            for item in value["c"]:
                self.meta(item)
        elif kind == "MetaMap":
            for item in value["c"].values():
                self.meta(item)
        elif kind in ("MetaString", "MetaBool"):
            pass
        else:
            self.bad.append(kind)


@pytest.fixture(scope="module")
def routine_file(tmp_path_factory):
    return _routine(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def handout(routine_file):
    return _handout(routine_file)


@pytest.fixture(scope="module")
def routine_texts(routine_file):
    """The routine's text fields as the loader read them: title first."""
    from supple.io.routine_file import load_routine

    routine = load_routine(str(routine_file))
    md = routine.export["md"]
    return [routine.info.title, routine.info.summary, routine.steps[0].note, routine.steps[1].note,
            md["subtitle"], md["prepared_for"], md["prepared_by"]]


def test_hostile_handout_has_no_raw_code_and_no_control_characters(handout):
    assert "\f" not in handout and "\x1b" not in handout and "\r" not in handout
    # every field is one line: no hostile newline started a block of its own
    for line in handout.splitlines():
        assert not line.startswith(("# heading", "> quote", "::: warning", "```", "~~~", "    "))
    for raw in ("\\input", "\\newpage", "<script", "$$", "](", "{=latex}", "<!--", "<http"):
        assert raw not in handout


@pytest.mark.parametrize("reader", READERS)
def test_hostile_text_is_literal_under_every_default_reader(handout, routine_texts, reader):
    tree = json.loads(_pandoc(handout, reader, "json"))
    walker = _Walker()
    walker.blocks(tree["blocks"])
    for value in tree["meta"].values():
        walker.meta(value)
    assert walker.bad == [], f"{reader}: unexpected nodes {sorted(set(walker.bad))}"
    document = "\n".join(walker.texts)
    for text in HOSTILE:
        assert _normal(text) in document, f"{reader}: {text!r} did not come out literally"
    # whole field values survive intact: from plugins as given, from the routine file as
    # loaded (the loader already drops control characters such as the form feed)
    expected = [_value(i) for i in (4, 5, 7, 11, 12, 13, 19)] + routine_texts
    for value in expected:
        assert _normal(value) in document, (reader, value[:40])
    meta = tree["meta"]
    assert set(meta) >= {"title", "subtitle", "author", "date", "lang", "papersize", "fontsize", "geometry"}
    title = _Walker()
    title.meta(meta["title"])
    assert title.texts == [_normal(routine_texts[0])]


@pytest.mark.parametrize("reader", READERS)
def test_hostile_text_is_escaped_in_html(handout, reader):
    html = _pandoc(handout, reader, "html")
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<a " not in html and "<img" not in html and "href=" not in html
    assert "<code" not in html and "<span class=\"math" not in html
    assert "<!-- comment -->" not in html


@pytest.mark.parametrize("reader", READERS)
def test_hostile_text_is_escaped_in_latex(handout, reader):
    latex = _pandoc(handout, reader, "latex")
    body = latex.split("\\begin{document}", 1)[1]
    assert "\\input{" not in body
    assert "\\newpage" not in body  # no filter given: the page-break divs print nothing
    assert re.search(r"\\\$\\textbackslash(\{\}| )input\\\{/etc/hostname\\\}\\\$", body)
    assert "\\href" not in body and "\\includegraphics" not in body and "\\url" not in body
    assert "\\(" not in body and "\\[" not in body.replace("\\[ \\]", "")
    assert "\\begin{verbatim}" not in body and "\\texttt" not in body


def test_page_break_filter_is_the_only_source_of_page_breaks(handout):
    from supple_markdown import PAGEBREAK_FILTER

    divs = handout.count("\n::: pagebreak\n:::\n")
    assert divs >= 2
    latex = _pandoc(handout, "markdown", "latex", "--lua-filter", PAGEBREAK_FILTER)
    assert latex.count("\\newpage{}") == divs
    html = _pandoc(handout, "markdown", "html", "--lua-filter", PAGEBREAK_FILTER)
    assert html.count("break-after: page") == divs


def test_hostile_handout_without_schedule_is_literal_too(tmp_path):
    handout = _handout(_routine(tmp_path, schedule=False))
    tree = json.loads(_pandoc(handout, "markdown", "json"))
    walker = _Walker()
    walker.blocks(tree["blocks"])
    assert walker.bad == []
    document = "\n".join(walker.texts)
    for text in HOSTILE:
        assert _normal(text) in document
