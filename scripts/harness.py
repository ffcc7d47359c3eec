#!/usr/bin/env python3
"""An outside harness for a batch run, in the shape issue 5 describes.

It serves the testdata shops (testdata/eval/shops, up to 20 of them) with
Python's http.server, one port a shop, each under a name of its own sent to
127.0.0.1 with --resolve; answers WHOIS on a local fake server; then

  1. runs `shopcheck check -l LIST --json -o OUT` over N targets (each
     shop's index.html with a query of its own) and checks that every
     target appears exactly once, with no error record, and how often the
     WHOIS server was asked about each domain;
  2. fetches the requests the sites saw during that run plainly, with 8
     workers (ThreadPoolExecutor and urllib), in this process or in a child
     process, and prints the time ratio;
  3. interrupts a run with SIGINT, resumes it with --resume, and checks
     that the file then holds every target once, in whole lines.

Nothing here touches the internet. Usage:

  go build -o /tmp/shopcheck ./cmd/shopcheck
  python3 scripts/harness.py /tmp/shopcheck [-n 2000] [--rounds 2]
      [--keepalive] [--plain-child] [--interrupt-after 0.6]

--keepalive serves HTTP/1.1 (http.server's default, HTTP/1.0, closes every
connection after one answer).
"""
import argparse
import collections
import functools
import http.server
import json
import os
import signal
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# PLAIN_FETCH is the plain fetch, run here or as a child process: GET each
# request (port, path, Host) with 8 workers, reading every body.
PLAIN_FETCH = """
import json, sys, time, urllib.error, urllib.request
from concurrent.futures import ThreadPoolExecutor

def get(r):
    port, path, host = r
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": host})
    try:
        with urllib.request.urlopen(req) as resp:
            resp.read()
    except urllib.error.HTTPError as e:  # a 404 is an answer too
        e.read()

def fetch(reqs):
    t = time.time()
    with ThreadPoolExecutor(max_workers=8) as ex:
        list(ex.map(get, reqs))
    return time.time() - t

if __name__ == "__main__":
    print(fetch(json.load(open(sys.argv[1]))))
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("bin", help="the shopcheck binary")
    ap.add_argument("-n", type=int, default=2000, help="targets (default 2000)")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--keepalive", action="store_true", help="serve HTTP/1.1 with keep-alive")
    ap.add_argument("--plain-child", action="store_true", help="run the plain fetch in a child process")
    ap.add_argument("--interrupt-after", type=float, default=0.6, help="seconds before the SIGINT")
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="shopcheck-harness-")

    shops = os.path.join(ROOT, "testdata", "eval", "shops")
    dirs = sorted(os.path.join(shops, d) for d in os.listdir(shops)
                  if os.path.exists(os.path.join(shops, d, "index.html")))[:20]
    log, lock = [], threading.Lock()

    class Site(http.server.SimpleHTTPRequestHandler):
        protocol_version = "HTTP/1.1" if args.keepalive else "HTTP/1.0"

        def log_message(self, fmt, *a):
            with lock:
                log.append((self.server.server_address[1], self.path, self.headers.get("Host", "")))

    servers = []
    for d in dirs:
        srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Site, directory=d))
        srv.daemon_threads = True
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        servers.append(srv)

    asked = collections.Counter()

    class Whois(socketserver.BaseRequestHandler):
        def handle(self):
            q = self.request.recv(512).decode(errors="replace").strip().lower()
            asked[q] += 1
            self.request.sendall((f"Domain Name: {q.upper()}\r\nCreation Date: 2016-04-01T00:00:00Z\r\n"
                                  "Registrar: Example Registrar\r\n").encode())

    class WhoisServer(socketserver.ThreadingTCPServer):
        allow_reuse_address = True
        daemon_threads = True

    ws = WhoisServer(("127.0.0.1", 0), Whois)
    threading.Thread(target=ws.serve_forever, daemon=True).start()

    names = [f"shop{k}.test" for k in range(len(servers))]
    resolve = []
    for name, s in zip(names, servers):
        resolve += ["--resolve", f"{name}:{s.server_address[1]}:127.0.0.1"]
    targets = [f"http://{names[i % len(servers)]}:{servers[i % len(servers)].server_address[1]}/index.html?n={i}"
               for i in range(args.n)]
    listfile = os.path.join(work, "list.txt")
    with open(listfile, "w") as f:
        f.write("\n".join(targets) + "\n")
    cmd = [args.bin, "check", "-l", listfile, "--json", "--allow-private", "--no-progress",
           "--whois-server", f"127.0.0.1:{ws.server_address[1]}"] + resolve

    def results(path):
        data = open(path, "rb").read()
        if data and not data.endswith(b"\n"):
            sys.exit(f"{path}: the last line is broken")
        return [json.loads(line) for line in data.splitlines()]

    plain_ns = {}
    exec(PLAIN_FETCH, plain_ns)
    failed = False
    for rnd in range(args.rounds):
        log.clear()
        asked.clear()
        out = os.path.join(work, f"out{rnd}.jsonl")
        t = time.time()
        subprocess.run(cmd + ["-o", out], check=False)
        batch = time.time() - t
        res = results(out)
        per = collections.Counter(r["target"] for r in res)
        errors = sum(1 for r in res if r.get("error"))
        reqs = list(log)
        if args.plain_child:
            rf = os.path.join(work, "requests.json")
            with open(rf, "w") as f:
                json.dump(reqs, f)
            plain = float(subprocess.run([sys.executable, "-c", PLAIN_FETCH, rf], capture_output=True,
                                         text=True, check=True).stdout)
        else:
            plain = plain_ns["fetch"](reqs)
        ok = len(per) == args.n and max(per.values()) == 1 and errors == 0 and max(asked.values()) <= 2
        failed = failed or not ok or batch > 2 * plain
        print(f"round {rnd}: {len(res)} lines for {len(per)} of {args.n} targets (most lines a target: "
              f"{max(per.values())}), {errors} error records, WHOIS asked at most {max(asked.values())}x "
              f"for {len(asked)} domains; batch {batch:.2f} s, plain fetch of its {len(reqs)} requests "
              f"{plain:.2f} s, ratio {batch / plain:.2f}", flush=True)

    out = os.path.join(work, "interrupted.jsonl")
    p = subprocess.Popen(cmd + ["-o", out], stderr=subprocess.DEVNULL)
    time.sleep(args.interrupt_after)
    p.send_signal(signal.SIGINT)
    code = p.wait()
    before = len(results(out))
    subprocess.run(cmd + ["-o", out, "--resume"], check=False, stderr=subprocess.DEVNULL)
    per = collections.Counter(r["target"] for r in results(out))
    ok = len(per) == args.n and max(per.values()) == 1
    failed = failed or not ok
    print(f"interrupted after {args.interrupt_after} s: exit {code}, {before} lines; resumed: {sum(per.values())} "
          f"lines for {len(per)} of {args.n} targets (most lines a target: {max(per.values())})")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
