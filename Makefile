# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

VENDOR := src/sitrep/web/static/vendor

.PHONY: demo serve test lint setup eval clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

# Front-end libraries come from npm at set-up and are copied next to the app; never committed.
$(VENDOR)/.stamp: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	mkdir -p $(VENDOR)/images
	cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css $(VENDOR)/
	cp node_modules/leaflet/dist/images/* $(VENDOR)/images/
	cp node_modules/cytoscape/dist/cytoscape.min.js $(VENDOR)/
	cp node_modules/layout-base/layout-base.js node_modules/cose-base/cose-base.js node_modules/cytoscape-fcose/cytoscape-fcose.js $(VENDOR)/
	cp node_modules/leaflet.markercluster/dist/leaflet.markercluster.js node_modules/leaflet.heat/dist/leaflet-heat.js $(VENDOR)/
	cp node_modules/leaflet.markercluster/dist/MarkerCluster.css node_modules/leaflet.markercluster/dist/MarkerCluster.Default.css $(VENDOR)/
	cp node_modules/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js node_modules/vis-timeline/styles/vis-timeline-graph2d.min.css $(VENDOR)/
	cp node_modules/topojson-client/dist/topojson-client.min.js node_modules/world-atlas/countries-110m.json $(VENDOR)/
	touch $@

setup: $(STAMP) $(VENDOR)/.stamp

demo: setup
	$(BIN)/sitrep analyze examples/01_border_smuggling.txt --format text

# The web app on the example reports (ingesting again adds nothing): http://127.0.0.1:8000/map
DEMO_DB ?= demo.db
serve: setup
	$(BIN)/sitrep ingest examples/corpus.jsonl --db $(DEMO_DB)
	$(BIN)/sitrep serve --db $(DEMO_DB)

test: setup
	$(BIN)/pytest

# Style, import order, bugbear, complexity and types (tools pinned in the test extra).
lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/mypy

eval: $(STAMP)
	PATH=$(abspath $(BIN)):$$PATH ../shared/tools/sitrep-eval reports --gold ../shared/eval/reports/dev.jsonl

clean:
	rm -rf $(VENV) build *.egg-info
