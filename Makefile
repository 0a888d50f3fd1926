# Two commands for a fresh machine:  `make run`  (set up, build the index, serve)  and  `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install run index test browser clean

# --no-compile: pip would byte-compile every module of torch, transformers and spaCy (about a
# minute on 2 cores); Python compiles the few that are imported when they first are.
$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --no-compile torch==2.13.0
	$(BIN)/python -m pip install -q --no-compile -c constraints.txt -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

index: install
	$(BIN)/qa index

run: index
	$(BIN)/qa serve

browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test: install browser
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) embeddings/*.npz embeddings/*.faiss embeddings/*.json
