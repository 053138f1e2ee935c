// Tutorial, step 2 (docs/tutorial.md): check every number the double code computes against a
// 50-digit evaluation and a 100-digit finite-difference oracle.
#include <nabla/verify.hpp>

#include <array>
#include <cstdlib>
#include <iostream>

constexpr nabla::var<"x"> x;
constexpr nabla::var<"y"> y;
using namespace nabla::literals;
constexpr auto f = pow(1_c - x, 2_c) + 100_c * pow(y - x * x, 2_c);

int main() {
    // [verify]
    const auto report = nabla::verify(f, nabla::wrt(x, y), std::array{-1.2, 1.0});
    std::cout << report;
    if (!report.ok())
        return EXIT_FAILURE; // a component failed: the report says which and why
    // [verify]

    // [kink]
    // At a kink the derivative does not exist; verify says so instead of failing silently.
    const auto kinked = nabla::verify(abs(x - 1_c) + y * y, nabla::wrt(x, y), std::array{1.0, 2.0});
    std::cout << "\n" << kinked;
    // [kink]
    return EXIT_SUCCESS;
}
