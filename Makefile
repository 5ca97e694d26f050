# Migrant Desk: set-up, run, test and benchmarks. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM ?= $(if $(DISPLAY)$(WAYLAND_DISPLAY),,offscreen)

.PHONY: install run test lint typecheck pytest bench catalogues extract-messages update-catalogues clean qt-deps

install: $(STAMP) catalogues

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Python 3.11 or newer is needed (found $$($(PYTHON) --version))."; exit 1; }
	@$(PYTHON) -m venv --help >/dev/null 2>&1 || \
	  { echo "Python's venv module is missing: sudo apt-get install python3-venv"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

qt-deps:
	@missing=$$(.ci/qt-system-deps --missing) || { \
	  echo "Qt needs system libraries that are missing. Install them with:"; \
	  echo "  sudo apt-get install $$(echo $$missing)"; exit 1; }

catalogues: $(STAMP)
	$(BIN)/python -m desktop.i18n.catalogues compile

extract-messages: $(STAMP)
	$(BIN)/python -m desktop.i18n.catalogues extract

update-catalogues: $(STAMP)
	$(BIN)/python -m desktop.i18n.catalogues update

run: install qt-deps
	$(BIN)/migrant-desk

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy desktop db

pytest: install qt-deps
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

test: install qt-deps lint typecheck pytest

bench: install
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.benchmarks

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
	find i18n -name '*.mo' -delete
