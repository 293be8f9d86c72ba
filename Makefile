# The two commands a newcomer needs: `make run` and `make test`. Both set up .venv first.
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python

REPEAT ?= 20

.PHONY: run test test-repeat lint bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

# The bot and its clock together, on SQLite unless DATABASE_URL says otherwise; Ctrl-C stops both.
run: $(VENV)/.installed
	@$(PY) -m bot up

test: $(VENV)/.installed
	$(PY) -m pytest

# The flakiness gate: the tests that start processes or wait on time, REPEAT times in a row.
test-repeat: $(VENV)/.installed
	@for n in $$(seq $(REPEAT)); do \
		echo "== run $$n of $(REPEAT)"; \
		$(PY) -m pytest -q -m processes -p no:cacheprovider || exit 1; \
	done; echo "== all $(REPEAT) runs passed"

lint: $(VENV)/.installed
	$(PY) -m ruff check .
	$(PY) -m mypy

bench: $(VENV)/.installed
	$(PY) -m benchmarks $(ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
