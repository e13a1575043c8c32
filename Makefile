# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test setup eval clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/sitrep analyze examples/01_border_smuggling.txt --format text

test: $(STAMP)
	$(BIN)/pytest

eval: $(STAMP)
	PATH=$(abspath $(BIN)):$$PATH ../shared/tools/sitrep-eval reports --gold ../shared/eval/reports/dev.jsonl

clean:
	rm -rf $(VENV) build *.egg-info
