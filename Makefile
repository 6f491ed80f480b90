# Two commands matter:  `make demo` (set up, build the sample + demo corpus, export charts
# and the briefing) and `make test` (set up, run the tests).  `make help` lists the rest.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help setup demo build charts report test bench lab clean

help:  ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 10

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)  ## create .venv and install the package with its test tools

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
