"""The region's look (huisstijl, contract 1.3): logo, colours, font or NL Design System tokens.

``load`` reads ``huisstijl:`` of routekaarten/regio.yml and the files it names, and turns it
into a ``Look``: one colour for every role the site paints with (``ROLLEN``), the type and the
files to publish. A region without ``huisstijl:`` gets the stock look (Material's indigo).

Every colour the site renders as text on a background, or as a control against its
surroundings, is a pair in ``PAREN``; each is checked against WCAG 2.1 AA at build time. A
failing pair is reported at the key that sets the colour, with a colour of the same hue that
passes. Colours the editor did not set are derived so that they pass (a text colour on the
primary colour is white or black, whichever reads).

Nothing from data reaches the stylesheet as written: colours are parsed and written as
``#rrggbb``, lengths and numbers are parsed and written back, font names are checked
letters. Logos are rebuilt from shapes (``svglogo``) or re-encoded (PNG).
"""

from __future__ import annotations

import colorsys
import io
import re
import struct
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from . import files, tokens
from .errors import ErrorLog
from .keyed import as_maps
from .kleur import (
    AA_LARGE,
    AA_TEXT,
    WIT,
    ZWART,
    Kleur,
    contrast,
    leesbaar_op,
    luminance,
    verhouding,
)
from .kleur import parse as parse_colour
from .models import Huisstijl, Regio
from .svglogo import LogoFout, sanitise
from .validate import validate
from .yamlread import read_yaml

FOLDER = "assets/huisstijl"
"""Where the look's files (logo, favicon, fonts) are published."""
MAX_LOGO_BYTES = 512_000
MAX_FONT_BYTES = 300_000
LOGO_HEIGHT = 192
"""PNG logos are published at most this many pixels high (the header shows them 24-48 px)."""
FAVICON_SIDE = 64

DEFAULT_PRIMAIR = "#4051b5"
"""Material's indigo: the stock look of a region without a huisstijl."""

ROLLEN = (
    "achtergrond", "tekst", "tekst-zacht", "kop", "primair", "primair-tekst", "secundair",
    "secundair-tekst", "kopbalk", "kopbalk-tekst", "kopbalk-zoek", "link", "link-hover",
    "kopbalk-rand", "vlak", "rand", "focus", "focus-vlak", "focus-tekst", "spoed", "spoed-vlak",
    "keuze", "keuze-vlak", "groen",
)
"""Every colour of the look; the stylesheets use them as ``var(--mw-<rol>)``."""

VAST = {
    "achtergrond": "#ffffff", "spoed": "#b3261e", "spoed-vlak": "#fdecea",
    "keuze": "#7a4b00", "keuze-vlak": "#fff4e0", "groen": "#1b5e20", "rand": "#5c6370",
}
"""Colours that mean something (emergency red, decisions in amber) and stay unless tokens
name them; the page background stays white (print, and every text pair starts from it)."""


@dataclass(frozen=True)
class Paar:
    """A foreground role painted on a background role, as the site renders it."""

    voor: str
    achter: str
    minimum: float
    waar: str


PAREN = (
    Paar("tekst", "achtergrond", AA_TEXT, "gewone tekst op de pagina"),
    Paar("tekst", "vlak", AA_TEXT, "tekst in kaders en kaarten"),
    Paar("tekst-zacht", "achtergrond", AA_TEXT, "kleine tekst (gecontroleerd op, toelichting)"),
    Paar("tekst-zacht", "vlak", AA_TEXT, "kleine tekst in kaders"),
    Paar("kop", "achtergrond", AA_TEXT, "koppen"),
    Paar("kopbalk-tekst", "kopbalk", AA_TEXT, "naam van de site en menu in de kopbalk"),
    Paar("kopbalk-tekst", "kopbalk-zoek", AA_TEXT, "het zoekveld in de kopbalk"),
    Paar("link", "achtergrond", AA_TEXT, "links, gewone knoppen en gevonden zoekwoorden"),
    Paar("link", "vlak", AA_TEXT, "links in kaders (hulp, campagne, nummers)"),
    Paar("link-hover", "achtergrond", AA_TEXT, "links die je aanwijst"),
    Paar("primair-tekst", "primair", AA_TEXT,
         "tekst op de hoofdkleur: hoofdknoppen, stapnummers, de band van de poster"),
    Paar("primair", "achtergrond", AA_LARGE,
         "de lijn van de route, randen van knoppen en nummerkaarten, koppen van de dia's"),
    Paar("primair", "vlak", AA_LARGE, "de rand van een nummerkaart op het vlak"),
    Paar("secundair-tekst", "secundair", AA_TEXT, "knoppen die je aanwijst, de titelbalk "
         "van de dia's"),
    Paar("focus", "achtergrond", AA_LARGE, "de focusrand van het toetsenbord"),
    Paar("focus-tekst", "focus-vlak", AA_TEXT, "een link met de focus van het toetsenbord"),
    Paar("focus", "focus-vlak", AA_LARGE, "de focusrand om een link met focus"),
    Paar("rand", "achtergrond", AA_LARGE, "randen van invoervelden en keuzeknoppen"),
    Paar("spoed", "spoed-vlak", AA_TEXT, "het spoedkader (Acuut gevaar? Bel 112)"),
    Paar("spoed", "achtergrond", AA_TEXT, "het label intern en verouderde gegevens"),
    Paar("keuze", "achtergrond", AA_TEXT, "de titel van een keuzestap"),
    Paar("tekst", "keuze-vlak", AA_TEXT, "tekst in de keuzeknoppen van een route"),
    Paar("groen", "achtergrond", AA_TEXT, "het label lokaal en goede antwoorden in de quiz"),
)

TOKEN_ROLLEN: dict[str, tuple[str, ...]] = {
    "primair": ("nl-button-primary-background-color",
                "utrecht-button-primary-action-background-color"),
    "primair-tekst": ("nl-button-primary-color", "utrecht-button-primary-action-color"),
    "secundair": ("nl-button-primary-hover-background-color",
                  "utrecht-button-primary-action-hover-background-color"),
    "secundair-tekst": ("nl-button-primary-hover-color",
                        "utrecht-button-primary-action-hover-color"),
    "kopbalk": ("utrecht-page-header-background-color",
                "utrecht-page-header-content-background-color"),
    "kopbalk-tekst": ("utrecht-page-header-color", "utrecht-page-header-content-color"),
    "link": ("nl-link-color", "utrecht-link-color"),
    "link-hover": ("nl-link-hover-color", "utrecht-link-hover-color"),
    "tekst": ("utrecht-document-color", "basis-color-default-color-document"),
    "kop": ("basis-heading-color", "nl-heading-level-1-color", "utrecht-heading-1-color",
            "utrecht-heading-color"),
    "vlak": ("basis-color-default-bg-default",),
    "rand": ("basis-color-default-border-default", "utrecht-form-control-border-color"),
    "focus": ("basis-focus-outline-color", "utrecht-focus-outline-color"),
    "focus-vlak": ("basis-focus-background-color", "utrecht-focus-background-color"),
    "focus-tekst": ("basis-focus-color", "utrecht-focus-color"),
    "spoed": ("basis-color-negative-color-default",),
    "spoed-vlak": ("basis-color-negative-bg-default",),
}
"""Which NL Design System tokens give a role its colour, in order of preference: the
component tokens of the NL Design System components (nl-*), those of the Utrecht
components that most municipal themes fill in, then the basis tokens."""

TOKEN_MATEN: dict[str, tuple[str, ...]] = {
    "letter": ("basis-text-font-family-default", "utrecht-document-font-family"),
    "kop-letter": ("basis-heading-font-family", "nl-heading-level-1-font-family",
                   "utrecht-heading-1-font-family", "utrecht-heading-font-family"),
    "kop-gewicht": ("basis-heading-font-weight", "nl-heading-level-1-font-weight",
                    "utrecht-heading-font-weight"),
    "regelhoogte": ("basis-text-line-height-md", "utrecht-document-line-height"),
    "hoek": ("basis-border-radius-md", "utrecht-border-radius-md"),
    "ruimte": ("basis-space-inline-lg", "utrecht-space-inline-md"),
}
"""Type and spacing from the tokens: the font stacks, the heading weight, the line height,
the corner radius and the inner spacing of boxes and cards."""

KLEUR_SLEUTELS = {role.replace("-", "_"): role for role in (
    "primair", "secundair", "kopbalk", "link", "tekst", "vlak", "primair-tekst",
    "secundair-tekst", "kopbalk-tekst", "link-hover", "kop", "rand", "focus", "focus-vlak",
    "focus-tekst", "spoed", "spoed-vlak")}
"""The roles an editor can set under ``huisstijl.kleuren`` (key: role); the rest follow."""

FALLBACK_FONTS = ('-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, '
                  "sans-serif")
_GENERIC = {"serif", "sans-serif", "monospace", "system-ui", "cursive", "ui-sans-serif",
            "ui-serif"}


@dataclass(frozen=True)
class Bron:
    """Where a colour comes from, for a message the editor can act on."""

    bestand: Path
    regel: int
    pad: str
    sleutel: str
    """The key under ``huisstijl.kleuren`` that sets (or overrides) this role."""
    token: str | None = None
    """The token and package it came from, when it came from tokens."""


@dataclass(frozen=True)
class Lettertype:
    naam: str
    bestanden: tuple[tuple[int, str], ...]
    """(font weight, published path) of each WOFF2 file."""


@dataclass(frozen=True)
class Look:
    """The resolved look: a colour per role, the type, and the files it publishes."""

    kleuren: dict[str, str]
    maten: dict[str, str] = field(default_factory=dict)
    """CSS values, already written back by us: font stacks, weight, line height, radius."""
    logo: str | None = None
    """The logo's path in the site, or None for Material's own icon."""
    favicon: str | None = None
    lettertype: Lettertype | None = None
    bestanden: dict[str, bytes] = field(default_factory=dict)
    eigen: bool = False
    """False for the stock look of a region without ``huisstijl:``."""


class _Fouten:
    """The errors of one huisstijl block, all located in regio.yml."""

    def __init__(self, log: ErrorLog, file: Path, line: Callable[[tuple[str, ...]], int]):
        self.log, self.file, self.line = log, file, line

    def add(self, path: tuple[str, ...], message: str) -> None:
        self.log.add(self.file, self.line(("huisstijl", *path)), ["huisstijl", *path], message)


def load(root: Path, log: ErrorLog) -> Look:
    """The region's look from ``huisstijl:`` in routekaarten/regio.yml (errors to ``log``).

    Called after the region was read and checked, so the file parses and validates."""
    regio_file = root / "routekaarten" / "regio.yml"
    scratch = ErrorLog(root)
    doc = read_yaml(regio_file, scratch)
    doc = as_maps(Regio, doc, scratch) if doc is not None else None
    model = validate(Regio, doc, scratch) if doc is not None else None
    if doc is None or model is None or model.huisstijl is None:
        return stock_look()
    fouten = _Fouten(log, regio_file, doc.line)
    return _resolve(root, model.huisstijl, fouten)


def stock_look() -> Look:
    """The look of a region without ``huisstijl:``: everything follows Material's indigo."""
    return Look(kleuren=_palette({"primair": parse_colour(DEFAULT_PRIMAIR)}))


def _resolve(root: Path, stijl: Huisstijl, fouten: _Fouten) -> Look:
    given: dict[str, Kleur] = {}
    bronnen: dict[str, Bron] = {}
    maten: dict[str, str] = {}
    if stijl.tokens is not None:
        found = _read_tokens(root, stijl, fouten)
        if found is not None:
            values, label = found
            _token_colours(values, label, fouten, given, bronnen)
            maten = _token_sizes(values, label, fouten)
    for key, role in KLEUR_SLEUTELS.items():
        value = getattr(stijl.kleuren, key, None) if stijl.kleuren else None
        if value is not None:
            given[role] = parse_colour(value)
            bronnen[role] = Bron(fouten.file, fouten.line(("huisstijl", "kleuren", key)),
                                 f"huisstijl.kleuren.{key}", key)
    if "primair" not in given:
        given["primair"] = parse_colour(DEFAULT_PRIMAIR)
    kleuren = _palette(given)
    _check_contrast(kleuren, bronnen, fouten)
    bestanden: dict[str, bytes] = {}
    logo = _image(root, stijl.logo, "logo", LOGO_HEIGHT, fouten, bestanden)
    favicon = _image(root, stijl.favicon, "favicon", FAVICON_SIDE, fouten, bestanden) \
        if stijl.favicon else logo
    lettertype = _font(root, stijl, fouten, bestanden)
    if lettertype is not None:
        maten["letter"] = _stack([lettertype.naam])
    return Look(kleuren=kleuren, maten=maten, logo=logo, favicon=favicon,
                lettertype=lettertype, bestanden=bestanden, eigen=True)


def _palette(given: dict[str, Kleur]) -> dict[str, str]:
    """Every role's colour: the given ones, the fixed ones, and the rest derived so that
    they pass (a derived text colour is white or black; a derived link darkens)."""
    c: dict[str, Kleur] = {k: parse_colour(v) for k, v in VAST.items()}
    c.update(given)
    back = c["achtergrond"]
    primair = c["primair"]
    c.setdefault("tekst", Kleur(33, 33, 33))
    c.setdefault("vlak", primair.mengen(back, 0.07))
    c.setdefault("kop", c["tekst"])
    c.setdefault("primair-tekst", leesbaar_op(primair))
    c.setdefault("kopbalk", primair)
    c.setdefault("kopbalk-tekst", leesbaar_op(c["kopbalk"], c["primair-tekst"]))
    c.setdefault("link", _passing(primair, (back, c["vlak"]), AA_TEXT))
    c.setdefault("secundair", _passing(primair.mengen(ZWART, 0.78), (back,), AA_TEXT))
    c.setdefault("secundair-tekst", leesbaar_op(c["secundair"]))
    c.setdefault("link-hover", _passing(c["secundair"], (back,), AA_TEXT))
    c.setdefault("focus", _passing(c["link"], (back,), AA_LARGE))
    # NL Design System marks keyboard focus with a coloured background (yellow in most
    # themes) as well as the ring; without tokens the background stays the page's.
    c.setdefault("focus-vlak", back)
    c.setdefault("focus-tekst", c["link"] if c["focus-vlak"] == back else
                 leesbaar_op(c["focus-vlak"], c["tekst"]))
    c.setdefault("tekst-zacht", _passing(c["tekst"].mengen(back, 0.82), (back, c["vlak"]),
                                         AA_TEXT))
    c["kopbalk-zoek"] = zoekveld(c["kopbalk"], c["kopbalk-tekst"])
    c["kopbalk-rand"] = c["kopbalk-tekst"] if licht(c["kopbalk"]) else c["kopbalk-zoek"]
    return {role: c[role].hex for role in ROLLEN}


def licht(colour: Kleur) -> bool:
    """A light colour (a white header, as many municipal sites have)."""
    return luminance(colour) > 0.5


def zoekveld(kopbalk: Kleur, tekst: Kleur) -> Kleur:
    """The search field in the header: on a dark header Material's quarter of black, on a
    light one a hint of the header's text colour (with a rand in that colour)."""
    if licht(kopbalk):
        return tekst.mengen(kopbalk, 0.06)
    return Kleur(0, 0, 0, 0.26).over(kopbalk)


def _passing(colour: Kleur, backs: tuple[Kleur, ...], minimum: float) -> Kleur:
    """``colour``, or the nearest colour of its hue that reaches ``minimum`` on all
    ``backs``."""
    if all(contrast(colour, b) >= minimum for b in backs):
        return colour
    return _suggest(colour, [(b, minimum, True) for b in backs])


def _suggest(colour: Kleur, checks: list[tuple[Kleur, float, bool]]) -> Kleur:
    """The colour of ``colour``'s hue, nearest in lightness, that passes every check
    (other colour, minimum, whether ``colour`` is the foreground); black or white if none."""
    hue, light, saturation = colorsys.rgb_to_hls(colour.r / 255, colour.g / 255,
                                                 colour.b / 255)
    for step in range(1, 101):
        for sign in (-1, 1):
            lightness = light + sign * step / 100
            if not 0 <= lightness <= 1:
                continue
            red, green, blue = colorsys.hls_to_rgb(hue, lightness, saturation)
            candidate = Kleur(round(red * 255), round(green * 255), round(blue * 255))
            # A small margin: the suggestion must pass however a browser rounds it.
            if all(contrast(candidate, other) >= minimum + 0.05 if front else
                   contrast(other, candidate) >= minimum + 0.05
                   for other, minimum, front in checks):
                return candidate
    return max((ZWART, WIT), key=lambda c: min(
        contrast(c, o) if f else contrast(o, c) for o, _, f in checks))


def _check_contrast(kleuren: dict[str, str], bronnen: dict[str, Bron],
                    fouten: _Fouten) -> None:
    """One error per colour the editor set (or took from tokens) that fails a pair: the
    worst pair, the others it fails, and a colour of the same hue that passes them all."""
    failing: dict[str, list[tuple[Paar, float]]] = {}
    for paar in PAREN:
        front, back = parse_colour(kleuren[paar.voor]), parse_colour(kleuren[paar.achter])
        ratio = contrast(front, back)
        if ratio >= paar.minimum:
            continue
        blamed = paar.voor if paar.voor in bronnen else paar.achter
        if blamed not in bronnen:
            blamed = _source_of(paar, bronnen, kleuren)
        failing.setdefault(blamed, []).append((paar, ratio))
    for role, problems in sorted(failing.items()):
        bron = bronnen[role]
        colour = parse_colour(kleuren[role])
        checks = [(parse_colour(kleuren[p.achter if p.voor == role else p.voor]), p.minimum,
                   p.voor == role) for p in PAREN if role in (p.voor, p.achter)]
        better = _suggest(colour, checks).hex
        worst, ratio = min(problems, key=lambda item: item[1] / item[0].minimum)
        others = [p.waar for p, _ in problems if p is not worst]
        also = f" Ook te weinig voor: {'; '.join(others)}." if others else ""
        origin = f" {colour.hex} komt uit het token {bron.token}." if bron.token else ""
        fix = (f'Zet onder huisstijl.kleuren bijvoorbeeld {bron.sleutel}: "{better}".'
               if bron.token else f'Kies bijvoorbeeld "{better}".')
        fouten.log.add(bron.bestand, bron.regel, bron.pad, (
            f"Te weinig contrast voor {worst.waar}: {kleuren[worst.voor]} op "
            f"{kleuren[worst.achter]} is {verhouding(ratio)}, nodig is "
            f"{verhouding(worst.minimum)} (WCAG 2.1 AA).{origin}{also} {fix}"))


def _source_of(paar: Paar, bronnen: dict[str, Bron], kleuren: dict[str, str]) -> str:
    """The given colour a derived one follows (a derived colour of the header follows the
    header, the others the primary colour). A derived colour that is a given one unchanged
    (the focus text is the link colour when focus has no background of its own) is that
    colour, so its failure joins that colour's one error."""
    for role in (paar.voor, paar.achter):
        same = [given for given in sorted(bronnen) if kleuren[given] == kleuren[role]]
        if same:
            return same[0]
    for role in (paar.voor, paar.achter):
        base = role.split("-")[0]
        if base in bronnen:
            return base
    return "primair" if "primair" in bronnen else min(bronnen)


def _read_tokens(root: Path, stijl: Huisstijl, fouten: _Fouten) -> tuple[dict[str, str],
                                                                           str] | None:
    assert stijl.tokens is not None
    key = "pakket" if stijl.tokens.pakket is not None else "bestand"
    label = f"routekaarten/{stijl.tokens.bestand}"
    try:
        if stijl.tokens.pakket is not None:
            package = tokens.find_package(root, stijl.tokens.pakket)
            source = tokens.package_file(package)
            label = str(package)
        else:
            assert stijl.tokens.bestand is not None
            source = root / "routekaarten" / stijl.tokens.bestand
        data = files.read_bytes(source, root, tokens.MAX_BYTES)
        return tokens.parse(data, source.name), label
    except (tokens.TokenFout, files.FileProblem) as problem:
        fouten.add(("tokens", key), str(problem))
    except FileNotFoundError:
        fouten.add(("tokens", key), f"Het bestand {label} bestaat niet. Controleer het pad "
                   "(vanaf de map routekaarten/).")
    except OSError as exc:
        fouten.add(("tokens", key), f"Het tokenbestand kan niet worden gelezen "
                   f"({exc.strerror}).")
    return None


def _token_colours(values: dict[str, str], label: str, fouten: _Fouten,
                   given: dict[str, Kleur], bronnen: dict[str, Bron]) -> None:
    line = fouten.line(("huisstijl", "tokens"))
    for role, names in TOKEN_ROLLEN.items():
        name = next((n for n in names if n in values), None)
        if name is None:
            continue
        try:
            colour = parse_colour(values[name])
        except ValueError:
            fouten.add(("tokens",), f'Het token {name} uit {label} is geen kleur die '
                       f'meldwijzer kan lezen ("{values[name][:60]}"). Zet de kleur zelf '
                       "onder huisstijl.kleuren.")
            continue
        back = parse_colour(VAST["achtergrond"])
        given[role] = colour.over(given.get("kopbalk", back) if role == "kopbalk-tekst"
                                  else back)
        sleutel = role.replace("-", "_")
        bronnen[role] = Bron(fouten.file, line, "huisstijl.tokens", sleutel,
                             f"--{name} uit {label}")


def _token_sizes(values: dict[str, str], label: str, fouten: _Fouten) -> dict[str, str]:
    out: dict[str, str] = {}
    for role, names in TOKEN_MATEN.items():
        name = next((n for n in names if n in values), None)
        if name is None:
            continue
        written = _size(role, values[name])
        if written is None:
            fouten.add(("tokens",), f'Het token {name} uit {label} heeft een waarde die '
                       f'meldwijzer niet overneemt ("{values[name][:60]}").')
        else:
            out[role] = written
    return out


def _size(role: str, value: str) -> str | None:
    """A token value written back as CSS, or None when it is not the kind we expect."""
    text = value.strip()
    if role in ("letter", "kop-letter"):
        names = [n.strip().strip("'\"").strip() for n in text.split(",")]
        if not names or not all(re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9 \-]{0,59}", n)
                                for n in names):
            return None
        return _stack(names)
    if role == "kop-gewicht":
        weight = {"normal": "400", "bold": "700"}.get(text, text)
        return weight if re.fullmatch(r"[1-9]00", weight) else None
    if role == "regelhoogte":
        found = re.fullmatch(r"(\d(?:\.\d+)?)", text)
        return f"{min(max(float(found.group(1)), 1.1), 2.2):g}" if found else None
    found = re.fullmatch(r"(\d+(?:\.\d+)?)(px|rem)", text)
    if not found:
        return "0px" if text == "0" else None
    pixels = float(found.group(1)) * (16 if found.group(2) == "rem" else 1)
    limit = 16 if role == "hoek" else 32
    return f"{min(pixels, limit):g}px"


def _stack(names: list[str]) -> str:
    """A font stack: the named fonts (quoted), then the system's fonts of the same kind
    (serif when the stack ends in serif)."""
    generic = next((n for n in reversed(names) if n in _GENERIC), "sans-serif")
    fallback = {"serif": 'Georgia, "Times New Roman", serif',
                "monospace": "ui-monospace, monospace"}.get(generic, FALLBACK_FONTS)
    return ", ".join([*(f'"{n}"' for n in names if n and n not in _GENERIC), fallback])


def _image(root: Path, pad: str | None, kind: str, limit: int, fouten: _Fouten,
           bestanden: dict[str, bytes]) -> str | None:
    """Publish the logo or favicon at ``pad``; its path in the site, or None."""
    if pad is None:
        return None
    source = root / "routekaarten" / pad
    suffix = source.suffix.lower()
    if suffix not in (".svg", ".png"):
        fouten.add((kind,), f'"{pad}" is geen SVG of PNG. Gebruik een bestand dat eindigt op '
                   ".svg of .png.")
        return None
    try:
        data = files.read_bytes(source, root, MAX_LOGO_BYTES)
        published = sanitise(data) if suffix == ".svg" else _png(data, limit)
    except (files.FileProblem, LogoFout) as problem:
        fouten.add((kind,), f'"{pad}": {problem}')
        return None
    except FileNotFoundError:
        fouten.add((kind,), f'Het bestand routekaarten/{pad} bestaat niet. Controleer het pad '
                   "(vanaf de map routekaarten/).")
        return None
    except OSError as exc:
        fouten.add((kind,), f'"{pad}" kan niet worden gelezen ({exc.strerror}).')
        return None
    path = f"{FOLDER}/{kind}{suffix}"
    bestanden[path] = published
    return path


def _png(data: bytes, height: int) -> bytes:
    """A PNG checked and re-encoded (no text chunks, no colour profile), at most ``height``
    pixels high."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format != "PNG":
                raise LogoFout("Het bestand is geen PNG (al eindigt de naam op .png). Sla het "
                               "opnieuw op als PNG of SVG.")
            width, tall = image.size
            if width * tall > 25_000_000 or min(width, tall) < 1:
                raise LogoFout(f"Het logo is {width} x {tall} pixels; dat is te groot. Maak "
                               "het kleiner (een paar honderd pixels hoog is genoeg).")
            image.load()
            picture = image.convert("RGBA")
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as exc:
        raise LogoFout("De PNG is beschadigd of onvolledig. Sla hem opnieuw op.") from exc
    if picture.height > height:
        picture = picture.resize((max(1, round(picture.width * height / picture.height)),
                                  height), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    picture.save(out, "PNG", optimize=True)
    return out.getvalue()


def _font(root: Path, stijl: Huisstijl, fouten: _Fouten,
          bestanden: dict[str, bytes]) -> Lettertype | None:
    spec = stijl.lettertype
    if spec is None:
        return None
    slug = re.sub(r"[^a-z0-9]+", "-", spec.naam.lower()).strip("-")
    published: list[tuple[int, str]] = []
    for key, weight in (("normaal", 400), ("vet", 700)):
        pad = getattr(spec, key)
        if pad is None:
            continue
        try:
            data = files.read_bytes(root / "routekaarten" / pad, root, MAX_FONT_BYTES)
            _check_woff2(data)
        except (files.FileProblem, ValueError) as problem:
            fouten.add(("lettertype", key), f'"{pad}": {problem}')
            continue
        except FileNotFoundError:
            fouten.add(("lettertype", key), f"Het bestand routekaarten/{pad} bestaat niet. "
                       "Controleer het pad (vanaf de map routekaarten/).")
            continue
        except OSError as exc:
            fouten.add(("lettertype", key), f'"{pad}" kan niet worden gelezen '
                       f"({exc.strerror}).")
            continue
        path = f"{FOLDER}/{slug}-{weight}.woff2"
        bestanden[path] = data
        published.append((weight, path))
    return Lettertype(spec.naam, tuple(published)) if published else None


def _check_woff2(data: bytes) -> None:
    """The header of a WOFF2 file: its signature, and a length that matches the file."""
    if len(data) < 48 or data[:4] != b"wOF2":
        raise ValueError("Dit is geen WOFF2-lettertype (het bestand begint niet met wOF2). "
                         "Gebruik de .woff2-versie van het lettertype.")
    (length,) = struct.unpack(">I", data[8:12])
    (tables,) = struct.unpack(">H", data[12:14])
    if length != len(data) or tables == 0:
        raise ValueError("Het WOFF2-lettertype is beschadigd of onvolledig (de lengte in het "
                         "bestand klopt niet). Download het opnieuw.")
