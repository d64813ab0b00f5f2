#!/usr/bin/env python3
"""`make bench-postgres` (issue 18 item 6): the scenarios of `make bench` on SQLite, on PostgreSQL
with one node, and on PostgreSQL with two nodes, side by side in one run (runs alternate; medians).

All three start from the same seeded year: the SQLite template of `make bench`, copied into a
throwaway PostgreSQL cluster with `sales-server copy`. The machine has two cores: every node is
pinned to CPU 0, wrk and PostgreSQL share CPU 1. So throughput compares the stores on one node's
core, and two nodes on one core cannot show scaling — they show what coordinating through the
database costs. The figure that carries over to other machines is CPU per request: on the node(s)
and on the database (every PostgreSQL process of the cluster, from /proc).

Usage: bench_postgres.py [--duration S] [--runs N] [--seed-orders N] [--only TEXT] [--out FILE]
"""
import argparse
import datetime
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading

import bench

ROOT = os.path.abspath(os.path.join(bench.HERE, ".."))
CLUSTER = os.path.join(ROOT, "scripts", "pg-cluster.sh")


def cluster_cpu_seconds(postmaster):
    """utime + stime of the postmaster and every process it started (backends, writers)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in [postmaster] + children(postmaster):
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks
        except OSError:
            pass
    return total


def children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(p) for p in f.read().split()]
    except OSError:
        return []


class Group:
    """One store's node(s), measured together: wrk splits the connections across the nodes."""

    def __init__(self, name, servers, postmaster=None):
        self.name, self.servers, self.postmaster = name, servers, postmaster

    def run(self, scenario, duration, connections):
        share = max(1, connections // len(self.servers))
        results = [None] * len(self.servers)

        def one(i, s):
            results[i] = bench.run_wrk(f"http://127.0.0.1:{s.port}{scenario['path']}", duration, share, scenario.get("script"))

        node_before = sum(s.cpu_seconds() for s in self.servers)
        db_before = cluster_cpu_seconds(self.postmaster) if self.postmaster else 0.0
        threads = [threading.Thread(target=one, args=(i, s)) for i, s in enumerate(self.servers)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        requests = max(1, sum(r["requests"] for r in results))
        return {"rps": sum(r["rps"] for r in results), "p50": max(r["p50"] for r in results),
                "p99": max(r["p99"] for r in results), "non2xx": sum(r["non2xx"] for r in results),
                "node_us": (sum(s.cpu_seconds() for s in self.servers) - node_before) * 1e6 / requests,
                "db_us": ((cluster_cpu_seconds(self.postmaster) - db_before) * 1e6 / requests) if self.postmaster else 0.0}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=int, default=int(os.environ.get("BENCH_DURATION", 10)))
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", 2)))
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--seed-orders", type=int, default=int(os.environ.get("BENCH_SEED_ORDERS", 50000)))
    parser.add_argument("--only", default="")
    parser.add_argument("--out", default=os.path.join(ROOT, "docs", "benchmarks-postgres.md"))
    args = parser.parse_args()
    binary = os.path.join(ROOT, ".build", "release", "sales-server")

    data = tempfile.mkdtemp(prefix="sales-bench-pg-")
    workspace = bench.Workspace(data, binary, args.seed_orders)
    cluster = tempfile.mkdtemp(prefix="sales-bench-cluster-")   # outside `data`, which only root may enter
    url = subprocess.run([CLUSTER, "start", cluster], capture_output=True, text=True, check=True).stdout.strip()
    groups = []
    try:
        with open(os.path.join(cluster, "data", "postmaster.pid")) as f:
            postmaster = int(f.readline())
        # New backends inherit the postmaster's CPU; the cluster shares CPU 1 with wrk.
        subprocess.run(["taskset", "-a", "-cp", "1", str(postmaster)], check=True, stdout=subprocess.DEVNULL)
        copied = subprocess.run([binary, "copy", "--from", workspace.template, "--to", url], capture_output=True, text=True)
        if copied.returncode != 0:
            raise SystemExit(f"copy failed: {copied.stdout} {copied.stderr}")
        sqlite = workspace.server("sqlite", binary, 18101)
        pg1 = bench.Server("pg-1", [binary, "serve", "--port", "18102", "--db", url, "--log-level", "warning"], 18102,
                           env={"SALES_BOOTSTRAP_KEY": bench.KEY})
        pg2 = [bench.Server(f"pg-2.{i}", [binary, "serve", "--port", str(18103 + i), "--db", url, "--log-level", "warning"], 18103 + i,
                            env={"SALES_BOOTSTRAP_KEY": bench.KEY}) for i in range(2)]
        groups = [Group("SQLite", [sqlite]), Group("PostgreSQL 1 node", [pg1], postmaster),
                  Group("PostgreSQL 2 nodes", pg2, postmaster)]
        for s in [sqlite, pg1] + pg2:
            s.start()
        rows = []
        for scenario in bench.standard_scenarios():
            if args.only and args.only not in scenario["name"]:
                continue
            connections = scenario.get("connections", args.connections)
            runs = {g.name: [] for g in groups}
            for g in groups:  # warm-up
                g.run(scenario, 2, connections)
            for _ in range(args.runs):
                for g in groups:
                    runs[g.name].append(g.run(scenario, args.duration, connections))
            summary = {name: {k: statistics.median(r[k] for r in rs) for k in ("rps", "p50", "p99", "node_us", "db_us")}
                       | {"non2xx": sum(r["non2xx"] for r in rs)} for name, rs in runs.items()}
            rows.append((scenario["name"], summary))
            print(f"{scenario['name']}: " + ", ".join(f"{n} {m['rps']:.0f} req/s" for n, m in summary.items()), flush=True)
    finally:
        for g in groups:
            for s in g.servers:
                s.stop()
        subprocess.run([CLUSTER, "stop", cluster])

    header = f"{'scenario':<34} {'store':<20} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'node µs/req':>11} {'db µs/req':>10} {'non-2xx':>8}"
    lines = [header, "-" * len(header)]
    for name, summary in rows:
        for store, m in summary.items():
            lines.append(f"{name:<34} {store:<20} {m['rps']:>8.0f} {m['p50']:>8.2f} {m['p99']:>8.2f} {m['node_us']:>11.1f} "
                         f"{m['db_us']:>10.1f} {m['non2xx']:>8}")
    table = "\n".join(lines)
    print(table)
    with open(args.out, "w") as f:
        f.write(f"# SQLite and PostgreSQL, one and two nodes (make bench-postgres)\n\n"
                f"Generated by Benchmarks/bench_postgres.py on {datetime.date.today()} ({platform.machine()}, "
                f"{os.cpu_count()} CPUs): {args.runs} alternating runs of {args.duration} s, medians; "
                f"{args.seed_orders:,} seeded orders copied into PostgreSQL with `sales-server copy`. Nodes on CPU 0; "
                f"wrk and PostgreSQL on CPU 1.\n\n"
                f"What this can show: the cost of each store per request — CPU µs on the node(s) and on the database — which "
                f"carries over to other machines. What it cannot: throughput on real hardware (the database shares a core with "
                f"the load generator, and two nodes share one core, so the two-node rows show what coordinating through "
                f"PostgreSQL costs, not scaling).\n\n"
                f"```\n{table}\n```\n")
    print(f"written to {os.path.relpath(args.out)}")


if __name__ == "__main__":
    sys.exit(main())
