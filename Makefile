# Shortcuts for the README's two commands (which work without make):
#   make serve   = sh scripts/serve   install in .venv, serve the example site
#   make test    = sh scripts/test    install everything the tests need, run every test
.PHONY: serve test build

serve:
	sh scripts/serve

test:
	sh scripts/test

build:
	sh scripts/setup-venv && .venv/bin/python -m mkdocs build --strict
