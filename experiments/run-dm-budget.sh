#!/usr/bin/env bash
# Distribution matching at IPC 10 on Fashion-MNIST: test accuracy against distillation time, from real images and from
# a herding coreset, beside the herding start and a random subset, all under the DM reference evaluation (ConvNet-3,
# 300 epochs, DSA augmentation while training, mean ± std over 3 networks). Results go to experiments/results/dm/.
#
# Usage: experiments/run-dm-budget.sh [STAGE ...]   stages, in order: herding from-herding evaluate-herding from-real
#   (default: all four). WORKSPACE keeps the database between stages (default: a fresh temporary file).
#   FROM_HERDING and FROM_REAL are the snapshot iterations (the last one is the run's length). Stage narrow-from-real
#   distills with a ConvNet-3 of width 64 instead of 128 (NARROW snapshots, default 1000,2000); all are evaluated on the
#   standard ConvNet-3. Stage from-real-lr repeats from-real with higher image learning rates (LRS, default "3 10";
#   LR_SNAPSHOTS, default 250,500). THREADS sets the thread count (default: the configured one).
# DISTILLERY overrides the command (default ./distillery), e.g. a copy of artifacts/distillery kept apart from rebuilds.
set -euo pipefail
cd "$(dirname "$0")/.."
source experiments/common.sh
accept_settings FROM_HERDING FROM_REAL LRS LR_SNAPSHOTS NARROW WORKSPACE
workspace=${WORKSPACE:-$(mktemp -d)/dm.db}
from_herding=${FROM_HERDING:-250,500,1000}
from_real=${FROM_REAL:-250,500,1000}
narrow=${NARROW:-1000,2000}
out=experiments/results/dm
mkdir -p "$out"
common=(--workspace "$workspace" --Output:Directory="$out" --output json "${evaluation[@]}" "${threads[@]}")
dm() { # snapshot list
  echo --Methods:dm:BatchReal=64 --Methods:dm:Iterations="${1##*,}" --snapshot-at "$1" --snapshot-networks 3
}
run() { # name, command...
  local name=$1; shift
  note "$name"
  /usr/bin/time -v "$@" > "$out/$name.json" 2> "$out/$name.log"
}

stages=("$@")
[ ${#stages[@]} -gt 0 ] || stages=(herding from-herding evaluate-herding from-real)
for stage in "${stages[@]}"; do
  case $stage in
    herding) run herding $distillery distill -m herding -d fashion-mnist --ipc 10 --Methods:herding:PretrainImages=10000 "${common[@]}" ;;
    from-herding) run dm-from-herding $distillery distill -m dm -d fashion-mnist --ipc 10 --init-from herding-fashion-mnist-ipc10-seed0 \
      --name dm-from-herding-fashion-mnist-ipc10 $(dm "$from_herding") "${common[@]}" ;;
    evaluate-herding) run evaluate-herding $distillery evaluate herding-fashion-mnist-ipc10-seed0 --networks 3 "${common[@]}" ;;
    from-real) run dm-from-real $distillery distill -m dm -d fashion-mnist --ipc 10 --name dm-from-real-fashion-mnist-ipc10 \
      $(dm "$from_real") "${common[@]}" ;;
    from-real-lr) for lr in ${LRS:-3 10}; do
        run dm-from-real-lr$lr $distillery distill -m dm -d fashion-mnist --ipc 10 --name dm-from-real-lr$lr-fashion-mnist-ipc10 \
          --Methods:dm:LearningRateImages=$lr $(dm "${LR_SNAPSHOTS:-250,500}") "${common[@]}"
      done ;;
    narrow-from-real) run dm-narrow-from-real $distillery distill -m dm -d fashion-mnist --ipc 10 --arch convnet:w64 \
      --name dm-narrow-from-real-fashion-mnist-ipc10 $(dm "$narrow") "${common[@]}" ;;
    *) echo "unknown stage '$stage'; stages: herding from-herding evaluate-herding from-real from-real-lr narrow-from-real" >&2; exit 2 ;;
  esac
done
note done
