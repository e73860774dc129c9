# The two commands of the README: `make run` (set up and serve) and `make test` (the whole suite).
VENV ?= .venv
PY := $(VENV)/bin/python
HOST_PORT ?= 127.0.0.1:8000

.PHONY: run test setup lint

$(VENV)/.installed: requirements.txt requirements-test.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

setup: $(VENV)/.installed
	$(PY) manage.py migrate --noinput
	$(PY) manage.py loaddata fixtures/corpus.json
	$(PY) manage.py rebuild_index --noinput

run: setup
	$(PY) manage.py runserver $(HOST_PORT)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DJANGO_ENV=test $(PY) manage.py makemigrations --check --dry-run

test: lint
	bash .ci/test-suite
