#!/usr/bin/env python3
"""Slow and hostile clients beside normal load (issue 10 item 4), measured in one run.

Our release server (pinned to CPU 0) serves a normal client (wrk, CPU 1: GET /v1/orders/{id},
32 keep-alive connections) in four phases of --duration seconds each:

  baseline     the normal client alone
  slow         beside --slow connections trickling a byte every --interval seconds: half
               trickle a request head (slowloris), half a declared 100 kB body (slow POST);
               each one closed by the server reconnects, so --slow stay open all along
  baseline     the normal client alone again (the figure compared is the mean of both)
  flood        beside a flood of new connections past --max-connections, each sending a
               request at once

and then checks that large bodies never buffer past the limit: --large clients each declare a
50 MB body (413 at once, nothing read) and --large clients each stream chunked data past the
1 MiB limit (413 when it is crossed), while the server's peak RSS is watched.

Passes when: throughput beside the slow clients ≥ 90% of the baseline and p99 ≤ 2×; every slow
connection is closed by the server within its timeout (head: 10 s; body: 20 s + 1 s per 512
bytes, API of HTTPServerConfiguration) plus a second of sweep; the flood is refused with 503 while
the normal client sees no error and ≥ 90% of its baseline; the RSS peak during the large bodies
grows by less than --large × 1 MiB + 32 MiB. Writes docs/benchmarks-slow-clients.md.
"""
import argparse
import asyncio
import datetime
import json
import os
import platform
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from bench import KEY, Server, run_wrk, wrk_script  # noqa: E402

HEAD_TIMEOUT = 10.0          # HTTPServerConfiguration.headerTimeout
BODY_TIMEOUT = 20.0          # HTTPServerConfiguration.bodyTimeout
BODY_MIN_RATE = 512          # HTTPServerConfiguration.bodyMinimumRate, bytes per second
SWEEP_SLACK = 1.5            # deadlines are swept at most every second


# ---------------------------------------------------------------------------------------------
# The slow clients run in their own process (python3 slow_clients.py --role slow ...), so that
# their event loop does not share an interpreter with the measuring code.

async def slow_connection(port, kind, interval, stop_at, results):
    """Keeps one slow connection open until `stop_at`, reconnecting whenever the server closes
    it; records, for every connection the server closed, how long it lived and what it said."""
    while time.monotonic() < stop_at:
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            results["connect_errors"] += 1
            await asyncio.sleep(0.5)
            continue
        started = time.monotonic()
        if kind == "head":
            writer.write(b"GET /v1/orders/1 HTTP/1.1\r\nHost: x\r\nX-Slow: ")
            sent = 0
        else:
            writer.write(b"POST /v1/customers HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                         b"Content-Length: 100000\r\n\r\n")
            sent = 0
        closed_by_server, answer = False, b""

        async def trickle():
            nonlocal sent
            while True:
                await asyncio.sleep(interval)
                writer.write(b"a")
                sent += 1
                await writer.drain()

        trickler = asyncio.ensure_future(trickle())
        try:
            remaining = stop_at - time.monotonic()
            while remaining > 0:
                chunk = await asyncio.wait_for(reader.read(4096), timeout=remaining)
                if not chunk:
                    closed_by_server = True
                    break
                answer += chunk
                remaining = stop_at - time.monotonic()
        except (asyncio.TimeoutError, ConnectionError, OSError):
            closed_by_server = time.monotonic() < stop_at
        finally:
            trickler.cancel()
            writer.close()
        if closed_by_server:
            lived = time.monotonic() - started
            status = answer[9:12].decode(errors="replace") if answer.startswith(b"HTTP/1.1 ") else "none"
            results["statuses"][status] = results["statuses"].get(status, 0) + 1
            if status != "503":         # 503: refused at the connection limit, never started
                allowed = HEAD_TIMEOUT if kind == "head" else BODY_TIMEOUT + (sent + 90) / BODY_MIN_RATE
                results["closed"][kind].append(lived)
                if lived > allowed + SWEEP_SLACK or status != "408":
                    results["late"] += 1


async def slow_main(port, count, interval, seconds):
    results = {"closed": {"head": [], "body": []}, "statuses": {}, "late": 0, "connect_errors": 0}
    stop_at = time.monotonic() + seconds
    tasks = []
    for i in range(count):
        kind = "head" if i % 2 == 0 else "body"
        tasks.append(asyncio.ensure_future(slow_connection(port, kind, interval, stop_at, results)))
        if i % 100 == 99:
            await asyncio.sleep(0.05)   # ramp up over a few seconds, as real clients arrive
    await asyncio.gather(*tasks, return_exceptions=True)
    print(json.dumps(results))


async def flood_main(port, seconds):
    """Opens connections as fast as it can, each sending a request; counts how they end."""
    counts = {"503": 0, "200": 0, "401": 0, "other": 0, "reset": 0}
    stop_at = time.monotonic() + seconds
    held = []

    async def one():
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            head = await asyncio.wait_for(reader.read(64), timeout=5)
            status = head[9:12].decode(errors="replace") if head.startswith(b"HTTP/1.1 ") else "reset"
            counts[status if status in counts else "other"] += 1
            if status == "503":
                writer.close()
            else:
                held.append(writer)     # accepted ones stay open: the limit is reached and stays so
        except (OSError, asyncio.TimeoutError):
            counts["reset"] += 1

    while time.monotonic() < stop_at:
        await asyncio.gather(*(one() for _ in range(50)))
    for w in held:
        w.close()
    print(json.dumps(counts))


# ---------------------------------------------------------------------------------------------

def raise_fd_limit(wanted):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, wanted)), hard))


def helper(role, *args):
    """Starts this script in a helper role on CPU 1 (beside wrk); returns the process."""
    return subprocess.Popen(["taskset", "-c", "1", sys.executable, os.path.abspath(__file__), "--role", role, *map(str, args)],
                            stdout=subprocess.PIPE, text=True)


def large_bodies(port, count, server):
    """`count` clients declaring a 50 MB body and `count` streaming chunked data past 1 MiB."""
    before = server.peak_rss_mib()
    declared, streamed = [], []
    for _ in range(count):
        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(b"POST /v1/customers HTTP/1.1\r\nHost: x\r\nContent-Length: 50000000\r\n\r\n" + b"x" * 65536)
        declared.append(s)
    chunk = b"10000\r\n" + b"y" * 0x10000 + b"\r\n"          # 64 KiB chunks
    for _ in range(count):
        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(b"POST /v1/customers HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
        streamed.append(s)
    # Each streamer sends up to 4 MiB, four times the limit; the server stops it at 1 MiB.
    refused_early = 0
    for s in streamed:
        try:
            for _ in range(64):
                s.sendall(chunk)
        except OSError:
            refused_early += 1
    statuses = []
    for s in declared + streamed:
        s.settimeout(10)
        try:
            statuses.append(s.recv(64)[9:12].decode(errors="replace"))
        except OSError:
            statuses.append("none")
        s.close()
    return {"statuses": {k: statuses.count(k) for k in set(statuses)}, "rss_before": before,
            "rss_peak": server.peak_rss_mib(), "stopped_while_sending": refused_early}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--role", default="")
    parser.add_argument("rest", nargs="*")
    parser.add_argument("--slow", type=int, default=2000)
    parser.add_argument("--interval", type=float, default=2.0, help="seconds between a slow client's bytes")
    parser.add_argument("--duration", type=int, default=int(os.environ.get("BENCH_DURATION", 15)))
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--large", type=int, default=20)
    parser.add_argument("--out", default=os.path.join(HERE, "..", "docs", "benchmarks-slow-clients.md"))
    args = parser.parse_args()
    if args.role == "slow":
        port, count, interval, seconds = int(args.rest[0]), int(args.rest[1]), float(args.rest[2]), float(args.rest[3])
        raise_fd_limit(count + 512)
        asyncio.run(slow_main(port, count, interval, seconds))
        return
    if args.role == "flood":
        raise_fd_limit(16384)
        asyncio.run(flood_main(int(args.rest[0]), float(args.rest[1])))
        return

    raise_fd_limit(65536)
    data = tempfile.mkdtemp(prefix="sales-slow-")
    server_bin = os.path.join(HERE, "..", ".build", "release", "sales-server")
    # Room for the slow clients, the normal client and the connections still lingering after the
    # server closed them (2 s each, RFC 9112 §9.6), so the slow phase measures timeouts, not the limit.
    limit = args.slow + args.connections + 500
    port = 18090
    server = Server("ours", [server_bin, "serve", "--port", str(port), "--db", os.path.join(data, "s.sqlite"),
                             "--log-level", "warning", "--max-connections", str(limit)], port,
                    env={"SALES_BOOTSTRAP_KEY": KEY})
    server.start()
    try:
        call = lambda method, path, body: subprocess.run(
            ["curl", "-sf", "-X", method, f"http://127.0.0.1:{port}{path}", "-H", f"Authorization: Bearer {KEY}",
             "-H", "Content-Type: application/json", "-d", body], check=True, capture_output=True)
        call("POST", "/v1/customers", '{"name":"Normal client"}')
        call("POST", "/v1/products", '{"sku":"N-1","name":"Item","unit_price":1000}')
        call("POST", "/v1/orders", '{"customer_id":1,"lines":[{"product_id":1,"quantity":2}]}')
        url = f"http://127.0.0.1:{port}/v1/orders/1"
        script = wrk_script()
        wrk = lambda: run_wrk(url, args.duration, args.connections, script)

        base1 = wrk()
        warmup = HEAD_TIMEOUT + 2
        slow = helper("slow", port, args.slow, args.interval, warmup + args.duration + BODY_TIMEOUT + 4)
        time.sleep(warmup)                  # all connected, the head tricklers cycled at least once
        open_during = server_open_connections(port)
        beside_slow = wrk()
        slow_report = json.loads(slow.communicate()[0])
        base2 = wrk()
        # The served clients are those connected before the flood: wrk connects first, then the
        # flood fills the server past its limit for the rest of the phase.
        import threading
        measured = {}
        runner = threading.Thread(target=lambda: measured.update(wrk()))
        runner.start()
        time.sleep(2)
        flood = helper("flood", port, args.duration - 3)
        runner.join()
        beside_flood = measured
        flood_report = json.loads(flood.communicate()[0])
        large = large_bodies(port, args.large, server)
    finally:
        server.stop()

    baseline_rps = (base1["rps"] + base2["rps"]) / 2
    baseline_p99 = (base1["p99"] + base2["p99"]) / 2
    closed = slow_report["closed"]
    checks = [
        ("throughput beside slow clients ≥ 90% of baseline", beside_slow["rps"] / baseline_rps >= 0.9,
         f'{beside_slow["rps"] / baseline_rps:.3f}'),
        ("p99 beside slow clients ≤ 2× baseline", beside_slow["p99"] / baseline_p99 <= 2.0,
         f'{beside_slow["p99"] / baseline_p99:.2f}×'),
        ("normal client saw no error beside slow clients", beside_slow["non2xx"] == 0 and not beside_slow["socket_errors"],
         f'{beside_slow["non2xx"]} non-2xx, {beside_slow["socket_errors"] or "no socket errors"}'),
        ("every slow connection closed by its timeout (408)", slow_report["late"] == 0 and closed["head"] and closed["body"],
         f'{len(closed["head"])} head + {len(closed["body"])} body closed, {slow_report["late"]} late or without 408'),
        ("flood refused with 503", flood_report["503"] > 0, f'{flood_report["503"]} refused'),
        ("normal client unharmed by the flood", beside_flood["non2xx"] == 0 and not beside_flood["socket_errors"]
         and beside_flood["rps"] / baseline_rps >= 0.9, f'{beside_flood["rps"] / baseline_rps:.3f} of baseline'),
        ("large bodies answered 413", large["statuses"].get("413", 0) == 2 * args.large, json.dumps(large["statuses"])),
        ("RSS peak bounded during large bodies", large["rss_peak"] - large["rss_before"] < args.large + 32,
         f'{large["rss_before"]:.1f} → {large["rss_peak"]:.1f} MiB'),
    ]

    def ms(v):
        return f"{v:.2f}"

    def lived(values):
        if not values:
            return "none"
        return f"{len(values)} closed, lived {min(values):.1f}–{max(values):.1f} s (median {statistics.median(values):.1f} s)"

    lines = [
        "# Slow and hostile clients (issue 10 item 4)",
        "",
        f"Generated by `make bench-slow` (Benchmarks/slow_clients.py) on {datetime.date.today()}, "
        f"{platform.machine()}, {os.cpu_count()} CPUs. Server pinned to CPU 0; wrk, the slow clients and the "
        "flood on CPU 1. Normal client: wrk, GET /v1/orders/{id}, "
        f"{args.connections} keep-alive connections, {args.duration} s per phase; connection limit {limit}.",
        "",
        "| phase | req/s | p50 ms | p99 ms | non-2xx |",
        "|---|---:|---:|---:|---:|",
        f'| baseline (before) | {base1["rps"]:.0f} | {ms(base1["p50"])} | {ms(base1["p99"])} | {base1["non2xx"]} |',
        f'| beside {args.slow} slow clients | {beside_slow["rps"]:.0f} | {ms(beside_slow["p50"])} | {ms(beside_slow["p99"])} | {beside_slow["non2xx"]} |',
        f'| baseline (after) | {base2["rps"]:.0f} | {ms(base2["p50"])} | {ms(base2["p99"])} | {base2["non2xx"]} |',
        f'| beside a connection flood (from 2 s in) | {beside_flood["rps"]:.0f} | {ms(beside_flood["p50"])} | {ms(beside_flood["p99"])} | {beside_flood["non2xx"]} |',
        "",
        f"Slow clients: {args.slow} ({args.slow // 2} trickling a head, {args.slow - args.slow // 2} a 100 kB body), "
        f"one byte every {args.interval:g} s, reconnecting when closed; {open_during} connections open on the "
        "server when the measurement began.",
        f'- head tricklers: {lived(closed["head"])}; the limit is {HEAD_TIMEOUT:g} s from the first byte',
        f'- body tricklers: {lived(closed["body"])}; the limit is {BODY_TIMEOUT:g} s + 1 s per {BODY_MIN_RATE} bytes',
        f'- answers before the close: {json.dumps(slow_report["statuses"])}; connect errors: {slow_report["connect_errors"]}',
        f'- flood: {json.dumps(flood_report)} (200 = accepted below the limit and held open to the end)',
        f'- large bodies: {args.large} declaring 50 MB and {args.large} streaming chunked data to 4 MiB: '
        f'{json.dumps(large["statuses"])}; peak RSS {large["rss_before"]:.1f} → {large["rss_peak"]:.1f} MiB',
        "",
        "| check | result | figure |",
        "|---|---|---|",
    ] + [f"| {name} | {'pass' if ok else 'FAIL'} | {figure} |" for name, ok, figure in checks]
    text = "\n".join(lines) + "\n"
    print(text)
    with open(args.out, "w") as f:
        f.write(text)
    sys.exit(0 if all(ok for _, ok, _ in checks) else 1)


def server_open_connections(port):
    """The server's own count of open connections, from /metrics."""
    out = subprocess.run(["curl", "-s", f"http://127.0.0.1:{port}/metrics", "-H", f"Authorization: Bearer {KEY}"],
                         capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.startswith("sales_http_open_connections "):
            return int(float(line.split()[-1]))
    return "?"


if __name__ == "__main__":
    main()
