# Every target creates .venv on first use, so a fresh clone needs only Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint unit bench load model clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/faq-bot

test: lint unit

lint: $(STAMP)
	$(BIN)/ruff check bot tests
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python -m bench.run

# Retrain the crisis and FAQ models (bot/crisis/crisis_model.json.gz, bot/faq/faq_model.json.gz)
# from tests/eval; commit both files.
model: $(STAMP)
	$(BIN)/python -m bot.crisis.train
	$(BIN)/python -m bot.faq.train

load: $(STAMP)
	$(BIN)/python -m tests.load.run_load $(LOAD_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
