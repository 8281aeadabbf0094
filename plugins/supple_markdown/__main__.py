"""``python -m supple_markdown``: print the path of the page-break Lua filter for pandoc,
e.g. ``pandoc handout.md --lua-filter "$(python -m supple_markdown)" -o handout.pdf``."""

from supple_markdown import PAGEBREAK_FILTER

print(PAGEBREAK_FILTER)
