# Two commands do all the set-up (see README):
#   make serve   build the site and serve it at http://127.0.0.1:8000 with live reload
#   make test    run the whole test suite
# Both create .venv and install the exact pins from requirements.lock the first
# time, and skip that step afterwards until the lock file changes.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed-lock

# Material 9.8 prints an end-of-life banner about MkDocs 2 on every build.
export NO_MKDOCS_2_WARNING := 1
# Some plugin releases print a similar banner, silenced by this variable.
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: serve preview build offline release-pack test benchmark linkcheck new-page review-due lock clean

serve: $(INSTALLED)
	$(BIN)/mkdocs serve --livereload

# While writing: rebuilds only the pages you change, so an edit shows in about
# half a second instead of 1.5 s. Search and the print page then hold only the
# changed pages, and MkDocs warns that the build is "dirty"; use make serve to
# check the whole site.
preview: $(INSTALLED)
	$(BIN)/mkdocs serve --livereload --dirty

# Strict: any MkDocs warning (broken link, missing anchor, page left out of
# the nav) fails the build. Never add -q: it hides warnings from --strict.
build: $(INSTALLED)
	$(BIN)/mkdocs build --strict

# A copy of the site that works opened from disk (file://), search included,
# zipped for a clinic without reliable internet: site-offline.zip.
offline: $(INSTALLED)
	OFFLINE=true $(BIN)/mkdocs build --strict --site-dir site-offline
	rm -f site-offline.zip && cd site-offline && $(CURDIR)/$(BIN)/python -m zipfile -c ../site-offline.zip .

# What each release carries (.github/workflows/release.yml): the offline copy
# and a PDF of the pages for patients and carers, printed by Chromium, in dist/.
release-pack: offline
	mkdir -p dist
	cp site-offline.zip dist/imlygic-site-offline.zip
	$(BIN)/python scripts/patients_pdf.py site-offline dist/imlygic-patients-and-carers.pdf

test: $(INSTALLED)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

$(INSTALLED): requirements.lock
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	# The project's own library (sitecheck/) on the venv's import path, as an
	# editable install would put it, without needing a build backend: scripts,
	# hooks, benchmarks and tests import it by name, with no sys.path edits.
	echo "$(CURDIR)" > "$$($(BIN)/python -c 'import sysconfig; print(sysconfig.get_path("purelib"))')/imlygic-site.pth"
	touch $@

# On demand, never in CI: build time, page weight and Lighthouse against the
# budgets in benchmarks/budgets.json (benchmarks/README.md). About 10 minutes.
benchmark: $(INSTALLED)
	$(BIN)/python -m benchmarks $(BENCHMARK_ARGS)

# Opt-in, needs the network: do the external links still answer?
linkcheck: $(INSTALLED)
	$(BIN)/python scripts/check_external_links.py

# Create a page from the template and add it to the nav:
#   make new-page PAGE=clinical-trials/new-trial.md TITLE="New trial"
new-page: $(INSTALLED)
	$(BIN)/python scripts/new_page.py "$(PAGE)" "$(TITLE)"

# List pages whose next_review date has passed (add WITHIN=30 for the next 30 days).
review-due: $(INSTALLED)
	$(BIN)/python scripts/review_due.py --within "$(or $(WITHIN),0)"

# Regenerate the exact pins after editing pyproject.toml.
lock: $(INSTALLED)
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra test --generate-hashes --universal \
		--python-version 3.11 --custom-compile-command "make lock" --quiet -o requirements.lock

clean:
	rm -rf site site-offline site-offline.zip dist .cache $(VENV)
