"""Media an exercise plugin declares for an exercise: photographs, drawings or video links.

Every item names its licence and its attribution, so a handout can credit it. supple never
fetches a link: an image ``path`` (a local file shipped with the plugin) is embedded by the
exporters that can show it; a ``url`` is printed as text, never as a live link.
"""

from __future__ import annotations

import attrs

#: Kinds of media.
MEDIA_KINDS = ("image", "video")


def _kind(instance: object, attribute: attrs.Attribute, value: object) -> None:  # type: ignore[type-arg]
    if value not in MEDIA_KINDS:
        raise ValueError(f"{attribute.name} must be one of {', '.join(MEDIA_KINDS)}; got {value!r}")


def _text(instance: object, attribute: attrs.Attribute, value: object) -> None:  # type: ignore[type-arg]
    if not isinstance(value, str):
        raise TypeError(f"{attribute.name} must be a string, got {value!r}")


@attrs.frozen
class Media:
    """One image or video of an exercise. ``kind`` is ``image`` or ``video``; ``path`` a
    file shipped with the plugin (PNG, JPEG or SVG for an image) or ``url`` an address (at least
    one of the two); ``licence`` (an SPDX id such as ``CC-BY-4.0``) and ``attribution`` (who
    made it) are required; ``title`` says what it shows.

    >>> Media(kind="video", url="https://example.org/cat-cow", licence="CC-BY-4.0",
    ...       attribution="A. Physio").kind
    'video'
    """

    kind: str = attrs.field(validator=_kind)
    licence: str = attrs.field(validator=_text)
    attribution: str = attrs.field(validator=_text)
    path: str = attrs.field(default="", validator=_text)
    url: str = attrs.field(default="", validator=_text)
    title: str = attrs.field(default="", validator=_text)

    def __attrs_post_init__(self) -> None:
        if not self.path and not self.url:
            raise ValueError("a media item needs a path or a url")
        if not self.licence.strip():
            raise ValueError("a media item needs its licence (an SPDX id such as CC-BY-4.0)")
        if not self.attribution.strip():
            raise ValueError("a media item needs its attribution (who made it)")
