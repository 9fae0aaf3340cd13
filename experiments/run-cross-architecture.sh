#!/usr/bin/env bash
# Cross-architecture generalisation at IPC 10 on Fashion-MNIST: sets distilled with ConvNet-3 trained from scratch on
# ConvNet, MLP, LeNet, AlexNet, VGG11 and ResNet18 (DSA augmentation while training), beside a random subset trained
# the same way (with the first set). Usage: WORKSPACE=… experiments/run-cross-architecture.sh SET [SET ...]
# Environment: EPOCHS (default 300), NETWORKS (default 1), BASELINE (default 1; 0 skips the random subset),
# ARCHS (default convnet,mlp,lenet,alexnet,vgg11,resnet18), TAG (appended to the result's file name), THREADS (default:
# the configured thread count). Results go to experiments/results/cross-architecture/.
# DISTILLERY overrides the command (default ./distillery), e.g. a copy of artifacts/distillery kept apart from rebuilds.
set -euo pipefail
cd "$(dirname "$0")/.."
source experiments/common.sh
accept_settings ARCHS BASELINE EPOCHS NETWORKS TAG WORKSPACE
: "${WORKSPACE:?set WORKSPACE to the database that holds the sets}"
epochs=${EPOCHS:-300}
networks=${NETWORKS:-1}
out=experiments/results/cross-architecture
mkdir -p "$out"
baseline=()
[ "${BASELINE:-1}" = 1 ] || baseline=(--no-baseline)
for set in "$@"; do
  note "$set"
  /usr/bin/time -v $distillery evaluate "$set" --arch "${ARCHS:-convnet,mlp,lenet,alexnet,vgg11,resnet18}" --networks "$networks" --epochs "$epochs" \
    --augment color_crop_cutout_flip_scale_rotate --workspace "$WORKSPACE" --output json --Evaluation:TestBatchSize=32 "${threads[@]}" "${baseline[@]}" \
    > "$out/$set${TAG:-}.json" 2> "$out/$set${TAG:-}.log"
  baseline=(--no-baseline)
done
note done
