#!/usr/bin/env bash
# SubmitReferral's rate as referrals pile onto one case (the same child and incident each time,
# so every one after the first is linked to the case): writes must stay flat however many are
# linked (issue 12). Prints requests/s per batch and the last batch's rate over the first's. A case
# takes 50 linked referrals (issue 17, item 6): past them every request is refused, so the
# default stays under the limit.
#
#   Tests/Benchmarks/intake-write-bench.sh [batches] [per-batch]     (default 4 x 12)
#   INTAKE=/path/to/intake to measure another build (default: a release build of this checkout)
set -euo pipefail
cd "$(dirname "$0")/../.."
batches=${1:-4}
per_batch=${2:-12}
if [ -z "${INTAKE:-}" ]; then
  swift build -c release --product intake 2>&1 | grep -E "error|warning:" || true
  INTAKE=.build/release/intake
fi
command -v h2load >/dev/null || { echo "h2load is missing: apt-get install nghttp2-client" >&2; exit 2; }
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
token=bench-staff-token-0123456789abcdef
printf '%s Bench.Support partnership-support\n' "$token" > "$work/tokens"
chmod 600 "$work/tokens"
port=$((20000 + RANDOM % 10000))
CSPR_TODAY=2025-03-26 CSPR_TOKENS_FILE="$work/tokens" CSPR_DATA_DIR="$work/data" CSPR_LISTEN="127.0.0.1:$port" "$INTAKE" > "$work/log" 2>&1 &
pid=$!
for _ in $(seq 50); do curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break; sleep 0.1; done
first=""
for batch in $(seq "$batches"); do
  rate=$(h2load -n "$per_batch" -c 8 -d Services/Intake/example-referral.json -H 'content-type: application/json' \
    -H "authorization: Bearer $token" "http://127.0.0.1:$port/cspr.intake.v1.Intake/SubmitReferral" 2>/dev/null |
    grep -oE '[0-9.]+ req/s' | head -1 | cut -d' ' -f1)
  [ -n "$first" ] || first=$rate
  echo "batch $batch ($(( (batch - 1) * per_batch + 1 ))-$(( batch * per_batch )) referrals linked): $rate req/s"
done
echo "last batch / first batch: $(echo "scale=2; $rate / $first" | bc)x (target >= 0.8x)"
