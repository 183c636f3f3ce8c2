#!/usr/bin/env bash
# Set everything up and run the whole test suite (this is what CI runs).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev
.venv/bin/ruff check .
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
