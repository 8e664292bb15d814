# The only entry points the README and CI use. Run `make help` for the list.

PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
DEV := DJANGO_DEBUG=1
# The first Python 3.12 or newer on PATH (pyenv picks .python-version's 3.13).
PYTHON ?= $(shell for p in python3.13 python3.12 python3; do \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null \
	&& { echo $$p; break; }; done)

.PHONY: help run serve test audit lint bench bench-growth format clean

help:
	@echo "make run     set up and serve the demo site on http://127.0.0.1:$(PORT)"
	@echo "make serve   production-like: no debug, collected static files, gunicorn"
	@echo "make test    set up and run linters, Django's checks and the test suite"
	@echo "make audit   accessibility, HTML validity, page weight and Lighthouse scores"
	@echo "make bench   run the benchmarks under bench/ (see bench/README.md)"
	@echo "make bench-growth  page and admin times at 1,000 and 100,000 articles, and their ratio"
	@echo "make format  format Python and templates in place"
	@echo "make clean   remove the virtualenv, node_modules and var/ (database, uploads)"

$(BIN)/.installed: requirements.txt
	@test -n "$(PYTHON)" || { echo "Newsroom needs Python 3.12 or newer on PATH."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(BIN)/.dev-installed: $(BIN)/.installed requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

# The audit's checkers (axe-core, the Nu HTML Checker, Lighthouse), exactly as
# locked; their install scripts would fetch things we do not need.
node_modules/.installed: package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

run: $(BIN)/.installed
	$(DEV) $(BIN)/python manage.py migrate --no-input
	$(DEV) $(BIN)/python manage.py load_demo
	$(DEV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Production settings on this machine: plain HTTP on loopback, and a secret key
# made for this run unless DJANGO_SECRET_KEY is set.
serve: $(BIN)/.installed
	$(eval export DJANGO_SECRET_KEY ?= $(shell $(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))'))
	$(eval export DJANGO_ALLOWED_HOSTS ?= 127.0.0.1,localhost)
	$(eval export DJANGO_HTTPS ?= 0)
	$(BIN)/python manage.py collectstatic --no-input -v0
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/gunicorn -c gunicorn.conf.py newsroom.wsgi

test: lint node_modules/.installed
	$(BIN)/pytest

# The audit's part of the suite, then Lighthouse on a production-like server.
audit: $(BIN)/.dev-installed node_modules/.installed
	$(BIN)/pytest -m audit -q
	$(BIN)/python tests/audit/lighthouse.py

lint: $(BIN)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates */templates
	$(DEV) $(BIN)/python manage.py check --fail-level WARNING
	$(DEV) $(BIN)/python manage.py makemigrations --check --dry-run

bench: $(BIN)/.installed
	$(BIN)/python -m bench.comment_concurrency
	$(BIN)/python -m bench.search
	$(BIN)/python -m bench.pages
	$(BIN)/python -m bench.imports

# BENCH_ARTICLES (default 100,000) against 1,000, in-process, reader pages then
# the admin's: see bench/README.md.
bench-growth: $(BIN)/.installed
	$(BIN)/python -m bench.pages --growth --articles $${BENCH_ARTICLES:-100000}

format: $(BIN)/.dev-installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates */templates

clean:
	rm -rf $(VENV) var node_modules
