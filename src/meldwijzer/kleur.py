"""Colours: reading the notations a huisstijl or a tokens package uses, and WCAG 2.1 contrast.

``parse`` accepts what CSS and the NL Design System packages write (``#rgb``, ``#rrggbb``,
``#rrggbbaa``, ``rgb()``/``rgba()``, ``hsl()``/``hsla()`` in the comma and the space syntax,
``transparent``, ``white``, ``black``) and nothing else. A colour leaves this module only as
``#rrggbb``: no text from data ever reaches a stylesheet as it was written.
"""

from __future__ import annotations

import colorsys
import re
from dataclasses import dataclass

AA_TEXT = 4.5
"""WCAG 2.1 success criterion 1.4.3: normal text."""
AA_LARGE = 3.0
"""1.4.3 for large text (24 px, or 18.66 px bold) and 1.4.11 for controls and graphics."""


class KleurFout(ValueError):
    """A value that is not a colour (the message is Dutch)."""


@dataclass(frozen=True)
class Kleur:
    """An sRGB colour with an alpha channel, each channel 0-255 (alpha 0-1)."""

    r: int
    g: int
    b: int
    a: float = 1.0

    @property
    def hex(self) -> str:
        return f"#{self.r:02x}{self.g:02x}{self.b:02x}"

    def over(self, background: Kleur) -> Kleur:
        """The opaque colour seen when this one is painted on ``background``."""
        if self.a >= 1:
            return Kleur(self.r, self.g, self.b)
        back = background.over(WIT)

        def mix(front: int, behind: int) -> int:
            return round(front * self.a + behind * (1 - self.a))

        return Kleur(mix(self.r, back.r), mix(self.g, back.g), mix(self.b, back.b))

    def mengen(self, other: Kleur, deel: float) -> Kleur:
        """``deel`` (0-1) of this colour mixed into ``other``: a tint or a shade."""
        return Kleur(self.r, self.g, self.b, deel).over(other)


WIT = Kleur(255, 255, 255)
ZWART = Kleur(0, 0, 0)
NAMEN = {"white": WIT, "black": ZWART, "transparent": Kleur(0, 0, 0, 0.0)}

_HEX = re.compile(r"#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
_FUNCTION = re.compile(r"(rgba?|hsla?)\(\s*([^()]*?)\s*\)", re.IGNORECASE)
_NUMBER = r"[+-]?(?:\d+\.?\d*|\.\d+)"
VOORBEELD = 'Schrijf een kleur als "#1a5e9a" (een hekje en zes tekens 0-9 en a-f).'


def parse(text: str) -> Kleur:
    """The colour ``text`` names; ``KleurFout`` (Dutch) when it is not one we read."""
    value = text.strip()
    if value.lower() in NAMEN:
        return NAMEN[value.lower()]
    if _HEX.fullmatch(value):
        digits = value[1:]
        if len(digits) in (3, 4):
            digits = "".join(ch * 2 for ch in digits)
        channels = [int(digits[i:i + 2], 16) for i in range(0, len(digits), 2)]
        alpha = channels[3] / 255 if len(channels) == 4 else 1.0
        return Kleur(channels[0], channels[1], channels[2], round(alpha, 3))
    found = _FUNCTION.fullmatch(value)
    if found:
        return _function(found.group(1).lower(), found.group(2), text)
    raise KleurFout(f'"{text}" is geen kleur. {VOORBEELD}')


def _function(name: str, body: str, text: str) -> Kleur:
    parts = [p for p in re.split(r"\s*[,/]\s*|\s+", body) if p]
    if len(parts) not in (3, 4) or not all(
            re.fullmatch(rf"{_NUMBER}(%|deg)?", p) for p in parts):
        raise KleurFout(f'"{text}" is geen kleur. {VOORBEELD}')
    alpha = _fraction(parts[3]) if len(parts) == 4 else 1.0
    if name.startswith("rgb"):
        r, g, b = (_channel(p) for p in parts[:3])
        return Kleur(r, g, b, round(alpha, 3))
    hue = float(parts[0].removesuffix("deg")) % 360 / 360
    saturation, lightness = _fraction(parts[1]), _fraction(parts[2])
    red, green, blue = colorsys.hls_to_rgb(hue, lightness, saturation)
    return Kleur(round(red * 255), round(green * 255), round(blue * 255), round(alpha, 3))


def _channel(part: str) -> int:
    value = float(part.rstrip("%")) * (2.55 if part.endswith("%") else 1)
    return max(0, min(255, round(value)))


def _fraction(part: str) -> float:
    value = float(part.rstrip("%")) / (100 if part.endswith("%") else 1)
    return max(0.0, min(1.0, value))


def luminance(colour: Kleur) -> float:
    """Relative luminance (WCAG 2.1) of an opaque colour."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.r) + 0.7152 * linear(colour.g) + 0.0722 * linear(colour.b)


def contrast(front: Kleur, back: Kleur) -> float:
    """The contrast ratio (1-21) of ``front`` painted on ``back`` (on white if see-through)."""
    behind = back.over(WIT)
    seen = front.over(behind)
    lighter, darker = sorted((luminance(seen), luminance(behind)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def leesbaar_op(back: Kleur, voorkeur: Kleur = WIT, anders: Kleur = ZWART) -> Kleur:
    """The text colour for ``back``: ``voorkeur`` when it reaches AA for text, else the one
    of the two with the higher contrast (one of white and black always reaches 4.5:1)."""
    if contrast(voorkeur, back) >= AA_TEXT:
        return voorkeur
    return max((voorkeur, anders), key=lambda c: contrast(c, back))


def voorstel(front: Kleur, back: Kleur, minimum: float) -> Kleur:
    """A colour of the same hue as ``front`` that reaches ``minimum`` on ``back``: darker on
    a light background, lighter on a dark one, as little changed as possible."""
    behind = back.over(WIT)
    hue, light, saturation = colorsys.rgb_to_hls(front.r / 255, front.g / 255, front.b / 255)
    darker = luminance(behind) > 0.18
    for step in range(0, 101):
        shift = step / 100
        candidate_light = max(0.0, light - shift) if darker else min(1.0, light + shift)
        red, green, blue = colorsys.hls_to_rgb(hue, candidate_light, saturation)
        candidate = Kleur(round(red * 255), round(green * 255), round(blue * 255))
        # A small margin: the suggestion must pass however a browser rounds it.
        if contrast(candidate, behind) >= minimum + 0.05:
            return candidate
    return ZWART if darker else WIT


def verhouding(ratio: float) -> str:
    """A ratio as an editor reads it: "3,2:1" (rounded down, so a pass is never overstated)."""
    shown = int(ratio * 10) / 10
    return f"{shown:.1f}".replace(".", ",") + ":1"
