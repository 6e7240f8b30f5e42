#!/usr/bin/env python3
"""Throughput of the API channel end to end: signed messages in, knowledge-base replies out.

Starts the gateway binary on a fresh database with a one-channel configuration whose callback
is a receiver in this process, sends N signed messages (distinct senders, a question from the
knowledge base) over keep-alive connections from several threads, and waits until every reply
has reached the receiver. Prints one JSON line per run and the median.

    python3 scripts/bench_api_channel.py --gateway .build/release/gateway --messages 5000 --runs 3
"""
import argparse
import hashlib
import hmac
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SECRET = b"bench-signing-secret"


class Receiver:
    def __init__(self):
        self.count = 0
        self.lock = threading.Lock()
        self.done = threading.Event()
        self.expected = 0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body go out in two writes; without this, Nagle's algorithm and the
            # client's delayed ACK stall every keep-alive response by ~40 ms.
            disable_nagle_algorithm = True

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                good = hmac.compare_digest("sha256=" + hmac.new(SECRET, body, hashlib.sha256).hexdigest(), self.headers.get("X-Signature", ""))
                self.send_response(200 if good else 401)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"{}")
                if good:
                    with receiver.lock:
                        receiver.count += 1
                        if receiver.count >= receiver.expected:
                            receiver.done.set()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sender(port, bodies, errors):
    connection = http.client.HTTPConnection("127.0.0.1", port)
    for body in bodies:
        signature = "sha256=" + hmac.new(SECRET, body, hashlib.sha256).hexdigest()
        connection.request("POST", "/webhooks/bench-api", body=body, headers={"Content-Type": "application/json", "X-Signature": signature})
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            errors.append(response.status)


def run_once(args, run):
    receiver = Receiver()
    receiver.expected = args.messages
    workdir = tempfile.mkdtemp(prefix="gateway-bench-")
    port = free_port()
    config = {
        "gateway": {"publicURL": f"http://127.0.0.1:{port}"},
        "tenants": [{
            "id": "bench", "name": "Bench",
            # Every message comes from 127.0.0.1 and a new customer: lift the per-IP limit for
            # unknown senders, which would otherwise (rightly) block the flood after 30 a minute.
            "limits": {"unknownSenderPerIPPerMinute": 100000},
            "knowledgeBase": [{"id": "hours", "question": "What are your opening hours?", "answer": "Tuesday to Sunday, 7am to 6pm.", "keywords": ["open"]}],
            "channels": [{"id": "bench-api", "type": "api",
                          "settings": {"callbackURL": f"http://127.0.0.1:{receiver.port}/replies"},
                          "secrets": {"signingSecret": "env:BENCH_SECRET"}}],
        }],
    }
    config_path = os.path.join(workdir, "channels.json")
    with open(config_path, "w") as f:
        json.dump(config, f)
    env = dict(os.environ, BENCH_SECRET=SECRET.decode(), LOG_LEVEL="warning")
    gateway = subprocess.Popen([args.gateway, "serve", "--config", config_path, "--port", str(port),
                                "--database", os.path.join(workdir, "gateway.sqlite")], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                time.sleep(0.05)
        # One message per customer: a customer repeating a question would (rightly) be blocked.
        bodies = [json.dumps({"id": f"r{run}-m{i}", "from": {"id": f"cust-{i}"}, "text": "When are you open?"}).encode()
                  for i in range(args.messages)]
        chunks = [bodies[i::args.concurrency] for i in range(args.concurrency)]
        errors = []
        start = time.perf_counter()
        threads = [threading.Thread(target=sender, args=(port, chunk, errors)) for chunk in chunks]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        accepted = time.perf_counter() - start
        finished = receiver.done.wait(timeout=300)
        total = time.perf_counter() - start
        result = {
            "run": run, "messages": args.messages, "concurrency": args.concurrency, "errors": len(errors),
            "accepted_per_second": round(args.messages / accepted, 1),
            "replied_per_second": round(receiver.count / total, 1), "replies": receiver.count, "complete": finished,
            "seconds": round(total, 3),
        }
        print(json.dumps(result), flush=True)
        return result
    finally:
        gateway.terminate()
        gateway.wait(timeout=30)
        receiver.server.shutdown()
        shutil.rmtree(workdir, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gateway", default=".build/release/gateway")
    parser.add_argument("--messages", type=int, default=5000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not os.path.exists(args.gateway):
        sys.exit(f"{args.gateway} not found; build it with: swift build -c release --product gateway")
    results = [run_once(args, run) for run in range(1, args.runs + 1)]
    print(json.dumps({
        "median_replied_per_second": statistics.median(r["replied_per_second"] for r in results),
        "median_accepted_per_second": statistics.median(r["accepted_per_second"] for r in results),
        "runs": len(results),
    }))


if __name__ == "__main__":
    main()
