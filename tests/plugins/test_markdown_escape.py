"""The handout's escaping (supple_markdown.escape): any text reads back as itself, as plain
text, under pandoc's markdown, gfm and commonmark_x readers, in every place the handout puts
text (paragraphs, list items, headings, table cells, the YAML metadata block).

The property test builds one document per place from a batch of generated strings and has a
real pandoc read it, so each example costs a few pandoc runs, not hundreds.
"""

from __future__ import annotations

import json
import subprocess

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supple_markdown.escape import clean, text, yaml_value

pypandoc = pytest.importorskip("pypandoc")
PANDOC = pypandoc.get_pandoc_path()
READERS = ("markdown", "gfm", "commonmark_x")

PUNCTUATION = list("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
FRAGMENTS = PUNCTUATION + list("ab1 0iIvAwWx\t\n\f\r\x0b\x1b\x7f\x85\u2028\u00a0\u00e9\u4e2d") + [
    "www.", "http://", "https://x.org/a_b", "\\input{", "\\newpage", "<script>", "1. ", "2) ",
    "(a) ", "![x](y)", "[x](javascript:y)", ":smile:", "--", "...", "@doe", "^[n]", "{=latex}",
    "```", "~~~", "&#36;", "&amp;", "\\(", "$$", "    ", "# ", "> ", "- [ ] ", "| a |", ":::",
    "<!--", "-->", "e.g. ", "p. 1", "<http://x>", "a@b.co", "[@c]", "\\\\", "=\n===",
    "$x$", "$$x$$", "\\(x\\)", "`x`", "*x*", "_x_", "~x~", "~~x~~", "^x^", "[x]", "<b>",
    "&copy;", "[x]{.c}", "==x==", "[[x]]", "<x@y.z>", "[^x]", "\\[x\\]",
]
SAMPLES = st.lists(st.sampled_from(FRAGMENTS), max_size=14).map("".join) | st.text(max_size=20)


def pandoc_json(document: str, reader: str) -> dict:
    done = subprocess.run(
        [PANDOC, "-f", reader, "-t", "json"], input=document.encode("utf-8"),
        capture_output=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr.decode()
    return json.loads(done.stdout)


def plain(inlines: list, bad: list) -> str:
    """The text of pandoc inlines; any node that is not plain text is recorded in ``bad``."""
    out = []
    for node in inlines:
        kind = node["t"]
        if kind == "Str":
            out.append(node["c"])
        elif kind in ("Space", "SoftBreak"):
            out.append(" ")
        elif kind == "Quoted":  # smart quotes: typography, not code
            mark = "'" if node["c"][0]["t"] == "SingleQuote" else '"'
            out.append(mark + plain(node["c"][1], bad) + mark)
        else:
            bad.append(kind)
    # smart typography: curly apostrophes, a no-break space after abbreviations ("p. 1")
    return "".join(out).replace("\u2019", "'").replace("\u2018", "'").replace("\xa0", " ")


def single_block_text(blocks: list, bad: list) -> str:
    if len(blocks) != 1 or blocks[0]["t"] not in ("Para", "Plain"):
        bad.extend(b["t"] for b in blocks)
        return ""
    return plain(blocks[0]["c"], bad)


def read_back(strings: list[str], reader: str) -> dict[str, list[tuple[str, list]]]:
    """Each string escaped into each place of a document, and what pandoc reads there."""
    escaped = [text(s) for s in strings]
    out: dict[str, list[tuple[str, list]]] = {}

    blocks = pandoc_json("".join(f"{e}\n\n" for e in escaped), reader)["blocks"]
    out["paragraph"] = [(single_block_text([b], bad := []), bad) for b in blocks]

    blocks = pandoc_json("".join(f"- {e}\n" for e in escaped), reader)["blocks"]
    assert [b["t"] for b in blocks] == ["BulletList"], (reader, [b["t"] for b in blocks])
    out["list item"] = [(single_block_text(item, bad := []), bad) for item in blocks[0]["c"]]

    blocks = pandoc_json("".join(f"## {e}\n\n" for e in escaped), reader)["blocks"]
    out["heading"] = [
        (plain(b["c"][2], bad := []), bad) if b["t"] == "Header" else ("", [b["t"]]) for b in blocks
    ]

    rows = "".join(f"| {n} | {e} |\n" for n, e in enumerate(escaped))
    blocks = pandoc_json(f"| n | text |\n|---|---|\n{rows}", reader)["blocks"]
    assert [b["t"] for b in blocks] == ["Table"], (reader, [b["t"] for b in blocks])
    body_rows = blocks[0]["c"][4][0][3]
    out["table cell"] = [(single_block_text(row[1][1][4], bad := []), bad) for row in body_rows]

    items = "".join(f"- {yaml_value(s)}\n" for s in strings)
    meta = pandoc_json(f"---\nitems:\n{items}---\n\nbody\n", reader)["meta"]["items"]["c"]
    out["metadata"] = [
        (plain(m["c"], bad := []), bad) if m["t"] == "MetaInlines" else ("", [m["t"]]) for m in meta
    ]
    return out


def check(strings: list[str]) -> None:
    strings = [s for s in strings if clean(s)]
    if not strings:
        return
    for reader in READERS:
        for place, results in read_back(strings, reader).items():
            assert len(results) == len(strings), (reader, place, len(results), len(strings))
            for original, (got, bad) in zip(strings, results):
                assert bad == [], f"{reader}, {place}: {original!r} made {bad}"
                assert got == clean(original), f"{reader}, {place}: {original!r} read as {got!r}"


@settings(max_examples=25, derandomize=True, deadline=None)
@given(st.lists(SAMPLES, min_size=1, max_size=80))
def test_any_text_reads_back_as_itself_in_every_place_and_reader(strings):
    check(strings)


def test_known_attacks_read_back_as_themselves():
    check([
        r"$\input{/etc/hostname}$", r"\newpage", "<script>alert(1)</script>",
        "[x](javascript:alert(1))", "![i](http://e.com/i.png)", "1986. A good year",
        "iv. fourth", "A. Smith", "(b) second", "#. auto", "- [ ] task", "Term\n: definition",
        "www.example.com", "https://example.com", "me@example.com", ":+1:", "Table: caption",
        "% title", "| x |", "x\\\ny", "trailing  ", "~~~\ncode\n~~~", "<div>", "&copy;",
        "[^1]", "[@doe]", "{#id .class}", "`code`", "**strong**", "==mark==", "H~2~O x^2^",
        "a -- b --- c ... d", "--", "...", "'quote' \"double\"", "e.g. this, i.e. that",
    ])


def test_ordinary_exercise_text_stays_readable():
    for sentence in (
        "Child's pose",
        "Breathe out as you round up, breathe in as the back dips.",
        "Lie on your back, knees bent; hold for 5 s, then relax (twice).",
        "Note: keep the range small.",
        "Cat-cow: 10 reps, hold 3 s",
    ):
        assert text(sentence) == sentence


def test_punctuation_with_meaning_becomes_character_references():
    assert text("$x$") == "&#36;x&#36;"
    assert text("a\\b") == "a&#92;b"
    assert text("<b>") == "&#60;b>"
    assert text("> quote") == "&#62; quote"
    assert text("see [x](y)") == "see &#91;x&#93;(y)"
    assert text("1. first") == "1&#46; first"
    assert text("- item") == "&#45; item"
    assert text("https://x") == "https&#58;//x"
    assert text("see www.x.org") == "see www&#46;x.org"
    assert text("a--b...c") == "a&#45;&#45;b&#46;&#46;&#46;c"


def test_control_characters_are_dropped_and_lines_joined():
    assert text("a\fb") == "a b"
    assert text("a\x1b[31mb\x00c\x7f") == "a[31mbc".replace("[", "&#91;")
    assert text("one\ntwo\r\n\nthree\u2028four\u2029five") == "one two three four five"
    assert text("  \t spaced   out \n") == "spaced out"
    assert text("\ud800lone surrogate\ufeff") == "lone surrogate"
    assert text("\f\n\x1b") == ""


def test_yaml_value_is_one_safe_double_quoted_scalar():
    value = yaml_value('title: "x" # c \\ \n- y')
    assert value.startswith('"') and value.endswith('"')
    inner = value[1:-1]
    assert '"' not in inner and "\\" not in inner and "\n" not in inner and "#" not in inner.replace("&#", "")
