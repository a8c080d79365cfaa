#!/usr/bin/env bash
# Set up (scripts/setup.sh) and run the whole test suite, one worker per CPU, each taking whole
# test files (their module-level parse caches stay useful). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# Tesseract's output kept between runs, by Tesseract version, language, settings and page image
# (planparse's own content-addressed cache: the same lines as a fresh run). Delete it, or set
# PLANPARSE_OCR_CACHE to an empty folder, to run cold.
export PLANPARSE_OCR_CACHE="${PLANPARSE_OCR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/planparse/test-ocr}"
mkdir -p "$PLANPARSE_OCR_CACHE"
.venv/bin/ruff check src tests benchmarks fixtures
.venv/bin/mypy src
.venv/bin/python -m pytest -q -n auto --dist loadfile "$@"
