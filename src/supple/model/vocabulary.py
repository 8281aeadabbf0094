"""The shared vocabulary that content plugins and safety filters agree on.

The engine knows no exercise, but it does fix the words used to describe one, so that an
exercise set written by one author and a safety rule written by another meet on the same terms.
Every term has a definition. The lists below are the built-in terms; a plugin adds its own
through the ``supple_vocabulary`` hook (:class:`Term`). A kind, position, movement tag or region
that is in neither is an error of the plugin that used it: strict mode fails, normal mode
reports it and leaves the exercise out (:mod:`supple.plugin.content`). The standard tags are
what the first-party safety filters act on. Equipment stays an open list.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from supple.model.fields import slug

#: What an exercise is for.
KINDS: dict[str, str] = {
    "mobility": "moves a joint or the spine through a comfortable range, repeatedly",
    "stretch": "holds a lengthened position for a number of seconds",
    "strength": "works muscles against the body's weight or a load",
    "motor-control": "trains steady, controlled use of the trunk muscles",
    "self-release": "self-massage or a movement aimed at 'releasing' the back (foam roller, "
    "cracking); recorded honestly, acted on by safety filters",
}


#: The body position an exercise is done in.
POSITIONS: dict[str, str] = {
    "supine": "lying on the back",
    "prone": "lying face down",
    "side-lying": "lying on one side",
    "quadruped": "on hands and knees",
    "kneeling": "kneeling, sitting back towards the heels",
    "seated": "sitting on a chair, a bed edge or the floor",
    "standing": "standing",
    "unknown": "not known (for example an imported exercise nobody has checked yet); safety "
    "filters treat it as possibly lying on the back or face down, or kneeling",
}


#: Movement tags the first-party safety filters act on. Plugins may use others.
TAGS: dict[str, str] = {
    "spinal-flexion": "the spine bends forward (rounds)",
    "end-range-flexion": "the spine is taken to or held at the end of its forward bend",
    "loaded-flexion": "the spine bends forward under a load or pulled by the arms",
    "spinal-rotation": "the trunk twists",
    "end-range-rotation": "the trunk twist goes to or is held at the end of its range",
    "spinal-extension": "the spine arches backward",
    "end-range-extension": "the backward arch goes to the end of its range",
    "side-bending": "the trunk bends sideways",
    "hip-flexion": "the hip bends strongly (knee towards chest)",
    "external-load": "a weight or object is held",
    "direct-pressure": "the body rests its weight on a tool such as a foam roller",
    "foam-roller": "uses a foam roller",
    "overpressure": "the hands, arms or body weight push the joint further than muscles take it",
    "self-manipulation": "aims to make a joint of the spine 'crack' or 'pop'",
    "neck-extension": "the head is taken back or hangs unsupported",
    "end-range-hold": "a position is held at the end of the available range",
    "impact": "jumps, bounces or sudden movements",
    "floor": "needs getting down onto the floor",
    "deep-squat": "the hips go below the knees",
    "balance": "needs standing balance",
}


#: Equipment words used by the first-party content (open list).
EQUIPMENT: dict[str, str] = {
    "mat": "an exercise mat or a carpeted floor",
    "chair": "a firm chair without wheels",
    "bed": "a firm bed that does not sink",
    "foam-roller": "a foam roller",
    "light-weight": "a light weight, such as a 1 kg dumbbell or a book",
    "wall": "a clear wall",
    "strap": "a strap, belt or towel",
}


#: Body regions (open list).
REGIONS: dict[str, str] = {
    "neck": "the cervical spine",
    "thoracic": "the upper and middle back",
    "lumbar": "the lower back",
    "pelvis": "the pelvis and sacrum",
    "hips": "the hip joints and the muscles around them",
    "glutes": "the buttock muscles",
    "hamstrings": "the back of the thighs",
    "hip-flexors": "the front of the hips",
    "shoulders": "the shoulders and shoulder blades",
    "core": "the abdominal and deep trunk muscles",
    "legs": "the thighs and calves",
}


#: The kinds of term a vocabulary holds, with the built-in terms of each.
TERM_KINDS: dict[str, dict[str, str]] = {
    "kind": KINDS,
    "position": POSITIONS,
    "tag": TAGS,
    "region": REGIONS,
}


def _term_kind(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value not in TERM_KINDS:
        raise ValueError(f"{attribute.name} must be one of {', '.join(TERM_KINDS)}, got {value!r}")


def _definition(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{attribute.name} must be a non-empty text saying what the term means")


@attrs.frozen
class Term:
    """A word a plugin adds to the shared vocabulary (``supple_vocabulary`` hook).

    ``kind`` is ``"kind"``, ``"position"``, ``"tag"`` or ``"region"``; ``term`` a slug;
    ``definition`` what it means, in one sentence, for authors and reviewers.

    >>> Term("tag", "overhead-reach", "the arms are raised above the head").name
    'tag:overhead-reach'
    """

    kind: str = attrs.field(validator=_term_kind)
    term: str = attrs.field(validator=slug)
    definition: str = attrs.field(validator=_definition)

    @property
    def name(self) -> str:
        """The qualified name ``kind:term``, unique across plugins."""
        return f"{self.kind}:{self.term}"


class Vocabulary:
    """The built-in terms and those plugins added, by kind: ``vocabulary.terms("tag")`` maps
    each tag to its definition and the plugin that added it (``None``: built in)."""

    __slots__ = ("_terms",)

    def __init__(self, added: Mapping[str, tuple[Term, str]] = {}) -> None:  # noqa: B006
        self._terms: dict[str, dict[str, tuple[str, str | None]]] = {
            kind: {term: (meaning, None) for term, meaning in builtin.items()}
            for kind, builtin in TERM_KINDS.items()
        }
        for term, plugin in added.values():
            self._terms[term.kind].setdefault(term.term, (term.definition, plugin))

    def terms(self, kind: str) -> Mapping[str, tuple[str, str | None]]:
        """Every term of ``kind``: term -> (definition, plugin or ``None`` when built in)."""
        return self._terms[kind]

    def unknown(self, kind: str, values: tuple[str, ...] | frozenset[str] | str) -> list[str]:
        """The values (sorted) that are not terms of ``kind``."""
        items = (values,) if isinstance(values, str) else values
        known = self._terms[kind]
        return sorted(v for v in items if v not in known)
