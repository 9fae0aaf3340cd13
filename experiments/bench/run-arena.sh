#!/usr/bin/env bash
# glibc's malloc arenas and libtorch on the CPU: the same commands under three heap settings, with /usr/bin/time's
# processor seconds, minor page faults and peak resident memory; see RESULTS.md (h). One line per run on stdout.
#   glibc       --Distillery:ReuseHeap=false: glibc's defaults
#   in-process  the host's default (mmap off, no trimming, one arena, set with mallopt at start-up)
#   launcher    the same with MALLOC_ARENA_MAX=1 in the environment, as ./distillery starts it
# Workloads: frepo, 15 iterations at IPC 10 (1 and 2 threads); evaluate that set, one ConvNet-3, 60 epochs with DSA
# augmentation (1 thread). DISTILLERY as in experiments/common.sh (default: the dll, without the launcher's
# MALLOC_ARENA_MAX); VARIANTS picks variants (default: all three, in the order above).
set -euo pipefail
cd "$(dirname "$0")/../.."
source experiments/common.sh
accept_settings VARIANTS -THREADS  # each workload runs at the thread counts above
distillery=${DISTILLERY:-dotnet artifacts/distillery/distillery.dll}
for variant in ${VARIANTS:-}; do
  case $variant in glibc|in-process|launcher) ;; *) echo "error: unknown variant '$variant' in VARIANTS; variants: glibc in-process launcher" >&2; exit 2 ;; esac
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() { # variant, workload, threads, command arguments...
  local variant=$1 workload=$2 threads=$3; shift 3
  local settings=(--workspace "$work/$variant.db" --Output:Directory="$work" --Distillery:Threads="$threads" --output json)
  local environment=(env -u MALLOC_ARENA_MAX)
  case $variant in
    glibc) settings+=(--Distillery:ReuseHeap=false) ;;
    launcher) environment=(env MALLOC_ARENA_MAX=1) ;;
  esac
  "${environment[@]}" /usr/bin/time -v $distillery "$@" "${settings[@]}" > "$work/out.json" 2> "$work/time.log"
  local figure
  figure=$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(d["results"][0]["mean"] if "results" in d else "processor_s=%.1f" % d["processor_seconds"])' "$work/out.json")
  awk -v v="$variant" -v w="$workload" -v t="$threads" -v f="$figure" -F': ' '
    /User time/ {u = $2} /System time/ {s = $2} /Maximum resident/ {r = $2} /Minor/ {m = $2}
    END {printf "variant=%s workload=%s threads=%s user_s=%s system_s=%s minor_faults=%s max_rss_kb=%s result=%s\n", v, w, t, u, s, m, r, f}' \
    "$work/time.log"
}

echo "# $(date -u +%FT%TZ) $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), family $(grep -m1 'cpu family' /proc/cpuinfo | cut -d: -f2 | xargs), $(grep -o -m1 avx512f /proc/cpuinfo || echo avx2), load $(cut -d' ' -f1-3 /proc/loadavg)"
for variant in ${VARIANTS:-glibc in-process launcher}; do
  for threads in 1 2; do
    measure "$variant" frepo "$threads" distill -m frepo -d fashion-mnist --ipc 10 --Methods:frepo:Iterations=15 \
      --name "frepo-t$threads" --overwrite
  done
  measure "$variant" evaluate 1 evaluate frepo-t1 --epochs 60 --networks 1 --no-baseline \
    --Evaluation:Augmentation=color_crop_cutout_flip_scale_rotate
done
echo "# done $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
