#!/usr/bin/env python3
"""How many web chat sockets one gateway holds, and how it answers while holding them.

Starts the gateway on a copy of the sample channels.json (the web chat's per-IP limits raised,
since every socket comes from 127.0.0.1), opens --sockets WebSockets that each say hello and
receive their session and welcome entry, keeps them all open, then asks --questions of them a
knowledge-base question one after another and times each answer. Reports the gateway's
resident memory before and after, and checks that every socket is still open at the end.

    swift build -c release --product gateway
    python3 scripts/webchat_socket_bench.py --gateway .build/release/gateway --sockets 10000

Needs the `websockets` package (pip install websockets). Raises its own open-file limit; the
gateway inherits it.
"""
import argparse
import asyncio
import json
import os
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

import websockets


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def bench_config(path, sockets):
    with open("channels.json") as f:
        config = json.load(f)
    for tenant in config["tenants"]:
        for channel in tenant["channels"]:
            if channel["type"] == "webchat":
                channel["settings"]["maxConnectionsPerIP"] = sockets + 100
                channel["settings"]["messagesPerMinutePerIP"] = 100000
                channel_id = channel["id"]
    with open(path, "w") as f:
        json.dump(config, f)
    return channel_id


async def open_socket(url, origin):
    ws = await websockets.connect(url, origin=origin, open_timeout=60, ping_interval=None, max_queue=None)
    await ws.send(json.dumps({"type": "hello"}))
    session = json.loads(await ws.recv())
    assert session["type"] == "session", session
    welcome = json.loads(await ws.recv())
    assert welcome["type"] == "message" and welcome["seq"] == 1, welcome
    return ws


async def ask(ws, index):
    start = time.perf_counter()
    await ws.send(json.dumps({"type": "message", "clientMessageId": f"q{index}", "text": "When are you open?"}))
    while True:
        frame = json.loads(await ws.recv())
        if frame["type"] == "message" and frame["role"] == "assistant":
            return (time.perf_counter() - start) * 1000


async def run(args, base, channel_id, pid):
    url = f"ws://127.0.0.1:{base.split(':')[-1]}/chat/{channel_id}/socket"
    rss_before = rss_mib(pid)
    opened = []
    start = time.perf_counter()
    for offset in range(0, args.sockets, args.batch):
        batch = [open_socket(url, base) for _ in range(min(args.batch, args.sockets - offset))]
        opened.extend(await asyncio.gather(*batch))
    open_seconds = time.perf_counter() - start
    await asyncio.sleep(2)
    rss_after = rss_mib(pid)
    step = max(1, len(opened) // args.questions)
    latencies = [await ask(opened[i * step], i) for i in range(min(args.questions, len(opened)))]
    still_open = sum(1 for ws in opened if ws.state == websockets.protocol.State.OPEN)
    print(f"sockets opened (hello, session, welcome each): {len(opened)} in {open_seconds:.1f} s "
          f"({len(opened) / open_seconds:.0f}/s)")
    print(f"gateway resident memory: {rss_before:.0f} MiB before, {rss_after:.0f} MiB with all open "
          f"({(rss_after - rss_before) * 1024 / max(1, len(opened)):.1f} KiB per socket)")
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    print(f"answers while all are open: {len(latencies)} questions, p50 {statistics.median(latencies):.1f} ms, "
          f"p99 {p99:.1f} ms, max {latencies[-1]:.1f} ms")
    print(f"still open at the end: {still_open} of {len(opened)}")
    await asyncio.gather(*(ws.close() for ws in opened), return_exceptions=True)
    return still_open == len(opened)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gateway", default=".build/release/gateway")
    parser.add_argument("--sockets", type=int, default=5000)
    parser.add_argument("--batch", type=int, default=250)
    parser.add_argument("--questions", type=int, default=200)
    args = parser.parse_args()
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = min(hard, max(soft, args.sockets * 2 + 1000))
    resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    if wanted < args.sockets + 500:
        sys.exit(f"the open-file limit ({wanted}) is too low for {args.sockets} sockets")

    with tempfile.TemporaryDirectory() as tmp:
        config = os.path.join(tmp, "channels.json")
        channel_id = bench_config(config, args.sockets)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = dict(os.environ)
        env.pop("OPENBLAS_CORETYPE", None)
        log = open(os.path.join(tmp, "gateway.log"), "w")
        gateway = subprocess.Popen(
            [args.gateway, "serve", "--config", config, "--database", os.path.join(tmp, "g.sqlite"),
             "--host", "127.0.0.1", "--port", str(port), "--public-url", base, "--log-level", "warning"],
            stdout=log, stderr=subprocess.STDOUT, env=env,
        )
        try:
            for _ in range(600):
                try:
                    urllib.request.urlopen(base + "/ready", timeout=1)
                    break
                except Exception:
                    time.sleep(0.1)
            ok = asyncio.run(run(args, base, channel_id, gateway.pid))
        finally:
            gateway.terminate()
            gateway.wait(timeout=30)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
