#!/usr/bin/env python3
"""Side-by-side load test: our server against the Hummingbird peer, in one run.

Each server is pinned to CPU 0 and wrk to CPU 1 (taskset), so the figures compare the servers'
efficiency rather than how they share cores with the load generator. Runs alternate between the
two servers so that drift on a noisy machine affects both alike; the table reports medians.

Usage: bench.py [--duration S] [--runs N] [--connections C] [--seed-orders N] [--idle N] [--only TEXT] [--out FILE]
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
import shutil
import tempfile

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

    def _status(self, field):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith(field):
                    return int(line.split()[1]) / 1024
        return 0.0

    def peak_rss_mib(self):
        return self._status("VmHWM:")

    def rss_mib(self):
        return self._status("VmRSS:")

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
HEADERS = f'wrk.headers["Authorization"] = "Bearer {KEY}"\nwrk.headers["Content-Type"] = "application/json"\n'


def lua(name, text):
    os.makedirs(os.path.join(HERE, ".build"), exist_ok=True)
    path = os.path.join(HERE, ".build", f"wrk-{name}.lua")
    with open(path, "w") as f:
        f.write(text)
    return path


def wrk_script(method="GET", body=None):
    """A wrk Lua script sending one authenticated request."""
    text = HEADERS + f'wrk.method = "{method}"\n'
    if body is not None:
        text += "wrk.body = [[" + body + "]]\n"
    return lua(f"{method.lower()}-{abs(hash(body or '')) % 100000}", text)


ORDER_BODY = ('{"customer_id":1,"confirm":true,"lines":[{"product_id":1,"quantity":1},'
              '{"product_id":2,"quantity":2},{"product_id":3,"quantity":1.5}]}')

# POST /v1/orders with a fresh Idempotency-Key per request (a run-unique prefix and a counter).
IDEMPOTENT_ORDER = HEADERS + r"""
local prefix = tostring(os.time()) .. "-" .. tostring(math.random(1, 1e9))
local n = 0
request = function()
  n = n + 1
  wrk.headers["Idempotency-Key"] = prefix .. "-" .. n
  return wrk.format("POST", "/v1/orders", nil, [[""" + ORDER_BODY + r"""]])
end
"""

# The whole lifecycle: create+confirm an order, invoice it, ship it, pay the invoice. Each answer
# queues the next step (wrk keeps one request in flight per connection); 4 requests = 1 lifecycle.
LIFECYCLE = HEADERS + r"""
local queue, head, tail = {}, 1, 0
local function push(path, body) tail = tail + 1; queue[tail] = {path, body} end
request = function()
  if head <= tail then
    local step = queue[head]; queue[head] = nil; head = head + 1
    return wrk.format("POST", step[1], nil, step[2])
  end
  return wrk.format("POST", "/v1/orders", nil, [[""" + ORDER_BODY + r"""]])
end
response = function(status, headers, body)
  if status ~= 201 then return end
  -- Top-level fields only: drop every array (lines, allocations…), whose items have ids too, and
  -- whose key order JSONEncoder does not keep.
  body = body:gsub("%b[]", "")
  if body:find('"number":"SO%-') then
    push("/v1/orders/" .. body:match('"id":(%d+)') .. "/invoices", "{}")
  elseif body:find('"number":"INV%-') then
    local id, order, due = body:match('"id":(%d+)'), body:match('"order_id":(%d+)'), body:match('"amount_due":(%d+)')
    push("/v1/orders/" .. order .. "/shipments", "{}")
    push("/v1/payments", '{"customer_id":1,"amount":' .. due .. ',"method":"card","allocations":[{"invoice_id":' .. id .. ',"amount":' .. due .. '}]}')
  end
end
"""


def measure(scenario, servers, args):
    """Alternating runs of every server on one scenario; medians per server."""
    results = {s.name: [] for s in servers}
    for s in servers:  # warm-up
        run_wrk(f"http://127.0.0.1:{s.port}{scenario['path']}", 2, scenario.get("connections", args.connections), scenario.get("script"))
    for _ in range(args.runs):
        for s in servers:
            cpu_before = s.cpu_seconds()
            r = run_wrk(f"http://127.0.0.1:{s.port}{scenario['path']}", args.duration, scenario.get("connections", args.connections),
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


def fsync_rate(directory, seconds=3):
    """What one fsync per request allows on this disk: 4 KiB writes, each followed by fdatasync."""
    path = os.path.join(directory, "fsync-probe")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT)
    n, start = 0, time.time()
    while time.time() - start < seconds:
        os.pwrite(fd, b"x" * 4096, (n % 64) * 4096)
        os.fdatasync(fd)
        n += 1
    elapsed = time.time() - start
    os.close(fd)
    os.unlink(path)
    return n / elapsed


def idle_connections(server, count, args):
    """Opens `count` keep-alive connections that each make one request and then sit idle, then
    measures a normal client (16 connections, GET /v1/orders/{id}) beside them."""
    import resource
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, count + 1024), hard))
    request = (f"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").encode()
    sockets = []
    for _ in range(count):
        s = socket.create_connection(("127.0.0.1", server.port))
        s.sendall(request)
        sockets.append(s)
    for s in sockets:
        s.recv(4096)
    rss_idle = server.rss_mib()
    r = run_wrk(f"http://127.0.0.1:{server.port}/v1/orders/1", args.duration, 16, wrk_script())
    rss_after = server.rss_mib()
    alive = sum(1 for s in sockets if _alive(s))
    for s in sockets:
        s.close()
    return {"rss_idle": rss_idle, "rss_after": rss_after, "p99": r["p99"], "p50": r["p50"], "rps": r["rps"], "alive": alive}


def _alive(s):
    s.setblocking(False)
    try:
        return s.recv(1) != b""
    except BlockingIOError:
        return True
    except OSError:
        return False


def ratio_lines(rows, names=("ours", "hummingbird")):
    header = (f"{'scenario':<40} {'server':<12} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8} "
              f"{'CPU µs/req':>10} {'non-2xx':>8}")
    lines = [header, "-" * len(header)]
    for name, summary in rows:
        for server in names:
            m = summary[server]
            lines.append(f"{name:<40} {server:<12} {m['rps']:>10.0f} {m['p50']:>8.3f} {m['p99']:>8.3f} "
                         f"{m['cpu_us_per_req']:>10.1f} {m['non2xx']:>8}")
        o, p = summary[names[0]], summary[names[1]]
        lines.append(f"{'':<40} {'ratio':<12} {o['rps'] / p['rps']:>9.2f}x {o['p50'] / p['p50']:>7.2f}x "
                     f"{o['p99'] / p['p99']:>7.2f}x {o['cpu_us_per_req'] / p['cpu_us_per_req']:>9.2f}x")
    return lines


class Workspace:
    """A temporary folder holding one seeded year (the direct path of seed_scale.py), which every
    server gets a copy of."""

    def __init__(self, data, server_bin, seed_orders):
        self.data = data
        self.template = os.path.join(data, "template.sqlite")
        subprocess.run([server_bin, "migrate", "--db", self.template], check=True, stdout=subprocess.DEVNULL)
        subprocess.run([sys.executable, os.path.join(HERE, "seed_scale.py"), self.template, str(seed_orders),
                        "--customers", "200", "--products", "500"], check=True, stdout=subprocess.DEVNULL)

    def copy(self, name):
        path = os.path.join(self.data, name)
        shutil.copyfile(self.template, path)
        return path

    def server(self, name, binary, port, *extra):
        """Our server on a copy of the seeded year; request logging off (the peer logs no requests either)."""
        database = self.copy(name.replace(" ", "-").replace("/", "-") + ".sqlite")
        return Server(name, [binary, "serve", "--port", str(port), "--db", database, "--log-level", "warning", *extra],
                      port, env={"SALES_BOOTSTRAP_KEY": KEY})


def standard_scenarios():
    """The scenarios of `make bench` (and of `make bench-compare`)."""
    today = datetime.date.today()
    year_ago = today - datetime.timedelta(days=364)
    return [
        {"name": "GET /healthz", "path": "/healthz"},
        {"name": "GET /v1/orders/{id} (3 lines)", "path": "/v1/orders/1", "script": wrk_script()},
        {"name": "GET /v1/orders?customer_id (50)", "path": "/v1/orders?customer_id=2&limit=50", "script": wrk_script()},
        {"name": "GET /v1/reports/sales month×year", "path": f"/v1/reports/sales?group_by=month&from={year_ago}&to={today}",
         "script": wrk_script(), "connections": 8},
        {"name": "POST /v1/orders confirm+Idem-Key", "path": "/v1/orders", "script": lua("order-idempotent", IDEMPOTENT_ORDER)},
        {"name": "lifecycle (4 requests each)", "path": "/v1/orders", "script": lua("lifecycle", LIFECYCLE)},
    ]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=int, default=int(os.environ.get("BENCH_DURATION", 20)))
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", 3)))
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--seed-orders", type=int, default=int(os.environ.get("BENCH_SEED_ORDERS", 50000)),
                        help="orders in the seeded year (over 200 customers and 500 products)")
    parser.add_argument("--idle", type=int, default=10000, help="idle keep-alive connections in the memory check")
    parser.add_argument("--out", default=os.path.join(HERE, "..", "docs", "benchmarks.md"))
    parser.add_argument("--only", default="", help="run only scenarios whose name contains this text (no docs update)")
    args = parser.parse_args()

    data = tempfile.mkdtemp(prefix="sales-bench-")
    server_bin = os.path.join(HERE, "..", ".build", "release", "sales-server")
    bench = Workspace(data, server_bin, args.seed_orders)
    ours = bench.server("ours", server_bin, 18083)
    peer = Server("hummingbird", [os.path.join(BIN, "peer-hummingbird"), "18082", bench.copy("peer.sqlite"), KEY], 18082)
    normal = bench.server("ours normal", server_bin, 18084, "--durability", "normal")
    single = bench.server("ours 1/txn", server_bin, 18085, "--write-batch", "1")
    template = bench.template
    scenarios = standard_scenarios()

    # Encode/decode of an order, µs per operation, ours and Codable (single thread, CPU 0).
    micro = subprocess.run(["taskset", "-c", "0", os.path.join(BIN, "peer-hummingbird"), "--micro", template],
                           capture_output=True, text=True, check=True).stdout.strip().splitlines()
    rows, durability_rows = [], []
    rss = {}
    idle = None
    fsyncs = fsync_rate(data)
    try:
        for s in (ours, peer):
            s.start()
        for scenario in scenarios:
            if args.only and args.only not in scenario["name"]:
                continue
            rows.append((scenario["name"], measure(scenario, [ours, peer], args)))
        rss = {"ours": ours.rss_mib(), "ours peak": ours.peak_rss_mib(), "hummingbird": peer.rss_mib(),
               "hummingbird peak": peer.peak_rss_mib()}
        if not args.only or "durab" in args.only:
            # Group commit: the same idempotent order load at --durability normal and with one
            # transaction (one fsync) per request.
            for s in (normal, single):
                s.start()
            order = next(s for s in scenarios if s["name"].startswith("POST /v1/orders"))
            durability_rows.append((order["name"], measure(order, [ours, normal, single], args)))
        if args.idle and (not args.only or "idle" in args.only):
            idle = idle_connections(ours, args.idle, args)
    finally:
        for s in (ours, peer, normal, single):
            s.stop()
        shutil.rmtree(data, ignore_errors=True)

    lines = ratio_lines(rows)
    for name, summary in rows:
        if name.startswith("lifecycle"):
            o, p = summary["ours"]["rps"] / 4, summary["hummingbird"]["rps"] / 4
            lines.append(f"lifecycles/s: ours {o:.0f}, hummingbird {p:.0f} ({o / p:.2f}x)")
    lines.append("RSS after the bench: " + ", ".join(f"{k} {v:.1f} MiB" for k, v in rss.items()))
    if durability_rows:
        name, summary = durability_rows[0]
        full, norm, one = summary["ours"], summary["ours normal"], summary["ours 1/txn"]
        lines += ["", "Group commit (POST /v1/orders confirm:true with Idempotency-Key, 64 connections):",
                  f"  durability full, grouped      {full['rps']:>8.0f} req/s  p99 {full['p99']:.2f} ms",
                  f"  durability normal, grouped    {norm['rps']:>8.0f} req/s  p99 {norm['p99']:.2f} ms   full/normal = {full['rps'] / norm['rps']:.2f}",
                  f"  durability full, 1 txn/request {one['rps']:>7.0f} req/s  p99 {one['p99']:.2f} ms   grouped/1-per-request = {full['rps'] / one['rps']:.2f}",
                  f"  fdatasync on this disk: {fsyncs:.0f}/s (the ceiling of one fsync per request); grouped/ceiling = {full['rps'] / fsyncs:.2f}"]
    if idle:
        lines += ["", f"{args.idle} idle keep-alive connections: RSS {idle['rss_idle']:.1f} MiB idle, {idle['rss_after']:.1f} MiB after a "
                      f"normal client (16 connections, GET /v1/orders/{{id}}): {idle['rps']:.0f} req/s, p50 {idle['p50']:.2f} ms, "
                      f"p99 {idle['p99']:.2f} ms; {idle['alive']} idle connections still open"]
    lines += ["", "Microbenchmarks (best of 5 × 20,000, one core):"] + ["  " + m.rsplit(" (", 1)[0] for m in micro]
    table = "\n".join(lines)
    print(table)

    if args.only:
        return 0
    machine = f"{platform.node()} · {os.cpu_count()} CPUs · {platform.platform()}"
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    with open(args.out, "w") as f:
        f.write("# Benchmarks\n\nWritten by `make bench` (Benchmarks/bench.py). Release builds; each server pinned to CPU 0, wrk to\n"
                f"CPU 1, {args.connections} connections (8 for the report), {args.runs} alternating runs of {args.duration} s, medians.\n"
                f"Both servers start from the same seeded year ({args.seed_orders:,} orders over 200 customers, Benchmarks/seed_scale.py).\n"
                "Ratios are ours / peer (req/s: higher is better; latency and CPU: lower is better). The peer is\n"
                "Hummingbird 2 over the same SalesStore code, doing the same outbox and Idempotency-Key work.\n\n"
                f"Machine: {machine}  \nDate: {stamp}\n\n```\n{table}\n```\n")
    print(f"\nwritten to {os.path.relpath(args.out)}")


if __name__ == "__main__":
    sys.exit(main())
