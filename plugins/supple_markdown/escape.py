"""Escaping text from routines, profiles and plugins for pandoc Markdown.

Every piece of text that does not come from this exporter itself goes through :func:`text`
before it enters the handout, and through :func:`yaml_value` before it enters the YAML
metadata block. The result reads as the same plain text under pandoc's ``markdown``, ``gfm``
and ``commonmark_x`` readers, whatever extensions are on: it can never become raw LaTeX or
HTML, TeX math, a link, an image, a citation, a footnote, an attribute or any block structure.

How: characters that have meaning in some Markdown flavour are written as numeric character
references (``$`` as ``&#36;``), which every flavour reads as the literal character and which
no extension looks inside. Backslash escapes are not used: under some extensions ``\\(``
starts math. Control characters (form feed, escape, ...) are dropped, and line breaks and
runs of white space become one space, so a field can never start a new block.
"""

from __future__ import annotations

import re
import unicodedata

#: ASCII punctuation escaped wherever it appears: raw TeX and HTML, math, links, images,
#: code, emphasis, strikeout, sub/superscript, citations, footnotes, spans and attributes,
#: headings' closing hashes, tables and line blocks, entities, highlighting, smart quotes.
#: (``>`` needs escaping only at the start of a line, a block quote: with ``<`` escaped it
#: cannot close any tag or autolink, so ``->`` stays readable.)
ALWAYS = frozenset('\\$<&[]`*_~^@{}|#="')

#: Extra punctuation escaped at the start of a field (block markers: lists, block quotes,
#: definition lists, fenced divs and code, rules, setext underlines, example lists).
_START_PUNCT = re.compile(r"[!-/:-@\[-`{-~]")

#: The first word of a field, whose ``.``, ``(`` and ``)`` could make an ordered list marker
#: (``1.``, ``2)``, ``(a)``, ``iv.``, ``A.``).
_FIRST_WORD = re.compile(r"^\S+")

#: A colon that is not followed by a space: URIs (``https://``, ``mailto:``), emoji
#: shortcodes (``:smile:``) and definition-list markers.
_TIGHT_COLON = re.compile(r":(?=\S)|:$")

#: Runs that pandoc's ``smart`` extension would turn into dashes and ellipses, and the dot of
#: a ``www.`` bare link (gfm's autolinks).
_RUNS = re.compile(r"-{2,}|\.{2,}|(?<=[wW]{3})\.")

#: Unicode characters that break lines or paragraphs, and other white space.
_SPACE = re.compile(r"\s+", re.UNICODE)


#: Bidirectional embeddings, overrides, isolates and marks.
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _noncharacter(char: str) -> bool:
    code = ord(char)
    return 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE


def _entity(char: str) -> str:
    return f"&#{ord(char)};"


def clean(value: object) -> str:
    """``value`` as one line of plain text: control characters, lone surrogates, byte-order
    marks, bidirectional controls (text reads as written) and noncharacters (pandoc's YAML
    reader refuses U+FFFE) dropped, every run of white space (line breaks, tabs, form feeds,
    line and paragraph separators) made one space, and the ends trimmed."""
    text = str(value)
    out = []
    for char in text:
        if char in "\t\n\r\v\f\x1c\x1d\x1e\x1f\x85\u2028\u2029":
            out.append(" ")
            continue
        category = unicodedata.category(char)
        if category in ("Cc", "Cs") or char == "\ufeff" or char in _BIDI or _noncharacter(char):
            continue
        out.append(char)
    return _SPACE.sub(" ", "".join(out)).strip()


def text(value: object) -> str:
    """``value`` (text from a routine, a profile or a plugin) escaped as inline Markdown that
    every pandoc Markdown reader shows literally. Safe at the start of a line, inside list
    items, headings, table cells and emphasis markers."""
    plain = clean(value)
    if not plain:
        return ""
    marks = [False] * len(plain)
    for index, char in enumerate(plain):
        if char in ALWAYS:
            marks[index] = True
    for match in _TIGHT_COLON.finditer(plain):
        marks[match.start()] = True
    for match in _RUNS.finditer(plain):
        for index in range(match.start(), match.end()):
            marks[index] = True
    if _START_PUNCT.match(plain):
        marks[0] = True
    first = _FIRST_WORD.match(plain)
    if first:
        for index in range(first.start(), first.end()):
            if plain[index] in ".()":
                marks[index] = True
    return "".join(_entity(c) if mark else c for c, mark in zip(plain, marks))


def yaml_value(value: object) -> str:
    """``value`` as a double-quoted YAML scalar whose content pandoc reads as the same plain
    text (metadata strings are parsed as Markdown, so they are escaped like body text)."""
    escaped = text(value)
    # ``text`` leaves no backslash, double quote or control character, so nothing inside the
    # quotes can end the scalar or start an escape; a YAML comment needs a ``#``, also gone.
    return f'"{escaped}"'
