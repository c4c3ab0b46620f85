#!/usr/bin/env bash
# The whole stack at N cases (issue 12, "Benchmark (not a timed test)"): intake, rapid-review and
# the gateway (release builds) on loopback in a temporary directory, N fictional referrals of N
# different children loaded through SubmitReferral by 8 writers, then in one run:
#   - writes/s and p50/p99 per tenth of the load;
#   - checks: intake's feed holds N statuses, the gateway's ListCases pages through all N with no
#     stage unavailable, the dashboard `GET /` shows N and no banner;
#   - p50/p99 (and max) of intake GetStatuses (a full page of 2000, a change page of
#     100 from a recent cursor), gateway ListCases (first page), GetSummary and the dashboard at
#     c1 and c8; the gateway's again with rapid-review stopped (SIGSTOP, hung) and killed;
#   - idle RSS (after start) and loaded RSS (after the reads) per service;
#   - the variant: N referrals onto N/30 cases (the same children again) on a fresh stack.
# It prints each figure beside the issue's target with a verdict. A benchmark, not a test: exit 0
# whatever the figures; 1 when a check of correctness fails, 2 when the stack does not start.
#
#   Tests/Benchmarks/stack-bench.sh --quick       N=1,000, 2 s per read run, gateway rounds every 1 s (< 1 minute)
#   Tests/Benchmarks/stack-bench.sh [N]           default N=10000 (or N=100000 ... in the environment)
#   environment: N, READ_SECONDS (6), CACHE_SECONDS (the gateway's default, 1), WRITERS (8),
#                CONNECTIONS (2), SKIP_BUILD=1 (use .build/release as it is)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

quick=false
for argument in "$@"; do
  case "$argument" in
    --quick) quick=true ;;
    [0-9]*) N=$argument ;;
    *) echo "usage: $0 [--quick] [N]" >&2; exit 2 ;;
  esac
done
if $quick; then
  N=${N:-1000} READ_SECONDS=${READ_SECONDS:-2} CACHE_SECONDS=${CACHE_SECONDS:-1}
fi
N=${N:-10000}
# Longer than the gateway's interval between rounds of asking the stages (CSPR_GATEWAY_CACHE_SECONDS),
# so every read run has at least one round going on beside it.
READ_SECONDS=${READ_SECONDS:-6}
CACHE_SECONDS=${CACHE_SECONDS:-}
WRITERS=${WRITERS:-8}
CONNECTIONS=${CONNECTIONS:-2}
VARIANT_CASES=$(( N / 30 > 0 ? N / 30 : 1 ))
TODAY=2025-03-26  # two days after the template's referral: every case is young and open
TEMPLATE=$ROOT/Services/Intake/example-referral.json
LOADER=$ROOT/Tests/Benchmarks/referral-loader.py

missing=()
command -v h2load >/dev/null || missing+=(nghttp2-client)
command -v nghttpd >/dev/null || [ -x /usr/sbin/nghttpd ] || missing+=(nghttp2-server)
command -v curl >/dev/null || missing+=(curl)
python3 -c "import h2" 2>/dev/null || missing+=("python3-h2 (or: pip install h2)")
if [ ${#missing[@]} -gt 0 ]; then echo "stack-bench: missing: apt-get install ${missing[*]}" >&2; exit 2; fi
NGHTTPD=$(command -v nghttpd || echo /usr/sbin/nghttpd)

if [ "${SKIP_BUILD:-}" != 1 ]; then
  # Built as deploy/Dockerfile builds them (--static-swift-stdlib): the figures, RSS above all,
  # are those of what runs in the containers. (Dynamically linked, each process also counts the
  # pages it touches of the shared Swift and Foundation libraries: about 5 MB more idle RSS.)
  echo "building intake, rapid-review, gateway (release, static Swift runtime as in deploy/Dockerfile)..." >&2
  for product in intake rapid-review gateway; do
    # The static Foundation's own link warning (its use of mktemp) is not ours.
    swift build -c release --static-swift-stdlib --product "$product" 2>&1 | grep -E "error|warning:" | grep -v "mktemp" >&2 || true
  done
fi
BIN=$ROOT/.build/release
for product in intake rapid-review gateway; do
  [ -x "$BIN/$product" ] || { echo "stack-bench: $BIN/$product is missing" >&2; exit 2; }
done

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -CONT "$pid" 2>/dev/null || true; kill -KILL "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

failures=()
fail() { failures+=("$*"); echo "CHECK FAILED: $*" >&2; }

random_token() { head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
GATEWAY_TOKEN=$(random_token) SUPPORT_TOKEN=$(random_token) VIEWER_TOKEN=$(random_token)
{
  echo "# stack-bench: <token> <principal> <role>[,<role>...]"
  echo "$GATEWAY_TOKEN gateway service"
  echo "$(random_token) intake service"
  echo "$(random_token) rapid-review service"
  echo "$SUPPORT_TOKEN Bench.Support partnership-support"
  echo "$VIEWER_TOKEN Bench.Viewer panel-viewer"
} > "$work/tokens"
chmod 600 "$work/tokens"

base=$((20000 + RANDOM % 10000))
declare -A PORT=([intake]=$base [rapid-review]=$((base + 1)) [gateway]=$((base + 2)))
declare -A PID=()
url() { echo "http://127.0.0.1:${PORT[$1]}"; }

# start_stack DIR: the three services with their data under DIR, ready, or exit 2.
start_stack() {
  local dir=$1 service
  for service in intake rapid-review gateway; do
    mkdir -p "$dir/$service"
    # env execs the service, so $! is the service's own pid.
    env CSPR_LISTEN="127.0.0.1:${PORT[$service]}" CSPR_DATA_DIR="$dir/$service" CSPR_TOKENS_FILE="$work/tokens" CSPR_TODAY=$TODAY \
      CSPR_INTAKE_URL="127.0.0.1:${PORT[intake]}" CSPR_RAPID_REVIEW_URL="127.0.0.1:${PORT[rapid-review]}" \
      CSPR_GATEWAY_STAGES=intake,rapid-review ${CACHE_SECONDS:+CSPR_GATEWAY_CACHE_SECONDS=$CACHE_SECONDS} \
      "$BIN/$service" > "$dir/$service.log" 2>&1 < /dev/null &
    PID[$service]=$!
    pids+=("$!")
  done
  for service in intake rapid-review gateway; do
    for _ in $(seq 150); do curl -fsS --max-time 1 "$(url "$service")/readyz" >/dev/null 2>&1 && continue 2; sleep 0.1; done
    echo "stack-bench: $service did not become ready in 15 s; its log:" >&2
    tail -20 "$dir/$service.log" >&2
    exit 2
  done
}

stop_stack() {
  local service
  for service in intake rapid-review gateway; do
    kill -CONT "${PID[$service]}" 2>/dev/null || true
    kill -TERM "${PID[$service]}" 2>/dev/null || true
    wait "${PID[$service]}" 2>/dev/null || true
  done
}

rss_mb() { awk '$1 == "VmRSS:" { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }

# load COUNT CASES OUT: the loader's figures into OUT; a failed request is a failed check.
load() {
  python3 "$LOADER" --url "$(url intake)" --token "$SUPPORT_TOKEN" --template "$TEMPLATE" --count "$1" --cases "$2" \
    --writers "$WRITERS" --connections "$CONNECTIONS" > "$3" || fail "SubmitReferral: some of $1 referrals failed (above)"
}

# rpc SERVICE PATH BODY: one Connect JSON call with the viewer's token; the answer on stdout.
rpc() {
  curl -sS --http2-prior-knowledge --max-time 30 -H 'content-type: application/json' -H "authorization: Bearer $VIEWER_TOKEN" \
    -d "$3" "$(url "$1")$2"
}

# read_run NAME C URL [BODY-FILE]: h2load for READ_SECONDS at C connections, one request in flight
# each; appends "NAME|req/s|p50|p99|max|non-2xx" (ms) to $work/reads.
read_run() {
  local name=$1 c=$2 target=$3 body=${4:-} log=$work/h2load.log
  local options=(-D "$READ_SECONDS" -c "$c" -m 1 -H "authorization: Bearer $VIEWER_TOKEN" --log-file="$log")
  [ -n "$body" ] && options+=(-d "$body" -H 'content-type: application/json')
  rm -f "$log"
  local out; out=$(h2load "${options[@]}" "$target" 2>&1) || true
  python3 - "$log" "$name" "$READ_SECONDS" >> "$work/reads" <<'PY'
import sys
log, name, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
rows = [line.split("\t") for line in open(log) if line.strip()]
durations = sorted(int(row[2]) / 1000 for row in rows)
bad = sum(1 for row in rows if not row[1].startswith("2"))
p = lambda q: durations[min(len(durations) - 1, int(q * len(durations)))] if durations else float("nan")
print(f"{name}|{len(rows) / seconds:.0f}|{p(0.50):.2f}|{p(0.99):.2f}|{durations[-1] if durations else float('nan'):.1f}|{bad}")
PY
  local bad; bad=$(tail -1 "$work/reads" | cut -d'|' -f6)
  [ "$bad" = 0 ] || fail "$name: $bad answers were not 2xx"
}

# check_gateway EXPECTED WHEN: ListCases pages through EXPECTED distinct cases, none unavailable,
# and the dashboard shows the total and no banner. Retried for a while: the gateway's view lags.
check_gateway() {
  local expected=$1 when=$2 verdict=""
  for _ in $(seq $((15 + N / 2000))); do
    verdict=$(python3 - "$expected" "$(url gateway)" "$VIEWER_TOKEN" <<'PY'
import json, re, subprocess, sys
expected, base, token = int(sys.argv[1]), sys.argv[2], sys.argv[3]
def call(path, body=None):
    command = ["curl", "-sS", "--http2-prior-knowledge", "--max-time", "30", "-H", f"authorization: Bearer {token}", base + path]
    if body is not None:
        command[1:1] = ["-H", "content-type: application/json", "-d", json.dumps(body)]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout
references, offset, total, unavailable = set(), 0, None, set()
while True:
    page = json.loads(call("/cspr.gateway.v1.Gateway/ListCases", {"pageSize": 1000, "offset": offset}))
    total = page.get("total")
    unavailable |= {outage["stage"] for outage in page.get("unavailable", [])}
    references |= {case["reference"] for case in page["cases"]}
    offset += len(page["cases"])
    if not page["cases"] or total is None or offset >= total:
        break
problems = []
if total != expected or len(references) != expected:
    problems.append(f"ListCases total {total}, {len(references)} distinct cases listed, expected {expected}")
if unavailable:
    problems.append(f"ListCases names unavailable: {', '.join(sorted(unavailable))}")
page = call("/")
shown = [int(number.replace(",", "")) for number in re.findall(r'class="figure">([\d,]+)<', page)]
if not shown or shown[0] != expected:
    problems.append(f"the dashboard's total is {shown[0] if shown else 'missing'}, expected {expected}")
if 'class="banner"' in page:
    problems.append("the dashboard shows a stage banner")
print("; ".join(problems) or "ok")
PY
) || verdict="the gateway did not answer"
    [ "$verdict" = ok ] && break
    sleep 1
  done
  echo "check ($when): $verdict" >&2
  [ "$verdict" = ok ] || fail "gateway, $when: $verdict"
}

echo "stack-bench: N=$N$($quick && echo ' (quick)'), $WRITERS writers over $CONNECTIONS connections, $READ_SECONDS s per read run" >&2

# The loader's own ceiling: the same requests against nghttpd serving a small file.
mkdir -p "$work/www" && echo '{}' > "$work/www/ok"
"$NGHTTPD" --no-tls -d "$work/www" "$((base + 3))" >/dev/null 2>&1 &
pids+=("$!")
sleep 0.3
ceiling_count=$(( N < 20000 ? (N < 5000 ? 5000 : N) : 20000 ))
ceiling=$(python3 "$LOADER" --url "http://127.0.0.1:$((base + 3))" --path /ok --template "$TEMPLATE" --count "$ceiling_count" \
  --writers "$WRITERS" --connections "$CONNECTIONS" | awk '$1 == "total" { print $3 }')
kill "${pids[-1]}" 2>/dev/null || true

# Distinct children: one case each.
start_stack "$work/distinct"
sleep 1
declare -A IDLE=()
for service in intake rapid-review gateway; do IDLE[$service]=$(rss_mb "${PID[$service]}"); done
echo "loading $N referrals..." >&2
load "$N" "$N" "$work/distinct.load"
linked=$(awk '$1 == "total" { print $5 }' "$work/distinct.load")
[ "${linked:-0}" = 0 ] || fail "SubmitReferral: $linked of $N different children were linked to an existing case"

# Intake's feed: page through it (2000 a page) and keep the last cursor.
feed=$(python3 - "$(url intake)" "$VIEWER_TOKEN" <<'PY'
import json, subprocess, sys
base, token = sys.argv[1], sys.argv[2]
since, count, references = None, 0, set()
while True:
    body = {"pageSize": 2000} | ({"since": since} if since else {})
    answer = subprocess.run(["curl", "-sS", "--http2-prior-knowledge", "-H", "content-type: application/json",
        "-H", f"authorization: Bearer {token}", "-d", json.dumps(body), base + "/cspr.intake.v1.Intake/GetStatuses"],
        capture_output=True, text=True, check=True).stdout
    page = json.loads(answer)
    references |= {status["reference"] for status in page["statuses"]}
    since = page.get("next", since)
    if not page.get("more"):
        break
print(len(references), since)
PY
) || feed="0 none"
read -r feed_count cursor <<< "$feed"
[ "$feed_count" = "$N" ] || fail "intake's GetStatuses feed holds $feed_count cases, expected $N"
recent="${cursor%.*}.$(( ${cursor##*.} > 100 ? ${cursor##*.} - 100 : 0 ))"
echo "{\"pageSize\":2000}" > "$work/full.json"
echo "{\"pageSize\":100,\"since\":\"$recent\"}" > "$work/change.json"
echo '{}' > "$work/empty.json"
changed=$(rpc intake /cspr.intake.v1.Intake/GetStatuses "@$work/change.json" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["statuses"]))') || changed=0
[ "$changed" -gt 0 ] || fail "a change page from $recent held no status"

check_gateway "$N" "all running"

intake_url=$(url intake)/cspr.intake.v1.Intake/GetStatuses
gateway_url=$(url gateway)/cspr.gateway.v1.Gateway
: > "$work/reads"
read_run "intake GetStatuses full page (2000)" 1 "$intake_url" "$work/full.json"
read_run "intake GetStatuses change page ($changed)" 1 "$intake_url" "$work/change.json"
gateway_reads() {  # SUFFIX
  read_run "gateway ListCases first page$1" 1 "$gateway_url/ListCases" "$work/empty.json"
  read_run "gateway GetSummary$1" 1 "$gateway_url/GetSummary" "$work/empty.json"
  read_run "dashboard GET / c1$1" 1 "$(url gateway)/"
  read_run "dashboard GET / c8$1" 8 "$(url gateway)/"
}
gateway_reads ""
declare -A LOADED=()
for service in intake rapid-review gateway; do LOADED[$service]=$(rss_mb "${PID[$service]}"); done

kill -STOP "${PID[rapid-review]}"
gateway_reads ", rapid-review hung"
kill -CONT "${PID[rapid-review]}"
kill -KILL "${PID[rapid-review]}"
wait "${PID[rapid-review]}" 2>/dev/null || true
gateway_reads ", rapid-review killed"
down=$(rpc gateway /cspr.gateway.v1.Gateway/ListCases '{"pageSize":1}' | python3 -c '
import json, sys
page = json.load(sys.stdin)
print(page["total"], ",".join(outage["stage"] for outage in page["unavailable"]))') || down="0 -"
read -r down_total down_named <<< "$down"
[ "$down_total" = "$N" ] || fail "with rapid-review killed, ListCases total is $down_total, expected $N (intake's cases)"
[[ "$down_named" == *rapid-review* || "$down_named" == *rapidReview* ]] || fail "with rapid-review killed, ListCases does not name it unavailable ($down_named)"
stop_stack

# The variant: the same children again, N referrals onto N/30 cases, on a fresh stack.
start_stack "$work/linked"
echo "loading $N referrals onto $VARIANT_CASES cases..." >&2
load "$N" "$VARIANT_CASES" "$work/linked.load"
linked=$(awk '$1 == "total" { print $5 }' "$work/linked.load")
[ "${linked:-0}" = $((N - VARIANT_CASES)) ] || fail "SubmitReferral: $linked linked referrals, expected $((N - VARIANT_CASES))"
check_gateway "$VARIANT_CASES" "linked referrals"
stop_stack

# The table.
python3 - "$work" "$N" "$VARIANT_CASES" "$ceiling" "$READ_SECONDS" "${CACHE_SECONDS:-1}" <<PY
import sys
work, n, cases, ceiling, seconds, cache = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]
idle = {"intake": "${IDLE[intake]}", "rapid-review": "${IDLE[rapid-review]}", "gateway": "${IDLE[gateway]}"}
loaded = {"intake": "${LOADED[intake]}", "rapid-review": "${LOADED[rapid-review]}", "gateway": "${LOADED[gateway]}"}
verdict = lambda good: "ok" if good else "MISSED"

print(f"stack-bench $(git describe --always --dirty), release, $(date -u +%Y-%m-%d), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)")
print(f"N = {n}; {$WRITERS} writers over {$CONNECTIONS} connections; the loader alone against nghttpd: {ceiling} requests/s")

def load_table(title, path):
    rows = [line.split() for line in open(path)]
    tenths = [row for row in rows if row[0] == "tenth"]
    total = next(row for row in rows if row[0] == "total")
    print(f"\n{title}: {total[2]} writes/s overall")
    print("  tenth  referrals  writes/s  p50 ms  p99 ms")
    for row in tenths:
        print(f"  {row[1]:>5}  {row[2]:>9}  {row[3]:>8}  {row[4]:>6}  {row[5]:>6}")
    ratio = float(tenths[-1][3]) / float(tenths[0][3])
    print(f"  last tenth / first: {ratio:.2f}x   target >= 0.8x   {verdict(ratio >= 0.8)}")

load_table(f"SubmitReferral, {n} different children (one case each)", f"{work}/distinct.load")
load_table(f"SubmitReferral, {n} referrals onto {cases} cases (the same children again)", f"{work}/linked.load")

targets = {"ListCases": 50, "GET / c1": 50, "change page": 10}
print(f"\nreads, {seconds} s each, c1 unless said, p50/p99/max in ms (the gateway asks the stages every {cache} s)")
print(f"  {'':52} {'req/s':>7} {'p50':>7} {'p99':>7} {'max':>8}  target")
for line in open(f"{work}/reads"):
    name, rate, p50, p99, top, bad = line.strip().split("|")
    limit = next((value for key, value in targets.items() if key in name), None)
    judged = f"p99 < {limit} ms  {verdict(float(p99) < limit)}" if limit else "-"
    print(f"  {name:52} {rate:>7} {p50:>7} {p99:>7} {top:>8}  {judged}")

print("\nRSS per service (MB)   idle   target < 30    loaded   target < 64")
for service in ("intake", "rapid-review", "gateway"):
    print(f"  {service:20} {idle[service]:>6}   {verdict(float(idle[service]) < 30):12} {loaded[service]:>7}   {verdict(float(loaded[service]) < 64)}")
PY

if [ ${#failures[@]} -gt 0 ]; then
  echo ""
  echo "correctness checks FAILED:"
  printf '  - %s\n' "${failures[@]}"
  exit 1
fi
echo ""
echo "correctness checks: all passed (feed holds N, ListCases pages through N, dashboard total N, no banner, no failed call)"
