# Acervo: the two commands are `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint install node-packages migrate messages clean

$(STAMP): requirements.txt requirements-dev.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Se necesita $(PYTHON)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

# pdf.js (the book reader) and axe-core, pinned in package-lock.json. npm rewrites
# node_modules/.package-lock.json on each install, so an older one means a stale install.
# Without npm the site still runs: the reader then offers the PDF itself.
NODE_STAMP := node_modules/.package-lock.json
node-packages:
	@if ! command -v npm >/dev/null 2>&1; then \
	  echo "npm no está instalado: el lector de libros solo ofrecerá el PDF (instala Node.js y ejecuta npm ci)."; \
	elif [ ! -f $(NODE_STAMP) ] || [ package-lock.json -nt $(NODE_STAMP) ]; then \
	  npm ci --no-audit --no-fund --silent && touch $(NODE_STAMP) \
	    || echo "npm ci falló: el lector de libros solo ofrecerá el PDF hasta que se instale."; \
	fi

run: $(STAMP) node-packages
	@if command -v msgfmt >/dev/null; then $(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v0; fi
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	@# A fresh index each start: the demo is small, and an index left by an older version is replaced.
	$(PY) manage.py search_index rebuild
	@# The background worker (indexing, file downloads and reading) runs beside the web server.
	@$(PY) manage.py db_worker --queue-name '*' & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(PY) manage.py runserver 127.0.0.1:8000

test: $(STAMP) node-packages
	@if command -v msgfmt >/dev/null; then $(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v0; fi
	$(PY) -m pytest $(PYTEST_ARGS)

# ruff (settings in ruff.toml): lint, then the formatting check; `ruff format .` fixes the latter.
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

messages: $(STAMP)
	$(PY) manage.py makemessages -l es_MX --ignore=.venv --ignore=var --ignore=node_modules
	$(PY) manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) var
