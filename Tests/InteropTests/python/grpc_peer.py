#!/usr/bin/env python3
"""A real gRPC peer (Python grpcio) for CSPR's interoperability tests.

Subcommands (every result is one JSON object on stdout; the Swift tests make the assertions):

  call PORT METHOD REQUEST_JSON [--timeout SECONDS]
      Calls METHOD on 127.0.0.1:PORT with grpcio, JSON serializers on both sides.
      Prints {"code": "OK"|"<STATUS NAME>", "details": str|null, "response": obj|null, "elapsed": s}.

  health PORT [SERVICE]
      Calls grpc.health.v1.Health/Check with grpcio-health-checking's stub (real protobuf).
      Prints {"code": ..., "details": ..., "status": "SERVING"|...|null}.

  serve
      Serves /cspr.test.v1.Echo/Echo and /cspr.test.v1.Echo/Fail (as the Swift echo service
      does) through a generic handler with JSON (de)serializers, on a free loopback port.
      Echo adds "seenMetadata": the authorization and x-request-id metadata it received.
      Prints "listening on PORT" and serves until killed or until its parent goes away.

A missing Python module exits with status 2 and a message naming it and how to install it.
"""
import json
import os
import sys
import threading
import time

try:
    import grpc
    from grpc_health.v1 import health_pb2, health_pb2_grpc
except ImportError as error:  # CI installs these; a missing one must fail the test loudly.
    sys.stderr.write(
        f"python module missing: {error.name}; install with: pip install grpcio grpcio-health-checking h2\n")
    sys.exit(2)


def to_json_bytes(value):
    return json.dumps(value).encode("utf-8")


def from_json_bytes(data):
    return json.loads(data.decode("utf-8")) if data else {}


def call(port, method, request_json, timeout):
    request = json.loads(request_json)
    with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
        stub = channel.unary_unary(method, request_serializer=to_json_bytes, response_deserializer=from_json_bytes)
        started = time.monotonic()
        try:
            response = stub(request, timeout=timeout)
            result = {"code": "OK", "details": None, "response": response}
        except grpc.RpcError as error:
            result = {"code": error.code().name, "details": error.details(), "response": None}
        result["elapsed"] = time.monotonic() - started
    print(json.dumps(result))


def health(port, service):
    with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
        stub = health_pb2_grpc.HealthStub(channel)
        try:
            reply = stub.Check(health_pb2.HealthCheckRequest(service=service), timeout=10)
            status = health_pb2.HealthCheckResponse.ServingStatus.Name(reply.status)
            result = {"code": "OK", "details": None, "status": status}
        except grpc.RpcError as error:
            result = {"code": error.code().name, "details": error.details(), "status": None}
    print(json.dumps(result))


def serve():
    def echo(request, context):
        millis = request.get("sleepMillis") or 0
        deadline = time.monotonic() + millis / 1000
        # Sleep in small steps so a call that is cancelled or past its deadline stops early.
        while time.monotonic() < deadline and context.is_active():
            time.sleep(0.01)
        reply = dict(request)
        # What the caller's metadata looked like here, for the tests of our client's metadata.
        reply["seenMetadata"] = {
            key: value for key, value in context.invocation_metadata() if key in ("authorization", "x-request-id")}
        return reply

    def fail(request, context):
        code = next((c for c in grpc.StatusCode if c.value[0] == request["code"]), grpc.StatusCode.UNKNOWN)
        context.abort(code, request["message"])

    handlers = {
        name: grpc.unary_unary_rpc_method_handler(
            function, request_deserializer=from_json_bytes, response_serializer=to_json_bytes)
        for name, function in (("Echo", echo), ("Fail", fail))
    }
    from concurrent import futures

    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
    server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler("cspr.test.v1.Echo", handlers),))
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    print(f"listening on {port}", flush=True)
    parent = os.getppid()
    # Never outlive the test process that started us.
    while os.getppid() == parent:
        time.sleep(0.2)
    server.stop(0)


def main(argv):
    if len(argv) >= 5 and argv[1] == "call":
        timeout = None
        if len(argv) >= 7 and argv[5] == "--timeout":
            timeout = float(argv[6])
        call(int(argv[2]), argv[3], argv[4], timeout)
    elif len(argv) >= 3 and argv[1] == "health":
        health(int(argv[2]), argv[3] if len(argv) >= 4 else "")
    elif len(argv) == 2 and argv[1] == "serve":
        serve()
    else:
        sys.stderr.write(__doc__)
        sys.exit(64)


if __name__ == "__main__":
    main(sys.argv)
