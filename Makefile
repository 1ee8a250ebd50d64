# OIPA — two commands on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check -q
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-test static-assets messages compile-messages system-deps system-test-deps lint ci-check clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -U pip

$(VENV)/.installed: $(VENV)/bin/python pyproject.toml
	$(PIP) install -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(PIP) install -e '.[test]'
	touch $@

install: $(VENV)/.installed compile-messages static-assets

install-test: $(VENV)/.installed-test compile-messages static-assets

# Apache ECharts for the trends charts, from the npm registry at install time (never committed).
# Without npm the pages keep their tables and skip the charts.
ECHARTS_VERSION ?= 5.6.0
static-assets:
	@if [ -f var/npm/node_modules/echarts/dist/echarts.min.js ]; then :; \
	elif command -v npm >/dev/null; then \
	  npm install --silent --no-audit --no-fund --prefix var/npm echarts@$(ECHARTS_VERSION) >/dev/null \
	    || echo "notice: could not install ECharts; charts are skipped"; \
	else echo "notice: npm missing; trends charts are skipped (tables remain)"; fi

compile-messages: $(VENV)/.installed
	$(VENV)/bin/pybabel -q compile -d src/oipa/locale -D django

# Regenerate the catalogs from the sources (needs GNU gettext; installed when missing).
messages: $(VENV)/.installed
	@command -v xgettext >/dev/null || apt-get install -y -qq gettext
	cd src/oipa && ../../$(PY) ../../manage.py makemessages -l zh_Hans -l en --no-obsolete \
	  --ignore '*/migrations/*'

# A CJK TrueType font for PDF documents (Debian's fonts-wqy-microhei); without it documents
# fall back to a non-embedded CID font that PDF readers substitute.
system-deps:
	@if [ ! -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-microhei >/dev/null) \
	      || echo "notice: could not install fonts-wqy-microhei"; \
	  else echo "notice: fonts-wqy-microhei missing; PDFs use a non-embedded CJK font"; fi; \
	fi

# Debian's Chromium for the browser journeys; skipped (with a notice) when we cannot install.
system-test-deps: system-deps
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "notice: could not install chromium; browser tests will be skipped"; \
	  else echo "notice: /usr/bin/chromium missing; browser tests will be skipped"; fi; \
	fi

run: install system-deps
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	@echo "OIPA is starting on http://$(HOST):$(PORT)/ (Ctrl+C to stop)"
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install-test system-test-deps
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy src/oipa

ci-check: install-test
	$(PY) manage.py makemigrations --check --dry-run
	OIPA_ENV=production SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(64))') \
	  ALLOWED_HOSTS=oipa.example.cn $(PY) manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache .mypy_cache
