"""The pinned packages the browser editor loads: Decap CMS and the YAML library its format
uses. Which files, where they come from, and that they are byte for byte the pinned package.

They are published from the site itself: no CDN, no request to another host before the
editor logs in at the Git host. They come from ``node_modules`` (``npm ci``) or from
``meldwijzer beheer-ophalen``, which fetches the same pinned tarballs from the npm registry
and checks their integrity. Either way every file is checked against the sha256 digests
shipped with meldwijzer (``data/<package>.sha256.json``) before it is published; a missing
or changed file keeps the editor off the site."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import re
import shutil
import tarfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from .beheer_instellingen import BeheerFout

FOLDER = "beheer"
MAX_BUNDLE_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Pakket:
    """One pinned npm package that the editor's page loads, published from the site."""

    naam: str
    versie: str
    integriteit: str
    """The npm registry's integrity (sha512) of the package's tarball, as in package-lock."""
    bron: str
    """The folder in the package whose files are published ("" for the package itself)."""
    bestand: re.Pattern[str]
    """The published files, as paths below ``bron``."""
    map: str
    """Where the site publishes them."""
    omgeving: str | None = None
    """An environment variable that names another cache folder."""
    controlesommen: tuple[tuple[str, str], ...] | None = None
    """The files' sha256 (for a test); normally read from ``data/<naam>.sha256.json``."""

    @property
    def tarball(self) -> str:
        return f"https://registry.npmjs.org/{self.naam}/-/{self.naam}-{self.versie}.tgz"

    def digests(self) -> dict[str, str]:
        """The sha256 of every file the site publishes, shipped with meldwijzer."""
        if self.controlesommen is not None:
            return dict(self.controlesommen)
        pinned = json.loads((resources.files("meldwijzer") / "data" /
                             f"{self.naam}.sha256.json").read_text("utf-8"))
        if pinned.get("versie") != self.versie:
            raise BeheerFout(f"{self.naam}.sha256.json hoort bij {pinned.get('versie')}, niet "
                             f"bij {self.versie}.")
        files: dict[str, str] = pinned["bestanden"]
        return files

    def problem(self, folder: Path) -> str | None:
        """Why the files in ``folder`` are not the pinned package (None: they are)."""
        for name, digest in self.digests().items():
            try:
                actual = hashlib.sha256((folder / name).read_bytes()).hexdigest()
            except OSError:
                return f"{folder}/{name} ontbreekt"
            if actual != digest:
                return f"{folder}/{name} wijkt af van het vastgezette pakket"
        return None

    def cache(self, root: Path) -> Path:
        base = os.environ.get(self.omgeving) if self.omgeving else None
        return Path(base) if base else root / ".cache" / f"{self.naam}-{self.versie}"

    def find(self, root: Path) -> tuple[Path | None, str | None]:
        """(the package's folder, None) or (None, why a copy that is there is not used)."""
        problem = None
        for folder in (self.cache(root), root / "node_modules" / self.naam / self.bron):
            if folder.is_dir() and any(folder.iterdir()):
                found = self.problem(folder)
                if found is None:
                    return folder, None
                problem = problem or found
        return None, problem

    def fetch(self, root: Path, opener: Any) -> Path:
        """Download the pinned tarball, check its integrity and keep the published files in
        the project's cache; nothing is kept when anything does not match."""
        with opener(self.tarball, timeout=120) as response:
            data = response.read(MAX_BUNDLE_BYTES + 1)
        if len(data) > MAX_BUNDLE_BYTES:
            raise BeheerFout(f"Het pakket {self.naam} is groter dan verwacht; niets opgeslagen.")
        algorithm, _, expected = self.integriteit.partition("-")
        actual = base64.b64encode(hashlib.new(algorithm, data).digest()).decode()
        if actual != expected:
            raise BeheerFout(f"Het gedownloade pakket {self.naam} klopt niet met de vastgelegde "
                             "controlesom; niets opgeslagen. Probeer het later opnieuw.")
        target = self.cache(root)
        staging = target.with_name(target.name + ".nieuw")
        if staging.exists():
            shutil.rmtree(staging)
        prefix = "package/" + (f"{self.bron}/" if self.bron else "")
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
            for member in archive.getmembers():
                name = member.name.removeprefix(prefix)
                if member.name.startswith(prefix) and member.isfile() and \
                        _SAFE_PATH.fullmatch(name) and self.bestand.fullmatch(name):
                    source = archive.extractfile(member)
                    assert source is not None
                    (staging / name).parent.mkdir(parents=True, exist_ok=True)
                    (staging / name).write_bytes(source.read())
        if self.problem(staging) is not None or sorted(_files(staging)) != sorted(self.digests()):
            shutil.rmtree(staging)
            raise BeheerFout(f"Het pakket {self.naam} bevat niet precies de vastgelegde "
                             "bestanden; niets opgeslagen.")
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
        return target


_SAFE_PATH = re.compile(r"[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)*")


def _files(folder: Path) -> list[str]:
    return [p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()]


DECAP = Pakket(
    "decap-cms", "3.16.3",
    "sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6+z0oIpwUYhUJDYtYw==",
    "dist", re.compile(r"(?:\d+\.)?decap-cms\.js|[0-9a-f]+\.wasm|decap-cms\.js\.LICENSE\.txt"),
    f"{FOLDER}/decap", omgeving="MELDWIJZER_DECAP")
"""Decap CMS itself (MIT): the editor's application."""
YAML = Pakket(
    "yaml", "2.8.1",
    "sha512-lcYcMxX2PO9XMGvAJkJ3OsNMw+/7FKes7/hgerGUYWIoWu5j/+YQqcZr5JnPZWzOsEBgMbSbiSTn/dv/69Mkpw==",
    "", re.compile(r"browser/dist/[A-Za-z0-9/_.-]+\.js|LICENSE"), f"{FOLDER}/yaml",
    omgeving="MELDWIJZER_YAML")
"""eemeli/yaml (ISC): reads and writes the data files so that unchanged lines stay as they
are (see assets/beheer/opmaak.js)."""
PAKKETTEN = (DECAP, YAML)

DECAP_VERSION = DECAP.versie
BUNDLE = DECAP.map


def bundle_folder(root: Path) -> Path | None:
    """Where Decap's files are, byte for byte the pinned package: the cache of
    ``beheer-ophalen`` or the project's npm folder. None when neither is."""
    return DECAP.find(root)[0]


def find_bundle(root: Path) -> tuple[Path | None, str | None]:
    """(Decap's folder, None) or (None, why a copy that is there is not used)."""
    return DECAP.find(root)


def pinned_digests() -> dict[str, str]:
    """The sha256 of every file the site publishes from the pinned Decap package."""
    return DECAP.digests()


def bundle_problem(folder: Path) -> str | None:
    """Why the files in ``folder`` are not the pinned Decap package (None: they are)."""
    return DECAP.problem(folder)


def published(root: Path) -> tuple[dict[str, Path], list[str]]:
    """The files of every pinned package to publish ({site path: file}) and, for each
    package that is missing or changed, why. The editor works only when the list is
    empty: then every package is there."""
    files: dict[str, Path] = {}
    problems = []
    for pakket in PAKKETTEN:
        folder, problem = pakket.find(root)
        if folder is None:
            problems.append(problem or f"{pakket.naam} {pakket.versie} ontbreekt")
            continue
        files |= {f"{pakket.map}/{name}": folder / name for name in sorted(pakket.digests())}
    return (files if not problems else {}), problems


def vendored(root: Path) -> dict[str, str]:
    """The pinned packages' files as the site publishes them: {site path: sha256}."""
    files, _ = published(root)
    digests = {f"{p.map}/{name}": digest for p in PAKKETTEN for name, digest in p.digests().items()}
    return {path: digests[path] for path in files}
