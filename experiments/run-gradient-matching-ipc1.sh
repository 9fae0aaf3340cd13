#!/usr/bin/env bash
# Gradient matching (dc) and its siamese-augmented form (dsa) at IPC 1 on Fashion-MNIST: test accuracy against
# distillation time under the DM reference evaluation (ConvNet-3, 300 epochs, DSA augmentation while training, 3
# networks per snapshot), both started from real images, 64 real images per class per matching step, the reference
# loops for IPC 1 (1 outer, 1 inner). Results go to experiments/results/gradient-matching/.
# Usage: experiments/run-gradient-matching-ipc1.sh [SNAPSHOTS]   (default 50,100,200; the last is the run's length)
# DISTILLERY overrides the command (default ./distillery), e.g. a copy of artifacts/distillery kept apart from rebuilds.
set -euo pipefail
cd "$(dirname "$0")/.."
distillery=${DISTILLERY:-./distillery}
snapshots=${1:-50,100,200}
workspace=${WORKSPACE:-$(mktemp -d)/gm.db}
out=experiments/results/gradient-matching
mkdir -p "$out"
for method in dc dsa; do
  echo "# $(date -u +%FT%TZ) $method: load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  /usr/bin/time -v $distillery distill -m $method -d fashion-mnist --ipc 1 --workspace "$workspace" --Output:Directory="$out" --output json \
    --Methods:$method:Init=real --Methods:$method:BatchReal=64 --Methods:$method:Iterations="${snapshots##*,}" \
    --snapshot-at "$snapshots" --snapshot-networks 3 \
    --Evaluation:Augmentation=color_crop_cutout_flip_scale_rotate --Evaluation:Epochs=300 --Evaluation:TestBatchSize=32 \
    > "$out/$method-ipc1.json" 2> "$out/$method-ipc1.log"
done
echo "# $(date -u +%FT%TZ) random baseline: load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
/usr/bin/time -v $distillery evaluate dsa-fashion-mnist-ipc1-seed0 --networks 3 --workspace "$workspace" --output json \
  --augment color_crop_cutout_flip_scale_rotate --epochs 300 --Evaluation:TestBatchSize=32 \
  > "$out/evaluate-dsa-ipc1.json" 2> "$out/evaluate-dsa-ipc1.log"
echo "# $(date -u +%FT%TZ) done: load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
