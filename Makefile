# Two commands on a fresh machine: `make run` and `make test`.
# Everything else here is what those two need, plus bench, lint and backups.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
STAMP  := $(VENV)/.installed-$(shell sha1sum requirements.txt | cut -c1-12)

export DJANGO_SETTINGS_MODULE := kb.settings
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test setup db browser lint fmt bench backup restore clean

# The import jobs' worker (django-tasks' database backend) runs beside the
# server and stops with it.
run: db
	@echo "Serving on http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	@echo "Import jobs: http://127.0.0.1:$(PORT)/admin/ingest/importjob/add/ (worker started)"
	DJANGO_DEBUG=1 $(BIN)/python manage.py db_worker --no-reload -v 0 & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  DJANGO_DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: db browser
	$(BIN)/python -m pytest $(PYTEST_ARGS)

setup: $(STAMP)

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $@

# Migrate the database (SQLite by default, or $DATABASE_URL), import the seeds,
# and make the editor login.
db: setup
	DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --noinput -v 0
	DJANGO_DEBUG=1 $(BIN)/python manage.py import_articles seeds/ --quiet
	DJANGO_DEBUG=1 $(BIN)/python manage.py create_editor

# Browser tests drive Debian's Chromium; install it from apt when missing.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests..."; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "warning: could not install chromium; browser tests will be skipped"; }

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	DJANGO_DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run

fmt: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: setup
	$(BIN)/python bench/run.py $(BENCH_ARGS)
	$(BIN)/python bench/jobs.py $(BENCH_JOBS_ARGS)

# Where `make backup` writes: a dated file in var/ unless BACKUP=... says otherwise.
BACKUP ?= var/backup-$(shell date +%Y%m%d-%H%M%S).jsonl

backup: setup
	DJANGO_DEBUG=1 $(BIN)/python manage.py export_kb --output $(BACKUP)

restore: setup
	@test -n "$(FILE)" || { echo "usage: make restore FILE=var/backup-....jsonl"; exit 2; }
	DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --noinput -v 0
	DJANGO_DEBUG=1 $(BIN)/python manage.py import_kb $(FILE)

clean:
	rm -rf $(VENV) db.sqlite3* var
