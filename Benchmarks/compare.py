#!/usr/bin/env python3
"""Before/after for a refactor: the scenarios of `make bench` against this checkout and an earlier
commit, side by side in one run (runs alternate, so a noisy machine affects both alike; medians).

The earlier commit is exported with `git archive` and built in release mode in its own folder (a
second scratch path), so the checkout's build is untouched.

Usage: compare.py BASE [--duration S] [--runs N] [--seed-orders N] [--only TEXT]
   or: make bench-compare BASE=<commit>
"""
import argparse
import datetime
import platform
import os
import subprocess
import sys
import tempfile
import shutil

import bench

ROOT = os.path.abspath(os.path.join(bench.HERE, ".."))


def build_base(rev, folder):
    """The sales-server binary of `rev`, built from an export of that commit. A reused folder
    (BENCH_BASE_DIR) keeps only its .build: files of another commit left beside the export made
    SwiftPM compile two files of one name (seen: Resources/ and Routes/, "multiple producers")."""
    subprocess.run(["find", folder, "-mindepth", "1", "-maxdepth", "1", "!", "-name", ".build", "-exec", "rm", "-rf", "{}", "+"], check=True)
    subprocess.run(f"git -C {ROOT} archive --format=tar {rev} | tar -x -C {folder}", shell=True, check=True)
    subprocess.run(["swift", "build", "-c", "release", "--product", "sales-server"], cwd=folder, check=True)
    return os.path.join(folder, ".build", "release", "sales-server")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base", help="the commit to compare against (e.g. HEAD~3, a hash)")
    parser.add_argument("--duration", type=int, default=int(os.environ.get("BENCH_DURATION", 20)))
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", 3)))
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--seed-orders", type=int, default=int(os.environ.get("BENCH_SEED_ORDERS", 50000)))
    parser.add_argument("--only", default="", help="run only scenarios whose name contains this text")
    parser.add_argument("--out", default=os.path.join(ROOT, "docs", "benchmarks-compare.md"))
    args = parser.parse_args()

    base_rev = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", args.base], capture_output=True, text=True, check=True).stdout.strip()
    head_rev = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True).stdout.strip()
    base_src = os.environ.get("BENCH_BASE_DIR") or tempfile.mkdtemp(prefix="sales-base-")
    base_bin = build_base(base_rev, base_src)
    new_bin = os.path.join(ROOT, ".build", "release", "sales-server")

    data = tempfile.mkdtemp(prefix="sales-compare-")
    workspace = bench.Workspace(data, new_bin, args.seed_orders)
    new = workspace.server("new", new_bin, 18093)
    base = workspace.server("base", base_bin, 18094)
    rows = []
    try:
        for s in (new, base):
            s.start()
        for scenario in bench.standard_scenarios():
            if args.only and args.only not in scenario["name"]:
                continue
            rows.append((scenario["name"], bench.measure(scenario, [new, base], args)))
    finally:
        for s in (new, base):
            s.stop()
        shutil.rmtree(data, ignore_errors=True)

    heading = (f"new = {head_rev}{' + uncommitted changes' if dirty else ''}, base = {base_rev}; "
               f"{args.runs} alternating runs of {args.duration} s, medians; ratios new / base")
    slower = [name for name, summary in rows if summary["new"]["rps"] < 0.95 * summary["base"]["rps"]]
    table = "\n".join([heading] + bench.ratio_lines(rows, names=("new", "base"))
                      + ["", "scenarios more than 5% slower: " + (", ".join(slower) if slower else "none")])
    print("\n" + table)
    if not args.only:
        machine = f"{platform.node()} · {os.cpu_count()} CPUs · {platform.platform()}"
        stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        with open(args.out, "w") as f:
            f.write("# Before and after\n\nWritten by `make bench-compare BASE=<commit>` (Benchmarks/compare.py): the scenarios of\n"
                    "`make bench` against this checkout and an earlier commit built in its own folder, both servers on\n"
                    f"copies of one seeded year ({args.seed_orders:,} orders), each pinned to CPU 0 and wrk to CPU 1, alternating runs.\n\n"
                    f"Machine: {machine}  \nDate: {stamp}\n\n```\n{table}\n```\n")
        print(f"\nwritten to {os.path.relpath(args.out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
