#!/usr/bin/env bash
# Gradient matching (dc) and its siamese-augmented form (dsa) on Fashion-MNIST: test accuracy against distillation
# time under the DM reference evaluation (ConvNet-3, 300 epochs, DSA augmentation while training, 3 networks per
# snapshot), started from real images, 64 real images per class per matching step, the reference loops for the IPC
# (IPC 1: 1 outer / 1 inner, IPC 10: 10 / 50), then the random subset under the same evaluation.
# Results go to experiments/results/gradient-matching/.
# Usage: experiments/run-gradient-matching.sh [SNAPSHOTS]   (default 50,100,200; the last is the run's length)
# Environment: IPC (default 1), METHODS (default "dc dsa"), ARCH (the network matched during distillation, default
# convnet; convnet:w64 is half as wide), TAG (appended to result names), BASELINE (default 1; 0 skips the random subset),
# INIT_FROM (a stored set to start from instead of real images), THREADS (default: the configured thread count),
# WORKSPACE (default: a fresh temporary database).
# DISTILLERY overrides the command (default ./distillery), e.g. a copy of artifacts/distillery kept apart from rebuilds.
set -euo pipefail
cd "$(dirname "$0")/.."
source experiments/common.sh
accept_settings ARCH BASELINE INIT_FROM IPC METHODS TAG WORKSPACE
snapshots=${1:-50,100,200}
ipc=${IPC:-1}
arch=${ARCH:-convnet}
tag=${TAG:-}
workspace=${WORKSPACE:-$(mktemp -d)/gm.db}
start=()
[ -z "${INIT_FROM:-}" ] || start=(--init-from "$INIT_FROM")
out=experiments/results/gradient-matching
mkdir -p "$out"
last=""
for method in ${METHODS:-dc dsa}; do
  name=$method-fashion-mnist-ipc$ipc-seed0$tag
  note "$name"
  /usr/bin/time -v $distillery distill -m "$method" -d fashion-mnist --ipc "$ipc" --arch "$arch" --name "$name" \
    --workspace "$workspace" --Output:Directory="$out" --output json "${threads[@]}" \
    --Methods:$method:Init=real --Methods:$method:BatchReal=64 --Methods:$method:Iterations="${snapshots##*,}" \
    --snapshot-at "$snapshots" --snapshot-networks 3 "${start[@]}" "${evaluation[@]}" \
    > "$out/$method-ipc$ipc$tag.json" 2> "$out/$method-ipc$ipc$tag.log"
  last=$name
done
if [ "${BASELINE:-1}" = 1 ]; then
  note "random baseline"
  /usr/bin/time -v $distillery evaluate "$last" --baseline-only --networks 3 --workspace "$workspace" --output json "${threads[@]}" "${evaluation[@]}" \
    > "$out/random-ipc$ipc$tag.json" 2> "$out/random-ipc$ipc$tag.log"
fi
note done
