"""The hostile corpus (tests/hostile_cases, see its README): each case is applied to the small
test region, then `meldwijzer check` and `mkdocs build --strict` must give the expected
outcome, within a time limit, without a traceback."""

from __future__ import annotations

import io
import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from PIL import Image

from helpers import EPOCH, FIXTURES, PYTHONPATH, copy_project, run_mkdocs
from meldwijzer.audit import normalise

CASES = sorted((Path(__file__).parent / "hostile_cases").glob("*.yml"))
TIME_LIMIT = 120


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data)))


def _png_header(width: int, height: int, rows: bytes) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", rows)
            + _png_chunk(b"IEND", b""))


def _png_bomb(width: int, height: int) -> bytes:
    """A valid PNG of ``width`` x ``height`` black pixels, compressed row by row."""
    packer = zlib.compressobj(9)
    row = b"\x00" * (1 + 3 * width)
    rows = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    return _png_header(width, height, rows)


def _hidden_colours(width: int, height: int) -> bytes:
    """Left half fully transparent, but its pixels carry bright red."""
    image = Image.new("RGBA", (width, height), (0, 0, 255, 255))
    image.paste((255, 0, 0, 0), (0, 0, width // 2, height))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _with_metadata(kind: str, width: int, height: int) -> bytes:
    """A real photo as a phone writes it: EXIF with a GPS position and a maker's name,
    XMP, a comment (JPEG) or text chunks (PNG)."""
    from PIL import PngImagePlugin

    exif = Image.Exif()
    exif[0x013B] = "GIFMAKER"
    exif.get_ifd(0x8825).update({1: "N", 2: (52.0, 13.0, 30.0), 3: "E", 4: (5.0, 10.0, 20.0)})
    image = Image.new("RGB", (width, height), (30, 90, 160))
    out = io.BytesIO()
    if kind == "jpeg-gps":
        image.save(out, "JPEG", exif=exif.tobytes(), xmp=b"<x:xmpmeta>GIFXMP</x:xmpmeta>",
                   comment=b"GIFCOMMENT")
    else:
        info = PngImagePlugin.PngInfo()
        info.add_text("Author", "GIFMAKER")
        image.save(out, "PNG", pnginfo=info)
    return out.getvalue()


def _picture(spec: dict[str, Any]) -> bytes:
    kind, width, height = spec["soort"], int(spec["breed"]), int(spec["hoog"])
    if kind in ("jpeg-gps", "png-tekst"):
        return _with_metadata(kind, width, height)
    if kind == "png-kop":
        return _png_header(width, height, zlib.compress(b"\x00" * 16))
    if kind == "png-bom":
        return _png_bomb(width, height)
    if kind == "png-verborgen":
        return _hidden_colours(width, height)
    out = io.BytesIO()
    Image.new("RGB", (width, height), (30, 90, 160)).save(
        out, "JPEG" if kind == "jpeg" else "PNG")
    data = out.getvalue()
    if spec.get("kapot") == "afgekapt":
        return data[: len(data) // 2]
    if spec.get("kapot") == "crc":
        at = data.index(b"IDAT") + 8
        return data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1:]
    return data


def _apply(project: Path, step: dict[str, Any]) -> None:
    (action, spec), = step.items()
    if action == "fifo":
        (project / spec).parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(project / spec)
        return
    target = project / spec["pad"]
    target.parent.mkdir(parents=True, exist_ok=True)
    if action == "schrijf":
        target.write_text(spec["tekst"], "utf-8")
    elif action == "vervang":
        text = target.read_text("utf-8")
        assert spec["oud"] in text, (spec["oud"], target)
        target.write_text(text.replace(spec["oud"], spec["nieuw"], 1), "utf-8")
    elif action == "symlink":
        if "bewaar" in spec:
            target.rename(target.with_name(spec["bewaar"]))
        elif target.exists():
            target.unlink()
        target.symlink_to(spec["naar"])
    elif action == "afbeelding":
        target.write_bytes(_picture(spec))
    elif action == "cache":
        _plant(project, spec)
    else:
        raise AssertionError(f"unknown step {action}")


POISON_SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" onload="GIFQR()"><script>GIFQR()'
               b"</script></svg>")


def _plant(project: Path, spec: dict[str, Any]) -> None:
    """An attacker's file where the build's cache keeps (or kept) an entry: for the photo
    ``foto`` of story ``verhaal`` (``gif``: metadata, html, andere-foto), or the QR code
    of ``url`` at the key an earlier version used."""
    from meldwijzer import fotos
    from meldwijzer.cache import FOLDER, Cache

    cache = Cache(project / FOLDER)
    if spec["pad"] == "qr":
        import segno

        path = cache.path("qr", f"{spec['url']}\0m\0{3}\0{segno.__version__}".encode())
        entry = POISON_SVG
    else:
        data = (project / spec["pad"]).read_bytes()
        stem = f"campagne/fotos/{spec['verhaal']}"
        path = cache.path("foto", fotos.cache_key(data, stem))
        photo = fotos._web_photo(data, stem)
        files = {}
        for name, width in photo.sizes:
            original = photo.files[name]
            with Image.open(io.BytesIO(original)) as image:
                height = image.height
            if spec["gif"] == "metadata":
                files[name] = _with_metadata("jpeg-gps", width, height)
            elif spec["gif"] == "html":
                files[name] = original + b"<script>GIFQR()</script>GIFHTML"
            else:
                out = io.BytesIO()
                Image.new("RGB", (width, height), (255, 255, 0)).save(out, "JPEG")
                files[name] = out.getvalue()
        entry = fotos._pack(fotos.WebPhoto(files, photo.sizes, photo.width, photo.height))
    assert path is not None
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(entry)


def _project(case: dict[str, Any], dest: Path) -> Path:
    bases = case.get("basis", ["klein"])
    project = copy_project(FIXTURES / bases[0], dest)
    for extra in bases[1:]:
        for item in (FIXTURES / extra).iterdir():
            subprocess.run(["cp", "-r", str(item), str(project)], check=True)
    for step in case.get("stappen", []):
        _apply(project, step)
    return project


# Runs `meldwijzer check` and, at its exit, writes the process's own memory high-water mark
# (VmHWM of its address space since exec). ru_maxrss of a child is no use here: Linux starts it
# at the test process's own peak (fork/vfork share the parent's address space until exec).
_PEAK = """
import atexit, os, re, runpy, sys
def _peak():
    text = open("/proc/self/status").read()
    open(os.environ["MW_PEAK_FILE"], "w").write(re.search(r"VmHWM:\\s+(\\d+)", text).group(1))
atexit.register(_peak)
sys.argv = ["meldwijzer", *sys.argv[1:]]
runpy.run_module("meldwijzer.cli", run_name="__main__")
"""


def _check(project: Path) -> tuple[int, str, float]:
    """Exit code, output and peak memory (MB) of `meldwijzer check` (its own peak)."""
    peak_file = project.parent / "peak.txt"
    env = {**os.environ, "PYTHONPATH": PYTHONPATH, "SOURCE_DATE_EPOCH": EPOCH,
           "MELDWIJZER_PROFIEL": "publiek", "MW_PEAK_FILE": str(peak_file)}
    result = subprocess.run([sys.executable, "-c", _PEAK, "--map", str(project), "check"],
                            capture_output=True, text=True, env=env, timeout=TIME_LIMIT,
                            check=False)
    peak_kb = int(peak_file.read_text("utf-8")) if peak_file.is_file() else 0
    assert peak_kb > 10_000, "the peak memory was not measured"
    return result.returncode, result.stdout + result.stderr, peak_kb / 1024


@pytest.mark.parametrize("file", CASES, ids=[c.stem for c in CASES])
def test_hostile_case(file: Path, tmp_path: Path) -> None:
    case = yaml.safe_load(file.read_text("utf-8"))
    expected = case["verwacht"]
    project = _project(case, tmp_path / "project")
    code, report, peak_mb = _check(project)
    build = run_mkdocs(project, tmp_path / "site")
    for name, output in (("check", report), ("build", build.log)):
        assert "Traceback" not in output, (name, output)
        if expected.get("geen_escape"):
            assert "\x1b" not in output and "\r" not in output, (name, output)
    assert (code == 0) == (expected["check"] == "in-orde"), report
    assert (build.returncode == 0) == (expected["build"] == "in-orde"), build.log
    if "melding" in expected:
        pattern = expected["melding"]
        assert __import__("re").search(pattern, report) or expected["check"] == "in-orde", \
            (pattern, report)
        assert __import__("re").search(pattern, build.log), (pattern, build.log)
    if "max_geheugen_mb" in expected:
        assert peak_mb < expected["max_geheugen_mb"], peak_mb
    if build.returncode != 0:
        assert not build.site.exists() or not any(build.site.iterdir())
        return
    files = [p for p in build.site.rglob("*") if p.is_file()]
    for text in expected.get("niet_in_site", []):
        for page in files:
            content = page.read_bytes().decode("utf-8", "replace")
            assert normalise(text) not in normalise(content), (text, page)
    if "geen_element" in expected:
        for page in (p for p in files if p.suffix == ".html"):
            soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
            found = soup.select(expected["geen_element"])
            assert not found, (page, found[:2])
    if "foto_uit_bron" in expected:  # the published size is the one made from the source
        from meldwijzer import fotos

        published = expected["foto_uit_bron"]["site"]
        stem = published.rsplit("-", 1)[0]
        made = fotos._web_photo((project / expected["foto_uit_bron"]["bron"]).read_bytes(), stem)
        assert (build.site / published).read_bytes() == made.files[published]
    if "wit_in_foto" in expected:
        with Image.open(build.site / expected["wit_in_foto"]) as photo:
            left = photo.convert("RGB").getpixel((10, photo.height // 2))
            right = photo.convert("RGB").getpixel((photo.width - 10, photo.height // 2))
        assert min(left) > 235, left  # white, not the hidden red
        assert right[2] > 200 and right[0] < 60, right  # the visible blue stays
