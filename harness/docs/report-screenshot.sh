#!/usr/bin/env bash
# Regenerates harness/docs/report.png, the README's picture of the report: runs the README's main command (the
# whole suite on every backend; a run with failures still writes its report) and photographs reports/index.html
# in headless Chromium. Needs Chromium (apt-get install chromium, or CHROMIUM_PATH).
set -euo pipefail
cd "$(dirname "$0")/../.."
status=0
mvn -q compile exec:java || status=$?
[ "$status" -le 1 ] || { echo "the run exited $status: no report to photograph"; exit "$status"; }
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"${CHROMIUM_PATH:-chromium}" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --user-data-dir="$profile" --hide-scrollbars --window-size=1280,1000 \
    --virtual-time-budget=5000 --screenshot=harness/docs/report.png "file://$PWD/reports/index.html"
echo "wrote harness/docs/report.png"
