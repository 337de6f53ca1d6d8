"""Our Jinja environment: templates produce Markdown pages; data can never become code.

Safe by construction:

* ``finalize`` escapes every value that a template prints, for HTML *and* for Markdown
  (character references for all punctuation Markdown or its extensions read), unless the
  value was made safe by one of the filters below. Forgetting a filter is therefore harmless.
* ``md`` renders a Markdown field on its own and sanitises the HTML with nh3 (allow-listed
  tags, attributes and link schemes), so the page's Markdown pass sees a finished HTML block.
* ``url`` lets through only https, mailto and tel links, and site-relative paths.

Templates are compiled once per process; the environment is cached.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import markdown
import nh3
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from .keten import ANONYMOUS_NOTE
from .phones import is_anonymous_line, is_emergency, tel_uri
from .safety import markdown_source, url_problem

_ESCAPE = {ch: f"&#{ord(ch)};" for ch in "\\`*_{}[]()#+-.!|~^=:<>&\"'$%@"}
_ESCAPE_TABLE = str.maketrans(_ESCAPE)

ALLOWED_TAGS = {
    "a", "b", "blockquote", "br", "code", "dd", "details", "div", "dl", "dt", "em",
    "h2", "h3", "h4", "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
}
# No ``title`` attributes: Material's tooltips (and other scripts) show a title as HTML, so
# a title from data could run as code on hover. Data gets no attribute a script re-reads.
ALLOWED_ATTRIBUTES = {
    "a": {"href"},
    "details": {"open"},
    "h2": {"id"}, "h3": {"id"}, "h4": {"id"}, "h5": {"id"}, "h6": {"id"},
    "td": {"align"}, "th": {"align"},
    "ol": {"start"},
}
URL_SCHEMES = {"https", "mailto", "tel"}
# Classes from Markdown (admonition and details types) only from this list: a class from data
# could otherwise borrow the theme's (a full-screen consent banner) or our slides' styles.
ADMONITION_TYPES = {
    "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important",
    "success", "check", "done", "question", "help", "faq", "warning", "caution", "attention",
    "failure", "fail", "missing", "danger", "error", "bug", "example", "quote", "cite",
    "trainer",
}
ALLOWED_CLASSES = {
    "div": {"admonition", *ADMONITION_TYPES},
    "details": ADMONITION_TYPES,
    "p": {"admonition-title"},
}
MARKDOWN_EXTENSIONS = ["admonition", "sane_lists", "tables", "pymdownx.details"]

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")


def escape_text(value: Any) -> Markup:
    """Plain text, made inert for both HTML and Markdown."""
    if isinstance(value, Markup):
        return value
    return _escaped(str(value))


@lru_cache(maxsize=65536)
def _escaped(text: str) -> Markup:
    # The same names, titles and numbers appear on many pages: escape each once.
    return Markup(text.translate(_ESCAPE_TABLE))


def _finalize(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    return escape_text(value)


@lru_cache(maxsize=1)
def _markdown() -> markdown.Markdown:
    return markdown.Markdown(extensions=MARKDOWN_EXTENSIONS, output_format="html")


def _attribute(tag: str, name: str, value: str) -> str | None:
    """Drops ``title`` (which nh3 allows on every tag by default, see ALLOWED_ATTRIBUTES) and
    deceptive link targets (credentials, look-alike hosts) that validation reports first."""
    if name == "title" or (name == "href" and url_problem(value)):
        return None
    return value


def sanitize_html(fragment: str) -> str:
    """Keep only allow-listed tags, attributes and link schemes; drop comments and scripts."""
    return str(nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
        attribute_filter=_attribute,
        allowed_classes=ALLOWED_CLASSES,
    ))


@lru_cache(maxsize=8192)
def render_markdown(text: str) -> str:
    """A Markdown field as sanitised HTML, without blank lines (one raw HTML block).

    Raw HTML in data is shown as text (see ``safety.markdown_source``)."""
    converter = _markdown()
    converter.reset()
    rendered = sanitize_html(converter.convert(markdown_source(text)))
    return re.sub(r"\n\s*\n", "\n", rendered).strip()


def md_filter(value: str | None, css: str = "mw-md") -> Markup:
    if not value:
        return Markup("")
    return Markup(f'<div class="{html.escape(css)}">\n{render_markdown(value)}\n</div>')


def is_safe_url(value: str) -> bool:
    """https, mailto and tel links, and paths inside the site; nothing else."""
    parts = urlsplit(value.strip())
    if parts.scheme:
        return parts.scheme.lower() in URL_SCHEMES and value == value.strip()
    return not value.startswith("//") and not re.search(r"[\s\"'<>\\`]", value)


def url_filter(value: str) -> Markup:
    if not is_safe_url(value):
        raise ValueError(f"unsafe URL reached a template: {value!r}")
    return Markup(html.escape(value, quote=True))


def tel_filter(number: str) -> Markup:
    return Markup(html.escape(tel_uri(number), quote=True))


_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def slug_filter(value: str) -> Markup:
    """An id or slug (checked by the models) for a URL path or an HTML id."""
    if not _SLUG.match(value):
        raise ValueError(f"not a slug: {value!r}")
    return Markup(value)


def code_filter(value: Any) -> Markup:
    """A value as inline code. Never put data in a Markdown code span (backticks): Markdown
    shows the character references that make it safe as text there (``regio&#46;yml``).
    Inside raw ``<code>`` HTML the browser decodes them."""
    return Markup("<code>") + escape_text(value) + Markup("</code>")


def breekbaar_filter(url: str) -> Markup:
    """A printed web address that may wrap after a slash, never inside a word."""
    return Markup("/<wbr>").join(escape_text(part) for part in url.split("/"))


_NUMBER_RUN = re.compile(r"\+?\d[\d ()\-/+]*\d")
"""A phone number, or numbers with a slash between them ("033-448 11 86 / +31 33 448 11 86")."""


def _dialable(text: str) -> str | None:
    """The tel: URI of a number in running text: a full number or the emergency number, not
    just any digits (a short code or a year is left as text)."""
    try:
        uri = tel_uri(text)
    except ValueError:
        return None
    return uri if text.startswith(("0", "+")) or is_emergency(text) else None


def help_text_filter(text: str, richting: str = "ltr") -> Markup:
    """The help for victims as text with each phone number a tel: link that does not wrap; in
    a right-to-left language each run of numbers is also isolated left to right, so
    "+31 33 448 11 86" keeps its order whoever wrote the text (with or without the isolates
    the standard texts carry)."""
    out, position = [], 0
    for run in _NUMBER_RUN.finditer(text):
        pieces = []
        for part in re.split(r"( / )", run.group()):
            uri = _dialable(part)
            pieces.append(Markup('<a class="mw-tel mw-tel--tekst" href="{}">').format(uri) +
                          escape_text(part) + Markup("</a>") if uri else escape_text(part))
        joined = Markup("").join(pieces)
        if richting == "rtl":
            joined = Markup('<bdi dir="ltr">') + joined + Markup("</bdi>")
        out += [escape_text(text[position:run.start()]), joined]
        position = run.end()
    out.append(escape_text(text[position:]))
    return Markup("").join(out)


def tijd_filter(value: dt.time) -> str:
    """A time as Dutch readers write it: 13.30."""
    return f"{value.hour}.{value.minute:02d}"


def datum_filter(value: dt.date) -> str:
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("meldwijzer", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(md=md_filter, slug=slug_filter, url=url_filter, tel=tel_filter,
                       datum=datum_filter, t=escape_text, breekbaar=breekbaar_filter,
                       code=code_filter, tijd=tijd_filter, hulptekst=help_text_filter)
    env.tests["anonieme_lijn"] = is_anonymous_line
    env.globals["anoniem_uitleg"] = ANONYMOUS_NOTE
    env.globals["kaart"] = contact_card
    return env


@lru_cache(maxsize=16384)
def contact_card(contact: Any, level: int, anchor: str | None, kort: bool = False) -> Markup:
    """A contact card: the same contact looks the same on every page, so render it once.

    ``kort`` is the card a contact gets when the page showed it in full before: everything
    but the date it was checked (unless that date is stale). When to call stays: it can be
    the advice itself ("Alleen bij acuut gevaar", "Vraag naar Toezicht en handhaving")."""
    card = environment().get_template("_kaart.md.j2").render(contact=contact, level=level,
                                                              anchor=anchor, kort=kort)
    return Markup(card.strip("\n"))


def render(template: str, **context: Any) -> str:
    """Render one page template to Markdown text."""
    return environment().get_template(template).render(**context)
