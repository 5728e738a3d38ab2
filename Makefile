# Digikind's two everyday commands: `make run` and `make test`.
# Everything they need is installed here, from PyPI, npm and Debian's packages.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DIGIKIND := $(BIN)/digikind
HOST ?= 127.0.0.1:8000

.PHONY: run setup assets test bench clean

run: setup
	$(DIGIKIND) migrate --no-input
	$(DIGIKIND) frameworks load
	$(DIGIKIND) load-demo
	$(DIGIKIND) runserver $(HOST)

setup: $(VENV)/.installed build/.assets

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

build/.assets: node_modules/.installed assets/build.mjs assets/digikind.scss
	node assets/build.mjs
	touch $@

assets: build/.assets

# The whole suite: lint, types, unit and view tests, and browser tests in Chromium.
test: setup
	./scripts/test

# Benchmarks print tables; they are not part of the test run.
bench: setup
	$(BIN)/python bench/policy_check.py
	$(BIN)/python bench/reviews.py
	$(BIN)/python bench/records.py
	$(BIN)/python bench/reports.py
	$(BIN)/python bench/funders_portfolio.py

clean:
	rm -rf $(VENV) node_modules build
