#!/usr/bin/env bash
# Durable single-row inserts per second on this machine, in one run:
#   (a) one transaction per write through Storage's Database
#   (b) group commit under 16 concurrent writers through Database
#   (c) the sqlite3 command-line tool, one transaction per insert, same pragmas
# All three use WAL with synchronous=FULL, so each COMMIT fsyncs the log. Data files go in a
# temporary directory under .build on the repository's own disk (not tmpfs), removed at exit.
# The three are measured in interleaved rounds and the median of each is compared, because a
# shared machine's load changes from second to second.
# Acceptance: (b) >= 5 x (c). Record the figures in Tests/Benchmarks/README-storage.md.
#
# usage: Tests/Benchmarks/storage-bench.sh [writes-per-measurement]   (default 10000)
#        environment: ROUNDS (default 3), WRITERS (default 16)
set -euo pipefail

cd "$(dirname "$0")/../.."
writes="${1:-10000}"
rounds="${ROUNDS:-3}"
writers="${WRITERS:-16}"

command -v sqlite3 > /dev/null || { echo "storage-bench: the sqlite3 tool is needed (apt-get install sqlite3)" >&2; exit 1; }

swift build -c release --product storage-bench
bin="$(swift build -c release --show-bin-path)/storage-bench"

mkdir -p .build
work="$(mktemp -d "$PWD/.build/storage-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# The sqlite3 tool's script: the same table and row as StorageBench, one BEGIN ... COMMIT each.
{
    echo "PRAGMA journal_mode = WAL;"
    echo "PRAGMA synchronous = FULL;"
    echo "CREATE TABLE bench (id INTEGER PRIMARY KEY, writer INTEGER NOT NULL, payload BLOB NOT NULL) STRICT;"
    for _ in $(seq "$writes"); do
        echo "BEGIN; INSERT INTO bench (writer, payload) VALUES (0, zeroblob(100)); COMMIT;"
    done
} > "$work/cli.sql"

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

echo "storage-bench: $writes durable single-row inserts per measurement (WAL, synchronous=FULL)," \
    "$rounds rounds, $(nproc) cores, sqlite $(sqlite3 --version | cut -d' ' -f1)"
for round in $(seq "$rounds"); do
    rm -f "$work"/*.sqlite*
    "$bin" "$work" "$writes" "$writers" > "$work/swift.txt"
    a="$(awk '$1 == "single" { print $4 }' "$work/swift.txt")"
    b="$(awk '$1 == "group" { print $4 }' "$work/swift.txt")"
    batch="$(awk '$1 == "group" { print $5 }' "$work/swift.txt")"

    start="$(date +%s.%N)"
    sqlite3 "$work/cli.sqlite" < "$work/cli.sql" > /dev/null
    end="$(date +%s.%N)"
    c="$(awk -v n="$writes" -v s="$start" -v e="$end" 'BEGIN { printf "%.0f", n / (e - s) }')"
    rows="$(sqlite3 "$work/cli.sqlite" "SELECT count(*) FROM bench")"
    [ "$rows" = "$writes" ] || { echo "storage-bench: sqlite3 stored $rows rows, expected $writes" >&2; exit 1; }

    printf "  round %d: (a) %6s  (b) %6s (%s)  (c) %6s writes/s\n" "$round" "$a" "$b" "$batch" "$c"
    echo "$a" >> "$work/a"; echo "$b" >> "$work/b"; echo "$c" >> "$work/c"
done

a="$(median < "$work/a")"; b="$(median < "$work/b")"; c="$(median < "$work/c")"
printf "  (a) Database, one transaction per write:      %8s writes/s (median)\n" "$a"
printf "  (b) Database, group commit, %2s writers:       %8s writes/s (median)\n" "$writers" "$b"
printf "  (c) sqlite3 tool, one transaction per insert: %8s writes/s (median)\n" "$c"
awk -v a="$a" -v b="$b" -v c="$c" 'BEGIN {
    printf "  (b)/(c) = %.2f   (a)/(c) = %.2f   acceptance (b)/(c) >= 5: %s\n", b / c, a / c, (b / c >= 5 ? "PASS" : "FAIL")
}'
