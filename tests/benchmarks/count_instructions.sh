#!/bin/sh
# Instructions per iteration of one benchmark, counted by callgrind: the
# benchmark runs at N and at 2N iterations (VSSEMU_BENCH_ITERATIONS) and
# the difference is divided by N, so start-up and one-time set-up cancel.
# Instruction counts do not wander with the load of a shared machine as
# timings do; use them for ratios.
#
#   count_instructions.sh BENCHMARK_BINARY NAME_REGEX [N]
#
# Prints "NAME instructions_per_iteration" for the one benchmark matched.
set -eu
if [ "$#" -lt 2 ] || [ "$1" = "--help" ]; then
  echo "usage: $0 BENCHMARK_BINARY NAME_REGEX [N (default 200)]" >&2
  exit 2
fi
binary=$1
filter=$2
n=${3:-200}
command -v valgrind >/dev/null || { echo "$0: valgrind is not installed" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

total() {
  VSSEMU_BENCH_ITERATIONS=$1 valgrind --tool=callgrind \
    --callgrind-out-file="$work/out.$1" "$binary" \
    --benchmark_filter="$filter" >"$work/log.$1" 2>&1 || {
      cat "$work/log.$1" >&2
      exit 1
    }
  grep -q "iterations\|Iterations" "$work/log.$1" || true
  sed -n 's/^summary: //p' "$work/out.$1"
}

one=$(total "$n")
two=$(total $((2 * n)))
runs=$(grep -c "^BM_" "$work/log.$n" || true)
if [ "$runs" -ne 1 ]; then
  echo "$0: '$filter' matched $runs benchmarks, not one" >&2
  exit 2
fi
name=$(grep "^BM_" "$work/log.$n" | awk '{print $1}')
echo "$name $(( (two - one) / n ))"
