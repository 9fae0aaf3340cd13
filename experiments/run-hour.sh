#!/usr/bin/env bash
# Fashion-MNIST within an hour of CPU: the image-learning methods with multi-formation (each stored image decoded into
# 2×2 images of half resolution) and the newer families, evaluated with the DM reference protocol (ConvNet-3 width 128,
# 300 epochs, DSA augmentation drawn per batch). Results go to experiments/results/hour/: NAME.snapshots.json (one row
# per snapshot, written as each is evaluated), the stage's JSON report and its log with /usr/bin/time's figures.
#
# Usage: experiments/run-hour.sh [STAGE ...]   stages (default: dm-f2-ipc10 dm-f2-ipc1 dm-f1-ipc1):
#   dm-f2-ipc10   dm, Factor 2, image lr 3, 64 real images per class, snapshots at DM_SNAPSHOTS (default 250,500)
#   dm-f2-250-ipc10  dm-f2-ipc10's set of 250 iterations made again without snapshots, then evaluated with 3 networks
#   dm-f2-ipc1    the same at IPC 1 (IPC1_SNAPSHOTS, default 250,500)
#   dm-f1-ipc1    dm at IPC 1 without multi-formation, the comparison for dm-f2-ipc1
#   frepo-ipc10   frepo at its defaults (FREPO_ITERATIONS, default 200), then evaluate-frepo-fashion-mnist-ipc10: soft
#                 and hard labels (a snapshot trains on the soft labels only)
#   frepo-f2-ipc10  the same with multi-formation (Factor 2), evaluated as evaluate-frepo-f2-fashion-mnist-ipc10
#   frepo-long-ipc10  frepo at its defaults for the last of FREPO_SNAPSHOTS iterations (default 400,800,1200), a
#                 snapshot at each (trained on the learned soft labels), then evaluate-frepo-long-fashion-mnist-ipc10
#   frepo-hour-ipc10  frepo-long-ipc10's 1,200 iterations again under its own name, one snapshot at the end, to time
#                 the recipe on this machine (the default snapshots at 400 and 800 spend processor time of their own)
#   frepo-3600-ipc10  frepo at its defaults for 3,600 iterations, what the rest of the hour buys after
#                 frepo-hour-ipc10: one-network snapshots at 1200,2400,3600, then the 3-network soft and hard evaluation
#   frepo-ipc1    frepo-long-ipc10 at IPC 1 (FREPO_IPC1_SNAPSHOTS, default 200,400), then evaluate-frepo-fashion-mnist-ipc1
#   dsa-f1-ipc1, dsa-f2-ipc1  dsa at IPC 1 from real images, 64 real images per class, without and with
#                 multi-formation, snapshots at DSA_IPC1_SNAPSHOTS (default 50,100)
#   dsa-f1-ipc10, dsa-f2-ipc10  dsa at IPC 10 matched on ConvNet-3 width 64 (as the gradient-matching table's rows),
#                 from real images, without and with multi-formation, snapshots at DSA_IPC10_SNAPSHOTS (default 10)
#   dm-f1-ipc50, dm-f2-ipc50  dm at IPC 50 as dm-f1-ipc1 and dm-f2-ipc1, snapshots at IPC50_SNAPSHOTS (default 250)
#                 with IPC50_NETWORKS (default 1: a 300-epoch network on 500 images is 5x the IPC-10 cost, on the
#                 2,000 images of Factor 2 20x)
#   frepo-ipc50   frepo at IPC 50 for FREPO_IPC50_ITERATIONS (default 400), then IPC50_NETWORKS networks on its soft
#                 and on hard labels
#   subset-ipc50  the random subset at IPC 50 under the same evaluation (IPC50_NETWORKS networks), after dm-f1-ipc50
#                 (whose stored set names the dataset and IPC)
#   tesla-ipc10   tesla from one expert trained on all 60,000 images for 3 epochs (start epochs 0-1, targets 2 epochs
#                 on), 20 synthetic steps, snapshots at TRAJECTORY_SNAPSHOTS (default 100,200,400), then
#                 evaluate-tesla-fashion-mnist-ipc10 (3 networks, with the learned learning rate)
#   tesla-held-ipc10  tesla-ipc10 with the student lr held at its start (LearningRateLr 0), from the same expert
#   mtt-ipc10     the same as tesla-ipc10 with mtt (same gradients, one autograd graph: about 14 GB at 20 steps)
#   tesla-ipc1, mtt-ipc1  the same at IPC 1 from the same expert, snapshots at TRAJECTORY_IPC1_SNAPSHOTS (default
#                 50,100,200); at 10 images mtt's graph of 20 steps is small
#   evaluate-SET  a stored set with 3 networks (e.g. evaluate-dm-f2-fashion-mnist-ipc10)
#   memory-METHOD-STEPS[-ipcN]  peak resident memory of mtt or tesla at IPC 10 (or N) with STEPS synthetic steps
#                 (e.g. memory-tesla-80, memory-mtt-80-ipc1):
#                 2 iterations from one small expert (2 epochs on 2,000 images, trained once and shared by every such
#                 stage), the student lr held (a target one small epoch ahead drives a learned lr below zero at
#                 30 steps); memory depends on the steps, the set and the network, not on the expert or the lr
# SNAPSHOT_NETWORKS: networks per snapshot (default 1; the protocol's 3 is what evaluate-SET gives).
# WORKSPACE keeps the database between stages (default experiments/results/hour/hour.db). A stage stopped part-way
# resumes from its checkpoint when run again with the same settings, and keeps the snapshot rows it wrote before.
# THREADS and DISTILLERY as in common.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
source experiments/common.sh
accept_settings DM_SNAPSHOTS DSA_IPC1_SNAPSHOTS DSA_IPC10_SNAPSHOTS FREPO_IPC1_SNAPSHOTS FREPO_IPC50_ITERATIONS FREPO_ITERATIONS \
  FREPO_SNAPSHOTS IPC1_SNAPSHOTS IPC50_NETWORKS IPC50_SNAPSHOTS SNAPSHOT_NETWORKS TRAJECTORY_IPC1_SNAPSHOTS \
  TRAJECTORY_SNAPSHOTS WORKSPACE
out=experiments/results/hour
mkdir -p "$out"
workspace=${WORKSPACE:-$out/hour.db}
networks=${SNAPSHOT_NETWORKS:-1}
ipc50_networks=${IPC50_NETWORKS:-1}
common=(--workspace "$workspace" --Output:Directory="$out" --output json "${evaluation[@]}" "${threads[@]}")
dm_settings() { # factor, iterations
  echo --Methods:dm:BatchReal=64 --Methods:dm:LearningRateImages=3 --Methods:dm:Factor="$1" --Methods:dm:Iterations="$2"
}
dm() { # factor, snapshot list
  echo $(dm_settings "$1" "${2##*,}") --snapshot-at "$2" --snapshot-networks "$networks"
}
dsa() { # factor, snapshot list
  echo --Methods:dsa:Init=real --Methods:dsa:BatchReal=64 --Methods:dsa:Factor="$1" \
    --Methods:dsa:Iterations="${2##*,}" --snapshot-at "$2" --snapshot-networks "$networks"
}
frepo() { # stage name, set name, images per class, factor, iterations, extra distill options...
  run "$1" $distillery distill -m frepo -d fashion-mnist --ipc "$3" --name "$2" \
    --Methods:frepo:Iterations="$5" --Methods:frepo:Factor="$4" "${@:6}" "${common[@]}"
}
trajectory() { # method, variant name, images per class, extra distill options...: one expert on the full data,
  # 3 epochs (shared by every variant and IPC), then the snapshots and a 3-network evaluation
  local snapshots=${TRAJECTORY_SNAPSHOTS:-100,200,400} set=$2-fashion-mnist-ipc$3
  [ "$3" != 1 ] || snapshots=${TRAJECTORY_IPC1_SNAPSHOTS:-50,100,200}
  run "$2-ipc$3" $distillery distill -m "$1" -d fashion-mnist --ipc "$3" --name "$set" \
    --Methods:$1:Experts=1 --Methods:$1:ExpertTrainingEpochs=3 --Methods:$1:MaxStartEpoch=1 --Methods:$1:ExpertEpochs=2 \
    --Methods:$1:SyntheticSteps=20 --Methods:$1:Iterations="${snapshots##*,}" --snapshot-at "$snapshots" \
    --snapshot-networks "$networks" "${@:4}" "${common[@]}"
  evaluate_set "$set"
}
evaluate_set() { # set name[, networks]: 3 networks under the protocol, as stage evaluate-SET
  run "evaluate-$1" $distillery evaluate "$1" --networks "${2:-3}" --no-baseline "${common[@]}"
}
run() { # name, command...
  local name=$1; shift
  note "$name"
  /usr/bin/time -v "$@" > "$out/$name.json" 2> "$out/$name.log"
}

stages=("$@")
[ ${#stages[@]} -gt 0 ] || stages=(dm-f2-ipc10 dm-f2-ipc1 dm-f1-ipc1)
for stage in "${stages[@]}"; do
  case $stage in
    dm-f2-ipc10) run dm-f2-ipc10 $distillery distill -m dm -d fashion-mnist --ipc 10 --name dm-f2-fashion-mnist-ipc10 \
      $(dm 2 "${DM_SNAPSHOTS:-250,500}") "${common[@]}" ;;
    dm-f2-250-ipc10) run dm-f2-250-ipc10 $distillery distill -m dm -d fashion-mnist --ipc 10 --name dm-f2-250-fashion-mnist-ipc10 \
      $(dm_settings 2 250) "${common[@]}"
      evaluate_set dm-f2-250-fashion-mnist-ipc10 ;;
    dm-f2-ipc1) run dm-f2-ipc1 $distillery distill -m dm -d fashion-mnist --ipc 1 --name dm-f2-fashion-mnist-ipc1 \
      $(dm 2 "${IPC1_SNAPSHOTS:-250,500}") "${common[@]}" ;;
    dm-f1-ipc1) run dm-f1-ipc1 $distillery distill -m dm -d fashion-mnist --ipc 1 --name dm-f1-fashion-mnist-ipc1 \
      $(dm 1 "${IPC1_SNAPSHOTS:-250,500}") "${common[@]}" ;;
    dsa-f1-ipc1|dsa-f2-ipc1) factor=${stage#dsa-f}; factor=${factor%%-*}
      run "$stage" $distillery distill -m dsa -d fashion-mnist --ipc 1 --name "dsa-f$factor-fashion-mnist-ipc1" \
        $(dsa "$factor" "${DSA_IPC1_SNAPSHOTS:-50,100}") "${common[@]}" ;;
    dsa-f1-ipc10|dsa-f2-ipc10) factor=${stage#dsa-f}; factor=${factor%%-*}
      run "$stage" $distillery distill -m dsa -d fashion-mnist --ipc 10 --arch convnet:w64 \
        --name "dsa-f$factor-fashion-mnist-ipc10" $(dsa "$factor" "${DSA_IPC10_SNAPSHOTS:-10}") "${common[@]}" ;;
    dm-f1-ipc50|dm-f2-ipc50) factor=${stage#dm-f}; factor=${factor%%-*}
      run "$stage" $distillery distill -m dm -d fashion-mnist --ipc 50 --name "dm-f$factor-fashion-mnist-ipc50" \
        $(networks=$ipc50_networks; dm "$factor" "${IPC50_SNAPSHOTS:-250}") "${common[@]}" ;;
    frepo-ipc10) frepo frepo-ipc10 frepo-fashion-mnist-ipc10 10 1 "${FREPO_ITERATIONS:-200}"
      evaluate_set frepo-fashion-mnist-ipc10 ;;
    frepo-f2-ipc10) frepo frepo-f2-ipc10 frepo-f2-fashion-mnist-ipc10 10 2 "${FREPO_ITERATIONS:-200}"
      evaluate_set frepo-f2-fashion-mnist-ipc10 ;;
    frepo-long-ipc10) snapshots=${FREPO_SNAPSHOTS:-400,800,1200}
      frepo frepo-long-ipc10 frepo-long-fashion-mnist-ipc10 10 1 "${snapshots##*,}" --snapshot-at "$snapshots" \
        --snapshot-networks "$networks"
      evaluate_set frepo-long-fashion-mnist-ipc10 ;;
    frepo-hour-ipc10) frepo frepo-hour-ipc10 frepo-hour-fashion-mnist-ipc10 10 1 1200 --snapshot-at 1200 --snapshot-networks 1
      evaluate_set frepo-hour-fashion-mnist-ipc10 ;;
    frepo-3600-ipc10) frepo frepo-3600-ipc10 frepo-3600-fashion-mnist-ipc10 10 1 3600 --snapshot-at 1200,2400,3600 \
        --snapshot-networks 1
      evaluate_set frepo-3600-fashion-mnist-ipc10 ;;
    frepo-ipc1) snapshots=${FREPO_IPC1_SNAPSHOTS:-200,400}
      frepo frepo-ipc1 frepo-fashion-mnist-ipc1 1 1 "${snapshots##*,}" --snapshot-at "$snapshots" --snapshot-networks "$networks"
      evaluate_set frepo-fashion-mnist-ipc1 ;;
    frepo-ipc50) frepo frepo-ipc50 frepo-fashion-mnist-ipc50 50 1 "${FREPO_IPC50_ITERATIONS:-400}"
      evaluate_set frepo-fashion-mnist-ipc50 "$ipc50_networks" ;;
    subset-ipc50) run subset-ipc50 $distillery evaluate dm-f1-fashion-mnist-ipc50 --baseline-only \
      --networks "$ipc50_networks" "${common[@]}" ;;
    tesla-ipc10|mtt-ipc10|tesla-ipc1|mtt-ipc1) trajectory "${stage%-ipc*}" "${stage%-ipc*}" "${stage##*-ipc}" ;;
    tesla-held-ipc10) trajectory tesla tesla-held 10 --Methods:tesla:LearningRateLr=0 ;;
    evaluate-*) evaluate_set "${stage#evaluate-}" ;;
    memory-mtt-*|memory-tesla-*) method=${stage#memory-}; steps=${method#*-}; method=${method%%-*}; ipc=10
      [[ $steps != *-ipc* ]] || { ipc=${steps#*-ipc}; steps=${steps%%-*}; }
      run "$stage" $distillery distill -m "$method" -d fashion-mnist --ipc "$ipc" --name "$stage" --overwrite \
        --Methods:$method:Experts=1 --Methods:$method:ExpertTrainingEpochs=2 --Methods:$method:ExpertImages=2000 \
        --Methods:$method:ExpertAugmentation=none --Methods:$method:MaxStartEpoch=1 --Methods:$method:ExpertEpochs=1 \
        --Methods:$method:SyntheticSteps="$steps" --Methods:$method:LearningRateLr=0 --Methods:$method:Iterations=2 \
        "${common[@]}" ;;
    *) echo "unknown stage '$stage'; stages: dm-f2-ipc10 dm-f2-250-ipc10 dm-f2-ipc1 dm-f1-ipc1 frepo-ipc10 frepo-f2-ipc10 frepo-long-ipc10 frepo-hour-ipc10 frepo-3600-ipc10 frepo-ipc1 frepo-ipc50 dsa-f1-ipc1 dsa-f2-ipc1 dsa-f1-ipc10 dsa-f2-ipc10 dm-f1-ipc50 dm-f2-ipc50 subset-ipc50 tesla-ipc10 tesla-held-ipc10 mtt-ipc10 tesla-ipc1 mtt-ipc1 evaluate-SET memory-METHOD-STEPS[-ipcN]" >&2; exit 2 ;;
  esac
done
note done
