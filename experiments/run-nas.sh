#!/usr/bin/env bash
# Architecture search on Fashion-MNIST (experiments/nas-fashion-mnist.json): the ground truth of 40 ConvNet variants,
# the proxies (a DM set, a DSA set, a frepo set with soft labels, each also with DSA augmentation, a random subset, early stopping, zero-cost scores), the proxy-quality report, and
# regularized evolution beside random search over the 40 with the distilled proxy. Every step is resumable: scores
# are stored in the workspace as they are made, so rerunning the script continues where it stopped and recomputes
# nothing. Results go to experiments/results/nas/.
# Usage: experiments/run-nas.sh [STEP...]   steps: sets ground-truth proxies report search (default: all, in order),
# and timing (not in the default: the proxies timed again beside recent ground truths, see timing())
# Environment: WORKSPACE (default experiments/results/nas/nas.db, committed: it holds the proxy sets and every score so far), THREADS (default: the configured
# count), DISTILLERY (the command, default ./distillery), TIMING_CANDIDATES (timing's candidates, names without convnet:).
set -euo pipefail
cd "$(dirname "$0")/.."
source experiments/common.sh
accept_settings TIMING_CANDIDATES WORKSPACE
out=experiments/results/nas
mkdir -p "$out"
workspace=${WORKSPACE:-$out/nas.db}
experiment=experiments/nas-fashion-mnist.json
run=($distillery --workspace "$workspace" "${threads[@]}")
dm=dm-ipc10-lr3
dsa=dsa-ipc10-w64
frepo=frepo-ipc10

sets() { # the proxy sets, by the recipes of RESULTS.md (DM: 82.24 %, 151 s at 2 threads; DSA: 80.29 %, 770 s)
  "${run[@]}" sets show "$dm" >/dev/null 2>&1 || { note "distill $dm"; "${run[@]}" distill -m dm -d fashion-mnist --ipc 10 --seed 0 --name "$dm" \
    --Methods:dm:BatchReal=64 --Methods:dm:Iterations=250 --Methods:dm:LearningRateImages=3 2> "$out/$dm.log"; }
  "${run[@]}" sets show "$dsa" >/dev/null 2>&1 || { note "distill $dsa"; "${run[@]}" distill -m dsa -d fashion-mnist --ipc 10 --seed 0 --arch convnet:w64 \
    --name "$dsa" --Methods:dsa:Init=real --Methods:dsa:BatchReal=64 --Methods:dsa:Iterations=10 2> "$out/$dsa.log"; }
  # frepo at its defaults: a set with learned soft labels, which the set proxy trains on
  "${run[@]}" sets show "$frepo" >/dev/null 2>&1 || { note "distill $frepo"; "${run[@]}" distill -m frepo -d fashion-mnist --ipc 10 --seed 0 \
    --name "$frepo" 2> "$out/$frepo.log"; }
  # a finished run's checkpoints leave free pages behind (frepo's hold its whole network pool): keep the committed file small
  "${run[@]}" workspace compact > /dev/null
}

ground_truth() { # the cheapest candidates first (the list space's order); hours of CPU in all
  note "ground truth"
  "${run[@]}" nas "$experiment" --space list --strategy exhaustive --evaluator full --output json > "$out/ground-truth.json" 2>> "$out/ground-truth.log"
  "${run[@]}" nas-table --evaluator full --out "$out/ground-truth.csv" 2>> "$out/ground-truth.log"
}

proxies() { # over the same 40 in the same order as the ground truth, so the first ones scored are those with a ground truth
  for evaluator in params flops synflow naswot snip grad_norm subset early-stop; do
    note "proxy $evaluator"
    "${run[@]}" nas "$experiment" --space list --strategy exhaustive --evaluator "$evaluator" --output json \
      > "$out/proxy-$evaluator.json" 2> "$out/proxy-$evaluator.log"
  done
  for set in "$dm" "$dsa" "$frepo"; do
    note "proxy set $set"
    "${run[@]}" nas "$experiment" --space list --strategy exhaustive --evaluator set --set "$set" --output json \
      > "$out/proxy-set-$set.json" 2> "$out/proxy-set-$set.log"
  done
  # the same sets with DSA augmentation of every training batch, as the sets' own evaluation protocol trains
  for set in "$dm" "$dsa" "$frepo"; do
    note "proxy set $set, augmented"
    "${run[@]}" nas "$experiment" --space list --strategy exhaustive --evaluator set --set "$set" \
      --CandidateEvaluators:set:Augmentation=color_crop_cutout_flip_scale_rotate --output json \
      > "$out/proxy-set-$set-augmented.json" 2> "$out/proxy-set-$set-augmented.log"
  done
}

report() { # a set proxy's label names the setting its two protocols differ in (Augmentation)
  note "report"
  local plain=", Augmentation=none" augmented=", Augmentation=color_crop_cutout_flip_scale_rotate"
  local dm_set="set (Set=$dm$plain)" dsa_set="set (Set=$dsa$plain)" frepo_set="set (Set=$frepo$plain)"
  local combinations="$dm_set+naswot,$dm_set+synflow,$dm_set+early-stop,$dm_set+subset,$dsa_set+early-stop,$frepo_set+early-stop"
  combinations+=",$dm_set+$dsa_set+$frepo_set,subset+early-stop"
  combinations+=",set (Set=$dsa$augmented)+early-stop,set (Set=$dm$augmented)+set (Set=$dsa$augmented)+set (Set=$frepo$augmented)"
  "${run[@]}" nas-report --out-dir "$out" --combine "$combinations" > "$out/report.txt" 2> "$out/report.log"
}

search() { # over the 40 measured candidates, 20 evaluations each, the DM proxy
  for strategy in evolution random; do
    note "search $strategy"
    "${run[@]}" nas "$experiment" --space list --strategy "$strategy" --evaluations 20 --evaluator set --set "$dm" --confirm-top 1 \
      --output json > "$out/search-$strategy.json" 2> "$out/search-$strategy.log"
  done
}

timing() { # the trained proxies timed again beside ground truths timed on the same build and machine: the report's
  # speed-ups divide ground-truth seconds, the last of them measured after the heap fix of bench/RESULTS.md (h) (which
  # made training several times faster), by proxy seconds all measured before it; this divides like by like. Over TIMING_CANDIDATES
  # (default: the ground truths stored since that fix), seed 1 so that nothing stored is read back, in a scratch copy
  # of the workspace; writes $out/timing.md.
  note "timing"
  local scratch
  scratch=$(mktemp -d)
  trap 'rm -rf "$scratch"' RETURN
  cp "$workspace" "$scratch/nas.db"
  local candidates=${TIMING_CANDIDATES:-d3-w128-sigmoid-batchnorm-avgpool d4-w128-sigmoid-groupnorm-maxpool d4-w128-leakyrelu-layernorm-maxpool d4-w128-sigmoid-batchnorm-avgpool d4-w64-relu-layernorm-nopool d4-w64-leakyrelu-groupnorm-nopool d4-w64-relu-nonorm-nopool d2-w128-relu-nonorm-nopool d2-w128-relu-instancenorm-nopool d4-w128-sigmoid-nonorm-nopool}
  python3 - "$experiment" "$scratch/experiment.json" $candidates <<'PY'
import json, sys
experiment = json.load(open(sys.argv[1]))
experiment["SearchSpaces"]["list"]["Candidates"] = ["convnet:" + name for name in sys.argv[3:]]
json.dump(experiment, open(sys.argv[2], "w"), indent=2)
PY
  local timed=(--workspace "$scratch/nas.db" "${threads[@]}" nas "$scratch/experiment.json" --space list --strategy exhaustive --seed 1 --output json)
  local augmented=--CandidateEvaluators:set:Augmentation=color_crop_cutout_flip_scale_rotate
  $distillery "${timed[@]}" --evaluator subset > "$scratch/subset.json" 2>> "$out/timing.log"
  $distillery "${timed[@]}" --evaluator early-stop > "$scratch/early-stop.json" 2>> "$out/timing.log"
  for set in "$dm" "$dsa" "$frepo"; do
    $distillery "${timed[@]}" --evaluator set --set "$set" > "$scratch/set-$set.json" 2>> "$out/timing.log"
    $distillery "${timed[@]}" --evaluator set --set "$set" "$augmented" > "$scratch/set-$set-augmented.json" 2>> "$out/timing.log"
  done
  $distillery --workspace "$scratch/nas.db" nas-table --evaluator full --out "$scratch/ground-truth.csv" 2>> "$out/timing.log"
  { echo "Timed $(date -u +%F) on $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), family $(grep -m1 'cpu family' /proc/cpuinfo | cut -d: -f2 | xargs), $(grep -o -m1 avx512f /proc/cpuinfo || echo avx2), ${THREADS:-the configured} thread(s)."
    python3 experiments/nas_timing_table.py "$scratch/ground-truth.csv" "$scratch"/subset.json "$scratch"/early-stop.json \
      "$scratch"/set-*.json; } > "$out/timing.md"
}

for step in "${@:-sets ground-truth proxies report search}"; do
  for one in $step; do
    case "$one" in
      sets) sets ;;
      ground-truth) ground_truth ;;
      proxies) proxies ;;
      report) report ;;
      search) search ;;
      timing) timing ;;
      *) echo "unknown step '$one': use sets, ground-truth, proxies, report, search or timing" >&2; exit 2 ;;
    esac
  done
done
