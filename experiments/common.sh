# Sourced by the experiment scripts (from the repository root): the command to run, the DM reference evaluation, the
# thread setting and a timestamped note on stderr.
# DISTILLERY overrides the command (default ./distillery), e.g. a copy of artifacts/distillery kept apart from rebuilds;
# THREADS sets libtorch's thread count (default: the configured one).
distillery=${DISTILLERY:-./distillery}
# The launcher's malloc setting, for a DISTILLERY that runs the dll directly (see ./distillery).
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-1}"
# ConvNet-3 trained 300 epochs with DSA augmentation drawn per batch; test batches of 32 are the fastest on a CPU.
evaluation=(--Evaluation:Augmentation=color_crop_cutout_flip_scale_rotate --Evaluation:Epochs=300 --Evaluation:TestBatchSize=32)
threads=()
[ -z "${THREADS:-}" ] || threads=(--Distillery:Threads="$THREADS")
note() { # what is starting or done
  echo "# $(date -u +%FT%TZ) $*: load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
}
