#!/bin/sh
# Compile time and peak compiler memory of one translation unit that builds value, gradient and
# Hessian (eval_all) of the 10-variable extended Rosenbrock function, at -O2, with g++ and
# clang++. Targets (issue 2): <= 10 s and <= 1.5 GiB each.
#
#   bench/compile_time.sh [runs] [source]   # best of `runs` compilations per compiler (default 3)
#
# `source` (in bench/, default compile_time_rosenbrock10.cpp) picks another translation unit:
# compile_time_gulf.cpp builds value, gradient and Hessian-vector product of the
# Moré–Garbow–Hillstrom Gulf problem (99 residuals, summed over the rows of its data points); the
# 10 s / 1.5 GiB verdict is for rosenbrock10.
#
# Needs GNU time (Debian package `time`) for the peak resident memory of the compiler.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
src="$here/${2:-compile_time_rosenbrock10.cpp}"
runs=${1:-3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

if [ ! -x /usr/bin/time ]; then
    echo "compile_time.sh: /usr/bin/time is missing (apt-get install time)" >&2
    exit 1
fi

flags="-std=c++20 -O2 -march=native -Wall -Wextra -Wpedantic -I$root/include -I$root/symbolic/include
       -I$root/solvers/include
       -I$root/problems/include -c"

printf '| compiler | version | wall (s, best of %s) | CPU user+sys (s) | peak memory (MiB, worst) | within 10 s, 1.5 GiB |\n' "$runs"
printf '|----------|---------|-------------------|------------------|--------------------------|----------------------|\n'
status=0
for cxx in g++ clang++; do
    if ! command -v "$cxx" >/dev/null 2>&1; then
        printf '| %s | not installed | | | | |\n' "$cxx"
        continue
    fi
    version=$("$cxx" --version | head -n 1 | sed 's/.*version \([0-9.]*\).*/\1/; s/^g++ ([^)]*) //')
    best_s=""
    best_cpu=""
    best_kb=0
    i=0
    while [ "$i" -lt "$runs" ]; do
        # GNU time: %e wall seconds, %U + %S CPU seconds (what a busy machine inflates least),
        # %M peak resident set size in KiB of the compiler's largest process (cc1plus, clang).
        /usr/bin/time -f '%e %U %S %M' -o "$out/time" "$cxx" $flags "$src" -o "$out/tu.o"
        read -r s user sys kb < "$out/time"
        if [ -z "$best_s" ] || awk "BEGIN { exit !($s < $best_s) }"; then best_s=$s; fi
        cpu=$(awk "BEGIN { print $user + $sys }")
        if [ -z "$best_cpu" ] || awk "BEGIN { exit !($cpu < $best_cpu) }"; then best_cpu=$cpu; fi
        if [ "$kb" -gt "$best_kb" ]; then best_kb=$kb; fi
        i=$((i + 1))
    done
    mib=$((best_kb / 1024))
    ok=yes
    if awk "BEGIN { exit !($best_s > 10) }" || [ "$mib" -gt 1536 ]; then ok=NO; status=1; fi
    printf '| %s | %s | %s | %s | %s | %s |\n' "$cxx" "$version" "$best_s" "$best_cpu" "$mib" "$ok"
done
exit $status
