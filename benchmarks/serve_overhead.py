#!/usr/bin/env python3
"""What the HTTP layer of news-serve adds to a search (issue 19).

After a warm-up round, for each path of serve_load.queries, sends REQUESTS requests one after another over one
keep-alive connection to a running news-serve and prints the medians of the round trip, of the
search's own time inside the server (took_ms, the figure news-search prints) and of their
difference: the cost of HTTP, opening the index, parsing the parameters and the JSON. That
difference is split in two with the server's Server-Timing header (its whole time on the answer):
the server's part (parameters, the index brought up to date, rendering the JSON) and the rest
(sockets, httplib, and this Python client reading the answer).

    benchmarks/serve_overhead.py PORT [REQUESTS]
"""
import http.client
import json
import pathlib
import statistics
import sys
import time


def main():
    port = int(sys.argv[1])
    requests = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    queries = pathlib.Path(__file__).with_name("serve_load.queries").read_text().split()
    connection = http.client.HTTPConnection("127.0.0.1", port)
    # A warm-up round: the first requests of a fresh server pay for warming its caches, which
    # would be charged to whichever query comes first.
    for path in queries * 5:
        connection.request("GET", path)
        connection.getresponse().read()
    print("| query | round trip p50 ms | took_ms p50 | difference p50 ms | of which the server's | of which HTTP and client |")
    print("|---|---:|---:|---:|---:|---:|")
    for path in queries:
        trips, took, extra, server, wire = [], [], [], [], []
        for _ in range(requests):
            start = time.perf_counter()
            connection.request("GET", path)
            response = connection.getresponse()
            body = response.read()
            trip = (time.perf_counter() - start) * 1000
            if response.status != 200:
                sys.exit(f"{path}: HTTP {response.status}")
            inside = json.loads(body)["took_ms"]
            answered = server_timing(response.getheader("Server-Timing", ""))
            trips.append(trip)
            took.append(inside)
            extra.append(trip - inside)
            server.append(answered - inside)
            wire.append(trip - answered)
        print(f"| `{path}` | {statistics.median(trips):.2f} | {statistics.median(took):.2f} | "
              f"{statistics.median(extra):.2f} | {statistics.median(server):.2f} | {statistics.median(wire):.2f} |")


def server_timing(header):
    """The dur of news-serve's Server-Timing header ("answer;dur=65.161"), in ms."""
    for part in header.split(";"):
        if part.strip().startswith("dur="):
            return float(part.strip()[4:])
    sys.exit(f"no Server-Timing duration in {header!r} (a news-serve older than this script?)")


if __name__ == "__main__":
    main()
