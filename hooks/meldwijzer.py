"""MkDocs hook: adds meldwijzer's generated pages. All logic lives in the package.

See ``meldwijzer.mkdocs_adapter`` for what each event does and why.
"""

import sys
from pathlib import Path

from mkdocs.plugins import event_priority

# MkDocs puts this folder first on sys.path while loading the hook, where this file would
# shadow the installed ``meldwijzer`` package of the same name.
_here = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _here]

from meldwijzer import mkdocs_adapter  # noqa: E402


def on_startup(command, dirty):
    mkdocs_adapter.startup(command, dirty)


def on_config(config):
    return mkdocs_adapter.configure(config)


def on_files(files, config):
    return mkdocs_adapter.add_files(files, config)


def on_page_markdown(markdown, page, config, files):
    return mkdocs_adapter.page_markdown(markdown, page)


@event_priority(-1000)  # the page as it will be written, after every plugin changed it
def on_post_page(output, page, config):
    return mkdocs_adapter.post_page(output, page, config)


def on_post_template(output_content, template_name, config):
    return mkdocs_adapter.post_template(output_content)


@event_priority(-1000)  # after every plugin has written its files (offline: -100)
def on_post_build(config):
    mkdocs_adapter.post_build(config)


def on_build_error(error):
    mkdocs_adapter.build_error()
