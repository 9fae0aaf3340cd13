#!/usr/bin/env bash
# The continual benchmark on Split-Fashion-MNIST (see the two experiment files), one workspace for both, with the wall
# time of each and the size of the database they leave. Results go to experiments/results/continual/.
# DISTILLERY overrides the command (default ./distillery), e.g. a copy of artifacts/distillery kept apart from rebuilds.
set -euo pipefail
cd "$(dirname "$0")/.."
source experiments/common.sh
accept_settings
out=experiments/results/continual
workspace=$(mktemp -d)/continual.db
mkdir -p "$out"
for name in gdumb bounds; do
  note "$name"
  /usr/bin/time -v $distillery continual "experiments/continual-split-fashion-mnist-$name.json" --output json --workspace "$workspace" \
    --Output:Directory="$out" "$@" > "$out/$name.json" 2> "$out/$name.log"
  echo "# workspace after $name: $(du -b "$workspace" | cut -f1) bytes" >&2
done
note done
