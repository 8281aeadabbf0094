"""The files ``supple new-plugin NAME`` writes: a plugin project that installs, and passes
its own tests, as generated.

The templates are the ``*.tmpl`` files next to this module (package data: they ship in the
wheel). They use :class:`string.Template` placeholders: ``$name`` (the plugin's name, a
slug such as ``desk-break``), ``$module`` (``supple_desk_break``), ``$dist``
(``supple-desk-break``), ``$snake`` (``desk_break``), ``$title`` (``Desk break``) and
``$supple_version`` (the lowest supple version the plugin needs), ``$supple_below`` (the
first supple version it is not known to work with), ``$hook_api`` (:data:`supple.HOOK_API`).
"""

from __future__ import annotations

import re
from importlib import resources
from string import Template

#: Output path (formatted with the names above) -> template file.
FILES: dict[str, str] = {
    "pyproject.toml": "pyproject.toml.tmpl",
    "README.md": "README.md.tmpl",
    ".gitignore": "gitignore.tmpl",
    ".github/workflows/test.yml": "ci.yml.tmpl",
    "src/{module}/__init__.py": "plugin.py.tmpl",
    "tests/test_{snake}.py": "test_plugin.py.tmpl",
}

#: What ``supple new-plugin --with`` can start: part -> (module template, test template),
#: appended to the plugin module and its test file.
PARTS: dict[str, tuple[str, str]] = {
    "exercises": ("part_exercises.py.tmpl", "test_part_exercises.py.tmpl"),
    "exporter": ("part_exporter.py.tmpl", "test_part_exporter.py.tmpl"),
    "timing": ("part_timing.py.tmpl", "test_part_timing.py.tmpl"),
}

#: A plugin name: lowercase letters and digits in words joined by single hyphens.
NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
MAX_NAME = 40


def names(name: str) -> dict[str, str]:
    """Every spelling of plugin ``name`` the templates use."""
    import supple

    snake = name.replace("-", "_")
    major, minor, *_ = supple.__version__.split(".")
    return {
        "name": name,
        "snake": snake,
        "module": f"supple_{snake}",
        "dist": f"supple-{name}",
        "title": name.replace("-", " ").capitalize(),
        "supple_version": f"{major}.{minor}",
        # the next major release may change the hook API: say so before pip installs it
        "supple_below": str(int(major) + 1) if int(major) else "1",
        "hook_api": f"({supple.HOOK_API[0]}, {supple.HOOK_API[1]})",
    }


def suggest(text: str) -> str:
    """A valid plugin name close to ``text`` (``"Desk_Break"`` -> ``"desk-break"``)."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.strip().lower()).strip("-")
    slug = re.sub(r"^(supple-)+", "", slug)
    slug = re.sub(r"^[0-9-]+", "", slug)
    return slug[:MAX_NAME].strip("-")


def render(name: str, parts: tuple[str, ...] = ("exercises",)) -> dict[str, str]:
    """The generated project: relative path -> file text, for a valid plugin ``name`` that
    contributes ``parts`` (keys of :data:`PARTS`)."""
    values = names(name)
    package = resources.files(__name__)
    out = {}
    for path, template in FILES.items():
        text = package.joinpath(template).read_text(encoding="utf-8")
        if template in ("plugin.py.tmpl", "test_plugin.py.tmpl"):
            which = 0 if template == "plugin.py.tmpl" else 1
            text += "".join(package.joinpath(PARTS[p][which]).read_text(encoding="utf-8") for p in parts)
        out[path.format(**values)] = Template(text).substitute(values)
    return dict(sorted(out.items()))
