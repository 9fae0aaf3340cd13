"""Proxy quality over the candidates whose ground truth is stored or recorded in the ground-truth log.

The committed workspace stores the ground truth of only some of the 40 candidates; an earlier run that was lost recorded
more of them in experiments/results/nas/ground-truth.log, whose every version is in the repository's history. This
script takes each candidate's accuracy from the stored table where it is there (nas-table export) and from the log
otherwise, and computes the figures nas-report gives (Spearman ρ with average ranks for ties, Kendall τ-a, ρ among the
true top 10 and top 20, top-1 regret, precision@5 and @10) for every proxy exported with nas-table.

Usage: python3 experiments/nas_log_table.py GROUND_TRUTH.csv PROXY.csv [PROXY.csv ...] [PROTOCOL=LABEL ...] [A+B ...]
  Each CSV comes from `distillery nas-table --evaluator NAME --out FILE`. Candidates are matched by architecture. The
  ground truth is the stored rows of the table's most common protocol. A proxy's rows are told apart by evaluator and
  protocol (the set proxy of two sets has two protocols); PROTOCOL=LABEL names one, e.g. 3cb769b3516f=dm-set. A+B
  adds the combination of proxies A and B (labels or evaluator names) by mean rank, as `nas-report --combine` does.
"""
import csv
import re
import subprocess
import sys
from collections import defaultdict

LOG = "experiments/results/nas/ground-truth.log"


def logged_accuracies():
    commits = subprocess.run(["git", "log", "--format=%H", "--", LOG], capture_output=True, text=True, check=True).stdout.split()
    found = defaultdict(set)
    for commit in commits:
        text = subprocess.run(["git", "show", f"{commit}:{LOG}"], capture_output=True, text=True, check=True).stdout
        for name, accuracy in re.findall(r"last (convnet:[a-z0-9-]+) ([0-9.]+)", text):
            found[name].add(float(accuracy))
    with open(LOG) as f:
        for name, accuracy in re.findall(r"last (convnet:[a-z0-9-]+) ([0-9.]+)", f.read()):
            found[name].add(float(accuracy))
    return found


def read_scores(path):
    """Scores by (evaluator, protocol), then by architecture."""
    scores = defaultdict(dict)
    with open(path) as f:
        for row in csv.DictReader(f):
            if row["accuracy"]:
                scores[(row["evaluator"], row["protocol"])][row["architecture"]] = float(row["accuracy"])
    return scores


def ranks(values):
    order = sorted(range(len(values)), key=lambda i: values[i])
    result = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            result[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return result


def spearman(x, y):
    if len(x) < 3:
        return float("nan")
    rx, ry = ranks(x), ranks(y)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    vx = sum((a - mx) ** 2 for a in rx) ** 0.5
    vy = sum((b - my) ** 2 for b in ry) ** 0.5
    return cov / (vx * vy) if vx and vy else float("nan")


def kendall(x, y):
    n = len(x)
    pairs = n * (n - 1) / 2
    s = 0
    for i in range(n):
        for j in range(i + 1, n):
            d = (x[i] - x[j]) * (y[i] - y[j])
            s += (d > 0) - (d < 0)
    return s / pairs if pairs else float("nan")


def figures(truth, proxy):
    names = [n for n in truth if n in proxy]
    if not names:
        return None
    t = [truth[n] for n in names]
    p = [proxy[n] for n in names]
    by_truth = sorted(names, key=lambda n: -truth[n])
    by_proxy = sorted(names, key=lambda n: -proxy[n])

    def top(k):
        if len(names) <= k:
            return float("nan")
        chosen = by_truth[:k]
        return spearman([truth[n] for n in chosen], [proxy[n] for n in chosen])

    def precision(k):
        return len(set(by_truth[:k]) & set(by_proxy[:k])) / k

    return {
        "n": len(names), "rho": spearman(t, p), "rho10": top(10), "rho20": top(20), "tau": kendall(t, p),
        "regret": 100 * (truth[by_truth[0]] - truth[by_proxy[0]]), "p5": precision(5), "p10": precision(10),
    }


def main():
    paths = [a for a in sys.argv[1:] if "=" not in a and "+" not in a]
    combinations = [a.split("+") for a in sys.argv[1:] if "+" in a and "=" not in a]
    labels = dict(a.split("=", 1) for a in sys.argv[1:] if "=" in a)
    logged = logged_accuracies()
    full = {key: rows for key, rows in read_scores(paths[0]).items() if key[0] == "full"}
    protocol, stored = max(full.items(), key=lambda item: len(item[1]))
    truth = dict(stored)
    from_log = 0
    for name, values in logged.items():
        if name not in truth:
            truth[name] = sorted(values)[len(values) // 2]
            from_log += 1
    print(f"Ground truth (protocol {protocol[1]}): {len(truth)} candidates, {len(truth) - from_log} stored, {from_log} from the log.\n")
    print("| proxy | candidates | ρ | ρ top-10 | ρ top-20 | τ | top-1 regret | P@5 | P@10 |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    proxies = {}
    for path in paths[1:]:
        for (evaluator, proxy_protocol), proxy in sorted(read_scores(path).items()):
            proxies[labels.get(proxy_protocol, evaluator)] = proxy
    for parts in combinations:
        names = sorted(set.intersection(*(set(proxies[part]) for part in parts)))
        part_ranks = [ranks([proxies[part][n] for n in names]) for part in parts]
        proxies["+".join(parts)] = {n: sum(r[i] for r in part_ranks) / len(parts) for i, n in enumerate(names)}
    for label, proxy in proxies.items():
        f = figures(truth, proxy)
        if f is None:
            continue
        print(f"| {label} | {f['n']} | {cell(f['rho'])} | {cell(f['rho10'])} | {cell(f['rho20'])} | {cell(f['tau'])} | "
              f"{f['regret']:.2f} pp | {f['p5']:.1f} | {f['p10']:.1f} |")


def cell(value):
    return "-" if value != value else f"{value:.3f}"


if __name__ == "__main__":
    main()
