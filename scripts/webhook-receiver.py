#!/usr/bin/env python3
"""A webhook receiver for trying the server out on one machine (README "For integrators").

Listens on 127.0.0.1:$HOOK_PORT (default 9009), answers every POST with 204 and writes each
delivery as one JSON line {"headers": {...}, "body": "..."} to $HOOK_LOG (default: standard
output), so you can see what the server sent and check its signature. Stop it with Ctrl-C or kill.
"""
import json
import os
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        line = json.dumps({"headers": dict(self.headers.items()), "body": body.decode("utf-8")})
        path = os.environ.get("HOOK_LOG")
        if path:
            with open(path, "a", encoding="utf-8") as log:
                log.write(line + "\n")
        else:
            print(line, flush=True)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    port = int(os.environ.get("HOOK_PORT", "9009"))
    print(f"receiving webhooks on http://127.0.0.1:{port}/", file=sys.stderr, flush=True)
    HTTPServer(("127.0.0.1", port), Receiver).serve_forever()
