"""One `mkdocs build` in this process, timed from inside: prints JSON with the wall time,
the generator's own time (read + validate + resolve + render, plus the post-build audit)
and the peak memory. Used by run.py; run as: python _build_once.py PROJECT SITE_DIR."""

from __future__ import annotations

import json
import logging
import os
import resource
import sys
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
timings: dict[str, float] = {"generate": 0.0, "audit": 0.0}


def timed(module: object, name: str, key: str) -> None:
    original = getattr(module, name)

    def wrapper(*args: object, **kwargs: object) -> object:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            timings[key] += time.perf_counter() - start

    setattr(module, name, wrapper)


def main(project: Path, site_dir: Path) -> None:
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    try:
        from meldwijzer import mkdocs_adapter
    except ImportError:
        mkdocs_adapter = None  # type: ignore[assignment]
    if mkdocs_adapter is not None:
        timed(mkdocs_adapter, "generate", "generate")
        timed(mkdocs_adapter, "audit_site", "audit")
    start = time.perf_counter()
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir)))
    wall = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"wall": wall, **timings, "peak_mb": peak_mb}))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
