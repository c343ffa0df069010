# Sổ Hội: the two commands of the README, and a few more.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install setup lint e2e guide-images guide-shots bench clean parse-score install-office

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

# LibreOffice (headless Writer) converts the periodic report to PDF (`sohoi report --format pdf`).
install-office:
	@command -v soffice >/dev/null 2>&1 || { echo "Cài LibreOffice Writer (không giao diện)..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		libreoffice-writer-nogui fonts-liberation >/dev/null; }

# Browser journeys use Debian's Chromium; Playwright never downloads a browser here.
e2e: $(STAMP)
	@command -v chromium >/dev/null 2>&1 || { echo "Cài Chromium của Debian..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core >/dev/null; }
	$(PY) -m pytest e2e

# City and national databases generated once (var/bench/, or sohoi_bench_* on the PostgreSQL of DATABASE_URL),
# every case beside its baseline; writes bench/results.json and the table in docs/benchmarks.md.
# The same journeys, writing their screenshots into the user guide (docs/guide/img). Plain `make e2e` writes
# them under var/ only, so running the journeys leaves tracked files unchanged; refresh the guide's images
# with this target and commit them on purpose. (`guide-shots` is the former name.)
guide-images: $(STAMP)
	SOHOI_GUIDE_SHOTS=1 $(MAKE) e2e

guide-shots: guide-images

# The parser against the real-world corpus (sohoi/docparse/tests/corpus): per-field precision and recall.
parse-score: $(STAMP)
	$(PY) -m sohoi.docparse.score

bench: $(STAMP)
	DATABASE_URL="$(DATABASE_URL)" $(PY) bench/run.py

.PHONY: fuzz load loadtest

# API fuzzing (schemathesis) as every demo role, more examples than the sample in `make test`.
fuzz: $(STAMP)
	FUZZ_ROLES=thuongtruc,dandan,tuyengiao,noivu,canbonoivu,ubnd,mattran,quanuy.ninhkieu,hoi.khuyenhoc,quantri FUZZ_EXAMPLES=10 \
		$(PY) -m pytest tests/reliability/test_fuzz_api.py

# Load and faults against gunicorn + PostgreSQL on 127.0.0.1 (a database of its own); writes docs/reliability.md.
load: $(STAMP)
	$(PY) loadtest/run.py

loadtest: load

clean:
	rm -rf $(VENV) var staticfiles
