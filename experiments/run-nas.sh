#!/usr/bin/env bash
# Architecture search on Fashion-MNIST (experiments/nas-fashion-mnist.json): the ground truth of 40 ConvNet variants,
# the proxies (a DM set, a DSA set, a frepo set with soft labels, each also with DSA augmentation, a random subset, early stopping, zero-cost scores), the proxy-quality report, and
# regularized evolution beside random search over the 40 with the distilled proxy. Every step is resumable: scores
# are stored in the workspace as they are made, so rerunning the script continues where it stopped and recomputes
# nothing. Results go to experiments/results/nas/.
# Usage: experiments/run-nas.sh [STEP...]   steps: sets ground-truth proxies report search (default: all, in order)
# Environment: WORKSPACE (default experiments/results/nas/nas.db, committed: it holds the proxy sets and every score so far), THREADS (default: the configured
# count), DISTILLERY (the command, default ./distillery).
set -euo pipefail
cd "$(dirname "$0")/.."
source experiments/common.sh
accept_settings WORKSPACE
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

for step in "${@:-sets ground-truth proxies report search}"; do
  for one in $step; do
    case "$one" in
      sets) sets ;;
      ground-truth) ground_truth ;;
      proxies) proxies ;;
      report) report ;;
      search) search ;;
      *) echo "unknown step '$one': use sets, ground-truth, proxies, report or search" >&2; exit 2 ;;
    esac
  done
done
