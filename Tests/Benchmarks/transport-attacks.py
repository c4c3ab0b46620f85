#!/usr/bin/env python3
"""Issue 17 items 1 and 2, measured against real server processes (stdlib only).

  transport-attacks.py slots  ECHO_SERVER_BINARY [WINDOW_SECONDS]
      1,024 idle keep-alive connections from 127.0.0.2 (half HTTP/1.1 after a GET /healthz,
      half HTTP/2 after their preface), then a legitimate client on 127.0.0.1 makes one call
      every 0.5 s for WINDOW_SECONDS (default 20): how many fail, and when the first succeeds.
  transport-attacks.py bodies SERVICEKIT_TEST_SERVICE_BINARY [h2]
      A ServiceKit service (test-sender) with a tokens file; 32 connections each announce a
      4 MiB body without a token and send all of it but the last byte: the service's RSS
      before and during, and whether a legitimate call (with a token) is served meanwhile.
      With `h2` (needs python3-h2), each connection is HTTP/2 with 4 such streams (16 MiB,
      the per-connection budget), as the probe of issue 17 sent them.

Run with the binaries of two builds (before and after a change) to compare them.
"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import time

PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + b"\x00\x00\x00\x04\x00\x00\x00\x00\x00"


def connect(port, source=None, timeout=2.0):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    if source:
        sock.bind((source, 0))
    sock.connect(("127.0.0.1", port))
    return sock


def read_status(sock):
    """The status of one HTTP/1.1 response (its head only), or None."""
    data = b""
    try:
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(65536)
            if not chunk:
                return None
            data += chunk
    except OSError:
        return None
    try:
        return int(data.split(b" ", 2)[1])
    except (IndexError, ValueError):
        return None


CALLS = [0]


def legitimate_call(port, path, token=None):
    CALLS[0] += 1
    body = b'{"text":"still served"}' if token is None else f'{{"key":"CASE-{CALLS[0]}","text":"fictional"}}'.encode()
    head = f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n"
    if token:
        head += f"Authorization: Bearer {token}\r\n"
    try:
        sock = connect(port)
        sock.sendall(head.encode() + b"\r\n" + body)
        status = read_status(sock)
        sock.close()
        return status == 200
    except OSError:
        return False


def start(command, env, ready):
    # The service's logs go nowhere: a pipe nobody reads would stop it once full.
    output = subprocess.PIPE if "CSPR_LOOPS" in env else subprocess.DEVNULL
    process = subprocess.Popen(command, env={**os.environ, **env}, stdout=output, stderr=subprocess.DEVNULL, text=True)
    port = ready(process)
    return process, port


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def cmd_slots(binary, window):
    def ready(process):
        for line in process.stdout:
            if line.startswith("listening on "):
                return int(line.split()[-1])
        raise SystemExit("the echo server did not start")

    process, port = start([binary, "0"], {"CSPR_LOOPS": "2", "CSPR_GRACE_MS": "100"}, ready)
    try:
        attack = []
        for index in range(1024):
            try:
                sock = connect(port, "127.0.0.2")
                if index % 2 == 0:
                    sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                    read_status(sock)
                else:
                    sock.sendall(PREFACE)
                attack.append(sock)
            except OSError:
                pass
        started = time.monotonic()
        failed = total = 0
        first_success = None
        while time.monotonic() - started < window:
            total += 1
            if legitimate_call(port, "/cspr.test.v1.Echo/Echo"):
                if first_success is None:
                    first_success = round(time.monotonic() - started, 1)
            else:
                failed += 1
            time.sleep(0.5)
        print(json.dumps({"attack_connections": 1024, "window_seconds": window, "legitimate_calls": total,
                          "failed": failed, "first_success_after_seconds": first_success}))
    finally:
        process.terminate()
        process.wait()


def h2_bodies(port, path, connections=32, streams=4, length=4 * 1024 * 1024, seconds=20):
    """HTTP/2 connections from 127.0.0.2, each with `streams` bodies of `length` - 1 bytes
    sent within flow control and never ended. Returns them (to keep them open)."""
    import h2.config
    import h2.connection
    import h2.events

    peers = []
    for _ in range(connections):
        sock = connect(port, "127.0.0.2", timeout=10)
        conn = h2.connection.H2Connection(config=h2.config.H2Configuration(client_side=True))
        conn.initiate_connection()
        sock.sendall(conn.data_to_send())
        pending = {}
        for _ in range(streams):
            stream_id = conn.get_next_available_stream_id()
            conn.send_headers(stream_id, [(":method", "POST"), (":scheme", "http"), (":authority", "x"), (":path", path),
                                          ("content-type", "application/json")])
            pending[stream_id] = length - 1
        sock.sendall(conn.data_to_send())
        peers.append((sock, conn, pending))
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and any(sum(p[2].values()) for p in peers):
        for sock, conn, pending in peers:
            for stream_id, left in list(pending.items()):
                try:
                    window = min(conn.local_flow_control_window(stream_id), conn.max_outbound_frame_size, left)
                except Exception:  # the stream was closed or reset by the server
                    pending[stream_id] = 0
                    continue
                while window > 0:
                    conn.send_data(stream_id, b"a" * window)
                    left -= window
                    window = min(conn.local_flow_control_window(stream_id), conn.max_outbound_frame_size, left)
                pending[stream_id] = left
            try:
                sock.sendall(conn.data_to_send())
                sock.settimeout(0.01)
                data = sock.recv(1 << 20)
                if data:
                    for event in conn.receive_data(data):
                        if isinstance(event, (h2.events.StreamReset, h2.events.StreamEnded)):
                            pending[event.stream_id] = 0
                    sock.sendall(conn.data_to_send())
            except (OSError, Exception):
                pass
    return peers


def cmd_bodies(binary, http2=False):
    token = "bench-staff-token-0123456789abcdef"
    directory = tempfile.mkdtemp(prefix="cspr-attack-")
    tokens = os.path.join(directory, "tokens")
    with open(tokens, "w") as file:
        file.write(f"{token} Pat.Support partnership-support\n")
    os.chmod(tokens, 0o600)
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()

    def ready(process):
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                sock = connect(port)
                sock.sendall(b"GET /readyz HTTP/1.1\r\nHost: x\r\n\r\n")
                if read_status(sock) == 200:
                    return port
            except OSError:
                time.sleep(0.2)
        raise SystemExit("the service did not become ready")

    env = {"CSPR_LISTEN": f"127.0.0.1:{port}", "CSPR_DATA_DIR": os.path.join(directory, "data"), "CSPR_TOKENS_FILE": tokens,
           "CSPR_TODAY": "2025-03-24", "CSPR_GRACE_SECONDS": "1"}
    process, port = start([binary, "test-sender"], env, ready)
    try:
        path = "/cspr.test.v1.Sender/Record"
        legitimate_call(port, path, token)
        time.sleep(1)
        before = rss_mib(process.pid)
        length = 4 * 1024 * 1024
        attack = []
        if http2:
            attack = h2_bodies(port, path)
        else:
            chunk = b"a" * (length - 1)
            for _ in range(32):
                sock = connect(port, "127.0.0.2", timeout=10)
                sock.sendall(f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {length}\r\n\r\n".encode())
                sock.sendall(chunk)
                attack.append(sock)
        time.sleep(2)
        during = rss_mib(process.pid)
        served = legitimate_call(port, path, token)
        print(json.dumps({"protocol": "h2" if http2 else "http/1.1", "incomplete_bodies": 128 if http2 else 32, "rss_mib_before": round(before), "rss_mib_during": round(during),
                          "legitimate_call_served": served}))
    finally:
        process.terminate()
        process.wait()


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "slots":
        cmd_slots(sys.argv[2], float(sys.argv[3]) if len(sys.argv) > 3 else 20)
    elif len(sys.argv) >= 3 and sys.argv[1] == "bodies":
        cmd_bodies(sys.argv[2], http2=sys.argv[3:4] == ["h2"])
    else:
        raise SystemExit(__doc__)
