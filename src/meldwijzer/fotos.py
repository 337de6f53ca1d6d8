"""Photos for the web that protect the people in them.

The original file is never published. Each published size is decoded and encoded again, so
no metadata survives (EXIF with GPS position, camera, names; XMP; ICC comments): only
pixels. Transparent areas are flattened onto white: a "transparent" pixel still carries a
colour, and dropping the alpha channel would show what the editor meant to hide. Sizes are a
few fixed widths, never larger than the original, for a responsive ``srcset``. Encoding is
deterministic, so builds stay reproducible.

Photos are untrusted files: the size in pixels is checked from the header before anything
is decoded (a 290 KB PNG can claim 10000 x 10000 pixels and take gigabytes), JPEGs are
decoded at a reduced scale where that suffices, and a broken file (truncated, bad checksum)
is a Dutch error, found by ``meldwijzer check`` as well as by the build.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import warnings
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

import PIL
from PIL import Image, ImageChops, ImageOps, UnidentifiedImageError

from . import cache, fotometa

WIDTHS = (480, 960, 1440)
QUALITY = 78
MAX_BYTES = 40_000_000
MAX_PIXELS = {"JPEG": 60_000_000, "MPO": 60_000_000, "PNG": 25_000_000, "WEBP": 25_000_000}
MAX_SIDE = 20_000
MAX_RATIO = 10
"""A photo more than ten times as long as it is wide is not a photo for a story."""
"""JPEGs are decoded at a quarter or eighth of their size when large; others in full."""
BACKGROUND = (255, 255, 255)


class PhotoProblem(ValueError):
    """A photo that cannot be published; the message is Dutch and says what to do."""


@dataclass(frozen=True)
class WebPhoto:
    """The published sizes of one photo: ``{path: bytes}`` plus what the HTML needs."""

    files: dict[str, bytes]
    sizes: tuple[tuple[str, int], ...]
    """(path, width) of each published size, smallest first."""
    width: int
    height: int

    @property
    def smallest(self) -> str:
        return self.sizes[0][0]

    @property
    def medium(self) -> str:
        return self.sizes[min(1, len(self.sizes) - 1)][0]


NOT_A_PHOTO = "Dit is geen foto die de site kan tonen. Gebruik een JPEG- of PNG-bestand."
BROKEN = ("De foto is beschadigd of niet helemaal opgeslagen ({reden}). Open hem in een "
          "fotoprogramma, sla hem opnieuw op als JPEG of PNG en probeer het nog eens.")


def cache_key(data: bytes, stem: str) -> bytes:
    """What the published sizes of a photo depend on (the cache's key)."""
    return hashlib.sha256(data).digest() + \
        f"\0{stem}\0{WIDTHS}\0{QUALITY}\0{PIL.__version__}".encode()


def web_photo(data: bytes, stem: str) -> WebPhoto:
    """Resized, metadata-free JPEGs of the photo ``data``, named ``<stem>-<width>.jpg``.

    Cached by content (see ``cache``): a photo that decoded before gives the same files
    without decoding again, once ``cached_photo_is_sound`` accepts them. Raises
    ``PhotoProblem``."""
    packed = cache.current().get("foto", cache_key(data, stem),
                                 lambda: _pack(_web_photo(data, stem)),
                                 verify=lambda entry: cached_photo_is_sound(entry, data, stem))
    return _unpack(packed)


def _pack(photo: WebPhoto) -> bytes:
    header = json.dumps({"sizes": photo.sizes, "width": photo.width, "height": photo.height,
                         "lengths": [len(photo.files[name]) for name, _ in photo.sizes]})
    return header.encode() + b"\n" + b"".join(photo.files[name] for name, _ in photo.sizes)


def _unpack(packed: bytes) -> WebPhoto:
    head, _, body = packed.partition(b"\n")
    meta = json.loads(head)
    files, at = {}, 0
    for (name, _), length in zip(meta["sizes"], meta["lengths"], strict=True):
        files[name] = body[at:at + length]
        at += length
    if at != len(body):
        raise ValueError("trailing bytes")
    return WebPhoto(files=files, sizes=tuple((str(n), int(w)) for n, w in meta["sizes"]),
                    width=int(meta["width"]), height=int(meta["height"]))


@dataclass(frozen=True)
class _Plan:
    """The published sizes of a photo, known from its header alone."""

    sizes: tuple[tuple[str, int, int], ...]
    """(path, width, height) of each size, smallest first."""


def _plan(width: int, height: int, stem: str) -> _Plan:
    """The sizes ``_web_photo`` makes of an upright image of ``width`` x ``height``."""
    widths = [w for w in WIDTHS if w < width] or [width]
    if widths[-1] < width < WIDTHS[-1]:
        widths.append(width)
    return _Plan(tuple((f"{stem}-{w}.jpg", w, max(1, round(height * w / width)))
                       for w in widths))


@lru_cache(maxsize=64)
def _web_photo(data: bytes, stem: str) -> WebPhoto:
    image = _decode(data)
    plan = _plan(image.width, image.height, stem)
    files = {}
    for name, width, height in plan.sizes:
        resized = image.resize((width, height), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        resized.save(out, "JPEG", quality=QUALITY, optimize=True, progressive=False)
        files[name] = out.getvalue()
    _, largest, tallest = plan.sizes[-1]
    return WebPhoto(files=files, sizes=tuple((n, w) for n, w, _ in plan.sizes), width=largest,
                    height=tallest)


@contextmanager
def _opened(data: bytes, want: int = WIDTHS[-1]) -> Iterator[Image.Image]:
    """The photo opened (not decoded) after the checks on its header, a JPEG set to decode
    at the smallest scale that still gives ``want`` pixels across; Dutch errors."""
    if len(data) > MAX_BYTES:
        raise PhotoProblem(f"De foto is groter dan {MAX_BYTES // 1_000_000} MB. Maak hem "
                           "kleiner, bijvoorbeeld 3000 pixels breed.")
    with warnings.catch_warnings():
        # Pillow's own bomb limits are above ours (MAX_PIXELS, checked right after opening).
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as original:
                kind = original.format or ""
                if kind not in MAX_PIXELS:
                    raise PhotoProblem(NOT_A_PHOTO)
                width, height = original.size
                if width * height > MAX_PIXELS[kind] or max(width, height) > MAX_SIDE:
                    raise PhotoProblem(
                        f"De foto is te groot ({width} x {height} pixels). Maak hem kleiner, "
                        "bijvoorbeeld 3000 pixels breed, en sla hem opnieuw op.")
                if min(width, height) < 1 or max(width, height) > MAX_RATIO * min(width, height):
                    raise PhotoProblem(
                        f"De foto heeft een vreemde vorm ({width} x {height} pixels). Gebruik "
                        "een gewone foto, liggend of staand.")
                if kind in ("JPEG", "MPO"):
                    # Decode at 1/2, 1/4 or 1/8 scale when that still gives the largest width.
                    original.draft("RGB", (want, want * height // max(width, 1)))
                yield original
        except PhotoProblem:
            raise
        except UnidentifiedImageError as exc:
            raise PhotoProblem(NOT_A_PHOTO) from exc
        except Image.DecompressionBombError as exc:
            found = re.search(r"\((\d+) pixels\)", str(exc))
            count = f"{int(found.group(1)):,}".replace(",", ".") if found else "te veel"
            raise PhotoProblem(f"De foto is te groot ({count} pixels). Maak hem kleiner, "
                               "bijvoorbeeld 3000 pixels breed, en sla hem opnieuw op.") from exc
        except (OSError, SyntaxError, ValueError, EOFError, zlib.error) as exc:
            raise PhotoProblem(BROKEN.format(reden=_reason(exc))) from exc


def _decode(data: bytes, want: int = WIDTHS[-1]) -> Image.Image:
    """The photo's pixels as RGB (transparency flattened onto white), upright."""
    with _opened(data, want) as original:  # errors while decoding become Dutch there too
        original.load()
        pixels = _flatten(ImageOps.exif_transpose(original))
    # A fresh image from the pixels alone: no info dict, so no comment, EXIF or profile.
    return Image.frombytes("RGB", pixels.size, pixels.tobytes())


PREVIEW_SCALE = 4
"""Cached sizes are compared with the original at a quarter of their width (a JPEG decodes
that fast, straight from its DCT coefficients)."""
TOLERANCE = 28
"""Largest mean difference (0-255, luminance) of any block of 4 x 4 preview pixels (16 x 16
pixels of the published size) between a cached size and the original. Measured on the
example photos: resizing and JPEG compression give at most 19; a swapped photo, a line of
text 1/60 of the width high, a mark 1/40 of the width, or the whole photo 30 levels
brighter give 36 or more in at least one size (tests/test_cache.py)."""


def cached_photo_is_sound(entry: bytes, data: bytes, stem: str) -> bool:
    """Whether a cache entry holds the published sizes of the photo ``data``: exactly the
    sizes and names the build makes, each a plain JPEG as the build writes it (no EXIF, XMP,
    comment or data after the image: ``fotometa.plain_jpeg``), and each showing the same
    picture as the original (compared at ``PREVIEW_SCALE``, within ``TOLERANCE``). A few
    milliseconds per photo, against a few hundred to make the sizes again."""
    try:
        photo = _unpack(entry)
        with _opened(data) as original:
            width, height = original.size
            if original.getexif().get(0x0112, 1) in (5, 6, 7, 8):
                width, height = height, width
        plan = _plan(width, height, stem)
        if photo.sizes != tuple((n, w) for n, w, _ in plan.sizes) or \
                (photo.width, photo.height) != plan.sizes[-1][1:]:
            return False
        for name, size_width, size_height in plan.sizes:
            if not fotometa.plain_jpeg(photo.files[name], size_width, size_height):
                return False
        _, largest, tallest = plan.sizes[-1]
        reference = _decode(data, want=2 * max(largest, tallest) // PREVIEW_SCALE + 1)
        return all(_same_picture(photo.files[name], reference, w, h) for name, w, h in plan.sizes)
    except (PhotoProblem, ValueError, KeyError, TypeError, OSError, SyntaxError, EOFError,
            zlib.error):
        return False


def _same_picture(published: bytes, reference: Image.Image, width: int, height: int) -> bool:
    size = (max(1, width // PREVIEW_SCALE), max(1, height // PREVIEW_SCALE))
    with Image.open(io.BytesIO(published)) as image:
        image.draft("RGB", (2 * size[0], 2 * size[1]))  # twice: no rounding of the scale
        small = image.convert("RGB").resize(size, Image.Resampling.BOX)
    original = reference.resize(size, Image.Resampling.BOX)
    difference = ImageChops.difference(small, original).convert("L")
    blocks = difference.reduce(4) if min(size) >= 4 else difference
    _, high = blocks.getextrema()
    return isinstance(high, (int, float)) and high <= TOLERANCE


def _flatten(image: Image.Image) -> Image.Image:
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info)
    if not has_alpha:
        return image.convert("RGB")
    rgba = image.convert("RGBA")
    background = Image.new("RGBA", rgba.size, (*BACKGROUND, 255))
    return Image.alpha_composite(background, rgba).convert("RGB")


def _reason(exc: BaseException) -> str:
    text = str(exc).lower()
    if "truncated" in text or isinstance(exc, EOFError):
        return "het bestand houdt te vroeg op"
    if "crc" in text or "checksum" in text or "broken" in text:
        return "een controlegetal klopt niet"
    return "het bestand is niet te lezen"
