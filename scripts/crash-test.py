#!/usr/bin/env python3
"""Crash safety (issue #10 item 1): a mixed write load, kill -9 at random moments, restart, verify.

    crash-test.py [--kills 50] [--durability full|normal] [--connections 32] [--binary PATH] [--db postgres://…]

With --db a PostgreSQL URL (an empty database) the node killed is a server in front of
PostgreSQL (issue 18 item 5), which itself keeps running; otherwise a SQLite file in a temp folder.

Each worker runs order lifecycles — create+confirm, invoice, ship, pay, and for some a credit
note — every POST with its own Idempotency-Key, while the server is killed with SIGKILL at a
random moment. After every restart:

1. `PRAGMA integrity_check` is ok (SQLite) and `sales-server check` finds every invariant of docs/api.md §4;
2. every request that got a 2xx is there exactly once: resent with its key, it is answered from
   the stored response (Idempotent-Replayed, the same status and bytes); orders and payments,
   which carry their key in metadata, are found exactly once by a metadata filter;
3. every request that got no answer, resent with its key, has exactly one effect: a 2xx creates
   (or replays) one document, anything else created none.

Exit status 0 when every round passed. Nothing here is timed: the kills land wherever they land.
"""
import argparse
import http.client
import json
import os
import random
import re
import select
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

KEY = "sk_crash_test_admin_key_000000000000000000000"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Journal:
    """Every request sent: its key, what was sent, and what came back (None: no answer)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.entries = []

    def add(self, entry):
        with self.lock:
            self.entries.append(entry)


def call(conn_box, port, method, path, body, key):
    """One request on the worker's keep-alive connection; None when the server did not answer."""
    data = json.dumps(body, separators=(",", ":")).encode()
    headers = {"Authorization": f"Bearer {KEY}", "Content-Type": "application/json", "Idempotency-Key": key}
    try:
        if conn_box[0] is None:
            conn_box[0] = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn_box[0].request(method, path, body=data, headers=headers)
        response = conn_box[0].getresponse()
        return response.status, dict((k.lower(), v) for k, v in response.getheaders()), response.read()
    except (OSError, http.client.HTTPException):
        if conn_box[0] is not None:
            conn_box[0].close()
        conn_box[0] = None
        return None


def worker(port, journal, stop, rng, customers, products):
    conn = [None]
    while not stop.is_set():
        def step(kind, path, body):
            key = f"{kind}-{rng.getrandbits(64):016x}"
            if kind in ("order", "payment"):
                body = dict(body, metadata={"crash_key": key})
            result = call(conn, port, "POST", path, body, key)
            entry = {"kind": kind, "key": key, "path": path, "body": body, "result": result}
            journal.add(entry)
            if result is None or not 200 <= result[0] < 300:
                return None
            return json.loads(result[2])

        customer = rng.choice(customers)
        lines = [{"product_id": p, "quantity": rng.randint(1, 3)} for p in rng.sample(products, 2)]
        order = step("order", "/v1/orders", {"customer_id": customer, "confirm": True, "lines": lines})
        if order is None:
            continue
        invoice = step("invoice", f"/v1/orders/{order['id']}/invoices", {})
        if invoice is None:
            continue
        if step("shipment", f"/v1/orders/{order['id']}/shipments", {}) is None:
            continue
        due = invoice["amount_due"]
        if rng.random() < 0.2:
            line = invoice["lines"][0]
            step("credit_note", f"/v1/invoices/{invoice['id']}/credit-notes",
                 {"lines": [{"invoice_line_id": line["id"], "quantity": 1}], "reason": "crash test"})
            continue
        step("payment", "/v1/payments", {"customer_id": customer, "amount": due, "method": "card",
                                          "allocations": [{"invoice_id": invoice["id"], "amount": due}]})


class Server:
    def __init__(self, binary, db, durability):
        self.binary, self.db, self.durability = binary, db, durability
        self.proc, self.port = None, None

    def start(self):
        # Port 0: the kernel picks a free port and the server prints it on its first line (a port
        # chosen here and then handed over could be taken by someone else in between).
        self.proc = subprocess.Popen([self.binary, "serve", "--port", "0", "--db", self.db,
                                      "--durability", self.durability, "--log-level", "error"],
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                     env=dict(os.environ, SALES_BOOTSTRAP_KEY=KEY))
        deadline = time.time() + 60
        self.port = self.read_port(deadline)
        while time.time() < deadline:
            try:
                c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                c.request("GET", "/readyz")
                if c.getresponse().status == 200:
                    return
            except OSError:
                time.sleep(0.02)
        raise RuntimeError("server did not become ready")

    def read_port(self, deadline):
        """The port from "sales-server listening on http://127.0.0.1:PORT (...)"; the few startup
        lines are all the server prints on stdout, so the pipe never fills."""
        pending = b""
        while time.time() < deadline:
            ready, _, _ = select.select([self.proc.stdout], [], [], 0.1)
            if ready:
                chunk = os.read(self.proc.stdout.fileno(), 4096)
                if not chunk:
                    break
                pending += chunk
                found = re.search(rb"listening on http://127\.0\.0\.1:(\d+)", pending)
                if found:
                    return int(found.group(1))
            elif self.proc.poll() is not None:
                break
        raise RuntimeError(f"server printed no listening port (exit status {self.proc.poll()})")

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        self.proc.stdout.close()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            self.proc.wait(timeout=30)
        if self.proc:
            self.proc.stdout.close()


def get(port, path):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.request("GET", path, headers={"Authorization": f"Bearer {KEY}"})
    r = c.getresponse()
    return r.status, json.loads(r.read() or b"null")


def count_by_key(port, kind, key):
    collection = {"order": "orders", "payment": "payments"}[kind]
    status, page = get(port, f"/v1/{collection}?metadata%5Bcrash_key%5D={urllib.parse.quote(key)}")
    assert status == 200, (status, page)
    return len(page["data"])


def verify(server, binary, entries, sample_older, rng, failures):
    """The checks after a restart; appends what failed to `failures`."""
    if not server.db.startswith(("postgres://", "postgresql://")):
        db = sqlite3.connect(f"file:{server.db}?mode=ro", uri=True)
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
        db.close()
        if integrity != "ok":
            failures.append(f"integrity_check: {integrity}")
    check = subprocess.run([binary, "check", "--db", server.db], capture_output=True, text=True)
    if check.returncode != 0:
        failures.append(f"sales-server check: {check.stdout.strip()} {check.stderr.strip()}")
    conn = [None]
    for entry in entries + sample_older:
        answered = entry["result"]
        again = call(conn, server.port, "POST", entry["path"], entry["body"], entry["key"])
        if again is None:
            failures.append(f"{entry['key']}: no answer after restart")
            continue
        if again[0] >= 500:
            failures.append(f"{entry['key']}: resent after restart → {again[0]}: {again[2][:200]!r}")
        if answered is not None and 200 <= answered[0] < 300:
            # Acknowledged: the replay is the stored answer, byte for byte.
            if again[0] != answered[0] or again[2] != answered[2] or again[1].get("idempotent-replayed") != "true":
                failures.append(f"{entry['key']}: acknowledged {answered[0]} but resent → {again[0]} "
                                f"(replayed: {again[1].get('idempotent-replayed')})")
        elif answered is None:
            entry["result"] = again  # from now on this is what the key answers
        if entry["kind"] in ("order", "payment"):
            ok = 200 <= entry["result"][0] < 300
            n = count_by_key(server.port, entry["kind"], entry["key"])
            if n != (1 if ok else 0):
                failures.append(f"{entry['key']}: {n} {entry['kind']}s for a request answered {entry['result'][0]}")


def seed(port):
    """Customers and stocked products; any refusal stops the test (with no stock every order
    would 409 and the kills would prove nothing)."""
    conn = [None]
    customers, products = [], []

    def created(method, path, body, key):
        result = call(conn, port, method, path, body, key)
        if result is None or result[0] != 201:
            raise SystemExit(f"seeding failed: {method} {path} → {result and result[0]} {result and result[2][:300]!r}")
        return json.loads(result[2])

    for i in range(8):
        customers.append(created("POST", "/v1/customers", {"name": f"Crash customer {i}"}, f"seed-c-{i}")["id"])
    for i in range(6):
        pid = created("POST", "/v1/products", {"sku": f"CRASH-{i}", "name": f"Product {i}", "unit_price": 1000 + 37 * i}, f"seed-p-{i}")["id"]
        created("POST", f"/v1/products/{pid}/stock-adjustments", {"quantity": 100000000}, f"seed-s-{i}")
        products.append(pid)
    return customers, products


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--durability", choices=["full", "normal"], default="full")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "sales-server"))
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--db", help="an empty PostgreSQL database's URL (default: a SQLite file in a temp folder)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix="sales-crash-")
    server = Server(args.binary, args.db or os.path.join(work, "crash.sqlite"), args.durability)
    server.start()
    customers, products = seed(server.port)
    journal = Journal()
    failures = []
    totals = {"sent": 0, "acknowledged": 0, "unanswered": 0}
    started = time.time()
    store = "PostgreSQL" if args.db else f"SQLite, durability {args.durability}"
    print(f"crash test: {args.kills} kills, {store}, {args.connections} connections, seed {args.seed}", flush=True)
    try:
        for round_ in range(1, args.kills + 1):
            stop = threading.Event()
            round_journal = Journal()
            threads = [threading.Thread(target=worker, args=(server.port, round_journal, stop, random.Random(rng.getrandbits(64)),
                                                             customers, products)) for _ in range(args.connections)]
            for t in threads:
                t.start()
            time.sleep(rng.uniform(0.2, 1.5))
            stop.set()      # no new lifecycles: what is unanswered was in flight at the kill
            server.kill()
            for t in threads:
                t.join()
            server.start()
            entries = round_journal.entries
            older = rng.sample(journal.entries, min(200, len(journal.entries)))
            unanswered = sum(1 for e in entries if e["result"] is None)
            acknowledged = sum(1 for e in entries if e["result"] is not None and 200 <= e["result"][0] < 300)
            before = len(failures)
            # No request may earn a 5xx (a bug, or a write lost to the kill that was answered anyway).
            for e in entries:
                if e["result"] is not None and e["result"][0] >= 500:
                    failures.append(f"{e['key']}: {e['kind']} answered {e['result'][0]}: {e['result'][2][:200]!r}")
            verify(server, args.binary, entries, older, rng, failures)
            journal.entries.extend(entries)
            totals["sent"] += len(entries)
            totals["acknowledged"] += acknowledged
            totals["unanswered"] += unanswered
            print(f"  kill {round_:>3}: {len(entries):>5} requests, {acknowledged:>5} acknowledged, {unanswered:>3} unanswered"
                  f" — {'ok' if len(failures) == before else 'FAILED'}", flush=True)
            if len(failures) > before:
                for f in failures[before:before + 10]:
                    print("    " + f, flush=True)
    finally:
        server.stop()
    # A run that acknowledged nothing proved nothing (every order refused, or the server never up).
    if totals["acknowledged"] < 10 * args.kills:
        failures.append(f"only {totals['acknowledged']} requests acknowledged in {args.kills} kills: the load never ran")
    print(f"{args.kills} kills in {time.time() - started:.0f} s: {totals['sent']} requests, {totals['acknowledged']} acknowledged, "
          f"{totals['unanswered']} unanswered and retried; {len(failures)} failures")
    if not failures:
        import shutil
        shutil.rmtree(work, ignore_errors=True)
    else:
        print(f"database kept in {work}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
