# The targets the README and CI run. Every target creates the virtual environment first.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
SHARED ?= ../shared

.PHONY: help venv demo test test-fast lint typecheck bench bench-ner bench-dates train kb countries lock clean eval eval-plover events-data load

help:
	@echo "make demo   - analyse the bundled example articles and print what was found"
	@echo "make test   - run the test suite (lint, unit tests, accuracy floors on the gold set)"
	@echo "make eval   - accuracy on $(SHARED)/gold/dev.jsonl"
	@echo "make bench  - speed: articles/s and peak memory on $(SHARED)/data/corpus-detik"
	@echo "make train  - retrain the Indonesian NER model from $(SHARED)/data"
	@echo "make kb     - rebuild the knowledge base of actors"
	@echo "make lock   - re-pin requirements.lock from the current environment"

$(STAMP): pyproject.toml requirements.lock
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) (Python 3.11)"; exit 2; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	$(BIN)/warta analyze examples/articles.jsonl --color always

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

bench: $(STAMP)
	$(BIN)/python scripts/bench.py --shared $(SHARED)

eval-plover: $(STAMP)
	$(BIN)/python scripts/eval_plover.py

events-data: $(STAMP)
	$(BIN)/python -m warta.events.build $(SHARED)/data

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
