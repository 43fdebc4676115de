# Gode Historier: the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DKFDS_DIST := node_modules/dkfds/dist
DKFDS_STATIC := portal/static/vendor/dkfds
AXE_STATIC := tests/browser/vendor/axe.min.js
HOST ?= 127.0.0.1
PORT ?= 8000
# The portal's address in every full link (sitemap, feeds, .ics, e-mails, programme); the demo writes it into the Site.
PORTAL_SITE_URL ?= http://$(HOST):$(PORT)
export PORTAL_SITE_URL

.PHONY: run install static migrate demo serve test test-sqlite test-postgres lint check clean bench bench-postgres bench-opensearch wrk redis relevance relevance-services

run: install static migrate demo ## install, migrate, load the demo content, create an admin and serve
	@echo
	@echo "Gode Historier kører på http://$(HOST):$(PORT)/  (redaktion: http://$(HOST):$(PORT)/admin/)"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# Det Fælles Designsystem is served as static files: copy its dist (no build step), without the parts we never use.
static: node_modules/.package-lock.json
	rm -rf $(DKFDS_STATIC) && mkdir -p $(DKFDS_STATIC)/css $(DKFDS_STATIC)/js
	cp $(DKFDS_DIST)/css/dkfds.min.css $(DKFDS_DIST)/css/dkfds.min.css.map $(DKFDS_STATIC)/css/
	cp $(DKFDS_DIST)/js/dkfds.min.js $(DKFDS_DIST)/js/dkfds.min.js.map $(DKFDS_STATIC)/js/
	cp -r $(DKFDS_DIST)/img $(DKFDS_STATIC)/img
	cp -r $(DKFDS_DIST)/fonts $(DKFDS_STATIC)/fonts
	rm -rf $(DKFDS_STATIC)/fonts/IBMPlexSans/split $(DKFDS_STATIC)/fonts/IBMPlexSans/otf
	mkdir -p $(dir $(AXE_STATIC)) && cp node_modules/axe-core/axe.min.js $(AXE_STATIC)

migrate:
	$(BIN)/python manage.py migrate --no-input

demo:
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py ensure_admin
	$(BIN)/python manage.py ensure_demo_users

serve:
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# The whole suite on the embedded default (SQLite), then again on a throwaway PostgreSQL cluster; both runs with a
# throwaway OpenSearch node for the search engine's half of the search contract. A missing PostgreSQL, Java/Maven
# or Chromium skips its tests with a reason locally, and fails the run when PORTAL_REQUIRE_SERVICES=1 (CI).
test: install static lint
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run
	bash tests/services/with-opensearch.sh $(BIN)/pytest
	bash tests/services/with-postgres.sh bash tests/services/with-opensearch.sh $(BIN)/pytest -m "not browser"

lint:
	$(BIN)/ruff check .
	$(BIN)/lint-imports

# Benchmarks (figures, not tests; see README "Performance"): a generated corpus of BENCH_STORIES stories, then every
# kind of page under gunicorn with production settings. SQLite keeps its corpus in BENCH_DB between runs; PostgreSQL
# and OpenSearch run on throwaway servers, so their corpus is generated each time.
BENCH_STORIES ?= 10000
BENCH_DB ?= /tmp/gode-historier-bench-$(BENCH_STORIES).sqlite3
BENCH_ARGS ?=
BENCH_CORPUS = $(BIN)/python manage.py migrate --no-input -v0 && $(BIN)/python manage.py generate_corpus --stories $(BENCH_STORIES)

bench: install static wrk redis
	DATABASE_URL=sqlite:///$(BENCH_DB) bash -c '$(BENCH_CORPUS) && $(BIN)/python manage.py benchmark $(BENCH_ARGS)'

bench-postgres: install static wrk redis
	bash tests/services/with-postgres.sh bash -c '$(BENCH_CORPUS) && $(BIN)/python manage.py benchmark $(BENCH_ARGS)'

# The search pages only: the other pages never ask the search engine.
bench-opensearch: install static wrk
	bash tests/services/with-postgres.sh bash tests/services/with-opensearch.sh bash -c \
	  'export PORTAL_SEARCH_URL=$$PORTAL_TEST_OPENSEARCH_URL && $(BENCH_CORPUS) && $(BIN)/python manage.py benchmark --only search $(BENCH_ARGS)'

wrk:
	@command -v wrk >/dev/null || apt-get install -y -q wrk || sudo apt-get install -y -q wrk

# The mixed load (--mixed) runs a throwaway Redis on a private port, as production would have one.
redis:
	@command -v redis-server >/dev/null || apt-get install -y -q redis-server || sudo apt-get install -y -q redis-server

clean:
	rm -rf $(DKFDS_STATIC) $(AXE_STATIC) staticfiles .test-media .pytest_cache

# Relevance figures (README "Søgning"): the judged queries in portal/search/relevance/judgments.tsv over the demo
# content, on a throwaway SQLite database, then on throwaway PostgreSQL and OpenSearch servers.
RELEVANCE_DB ?= /tmp/gode-historier-relevance.sqlite3
RELEVANCE_LOAD = $(BIN)/python manage.py migrate --no-input -v0 && $(BIN)/python manage.py load_demo_content >/dev/null

relevance: install
	rm -f $(RELEVANCE_DB)
	DATABASE_URL=sqlite:///$(RELEVANCE_DB) bash -c '$(RELEVANCE_LOAD) && $(BIN)/python manage.py evaluate_search'

relevance-services: install
	bash tests/services/with-postgres.sh bash tests/services/with-opensearch.sh bash -c \
	  'export PORTAL_SEARCH_URL=$$PORTAL_TEST_OPENSEARCH_URL && $(RELEVANCE_LOAD) && \
	   $(BIN)/python manage.py rebuild_search_index --no-progress && \
	   $(BIN)/python manage.py evaluate_search --engine database && $(BIN)/python manage.py evaluate_search --engine opensearch'
