# The archive's two commands: `make run` sets everything up and serves the site,
# `make test` runs the whole test suite (SQLite, or PostgreSQL when DATABASE_URL is set).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup browser-deps benchmark clean

$(BIN)/activate: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $(BIN)/activate

setup: $(BIN)/activate

run: setup
	DEBUG=true $(BIN)/python manage.py migrate --noinput
	DEBUG=true $(BIN)/python manage.py ingest seeds/
	DEBUG=true $(BIN)/python manage.py ensure_admin
	DEBUG=true $(BIN)/python manage.py runserver $(HOST):$(PORT)

browser-deps:
	scripts/ensure-chromium

test: setup browser-deps
	$(BIN)/python -m pytest

benchmark: setup  # ingest speed and memory; see BENCHMARKS.md for the page benchmarks
	$(BIN)/python benchmarks/ingest_speed.py --articles 2000

clean:
	rm -rf $(VENV) var staticfiles .pytest_cache
