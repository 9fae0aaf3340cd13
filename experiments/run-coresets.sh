#!/usr/bin/env bash
# Reproduces experiments/results/coresets-fashion-mnist-ipc{1,10,50}.json and the table in experiments/RESULTS.md.
# Each file is one `distillery run`; the workspace database goes to a temporary file.
set -euo pipefail
cd "$(dirname "$0")/.."
workspace=$(mktemp -d)/coresets.db
for ipc in "${@:-1 10 50}"; do
  for i in $ipc; do
    /usr/bin/time -v ./distillery run "experiments/coresets-fashion-mnist-ipc$i.json" --output json --workspace "$workspace" \
      --Output:Directory=experiments/results/images \
      > "experiments/results/coresets-fashion-mnist-ipc$i.json" 2> "experiments/results/coresets-fashion-mnist-ipc$i.log"
  done
done
