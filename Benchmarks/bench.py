#!/usr/bin/env python3
"""Side-by-side load test: our server against the Hummingbird peer, in one run.

Each server is pinned to CPU 0 and wrk to CPU 1 (taskset), so the figures compare the servers'
efficiency rather than how they share cores with the load generator. Runs alternate between the
two servers so that drift on a noisy machine affects both alike; the table reports medians.

Usage: bench.py [--duration S] [--runs N] [--connections C] [--out FILE]
"""
import argparse
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
import datetime
import platform

HERE = os.path.dirname(os.path.abspath(__file__))
BIN = os.path.join(HERE, ".build", "release")


class Server:
    """A server process pinned to one CPU, with its CPU time and peak RSS read from /proc."""

    def __init__(self, name, argv, port, env=None):
        self.name, self.argv, self.port, self.env = name, argv, port, env
        self.proc = None

    def start(self):
        env = dict(os.environ, **(self.env or {}))
        self.proc = subprocess.Popen(["taskset", "-c", "0"] + self.argv, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, env=env)
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"{self.name} did not start on port {self.port}")

    def cpu_seconds(self):
        with open(f"/proc/{self.proc.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        ticks = os.sysconf("SC_CLK_TCK")
        return (int(fields[11]) + int(fields[12])) / ticks  # utime + stime

    def peak_rss_mib(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        return 0.0

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def to_ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def run_wrk(url, duration, connections, script=None):
    cmd = ["taskset", "-c", "1", "wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--latency"]
    if script:
        cmd += ["-s", script]
    out = subprocess.run(cmd + [url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    lat = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", out, re.M))

    def parse(text):
        m = re.match(r"([\d.]+)(us|ms|s)", text)
        return to_ms(m.group(1), m.group(2))

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    return {"rps": rps, "requests": total, "p50": parse(lat["50"]), "p99": parse(lat["99"]),
            "non2xx": int(errors.group(1)) if errors else 0,
            "socket_errors": socket_errors.group(1) if socket_errors else ""}


KEY = "sk_benchmark_admin_key_0000000000000000000"


def wrk_script(method="GET", body=None):
    """A wrk Lua script sending an authenticated request (written once per scenario)."""
    lines = [f'wrk.method = "{method}"', f'wrk.headers["Authorization"] = "Bearer {KEY}"']
    if body is not None:
        lines += ['wrk.headers["Content-Type"] = "application/json"', "wrk.body = [[" + body + "]]"]
    path = os.path.join(HERE, ".build", f"wrk-{method.lower()}-{abs(hash(body or '')) % 100000}.lua")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return path


ORDER_BODY = ('{"customer_id":1,"confirm":true,"lines":[{"product_id":1,"quantity":1},'
              '{"product_id":2,"quantity":2},{"product_id":3,"quantity":1.5}]}')


def post(port, path, body):
    import urllib.request
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", method="POST", data=body.encode(),
                                 headers={"Authorization": f"Bearer {KEY}", "Content-Type": "application/json"})
    with urllib.request.urlopen(req) as response:
        assert response.status == 201, response.status


def seed(port):
    """The same rows in every database, through our API: customer 1, products 1–3 with ample
    stock, and order 1 (3 lines, confirmed)."""
    post(port, "/v1/customers", '{"name":"Seed customer","email":"seed@example.com"}')
    for i in (1, 2, 3):
        post(port, "/v1/products", f'{{"sku":"SKU-{i}","name":"Product {i}","unit_price":{1000 + i * 99}}}')
        post(port, f"/v1/products/{i}/stock-adjustments", '{"quantity":1000000000}')
    post(port, "/v1/orders", ORDER_BODY)
    # Orders 2 and 3 (lines 4 and 5): a million units each, invoiced and shipped 0.001 at a time.
    for _ in (2, 3):
        post(port, "/v1/orders", '{"customer_id":1,"confirm":true,"lines":[{"product_id":1,"quantity":1000000}]}')
    # Customer 2 receives the payments: with no open invoices, each goes whole to its credit.
    post(port, "/v1/customers", '{"name":"Paying customer"}')


def measure(scenario, servers, args):
    """Alternating runs of every server on one scenario; medians per server."""
    results = {s.name: [] for s in servers}
    for s in servers:  # warm-up
        run_wrk(f"http://127.0.0.1:{s.port}{scenario['path']}", 2, args.connections, scenario.get("script"))
    for _ in range(args.runs):
        for s in servers:
            cpu_before = s.cpu_seconds()
            r = run_wrk(f"http://127.0.0.1:{s.port}{scenario['path']}", args.duration, args.connections,
                        scenario.get("script"))
            r["cpu_us_per_req"] = (s.cpu_seconds() - cpu_before) * 1e6 / max(1, r["requests"])
            results[s.name].append(r)
    summary = {}
    for name, runs in results.items():
        summary[name] = {k: statistics.median(r[k] for r in runs)
                         for k in ("rps", "p50", "p99", "cpu_us_per_req")}
        summary[name]["non2xx"] = sum(r["non2xx"] for r in runs)
        summary[name]["socket_errors"] = "; ".join(r["socket_errors"] for r in runs if r["socket_errors"])
    return summary


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=int, default=int(os.environ.get("BENCH_DURATION", 10)))
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", 3)))
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--out", default=os.path.join(HERE, "..", "docs", "benchmarks.md"))
    parser.add_argument("--only", default="", help="run only scenarios whose name contains this text (no docs update)")
    args = parser.parse_args()

    import tempfile
    data = tempfile.mkdtemp(prefix="sales-bench-")
    hello = Server("ours", [os.path.join(BIN, "ours-hello"), "18081"], 18081)
    # Our real server at durability full, request logging off (the peer logs no requests either).
    ours = Server("ours", [os.path.join(HERE, "..", ".build", "release", "sales-server"), "serve", "--port", "18083",
                           "--db", os.path.join(data, "ours.sqlite"), "--log-level", "warning"], 18083,
                  env={"SALES_BOOTSTRAP_KEY": KEY})
    peer = Server("hummingbird", [os.path.join(BIN, "peer-hummingbird"), "18082", os.path.join(data, "peer.sqlite"), KEY], 18082)
    # The peer has no product routes: its database is seeded by our server before it starts.
    peer_seeder = Server("seeder", ours.argv[:3] + ["18085", "--db", os.path.join(data, "peer.sqlite"), "--log-level", "warning"],
                         18085, env={"SALES_BOOTSTRAP_KEY": KEY})
    post_body = '{"name":"Bench customer","email":"bench@example.com","credit_limit":100000,"metadata":{"source":"wrk"}}'
    scenarios = [
        ({"name": "GET /hello (tiny JSON)", "path": "/hello"}, hello),
        ({"name": "GET /v1/customers/{id}", "path": "/v1/customers/1", "script": wrk_script()}, ours),
        ({"name": "POST /v1/customers", "path": "/v1/customers", "script": wrk_script("POST", post_body)}, ours),
        ({"name": "GET /v1/orders/{id} (3 lines)", "path": "/v1/orders/1", "script": wrk_script()}, ours),
        ({"name": "POST /v1/orders confirm:true", "path": "/v1/orders", "script": wrk_script("POST", ORDER_BODY)}, ours),
        ({"name": "POST /v1/orders/{id}/invoices", "path": "/v1/orders/2/invoices",
          "script": wrk_script("POST", '{"lines":[{"order_line_id":4,"quantity":0.001}]}')}, ours),
        ({"name": "POST /v1/orders/{id}/shipments", "path": "/v1/orders/3/shipments",
          "script": wrk_script("POST", '{"lines":[{"order_line_id":5,"quantity":0.001}]}')}, ours),
        ({"name": "POST /v1/payments", "path": "/v1/payments",
          "script": wrk_script("POST", '{"customer_id":2,"amount":2500,"method":"card","reference":"bench"}')}, ours),
    ]

    rows = []
    rss = {}
    try:
        peer_seeder.start()
        seed(peer_seeder.port)
        peer_seeder.stop()
        for s in (hello, ours, peer):
            s.start()
        seed(ours.port)
        for scenario, mine in scenarios:
            if args.only and args.only not in scenario["name"]:
                continue
            summary = measure(scenario, [mine, peer], args)
            rows.append((scenario["name"], summary))
        rss = {"ours (hello)": hello.peak_rss_mib(), "ours (sales-server)": ours.peak_rss_mib(),
               "hummingbird": peer.peak_rss_mib()}
    finally:
        for s in (hello, ours, peer):
            s.stop()

    header = (f"{'scenario':<32} {'server':<12} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8} "
              f"{'CPU µs/req':>10} {'non-2xx':>8}")
    lines = [header, "-" * len(header)]
    for name, summary in rows:
        for server in ("ours", "hummingbird"):
            m = summary[server]
            lines.append(f"{name:<32} {server:<12} {m['rps']:>10.0f} {m['p50']:>8.3f} {m['p99']:>8.3f} "
                         f"{m['cpu_us_per_req']:>10.1f} {m['non2xx']:>8}")
        o, p = summary["ours"], summary["hummingbird"]
        lines.append(f"{'':<32} {'ratio':<12} {o['rps'] / p['rps']:>9.2f}x {o['p50'] / p['p50']:>7.2f}x "
                     f"{o['p99'] / p['p99']:>7.2f}x {o['cpu_us_per_req'] / p['cpu_us_per_req']:>9.2f}x")
    lines.append("peak RSS: " + ", ".join(f"{k} {v:.1f} MiB" for k, v in rss.items()))
    table = "\n".join(lines)
    print(table)

    if args.only:
        return 0
    machine = f"{platform.node()} · {os.cpu_count()} CPUs · {platform.platform()}"
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    with open(args.out, "w") as f:
        f.write("# Benchmarks\n\nWritten by `make bench` (Benchmarks/bench.py). Each server pinned to CPU 0, wrk to\n"
                f"CPU 1, {args.connections} connections, {args.runs} alternating runs of {args.duration} s, medians.\n"
                "Ratios are ours / peer (req/s: higher is better; latency and CPU: lower is better).\n\n"
                f"Machine: {machine}  \nDate: {stamp}\n\n```\n{table}\n```\n")
    print(f"\nwritten to {os.path.relpath(args.out)}")


if __name__ == "__main__":
    sys.exit(main())
