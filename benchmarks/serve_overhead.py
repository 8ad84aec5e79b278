#!/usr/bin/env python3
"""What the HTTP layer of news-serve adds to a search (issue 19).

After a warm-up round, for each path of serve_load.queries, sends REQUESTS requests one after another over one
keep-alive connection to a running news-serve and prints the medians of the round trip, of the
search's own time inside the server (took_ms, the figure news-search prints) and of their
difference: the cost of HTTP, opening the index, parsing the parameters and the JSON.

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
    print("| query | round trip p50 ms | took_ms p50 | difference p50 ms |")
    print("|---|---:|---:|---:|")
    for path in queries:
        trips, took, extra = [], [], []
        for _ in range(requests):
            start = time.perf_counter()
            connection.request("GET", path)
            response = connection.getresponse()
            body = response.read()
            trip = (time.perf_counter() - start) * 1000
            if response.status != 200:
                sys.exit(f"{path}: HTTP {response.status}")
            inside = json.loads(body)["took_ms"]
            trips.append(trip)
            took.append(inside)
            extra.append(trip - inside)
        print(f"| `{path}` | {statistics.median(trips):.2f} | {statistics.median(took):.2f} | "
              f"{statistics.median(extra):.2f} |")


if __name__ == "__main__":
    main()
