#!/usr/bin/env bash
# Durable single-row inserts per second on this machine, in one run:
#   (a) one transaction per write through Storage's Database
#   (b) group commit under 16 concurrent writers through Database
#   (c) the sqlite3 command-line tool, one transaction per insert, same pragmas
# All three use WAL with synchronous=FULL, so each COMMIT fsyncs the log. Data files go in a
# temporary directory under .build on the repository's own disk (not tmpfs), removed at exit.
# Acceptance: (b) >= 5 x (c). Record the figures in Tests/Benchmarks/README-storage.md.
#
# usage: Tests/Benchmarks/storage-bench.sh [writes]     (default 3000; also WRITERS=16)
set -euo pipefail

cd "$(dirname "$0")/../.."
writes="${1:-3000}"
writers="${WRITERS:-16}"

command -v sqlite3 > /dev/null || { echo "storage-bench: the sqlite3 tool is needed (apt-get install sqlite3)" >&2; exit 1; }

swift build -c release --product storage-bench
bin="$(swift build -c release --show-bin-path)/storage-bench"

mkdir -p .build
work="$(mktemp -d "$PWD/.build/storage-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# (a) and (b)
"$bin" "$work" "$writes" "$writers" > "$work/swift.txt"
single_rate="$(awk '$1 == "single" { print $4 }' "$work/swift.txt")"
group_rate="$(awk '$1 == "group" { print $4 }' "$work/swift.txt")"
single_batch="$(awk '$1 == "single" { print $5 }' "$work/swift.txt")"
group_batch="$(awk '$1 == "group" { print $5 }' "$work/swift.txt")"

# (c) the same inserts through the sqlite3 tool, one BEGIN ... COMMIT each.
{
    echo "PRAGMA journal_mode = WAL;"
    echo "PRAGMA synchronous = FULL;"
    echo "CREATE TABLE bench (id INTEGER PRIMARY KEY, writer INTEGER NOT NULL, payload BLOB NOT NULL) STRICT;"
    for _ in $(seq "$writes"); do
        echo "BEGIN; INSERT INTO bench (writer, payload) VALUES (0, zeroblob(100)); COMMIT;"
    done
} > "$work/cli.sql"
start="$(date +%s.%N)"
sqlite3 "$work/cli.sqlite" < "$work/cli.sql" > /dev/null
end="$(date +%s.%N)"
cli_rate="$(awk -v n="$writes" -v s="$start" -v e="$end" 'BEGIN { printf "%.0f", n / (e - s) }')"
cli_rows="$(sqlite3 "$work/cli.sqlite" "SELECT count(*) FROM bench")"
[ "$cli_rows" = "$writes" ] || { echo "storage-bench: sqlite3 stored $cli_rows rows, expected $writes" >&2; exit 1; }

echo "storage-bench: $writes durable single-row inserts each (WAL, synchronous=FULL), $(nproc) cores, $(sqlite3 --version | cut -d' ' -f1) sqlite"
printf "  (a) Database, one transaction per write:   %8s writes/s  (%s)\n" "$single_rate" "$single_batch"
printf "  (b) Database, group commit, %2s writers:    %8s writes/s  (%s)\n" "$writers" "$group_rate" "$group_batch"
printf "  (c) sqlite3 tool, one transaction per insert: %5s writes/s\n" "$cli_rate"
awk -v a="$single_rate" -v b="$group_rate" -v c="$cli_rate" 'BEGIN {
    printf "  (b)/(c) = %.2f   (a)/(c) = %.2f   acceptance (b)/(c) >= 5: %s\n", b / c, a / c, (b / c >= 5 ? "PASS" : "FAIL")
}'
