# `make run` and `make test` are the README's quick start: each creates .venv if needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test kernels lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet ".[dev]"
	touch $(STAMP)

# The main job on the samples: the linter over all of them, one SPEC record and one review page per
# document in out/, then the dataset of the five and the communities side by side (XLSX and HTML).
run: $(STAMP)
	$(BIN)/pip install --quiet --no-deps --force-reinstall .
	$(BIN)/zongjie check corpus/samples --fail-on never
	@mkdir -p out
	@for f in corpus/samples/*.txt; do \
		name=$$(basename "$$f" .txt); \
		$(BIN)/zongjie parse --json --html "out/$$name.html" "$$f" > "out/$$name.json" && echo "wrote out/$$name.json"; \
	done
	$(BIN)/zongjie extract corpus/samples -o out/samples.duckdb --quiet
	$(BIN)/zongjie compare out/samples.duckdb -o out/compare.xlsx
	$(BIN)/zongjie compare out/samples.duckdb -o out/compare.html

# The tests import the checkout: the optional C kernels (ext-modules in pyproject.toml) are built
# beside their sources too, so both forms of each are tested (without a C compiler the build warns
# and their tests skip).
test: $(STAMP) kernels
	$(BIN)/pip install --quiet --no-deps --force-reinstall .
	$(BIN)/python -m pytest

# setuptools 74.1 or later reads ext-modules from pyproject.toml; a venv may come with an older one
# (or none, from Python 3.12).
kernels: $(STAMP)
	$(BIN)/pip install --quiet "setuptools>=74.1"
	$(BIN)/python -c "from setuptools import setup; setup()" --quiet build_ext --inplace

lint: $(STAMP)
	$(BIN)/ruff check nlp corpus evaluation tests cli.py

clean:
	rm -rf $(VENV) build *.egg-info out nlp/*/*.so
