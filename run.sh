#!/usr/bin/env bash
# One entry point for people and CI on Debian 12: installs what is missing, configures, builds
# and runs. Usage: ./run.sh demo | test | test-sanitize | bench | docs
set -euo pipefail
cd "$(dirname "$0")"

packages=(g++ cmake make pkg-config libboost-dev libboost-test-dev libxsimd-dev libmpfr-dev)
case "${1:-}" in
    bench) packages+=(libbenchmark-dev libeigen3-dev time) ;;
    docs) packages+=(doxygen graphviz libjs-mathjax) ;;
esac

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "run.sh: installing ${missing[*]}"
    sudo_cmd=()
    [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

jobs=$(nproc)
configure() { # build-dir, extra cmake arguments...
    local dir=$1
    shift
    cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release -DNABLA_WERROR=ON "$@" >/dev/null
}

case "${1:-}" in
    demo)
        configure build -DNABLA_BUILD_TESTS=OFF
        cmake --build build -j "$jobs" --target example_demo
        ./build/examples/example_demo
        ;;
    test)
        # -O1: the tests check values, not speed, and template-heavy code compiles much faster.
        configure build-test -DCMAKE_CXX_FLAGS_RELEASE=-O1
        cmake --build build-test -j "$jobs"
        ctest --test-dir build-test -j "$jobs" --output-on-failure
        ;;
    test-sanitize)
        # The run-time tests under ASan and UBSan. The fuzz runs one slice of 16 cases; the
        # reference cases, the Moré–Garbow–Hillstrom suite, the build checks and the examples
        # run in the plain build only.
        # -Og: about half the compile time of -O1 under the sanitizers (datasets.cpp: 69 s
        # against 127 s), the run about 1.5x as long (test_losses: 37 s against 24 s)
        configure build-sanitize -DCMAKE_CXX_FLAGS_RELEASE=-Og -DNABLA_FUZZ_CASES=16 -DNABLA_VERIFY_ALL_REFERENCE=OFF \
            -DNABLA_TEST_REFERENCE=OFF -DNABLA_TEST_MGH=OFF -DNABLA_TEST_BUILD_CHECKS=OFF -DNABLA_BUILD_EXAMPLES=OFF \
            -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
        cmake --build build-sanitize -j "$jobs"
        ctest --test-dir build-sanitize -j "$jobs" --output-on-failure
        ;;
    bench)
        configure build-bench -DNABLA_BUILD_TESTS=OFF -DNABLA_BUILD_BENCHMARKS=ON
        cmake --build build-bench -j "$jobs"
        ./build-bench/bench/nabla_bench_derivatives
        ;;
    docs)
        # The site, its generated derivative pages and the tutorial's examples; any Doxygen
        # warning fails the build. The tests are not needed, so they are not configured.
        configure build-docs -DNABLA_BUILD_TESTS=OFF -DNABLA_BUILD_DOCS=ON \
            -DCMAKE_CXX_FLAGS_RELEASE=-O1
        cmake --build build-docs -j "$jobs" --target docs
        echo "documentation: file://$PWD/build-docs/docs/html/index.html"
        ;;
    *)
        echo "usage: $0 demo | test | test-sanitize | bench | docs" >&2
        exit 2
        ;;
esac
