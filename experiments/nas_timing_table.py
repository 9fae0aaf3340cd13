"""Speed-up of each proxy over the ground truth on the same candidates, both timed on the same build and machine.

Usage: python3 experiments/nas_timing_table.py GROUND_TRUTH.csv PROXY.json [PROXY.json ...]
GROUND_TRUTH.csv is `distillery nas-table --evaluator full` output; each PROXY.json is a `distillery nas --output json`
document, labelled by its file name. Only candidates with a stored ground truth under the table's main protocol (the one
most rows have) count, and only those a proxy scored; seconds are the stored wall seconds of each evaluation. Prints a
Markdown table.
"""
import collections
import csv
import json
import os
import sys


def name(candidate):
    """A candidate's name without the space's prefix (older tables stored it without)."""
    return candidate.removeprefix("convnet:")


def main(ground_truth_path, proxy_paths):
    rows = [r for r in csv.DictReader(open(ground_truth_path)) if not r["failure"]]
    protocol = collections.Counter(r["protocol"] for r in rows).most_common(1)[0][0]
    truth = {name(r["candidate"]): float(r["seconds"]) for r in rows if r["protocol"] == protocol}
    print(f"Ground truth: protocol {protocol}, {len(truth)} candidates stored.\n")
    print("| proxy | candidates | proxy s | ground-truth s | speed-up |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for path in proxy_paths:
        label = os.path.splitext(os.path.basename(path))[0]
        document = json.load(open(path))
        timed = {name(e["candidate"]): e["seconds"] for e in document["leaderboard"]
                 if not e["failure"] and not e["stored"]}
        common = sorted(set(timed) & set(truth))
        if not common:
            print(f"| {label} | 0 | | | |")
            continue
        proxy_seconds = sum(timed[c] for c in common)
        truth_seconds = sum(truth[c] for c in common)
        print(f"| {label} | {len(common)} | {proxy_seconds:.1f} | {truth_seconds:.0f} | {truth_seconds / proxy_seconds:.1f}× |")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
