#!/usr/bin/env python3
"""`make bench-scale`: our server on a year of a million orders (Benchmarks/seed_scale.py).

Measures, against the targets of issue #9: start-up to ready, GET /v1/orders/{id} p99 against the
same load on a small database, the first page of filtered order lists, the sales report by month
and the receivables aging over the year, an events page, and the database's size. Single-request
figures are client-side wall times over one keep-alive connection (median and worst of N).

With --postgres (`make bench-scale-postgres`) the large database is also copied into a throwaway
PostgreSQL cluster and the same figures are taken from a node on it.

Usage: bench_scale.py [--orders 1000000] [--db PATH (reuse or keep the generated database)] [--postgres]
"""
import argparse
import datetime
import http.client
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from bench import KEY, Server, lua, run_wrk, HEADERS  # noqa: E402

SERVER = os.path.join(HERE, "..", ".build", "release", "sales-server")
CLUSTER = os.path.join(HERE, "..", "scripts", "pg-cluster.sh")


def seeded(path, orders):
    if os.path.exists(path):
        return 0.0
    subprocess.run([SERVER, "migrate", "--db", path], check=True, stdout=subprocess.DEVNULL)
    started = time.time()
    subprocess.run([sys.executable, os.path.join(HERE, "seed_scale.py"), path, str(orders)], check=True)
    return time.time() - started


def start(path, port):
    """Starts the server and returns it with the seconds from spawn to GET /readyz = 200."""
    server = Server("ours", [SERVER, "serve", "--port", str(port), "--db", path, "--log-level", "warning"], port,
                    env={"SALES_BOOTSTRAP_KEY": KEY})
    began = time.perf_counter()
    server.proc = subprocess.Popen(["taskset", "-c", "0"] + server.argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   env=dict(os.environ, **server.env))
    while True:
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            c.request("GET", "/readyz")
            if c.getresponse().status == 200:
                return server, time.perf_counter() - began
        except OSError:
            pass
        if time.perf_counter() - began > 60:
            raise RuntimeError("server not ready after 60 s")
        time.sleep(0.002)


def timed(port, path, n):
    """Median and worst wall time (ms) of n sequential GETs on one connection; checks 200."""
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    times = []
    for _ in range(n):
        t = time.perf_counter()
        c.request("GET", path, headers={"Authorization": f"Bearer {KEY}"})
        r = c.getresponse()
        r.read()
        times.append((time.perf_counter() - t) * 1000)
        if r.status != 200:
            raise RuntimeError(f"GET {path}: {r.status}")
    return statistics.median(times), max(times)


def random_order_script(max_id):
    """GET /v1/orders/{id} over ids spread across the whole table (cold and warm pages alike)."""
    return lua(f"random-order-{max_id}", HEADERS + f"""
math.randomseed(42)
request = function()
  return wrk.format("GET", "/v1/orders/" .. math.random(1, {max_id}))
end
""")


def measure(db, orders, duration, checks=None):
    """Ready time, GET random order under load, the single-request checks, RSS: of one server on `db`."""
    server, ready = start(db, 18097)
    try:
        result = {"ready": ready, "order": run_wrk("http://127.0.0.1:18097/v1/orders/1", duration, 64, random_order_script(orders))}
        result["checks"] = [(label, target, *timed(18097, path, n)) for label, path, n, target in checks or []]
        result["rss"] = server.rss_mib()
        return result
    finally:
        server.stop()


def checks_at_scale():
    today = datetime.date.today()
    year_ago = today - datetime.timedelta(days=364)
    return [
        ("order list: customer_id, first page of 50", "/v1/orders?customer_id=1234&limit=50", 20, 10),
        ("order list: created in one week", f"/v1/orders?created_from={today - datetime.timedelta(days=100)}"
                                            f"&created_to={today - datetime.timedelta(days=93)}&limit=50", 20, 10),
        ("order list: created in the whole year", f"/v1/orders?created_from={year_ago}&created_to={today}&limit=50", 20, 10),
        ("order list: status=completed (derived)", "/v1/orders?status=completed&limit=50", 20, 10),
        ("sales report by month, a year", f"/v1/reports/sales?group_by=month&from={year_ago}&to={today}", 5, 500),
        ("receivables aging", "/v1/reports/receivables-aging", 5, 500),
        ("events page (50) deep in the feed", "/v1/events?after=800000&limit=50", 20, 10),
        ("events page of one type", "/v1/events?type=order.created&after=500000&limit=50", 20, 10),
    ]


def on_postgres(large, orders, duration, say):
    """The large database copied into a throwaway PostgreSQL cluster (`sales-server copy`) and the
    same measurements on one node over it (issue 18 item 6). The node is on CPU 0 like the SQLite
    server; PostgreSQL shares CPU 1 with wrk."""
    cluster = tempfile.mkdtemp(prefix="sales-scale-cluster-")
    url = subprocess.run([CLUSTER, "start", cluster], capture_output=True, text=True, check=True).stdout.strip()
    try:
        with open(os.path.join(cluster, "data", "postmaster.pid")) as f:
            postmaster = int(f.readline())
        subprocess.run(["taskset", "-a", "-cp", "1", str(postmaster)], check=True, stdout=subprocess.DEVNULL)
        began = time.time()
        subprocess.run([SERVER, "copy", "--from", large, "--to", url], check=True, stdout=subprocess.DEVNULL)
        copied = time.time() - began
        size = subprocess.run(["psql", url, "-Atc", "SELECT pg_database_size(current_database())"],
                              capture_output=True, text=True, check=True).stdout.strip()
        say(f"PostgreSQL: copied in {copied:.0f} s (sales-server copy, then check), {int(size) / 2**20:,.0f} MiB")
        return measure(url, orders, duration, checks_at_scale())
    finally:
        subprocess.run([CLUSTER, "stop", cluster])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=int(os.environ.get("SCALE_ORDERS", 1_000_000)))
    parser.add_argument("--small", type=int, default=10_000, help="orders in the small database")
    parser.add_argument("--db", help="the large database: reused when it exists, kept afterwards")
    parser.add_argument("--duration", type=int, default=int(os.environ.get("BENCH_DURATION", 20)))
    parser.add_argument("--postgres", action="store_true",
                        help="also copy the large database into a throwaway PostgreSQL cluster and measure a node on it")
    parser.add_argument("--out", help="default: docs/benchmarks-scale.md, or docs/benchmarks-scale-postgres.md with --postgres")
    args = parser.parse_args()
    out = args.out or os.path.join(HERE, "..", "docs", "benchmarks-scale-postgres.md" if args.postgres else "benchmarks-scale.md")

    work = tempfile.mkdtemp(prefix="sales-scale-")
    large = args.db or os.path.join(work, "large.sqlite")
    small = os.path.join(work, "small.sqlite")
    lines = []

    def say(text):
        print(text, flush=True)
        lines.append(text)

    try:
        seconds = seeded(large, args.orders)
        seeded(small, args.small)
        size = sum(os.path.getsize(large + suffix) for suffix in ("", "-wal") if os.path.exists(large + suffix))
        say(f"database: {args.orders:,} orders, {size / 2**20:,.0f} MiB" + (f" (generated in {seconds:.0f} s)" if seconds else ""))
        results = {"small": measure(small, args.small, args.duration),
                   "large": measure(large, args.orders, args.duration, checks_at_scale())}
        stores = [("SQLite", "large")]
        if args.postgres:
            results["postgres"] = on_postgres(large, args.orders, args.duration, say)
            stores.append(("PostgreSQL", "postgres"))

        s, l = results["small"], results["large"]
        say(f"start-up to ready: {l['ready'] * 1000:.0f} ms on the large database (target ≤ 1000 ms), {s['ready'] * 1000:.0f} ms on the small"
            + (f", {results['postgres']['ready'] * 1000:.0f} ms on PostgreSQL" if args.postgres else ""))
        say(f"GET /v1/orders/{{random id}}, 64 connections, {args.duration} s:")
        for name, r in [("small", s["order"]), ("large", l["order"])] + ([("large on PostgreSQL", results["postgres"]["order"])] if args.postgres else []):
            say(f"  {name:<6} {r['rps']:>8.0f} req/s   p50 {r['p50']:6.2f} ms   p99 {r['p99']:6.2f} ms   non-2xx {r['non2xx']}")
        say(f"  p99 large/small = {l['order']['p99'] / s['order']['p99']:.2f} (target ≤ 2)")
        for store, key in stores:
            say(f"single requests on {store}, median / worst (target):")
            for label, target, median, worst in results[key]["checks"]:
                mark = "ok" if median <= target else "OVER"
                say(f"  {label:<44} {median:8.1f} / {worst:8.1f} ms  (≤ {target} ms) {mark}")
        say(f"RSS after: {l['rss']:.1f} MiB (large), {s['rss']:.1f} MiB (small)"
            + (f", {results['postgres']['rss']:.1f} MiB (PostgreSQL node)" if args.postgres else ""))
    finally:
        shutil.rmtree(work, ignore_errors=True)   # a --db given stays where it is

    machine = f"{platform.node()} · {os.cpu_count()} CPUs · {platform.platform()}"
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    where = ("our release server, pinned to CPU 0, on SQLite and — copied with `sales-server copy` — on a throwaway\n"
             "PostgreSQL cluster sharing CPU 1 with the load generator,") if args.postgres else "our release server, pinned to CPU 0,"
    with open(out, "w") as f:
        f.write(f"# Benchmarks at scale\n\nWritten by `make bench-scale{'-postgres' if args.postgres else ''}` (Benchmarks/bench_scale.py): {where}\n"
                "on a year of history generated by Benchmarks/seed_scale.py (orders of 3 lines over 2,000 customers and\n"
                "5,000 products; 90% invoiced, 85% shipped, 70% paid; one event per order).\n\n"
                f"Machine: {machine}  \nDate: {stamp}\n\n```\n" + "\n".join(lines) + "\n```\n")
    print(f"\nwritten to {os.path.relpath(out)}")


if __name__ == "__main__":
    sys.exit(main())
