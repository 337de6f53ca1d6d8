"""Make the abstract example photos for the example stories (no real people, no faces).

They carry fake metadata on purpose (camera, author, GPS position), so the tests can prove
that the published photos carry none. Run from the project folder:

    python campaign/tools/maak_voorbeeldfotos.py
"""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

HERE = Path(__file__).resolve().parents[1] / "fotos"
PHOTOS = {
    "kassen": ((34, 94, 60), (196, 214, 160)),
    "pakketjes": ((40, 40, 70), (230, 160, 60)),
    "raam": ((70, 30, 60), (240, 190, 200)),
    "werkplaats": ((60, 60, 60), (200, 200, 180)),
    "schuld": ((20, 50, 90), (150, 180, 220)),
}


def make(name: str, dark: tuple[int, int, int], light: tuple[int, int, int]) -> Image.Image:
    rng = random.Random(name)
    width, height = 1600, 1067
    image = Image.new("RGB", (width, height), dark)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / height
        draw.line([(0, y), (width, y)], fill=tuple(int(d + (c - d) * t)
                                                   for d, c in zip(dark, light, strict=True)))
    for _ in range(14):
        x, y = rng.randrange(width), rng.randrange(height)
        r = rng.randrange(40, 260)
        shade = tuple(min(255, c + rng.randrange(-40, 60)) for c in light)
        draw.ellipse([x - r, y - r, x + r, y + r], outline=shade, width=rng.randrange(4, 18))
    for i in range(9):
        x = 120 + i * 170
        draw.line([(x, 0), (x, height)], fill=dark, width=10)
    return image.filter(ImageFilter.GaussianBlur(2))


def fake_metadata() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "VoorbeeldCamera"          # Make
    exif[0x0110] = "Model X"                  # Model
    exif[0x013B] = "Voorbeeld Fotograaf"      # Artist
    exif[0x8825] = {1: "N", 2: (52.0, 13.0, 30.0), 3: "E", 4: (5.0, 10.0, 20.0)}  # GPS
    return exif.tobytes()


if __name__ == "__main__":
    HERE.mkdir(exist_ok=True)
    for name, (dark, light) in PHOTOS.items():
        make(name, dark, light).save(HERE / f"{name}.jpg", "JPEG", quality=85,
                                     exif=fake_metadata(), comment=b"Voorbeeld Fotograaf")
        print(HERE / f"{name}.jpg")
