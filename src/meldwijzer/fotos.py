"""Photos for the web that protect the people in them.

The original file is never published. Each published size is decoded and encoded again, so
no metadata survives (EXIF with GPS position, camera, names; XMP; ICC comments): only
pixels. Sizes are a few fixed widths, never larger than the original, for a responsive
``srcset``. Encoding is deterministic, so builds stay reproducible.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageOps

WIDTHS = (480, 960, 1440)
QUALITY = 78


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


def web_photo(source: Path, stem: str) -> WebPhoto:
    """Resized, metadata-free JPEGs of ``source`` named ``<stem>-<width>.jpg``."""
    return _web_photo(source, source.stat().st_mtime_ns, source.stat().st_size, stem)


@lru_cache(maxsize=256)
def _web_photo(source: Path, mtime: int, size: int, stem: str) -> WebPhoto:
    with Image.open(source) as original:
        upright = ImageOps.exif_transpose(original).convert("RGB")
    # A fresh image from the pixels alone: no info dict, so no comment, EXIF or profile.
    image = Image.frombytes("RGB", upright.size, upright.tobytes())
    widths = [w for w in WIDTHS if w < image.width] or [image.width]
    if image.width > widths[-1] and image.width < WIDTHS[-1]:
        widths.append(image.width)
    files = {}
    sizes = []
    for width in widths:
        height = round(image.height * width / image.width)
        resized = image.resize((width, height), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        resized.save(out, "JPEG", quality=QUALITY, optimize=True, progressive=False)
        files[f"{stem}-{width}.jpg"] = out.getvalue()
        sizes.append((f"{stem}-{width}.jpg", width))
    largest = widths[-1]
    return WebPhoto(files=files, sizes=tuple(sizes), width=largest,
                    height=round(image.height * largest / image.width))
