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

# Migrates every time; the fixtures and the index only go into an empty archive, once.
setup: $(VENV)/.installed
	$(PY) manage.py setup_archive

run: setup
	$(PY) manage.py runserver $(HOST_PORT)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DJANGO_ENV=test $(PY) manage.py makemigrations --check --dry-run

test: lint
	bash .ci/test-suite

# Regenerate fixtures/seed.json and fixtures/corpus.json from fixtures/sources/ through the
# importer, in a throwaway database and index; review the result with `git diff --stat fixtures`.
fixtures: $(VENV)/.installed
	tmp=$$(mktemp -d) && export DATABASE_URL=sqlite:///$$tmp/db.sqlite3 WHOOSH_INDEX_DIR=$$tmp/index && \
	$(PY) manage.py migrate -v0 && \
	$(PY) manage.py import_transcripts -v0 fixtures/sources/seed && \
	$(PY) manage.py dumpdata $(FIXTURE_MODELS) --natural-foreign --natural-primary --indent 1 -o fixtures/seed.json && \
	$(PY) manage.py import_transcripts -v0 fixtures/sources && \
	$(PY) manage.py dumpdata $(FIXTURE_MODELS) --natural-foreign --natural-primary --indent 1 -o fixtures/corpus.json && \
	rm -rf $$tmp
