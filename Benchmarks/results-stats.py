#!/usr/bin/env python3
"""Figures from a run's results.csv, for the run-*.sh benchmarks: `results-stats.py MODE RESULTS [ARG]`.

Every row's send is taken as [finishedAt - durationMs, finishedAt] (durationMs runs from the row task's start to
its outcome, so it includes any wait for the rate limiter or a connection). The sending phase is the first row's
start to the last row's finish. Modes, each printing `label: value` lines:

  phase RESULTS            rows, outcomes, sending-phase seconds, rows/s over it.
  slots RESULTS N          + mean rows in flight = sum(durationMs) / sending phase, and that ÷ N.
  rate  RESULTS R          + achieved rate = (rows - 1) / (last finishedAt - first finishedAt) against R, and the
                           most finishedAt in any one-second window, both sliding ([t, t + 1000 ms) from every
                           row's finishedAt) and fixed (whole UTC seconds); and the sliding figure once the
                           first second (when the full burst bucket adds to the rate) is over.
"""
import csv
import sys
from collections import Counter
from datetime import datetime


def millis(stamp):
    # 2026-11-21T22:04:05.123Z
    moment = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ")
    return int(moment.timestamp() * 1000 + 0.5)


def load(path):
    with open(path, newline="") as handle:
        rows = list(csv.DictReader(handle))
    finished = [millis(row["finishedAt"]) for row in rows]
    durations = [int(row["durationMs"] or 0) for row in rows]
    outcomes = Counter(row["outcome"] for row in rows)
    return rows, finished, durations, outcomes


def phase(path):
    rows, finished, durations, outcomes = load(path)
    start = min(f - d for f, d in zip(finished, durations))
    end = max(finished)
    seconds = (end - start) / 1000
    print(f"rows: {len(rows)} ({', '.join(f'{k} {v}' for k, v in sorted(outcomes.items()))})")
    print(f"sending phase: {seconds:.3f} s")
    print(f"rows/s over the sending phase: {len(rows) / seconds:.0f}")
    return rows, finished, durations, seconds


def slots(path, concurrency):
    rows, finished, durations, seconds = phase(path)
    in_flight = sum(durations) / 1000 / seconds
    print(f"mean duration: {sum(durations) / len(durations):.1f} ms")
    print(f"mean rows in flight: {in_flight:.2f}")
    print(f"slot use (in flight / {concurrency}): {in_flight / concurrency:.3f}")


def rate(path, target):
    rows, finished, durations, seconds = phase(path)
    finished.sort()
    span = (finished[-1] - finished[0]) / 1000
    achieved = (len(finished) - 1) / span
    print(f"achieved rate (first to last finishedAt): {achieved:.2f}/s ({100 * (achieved - target) / target:+.2f} % of {target:g})")
    most, at, j = 0, 0, 0
    for i, start in enumerate(finished):
        while j < len(finished) and finished[j] < start + 1000:
            j += 1
        if j - i > most:
            most, at = j - i, start
    print(f"max rows in a sliding one-second window: {most} (from {(at - finished[0]) / 1000:.3f} s after the first row)")
    steady = [f for f in finished if f >= finished[0] + 1000]
    most_steady, j = 0, 0
    for i, start in enumerate(steady):
        while j < len(steady) and steady[j] < start + 1000:
            j += 1
        most_steady = max(most_steady, j - i)
    print(f"max rows in a sliding one-second window after the first second: {most_steady}")
    by_second = Counter(f // 1000 for f in finished)
    print(f"max rows in a fixed (whole-second) window: {max(by_second.values())}")


mode, path = sys.argv[1], sys.argv[2]
if mode == "phase":
    phase(path)
elif mode == "slots":
    slots(path, int(sys.argv[3]))
elif mode == "rate":
    rate(path, float(sys.argv[3]))
else:
    sys.exit(f"unknown mode {mode}")
