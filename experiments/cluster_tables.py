"""Tables of experiments/run-cluster.sh: throughput per configuration and the kill runs, from the runs' JSON output."""
import json
import os
import sys

out, candidates = sys.argv[1], int(sys.argv[2])


def load(label):
    path = os.path.join(out, f"{label}.json")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        text = f.read()
    run = json.loads(text) if text.strip() else {}
    with open(os.path.join(out, f"{label}.wall")) as f:
        run["wall"] = float(f.read())
    with open(os.path.join(out, f"{label}.log")) as f:
        run["requeued"] = f.read().count("goes back to the queue")
    return run


def scores(run):
    return [t["score"] for t in run.get("trials", [])]


configurations = [
    ("in-process-2t", "one process, 2 threads", 1),
    ("one-worker-2t", "1 worker, 2 threads", 1),
    ("two-workers-1t", "2 workers, 1 thread each", 2),
    ("one-worker-2slots-1t", "1 worker, 2 slots, 1 thread", 2),
]
print(f"Proxy step: the DM set proxy (dm-ipc10-lr3, 30 epochs, 1,000 validation images) over the first {candidates} "
      "candidates of experiments/nas-fashion-mnist.json, seed 1. Wall time from the coordinator's start to its end, "
      "dataset loading and cluster start-up included; training = the candidates' own seconds.\n")
print("| configuration | candidates | wall s | candidates/min | mean training s | overhead s | speed-up |")
print("|---|---:|---:|---:|---:|---:|---:|")
baseline = load("in-process-2t")
for label, name, slots in configurations:
    run = load(label)
    if run is None or "trials" not in run:
        continue
    trials = run["trials"]
    training = sum(t["seconds"] for t in trials)
    overhead = run["wall"] - training / slots
    speedup = baseline["wall"] / run["wall"] if baseline else float("nan")
    print(f"| {name} | {len(trials)} | {run['wall']:.1f} | {60 * len(trials) / run['wall']:.2f} | "
          f"{training / len(trials):.1f} | {overhead:.1f} | {speedup:.2f}x |")

dispatch = [("dispatch-in-process", "one process"), ("dispatch-one-worker", "1 worker"), ("dispatch-two-workers", "2 workers")]
if load("dispatch-in-process") is not None:
    print("\nDispatch: 200 parameter counts (the params evaluator: build the network, count), 1 thread everywhere. "
          "Wall time per candidate includes each run's start-up.\n")
    print("| configuration | candidates | wall s | summed scoring s | ms per candidate, all in |")
    print("|---|---:|---:|---:|---:|")
    for label, name in dispatch:
        run = load(label)
        if run is None or "trials" not in run:
            continue
        trials = run["trials"]
        print(f"| {name} | {len(trials)} | {run['wall']:.1f} | {sum(t['seconds'] for t in trials):.1f} | "
              f"{1000 * run['wall'] / len(trials):.0f} |")

reference = load("two-workers-1t")
kills = sorted(f[:-5] for f in os.listdir(out) if f.startswith("kill-") and f.endswith(".json"))
if kills:
    print("\nKill runs: 2 workers at 1 thread, one SIGKILLed part-way; scores compared with the uninterrupted "
          "2-worker run.\n")
    print("| run | killed | complete | requeued | same scores | wall s |")
    print("|---|---|---:|---:|---|---:|")
    for label in kills:
        run = load(label)
        killed_path = os.path.join(out, f"{label}.killed")
        killed = open(killed_path).read().strip() if os.path.exists(killed_path) else "no (the search ended first)"
        done = len(run.get("trials", []))
        same = reference is not None and scores(run) == scores(reference)
        print(f"| {label} | {killed} | {done}/{candidates} | {run['requeued']} | {'yes' if same else 'NO'} | {run['wall']:.1f} |")
