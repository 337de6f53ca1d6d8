"""Decap CMS's bundle for the browser editor: which files, where they come from, and that
they are byte for byte the pinned package.

The bundle (about 6 MB, MIT licence) is published from the site itself: no CDN, no request
to another host before the editor logs in at the Git host. It comes from
``node_modules/decap-cms`` (``npm ci``) or from ``meldwijzer beheer-ophalen``, which fetches
the same pinned tarball from the npm registry and checks its integrity. Either way every
file is checked against the sha256 digests shipped with meldwijzer before it is published;
a changed file keeps the editor off the site.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import re
import tarfile
import urllib.request
from importlib import resources
from pathlib import Path
from typing import Any

from .beheer_instellingen import BeheerFout

DECAP_VERSION = "3.16.3"
DECAP_INTEGRITY = ("sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKza"
                   "v6+z0oIpwUYhUJDYtYw==")
DECAP_TARBALL = f"https://registry.npmjs.org/decap-cms/-/decap-cms-{DECAP_VERSION}.tgz"
FOLDER = "beheer"
BUNDLE = f"{FOLDER}/decap"
_BUNDLE_FILE = re.compile(
    r"^(?:\d+\.)?decap-cms\.js$|^[0-9a-f]+\.wasm$|^decap-cms\.js\.LICENSE\.txt$")
MAX_BUNDLE_BYTES = 64 * 1024 * 1024


def bundle_folder(root: Path) -> Path | None:
    """Where Decap's files are, byte for byte the pinned package: the cache of
    ``beheer-ophalen`` or the project's npm folder. None when neither is."""
    return find_bundle(root)[0]


def find_bundle(root: Path) -> tuple[Path | None, str | None]:
    """(the bundle's folder, None) or (None, why a bundle that is there is not used)."""
    problem = None
    cached = _cache_folder(root)
    if (cached / "decap-cms.js").is_file():
        problem = bundle_problem(cached)
        if problem is None:
            return cached, None
    npm = root / "node_modules" / "decap-cms" / "dist"
    if (npm / "decap-cms.js").is_file():
        npm_problem = bundle_problem(npm)
        if npm_problem is None:
            return npm, None
        problem = problem or npm_problem
    return None, problem


def pinned_digests() -> dict[str, str]:
    """The sha256 of every file the site publishes from the pinned Decap package, shipped
    with meldwijzer (taken from the package whose npm integrity is DECAP_INTEGRITY)."""
    pinned = json.loads((resources.files("meldwijzer") / "data" / "decap-cms.sha256.json")
                        .read_text("utf-8"))
    if pinned.get("versie") != DECAP_VERSION:
        raise BeheerFout(f"decap-cms.sha256.json hoort bij {pinned.get('versie')}, niet bij "
                         f"{DECAP_VERSION}.")
    files: dict[str, str] = pinned["bestanden"]
    return files


def bundle_problem(folder: Path) -> str | None:
    """Why the files in ``folder`` are not the pinned package (None: they are)."""
    for name, digest in pinned_digests().items():
        try:
            actual = hashlib.sha256((folder / name).read_bytes()).hexdigest()
        except OSError:
            return f"{folder}/{name} ontbreekt"
        if actual != digest:
            return f"{folder}/{name} wijkt af van het vastgezette pakket"
    return None


def _cache_folder(root: Path) -> Path:
    base = os.environ.get("MELDWIJZER_DECAP")
    return Path(base) if base else root / ".cache" / f"decap-cms-{DECAP_VERSION}"


def bundle_files(folder: Path) -> list[str]:
    """The file names of the bundle that the site publishes (no source maps)."""
    return sorted(pinned_digests())


def fetch_bundle(root: Path, opener: Any = urllib.request.urlopen) -> Path:
    """Download the pinned Decap tarball from the npm registry, check its integrity and keep
    the files the site publishes in the project's cache."""
    with opener(DECAP_TARBALL, timeout=120) as response:
        data = response.read(MAX_BUNDLE_BYTES + 1)
    if len(data) > MAX_BUNDLE_BYTES:
        raise BeheerFout("Het pakket van Decap CMS is groter dan verwacht; niets opgeslagen.")
    algorithm, _, expected = DECAP_INTEGRITY.partition("-")
    actual = base64.b64encode(hashlib.new(algorithm, data).digest()).decode()
    if actual != expected:
        raise BeheerFout("Het gedownloade pakket van Decap CMS klopt niet met de vastgelegde "
                         "controlesom; niets opgeslagen. Probeer het later opnieuw.")
    target = _cache_folder(root)
    staging = target.with_name(target.name + ".nieuw")
    staging.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        for member in archive.getmembers():
            name = member.name.removeprefix("package/dist/")
            if member.name.startswith("package/dist/") and "/" not in name and \
                    member.isfile() and _BUNDLE_FILE.match(name):
                source = archive.extractfile(member)
                assert source is not None
                (staging / name).write_bytes(source.read())
    if bundle_problem(staging) is not None:
        raise BeheerFout("Het pakket van Decap CMS bevat niet precies de vastgelegde "
                         "bestanden; niets opgeslagen.")
    if target.exists():
        for old in target.iterdir():
            old.unlink()
        target.rmdir()
    staging.rename(target)
    return target
