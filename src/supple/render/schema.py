"""JSON Schema (2020-12) of routine and profile files, built from the installed plugins: the
exercise ids of every set, the strategy names and each strategy's options, the exporters'
option tables, the plugins' settings, and the conditions, red flags and rule names of the
safety filters. Schema-aware TOML editors (Taplo / Even Better TOML, Tombi) complete and check
keys with it (`supple schema`, docs/routine-format.md).

The schema sees the shape of a file; `supple check` remains the judge (a strategy's own range
checks, a schedule with no session left, an unknown exercise of a set not installed where the
schema was made).
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from supple import limits
from supple.plugin.setting_fields import DOC, PERSON
from supple.render.schema_text import DOCUMENTED

if TYPE_CHECKING:
    from supple.plugin.registry import Registry

DRAFT = "https://json-schema.org/draft/2020-12/schema"
DATE = {"type": "string", "format": "date"}
DURATION = {"anyOf": [{"type": "integer", "minimum": 0},
                      {"type": "string", "pattern": r"^\s*(\d+(\.\d+)?\s*(h|m|min|s)?\s*)+$"}],
            "description": "whole seconds, or text such as \"30s\", \"2m\", \"1m30s\""}
_DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun",
         "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def _table(properties: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return properties


def _described(table: str, key: str, schema: dict[str, Any]) -> dict[str, Any]:
    text = DOCUMENTED.get((table, key))
    return {**schema, "description": text} if text else schema


def type_schema(kind: Any) -> dict[str, Any]:
    """The schema of a value of Python type ``kind`` as a TOML file writes it (``{}``: anything)."""
    origin = typing.get_origin(kind)
    args = typing.get_args(kind)
    if kind is bool:
        return {"type": "boolean"}
    if kind is int:
        return {"type": "integer"}
    if kind is float:
        return {"type": "number"}
    if kind is str:
        return {"type": "string"}
    if kind is dt.date:
        return dict(DATE)
    if getattr(kind, "__supertype__", None) is int:  # NewType over int: supple's Seconds
        return dict(DURATION)
    if origin is typing.Literal:
        return {"enum": list(args)}
    if origin in (typing.Union, types.UnionType):
        options = [type_schema(a) for a in args if a is not type(None)]
        return options[0] if len(options) == 1 else {"anyOf": options}
    if origin in (list, tuple, Sequence, set, frozenset):
        return {"type": "array", "items": type_schema(args[0]) if args else {}}
    if origin in (dict, Mapping):
        return {"type": "object"}
    if isinstance(kind, type) and attrs.has(kind):
        return options_schema(kind)
    return {}


def options_schema(
    cls: type | None, extra: Mapping[str, Any] | None = None, *, person: bool = True
) -> dict[str, Any]:
    """The table an attrs options class is structured from: one property per field, the fields
    without a default required, nothing else allowed (``extra``: more properties). A field's
    ``supple.setting(doc=...)`` becomes its description; ``person=False`` leaves out the fields
    only the person may set (for a routine's table)."""
    properties: dict[str, Any] = dict(extra or {})
    required: list[str] = []
    if cls is not None:
        try:
            hints = typing.get_type_hints(cls)
        except Exception:  # a plugin's annotation that cannot be evaluated: fields stay open
            hints = {}
        for field in attrs.fields(cls):
            name = field.alias or field.name
            if not person and field.metadata.get(PERSON):
                continue
            schema = type_schema(hints.get(field.name, Any))
            if field.metadata.get(DOC):
                schema["description"] = str(field.metadata[DOC])
            if field.converter is not None and schema.get("type") not in (None, "string"):
                schema = {"anyOf": [schema, {"type": "string"}]}  # converted, e.g. "30s"
            default = field.default
            if default is attrs.NOTHING:
                required.append(name)
            elif isinstance(default, (bool, int, float, str)):
                schema["default"] = default
            properties[name] = schema
    table: dict[str, Any] = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        table["required"] = required
    if cls is not None and cls.__doc__:
        table["description"] = " ".join(cls.__doc__.split())
    return table


def _strategy_table(strategies: Mapping[str, Any], default: str, key: str) -> dict[str, Any]:
    """``[timing]`` / ``[progression]``: ``strategy`` picks one, its options are the other keys."""
    names = sorted(strategies)
    branches = []
    for name in names:
        strategy = strategies[name]
        try:
            options = options_schema(strategy.options)
        except Exception:  # the plugin's options class cannot be imported: keys stay open
            options = {"type": "object"}
        chosen: dict[str, Any] = {"properties": {"strategy": {"const": name}}}
        if name == default:
            chosen = {"anyOf": [chosen, {"not": {"required": ["strategy"]}}]}
        then = {k: v for k, v in options.items() if k != "additionalProperties"}
        then.setdefault("properties", {})
        branches.append({"if": chosen, "then": then})
    return {
        "type": "object",
        "description": f"the {key} strategy (`strategy`, default {default!r}) and its options",
        "properties": {"strategy": {"enum": names, "default": default,
                                    "description": "; ".join(f"{n}: {strategies[n].summary}" for n in names)}},
        "allOf": branches,
        "unevaluatedProperties": False,
    }


def _named_tables(items: Mapping[str, Any], what: str, *, person: bool = True) -> dict[str, Any]:
    properties = {}
    for name in sorted(items):
        try:
            table = options_schema(items[name].options, person=person)
        except Exception:
            table = {"type": "object"}
        table["description"] = f"{what} {name!r}: {items[name].summary}"
        properties[name] = table
    return {"type": "object", "properties": properties, "additionalProperties": False}


def routine_schema(registry: Registry) -> dict[str, Any]:
    """The JSON Schema of a routine file with the plugins of ``registry``."""
    refs: list[str] = []
    short: dict[str, int] = {}
    for entry in registry.catalogue:
        refs.append(f"{entry.set_name}/{entry.exercise.id}")
        short[entry.exercise.id] = short.get(entry.exercise.id, 0) + 1
    exercises = sorted(refs) + sorted(ident for ident, count in short.items() if count == 1)
    timing = _strategy_table(registry.timing_strategies, "steady", "timing")
    progression = _strategy_table(registry.progression_strategies, "none", "progression")
    hhmm = {"type": "string", "pattern": r"^\s*([01]?\d|2[0-3]):[0-5]\d\s*$"}
    number = {"type": "integer"}
    step_progression = dict(progression)
    step_properties: dict[str, dict[str, Any]] = {
        "exercise": {"enum": exercises},
        "sets": {**number, "minimum": 1, "maximum": limits.MAX_SETS},
        "reps": {"anyOf": [
            {**number, "minimum": 0, "maximum": limits.MAX_REPS},
            {"type": "array", "minItems": 1, "maxItems": limits.MAX_SETS,
             "items": {**number, "minimum": 1, "maximum": limits.MAX_REPS}},
        ]},
        "hold": DURATION, "per_side": {"type": "boolean"}, "rest": DURATION,
        "tempo": {"type": "number", "minimum": 0, "maximum": limits.MAX_TEMPO_S},
        "load_kg": {"type": "number", "minimum": 0, "maximum": limits.MAX_LOAD_KG},
        "duration": DURATION,
        "distance_m": {"type": "number", "minimum": 0, "maximum": limits.MAX_DISTANCE_M},
        "level": {"type": "string", "minLength": 1, "maxLength": limits.MAX_LEVEL},
        "note": {"type": "string", "maxLength": limits.MAX_TEXT},
    }
    step = {
        "type": "object", "required": ["exercise"], "additionalProperties": False,
        "properties": {
            **{k: _described("steps", k, v) for k, v in step_properties.items()},
            "timing": {"type": "object", "description": "this step's own timing options (same keys as "
                       "[timing], without strategy)"},
            "progression": step_progression,
        },
    }
    skip_range = {"type": "object", "required": ["from", "to"], "additionalProperties": False,
                  "properties": {"from": DATE, "to": DATE}}
    schedule = {
        "type": "object", "additionalProperties": False,
        "not": {"required": ["weeks", "until"]},
        "anyOf": [{"required": ["weeks"]}, {"required": ["until"]}],
        "properties": {k: _described("schedule", k, v) for k, v in _table({
            "start": DATE,
            "weeks": {**number, "minimum": 1, "maximum": limits.MAX_WEEKS},
            "until": DATE,
            "days": {"anyOf": [{"enum": ["daily", "everyday", "weekdays", "weekends", *_DAYS]},
                               {"type": "array", "minItems": 1, "items": {"enum": _DAYS}}]},
            "times": {"anyOf": [hhmm, {"type": "array", "minItems": 1, "maxItems": limits.MAX_TIMES_PER_DAY,
                                       "items": hhmm}]},
            "timezone": {"type": "string", "pattern": r"^[A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+)*$",
                         "examples": ["Europe/Madrid", "America/New_York", "UTC"]},
            "skip": {"type": "array", "items": {"anyOf": [DATE, skip_range]}},
        }).items()},
    }
    info = {
        "type": "object", "required": ["title"], "additionalProperties": False,
        "properties": {k: _described("routine", k, v) for k, v in _table({
            "title": {"type": "string", "pattern": r"\S", "maxLength": limits.MAX_TEXT},
            "summary": {"type": "string", "maxLength": limits.MAX_TEXT},
            "id": {"type": "string", "pattern": r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"},
            "revised": DATE,
        }).items()},
    }
    return {
        "$schema": DRAFT,
        "title": "supple routine",
        "description": "A supple routine file (docs/routine-format.md).",
        "type": "object",
        "required": ["routine", "steps"],
        "additionalProperties": False,
        "properties": {
            "routine": info,
            "schedule": schedule,
            "timing": timing,
            "progression": progression,
            "steps": {"type": "array", "minItems": 1, "maxItems": limits.MAX_STEPS, "items": step},
            "safety": {"type": "object", "additionalProperties": False, "properties": {
                "allow": {"type": "array", "maxItems": 0, "description": "a routine cannot waive safety "
                          "rules: waive one in the profile or with --allow"}}},
            "export": _named_tables(registry.exporters, "options of the exporter"),
            "plugins": _named_tables(registry.settings, "settings of the plugin", person=False),
        },
    }


def profile_schema(registry: Registry) -> dict[str, Any]:
    """The JSON Schema of a profile file with the safety filters of ``registry``."""
    conditions: dict[str, str] = {}
    red_flags: dict[str, str] = {}
    rules: dict[str, str] = {}
    for safety_filter in registry.safety_filters.values():
        conditions.update(safety_filter.conditions)
        red_flags.update(safety_filter.red_flags)
        rules.update(safety_filter.rules)

    def ids(known: Mapping[str, str]) -> dict[str, Any]:
        names = sorted(known)
        return {"type": "array", "maxItems": limits.MAX_LIST, "uniqueItems": True,
                "items": {"enum": names, "description": "; ".join(f"{n}: {known[n]}" for n in names)}}

    number = {"type": "integer"}
    properties = {
        "conditions": ids(conditions), "red_flags": ids(red_flags),
        "pain": {**number, "minimum": 0, "maximum": 10}, "pain_date": DATE,
        "pregnancy_week": {**number, "minimum": 0, "maximum": 45}, "due_date": DATE,
        "age": {**number, "minimum": 0, "maximum": 120}, "birth_year": number, "as_of": DATE,
        "cleared_by_surgeon": {"type": "boolean"}, "allow": ids(rules),
        "allowed_by": {"type": "string", "maxLength": limits.MAX_TEXT}, "allowed_on": DATE,
    }
    return {
        "$schema": DRAFT,
        "title": "supple profile",
        "description": "A supple profile file (docs/routine-format.md, Profiles).",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "profile": {"type": "object", "additionalProperties": False,
                        "properties": {k: _described("profile", k, v) for k, v in properties.items()}},
            "plugins": _named_tables(registry.settings, "settings of the plugin"),
        },
    }
