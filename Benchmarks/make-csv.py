#!/usr/bin/env python3
"""Writes a benchmark CSV of invoice updates: `make-csv.py ROWS PATH` (default 1,000,000 rows, ~47 bytes a row).

Mostly plain rows as a spreadsheet exports them, with a quoted comment holding a comma every 50th row.
"""
import random
import sys

rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
path = sys.argv[2] if len(sys.argv) > 2 else "Benchmarks/data/updates-1m.csv"
random.seed(42)
with open(path, "w", newline="") as out:
    out.write("action,invoiceKey,dueDate,comments\n")
    for i in range(1, rows + 1):
        day = 1 + i % 28
        comment = f"Fix order {random.randint(100, 999999)}"
        if i % 50 == 0:
            comment = f'"Fix order {i}, see ""ticket"""'
        out.write(f"update,INV-{i:08d},2026-12-{day:02d},{comment}\n")
