#!/usr/bin/env bash
# Set up (scripts/setup.sh) and run the main job: parse the bundled fixture PDFs (the family
# fixtures and the real documents; the stress corpus is the accuracy benchmark's) into out/,
# then export the results to out/planparse.sqlite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
status=0
.venv/bin/planparse parse fixtures/*.pdf fixtures/real/*.pdf -o out/ "$@" || status=$?
.venv/bin/planparse export out/ --to sqlite
exit "$status"
