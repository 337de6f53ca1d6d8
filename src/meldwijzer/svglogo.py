"""A logo in SVG, rebuilt from shapes only.

An SVG file is a document that can run scripts (opened on its own, it runs with the site's
origin), load other files and handle events. No Python library that is kept up sanitises
SVG, so this is a strict allow-list: the file is parsed with defusedxml (no entity expansion,
no external entities or DTD fetching), and a new document is built from the shapes, groups,
gradients and texts it holds, with only their geometry and paint attributes. What could be
active (scripts, ``foreignObject``, images, links, animations, ``<style>``, event attributes,
references to other files, ``url()`` in a style) is refused with a Dutch message, so the
editor knows why their logo was not taken over. Editor bookkeeping (Inkscape, Illustrator
metadata, comments) is left out silently.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
MAX_OUTPUT = 100_000
MAX_DEPTH = 40

SHAPES = {
    "svg", "g", "defs", "symbol", "use", "path", "rect", "circle", "ellipse", "line",
    "polyline", "polygon", "text", "tspan", "title", "desc", "linearGradient",
    "radialGradient", "stop", "clipPath", "mask",
}
ACTIVE = {
    "script": "een script",
    "foreignObject": "een foreignObject (HTML in de tekening)",
    "image": "een afbeelding die een ander bestand laadt",
    "feImage": "een afbeelding die een ander bestand laadt",
    "a": "een link",
    "style": "een <style>-blok",
    "animate": "een animatie",
    "animateMotion": "een animatie",
    "animateTransform": "een animatie",
    "set": "een animatie",
    "iframe": "een ingebed venster",
    "handler": "een script",
    "listener": "een script",
}
EDITOR_NAMESPACES = (
    "http://www.inkscape.org/namespaces/inkscape",
    "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://purl.org/dc/elements/1.1/",
    "http://creativecommons.org/ns#",
    "http://ns.adobe.com/",
)
REFERRING = {"use", "linearGradient", "radialGradient"}
"""Elements whose href may name another part of the same logo (``#naam``)."""
PAINT = {"fill", "stroke", "clip-path", "mask"}
ATTRIBUTES = {
    "id", "d", "points", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry",
    "fx", "fy", "fr", "width", "height", "viewBox", "preserveAspectRatio", "transform",
    "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-linecap",
    "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset",
    "stroke-opacity", "opacity", "clip-path", "clip-rule", "mask", "offset", "stop-color",
    "stop-opacity", "gradientUnits", "gradientTransform", "spreadMethod", "clipPathUnits",
    "maskUnits", "maskContentUnits", "font-family", "font-size", "font-weight", "font-style",
    "text-anchor", "letter-spacing", "dominant-baseline", "dx", "dy", "role", "aria-label",
    "aria-hidden", "visibility", "display", "color", "style",
}
STYLE_PROPERTIES = ATTRIBUTES - {
    "id", "d", "points", "viewBox", "preserveAspectRatio", "transform", "style", "role",
    "aria-label", "aria-hidden", "gradientUnits", "gradientTransform", "spreadMethod",
    "clipPathUnits", "maskUnits", "maskContentUnits"}
_SAFE_VALUE = re.compile(r"[\w\s#%.,+\-'\"()]*")
_LOCAL_URL = re.compile(r"url\(\s*#[A-Za-z_][\w.\-]*\s*\)")
_LOCAL_HREF = re.compile(r"#[A-Za-z_][\w.\-]*")
_PAINT_URL = re.compile(rf"{_LOCAL_URL.pattern}(?:\s+#?\w+)?")
"""A reference to the logo's own gradient, clip path or mask, with an optional fallback."""


class LogoFout(ValueError):
    """An SVG that cannot be published as a logo (the message is Dutch)."""


def _local(name: str) -> tuple[str, str]:
    """(namespace, local name) of an ElementTree tag or attribute name."""
    if name.startswith("{"):
        namespace, _, local = name[1:].partition("}")
        return namespace, local
    return "", name


def sanitise(data: bytes) -> bytes:
    """The logo rebuilt from shapes only, as UTF-8 SVG; ``LogoFout`` when it holds anything
    active or is not an SVG drawing."""
    try:
        root = fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise LogoFout("Het logo definieert eigen entiteiten of verwijst naar een extern "
                       "bestand (DTD). Sla het opnieuw op als gewone SVG, zonder DOCTYPE met "
                       "entiteiten.") from exc
    except ET.ParseError as exc:
        raise LogoFout(f"Het logo is geen leesbare SVG ({exc}). Sla het opnieuw op als SVG, "
                       "of gebruik een PNG.") from exc
    if root.tag != f"{{{SVG}}}svg":
        raise LogoFout("Het logo is geen SVG-tekening (het bestand begint niet met <svg> in "
                       "de SVG-naamruimte). Sla het opnieuw op als SVG, of gebruik een PNG.")
    clean = _rebuild(root, 0)
    assert clean is not None
    if "viewBox" not in clean.attrib:
        width, height = (_number(clean.get(k)) for k in ("width", "height"))
        if width is None or height is None:
            raise LogoFout("Het logo heeft geen viewBox en geen breedte en hoogte in getallen, "
                           "dus het kan niet worden geschaald. Voeg bijvoorbeeld "
                           'viewBox="0 0 200 60" toe aan <svg>.')
        clean.set("viewBox", f"0 0 {width:g} {height:g}")
    ET.register_namespace("", SVG)
    ET.register_namespace("xlink", XLINK)
    out = ET.tostring(clean, encoding="unicode", short_empty_elements=True)
    if len(out.encode("utf-8")) > MAX_OUTPUT:
        raise LogoFout(f"Het logo is te groot: na opschonen {len(out) // 1000} kB, hoogstens "
                       f"{MAX_OUTPUT // 1000} kB (het staat op elke pagina). Vereenvoudig de "
                       "tekening of gebruik een PNG.")
    return (out + "\n").encode("utf-8")


def _number(value: str | None) -> float | None:
    if value is None:
        return None
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(px)?\s*", value)
    return float(found.group(1)) if found else None


def _rebuild(element: Element, depth: int) -> Element | None:
    namespace, name = _local(str(element.tag))
    if depth > MAX_DEPTH:
        raise LogoFout(f"Het logo is te diep genest (meer dan {MAX_DEPTH} lagen). "
                       "Vereenvoudig de groepen.")
    if namespace != SVG:
        if namespace.startswith(EDITOR_NAMESPACES) or name == "metadata":
            return None
        raise LogoFout(f"Het logo bevat een onderdeel uit een andere taal (<{name}>, "
                       f"{namespace or 'zonder naamruimte'}). Sla het op als gewone SVG met "
                       "alleen vormen.")
    if name == "metadata":
        return None
    if name in ACTIVE:
        tip = (" Tip: exporteer met 'presentatieattributen' in plaats van CSS."
               if name == "style" else "")
        raise LogoFout(f"Het logo bevat {ACTIVE[name]} (<{name}>). Een logo mag alleen vormen "
                       f"bevatten; sla het op zonder dit onderdeel.{tip}")
    if name not in SHAPES:
        raise LogoFout(f"Het logo bevat <{name}>, dat meldwijzer niet overneemt. Gebruik "
                       "alleen vormen (path, rect, circle, polygon, ...), groepen, verlopen "
                       "en tekst, of gebruik een PNG.")
    clean = Element(f"{{{SVG}}}{name}", _attributes(element, name))
    clean.text = element.text if name in {"text", "tspan", "title", "desc"} else None
    for child in element:
        if not isinstance(child.tag, str):
            continue  # comments and processing instructions
        rebuilt = _rebuild(child, depth + 1)
        if rebuilt is not None:
            rebuilt.tail = child.tail if name in {"text", "tspan"} else None
            clean.append(rebuilt)
    return clean


def _attributes(element: Element, tag: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for raw_name, value in element.attrib.items():
        namespace, name = _local(raw_name)
        if name.lower().startswith("on"):
            raise LogoFout(f"Het logo heeft een script bij een gebeurtenis ({name} op "
                           f"<{tag}>). Verwijder dat attribuut.")
        if name == "href" and namespace in ("", XLINK):
            if not _LOCAL_HREF.fullmatch(value.strip()) or tag not in REFERRING:
                raise LogoFout(f'Het logo verwijst naar een ander bestand of adres ("{value}" '
                               f"op <{tag}>). Een logo mag alleen naar zijn eigen vormen "
                               "verwijzen (#naam).")
            out[f"{{{XLINK}}}href" if namespace else "href"] = value.strip()
            continue
        if namespace or name not in ATTRIBUTES:
            continue  # editor bookkeeping (inkscape:label, data-name, xml:space, ...)
        if name == "style":
            style = _style(value, tag)
            if style:
                out["style"] = style
            continue
        out[name] = _value(name, value, tag)
    return out


def _value(name: str, value: str, tag: str) -> str:
    text = " ".join(value.split())
    if "url(" in text.lower():
        if name not in PAINT or not _PAINT_URL.fullmatch(text):
            raise LogoFout(f'Het logo verwijst naar een ander bestand of adres ({name}="{text}" '
                           f"op <{tag}>). Alleen verwijzingen naar eigen verlopen en maskers "
                           "(url(#naam)) zijn toegestaan.")
        return text
    if not _SAFE_VALUE.fullmatch(text) or re.search(r"(?i)javascript|expression|data:", text):
        raise LogoFout(f'Het logo heeft een vreemde waarde in {name}="{text}" op <{tag}>. '
                       "Sla het logo opnieuw op als gewone SVG.")
    return text


def _style(value: str, tag: str) -> str:
    """A style attribute, kept only for paint and geometry properties with plain values."""
    if re.search(r"(?i)url\(|@import|expression|\\|javascript", value):
        raise LogoFout(f'Het logo heeft een style met een verwijzing of code (op <{tag}>: '
                       f'"{" ".join(value.split())[:80]}"). Exporteer het logo met '
                       "'presentatieattributen' in plaats van CSS.")
    kept = []
    for declaration in value.split(";"):
        prop, _, raw = declaration.partition(":")
        prop = prop.strip().lower()
        if prop in STYLE_PROPERTIES and raw.strip():
            kept.append(f"{prop}:{_value(prop, raw, tag)}")
    return ";".join(kept)
