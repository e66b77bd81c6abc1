# SOSCARE warehouse: the whole set-up is `make build`, the whole check `make test`.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# Synthetic data for `make build` (scale 1 = the whole NI child population).
SCALE ?= 1
SEED ?= 1985
REFERENCE_DATE ?= 2024-03-31
RAW_DIR ?= data/raw
export SOSCARE_DB ?= data/soscare.duckdb
export DBT_PROFILES_DIR := $(CURDIR)
DBT_VARS = {raw_dir: "$(abspath $(RAW_DIR))", reference_date: "$(REFERENCE_DATE)"}

# What `make test` builds: a small synthetic world in its own folder and file.
TEST_SCALE ?= 0.01
TEST_DIR := data/test
TEST_RAW_DIR := $(TEST_DIR)/raw
export SOSCARE_TEST_DB := $(TEST_DIR)/soscare.duckdb
TEST_VARS = {raw_dir: "$(abspath $(TEST_RAW_DIR))", reference_date: "$(REFERENCE_DATE)"}
# Where dbt writes its artefacts (manifest, catalog, static docs page).
DBT_TARGET_DIR = $(or $(DBT_TARGET_PATH),target)
# The report: built from the published tables of SOSCARE_DB.
REPORT_DIR ?= reports

.PHONY: help build venv data dbt-build docs docs-serve docs test lint test-dbt pytest clean
.PHONY: check-docs browser report bench

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

venv: $(STAMP) ## create .venv with the pinned dependencies

build: venv data dbt-build docs ## venv, synthetic data at SCALE, dbt build, docs site

data: venv ## generate synthetic raw extracts into RAW_DIR
	$(BIN)/python scripts/generate.py --out $(RAW_DIR) --scale $(SCALE) --seed $(SEED) --reference-date $(REFERENCE_DATE)

# A warehouse build: seeds, models, snapshots and data tests. Unit tests check the
# SQL's logic, not the data, so they run in `make test` (test-dbt), as dbt advises.
DBT_BUILD_ARGS := --exclude-resource-type unit_test

dbt-build: venv ## build every seed, model and snapshot, and run the data tests
	$(BIN)/dbt build $(DBT_BUILD_ARGS) --vars '$(DBT_VARS)'

docs: venv ## generate the static docs site (target/static_index.html)
	$(BIN)/dbt docs generate --static --vars '$(DBT_VARS)'

docs-serve: venv ## serve the docs site on http://localhost:8080
	$(BIN)/dbt docs serve --port 8080

test: venv lint test-dbt check-docs pytest ## everything CI checks

lint: venv ## sqlfluff over models, macros and tests
	$(BIN)/sqlfluff lint models tests snapshots

test-dbt: venv ## generate a small world and dbt build it (models, data tests and unit tests)
	rm -rf $(TEST_DIR)
	$(BIN)/python scripts/generate.py --out $(TEST_RAW_DIR) --scale $(TEST_SCALE) --seed $(SEED) --reference-date $(REFERENCE_DATE)
	SOSCARE_DB=$(SOSCARE_TEST_DB) $(BIN)/dbt build --vars '$(TEST_VARS)'
	SOSCARE_DB=$(SOSCARE_TEST_DB) $(BIN)/dbt docs generate --static --vars '$(TEST_VARS)'

check-docs: venv ## fail naming every model, source, seed, snapshot, macro, exposure or column without a description
	$(BIN)/python scripts/check_docs.py $(DBT_TARGET_DIR)

browser: ## install Debian's chromium (for the docs-site test) unless it is there
	@if [ -x /usr/bin/chromium ]; then \
		echo "chromium: /usr/bin/chromium is installed"; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
	else \
		echo "chromium is not installed and this is not root: run 'sudo apt-get update && sudo apt-get install -y chromium'"; \
		echo "(or 'sudo make browser'); without it the docs-site test is skipped, and fails under CI=true"; \
	fi

report: venv ## static HTML report (REPORT_DIR/index.html + PNG charts) from SOSCARE_DB's published tables
	$(BIN)/python scripts/report.py --db $(SOSCARE_DB) --out $(REPORT_DIR)

pytest: venv ## generator, loader and end-to-end tests
	$(BIN)/python -m pytest

clean: ## remove generated data, the warehouse file and dbt artefacts
	rm -rf data target logs

BENCH_SCALES ?= 0.1 1 3
bench: venv ## time generation and dbt build at BENCH_SCALES (add 10 on request); prints figures, appends bench/results.csv
	$(BIN)/python scripts/bench.py --scales $(BENCH_SCALES)
