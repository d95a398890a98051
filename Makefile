# The targets the README and CI run. Every target creates the virtual environment first.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
SHARED ?= ../shared

.PHONY: help venv demo test readme-tables test-fast lint typecheck bench bench-ner bench-dates train kb countries lock clean eval eval-plover eval-trust events-data load

help:
	@echo "make demo   - analyse the bundled examples, store them, serve the page on 127.0.0.1:8765"
	@echo "make test   - run the test suite (lint, unit tests, accuracy floors on the gold set)"
	@echo "make eval   - accuracy on $(SHARED)/gold/dev.jsonl"
	@echo "make eval-trust - precision/recall of the trust flags on a labelled set built from $(SHARED)"
	@echo "make bench  - speed: articles/s and peak memory on $(SHARED)/data/corpus-detik"
	@echo "make train  - retrain the Indonesian NER model from $(SHARED)/data"
	@echo "make kb     - rebuild the knowledge base of actors"
	@echo "make load   - bounded load test of the HTTP API on loopback (p50/p99, errors)"
	@echo "make lock   - re-pin requirements.lock from the current environment"

$(STAMP): pyproject.toml requirements.lock
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) (Python 3.11)"; exit 2; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

venv: $(STAMP)

DEMO_DB ?= build/demo.duckdb
PORT    ?= 8765

# Analyse the bundled examples in the terminal, store them in a corpus database, and serve
# the page on http://127.0.0.1:$(PORT)/ (Ctrl-C stops it).
demo: $(STAMP)
	$(BIN)/warta analyze examples/articles.jsonl --color always
	@mkdir -p $(dir $(DEMO_DB))
	rm -f $(DEMO_DB) $(DEMO_DB).wal
	$(BIN)/warta ingest examples/articles.jsonl examples/press-release.html --db $(DEMO_DB) -q
	$(BIN)/warta serve --db $(DEMO_DB) --port $(PORT)

load: $(STAMP)
	$(BIN)/python scripts/load.py --requests 2000 --concurrency 20

test: $(STAMP)
	$(BIN)/ruff check warta tests scripts
	$(BIN)/python -m pytest -q

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -x -m "not slow"

lint: $(STAMP)
	$(BIN)/ruff check warta tests scripts

typecheck: $(STAMP)
	$(BIN)/mypy warta

eval: $(STAMP)
	$(BIN)/warta eval $(SHARED)/gold/dev.jsonl

# Speed: analyse on the 1,000 Detik articles (per stage), then the corpus benchmark on 50,000
# (analyse, ingest into DuckDB with 1 process and 2 Dask workers, peak memory; ~25 minutes).
bench: $(STAMP)
	$(BIN)/python scripts/bench.py --shared $(SHARED)
	$(BIN)/python scripts/bench_corpus.py --shared $(SHARED) --n 50000 --out bench/corpus.json
	$(BIN)/python scripts/readme_tables.py --speed

readme-tables: $(STAMP)
	$(BIN)/python scripts/readme_tables.py --accuracy --speed --shared $(SHARED)

eval-trust: $(STAMP)
	$(BIN)/python scripts/eval_trust.py --shared $(SHARED) --rebuild

eval-plover: $(STAMP)
	$(BIN)/python scripts/eval_plover.py

events-data: $(STAMP)
	$(BIN)/python -m warta.events.build $(SHARED)/data

bench-ner: $(STAMP)
	$(BIN)/python scripts/bench_ner.py

bench-dates: $(STAMP)
	$(BIN)/python scripts/bench_dates.py

countries: $(STAMP)
	$(BIN)/python scripts/build_countries.py warta/kb/data/countries.tsv

train: $(STAMP)
	$(BIN)/python scripts/train_ner.py

kb: $(STAMP)
	$(BIN)/python scripts/build_kb.py

lock: $(STAMP)
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^warta' > requirements.lock

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .mypy_cache
