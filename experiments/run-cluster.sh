#!/usr/bin/env bash
# Distributed architecture search on this one machine, over loopback: the throughput of the NAS benchmark's proxy step
# (the DM set proxy of experiments/nas-fashion-mnist.json over its first CANDIDATES list candidates) in one process at
# 2 threads, on 1 worker at 2 threads, on 2 workers at 1 thread each and on 1 worker with 2 slots at 1 thread; then
# KILLS runs on 2 workers where one worker is SIGKILLed part-way, each checked against the uninterrupted scores.
# Every run starts from a copy of the committed NAS workspace (which holds the proxy set) and uses seed 1, whose
# scores are not stored there, so each candidate is trained. Redis (redis-server) runs on a free loopback port.
# Results: experiments/results/cluster/ (one JSON per run, cluster.md with the tables).
# Then the cost of dispatching itself: 200 zero-cost scores (parameter counts) in one process and on 1 and 2 workers.
# Usage: experiments/run-cluster.sh [throughput] [dispatch] [kills]   (default: all; kills needs throughput's 2-worker run)
# Environment: CANDIDATES (default 20), KILLS (default 5), DISTILLERY (the command, default ./distillery).
set -euo pipefail
cd "$(dirname "$0")/.."
source experiments/common.sh
accept_settings CANDIDATES KILLS
out=experiments/results/cluster
mkdir -p "$out"
candidates=${CANDIDATES:-20}
kills=${KILLS:-5}
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no > "$work/redis.log" 2>&1 &
pids+=($!)
sleep 1
cluster=(--Cluster:Membership=redis --Cluster:Redis=127.0.0.1:"$port" --Cluster:ProbeTimeout=00:00:02)
search=(nas experiments/nas-fashion-mnist.json --space list --strategy exhaustive --evaluations "$candidates" --evaluator set --set dm-ipc10-lr3 --seed 1 --output json)

workspace() { cp experiments/results/nas/nas.db "$work/$1.db"; echo "$work/$1.db"; }

worker() { # NAME THREADS [more options]: starts a worker and waits until it has joined
  local name=$1 threads=$2; shift 2
  $distillery worker --workspace "$work/$name-worker.db" --Distillery:Threads="$threads" --name "$name" "${cluster[@]}" \
    --Cluster:ClusterId="$cluster_id" --Logging:LogLevel:Distillery.Nas.Cluster=Information "$@" > "$work/$name.log" 2>&1 &
  pids+=($!)
  eval "${name//-/_}_pid=$!"
  for _ in $(seq 1 120); do grep -q joined "$work/$name.log" && return 0; sleep 1; done
  echo "worker $name did not join" >&2; cat "$work/$name.log" >&2; return 1
}

stop_workers() { for pid in "$@"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; }

run() { # LABEL THREADS [--cluster]: one search, timed from the start of its process to its end
  local label=$1 threads=$2; shift 2
  local db; db=$(workspace "$label")
  local start; start=$(date +%s.%N)
  $distillery --workspace "$db" --Distillery:Threads="$threads" "${search[@]}" "$@" "${cluster[@]}" --Cluster:ClusterId="$cluster_id" \
    > "$out/$label.json" 2> "$out/$label.log"
  python3 -c "print(round($(date +%s.%N) - $start, 1))" > "$out/$label.wall"
}

throughput() {
  note "throughput: in-process, 2 threads"
  cluster_id=local; run in-process-2t 2
  note "throughput: 1 worker, 2 threads"
  cluster_id=one; worker one 2; run one-worker-2t 2 --cluster; stop_workers "$one_pid"
  note "throughput: 2 workers, 1 thread each"
  cluster_id=two; worker two-a 1; worker two-b 1; run two-workers-1t 1 --cluster; stop_workers "$two_a_pid" "$two_b_pid"
  note "throughput: 1 worker, 2 slots, 1 thread"
  cluster_id=slots; worker slots 1 --workers-per-device 2; run one-worker-2slots-1t 1 --cluster; stop_workers "$slots_pid"
}

dispatch() { # the cost of sending a candidate: 200 parameter counts (milliseconds each) in one process and on 1 and 2 workers
  local count=(nas --space convnet --strategy random --evaluations 200 --evaluator params --seed 1 --output json)
  note "dispatch: in-process"
  local search=("${count[@]}")
  cluster_id=local; run dispatch-in-process 1
  note "dispatch: 1 worker"
  cluster_id=dispatch-one; worker dispatch-one 1; run dispatch-one-worker 1 --cluster; stop_workers "$dispatch_one_pid"
  note "dispatch: 2 workers"
  cluster_id=dispatch-two; worker dispatch-a 1; worker dispatch-b 1; run dispatch-two-workers 1 --cluster; stop_workers "$dispatch_a_pid" "$dispatch_b_pid"
}

kill_runs() { # the victim dies part-way: after 10-80 % of the uninterrupted 2-worker run's wall time, spread by the run number
  local reference; reference=$(cat "$out/two-workers-1t.wall")
  for i in $(seq 1 "$kills"); do
    local delay; delay=$(python3 -c "print(round($reference * (0.1 + 0.7 * (($i * 0.6180339887) % 1)), 1))")
    note "kill run $i: worker b killed after $delay s"
    cluster_id=kill$i; worker kill-a 1; worker kill-b 1
    rm -f "$out/kill-$i.killed"
    ( sleep "$delay"; kill -9 "$kill_b_pid" 2>/dev/null && echo "after $delay s" > "$out/kill-$i.killed" ) &
    local killer=$!
    run "kill-$i" 1 --cluster
    wait "$killer" || true
    stop_workers "$kill_a_pid"
  done
}

for step in ${@:-throughput dispatch kills}; do
  case "$step" in
    throughput) throughput ;;
    dispatch) dispatch ;;
    kills) kill_runs ;;
    *) echo "unknown step '$step' (throughput, dispatch, kills)" >&2; exit 2 ;;
  esac
done
python3 experiments/cluster_tables.py "$out" "$candidates" > "$out/cluster.md"
cat "$out/cluster.md"
