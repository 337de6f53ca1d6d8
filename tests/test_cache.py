"""A cache may only make a build faster. Whoever can write `.cache/` (a merge-request
pipeline that shares the cache key) plants QR codes that run script, photos with GPS
positions, HTML after the image or another picture, and an audit memo that calls a leaking
page clean: none of it reaches the site."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort
from PIL import Image, ImageDraw

from helpers import FIXTURES, Build, run_mkdocs
from meldwijzer import fotos
from meldwijzer.audit import audit_site
from meldwijzer.build import Generated, generate
from meldwijzer.cache import Cache
from meldwijzer.site import Options

EVIL_SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" onload="GIFQR(1)"><script>GIFQR(2)'
            b'</script><image href="https://elders.example/x.png"/></svg>')


def _snapshot(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture
def project(klein_project: Path) -> Path:
    config = klein_project / "mkdocs.yml"
    config.write_text("site_url: https://meldwijzer.example.org/\n" + config.read_text("utf-8"),
                      "utf-8")
    shutil.copytree(FIXTURES / "campagne" / "campaign", klein_project / "campaign")
    return klein_project


def _build(project: Path, site: Path, cache: Path | str) -> Build:
    build = run_mkdocs(project, site, env={"MELDWIJZER_CACHE": str(cache)})
    assert build.returncode == 0, build.log
    return build


def _exif_jpeg(size: tuple[int, int]) -> bytes:
    image = Image.new("RGB", size, (30, 90, 160))
    exif = Image.Exif()
    exif[0x013B] = "Fotograaf Gifpil"  # Artist
    exif.get_ifd(0x8825).update({1: "N", 2: (52.0, 13.0, 30.0), 3: "E", 4: (5.0, 10.0, 20.0)})
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes(), comment=b"GPSGIF")
    return out.getvalue()


def _poisoned(entry: bytes, how: str) -> bytes:
    photo = fotos._unpack(entry)
    files = {}
    for name, width in photo.sizes:
        data = photo.files[name]
        height = Image.open(io.BytesIO(data)).height
        if how == "metadata":
            data = _exif_jpeg((width, height))
        elif how == "html-erachter":
            data += b"<html><script>GIFQR(3)</script>GIFHTML</html>"
        elif how == "andere-foto":
            image = Image.new("RGB", (width, height), (250, 250, 0))
            ImageDraw.Draw(image).text((10, 10), "GIFTEKST", fill=(0, 0, 0))
            out = io.BytesIO()
            image.save(out, "JPEG")
            data = out.getvalue()
        files[name] = data
    if how == "andere-maten":
        return fotos._pack(fotos.WebPhoto(files, photo.sizes[:1], 100, 100))
    return fotos._pack(fotos.WebPhoto(files, photo.sizes, photo.width, photo.height))


@pytest.mark.parametrize("how", ["metadata", "html-erachter", "andere-foto", "andere-maten",
                                 "kapot"])
def test_planted_cache_files_never_reach_the_site(project: Path, tmp_path: Path,
                                                  how: str) -> None:
    cache = tmp_path / "cache"
    clean = _build(project, tmp_path / "zonder", "uit")
    _build(project, tmp_path / "koud", cache)
    entries = [p for p in cache.rglob("*") if p.is_file()]
    assert entries, "the cold build stored nothing"
    photos = 0
    for entry in entries:  # whatever a build stored, replaced by the attacker's version
        data = entry.read_bytes()
        if b"<svg" in data:
            entry.write_bytes(EVIL_SVG)
        elif entry.parent.parent.name == "foto":
            photos += 1
            entry.write_bytes(data[:40] if how == "kapot" else _poisoned(data, how))
    assert photos
    # A QR code planted where an earlier version of meldwijzer cached them.
    for url in ("https://meldwijzer.example.org/gemeenten/oosterdorp/",
                "https://meldwijzer.example.org/gemeenten/westerdorp/"):
        path = Cache(cache).path("qr", f"{url}\0m\0{3}\0{__import__('segno').__version__}"
                                 .encode())
        assert path is not None
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(EVIL_SVG)
    warm = _build(project, tmp_path / "warm", cache)
    assert _snapshot(warm.site) == _snapshot(clean.site)
    for file in warm.files():
        data = file.read_bytes()
        for marker in (b"GIFQR", b"GPSGIF", b"Gifpil", b"GIFHTML", b"GIFTEKST"):
            assert marker not in data, (file, marker)
    # The refused entries were made again: the next build finds them sound.
    again = _build(project, tmp_path / "weer", cache)
    assert _snapshot(again.site) == _snapshot(clean.site)


def test_a_sound_cache_entry_is_used(tmp_path: Path) -> None:
    """The check accepts what the build stored (else the cache would only cost time)."""
    data = (FIXTURES / "campagne" / "campaign" / "fotos" / "test.jpg").read_bytes()
    entry = fotos._pack(fotos._web_photo(data, "campagne/fotos/x"))
    assert fotos.cached_photo_is_sound(entry, data, "campagne/fotos/x")
    assert not fotos.cached_photo_is_sound(entry, data, "campagne/fotos/y")
    made = []
    cache = Cache(tmp_path)
    key = fotos.cache_key(data, "campagne/fotos/x")
    for _ in range(2):
        cache.get("foto", key, lambda: made.append(1) or entry,
                  verify=lambda e: fotos.cached_photo_is_sound(e, data, "campagne/fotos/x"))
    assert made == [1] and cache.hits == 1 and cache.rejected == 0


@pytest.mark.parametrize("change", ["vlak", "regel-tekst", "lichter", "andere-foto"])
def test_a_changed_picture_is_refused(change: str) -> None:
    """The pixel comparison (``fotos.TOLERANCE``) on a real photo: a small mark, a line of
    small text, the whole photo brighter, or another photo; re-saving alone passes."""
    root = Path(__file__).parents[1] / "campaign" / "fotos"
    data = (root / "raam.jpg").read_bytes()
    photo = fotos._web_photo(data, "x")
    files = {}
    for name, _ in photo.sizes:
        image = Image.open(io.BytesIO(photo.files[name])).convert("RGB")
        draw = ImageDraw.Draw(image)
        w, h = image.size
        if change == "vlak":
            draw.rectangle((w // 3, h // 3, w // 3 + w // 40, h // 3 + w // 40), fill="white")
        elif change == "regel-tekst":
            draw.text((w // 4, h // 2), "www.oplichter.example", fill="white",
                      font_size=max(8, w // 60))
        elif change == "lichter":
            image = Image.eval(image, lambda v: min(255, v + 30))
        else:
            image = Image.open(root / "kassen.jpg").convert("RGB").resize((w, h))
        out = io.BytesIO()
        image.save(out, "JPEG", quality=fotos.QUALITY)
        files[name] = out.getvalue()
    changed = fotos._pack(fotos.WebPhoto(files, photo.sizes, photo.width, photo.height))
    assert not fotos.cached_photo_is_sound(changed, data, "x")
    resaved = {}
    for name, _ in photo.sizes:
        out = io.BytesIO()
        Image.open(io.BytesIO(photo.files[name])).save(out, "JPEG", quality=fotos.QUALITY)
        resaved[name] = out.getvalue()
    assert fotos.cached_photo_is_sound(
        fotos._pack(fotos.WebPhoto(resaved, photo.sizes, photo.width, photo.height)), data, "x")


def test_a_planted_audit_memo_does_not_let_a_leak_through(
        site_copy: Path, klein_site: Build, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever the audit might keep in the cache between builds, an attacker who knows
    the data (it is in the repository) can write: every file the cache holds is rewritten
    to call the leaking page clean, and the audit must still find the leak."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("MELDWIJZER_CACHE", str(cache))
    generated: Generated = generate(klein_site.project, Options())
    audit_site(site_copy, generated)  # a clean build: whatever it remembers, it stores now
    page = site_copy / "gemeenten" / "oosterdorp.html"
    page.write_text(page.read_text("utf-8") + "<p>Bel 06 11223344</p>", "utf-8")
    digest = hashlib.sha256(page.read_bytes()).hexdigest()
    planted = {"gemeenten/oosterdorp.html": digest}
    for file in [p for p in cache.rglob("*") if p.is_file()]:
        try:
            memo = json.loads(file.read_text("utf-8"))
        except (UnicodeDecodeError, ValueError):
            continue
        if isinstance(memo, dict):
            file.write_text(json.dumps({**memo, **planted}), "utf-8")
    (cache / "audit").mkdir(parents=True, exist_ok=True)
    (cache / "audit" / "geplant.json").write_text(json.dumps(planted), "utf-8")
    with pytest.raises(Abort, match=r"gemeenten/oosterdorp\.html: bevat de interne waarde"):
        audit_site(site_copy, generated)
