"""Metadata in photo files: found, and taken out without touching the pixels.

A photo from a phone carries where it was taken (GPS), when, with which camera, and often
who took it (EXIF), descriptions and names (XMP, IPTC), comments, sometimes a second image
after the first. The site never publishes any of it (``fotos`` publishes re-encoded pixels
only, and the audit checks every published image with ``metadata``), but the original file
sits in the region's Git repository, which may be public: a victim's photo must never carry
its GPS position there. So ``meldwijzer check`` refuses a photo under campaign/ that has
metadata (``check_folder``), and ``meldwijzer fotos-opschonen`` takes it out (``strip``).

What stays, because it is needed to show the photo and names nobody: the colour profile
(ICC, JPEG APP2 / PNG iCCP), Adobe's colour transform marker (APP14), JFIF, and the
orientation (kept as an EXIF block holding that one tag, so an upright photo stays
upright). Everything else outside the image data is metadata. Stripping copies the image
data byte for byte: no pixel changes, no loss of quality.
"""

from __future__ import annotations

import os
import struct
import tempfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from . import files
from .errors import ErrorLog

SUFFIXES = {".jpg", ".jpeg", ".png", ".webp"}
ORIENTATION = 0x0112
GPS_IFD = 0x8825
_EXIF = b"Exif\x00\x00"
_XMP = b"http://ns.adobe.com/xap/1.0/\x00"
_PNG = b"\x89PNG\r\n\x1a\n"
# PNG chunks that describe how to show the pixels (the critical ones and colour, gamma,
# transparency, pixel size, animation); every other chunk is text or data about the photo.
_PNG_KEEP = {b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP",
             b"sBIT", b"bKGD", b"pHYs", b"hIST", b"acTL", b"fcTL", b"fdAT"}
_WEBP_KEEP = {b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM", b"ANMF", b"ICCP"}
_WEBP_EXIF_FLAG, _WEBP_XMP_FLAG = 0x08, 0x04


class NotAPhoto(ValueError):
    """The file is not a JPEG, PNG or WebP that can be read."""


@dataclass(frozen=True)
class Found:
    """What a photo carries besides its pixels (Dutch names, for the messages), and its
    orientation (1: upright)."""

    kinds: tuple[str, ...]
    orientation: int = 1


def _found(kinds: list[str], orientation: int) -> Found:
    """Each kind once, the GPS position (the worst) first."""
    unique = dict.fromkeys(kinds)
    return Found(tuple(sorted(unique, key=lambda k: not k.startswith("GPS"))), orientation)


def metadata(data: bytes) -> Found:
    """The metadata in a JPEG, PNG or WebP file; raises ``NotAPhoto``."""
    if data.startswith(b"\xff\xd8"):
        return _jpeg_found(data)
    if data.startswith(_PNG):
        return _png_found(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _webp_found(data)
    raise NotAPhoto("geen JPEG, PNG of WebP")


def strip(data: bytes) -> bytes:
    """The same photo without metadata: the image data copied byte for byte, the
    orientation kept. Raises ``NotAPhoto``."""
    found = metadata(data)
    orientation = _orientation_exif(found.orientation)
    if data.startswith(b"\xff\xd8"):
        return _jpeg_strip(data, orientation)
    if data.startswith(_PNG):
        return _png_strip(data, orientation)
    return _webp_strip(data, orientation)


def _exif_kinds(payload: bytes) -> tuple[list[str], int]:
    """(what the EXIF block holds besides the orientation, the orientation)."""
    exif = Image.Exif()
    try:
        exif.load(payload if payload.startswith(_EXIF) else _EXIF + payload)
        orientation = int(exif.get(ORIENTATION, 1))
        extra = set(exif) - {ORIENTATION}
        thumbnail = bool(exif.get_ifd(0x1))
    except (ValueError, TypeError, KeyError, OSError, struct.error, SyntaxError):
        return ["EXIF (onleesbaar)"], 1
    kinds = []
    if GPS_IFD in extra:
        kinds.append("GPS-positie (EXIF)")
    if extra - {GPS_IFD} or thumbnail:
        kinds.append("EXIF (camera, datum, maker)")
    return kinds, orientation if 1 <= orientation <= 8 else 1


def _orientation_exif(orientation: int) -> bytes | None:
    """An EXIF block with only the orientation (None when the photo is upright)."""
    if orientation == 1:
        return None
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    data = exif.tobytes()
    return data if data.startswith(_EXIF) else _EXIF + data


# --- JPEG -------------------------------------------------------------------------------

def _jpeg_segments(data: bytes) -> Iterator[tuple[int, int, int]]:
    """(marker, start, end) of every marker segment from SOI to EOI (the scan data belongs
    to the SOS segment before it), then (-1, end of EOI, length) when data follows."""
    if not data.startswith(b"\xff\xd8"):
        raise NotAPhoto("geen JPEG")
    yield 0xD8, 0, 2
    pos = 2
    while True:
        if pos + 2 > len(data) or data[pos] != 0xFF:
            raise NotAPhoto("JPEG houdt te vroeg op")
        marker = data[pos + 1]
        if marker == 0xFF:
            pos += 1
            continue
        if marker == 0xD9:
            yield marker, pos, pos + 2
            if pos + 2 < len(data):
                yield -1, pos + 2, len(data)
            return
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            yield marker, pos, pos + 2
            pos += 2
            continue
        if pos + 4 > len(data):
            raise NotAPhoto("JPEG houdt te vroeg op")
        end = pos + 2 + int.from_bytes(data[pos + 2:pos + 4], "big")
        if end > len(data) or end < pos + 4:
            raise NotAPhoto("JPEG houdt te vroeg op")
        if marker == 0xDA:  # the scan runs to the next marker that is not data or RSTn
            scan = end
            while True:
                scan = data.find(b"\xff", scan)
                if scan < 0 or scan + 1 >= len(data):
                    raise NotAPhoto("JPEG houdt te vroeg op")
                following = data[scan + 1]
                if following == 0 or 0xD0 <= following <= 0xD7 or following == 0xFF:
                    scan += 1
                    continue
                break
            end = scan
        yield marker, pos, end
        pos = end


def _payload(data: bytes, start: int) -> bytes:
    length = int.from_bytes(data[start + 2:start + 4], "big")
    return data[start + 4:start + 2 + length]


def _jpeg_kind(marker: int, payload: bytes) -> tuple[list[str], int] | None:
    """What one segment is, when it is metadata (None when it is kept)."""
    if marker == 0xE1 and payload.startswith(_EXIF):
        return _exif_kinds(payload)
    if marker == 0xE1 and payload.startswith(_XMP[:-1]):
        return [XMP_KIND], 1
    if marker == 0xED:
        return ["IPTC (bijschrift, namen, plaats)"], 1
    if marker == 0xFE:
        return ["commentaar"], 1
    if (marker == 0xE0 and payload[:5] in (b"JFIF\x00", b"JFXX\x00")) or \
            (marker == 0xE2 and payload.startswith(b"ICC_PROFILE\x00")) or marker == 0xEE:
        return None
    if 0xE0 <= marker <= 0xEF:
        return [f"overige gegevens (APP{marker - 0xE0})"], 1
    return None


def _jpeg_found(data: bytes) -> Found:
    kinds: list[str] = []
    orientation = 1
    for marker, start, end in _jpeg_segments(data):
        if marker == -1:
            if data[start:end].strip(b"\x00"):
                kinds.append(AFTER_THE_IMAGE)
            continue
        if marker in (0xD8, 0xD9, 0xDA) or 0xD0 <= marker <= 0xD7:
            continue
        kind = _jpeg_kind(marker, _payload(data, start) if end - start >= 4 else b"")
        if kind is not None:
            kinds += kind[0]
            orientation = kind[1] if kind[1] != 1 else orientation
    return _found(kinds, orientation)


def _jpeg_strip(data: bytes, orientation: bytes | None) -> bytes:
    out = [b"\xff\xd8"]
    placed = orientation is None
    for marker, start, end in _jpeg_segments(data):
        if marker in (0xD8, -1):
            continue
        if 0xE0 <= marker <= 0xEF or marker == 0xFE:
            if _jpeg_kind(marker, _payload(data, start)) is not None:
                continue
        elif not placed and orientation is not None:
            out.append(b"\xff\xe1" + (len(orientation) + 2).to_bytes(2, "big") + orientation)
            placed = True
        out.append(data[start:end])
    return b"".join(out)


def plain_jpeg(data: bytes, width: int, height: int) -> bool:
    """Whether ``data`` is a JPEG exactly as the build writes one (Pillow, baseline): SOI,
    JFIF, quantisation and Huffman tables, one baseline frame of ``width`` x ``height``
    in three components, one scan, EOI as the last bytes; nothing else."""
    try:
        segments = list(_jpeg_segments(data))
    except NotAPhoto:
        return False
    markers = [marker for marker, _, _ in segments]
    if markers[:2] != [0xD8, 0xE0] or markers[-1] != 0xD9 or markers.count(0xC0) != 1 or \
            markers.count(0xDA) != 1 or not set(markers) <= {0xD8, 0xE0, 0xDB, 0xC0, 0xC4,
                                                             0xDA, 0xD9}:
        return False
    if not _payload(data, segments[1][1]).startswith(b"JFIF\x00"):
        return False
    frame = _payload(data, segments[markers.index(0xC0)][1])
    return len(frame) == 15 and frame[0] == 8 and frame[5] == 3 and \
        int.from_bytes(frame[1:3], "big") == height and int.from_bytes(frame[3:5], "big") == width


# --- PNG --------------------------------------------------------------------------------

def _png_chunks(data: bytes) -> Iterator[tuple[bytes, int, int]]:
    """(type, start, end) of every chunk up to IEND, then (b"", end, length) when data
    follows."""
    pos = len(_PNG)
    while True:
        if pos + 12 > len(data):
            raise NotAPhoto("PNG houdt te vroeg op")
        length = int.from_bytes(data[pos:pos + 4], "big")
        kind = data[pos + 4:pos + 8]
        end = pos + 12 + length
        if end > len(data):
            raise NotAPhoto("PNG houdt te vroeg op")
        yield kind, pos, end
        if kind == b"IEND":
            if end < len(data):
                yield b"", end, len(data)
            return
        pos = end


AFTER_THE_IMAGE = "gegevens na het einde van de foto"
XMP_KIND = "XMP (beschrijving, namen, plaats)"


def _chunks_found(chunks: Iterable[tuple[bytes, bytes]], exif: bytes, keep: set[bytes],
                  other: Callable[[bytes, bytes], str]) -> Found:
    """What a chunked file (PNG, WebP) carries: ``chunks`` as (type, payload), b"" for
    data after the end; ``exif`` the EXIF chunk's type; ``other`` names any other chunk
    that is not in ``keep``."""
    kinds: list[str] = []
    orientation = 1
    for kind, payload in chunks:
        if kind == b"":
            kinds.append(AFTER_THE_IMAGE)
        elif kind == exif:
            exif_kinds, orientation = _exif_kinds(payload)
            kinds += exif_kinds
        elif kind not in keep:
            kinds.append(other(kind, payload))
    return _found(kinds, orientation)


def _png_found(data: bytes) -> Found:
    def other(kind: bytes, payload: bytes) -> str:
        if kind in (b"tEXt", b"zTXt", b"iTXt"):
            return XMP_KIND if payload.startswith(b"XML:com.adobe.xmp") else \
                f"tekst ({kind.decode()})"
        return "datum (tIME)" if kind == b"tIME" else \
            f"overige gegevens ({kind.decode('latin-1')})"

    return _chunks_found(((kind, data[start + 8:end - 4]) for kind, start, end
                          in _png_chunks(data)), b"eXIf", _PNG_KEEP, other)


def _png_chunk(kind: bytes, payload: bytes) -> bytes:
    return (len(payload).to_bytes(4, "big") + kind + payload
            + zlib.crc32(kind + payload).to_bytes(4, "big"))


def _png_strip(data: bytes, orientation: bytes | None) -> bytes:
    out = [_PNG]
    for kind, start, end in _png_chunks(data):
        if kind in _PNG_KEEP:
            if kind == b"IDAT" and orientation is not None:
                out.append(_png_chunk(b"eXIf", orientation[len(_EXIF):]))
                orientation = None
            out.append(data[start:end])
    return b"".join(out)


# --- WebP -------------------------------------------------------------------------------

def _webp_chunks(data: bytes) -> Iterator[tuple[bytes, int, int]]:
    size = int.from_bytes(data[4:8], "little") + 8
    if size > len(data):
        raise NotAPhoto("WebP houdt te vroeg op")
    pos = 12
    while pos + 8 <= size:
        length = int.from_bytes(data[pos + 4:pos + 8], "little")
        end = pos + 8 + length + (length & 1)
        if end > size:
            raise NotAPhoto("WebP houdt te vroeg op")
        yield data[pos:pos + 4], pos, end
        pos = end
    if size < len(data):
        yield b"", size, len(data)


def _webp_found(data: bytes) -> Found:
    def payload(start: int) -> bytes:
        return data[start + 8:start + 8 + int.from_bytes(data[start + 4:start + 8], "little")]

    return _chunks_found(((kind, payload(start)) for kind, start, _ in _webp_chunks(data)),
                         b"EXIF", _WEBP_KEEP, lambda kind, _: XMP_KIND if kind == b"XMP " else
                         f"overige gegevens ({kind.decode('latin-1').strip()})")


def _webp_strip(data: bytes, orientation: bytes | None) -> bytes:
    chunks = []
    for kind, start, end in _webp_chunks(data):
        if kind not in _WEBP_KEEP:
            continue
        chunk = data[start:end]
        if kind == b"VP8X":
            flags = chunk[8] & ~(_WEBP_XMP_FLAG | _WEBP_EXIF_FLAG)
            if orientation is not None:
                flags |= _WEBP_EXIF_FLAG
            chunk = chunk[:8] + bytes([flags]) + chunk[9:]
        chunks.append(chunk)
    if orientation is not None and any(c[:4] == b"VP8X" for c in chunks):
        payload = orientation[len(_EXIF):]
        chunks.append(b"EXIF" + len(payload).to_bytes(4, "little") + payload
                      + b"\x00" * (len(payload) & 1))
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + len(body).to_bytes(4, "little") + body


# --- the campaign folder ----------------------------------------------------------------

def photos(folder: Path) -> list[Path]:
    """Every photo file below ``folder`` (by its name), sorted."""
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in SUFFIXES
                  and not p.is_symlink() and p.is_file()) if folder.is_dir() else []


FIX = ("Draai 'meldwijzer fotos-opschonen': dat haalt deze gegevens eruit zonder de foto zelf "
       "te veranderen. Zet daarna de opgeschoonde foto in Git.")


def check_folder(root: Path, folder: Path, log: ErrorLog, limit: int) -> None:
    """A Dutch error for every photo below ``folder`` that carries metadata. Photos that
    cannot be read are reported where they are used (``fotos``)."""
    for file in photos(folder):
        try:
            found = metadata(files.read_bytes(file, root, limit))
        except (NotAPhoto, files.FileProblem, OSError):
            continue
        if found.kinds:
            log.add(file, 1, "", f"De foto bevat gegevens over de foto zelf: "
                    f"{', '.join(found.kinds)}. Die kunnen laten zien waar, wanneer en door "
                    "wie de foto is gemaakt, en ze komen in de Git-repository terecht (die "
                    f"openbaar kan zijn). {FIX}")


def clean_folder(root: Path, folder: Path, limit: int) -> Iterator[tuple[Path, Found]]:
    """Strip every photo below ``folder`` that carries metadata, in place (each file
    replaced atomically, its permissions kept); yields what was taken out of which file.
    Raises ``NotAPhoto`` (with the file in ``args``) for a file it cannot read."""
    for file in photos(folder):
        data = files.read_bytes(file, root, limit)
        try:
            found = metadata(data)
            if not found.kinds:
                continue
            cleaned = strip(data)
        except NotAPhoto as exc:
            raise NotAPhoto(file, str(exc)) from exc
        handle, temporary = tempfile.mkstemp(dir=file.parent, prefix=f".{file.name}.")
        with os.fdopen(handle, "wb") as out:
            out.write(cleaned)
        os.chmod(temporary, file.stat().st_mode & 0o7777)
        os.replace(temporary, file)
        yield file, found
