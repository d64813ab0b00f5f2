#!/usr/bin/env python3
"""Runs README.md as written (issue 15 item 4), so it can never drift from the server again.

Every ```sh block of the README runs, in order, in one bash session (variables carry over), against
a fresh server on a temporary database, started with the `export`s of the README's ```console
blocks (the commands that set this up by hand: `make run`), and with the README's webhook receiver.

What a comment promises is checked:
  `# → 201 {"id":1,...,"version":1}`   after a command (on the next lines, or at its end): the
      status of its last curl call must be 201 (when a status is given) and the text's pieces
      between `...` or `…` must appear in its output, in that order. Comment lines right below,
      indented further (`#    "lines":[...]`), continue the expectation.
  Any other comment is prose and is not checked.
After the blocks, every webhook delivery the receiver got must verify with the README's own Python
`verify` function and the secret the README's registration answered.

Usage: readme-test.py [--binary .build/debug/sales-server] [--readme README.md]
Exit status 0 when every command ran and every promise held; the failures are listed otherwise.
"""
import argparse
import json
import os
import re
import select
import shutil
import socket
import subprocess
import sys
import tempfile
import time

BOOTSTRAP_KEY = "sk_walkthrough_admin_key"


def blocks(readme):
    """(language, [lines]) of every fenced block."""
    out, lang, lines = [], None, []
    for line in readme.splitlines():
        if lang is None:
            m = re.match(r"^```(\S*)\s*$", line)
            if m:
                lang, lines = m.group(1), []
            elif line.startswith("```"):
                raise SystemExit(f"README: a fence with text after its language: {line!r}")
        elif line.startswith("```"):
            out.append((lang, lines))
            lang = None
        else:
            lines.append(line)
    if lang is not None:
        raise SystemExit("README: an unclosed fence")
    return out


def inline_comment(line):
    """Splits `command  # comment` where the # is outside quotes; (command, comment or None)."""
    single = double = False
    for i, ch in enumerate(line):
        if ch == "'" and not double:
            single = not single
        elif ch == '"' and not single:
            double = not double
        elif ch == "#" and not single and not double and line[max(0, i - 2):i] == "  ":
            return line[:i].rstrip(), line[i + 1:].strip()
    return line, None


def commands(lines):
    """[(command, expectation or None)] of one sh block."""
    result = []
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            i += 1
            continue
        if stripped.startswith("#"):
            text = stripped[1:].strip()
            if text.startswith("→"):
                if not result:
                    raise SystemExit(f"README: an expectation before any command: {line!r}")
                expectation = text[1:].strip()
                # Continuation lines: comments indented further than "# ".
                while i + 1 < len(lines) and re.match(r"^\s*#\s{2,}\S", lines[i + 1]):
                    i += 1
                    expectation += lines[i].strip()[1:].strip()
                command, earlier = result[-1]
                if earlier is not None:
                    raise SystemExit(f"README: two expectations for one command: {command!r}")
                result[-1] = (command, expectation)
            i += 1
            continue
        parts = [line]
        while parts[-1].rstrip().endswith("\\") and i + 1 < len(lines):
            i += 1
            parts.append(lines[i])
        command, comment = inline_comment("\n".join(parts))
        expectation = comment[1:].strip() if comment and comment.startswith("→") else None
        result.append((command, expectation))
        i += 1
    return result


def check(expectation, output, statuses):
    """Why the output breaks the expectation, or None."""
    m = re.match(r"^(\d{3})\b\s*(.*)$", expectation, re.S)
    text = expectation
    if m:
        want = int(m.group(1))
        if not statuses:
            return f"expected status {want}, but no curl call reported one"
        if statuses[-1] != want:
            return f"expected status {want}, got {statuses[-1]}"
        text = m.group(2)
    if text.startswith(":"):  # "403: why" — the reason is prose
        return None
    position = 0
    for piece in re.split(r"\.\.\.|…", text):
        # A comma beside "..." belongs to the elided part: `...,"version":1,...`.
        piece = piece.strip().strip(",")
        if not piece:
            continue
        found = output.find(piece, position)
        if found < 0:
            return f"expected {piece!r} (in order) in the output"
        position = found + len(piece)
    return None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_environment(all_blocks):
    """The `export NAME=value` lines of the README's ```console blocks: how it starts the server."""
    env = {}
    for lang, lines in all_blocks:
        if lang != "console":
            continue
        for line in lines:
            m = re.match(r"^export (\w+)=(\S+)", line.strip())
            if m:
                env[m.group(1)] = m.group(2)
    return env


def start_server(binary, db, readme_env):
    env = dict(os.environ, SALES_LOG_LEVEL="warning", **readme_env)
    if env.get("SALES_BOOTSTRAP_KEY") != BOOTSTRAP_KEY:
        raise SystemExit(f"README: the server is not started with SALES_BOOTSTRAP_KEY={BOOTSTRAP_KEY}")
    proc = subprocess.Popen([binary, "serve", "--port", "0", "--db", db], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, env=env, text=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        ready, _, _ = select.select([proc.stdout], [], [], 1)
        if ready:
            line = proc.stdout.readline()
            m = re.search(r"listening on (http://\S+)", line)
            if m:
                return proc, m.group(1)
            if not line and proc.poll() is not None:
                break
    proc.kill()
    raise SystemExit("the server did not start")


# The README's client examples are the code the clients' tests run (make test-clients): each
# ```swift block and each ```python block after the first (the webhook check run below) must be
# in one of these files, line for line, so an example that no longer compiles or runs fails here.
CLIENT_EXAMPLES = {
    "swift": ["Clients/Swift/Tests/SalesClientTests/ReadmeSaleTests.swift"],
    "python": ["Clients/python/examples/readme_sale.py"],
}


def check_client_examples(all_blocks):
    python_seen = 0
    for lang, lines in all_blocks:
        if lang == "python":
            python_seen += 1
            if python_seen == 1:
                continue
        if lang not in CLIENT_EXAMPLES:
            continue
        text = "\n".join(lines)
        sources = [open(path, encoding="utf-8").read() for path in CLIENT_EXAMPLES[lang]]
        if not any(text in source for source in sources):
            raise SystemExit(f"README: this ```{lang} block is not in {' or '.join(CLIENT_EXAMPLES[lang])}:\n{text}")
    print("README: the Swift and Python examples are the clients' tested code")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/debug/sales-server")
    parser.add_argument("--readme", default="README.md")
    args = parser.parse_args()
    readme = open(args.readme, encoding="utf-8").read()
    all_blocks = blocks(readme)
    check_client_examples(all_blocks)
    script_blocks = [lines for lang, lines in all_blocks if lang == "sh"]
    verify_source = next((lines for lang, lines in all_blocks if lang == "python"), None)
    steps = [c for lines in script_blocks for c in commands(lines)]
    if not steps:
        raise SystemExit("README: no ```sh commands found")

    workdir = tempfile.mkdtemp(prefix="readme-test-")
    server = None
    try:
        server, base = start_server(os.path.abspath(args.binary), os.path.join(workdir, "sales.sqlite"), server_environment(all_blocks))
        hook_port = free_port()
        script = [
            "set -u",
            # The status of every curl call, on stderr, without touching what the README pipes.
            "curl() { command curl -w '%{stderr}@@STATUS %{http_code}\\n' \"$@\"; }",
        ]
        for n, (command, _) in enumerate(steps):
            script.append(f"printf '\\n@@STEP {n}\\n'; printf '\\n@@STEP {n}\\n' >&2")
            script.append(command)
        script.append("printf '\\n@@STEP end\\n'; printf '\\n@@STEP end\\n' >&2")
        script.append("kill $(jobs -p) 2>/dev/null; wait 2>/dev/null; true")
        env = dict(os.environ, API=base, HOOK_PORT=str(hook_port), HOOK_LOG=os.path.join(workdir, "hooks.jsonl"))
        run = subprocess.run(["bash", "-c", "\n".join(script)], cwd=os.path.dirname(os.path.abspath(args.readme)),
                             env=env, capture_output=True, text=True, timeout=600)

        def split(stream):
            parts, current, key = {}, [], None
            for line in stream.split("\n"):
                m = re.match(r"^@@STEP (\S+)$", line)
                if m:
                    if key is not None:
                        parts[key] = "\n".join(current)
                    key, current = m.group(1), []
                else:
                    current.append(line)
            return parts

        outputs, errors = split(run.stdout), split(run.stderr)
        failures, checked = [], 0
        for n, (command, expectation) in enumerate(steps):
            out = outputs.get(str(n))
            if out is None:
                failures.append(f"step {n} never ran: {command}")
                continue
            err = errors.get(str(n), "")
            statuses = [int(s) for s in re.findall(r"@@STATUS (\d{3})", err)]
            if any(s == 0 for s in statuses):
                failures.append(f"{command}\n    curl could not connect: {err.strip()[:300]}")
            if any(s >= 500 for s in statuses):
                failures.append(f"{command}\n    answered {statuses}: {out.strip()[:300]}")
            if expectation is None:
                continue
            checked += 1
            why = check(expectation, out, statuses)
            if why:
                failures.append(f"{command}\n    promised: → {expectation}\n    {why}\n    output: {out.strip()[:600]}")

        # The README's signature check, on what the receiver really got.
        deliveries = []
        hook_log = env["HOOK_LOG"]
        if os.path.exists(hook_log):
            deliveries = [json.loads(l) for l in open(hook_log) if l.strip()]
        secret = None
        for n, (command, _) in enumerate(steps):
            m = re.search(r'"secret":"(whsec_[^"]+)"', outputs.get(str(n), ""))
            if m:
                secret = m.group(1)
        if verify_source is not None and secret is not None:
            namespace = {}
            exec("\n".join(verify_source), namespace)
            if not deliveries:
                failures.append("the webhook receiver got no delivery")
            for d in deliveries:
                if not namespace["verify"](secret, d["headers"].get("Sales-Signature", ""), d["body"].encode()):
                    failures.append(f"delivery {d['headers'].get('Sales-Event-Id')} does not verify with the README's verify()")
        elif verify_source is not None:
            failures.append("no webhook secret in any answer: the README's verify() was not tried")

        print(f"README: {len(steps)} commands run, {checked} promises checked, "
              f"{len(deliveries)} webhook deliveries verified")
        if failures:
            for f in failures:
                print("FAILED:", f)
            print(f"README: {checked + len(steps) - len(failures)} passed, {len(failures)} failed")
            sys.exit(1)
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
