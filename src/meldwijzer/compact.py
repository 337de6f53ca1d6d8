"""Pages without the theme's indentation.

Material's templates indent every line; on a routekaart that is about 5 kB of spaces a phone
downloads and parses for nothing. Between two tags, a run of white space with a line break
becomes one line break: the browser treats both as one space, so nothing moves. The inside
of ``pre``, ``textarea``, ``script`` and ``style`` stays exactly as written.
"""

from __future__ import annotations

import re

_KEEP = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_BETWEEN_TAGS = re.compile(r">[ \t\r\f]*\n\s*<")


def compact_html(page: str) -> str:
    """``page`` with the indentation between tags removed (see the module's docstring)."""
    out: list[str] = []
    position = 0
    for kept in _KEEP.finditer(page):
        out.append(_BETWEEN_TAGS.sub(">\n<", page[position:kept.start()]))
        out.append(kept.group(0))
        position = kept.end()
    out.append(_BETWEEN_TAGS.sub(">\n<", page[position:]))
    return "".join(out)
