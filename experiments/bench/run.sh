#!/usr/bin/env bash
# Runs the .NET and PyTorch measurements back to back, interleaved, at 2 threads; see RESULTS.md.
# Build first: dotnet build -c Release experiments/Distillery.Benchmarks
set -euo pipefail
cd "$(dirname "$0")/../.."
bench="dotnet artifacts/benchmarks/Distillery.Benchmarks.dll"
py="/usr/bin/python3 experiments/bench/train_step.py"
rounds="${ROUNDS:-3}"
epochs="${EPOCHS:-150}"

echo "# $(date -u +%FT%TZ) $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$rounds"); do
  $bench train-step --threads 2 --steps 20 --warmup 3
  $py train-step --threads 2 --steps 20 --warmup 3 | grep -v '^#'
done
$bench evaluate --threads 2 --ipc 10 --epochs "$epochs"
$py evaluate --threads 2 --ipc 10 --epochs "$epochs" | grep -v '^#'
echo "# done $(date -u +%FT%TZ), load: $(cut -d' ' -f1-3 /proc/loadavg)"
