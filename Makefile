# Sổ Hội: the two commands of the README, and a few more.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install setup lint e2e bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

setup: $(STAMP)
	$(PY) -m sohoi.cli setup

run: setup
	$(PY) -m sohoi.cli runserver $(HOST):$(PORT)

test: $(STAMP)
	$(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(PY) -m sohoi.cli makemigrations --check --dry-run

bench: $(STAMP)
	$(PY) bench/bench_docparse.py

clean:
	rm -rf $(VENV) var staticfiles
