# Loa — the two commands: `make run` and `make test`. `make setup` is used by both.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.loa-installed

.PHONY: setup run test lint bench bench-province fuzz clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

run: setup
	$(BIN)/loa init --demo
	$(BIN)/loa serve

# the suite on PYTEST_WORKERS processes, one test file per process at a time (its servers and browser
# are set up once); PYTEST_WORKERS=0 runs it in this process
PYTEST_WORKERS ?= 4

test: setup
	@sh tests/tools/ensure-debian-package.sh chromium "the browser tests" chromium chromium-browser
	@sh tests/tools/ensure-debian-package.sh icecast2 "the live-stream tests" icecast2 icecast
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check app audio scheduler relay_agent tests bench
	$(BIN)/mypy app audio scheduler relay_agent

bench: setup
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,bench]'
	$(BIN)/python -m bench

# a province (150 stations × 6 areas × 200 scripts) on PostgreSQL: LOA_BENCH_POSTGRES_URL or
# LOA_TEST_POSTGRES_URL names the database (e.g. postgresql+psycopg://root@127.0.0.1:5432/test)
bench-province: setup
	$(BIN)/python -m bench.bench_province $(BENCH_ARGS)

# schemathesis against a live server as every role and a relay point (minutes; not part of `make test`)
fuzz: setup
	@test -x $(BIN)/st || $(BIN)/python -m pip install --quiet --disable-pip-version-check schemathesis
	$(BIN)/python -m bench.fuzz_api $(FUZZ_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache
