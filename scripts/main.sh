#!/usr/bin/env bash
# Set everything up and run the main job: the shipped registries, and the toolsets Continue offers a capable
# and a small open model; then (re)generate the default datasets once the generator exists.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev
ct=.venv/bin/continue-tools
latest() { .venv/bin/python -c "from extractor.shipped import latest_registry_path as p; print(p('$1'))"; }
$ct tools --surface ide
$ct tools --surface cli
for model in claude-sonnet-4 llama3.1:8b; do
  provider=$([ "$model" = "claude-sonnet-4" ] && echo anthropic || echo ollama)
  echo "IDE toolset for $model ($provider):"
  $ct toolset --registry "$(latest ide)" --surface ide --model "$model" --provider "$provider" --format json
done
if $ct generate --help >/dev/null 2>&1; then
  $ct generate
fi
