# The two commands of the README: `make run` (set up and serve) and `make test` (the whole suite).
VENV ?= .venv
PY := $(VENV)/bin/python
HOST_PORT ?= 127.0.0.1:8000

.PHONY: run serve test setup lint fixtures
FIXTURE_MODELS := archive.event archive.speaker archive.speakerlabel archive.appearance archive.utterance

$(VENV)/.installed: requirements.txt requirements-test.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

# Migrates every time; the fixtures and the index only go into an empty archive, once.
setup: $(VENV)/.installed
	$(PY) manage.py setup_archive

# The index worker runs beside the server and stops with it.
run: setup
	$(PY) manage.py index_worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST_PORT)

# Production (README, "Production"): gunicorn behind a TLS proxy. Give SECRET_KEY, ALLOWED_HOSTS
# and DATABASE_URL in the environment; BIND and WORKERS (default 2 a core, plus 1) may be given.
BIND ?= 127.0.0.1:8000
WORKERS ?= $(shell echo $$((2 * $$(nproc) + 1)))
serve: export DJANGO_ENV ?= production
serve: $(VENV)/.installed
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput -v0
	exec $(VENV)/bin/gunicorn archive.wsgi --bind $(BIND) --workers $(WORKERS) \
		--access-logfile - --graceful-timeout 30

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-logo --no-cache
	DJANGO_ENV=test $(PY) manage.py makemigrations --check --dry-run

test: lint
	bash .ci/test-suite

# Regenerate fixtures/seed.json and fixtures/corpus.json from fixtures/sources/ through the
# importer, in a throwaway database and index; review the result with `git diff --stat fixtures`.
fixtures: $(VENV)/.installed
	tmp=$$(mktemp -d) && export DATABASE_URL=sqlite:///$$tmp/db.sqlite3 SEARCH_INDEX_DIR=$$tmp/index && \
	$(PY) manage.py migrate -v0 && $(PY) manage.py load_registry -v0 && \
	$(PY) manage.py import_transcripts -v0 fixtures/sources/seed && \
	$(PY) manage.py dumpdata $(FIXTURE_MODELS) --natural-foreign --natural-primary --indent 1 -o fixtures/seed.json && \
	$(PY) manage.py import_transcripts -v0 fixtures/sources && \
	$(PY) manage.py dumpdata $(FIXTURE_MODELS) --natural-foreign --natural-primary --indent 1 -o fixtures/corpus.json && \
	rm -rf $$tmp
