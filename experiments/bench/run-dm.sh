#!/usr/bin/env bash
# DM iteration timings: the engine's method and the PyTorch twin of the reference loop, back to back at 2 threads,
# for each real batch size; see RESULTS.md. Build first: dotnet build -c Release experiments/Distillery.Benchmarks
set -euo pipefail
cd "$(dirname "$0")/../.."
bench="dotnet artifacts/benchmarks/Distillery.Benchmarks.dll"
py="/usr/bin/python3 experiments/bench/dm_step.py"
warmup="${WARMUP:-1}"
steps="${STEPS:-3}"
augmentation="${AUGMENTATION:-color_crop_cutout_flip_scale_rotate}"

echo "# $(date -u +%FT%TZ) $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
for batch_real in ${BATCH_REAL:-64 256}; do
  $bench dm-step --threads 2 --ipc 10 --batch-real "$batch_real" --warmup "$warmup" --steps "$steps" --augmentation "$augmentation"
  $py --threads 2 --ipc 10 --batch-real "$batch_real" --warmup "$warmup" --steps "$steps" --augmentation "$augmentation" | grep -v '^#'
  echo "# load: $(cut -d' ' -f1-3 /proc/loadavg)"
done
echo "# done $(date -u +%FT%TZ), load: $(cut -d' ' -f1-3 /proc/loadavg)"
