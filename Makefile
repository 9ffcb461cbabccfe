# `make run` and `make test` are the README's quick start: each creates .venv if needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet ".[dev]"
	touch $(STAMP)

# The main job on the samples: the linter over all of them, then one SPEC record per document in out/.
run: $(STAMP)
	$(BIN)/pip install --quiet --no-deps --force-reinstall .
	$(BIN)/zongjie check corpus/samples --fail-on never
	@mkdir -p out
	@for f in corpus/samples/*.txt; do \
		$(BIN)/zongjie parse --json "$$f" > "out/$$(basename "$$f" .txt).json" && echo "wrote out/$$(basename "$$f" .txt).json"; \
	done

test: $(STAMP)
	$(BIN)/pip install --quiet --no-deps --force-reinstall .
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check nlp corpus evaluation tests cli.py

clean:
	rm -rf $(VENV) build *.egg-info out
