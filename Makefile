# Question Bank — `make run` serves the app with demo data; `make test` runs every test.
# gunicorn's workers and threads are in gunicorn.conf.py (WORKERS/THREADS override them).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
EVAL_DIR ?= ../shared/eval
export HF_HUB_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

.PHONY: run serve worker test lint format bench install install-dev migrate clean

# torch first, pinned to the CPU wheel this machine holds: any other spec pulls CUDA packages.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet torch==2.13.0

$(VENV)/.stamp-install: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.stamp-dev: pyproject.toml $(VENV)/.stamp-install
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.stamp-install
install-dev: $(VENV)/.stamp-dev

instance/secret_key:
	mkdir -p instance
	$(PYTHON) -c "import secrets; print(secrets.token_hex(32))" > $@
	chmod 600 $@

migrate: install
	$(BIN)/alembic upgrade head

run: install instance/secret_key migrate
	QB_ENV=production SECRET_KEY=$${SECRET_KEY:-$$(cat instance/secret_key)} $(BIN)/flask --app wsgi seed-demo --if-empty
	QB_ENV=production SECRET_KEY=$${SECRET_KEY:-$$(cat instance/secret_key)} $(BIN)/flask --app wsgi insight prepare
	@echo "Serving Question Bank on http://127.0.0.1:$(PORT)"
	@# With REDIS_URL set, background jobs go to RQ: a worker runs beside gunicorn and stops with it.
	export QB_ENV=production SECRET_KEY=$${SECRET_KEY:-$$(cat instance/secret_key)}; \
	if [ -n "$$REDIS_URL" ]; then \
		$(BIN)/flask --app wsgi jobs worker & worker=$$!; \
		trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	fi; \
	EMBEDDING_WARMUP=1 GROUP_REFRESH_DELAY=$${GROUP_REFRESH_DELAY:-0.5} \
	PAGE_CACHE_STALENESS=$${PAGE_CACHE_STALENESS:-10} $(BIN)/gunicorn \
		--config gunicorn.conf.py --bind 127.0.0.1:$(PORT) --access-logfile - wsgi:app

# The RQ worker for background jobs (re-clustering, imports, re-embedding); needs REDIS_URL.
worker: install instance/secret_key migrate
	@test -n "$$REDIS_URL" || { echo "Set REDIS_URL, for example redis://127.0.0.1:6379/0"; exit 2; }
	QB_ENV=production SECRET_KEY=$${SECRET_KEY:-$$(cat instance/secret_key)} exec $(BIN)/flask --app wsgi jobs worker

# The whole suite on SQLite; then again on PostgreSQL when TEST_DATABASE_URL is set.
test: install-dev
	$(BIN)/python -m pytest
	@if [ -n "$$TEST_DATABASE_URL" ]; then \
		echo "== again on PostgreSQL: $$TEST_DATABASE_URL"; \
		QB_TEST_DB=postgresql $(BIN)/python -m pytest --ignore=tests/insight; \
	fi

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install-dev
	$(BIN)/python -m bench.run --eval-dir $(EVAL_DIR)

clean:
	rm -rf $(VENV) instance .pytest_cache .ruff_cache tests/artifacts
