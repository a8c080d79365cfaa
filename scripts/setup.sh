#!/usr/bin/env bash
# Set up planparse on a fresh Debian/Ubuntu machine with Python 3.10+:
# Tesseract with its Swedish model (for scans; needs root, skipped with a notice otherwise)
# and a virtual environment in .venv with planparse and its dev tools.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
if ! command -v tesseract >/dev/null 2>&1 || ! tesseract --list-langs 2>/dev/null | grep -qx swe; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        echo "setup: installing tesseract-ocr, tesseract-ocr-swe, tesseract-ocr-eng" >&2
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            tesseract-ocr tesseract-ocr-swe tesseract-ocr-eng >/dev/null
    else
        echo "setup: Tesseract with Swedish is missing and this is not root: scans will not be OCR'd." >&2
        echo "       install it with: sudo apt-get install tesseract-ocr tesseract-ocr-swe" >&2
    fi
fi

# PostgreSQL server (initdb, pg_ctl, pg_dump under /usr/lib/postgresql/*/bin) for the tests of
# `planparse export --to postgres`; the tests start a throwaway cluster themselves.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        echo "setup: installing postgresql" >&2
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq \
            --no-install-recommends postgresql >/dev/null
    else
        echo "setup: PostgreSQL is missing and this is not root: the --to postgres tests will fail." >&2
        echo "       install it with: sudo apt-get install postgresql" >&2
    fi
fi
# Headless Chromium and its matching driver for the review page browser test
# (tests/review/test_browser.py); Debian's packages, never a browser download at run time.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        echo "setup: installing chromium, chromium-driver" >&2
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq \
            --no-install-recommends chromium chromium-driver >/dev/null
    else
        echo "setup: chromium/chromium-driver missing and this is not root: the review browser test will fail." >&2
        echo "       install them with: sudo apt-get install chromium chromium-driver" >&2
    fi
fi

# Poppler's pdftotext and pdfinfo: the hold-out corpora's tests read their PDFs' text with them,
# a reader independent of the parser under test.
if ! command -v pdftotext >/dev/null 2>&1 || ! command -v pdfinfo >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        echo "setup: installing poppler-utils" >&2
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq \
            --no-install-recommends poppler-utils >/dev/null
    else
        echo "setup: pdftotext/pdfinfo missing and this is not root: the hold-out corpus tests will fail." >&2
        echo "       install them with: sudo apt-get install poppler-utils" >&2
    fi
fi

if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[dev,kolada]"
echo "setup: ready (.venv/bin/planparse)" >&2
