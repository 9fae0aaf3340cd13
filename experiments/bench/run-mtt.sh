#!/usr/bin/env bash
# Trajectory-matching iteration timings: the engine's mtt and tesla gradients and the PyTorch twin of each, back to
# back at 2 threads, for each number of student steps; see RESULTS.md. Build first:
# dotnet build -c Release experiments/Distillery.Benchmarks
# mtt keeps every step's graph: ~0.65 GB per student step at IPC 10 (peak resident memory printed per run).
set -euo pipefail
cd "$(dirname "$0")/../.."
bench="dotnet artifacts/benchmarks/Distillery.Benchmarks.dll"
py="/usr/bin/python3 experiments/bench/mtt_step.py"
warmup="${WARMUP:-1}"
steps="${STEPS:-3}"

echo "# $(date -u +%FT%TZ) $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
for syn_steps in ${SYN_STEPS:-10 20}; do
  for method in ${METHODS:-mtt tesla}; do
    $bench mtt-step --method "$method" --threads 2 --ipc 10 --syn-steps "$syn_steps" --warmup "$warmup" --steps "$steps"
    $py --method "$method" --threads 2 --ipc 10 --syn-steps "$syn_steps" --warmup "$warmup" --steps "$steps" | grep -v '^#'
    echo "# load: $(cut -d' ' -f1-3 /proc/loadavg)"
  done
done
echo "# done $(date -u +%FT%TZ), load: $(cut -d' ' -f1-3 /proc/loadavg)"
