# Two commands matter: `make book` and `make test`. Both set up .venv first if needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt pyproject.toml | sha256sum | cut -c1-16)
# The CITATION.cff validator needs jsonschema<4, so it lives in a venv of its own.
CFF_VENV := .venv-cff
CFF_STAMP := $(CFF_VENV)/.installed-$(shell sha256sum requirements-cff.txt | cut -c1-16)

.PHONY: book catalogues test check format axe validate notebooks data hashes update accept capture lab pdf citation setup browser bench clean

setup: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	# The lock file pins every package, so pip installs it as it is (--no-deps: no resolver, and no warning that
	# typer has no extra 'all', which frictionless asks for), then checks that every requirement is met.
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-virtualenv --no-deps -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/python -m pip check --quiet --disable-pip-version-check
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

$(CFF_STAMP): requirements-cff.txt
	test -x $(CFF_VENV)/bin/python || $(PYTHON) -m venv $(CFF_VENV)
	$(CFF_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-cff.txt
	rm -f $(CFF_VENV)/.installed-*
	touch $(CFF_STAMP)

## Validate every data file (also the first step of `make book`).
validate: $(STAMP)
	$(BIN)/python -m bistand.data.validate

## Build the HTML book: English into _build/html, Swedish into _build/html/sv (at the same time, two
## processes, on a machine with more than one CPU); warnings are errors.
## `make book EDITIONS=en` builds English alone. Refuses, naming `make update`, when a notebook's stored outputs
## were computed from other data than data/ holds now (chapters/outputs-data.json).
EDITIONS ?= all
book: validate
	$(BIN)/python -m bistand.publishing.notebooks --check
	$(BIN)/python -m bistand.publishing.editions $(EDITIONS)

## The message catalogues after an English change: extract every page's messages (_build/gettext), merge them into
## locales/sv/LC_MESSAGES/**.po (a changed message keeps its old translation, marked fuzzy; a new one is empty), merge
## the data's shown words (the reference list's titles, dates as given and notes among them) into
## locales/sv/LC_MESSAGES/data.po the same way (bistand.publishing.data_catalogue), and
## count translated/fuzzy/untranslated per page (bistand.publishing.catalogues: missing translations do not fail it,
## as they would `sphinx-intl stat`, which exits 1 then; tests/test_catalogues.py is where they fail).
catalogues: $(STAMP)
	$(BIN)/python -m bistand.publishing.editions gettext
	$(BIN)/sphinx-intl update -p _build/gettext -l sv -d locales
	$(BIN)/python -m bistand.publishing.data_catalogue
	$(BIN)/python -m bistand.publishing.catalogues sv

## The PDF edition: print the built HTML with headless Chromium into _build/pdf/ (and link it from the HTML).
pdf: book browser
	$(BIN)/python -m bistand.publishing.pdf

## Write CITATION.cff from the metadata in pyproject.toml ([tool.bistand.book]).
citation: $(STAMP)
	$(BIN)/python -m bistand.publishing.citation

## Headless Chromium for the browser tests: Debian's chromium and chromium-driver, installed if missing.
browser:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	  else echo "chromium/chromedriver missing and cannot be installed here: install Debian's chromium chromium-driver"; fi; \
	fi

## axe-core for the accessibility tests: installed from npm under the build folder (needs node and npm).
AXE_VERSION := 4.14.1
AXE := _build/axe/node_modules/axe-core/axe.min.js

$(AXE):
	mkdir -p _build/axe
	npm install --prefix _build/axe --no-audit --no-fund --no-save --silent axe-core@$(AXE_VERSION)

axe: $(AXE)

## Run every test: the package, the data, every notebook under strict nbval, the built book in a browser
## (and axe-core on every page), the PDF.
test: pdf $(CFF_STAMP) $(AXE)
	$(BIN)/python -m pytest --nbval --nbval-current-env chapters tests

## Lint and format check (ruff, pinned, configured in pyproject.toml), then the unit tests only (the package and the
## data; nothing built, no browser, no .venv-cff) on two processes (pytest-xdist; CHECK_WORKERS=1 for one): about
## 45 s of CPU, so about 25 s of pytest on two idle cores. `make format` applies ruff's fixes.
CHECK_WORKERS ?= 2
check: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -m unit -n $(CHECK_WORKERS) tests

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## Re-execute the notebooks and store their outputs (after a change to data or code).
notebooks: $(STAMP)
	$(BIN)/python -m bistand.publishing.notebooks

## Regenerate data/figures_reference.csv from data/raw (the reference inputs), the derived values and the bibliography.
data: $(STAMP)
	$(BIN)/python data/recipes/reference_figures.py
	$(BIN)/python -m bistand.data.derive
	$(BIN)/python -m bistand.publishing.bibliography

## Record the current sha256 of each data file in data/datapackage.json (refuses, exit 1, if the data does not validate).
## After a data change run `make update` instead: it does this and re-executes the notebooks.
hashes: $(STAMP)
	$(BIN)/python -m bistand.data.validate --update-hashes

## After editing data/*.csv: derive, validate, record hashes, re-execute the notebooks, in order;
## stops at the first problem; prints the CHANGELOG.md lines to add. NOTEBOOKS=chapters/x.ipynb limits the last step.
update: $(STAMP)
	$(BIN)/python -m bistand.publishing.update $(NOTEBOOKS)

## Accept the figures this edition's outputs now show as the expected ones (tests/edition_figures.json), after
## `make update` has listed the differences.
accept: $(STAMP)
	$(BIN)/python -m bistand.publishing.edition --accept

## Record a new capture of a primary source in sources/ with its MANIFEST.csv row:
##   make capture FILE=path/to/text.txt SOURCE=str2022web [URL=https://...] [CAPTURED_ON=2026-12-06] [NOTE="..."]
capture: $(STAMP)
	@test -n "$(FILE)" -a -n "$(SOURCE)" || { echo "usage: make capture FILE=path/to/text.txt SOURCE=<source_id> [URL=...] [CAPTURED_ON=YYYY-MM-DD] [NOTE=...]"; exit 2; }
	$(BIN)/python -m bistand.data.captures "$(FILE)" --source-id "$(SOURCE)" $(if $(URL),--captured-from "$(URL)") $(if $(CAPTURED_ON),--captured-on "$(CAPTURED_ON)") $(if $(NOTE),--note "$(NOTE)")

## JupyterLab (pinned in requirements-lab.txt, resolved with the book's pins) in .venv, on the chapters, with the book's kernel.
LAB_STAMP := $(VENV)/.lab-$(shell cat requirements-lab.txt requirements.txt | sha256sum | cut -c1-16)
$(LAB_STAMP): $(STAMP) requirements-lab.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-virtualenv -r requirements-lab.txt
	$(BIN)/python -m pip check
	rm -f $(VENV)/.lab-*
	touch $(LAB_STAMP)

# Root (as in a container) must say so explicitly; the extension manager is read-only (the set is pinned).
LAB_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)
lab: $(LAB_STAMP)
	$(BIN)/jupyter lab --notebook-dir=chapters --LabApp.extension_manager=readonly $(LAB_ROOT) $(LAB_ARGS)

clean:
	rm -rf _build

## Lighthouse for `make bench`: installed from npm under the build folder (needs node and npm).
LIGHTHOUSE_VERSION := 12.8.2
LIGHTHOUSE := _build/bench/node_modules/.bin/lighthouse

$(LIGHTHOUSE):
	mkdir -p _build/bench
	npm install --prefix _build/bench --no-audit --no-fund --no-save --silent lighthouse@$(LIGHTHOUSE_VERSION)

## Print Lighthouse scores per page (served with gzip, system chromium), then timings and page weights (not a test).
bench: book $(LIGHTHOUSE)
	CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} $(BIN)/python bench/lighthouse.py
	$(BIN)/python bench/bench.py
