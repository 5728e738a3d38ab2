# Digikind's two everyday commands: `make run` and `make test`.
# Everything they need is installed here, from PyPI, npm and Debian's packages.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DIGIKIND := $(BIN)/digikind
HOST ?= 127.0.0.1:8000

.PHONY: run setup assets messages test bench clean

run: setup
	$(DIGIKIND) migrate --no-input
	$(DIGIKIND) frameworks load
	$(DIGIKIND) load-demo
	$(DIGIKIND) runserver $(HOST)

setup: $(VENV)/.installed build/.assets messages

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

build/.assets: node_modules/.installed assets/build.mjs assets/digikind.scss assets/init.mjs
	node assets/build.mjs
	touch $@

assets: build/.assets

# The Welsh (and any other) translations: each .po file in the repository compiled to the .mo
# file Django reads, with Debian's gettext (installed here if the machine has none).
PO_FILES := $(wildcard src/digikind/locale/*/LC_MESSAGES/django.po)
MO_FILES := $(PO_FILES:.po=.mo)

messages: $(MO_FILES)

%.mo: %.po
	@command -v msgfmt >/dev/null 2>&1 || { \
	  echo "Installing Debian's gettext to compile the translations..."; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO="sudo"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq gettext >/dev/null; }
	msgfmt --check --output-file=$@ $<

# The whole suite: lint, types, unit and view tests, and browser tests in Chromium.
test: setup
	./scripts/test

# Benchmarks print tables; they are not part of the test run. About ten minutes in all;
# reviews.py and scale_out.py start a throwaway PostgreSQL (Debian's or DATABASE_URL).
bench: setup
	$(BIN)/python bench/policy_check.py
	$(BIN)/python bench/reviews.py
	$(BIN)/python bench/reviews.py --database postgresql
	$(BIN)/python bench/records.py
	$(BIN)/python bench/reports.py
	$(BIN)/python bench/large_org.py
	$(BIN)/python bench/scale_out.py
	$(BIN)/python bench/funders_portfolio.py

clean:
	rm -rf $(VENV) node_modules build
