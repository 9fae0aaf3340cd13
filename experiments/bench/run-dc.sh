#!/usr/bin/env bash
# DC outer-iteration pieces, .NET then PyTorch back to back at 2 threads, IPC 1 and 10; see RESULTS.md.
# Build first: dotnet build -c Release experiments/Distillery.Benchmarks
set -euo pipefail
cd "$(dirname "$0")/../.."
steps="${STEPS:-2}"
echo "# $(date -u +%FT%TZ) $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
for ipc in ${IPCS:-1 10}; do
  dotnet artifacts/benchmarks/Distillery.Benchmarks.dll dc-step --threads 2 --ipc "$ipc" --batch-real 256 --warmup 1 --steps "$steps"
  echo "# load: $(cut -d' ' -f1-3 /proc/loadavg)"
  (cd experiments/bench && /usr/bin/python3 dc_step.py --threads 2 --ipc "$ipc" --batch-real 256 --warmup 1 --steps "$steps")
  echo "# load: $(cut -d' ' -f1-3 /proc/loadavg)"
done
echo "# done $(date -u +%FT%TZ), load: $(cut -d' ' -f1-3 /proc/loadavg)"
