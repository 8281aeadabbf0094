"""The handout document (:mod:`supple_handout.content`) as one HTML page.

Only :func:`t` puts document strings into the page (``html.escape`` with quotes): every
element, attribute and style here is fixed text; pictures are supple's own SVG, drawn from
numbers. The language attribute is the ``lang`` option, already checked against a strict
pattern, and escaped too.
"""

from __future__ import annotations

from html import escape
from typing import Any

STYLE = """
:root{--ink:#1f2937;--muted:#4b5563;--line:#cbd5e1;--accent:#d9480f;--soft:#f1f5f9}
*{box-sizing:border-box}
body{margin:0 auto;max-width:52rem;padding:1rem;color:var(--ink);
font:10.5pt/1.25 "Libertinus Serif","Georgia","Times New Roman",serif}
body.sans{font-family:"DejaVu Sans","Verdana","Arial",sans-serif}
body.large{font-size:13pt;line-height:1.3}
h1{font-size:1.8em;margin:0 0 .1em}
h2{font-size:1.25em;margin:1em 0 .4em;border-bottom:2px solid var(--ink);break-after:avoid}
h3{font-size:1.1em;margin:0 0 .3em;break-after:avoid}
header p{margin:.1em 0}
p,ul,ol{margin:.15em 0 .3em}
ul,ol{padding-left:1.3em}
li{margin:0}
.care p,.care ul{margin:.1em 0}
.subtitle{font-size:1.15em;color:var(--muted);margin:0 0 .4em}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.1em .8em;margin:.4em 0}
.facts dt{font-weight:bold}
.facts dd{margin:0}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid var(--line);padding:.3em .4em;text-align:left;vertical-align:middle}
th{background:var(--soft)}
.programme td.pic{width:34%;text-align:center}
.programme td.pic svg{margin:0 auto}
svg{display:block;max-width:100%;height:auto}
figure.media{margin:.3rem 0}figure.media img{display:block;max-width:100%;max-height:12rem}
.stop{border:2px solid var(--accent);border-radius:6px;padding:.4em .8em;margin:.6em 0}
.stop h2{border:0;margin:.1em 0;color:var(--accent)}
.small{font-size:.85em;color:var(--muted)}
.exercise{break-inside:avoid;page-break-inside:avoid;border-top:1px solid var(--line);padding:.35em 0 .2em}
.exercise .body{display:grid;grid-template-columns:40% 1fr;gap:.4em 1em;align-items:start}
.dose{font-weight:normal;color:var(--muted);font-size:.9em;margin-left:.5em}
.label{font-weight:bold}
.care{background:var(--soft);padding:.15em .5em;margin:.2em 0;border-left:3px solid var(--accent)}
.log td,.log th{border:1px solid var(--line);font-size:.9em;padding:.25em .3em}
.log td.day{white-space:nowrap}
.log-section{break-inside:avoid;page-break-inside:avoid}
@media (max-width:40rem){
 .exercise .body{grid-template-columns:1fr}
 .programme td.pic{width:40%}
 .log{font-size:.85em}
}
@media print{
 @page{margin:13mm 14mm}
 body{max-width:none;padding:0}
 a{color:inherit;text-decoration:none}
}
"""

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def t(value: Any) -> str:
    """A document string as HTML text (every ``<>&"'`` escaped)."""
    return escape(str(value), quote=True)


def page(doc: dict[str, Any], options: Any) -> str:
    """The whole page."""
    classes = " ".join(c for c in ("sans" if options.font == "sans" else "",
                                   "large" if options.large_print else "") if c)
    size = "A4" if options.paper == "a4" else "letter"
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{t(doc["lang"])}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{t(doc['title'])}</title>",
        f"<style>{STYLE}@media print{{@page{{size:{size}}}}}</style>",
        "</head>",
        f'<body class="{classes}">' if classes else "<body>",
        *_first_page(doc),
        *_exercises(doc),
        *_log(doc),
        f'<p class="small">{t(doc["disclaimer"])}</p>',
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"


def _svg(item: dict[str, Any]) -> str:
    """supple's own SVG picture (drawn from numbers only) at the handout's common scale."""
    if not item["picture"]:
        return ""
    import re

    width = float(item["width"])
    svg = re.sub(r' width="[0-9.]+" height="[0-9.]+"', "", item["picture"], count=1)
    return svg.replace("<svg ", f'<svg style="width:{width:.1f}%" ', 1)


def _image(image: dict[str, str]) -> str:
    """A plugin's image as a data address in ``<img>`` (no script runs, nothing is fetched),
    credited under it. ``data`` is base64 (letters, digits, ``+/=``), checked again here."""
    from supple_handout.media import MIME

    data = image["data"]
    if image["format"] not in MIME or data.strip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="):
        return ""
    credit = f"{t(image['title'])}. " if image["title"] else ""
    return (f'<figure class="media"><img alt="{t(image["title"] or "picture")}" '
            f'src="data:{MIME[image["format"]]};base64,{data}">'
            f'<figcaption class="small">{credit}Licence {t(image["licence"])}; by '
            f'{t(image["attribution"])}</figcaption></figure>')


def _dl(pairs: list[list[str]]) -> list[str]:
    if not pairs:
        return []
    items = "".join(f"<dt>{t(k)}</dt><dd>{t(v)}</dd>" for k, v in pairs)
    return [f'<dl class="facts">{items}</dl>']


def _lines(lines: list[str]) -> str:
    return "<br>".join(t(line) for line in lines)


def _first_page(doc: dict[str, Any]) -> list[str]:
    out = ["<header>", f"<h1>{t(doc['title'])}</h1>"]
    if doc["subtitle"]:
        out.append(f'<p class="subtitle">{t(doc["subtitle"])}</p>')
    out += _dl(doc["who"])
    if doc["summary"]:
        out.append(f"<p>{t(doc['summary'])}</p>")
    out += _dl(doc["facts"])
    out.append("</header>")
    out.append("<h2>Your programme</h2>")
    if doc["programme"]:
        out.append('<table class="programme"><thead><tr><th>Picture</th><th>Exercise</th>'
                   "<th>Dose</th><th>How often</th></tr></thead><tbody>")
        for row in doc["programme"]:
            out.append(f'<tr><td class="pic">{_svg(row)}</td>'
                       f"<td><b>{t(row['n'])}. {t(row['name'])}</b></td>"
                       f"<td>{_lines(row['dose'])}</td><td>{t(row['often'])}</td></tr>")
        out.append("</tbody></table>")
    else:
        out.append("<p>This programme has no exercises left to do.</p>")
    out.append('<section class="stop"><h2>Stop and get help if you notice</h2><ul>')
    out += [f"<li>{t(sign)}</li>" for sign in doc["stop_signs"]]
    out.append("</ul></section>")
    safety = doc["safety"]
    out.append(f'<p class="small"><b>Safety.</b> {t(safety["intro"])}</p>')
    if safety["findings"]:
        out.append('<ul class="small">')
        for f in safety["findings"]:
            subject = f" {t(f['subject'])}." if f["subject"] else ""
            out.append(f"<li><b>{t(f['action'])}:</b>{subject} {t(f['reason'])} "
                       f"(rule: {t(f['rule'])})</li>")
        out.append("</ul>")
    if safety["waived"]:
        out.append(f'<p class="small"><b>You waived these safety rules:</b> {t(safety["waived"])}. '
                   "The changes they would have made were not made.</p>")
    out.append(f'<p class="small"><b>Please read.</b> {t(doc["disclaimer"])}</p>')
    return out


def _items(tag: str, items: list[str]) -> str:
    return f"<{tag}>" + "".join(f"<li>{t(i)}</li>" for i in items if i) + f"</{tag}>"


def _exercises(doc: dict[str, Any]) -> list[str]:
    out = ["<h2>The exercises</h2>"]
    for ex in doc["exercises"]:
        out.append('<article class="exercise">')
        out.append(f"<h3>{t(ex['n'])}. {t(ex['name'])} "
                   f'<span class="dose">{t("; ".join(ex["dose"]))}</span></h3>')
        left = [_svg(ex)] if ex["picture"] else []
        if ex["image"]:
            left.append(_image(ex["image"]))
        if ex["summary"]:
            left.append(f'<p class="small">{t(ex["summary"])}</p>')
        right = [_items("ol", ex["steps"])] if ex["steps"] else []
        below: list[str] = []
        if ex["cues"]:
            below.append(f'<p><span class="label">Cues:</span> {t(" ".join(ex["cues"]))}</p>')
        if ex["breathing"]:
            below.append(f'<p><span class="label">Breathing:</span> {t(ex["breathing"])}</p>')
        if ex["note"]:
            below.append(f'<p><span class="label">Note for you:</span> {t(ex["note"])}</p>')
        if ex["cautions"] or ex["omitted"]:
            care = _items("ul", ex["cautions"]) if ex["cautions"] else ""
            omitted = f'<p class="small">{t(ex["omitted"])}</p>' if ex["omitted"] else ""
            below.append(f'<div class="care"><p class="label">Take care</p>{care}{omitted}</div>')
        for variant in ex["easier"]:
            summary = f" {t(variant['summary'])}" if variant["summary"] else ""
            below.append(f'<p><span class="label">Easier option:</span> {t(variant["name"])}.{summary}</p>')
        for m in ex["media"]:
            title = f"{t(m['title'])}: " if m["title"] else ""
            below.append(f'<p class="small">{t(m["kind"].capitalize())}: {title}{t(m["where"])} '
                         f"(licence {t(m['licence'])}; by {t(m['attribution'])})</p>")
        if ex["sources"]:
            below.append(f'<p class="small">Sources: {"; ".join(t(s) for s in ex["sources"])}.</p>')
        out.append(f'<div class="body"><div>{"".join(left)}</div><div>{"".join(right)}</div></div>')
        out.extend(below)
        out.append("</article>")
    return out


def _log(doc: dict[str, Any]) -> list[str]:
    log = doc["log"]
    if not log:
        return []
    out = ['<section class="log-section">', "<h2>Tracking log</h2>", f"<p>{t(log['help'])}</p>",
           '<p class="small">Pain: before / after, 0 (none) to 10 (worst). Write notes on the back '
           "of this page.</p>",
           '<table class="log"><thead><tr><th>Week</th>'
           + "".join(f"<th>Day {n}</th>" for n in range(1, 8)) + "</tr></thead><tbody>"]
    for week in log["weeks"]:
        days = week["days"]
        for start in range(0, max(len(days), 1), 7):
            chunk = days[start:start + 7]
            head = (f"<b>{t(week['label'])}</b><br><span class=\"small\">{t(week['dates'])}</span>"
                    if start == 0 else "")
            cells = "".join(f'<td class="day">{t(d)}<br>&#9744; done<br>pain __ / __</td>' for d in chunk)
            cells += "<td></td>" * (7 - len(chunk))
            out.append(f"<tr><td>{head}</td>{cells}</tr>")
    out.append("</tbody></table>")
    out.append("</section>")
    return out
