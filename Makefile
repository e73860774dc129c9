# The two commands of the README: `make run` (set up and serve) and `make test` (the whole suite).
VENV ?= .venv
PY := $(VENV)/bin/python
HOST_PORT ?= 127.0.0.1:8000

.PHONY: run test setup lint fixtures
FIXTURE_MODELS := archive.event archive.speaker archive.speakerlabel archive.appearance archive.utterance

$(VENV)/.installed: requirements.txt requirements-test.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

setup: $(VENV)/.installed
	$(PY) manage.py migrate --noinput
	$(PY) manage.py loaddata fixtures/corpus.json
	$(PY) manage.py rebuild_index --noinput

# The index worker runs beside the server and stops with it.
run: setup
	$(PY) manage.py index_worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST_PORT)

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
	$(PY) manage.py migrate -v0 && \
	$(PY) manage.py import_transcripts -v0 fixtures/sources/seed && \
	$(PY) manage.py dumpdata $(FIXTURE_MODELS) --natural-foreign --natural-primary --indent 1 -o fixtures/seed.json && \
	$(PY) manage.py import_transcripts -v0 fixtures/sources && \
	$(PY) manage.py dumpdata $(FIXTURE_MODELS) --natural-foreign --natural-primary --indent 1 -o fixtures/corpus.json && \
	rm -rf $$tmp
