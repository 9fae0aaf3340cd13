#!/usr/bin/env bash
# Reproduces experiments/results/coresets-fashion-mnist-ipc{1,10,50}.json; experiments/coresets_table.py turns them
# into the table in experiments/RESULTS.md. Usage: experiments/run-coresets.sh [IPC ...] (default: 1 10 50).
# DISTILLERY overrides the command (default ./distillery), e.g. a copy of artifacts/distillery kept apart from rebuilds.
set -euo pipefail
cd "$(dirname "$0")/.."
distillery=${DISTILLERY:-./distillery}
workspace=$(mktemp -d)/coresets.db
for ipc in "${@:-1 10 50}"; do
  /usr/bin/time -v $distillery run "experiments/coresets-fashion-mnist-ipc$ipc.json" --output json --workspace "$workspace" \
    --Output:Directory=experiments/results/images \
    > "experiments/results/coresets-fashion-mnist-ipc$ipc.json" 2> "experiments/results/coresets-fashion-mnist-ipc$ipc.log"
done
