#!/usr/bin/env python3
"""Loads fictional referrals into intake with a fixed number of writers (stack-bench.sh's loader).

Each request is `POST /cspr.intake.v1.Intake/SubmitReferral` (Connect JSON over HTTP/2, prior
knowledge) with its own body, which h2load cannot send: a different child per request, or the
same few children again (`--cases`). Writers are in-flight streams spread over a few
connections, driven by one thread with a selector, so the loader costs little CPU per request.

Prints one line per tenth of the load, `tenth <i> <requests> <writes/s> <p50 ms> <p99 ms>`, then
`total <requests> <writes/s> <failed> <linked>`. Exit status 1 when a request failed.

    referral-loader.py --url http://127.0.0.1:7101 --token T --template example-referral.json \
        --count 1000 [--cases 33] [--writers 8] [--connections 2] [--path /ok]
"""

import argparse
import json
import re
import selectors
import socket
import sys
import time

import h2.config
import h2.connection
import h2.events


def letters(number):
    """`number` in base-26 letters (0 -> "a"): intake's child key keeps only the letters of a name."""
    text = ""
    while True:
        text = chr(ord("a") + number % 26) + text
        number = number // 26 - 1
        if number < 0:
            return text.capitalize()


# Case references ran to 9999 a year (`SURREY-2025-9999`) until issue 17 widened them; a
# referral's year is the year it was received, and past this many children a year the next ones
# are still referrals of the year before, so the figures stay comparable with earlier runs.
CHILDREN_PER_YEAR = 9000


def bodies(template, count, cases):
    """The request bodies: child `i % cases`, named "Test Child 00042 Bq" (digits for people, letters for the key)."""
    referral = json.loads(template)
    referral["referral"]["child"]["person"]["name"] = "@@NAME@@"
    referral["referral"]["child"]["person"]["alsoKnownAs"] = []
    text = json.dumps(referral, separators=(",", ":"))
    years_back = {}  # every date of the referral moved back that many years
    for index in range(count):
        child = index % cases
        back = child // CHILDREN_PER_YEAR
        if back not in years_back:
            years_back[back] = re.sub(r'"(\d{4})-(\d{2})-(\d{2})"', lambda date: f'"{int(date[1]) - back:04d}-{date[2]}-{date[3]}"', text)
        yield years_back[back].replace("@@NAME@@", f"Test Child {child:05d} {letters(child)}").encode()


class Connection:
    """One HTTP/2 connection and its streams in flight."""

    def __init__(self, host, port):
        self.socket = socket.create_connection((host, port))
        self.socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.h2 = h2.connection.H2Connection(config=h2.config.H2Configuration(client_side=True, header_encoding="utf-8"))
        self.h2.initiate_connection()
        self.h2.increment_flow_control_window(1 << 24)
        self.streams = {}  # stream id -> [started, status, body]
        self.flush()

    def flush(self):
        data = self.h2.data_to_send()
        if data:
            self.socket.sendall(data)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--path", default="/cspr.intake.v1.Intake/SubmitReferral")
    parser.add_argument("--token", default="")
    parser.add_argument("--template", required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--cases", type=int, default=0, help="children to spread the referrals over (default: one each)")
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--connections", type=int, default=2)
    arguments = parser.parse_args()

    host, port = arguments.url.removeprefix("http://").rsplit(":", 1)
    authority = f"{host}:{port}"
    cases = arguments.cases or arguments.count
    pending = bodies(open(arguments.template).read(), arguments.count, cases)
    headers = [(":method", "POST"), (":scheme", "http"), (":authority", authority), (":path", arguments.path), ("content-type", "application/json")]
    if arguments.token:
        headers.append(("authorization", f"Bearer {arguments.token}"))

    selector = selectors.DefaultSelector()
    connections = [Connection(host, int(port)) for _ in range(arguments.connections)]
    for connection in connections:
        selector.register(connection.socket, selectors.EVENT_READ, connection)

    sent = 0
    done = []  # (finished, latency seconds) in the order they finished
    failed = 0
    linked = 0
    first_failure = None

    def send(connection):
        nonlocal sent
        body = next(pending, None)
        if body is None:
            return
        stream = connection.h2.get_next_available_stream_id()
        connection.h2.send_headers(stream, headers + [("content-length", str(len(body)))])
        connection.h2.send_data(stream, body, end_stream=True)
        connection.streams[stream] = [time.perf_counter(), None, b""]
        sent += 1

    started = time.perf_counter()
    for writer in range(min(arguments.writers, arguments.count)):
        send(connections[writer % len(connections)])
    for connection in connections:
        connection.flush()

    while len(done) < arguments.count:
        for key, _ in selector.select(timeout=30):
            connection = key.data
            data = connection.socket.recv(1 << 16)
            if not data:
                sys.exit("referral-loader: the server closed the connection")
            for event in connection.h2.receive_data(data):
                if isinstance(event, h2.events.ResponseReceived):
                    connection.streams[event.stream_id][1] = dict(event.headers).get(":status")
                elif isinstance(event, h2.events.DataReceived):
                    connection.streams[event.stream_id][2] += event.data
                    connection.h2.acknowledge_received_data(event.flow_controlled_length, event.stream_id)
                elif isinstance(event, h2.events.StreamEnded):
                    began, status, body = connection.streams.pop(event.stream_id)
                    now = time.perf_counter()
                    done.append((now, now - began))
                    if status != "200":
                        failed += 1
                        first_failure = first_failure or f"{status} {body[:300]!r}"
                    elif b'"linkedToExistingCase":true' in body:
                        linked += 1
                    send(connection)
                elif isinstance(event, h2.events.StreamReset):
                    began, _, _ = connection.streams.pop(event.stream_id)
                    done.append((time.perf_counter(), time.perf_counter() - began))
                    failed += 1
                    first_failure = first_failure or f"stream reset {event.error_code}"
                    send(connection)
            connection.flush()

    previous = started
    for tenth in range(10):
        part = done[arguments.count * tenth // 10 : arguments.count * (tenth + 1) // 10]
        if not part:
            continue
        latencies = sorted(latency for _, latency in part)
        end = part[-1][0]
        rate = len(part) / (end - previous) if end > previous else 0
        previous = end

        def percentile(q, latencies=latencies):
            return latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000

        print(f"tenth {tenth + 1} {len(part)} {rate:.0f} {percentile(0.50):.2f} {percentile(0.99):.2f}")
    total_rate = arguments.count / (done[-1][0] - started)
    print(f"total {arguments.count} {total_rate:.0f} {failed} {linked}")
    if failed:
        print(f"referral-loader: {failed} failed; the first: {first_failure}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
