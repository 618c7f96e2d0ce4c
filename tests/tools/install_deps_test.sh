#!/usr/bin/env bash
# .ci/install-deps picks the package names of each release from apt's lists:
# run with stand-ins for dpkg-query, apt-cache and apt-get that describe a
# release (nothing installed yet), it must print the right names, or fail
# saying why.
set -euo pipefail
script="$(cd "$(dirname "$0")/../.." && pwd)/.ci/install-deps"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# release <name> <available packages...>: stand-ins for that release.
release() {
  local dir="$work/$1"
  shift
  mkdir -p "$dir"
  printf '%s\n' "$@" >"$dir/available"
  cat >"$dir/dpkg-query" <<'STUB'
#!/bin/sh
exit 1
STUB
  cat >"$dir/apt-get" <<'STUB'
#!/bin/sh
exit 0
STUB
  cat >"$dir/id" <<'STUB'
#!/bin/sh
echo 0
STUB
  cat >"$dir/apt-cache" <<STUB
#!/bin/sh
case "\$1" in
  pkgnames) grep "^\$2" "$dir/available" ;;
  policy) if grep -qx "\$2" "$dir/available"; then echo "  Candidate: 1.0"; else echo "  Candidate: (none)"; fi ;;
  show) [ "\$2" = clang ] && grep '^clang-[0-9]*$' "$dir/available" | sed 's/^/Depends: /' ;;
esac
STUB
  chmod +x "$dir"/*
}

expect() {  # expect <release> <pattern> [args...]: the output must match.
  local name=$1 pattern=$2 out
  shift 2
  out=$(PATH="$work/$name:$PATH" bash "$script" --print "$@" 2>&1) || true
  if ! grep -qE -- "$pattern" <<<"$out"; then
    echo "FAILED: $name, install-deps $*: expected /$pattern/ in:"
    echo "$out"
    exit 1
  fi
}

release debian12 libboost1.74-dev libboost1.81-dev wine64 libclang-rt-dev clang-14
expect debian12 'packages: .* libboost1\.81-dev wine64 libclang-rt-dev$' --windows --fuzz
release debian13 libboost1.83-dev libboost1.88-dev libclang-rt-dev clang-19
expect debian13 'packages: .* libboost1\.88-dev libclang-rt-dev$' --windows --fuzz
release ubuntu2404 libboost1.74-dev libboost1.83-dev wine64 libclang-rt-18-dev clang-18
expect ubuntu2404 'packages: .* libboost1\.83-dev wine64 libclang-rt-18-dev$' --windows --fuzz
release ubuntu2204 libboost1.74-dev libclang-rt-14-dev clang-14
expect ubuntu2204 'no libboost1\.NN-dev of 1\.80 or later'
echo "install-deps picks each release's packages"
