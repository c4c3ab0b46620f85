#!/usr/bin/env bash
# RPC benchmark: our gRPC JSON echo (release build) against nghttpd serving a file of the same
# size, driven by h2load with the same parameters in the same run, rounds alternating between the
# two. Prints requests/s, p50/p99 latency for both and the ratios. Not a test: figures go in
# Tests/Benchmarks/README.md.
#
#   Tests/Benchmarks/rpc-bench.sh            # full run (~1 minute)
#   REQUESTS=50000 Tests/Benchmarks/rpc-bench.sh
#   SERVER=/tmp/before/.build/release/cspr-echo-server Tests/Benchmarks/rpc-bench.sh
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

# SERVER=path/to/cspr-echo-server measures another build (an earlier commit, for before/after).
if [ -z "${SERVER:-}" ]; then
  echo "building the echo server (release)..." >&2
  swift build -c release --product cspr-echo-server 2>&1 | grep -E "error|warning:|Compiling|Build" >&2 || true
  SERVER=.build/release/cspr-echo-server
fi

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

# CPU time (user + system, clock ticks) a process has used so far.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# run PID N C M ARGS... -> prints "req/s p50_us p99_us failed cpu_us_per_request"
# The server's CPU time per request does not depend on how much of the shared machine the
# server got during the round, so its ratio is the steadier figure when others are busy.
run() {
  local pid=$1 n=$2 c=$3 m=$4; shift 4
  local log="$work/h2load.log"
  rm -f "$log"
  local out cpu_before cpu_after
  cpu_before=$(cpu_ticks "$pid")
  out=$(h2load -n "$n" -c "$c" -m "$m" --log-file="$log" "$@" 2>&1)
  cpu_after=$(cpu_ticks "$pid")
  local rps failed
  rps=$(echo "$out" | sed -n 's/^finished in .*, \([0-9.]*\) req\/s.*/\1/p')
  failed=$(echo "$out" | sed -n 's/^requests: .* \([0-9]*\) failed.*/\1/p')
  python3 - "$log" "$rps" "$failed" "$((cpu_after - cpu_before))" "$(getconf CLK_TCK)" "$n" <<'PY'
import sys
log, rps, failed = sys.argv[1], sys.argv[2], sys.argv[3]
ticks, hz, n = int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
durations = sorted(int(line.split("\t")[2]) for line in open(log) if line.strip())
p = lambda q: durations[min(len(durations) - 1, int(q * len(durations)))]
print(f"{float(rps):.0f} {p(0.50)} {p(0.99)} {failed} {ticks * 1e6 / hz / n:.2f}")
PY
}

# best N C M -> "ours_line|theirs_line": ROUNDS rounds, ours and nghttpd alternating so that both
# see the same background load (the machine is shared), the best round of each by req/s.
# The CPU time per request reported is the least of the rounds.
best() {
  local n=$1 c=$2 m=$3
  local our_best="" our_best_rps=0 our_cpu="" ng_best="" ng_best_rps=0 ng_cpu="" line rps cpu
  for _ in $(seq "$ROUNDS"); do
    line=$(run "$server_pid" "$n" "$c" "$m" "${ours[@]}"); rps=${line%% *}; cpu=${line##* }
    if [ "$rps" -gt "$our_best_rps" ]; then our_best_rps=$rps; our_best=${line% *}; fi
    if [ -z "$our_cpu" ] || python3 -c "import sys; sys.exit(0 if $cpu < $our_cpu else 1)"; then our_cpu=$cpu; fi
    line=$(run "$nghttpd_pid" "$n" "$c" "$m" "${theirs[@]}"); rps=${line%% *}; cpu=${line##* }
    if [ "$rps" -gt "$ng_best_rps" ]; then ng_best_rps=$rps; ng_best=${line% *}; fi
    if [ -z "$ng_cpu" ] || python3 -c "import sys; sys.exit(0 if $cpu < $ng_cpu else 1)"; then ng_cpu=$cpu; fi
  done
  echo "$our_best $our_cpu|$ng_best $ng_cpu"
}

# Warm both up.
run "$server_pid" 20000 8 32 "${ours[@]}" > /dev/null
run "$nghttpd_pid" 20000 8 32 "${theirs[@]}" > /dev/null

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
IFS='|' read -r throughput_ours throughput_theirs < <(best "$REQUESTS" 8 32)
IFS='|' read -r latency_ours latency_theirs < <(best "$LATENCY_REQUESTS" 1 1)
read -r our_rps our_p50 our_p99 our_failed our_cpu <<< "$throughput_ours"
read -r ng_rps ng_p50 ng_p99 ng_failed ng_cpu <<< "$throughput_theirs"
read -r our1_rps our1_p50 our1_p99 our1_failed our1_cpu <<< "$latency_ours"
read -r ng1_rps ng1_p50 ng1_p99 ng1_failed ng1_cpu <<< "$latency_theirs"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

python3 - "$our_rps" "$ng_rps" "$our1_p50" "$ng1_p50" "$our_cpu" "$ng_cpu" <<PY
import sys
our, ng, our_p50, ng_p50, our_cpu, ng_cpu = map(float, sys.argv[1:7])
print(f"""
machine: $(nproc) cores; $(h2load --version | head -1); nghttpd serving a file of $(stat -c %s "$work/www/reply") bytes
load average (1, 5, 15 min): $load_before before, $load_after after
                         requests/s     p50 (us)   p99 (us)   failed   server CPU (us/request)
-c 8 -m 32  cspr echo    $our_rps{' '*(14-len('$our_rps'))} $our_p50{' '*(10-len('$our_p50'))} $our_p99{' '*(10-len('$our_p99'))} $our_failed{' '*(8-len('$our_failed'))} $our_cpu
-c 8 -m 32  nghttpd      $ng_rps{' '*(14-len('$ng_rps'))} $ng_p50{' '*(10-len('$ng_p50'))} $ng_p99{' '*(10-len('$ng_p99'))} $ng_failed{' '*(8-len('$ng_failed'))} $ng_cpu
-c 1 -m 1   cspr echo    $our1_rps{' '*(14-len('$our1_rps'))} $our1_p50{' '*(10-len('$our1_p50'))} $our1_p99{' '*(10-len('$our1_p99'))} $our1_failed{' '*(8-len('$our1_failed'))} $our1_cpu
-c 1 -m 1   nghttpd      $ng1_rps{' '*(14-len('$ng1_rps'))} $ng1_p50{' '*(10-len('$ng1_p50'))} $ng1_p99{' '*(10-len('$ng1_p99'))} $ng1_failed{' '*(8-len('$ng1_failed'))} $ng1_cpu

throughput ratio (cspr / nghttpd, -c 8 -m 32): {our/ng:.3f}x   (target >= 0.25x)
CPU time ratio (nghttpd / cspr per request, -c 8 -m 32): {ng_cpu/our_cpu:.3f}x
median latency ratio (cspr / nghttpd, -c 1 -m 1): {our_p50/ng_p50:.2f}x   (target <= 2x)
""")
PY
