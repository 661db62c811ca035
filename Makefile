# Two commands: `make demo` (set up, then ask about the bundled sample) and `make test`.
PYTHON ?= python3
VENV ?= .venv
QUESTION ?= How many old residential areas were renovated?
export HF_HUB_OFFLINE := 1

.PHONY: demo test lint bench

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	# torch first and pinned: its CPU build; an unpinned torch pulls gigabytes of CUDA libraries
	$(VENV)/bin/pip install --quiet torch==2.13.0 -e ".[dev]"
	touch $@

demo: $(VENV)/.installed
	$(VENV)/bin/minutebot ask "$(QUESTION)"

test: $(VENV)/.installed
	$(VENV)/bin/pytest

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

bench: $(VENV)/.installed
	$(VENV)/bin/python benchmarks/run.py
