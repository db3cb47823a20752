# Zwerm — two commands: `make run` serves the demo, `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: install run test test-postgres bench browser translations lint messages

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	@command -v msgfmt >/dev/null || { if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq gettext; else echo "Install gettext (msgfmt) to compile translations."; exit 1; fi; }
	@touch $(STAMP)

translations: install
	DJANGO_SETTINGS_MODULE=zwerm.test_settings $(PY) manage.py compilemessages --ignore ".venv" -v 0

run: install translations
	@bash scripts/run.sh $(PORT)

browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	  else echo "Browser tests need Debian's chromium (/usr/bin/chromium): sudo apt-get install chromium"; exit 1; fi; \
	fi

test: install translations browser
	$(VENV)/bin/ruff check zwerm bench
	$(VENV)/bin/pytest -n 2 --dist loadgroup

test-postgres: install translations browser
	@bash scripts/test-postgres.sh

bench: install
	$(PY) -m bench

lint: install
	$(VENV)/bin/ruff check zwerm bench

messages: install
	@cd zwerm && DJANGO_SETTINGS_MODULE=zwerm.test_settings ../$(PY) ../manage.py makemessages -l nl -l en --no-obsolete -v 0 $$(for d in */; do [ -f "$$d/apps.py" ] && printf -- '--ignore %s ' "$${d%/}"; done)
	@for app in zwerm/*/; do \
	  if [ -d "$$app/locale" ]; then (cd $$app && DJANGO_SETTINGS_MODULE=zwerm.test_settings ../../$(PY) ../../manage.py makemessages -l nl -l en --no-obsolete -v 0); fi; \
	done
