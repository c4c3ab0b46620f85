#!/usr/bin/env bash
# RPC benchmark: our gRPC JSON echo (release build) against nghttpd serving a file of the same
# size, driven by h2load with the same parameters in the same run. Prints requests/s, p50/p99
# latency for both and the ratios. Not a test: figures go in Tests/Benchmarks/README.md.
#
#   Tests/Benchmarks/rpc-bench.sh            # full run (~1 minute)
#   REQUESTS=50000 Tests/Benchmarks/rpc-bench.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
REQUESTS=${REQUESTS:-300000}
LATENCY_REQUESTS=${LATENCY_REQUESTS:-20000}
ROUNDS=${ROUNDS:-3}

missing=()
command -v h2load >/dev/null || missing+=(nghttp2-client)
command -v nghttpd >/dev/null && [ -x "$(command -v nghttpd)" ] || [ -x /usr/sbin/nghttpd ] || missing+=(nghttp2-server)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
NGHTTPD=$(command -v nghttpd || echo /usr/sbin/nghttpd)

echo "building the echo server (release)..." >&2
swift build -c release --product cspr-echo-server 2>&1 | grep -E "error|warning:|Compiling|Build" >&2 || true
SERVER=.build/release/cspr-echo-server

work=$(mktemp -d)
cleanup() { kill "${server_pid:-}" "${nghttpd_pid:-}" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# The request: one gRPC-framed JSON message; the echo answers the same bytes.
python3 - "$work" <<'PY'
import json, struct, sys, os
work = sys.argv[1]
message = json.dumps({"text": "Rapid Review outcome ratified"}, separators=(",", ":")).encode()
framed = b"\x00" + struct.pack(">I", len(message)) + message
open(os.path.join(work, "request.bin"), "wb").write(framed)
os.makedirs(os.path.join(work, "www"))
open(os.path.join(work, "www", "reply"), "wb").write(framed)  # same size as our response body
PY

"$SERVER" 0 > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do grep -q "listening on" "$work/server.log" 2>/dev/null && break; sleep 0.05; done
port=$(sed -n 's/^listening on //p' "$work/server.log")
ng_port=$((port + 1))
"$NGHTTPD" --no-tls -d "$work/www" "$ng_port" > /dev/null 2>&1 &
nghttpd_pid=$!
sleep 0.5

ours=(-d "$work/request.bin" -H "content-type: application/grpc+json" -H "te: trailers" "http://127.0.0.1:$port/cspr.test.v1.Echo/Echo")
theirs=("http://127.0.0.1:$ng_port/reply")

# run NAME N C M ARGS... -> prints "req/s p50_us p99_us failed"
run() {
  local n=$1 c=$2 m=$3; shift 3
  local log="$work/h2load.log"
  rm -f "$log"
  local out
  out=$(h2load -n "$n" -c "$c" -m "$m" --log-file="$log" "$@" 2>&1)
  local rps failed
  rps=$(echo "$out" | sed -n 's/^finished in .*, \([0-9.]*\) req\/s.*/\1/p')
  failed=$(echo "$out" | sed -n 's/^requests: .* \([0-9]*\) failed.*/\1/p')
  python3 - "$log" "$rps" "$failed" <<'PY'
import sys
log, rps, failed = sys.argv[1], sys.argv[2], sys.argv[3]
durations = sorted(int(line.split("\t")[2]) for line in open(log) if line.strip())
p = lambda q: durations[min(len(durations) - 1, int(q * len(durations)))]
print(f"{float(rps):.0f} {p(0.50)} {p(0.99)} {failed}")
PY
}

best() {  # best of ROUNDS by req/s
  local bestline="" bestrps=0
  for _ in $(seq "$ROUNDS"); do
    local line; line=$(run "$@")
    local rps=${line%% *}
    if [ "$rps" -gt "$bestrps" ]; then bestrps=$rps; bestline=$line; fi
  done
  echo "$bestline"
}

# Warm both up.
run 20000 8 32 "${ours[@]}" > /dev/null
run 20000 8 32 "${theirs[@]}" > /dev/null

read -r our_rps our_p50 our_p99 our_failed < <(best "$REQUESTS" 8 32 "${ours[@]}")
read -r ng_rps ng_p50 ng_p99 ng_failed < <(best "$REQUESTS" 8 32 "${theirs[@]}")
read -r our1_rps our1_p50 our1_p99 our1_failed < <(best "$LATENCY_REQUESTS" 1 1 "${ours[@]}")
read -r ng1_rps ng1_p50 ng1_p99 ng1_failed < <(best "$LATENCY_REQUESTS" 1 1 "${theirs[@]}")

python3 - "$our_rps" "$ng_rps" "$our1_p50" "$ng1_p50" <<PY
import sys
our, ng, our_p50, ng_p50 = map(float, sys.argv[1:5])
print(f"""
machine: $(nproc) cores; $(h2load --version | head -1); nghttpd serving a file of $(stat -c %s "$work/www/reply") bytes
                         requests/s     p50 (us)   p99 (us)   failed
-c 8 -m 32  cspr echo    $our_rps{' '*(14-len('$our_rps'))} $our_p50{' '*(10-len('$our_p50'))} $our_p99{' '*(10-len('$our_p99'))} $our_failed
-c 8 -m 32  nghttpd      $ng_rps{' '*(14-len('$ng_rps'))} $ng_p50{' '*(10-len('$ng_p50'))} $ng_p99{' '*(10-len('$ng_p99'))} $ng_failed
-c 1 -m 1   cspr echo    $our1_rps{' '*(14-len('$our1_rps'))} $our1_p50{' '*(10-len('$our1_p50'))} $our1_p99{' '*(10-len('$our1_p99'))} $our1_failed
-c 1 -m 1   nghttpd      $ng1_rps{' '*(14-len('$ng1_rps'))} $ng1_p50{' '*(10-len('$ng1_p50'))} $ng1_p99{' '*(10-len('$ng1_p99'))} $ng1_failed

throughput ratio (cspr / nghttpd, -c 8 -m 32): {our/ng:.3f}x   (target >= 0.15x)
median latency ratio (cspr / nghttpd, -c 1 -m 1): {our_p50/ng_p50:.2f}x   (target <= 2x)
""")
PY
