# Sourced by the experiment scripts (from the repository root): the command to run, the DM reference evaluation, the
# thread setting, a timestamped note on stderr and the check of the settings a script reads from the environment.
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
accept_settings() { # the environment settings the script reads besides DISTILLERY and THREADS (-NAME: one it does not)
  # A set variable that is not one of them but is close to one (a typo, or a prefix the script uses) stops the script:
  # it would otherwise be ignored, and the run would use the default.
  python3 - "$@" <<'PY' || exit 2
import difflib, os, sys
refused = {name[1:] for name in sys.argv[1:] if name.startswith("-")}
known = ({name for name in sys.argv[1:] if not name.startswith("-")} | {"DISTILLERY", "THREADS"}) - refused
prefixes = tuple({name.split("_")[0] + "_" for name in known if "_" in name})
wrong = False
for name in sorted(n for n in os.environ if n not in known and n.isupper()):
    close = difflib.get_close_matches(name, known | refused, n=1, cutoff=0.8)
    if close or name.startswith(prefixes):
        hint = f" (did you mean {close[0]}?)" if close and close[0] in known else ""
        print(f"error: {name} is not a setting of this script{hint}; its settings: {', '.join(sorted(known))}", file=sys.stderr)
        wrong = True
sys.exit(1 if wrong else 0)
PY
}
