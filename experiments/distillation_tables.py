#!/usr/bin/env python3
"""Prints the markdown tables of experiments/RESULTS.md for the learning methods and continual learning, from the JSON
that run-dm-budget.sh, run-gradient-matching.sh, run-cross-architecture.sh and run-continual.sh leave in
experiments/results/. Missing files are skipped."""
import json
import pathlib
import re

RESULTS = pathlib.Path(__file__).parent / "results"
ARCHITECTURES = ["convnet", "mlp", "lenet", "alexnet", "vgg11", "resnet18"]


def load(path):
    path = RESULTS / path
    if not path.exists() or path.stat().st_size == 0:
        return None
    text = path.read_text()
    return json.loads(text) if text.strip() else None


def pct(mean, std):
    return f"{100 * mean:.2f} ± {100 * std:.2f}"


def snapshots(*names):
    """The snapshot rows of the named sets (a run resumed in a second process may have written two files), by iteration."""
    rows = []
    for name in names:
        path = RESULTS / f"{name}.snapshots.json"
        rows.extend(json.loads(path.read_text()) if path.exists() else [])
    return sorted({row["iteration"]: row for row in rows}.values(), key=lambda row: row["iteration"])


def baseline_pct(report):
    baseline = report["baseline"][0] if report and report["baseline"] else None
    return pct(baseline["mean"], baseline["std"]) if baseline else "—"


def budget_table():
    herding = load("dm/herding.json")
    start = load("dm/evaluate-herding.json")
    base = baseline_pct(start)
    print("| start | network while distilling | DM iterations | distill time (s) | ConvNet-3 test accuracy % | networks | random subset % |")
    print("| --- | --- | --: | --: | --: | --: | --: |")
    if herding and start:
        result = start["results"][0]
        print(f"| herding coreset | — | 0 | {herding['seconds']:.0f} (herding) | {pct(result['mean'], result['std'])} | {len(result['runs'])} | {base} |")
    runs = [("herding coreset", "ConvNet-3", ["dm/dm-from-herding-it250", "dm/dm-from-herding-fashion-mnist-ipc10"]),
            ("random real images", "ConvNet-3", ["dm/dm-from-real-fashion-mnist-ipc10"]),
            ("random real images", "ConvNet-3, image lr 3", ["dm/dm-from-real-lr3-fashion-mnist-ipc10"]),
            ("random real images", "ConvNet-3, image lr 10", ["dm/dm-from-real-lr10-fashion-mnist-ipc10"]),
            ("random real images", "ConvNet-3, width 64", ["dm/dm-narrow-from-real-fashion-mnist-ipc10"])]
    for label, network, names in runs:
        for row in snapshots(*names):
            print(f"| {label} | {network} | {row['iteration']} | {row['distill_seconds']:.0f} | {pct(row['mean'], row['std'])} | {len(row['accuracies'])} | {base} |")


def gradient_matching_table():
    ipc1 = load("gradient-matching/random-ipc1.json") or load("gradient-matching/evaluate-dsa-ipc1.json")  # older runs: the set and baseline
    ipc10 = load("dm/evaluate-herding.json")  # the same random subset and evaluation seeds as any IPC-10 set's baseline
    baselines = {1: baseline_pct(ipc1), 10: baseline_pct(ipc10)}
    print("| method | IPC | start | network while distilling | iterations | distill time (s) | ConvNet-3 test accuracy % | networks | random subset % |")
    print("| --- | --: | --- | --- | --: | --: | --: | --: | --: |")
    runs = [("dc", 1, "real images", "ConvNet-3", "dc-fashion-mnist-ipc1-seed0"),
            ("dsa", 1, "real images", "ConvNet-3", "dsa-fashion-mnist-ipc1-seed0"),
            ("dsa", 10, "real images", "ConvNet-3, width 64", "dsa-fashion-mnist-ipc10-seed0-w64"),
            ("dsa", 10, "DM set (82.76 %)", "ConvNet-3, width 64", "dsa-fashion-mnist-ipc10-seed0-w64-from-dm")]
    for method, ipc, start, network, name in runs:
        for row in snapshots(f"gradient-matching/{name}"):
            print(f"| {method} | {ipc} | {start} | {network} | {row['iteration']} | {row['distill_seconds']:.0f} | "
                  f"{pct(row['mean'], row['std'])} | {len(row['accuracies'])} | {baselines[ipc]} |")


def cross_architecture_table():
    folder = RESULTS / "cross-architecture"
    reports = [json.loads(p.read_text()) for p in sorted(folder.glob("*.json")) if p.stat().st_size > 0] if folder.exists() else []
    if not reports:
        return
    sets, baseline = {}, {}
    for report in reports:  # a set may be evaluated in several runs, e.g. small and large architectures apart
        sets.setdefault(report["set"], {}).update({r["arch"]: r for r in report["results"]})
        if report.get("hard_labels"):  # a set with soft labels: the same images with hard labels, on its own row
            sets.setdefault(report["set"] + " (hard labels)", {}).update({r["arch"]: r for r in report["hard_labels"]})
        baseline.update({r["arch"]: r for r in report.get("baseline") or []})
    for name in [n for n in sets if "convnet" not in sets[n]]:  # ConvNet from run-hour.sh's evaluation: its first network
        evaluated = load(f"hour/evaluate-{name.removesuffix(' (hard labels)')}.json")
        if evaluated:
            column = evaluated["hard_labels" if name.endswith("(hard labels)") else "results"][0]
            sets[name]["convnet"] = {"mean": column["runs"][0], "std": 0.0}
    print("| set | " + " | ".join(ARCHITECTURES) + " |")
    print("| --- | " + " | ".join("--:" for _ in ARCHITECTURES) + " |")
    rows = list(sets.items()) + ([("random subset", baseline)] if baseline else [])
    for name, by_arch in rows:
        print(f"| {name} | " + " | ".join(pct(by_arch[a]["mean"], by_arch[a]["std"]) if a in by_arch else "—" for a in ARCHITECTURES) + " |")


def continual_table():
    rows = []
    for name in ("gdumb", "bounds"):
        report = load(f"continual/{name}.json")
        if report:
            rows.extend((report, result) for result in report["results"])
    if not rows:
        return
    print("| learner | memory | orders | accuracy after each step % | final average % | forgetting % | task-IL final % |")
    print("| --- | --- | --: | --- | --: | --: | --: |")
    for report, result in rows:
        curve = " → ".join(f"{100 * a:.1f}" for a in result["average_accuracy"])
        final = pct(result["final_average_accuracy"], result["average_accuracy_std"][-1])
        task = 100 * result["task_incremental"]["average_accuracy"][-1]
        memory = result["memory_method"] or "—"
        print(f"| {result['learner']} | {memory} | {len(result['orders'])} | {curve} | {final} | {100 * result['forgetting']:.1f} | {task:.1f} |")


def hour_table():
    """run-hour.sh's rows (multi-formation, dsa, frepo, tesla, mtt) beside the plain DM runs of run-dm-budget.sh, same
    evaluation, by IPC. Soft labels are used where a method learned them; the hard-label column trains on the same images
    with hard labels (evaluate's, and the snapshots' of runs made since they carry it)."""
    S, D = "snapshots", "distilled"  # a run with snapshot rows, or a stage evaluated once at the end (run-hour.sh's defaults)
    runs = [(S, "dm", 1, 1, "hour/dm-f1-fashion-mnist-ipc1"), (S, "dm", 1, 2, "hour/dm-f2-fashion-mnist-ipc1"),
            (S, "dsa", 1, 1, "hour/dsa-f1-fashion-mnist-ipc1"), (S, "dsa", 1, 2, "hour/dsa-f2-fashion-mnist-ipc1"),
            (S, "frepo", 1, 1, "hour/frepo-fashion-mnist-ipc1"),
            (S, "tesla", 1, 1, "hour/tesla-fashion-mnist-ipc1"), (S, "mtt", 1, 1, "hour/mtt-fashion-mnist-ipc1"),
            (S, "dm", 10, 1, "dm/dm-from-real-lr3-fashion-mnist-ipc10"), (S, "dm", 10, 2, "hour/dm-f2-fashion-mnist-ipc10"),
            (D, "dm, again", 10, 2, ("dm-f2-250-ipc10", "dm-f2-250-fashion-mnist-ipc10", 250)),
            (S, "dsa, width 64", 10, 1, "gradient-matching/dsa-fashion-mnist-ipc10-seed0-w64"),
            (S, "dsa, width 64", 10, 2, "hour/dsa-f2-fashion-mnist-ipc10"),
            (D, "frepo", 10, 1, ("frepo-ipc10", "frepo-fashion-mnist-ipc10", 200)),
            (D, "frepo", 10, 2, ("frepo-f2-ipc10", "frepo-f2-fashion-mnist-ipc10", 200)),
            (S, "frepo", 10, 1, "hour/frepo-long-fashion-mnist-ipc10"),
            (S, "frepo, timed again", 10, 1, "hour/frepo-hour-fashion-mnist-ipc10"),
            (S, "frepo", 10, 1, "hour/frepo-3600-fashion-mnist-ipc10"),
            (S, "tesla", 10, 1, "hour/tesla-fashion-mnist-ipc10"),  # tesla and mtt: processor s without their expert
            (S, "tesla, lr held", 10, 1, "hour/tesla-held-fashion-mnist-ipc10"),
            (S, "dm", 50, 1, "hour/dm-f1-fashion-mnist-ipc50"), (S, "dm", 50, 2, "hour/dm-f2-fashion-mnist-ipc50"),
            (D, "frepo", 50, 1, ("frepo-ipc50", "frepo-fashion-mnist-ipc50", 400))]
    print("| method | IPC | factor | iterations | distill wall s | distill processor s | ConvNet-3 test accuracy % | hard labels % | networks |")
    print("| --- | --: | --: | --: | --: | --: | --: | --: | --: |")

    def row(method, ipc, factor, iterations, wall, processor, result, hard):
        hard = pct(hard["mean"], hard["std"]) if hard else "—"
        print(f"| {method} | {ipc} | {factor} | {iterations} | {wall} | {processor} | {pct(result['mean'], result['std'])} | {hard} | "
              f"{len(result.get('accuracies') or result.get('runs'))} |")

    def seconds(value):
        return f"{value:.0f}" if value is not None else "—"

    for kind, method, ipc, factor, source in runs:
        if kind == S:
            for snapshot in snapshots(source):  # a resumed run keeps its earlier process's rows in the same file
                row(method, ipc, factor, snapshot["iteration"], seconds(snapshot["distill_seconds"]),
                    seconds(snapshot.get("distill_processor_seconds")), snapshot, snapshot.get("hard_labels"))
            final = load(f"hour/evaluate-{source.split('/')[-1]}.json")
            if final:
                row(method, ipc, factor, "last, evaluated again", "", "", final["results"][0], (final.get("hard_labels") or [None])[0])
        else:
            stage, name, iterations = source
            distilled, evaluated = load(f"hour/{stage}.json"), load(f"hour/evaluate-{name}.json")
            if distilled and evaluated:
                row(method, ipc, factor, iterations, seconds(distilled["seconds"]), seconds(distilled.get("processor_seconds")),
                    evaluated["results"][0], (evaluated.get("hard_labels") or [None])[0])


def memory_table():
    """Peak resident memory of run-hour.sh's memory-METHOD-STEPS[-ipcN] stages, from /usr/bin/time's log."""
    rows = []
    for log in (RESULTS / "hour").glob("memory-*.log"):
        method, steps, *ipc = log.stem.removeprefix("memory-").split("-")
        text = log.read_text()
        peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
        if peak and "Exit status: 0" in text:
            rows.append((int(ipc[0].removeprefix("ipc")) if ipc else 10, method, int(steps), int(peak.group(1)) / 1e6))
    if not rows:
        return
    print("| IPC | method | synthetic steps | peak resident memory |")
    print("| --: | --- | --: | --: |")
    for ipc, method, steps, gigabytes in sorted(rows, key=lambda r: (r[0], r[2], r[1] != "tesla")):
        print(f"| {ipc} | `{method}` | {steps} | {gigabytes:.2f} GB |")


for title, table in [("DM budgets", budget_table), ("gradient matching", gradient_matching_table),
                     ("cross-architecture", cross_architecture_table), ("continual", continual_table),
                     ("multi-formation", hour_table), ("memory", memory_table)]:
    print(f"\n### {title}\n")
    table()
