"""Photo metadata (EXIF with a GPS position, XMP, IPTC, comments, data after the image)
never stays in campaign/ or docs/: `meldwijzer check` and the build refuse it with a Dutch,
located message, `meldwijzer fotos-opschonen` takes it out without changing a pixel, and
no published image carries any."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort
from PIL import Image

from helpers import EPOCH, FIXTURES, Build, run_mkdocs
from meldwijzer import fotometa, fotos
from meldwijzer.audit import audit_site
from meldwijzer.build import generate
from meldwijzer.cli import main
from meldwijzer.site import Options

XMP = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/'
       b'02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" '
       b'dc:creator="XMPMAKER"/></rdf:RDF></x:xmpmeta>')


def _picture(size: tuple[int, int] = (640, 400)) -> Image.Image:
    image = Image.new("RGB", size, (30, 90, 160))
    image.paste((220, 60, 40), (0, 0, size[0] // 3, size[1] // 2))  # so that rotation shows
    return image


def _exif(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[0x013B] = "EXIFMAKER"  # Artist
    exif[0x0110] = "Telefoon X"  # Model
    if orientation != 1:
        exif[0x0112] = orientation
    exif.get_ifd(0x8825).update({1: "N", 2: (52.0, 13.0, 30.0), 3: "E", 4: (5.0, 10.0, 20.0)})
    return exif


def gps_jpeg(orientation: int = 1, extra: bytes = b"") -> bytes:
    """A real JPEG as a phone writes it: EXIF with GPS, artist and camera, XMP, a comment."""
    out = io.BytesIO()
    _picture().save(out, "JPEG", quality=90, exif=_exif(orientation).tobytes(), xmp=XMP,
                    comment=b"COMMENTMAKER")
    return out.getvalue() + extra


def gps_png() -> bytes:
    from PIL import PngImagePlugin
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "PNGMAKER")
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    out = io.BytesIO()
    _picture().save(out, "PNG", pnginfo=info, exif=_exif().tobytes())
    return out.getvalue()


def gps_webp() -> bytes:
    out = io.BytesIO()
    _picture().save(out, "WEBP", quality=90, exif=_exif().tobytes(), xmp=XMP)
    return out.getvalue()


MARKERS = (b"EXIFMAKER", b"XMPMAKER", b"COMMENTMAKER", b"PNGMAKER", b"Telefoon X")


def test_the_test_photos_really_carry_metadata() -> None:
    with Image.open(io.BytesIO(gps_jpeg())) as image:
        assert image.getexif().get_ifd(0x8825)[2] == (52.0, 13.0, 30.0)
    for data in (gps_jpeg(), gps_png(), gps_webp()):
        found = fotometa.metadata(data)
        assert "GPS-positie (EXIF)" in found.kinds, found
        assert any(k.startswith("XMP") for k in found.kinds), found


@pytest.mark.parametrize("make", [gps_jpeg, gps_png, gps_webp,
                                  lambda: gps_jpeg(extra=b"<html>AFTERMAKER</html>")])
def test_stripping_keeps_every_pixel_and_drops_all_metadata(make: object) -> None:
    data = make()  # type: ignore[operator]
    cleaned = fotometa.strip(data)
    assert fotometa.metadata(cleaned).kinds == ()
    for marker in (*MARKERS, b"AFTERMAKER"):
        assert marker not in cleaned, marker
    with Image.open(io.BytesIO(data)) as before, Image.open(io.BytesIO(cleaned)) as after:
        assert before.format == after.format
        assert after.tobytes() == before.tobytes()  # lossless: the image data is copied
        assert not after.getexif().get_ifd(0x8825)
    assert fotometa.strip(cleaned) == cleaned


@pytest.mark.parametrize("orientation", [3, 6, 8])
def test_the_orientation_survives_stripping(orientation: int) -> None:
    data = gps_jpeg(orientation)
    cleaned = fotometa.strip(data)
    assert fotometa.metadata(cleaned) == fotometa.Found((), orientation)
    with Image.open(io.BytesIO(cleaned)) as image:
        assert dict(image.getexif()) == {0x0112: orientation}
    assert fotos._web_photo(cleaned, "x").sizes == fotos._web_photo(data, "x").sizes


def test_published_sizes_of_a_phone_photo_carry_nothing() -> None:
    photo = fotos._web_photo(gps_jpeg(6), "x")
    for name, width in photo.sizes:
        data = photo.files[name]
        assert fotometa.metadata(data) == fotometa.Found(())
        assert fotometa.plain_jpeg(data, width, Image.open(io.BytesIO(data)).height)
        for marker in MARKERS:
            assert marker not in data


def _project(klein_project: Path) -> Path:
    shutil.copytree(FIXTURES / "campagne" / "campaign", klein_project / "campaign")
    return klein_project


def _check(project: Path, monkeypatch: pytest.MonkeyPatch,
           capsys: pytest.CaptureFixture[str], *command: str) -> tuple[int, str]:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.setenv("MELDWIJZER_CACHE", "uit")
    code = main(["--map", str(project), *(command or ("check",))])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_check_and_build_refuse_a_photo_with_metadata_and_the_command_cleans_it(
        klein_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    project = _project(klein_project)
    photo = project / "campaign" / "fotos" / "test.jpg"
    photo.write_bytes(gps_jpeg(6))
    (project / "campaign" / "fotos" / "nog-niet-gebruikt.png").write_bytes(gps_png())
    (project / "docs" / "logo.webp").write_bytes(gps_webp())
    code, report = _check(project, monkeypatch, capsys)
    assert code == 1
    for name in ("campaign/fotos/test.jpg", "campaign/fotos/nog-niet-gebruikt.png",
                 "docs/logo.webp"):
        assert f"{name}:1: De foto bevat gegevens over de foto zelf: GPS-positie (EXIF)" \
            in report, report
    assert "meldwijzer fotos-opschonen" in report
    build = run_mkdocs(project, tmp_path / "site")
    assert build.returncode == 1 and "campaign/fotos/test.jpg:1: De foto bevat" in build.log
    assert "Traceback" not in build.log
    with Image.open(photo) as image:
        pixels = image.tobytes()
    code, report = _check(project, monkeypatch, capsys, "fotos-opschonen")
    assert code == 0, report
    assert "Opgeschoond: campaign/fotos/test.jpg (weg: GPS-positie (EXIF)" in report
    assert "Opgeschoond: docs/logo.webp" in report
    with Image.open(photo) as image:
        assert image.tobytes() == pixels
        assert dict(image.getexif()) == {0x0112: 6}
    code, report = _check(project, monkeypatch, capsys)
    assert code == 0, report
    build = run_mkdocs(project, tmp_path / "site")
    assert build.returncode == 0, build.log
    for file in build.files():
        data = file.read_bytes()
        for marker in MARKERS:
            assert marker not in data, (file, marker)


def test_a_photo_that_cannot_be_read_stops_the_command(
        klein_project: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    project = _project(klein_project)
    (project / "campaign" / "fotos" / "kapot.jpg").write_bytes(gps_jpeg()[:300])
    code, report = _check(project, monkeypatch, capsys, "fotos-opschonen")
    assert code == 1 and "campaign/fotos/kapot.jpg: deze foto is niet te lezen" in report


@pytest.mark.parametrize(("name", "make"), [("campagne/fotos/x-480.jpg", gps_jpeg),
                                            ("assets/images/x.png", gps_png),
                                            ("x.webp", gps_webp)])
def test_the_audit_refuses_a_published_image_with_metadata(
        site_copy: Path, klein_site: Build, name: str, make: object) -> None:
    target = site_copy / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(make())  # type: ignore[operator]
    with pytest.raises(Abort, match=rf"{name}: bevat gegevens over de foto \(GPS-positie"):
        audit_site(site_copy, generate(klein_site.project, Options()))
