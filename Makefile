# Two commands matter:  `make demo` (set up, build the sample + demo corpus, export charts
# and the briefing) and `make test` (set up, run the tests).  `make help` lists the rest.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
LOCK   := requirements.lock
# The tool that writes the lock; pinned so a refresh resolves the same way everywhere.
UV     := uv==0.13.9
# Every extra that set-up installs; the lock covers exactly these.
EXTRAS := test ocr

.DEFAULT_GOAL := help
.PHONY: help setup lock demo build charts report test bench lab clean

help:  ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 10

# Set-up installs the exact versions in the lock, then the package itself without
# resolving anything again, so every machine runs what the tests were run with.
$(STAMP): pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)  ## create .venv and install the locked versions, the package and its test tools

lock:  ## re-resolve pyproject.toml's dependencies (and extras) into requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet "$(UV)"
	$(BIN)/uv pip compile pyproject.toml $(addprefix --extra ,$(EXTRAS)) \
		--python-version 3.11 --annotation-style line --output-file $(LOCK)
	@echo "$(LOCK) refreshed; run 'make setup' (or 'make test') to install it"

demo: setup  ## build the real sample + a synthetic demo corpus, then export charts and the briefing
	$(BIN)/ccasx demo --out data/demo
	$(BIN)/ccasx build data/raw data/demo --out data/processed
	$(BIN)/ccasx charts --data data/processed --out reports/charts
	$(BIN)/ccasx report --data data/processed --out reports

build: setup  ## parse data/raw into data/processed
	$(BIN)/ccasx build data/raw --out data/processed

test: setup  ## run the test suite (notebooks included)
	$(BIN)/python -m pytest -q

bench: setup  ## print speed and memory figures
	$(BIN)/python scripts/bench.py

lab: setup  ## open the notebooks in JupyterLab
	$(BIN)/jupyter lab notebooks/

clean:  ## remove build outputs (never data/raw)
	rm -rf data/processed/*.parquet data/processed/*.csv data/demo data/.cache reports
