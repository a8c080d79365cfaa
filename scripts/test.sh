#!/usr/bin/env bash
# Set up (scripts/setup.sh) and run the whole test suite, one worker per CPU, each taking whole
# test files (their module-level parse caches stay useful). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check src tests benchmarks fixtures
.venv/bin/mypy src
.venv/bin/python -m pytest -q -n auto --dist loadfile "$@"
