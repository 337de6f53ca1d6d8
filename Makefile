# The two commands of the README:
#   make serve   install meldwijzer and serve the example site on http://127.0.0.1:8000
#   make test    install everything the tests need (Python packages, Chromium, axe-core)
#                and run every test, browser tests included
PYTHON ?= python3

.PHONY: install serve build install-test test

install:
	$(PYTHON) -m pip install --quiet -e '.[dev]'

serve: install
	NO_MKDOCS_2_WARNING=1 $(PYTHON) -m mkdocs serve

build: install
	NO_MKDOCS_2_WARNING=1 $(PYTHON) -m mkdocs build --strict

install-test: install
	scripts/install-test-tools

test: install-test
	$(PYTHON) -m pytest
