#!/usr/bin/env python3
"""A misbehaving HTTP/2 and HTTP/1.1 peer (python `h2` and raw sockets) for CSPR's bad-input tests.

Every subcommand talks to 127.0.0.1:PORT and prints one JSON object describing what it saw;
the Swift tests make the assertions.

  request PORT PATH CONTENT_TYPE BODY_HEX [NAME=VALUE ...]
      One POST on a fresh h2c connection, body sent as given (hex), extra header fields.
      Prints the response: {"status", "headers", "trailers", "body", "reset", "goaway", "closed"}.

  reset-mid-request PORT
      Sends HEADERS and part of a gRPC message, then RST_STREAM(CANCEL); then a complete Echo
      call on the same connection. Prints {"afterReset": <response of the second call>, "resetStream": <what the reset one got>}.

  vanish-mid-response PORT slow|large
      Asks for a slow (sleepMillis 30000) or large (3 MiB) Echo response, reads a little of
      it (nothing, for the slow one), and closes the socket without a word.

  rapid-reset PORT COUNT
      Opens COUNT streams on one connection, each a complete Echo call (sleepMillis 10000)
      reset at once with RST_STREAM(CANCEL), all in one burst; then reads what the server sends
      for up to 3 s. Prints {"sent", "goaway", "closed", "responses", "resets"}.

  raw PORT HEX
      Sends the bytes as they are on a plain TCP socket (half-closing nothing) and reads until
      the server closes or 8 s pass. Prints {"closed", "elapsed", "firstLine", "received"}.

  slowloris PORT INTERVAL_SECONDS
      Sends an HTTP/1.1 request head one byte per interval, watching for an answer between
      bytes. Prints {"status", "closed", "elapsed", "sent", "total"}.

A missing Python module exits with status 2 and a message naming it and how to install it.
"""
import json
import select
import socket
import sys
import time

try:
    import h2.config
    import h2.connection
    import h2.errors
    import h2.events
    import h2.exceptions
except ImportError as error:  # CI installs it; a missing one must fail the test loudly.
    sys.stderr.write(f"python module missing: {error.name}; install with: pip install grpcio grpcio-health-checking h2\n")
    sys.exit(2)

ECHO = "/cspr.test.v1.Echo/Echo"


def grpc_frame(message: bytes) -> bytes:
    return b"\x00" + len(message).to_bytes(4, "big") + message


def echo_body(request: dict) -> bytes:
    return grpc_frame(json.dumps(request).encode())


def request_headers(port, path, content_type, extra=()):
    headers = [(":method", "POST"), (":scheme", "http"), (":authority", f"127.0.0.1:{port}"), (":path", path)]
    if content_type:
        headers.append(("content-type", content_type))
    headers.append(("te", "trailers"))
    headers.extend(extra)
    return headers


class Peer:
    """One h2c connection driven by hand."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        config = h2.config.H2Configuration(client_side=True, header_encoding="utf-8")
        self.conn = h2.connection.H2Connection(config=config)
        self.conn.initiate_connection()
        self.responses = {}
        self.goaway = None
        self.closed = False
        self.flush()

    def flush(self):
        data = self.conn.data_to_send()
        if data:
            try:
                self.sock.sendall(data)
            except OSError:
                self.closed = True

    def response(self, stream_id):
        return self.responses.setdefault(
            stream_id, {"status": None, "headers": {}, "trailers": {}, "body": b"", "reset": None, "ended": False})

    def pump(self, timeout):
        """Reads once (up to `timeout`) and handles the events. False when the connection closed."""
        if self.closed:
            return False
        self.sock.settimeout(timeout)
        try:
            data = self.sock.recv(65536)
        except socket.timeout:
            return True
        except OSError:
            self.closed = True
            return False
        if not data:
            self.closed = True
            return False
        try:
            events = self.conn.receive_data(data)
        except h2.exceptions.ProtocolError as error:
            sys.stderr.write(f"h2 protocol error: {error}\n")
            self.closed = True
            return False
        for event in events:
            if isinstance(event, h2.events.ResponseReceived):
                response = self.response(event.stream_id)
                for name, value in event.headers:
                    if name == ":status":
                        response["status"] = int(value)
                    else:
                        response["headers"][name] = value
            elif isinstance(event, h2.events.TrailersReceived):
                self.response(event.stream_id)["trailers"].update(dict(event.headers))
            elif isinstance(event, h2.events.DataReceived):
                self.response(event.stream_id)["body"] += event.data
                self.conn.acknowledge_received_data(event.flow_controlled_length, event.stream_id)
            elif isinstance(event, h2.events.StreamEnded):
                self.response(event.stream_id)["ended"] = True
            elif isinstance(event, h2.events.StreamReset):
                self.response(event.stream_id)["reset"] = int(event.error_code)
            elif isinstance(event, h2.events.ConnectionTerminated):
                self.goaway = int(event.error_code)
        self.flush()
        return True

    def wait_for(self, stream_id, timeout=10):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            response = self.responses.get(stream_id)
            if response and (response["ended"] or response["reset"] is not None):
                return
            if not self.pump(max(0.01, deadline - time.monotonic())):
                return

    def send_request(self, headers, body, end=True):
        stream_id = self.conn.get_next_available_stream_id()
        self.conn.send_headers(stream_id, headers, end_stream=not body and end)
        if body:
            self.send_data(stream_id, body, end)
        self.flush()
        return stream_id

    def send_data(self, stream_id, body, end):
        # Within the frame size and flow-control windows the server granted.
        offset = 0
        while offset < len(body):
            size = min(self.conn.max_outbound_frame_size, self.conn.local_flow_control_window(stream_id), len(body) - offset)
            if size <= 0:
                self.flush()
                if not self.pump(5):
                    return
                continue
            chunk = body[offset:offset + size]
            offset += size
            self.conn.send_data(stream_id, chunk, end_stream=end and offset == len(body))
        if not body and end:
            self.conn.end_stream(stream_id)
        self.flush()

    def describe(self, stream_id):
        response = self.response(stream_id)
        body = response["body"]
        return {
            "status": response["status"],
            "headers": response["headers"],
            "trailers": response["trailers"],
            "body": body.decode("utf-8", "replace"),
            "bodyLength": len(body),
            "reset": response["reset"],
            "goaway": self.goaway,
            "closed": self.closed,
        }

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


def cmd_request(port, path, content_type, body_hex, extra):
    peer = Peer(port)
    headers = request_headers(port, path, content_type, [tuple(item.split("=", 1)) for item in extra])
    stream_id = peer.send_request(headers, bytes.fromhex(body_hex))
    peer.wait_for(stream_id)
    print(json.dumps(peer.describe(stream_id)))
    peer.close()


def cmd_reset_mid_request(port):
    peer = Peer(port)
    body = echo_body({"text": "never finished " + "x" * 200})
    stream_id = peer.send_request(request_headers(port, ECHO, "application/grpc+json"), b"", end=False)
    peer.send_data(stream_id, body[: len(body) // 2], end=False)
    peer.conn.reset_stream(stream_id, error_code=h2.errors.ErrorCodes.CANCEL)
    peer.flush()
    second = peer.send_request(request_headers(port, ECHO, "application/grpc+json"), echo_body({"text": "after the reset"}))
    peer.wait_for(second)
    print(json.dumps({"afterReset": peer.describe(second), "resetStream": peer.describe(stream_id)}))
    peer.close()


def cmd_vanish_mid_response(port, kind):
    peer = Peer(port)
    if kind == "slow":
        request = {"text": "slow", "sleepMillis": 30000}
    else:
        request = {"text": "x" * (3 * 1024 * 1024)}
    stream_id = peer.send_request(request_headers(port, ECHO, "application/grpc+json"), echo_body(request))
    received = 0
    if kind == "large":
        # Read some of the response, then vanish with the rest still on its way.
        deadline = time.monotonic() + 10
        while received < 64 * 1024 and time.monotonic() < deadline and peer.pump(1):
            received = len(peer.response(stream_id)["body"])
    else:
        time.sleep(0.3)
    # SO_LINGER 0: close with a TCP reset, the rudest way to vanish.
    peer.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    peer.close()
    print(json.dumps({"received": received}))


def cmd_stall_request(port, wait):
    """Opens a request, sends half its body, then goes quiet; reports what the server did."""
    peer = Peer(port)
    body = echo_body({"text": "stalled " + "x" * 200})
    stream_id = peer.send_request(request_headers(port, ECHO, "application/grpc+json"), b"", end=False)
    peer.send_data(stream_id, body[: len(body) // 2], end=False)
    started = time.monotonic()
    peer.wait_for(stream_id, timeout=wait)
    result = peer.describe(stream_id)
    result["seconds"] = round(time.monotonic() - started, 3)
    print(json.dumps(result))
    peer.close()


def cmd_rapid_reset(port, count):
    peer = Peer(port)
    body = echo_body({"text": "reset me", "sleepMillis": 10000})
    # Let the server's SETTINGS and connection WINDOW_UPDATE arrive first, as a real client
    # would: the DATA of reset streams still counts against the connection's window.
    deadline = time.monotonic() + 2
    while peer.conn.outbound_flow_control_window < count * len(body) and time.monotonic() < deadline:
        if not peer.pump(0.1):
            break
    sent = 0
    for _ in range(count):
        if peer.closed:
            break
        stream_id = peer.conn.get_next_available_stream_id()
        peer.conn.send_headers(stream_id, request_headers(port, ECHO, "application/grpc+json"))
        peer.conn.send_data(stream_id, body, end_stream=True)
        peer.conn.reset_stream(stream_id, error_code=h2.errors.ErrorCodes.CANCEL)
        sent += 1
    peer.flush()
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline and peer.pump(0.2):
        pass
    resets = sum(1 for r in peer.responses.values() if r["reset"] is not None)
    responses = sum(1 for r in peer.responses.values() if r["status"] is not None)
    print(json.dumps({"sent": sent, "goaway": peer.goaway, "closed": peer.closed, "responses": responses, "resets": resets}))
    peer.close()


def read_until_closed(sock, deadline):
    """Reads until the peer closes or resets, or `deadline` passes: (bytes, whether it closed)."""
    received = b""
    while time.monotonic() < deadline:
        sock.settimeout(max(0.01, deadline - time.monotonic()))
        try:
            data = sock.recv(65536)
        except socket.timeout:
            break
        except ConnectionResetError:
            return received, True
        if not data:
            return received, True
        received += data
    return received, False


def cmd_raw(port, payload_hex):
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    started = time.monotonic()
    received = b""
    closed = False
    try:
        sock.sendall(bytes.fromhex(payload_hex))
        received, closed = read_until_closed(sock, started + 8)
    except ConnectionResetError:
        closed = True
    elapsed = time.monotonic() - started
    sock.close()
    first_line = received.split(b"\r\n", 1)[0].decode("latin-1") if received.startswith(b"HTTP/") else None
    print(json.dumps({"closed": closed, "elapsed": elapsed, "firstLine": first_line, "received": len(received)}))


def cmd_slowloris(port, interval):
    head = (
        f"POST {ECHO} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
        "User-Agent: slowloris\r\nContent-Length: 15\r\n\r\n"
    ).encode()
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    started = time.monotonic()
    sent = 0
    received = b""
    closed = False
    try:
        while sent < len(head):
            readable, _, _ = select.select([sock], [], [], interval)
            if readable:
                break
            sock.sendall(head[sent:sent + 1])
            sent += 1
        received, closed = read_until_closed(sock, time.monotonic() + 10)
    except (BrokenPipeError, ConnectionResetError):
        closed = True
    elapsed = time.monotonic() - started
    sock.close()
    status = None
    if received.startswith(b"HTTP/1.1 "):
        status = int(received[9:12])
    print(json.dumps({"status": status, "closed": closed, "elapsed": elapsed, "sent": sent, "total": len(head)}))


def main(argv):
    command = argv[1] if len(argv) > 1 else ""
    if command == "request" and len(argv) >= 6:
        cmd_request(int(argv[2]), argv[3], argv[4], argv[5], argv[6:])
    elif command == "reset-mid-request" and len(argv) == 3:
        cmd_reset_mid_request(int(argv[2]))
    elif command == "vanish-mid-response" and len(argv) == 4 and argv[3] in ("slow", "large"):
        cmd_vanish_mid_response(int(argv[2]), argv[3])
    elif command == "stall-request" and len(argv) == 4:
        cmd_stall_request(int(argv[2]), float(argv[3]))
    elif command == "rapid-reset" and len(argv) == 4:
        cmd_rapid_reset(int(argv[2]), int(argv[3]))
    elif command == "raw" and len(argv) == 4:
        cmd_raw(int(argv[2]), argv[3])
    elif command == "slowloris" and len(argv) == 4:
        cmd_slowloris(int(argv[2]), float(argv[3]))
    else:
        sys.stderr.write(__doc__)
        sys.exit(64)


if __name__ == "__main__":
    main(sys.argv)
