#!/usr/bin/env python3
"""Prints the coreset results table (markdown) from experiments/results/coresets-fashion-mnist-ipc*.json."""
import json
import pathlib

PUBLISHED = {  # Zhao et al., dataset condensation with gradient matching (ICLR 2021), Fashion-MNIST, ConvNet-3
    "random": {1: 51.4, 10: 73.8, 50: 82.5},
    "herding": {1: 67.0, 10: 71.1, 50: 71.9},
    "kcenter": {1: 66.9, 10: 54.7, 50: 68.3},
}

results = pathlib.Path(__file__).parent / "results"
print("| method | IPC | ours, ConvNet-3 % | networks × epochs | random subset (same protocol) % | published % | distill time |")
print("| --- | --: | --: | --: | --: | --: | --: |")
for ipc in (1, 10, 50):
    path = results / f"coresets-fashion-mnist-ipc{ipc}.json"
    if not path.exists() or path.stat().st_size == 0:
        continue
    report = json.loads(path.read_text())
    evaluation = report["evaluation"]
    budget = f'{evaluation["networks"]} × {evaluation["epochs"]}'
    for row in report["results"]:
        result = row["results"][0]
        baseline = row["baseline"][0] if row["baseline"] else None
        ours = f'{100 * result["mean"]:.1f} ± {100 * result["std"]:.1f}'
        base = f'{100 * baseline["mean"]:.1f} ± {100 * baseline["std"]:.1f}' if baseline else "—"
        published = PUBLISHED.get(row["method"], {}).get(ipc, "—")
        print(f'| {row["method"]} | {ipc} | {ours} | {budget} | {base} | {published} | {row["distill_seconds"]:.0f} s |')
