# The two commands a newcomer needs: `make run` and `make test`. Both set up .venv first.
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python

.PHONY: run test lint bench clean try

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

# The bot and its clock together, on SQLite unless DATABASE_URL says otherwise; Ctrl-C stops both.
run: $(VENV)/.installed
	$(PY) -m bot migrate
	bash -c 'trap "kill 0" EXIT; $(PY) -m schedules & $(PY) -m bot; wait'

# The playground: the real bot in a local Slack-like page, on a throwaway SQLite file; no Slack needed.
try: $(VENV)/.installed
	$(PY) -m bot try $(ARGS)

test: $(VENV)/.installed
	$(PY) -m pytest

lint: $(VENV)/.installed
	$(PY) -m ruff check .
	$(PY) -m mypy

bench: $(VENV)/.installed
	$(PY) -m benchmarks $(ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
