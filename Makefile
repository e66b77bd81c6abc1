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
DBT_VARS = {raw_dir: "$(RAW_DIR)", reference_date: "$(REFERENCE_DATE)"}

# What `make test` builds: a small synthetic world in its own folder and file.
TEST_SCALE ?= 0.01
TEST_DIR := data/test
TEST_RAW_DIR := $(TEST_DIR)/raw
export SOSCARE_TEST_DB := $(TEST_DIR)/soscare.duckdb
TEST_VARS = {raw_dir: "$(TEST_RAW_DIR)", reference_date: "$(REFERENCE_DATE)"}

.PHONY: help build venv data dbt-build docs docs-serve docs test lint test-dbt pytest clean

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

dbt-build: venv ## build every seed, model, snapshot and test
	$(BIN)/dbt build --vars '$(DBT_VARS)'

docs: venv ## generate the static docs site (target/static_index.html)
	$(BIN)/dbt docs generate --static --vars '$(DBT_VARS)'

docs-serve: venv ## serve the docs site on http://localhost:8080
	$(BIN)/dbt docs serve --port 8080

test: venv lint test-dbt pytest ## everything CI checks

lint: venv ## sqlfluff over models, macros and tests
	$(BIN)/sqlfluff lint models tests/generic analyses snapshots

test-dbt: venv ## generate a small world and dbt build it (models and data tests)
	rm -rf $(TEST_DIR)
	$(BIN)/python scripts/generate.py --out $(TEST_RAW_DIR) --scale $(TEST_SCALE) --seed $(SEED) --reference-date $(REFERENCE_DATE)
	SOSCARE_DB=$(SOSCARE_TEST_DB) $(BIN)/dbt build --vars '$(TEST_VARS)'
	SOSCARE_DB=$(SOSCARE_TEST_DB) $(BIN)/dbt docs generate --vars '$(TEST_VARS)'

pytest: venv ## generator, loader and end-to-end tests
	$(BIN)/python -m pytest

clean: ## remove generated data, the warehouse file and dbt artefacts
	rm -rf data target logs
