#!/usr/bin/env bash
# Set up (scripts/setup.sh) and run the main job: parse every bundled fixture PDF into out/,
# then export the results to out/planparse.sqlite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
status=0
.venv/bin/planparse parse fixtures/ -o out/ "$@" || status=$?
.venv/bin/planparse export out/ --to sqlite
exit "$status"
