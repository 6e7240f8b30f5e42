#!/usr/bin/env python3
"""A reference receiver for the API channel's replies (docs/API_CHANNEL.md).

Listens on 127.0.0.1:9000 (the sample channels.json's callbackURL), verifies each reply's
X-Signature with the channel's signing secret, prints it, and answers {"id": ...}.

    python3 scripts/api_channel_receiver.py [--port 9000] [--secret demo-signing-secret] [--quiet]
"""
import argparse
import hashlib
import hmac
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

received = 0
lock = threading.Lock()


def make_handler(secret: bytes, quiet: bool):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out in two writes; without this, Nagle's algorithm and the
        # client's delayed ACK stall every keep-alive response by ~40 ms.
        disable_nagle_algorithm = True

        def do_POST(self):
            global received
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            expected = "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()
            if not hmac.compare_digest(expected, self.headers.get("X-Signature", "")):
                self.answer(401, {"error": {"code": "invalid_signature", "message": "bad X-Signature"}})
                return
            reply = json.loads(body)
            with lock:
                received += 1
            if not quiet:
                print(f"reply {reply['id']} to {reply['to']['id']} (in reply to {reply.get('inReplyTo')}): {reply['text']}", flush=True)
            self.answer(200, {"id": "rcv-" + reply["id"]})

        def answer(self, status, payload):
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    return Handler


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=9000)
    parser.add_argument("--secret", default="demo-signing-secret")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), make_handler(args.secret.encode(), args.quiet))
    print(f"listening for replies on http://127.0.0.1:{args.port}/replies", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
