# Kriseninfo: `make run` sets up and starts the console, `make test` sets up and
# runs every check headless. Both work on a fresh machine with python3 and make.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
TS     := resources/translations/kriseninfo_en.ts
QM     := $(TS:.ts=.qm)
UI_SRC := $(wildcard ui/*.py ui/*/*.py)

.PHONY: run test lint typecheck pytest bench soak screenshots translations lupdate \
        system-deps clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

translations: $(QM)

$(QM): $(TS) $(STAMP)
	$(BIN)/pyside6-lrelease -silent $(TS) -qm $(QM)

# Refresh the .ts source after changing visible strings; then translate what is new.
lupdate: $(STAMP)
	$(BIN)/pyside6-lupdate -no-obsolete -locations none $(UI_SRC) -ts $(TS)

system-deps:
	scripts/system-deps.sh

run: $(STAMP) translations
	@scripts/system-deps.sh --gui-only || echo "make run: could not check system libraries; starting anyway"
	$(BIN)/kriseninfo $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check kriseninfo ui tests bench
	$(BIN)/ruff format --check kriseninfo ui tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) translations system-deps
	@# matplotlib builds its font cache on first use and logs a warning if that is slow;
	@# build it here, so no test's log check sees that one-time warning.
	$(BIN)/python -c "import matplotlib.font_manager"
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest $(PYTEST_ARGS)

test: lint typecheck pytest

bench: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.run

soak: $(STAMP) translations system-deps
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -m soak --run-soak $(PYTEST_ARGS)

screenshots: $(STAMP) translations
	scripts/system-deps.sh --gui-only --gui-tools
	xvfb-run -a -s "-screen 0 1400x900x24" $(BIN)/python -m bench.screenshots docs/screenshots

clean:
	rm -rf $(VENV) build *.egg-info $(QM) .mypy_cache .ruff_cache .pytest_cache
