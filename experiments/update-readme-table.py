#!/usr/bin/env python3
"""Replaces the coreset table in README.md and experiments/RESULTS.md with the one experiments/coresets_table.py prints."""
import pathlib
import re
import subprocess

root = pathlib.Path(__file__).resolve().parent.parent
table = subprocess.run([str(root / "experiments" / "coresets_table.py")], check=True, capture_output=True, text=True).stdout.strip()
pattern = re.compile(r"\| method \| IPC \|.*?(?=\n\n)", re.S)
for name in ("README.md", "experiments/RESULTS.md"):
    path = root / name
    text = path.read_text()
    text = text.replace("COREST_TABLE", table) if "COREST_TABLE" in text else pattern.sub(lambda _: table, text, count=1)
    path.write_text(text)
