# sitrep: `make run` sets up everything and runs the main job; `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench schema train clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==26.3
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/sitrep ingest examples --db sitrep.db
	$(BIN)/sitrep query --db sitrep.db --format table
	mkdir -p out
	$(BIN)/sitrep export --db sitrep.db --format acled-csv --acled-style export-tool --out out/events.csv
	$(BIN)/sitrep export --db sitrep.db --format geojson --out out/events.geojson
	$(BIN)/sitrep export --db sitrep.db --format parquet --out out/events.parquet
	$(BIN)/sitrep export --db sitrep.db --format reports --out out/reports.jsonl
	@echo "To see the events on a map and a timeline: $(BIN)/sitrep serve --db sitrep.db, then open http://127.0.0.1:8000/"

# Rebuilds the event classifier's head from train/events/ (deterministic; never run by `make test`).
train: $(STAMP)
	$(BIN)/python train/train_head.py

bench: $(STAMP)
	$(BIN)/python bench/bench.py --workers 2 --dask

test: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy

schema: $(STAMP)
	$(BIN)/python -c "import json; from sitrep.model import json_schema; \
	open('src/sitrep/data/report.schema.json','w').write(json.dumps(json_schema(), indent=2) + '\n')"

clean:
	rm -rf $(VENV) out sitrep.db sitrep.db-wal sitrep.db-shm
