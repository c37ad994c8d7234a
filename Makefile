# The Edge of Intelligence: every task is one `make` target (see README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
COMPAT := .venv-compat
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1
# Names and dates come from book.project, where each is written once.
PROJECT = $(shell PYTHONPATH=src $(PYTHON) -c 'from book import project; print(project.$(1))')
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || $(call PROJECT,FALLBACK_EPOCH))

OFFLINE_ZIP := build/$(call PROJECT,ZIP_NAME)
EDITIONS_DIR := $(call PROJECT,EDITIONS_DIR)

.PHONY: help setup site-setup serve build editions offline check check-compat format test-fast test test-bench bench clean lock cover new-section translations-check translations-update

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 10

# Set-up: each step runs again only when its lock file changes.
$(BIN)/.installed: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	# The book's own package (src/book: the MkDocs plugin and Markdown extensions), editable, built with the pinned setuptools.
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

# The site's own npm packages (package.json's dependencies: plotly.js, esbuild, the offline search's shim) are
# all that serve and build need; the checkers and test tools (devDependencies) come with the rest.
node_modules/.installed-site: package-lock.json
	npm ci --omit=dev --no-audit --no-fund --loglevel=error
	touch $@

node_modules/.installed: package-lock.json
	# Ace by DAISY's runners would download a browser of their own: the tests run it in Debian's Chromium instead.
	ELECTRON_SKIP_BINARY_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
	touch $@ node_modules/.installed-site

# ProperDocs (the maintained fork of MkDocs 1.x) in an environment of its own, for make check-compat.
$(COMPAT)/bin/.installed: requirements.lock requirements-compat.lock pyproject.toml
	test -x $(COMPAT)/bin/python || $(PYTHON) -m venv $(COMPAT)
	$(COMPAT)/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock -r requirements-compat.lock
	$(COMPAT)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

# The site's plotly.js, made from the locked plotly.js package with only what the charts use.
node_modules/.book/plotly.min.js: node_modules/.installed-site scripts/plotly/bundle.mjs scripts/plotly/entry.js
	node scripts/plotly/bundle.mjs $@

# In this order: a full npm ci starts node_modules afresh, so plotly.js is built after it.
setup: $(BIN)/.installed node_modules/.installed node_modules/.book/plotly.min.js ## Install Python and npm packages from the lock files, build plotly.js
site-setup: $(BIN)/.installed node_modules/.installed-site node_modules/.book/plotly.min.js

# Not strict: a mistake shows in the browser, in place of the page, until it is fixed (the book plugin's error page).
serve: site-setup ## Preview at http://127.0.0.1:8000 (PORT=…), rebuilding on edits; mistakes show in the browser
	SITE_URL=http://127.0.0.1:$(PORT)/ $(BIN)/mkdocs serve --no-strict --dev-addr 127.0.0.1:$(PORT)

offline: site-setup ## Build only the offline edition (a zip in build/)
	$(BIN)/python -m book.commands.offline --zip $(OFFLINE_ZIP)

build: site-setup ## Build the complete site into site/ with the offline zip, the offline edition made at the same time
	$(BIN)/python -m book.commands.build --zip $(OFFLINE_ZIP)

editions: setup ## Build the A5 PDF and EPUB 3 of each language (build/editions/), then the site offering them in site/downloads/
	scripts/install-browser.sh
	$(BIN)/python -m book.commands.editions --out $(EDITIONS_DIR)
	$(BIN)/python -m book.commands.build --zip $(OFFLINE_ZIP)

check: setup ## Fast checks before a pull request (no browser)
	$(BIN)/python -m book.commands.check $(if $(STRICT),--strict)

check-compat: setup $(COMPAT)/bin/.installed ## Build the book with ProperDocs too: its site must be MkDocs' byte for byte
	$(BIN)/python -m tools.compat $(COMPAT)/bin/python

format: setup ## Format the Python code and fix what the linter can (ruff)
	$(BIN)/ruff format src tools tests
	$(BIN)/ruff check --fix src tools tests

# Test files are shared out among the cores (pytest-xdist), a file's tests kept together so its fixtures are built once.
PYTEST_PARALLEL = $(BIN)/python -m pytest -n auto --dist loadfile

test-fast: setup ## The tests without a browser (tests/unit, content, build): run before a pull request
	$(PYTEST_PARALLEL) -m "not browser"

test: setup ## Every test of the book, browser tests included (installs Chromium when root)
	scripts/install-browser.sh
	$(PYTEST_PARALLEL) -m "not alone and not bench"
	$(BIN)/python -m pytest -m alone

test-bench: setup ## The measuring tool's own run, `make bench QUICK=1` end to end (CI runs it after make test)
	scripts/install-browser.sh
	$(BIN)/python -m pytest -m bench

bench: setup ## Measure build, rebuild, page weight and the PDF and EPUB editions beside their budgets
	scripts/install-browser.sh
	$(BIN)/python -m tools.bench $(if $(QUICK),--quick) $(if $(COMPARE),--compare $(COMPARE))

new-section: setup ## Start section N+1 of PART after AFTER=N in both languages: PART=2 AFTER=2-7 TITLE_JA=… TITLE_EN=…
	$(BIN)/python -m book.commands.new_section --part "$(PART)" --after "$(AFTER)" --title-ja "$(TITLE_JA)" --title-en "$(TITLE_EN)"

translations-check: setup ## Translations older than their original (STRICT=1 fails on them)
	$(BIN)/python -m book.commands.translations check $(if $(STRICT),--strict)

translations-update: setup ## Record that PAGE (a translated page, or a folder of them) matches its original again
	$(BIN)/python -m book.commands.translations update $(if $(FROM),--from $(FROM)) $(or $(PAGE),$(error give PAGE=docs/en/… (a page or a folder)))

lock: ## Re-pin every Python dependency after editing pyproject.toml
	$(BIN)/python -m pip install --quiet uv==0.13.8
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11.5 -o requirements.lock

cover: ## Render the link-preview cover from scripts/cover/cover.html (needs Chromium)
	chromium --headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
	  --disable-sync --no-first-run --hide-scrollbars --window-size=1200,630 \
	  --screenshot=overrides/assets/images/cover.png file://$(CURDIR)/scripts/cover/cover.html

clean: ## Remove build output and the chart cache (keeps installed packages)
	rm -rf site build .cache .pytest_cache .hypothesis
