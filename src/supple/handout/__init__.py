"""The handout's content, independent of any output format.

:func:`supple.handout.content.build` turns a plan into a plain document (dicts, lists and
strings only: see docs/handout.md) that the ``pdf`` and ``html`` exporters lay out; a
third-party exporter can reuse it. Every string in it is text to be shown as text: no
renderer may interpret any of it as markup. Pictures are SVG drawn by :mod:`supple.figure`.
"""
