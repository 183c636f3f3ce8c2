#!/usr/bin/env bash
# Set everything up and run the main job: show the shipped registry, then (re)generate the default datasets.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev
.venv/bin/continue-tools tools --surface ide
if .venv/bin/continue-tools generate --help >/dev/null 2>&1; then
  .venv/bin/continue-tools generate
fi
