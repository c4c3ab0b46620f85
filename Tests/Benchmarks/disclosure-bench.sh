#!/usr/bin/env bash
# The disclosure scan (Shared/Disclosure) on dense text, in release: size, findings and the best
# of three times per size (issue 17, item 5: 168 kB took 6 s when the scan was quadratic). The
# scan is linear when four times the text takes about four times as long.
#
#   Tests/Benchmarks/disclosure-bench.sh [kB ...]     (default 168 672)
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --product DisclosureBench 2>&1 | grep -E "error|warning:" || true
"$(swift build -c release --show-bin-path)/DisclosureBench" "$@"
