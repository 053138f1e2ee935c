// The compile-time benchmark: one translation unit that builds value, gradient and Hessian
// (eval_all) of the 10-variable extended Rosenbrock function. bench/compile_time.sh times it.
#include <nabla/nabla.hpp>

#include <array>
#include <cstdio>

constexpr nabla::var<"x01"> x1;
constexpr nabla::var<"x02"> x2;
constexpr nabla::var<"x03"> x3;
constexpr nabla::var<"x04"> x4;
constexpr nabla::var<"x05"> x5;
constexpr nabla::var<"x06"> x6;
constexpr nabla::var<"x07"> x7;
constexpr nabla::var<"x08"> x8;
constexpr nabla::var<"x09"> x9;
constexpr nabla::var<"x10"> x10;

// Extended Rosenbrock (Moré, Garbow and Hillstrom problem 21), n = 10.
constexpr auto f = 100 * pow(x2 - x1 * x1, 2) + pow(1.0 - x1, 2) + 100 * pow(x4 - x3 * x3, 2) +
                   pow(1.0 - x3, 2) + 100 * pow(x6 - x5 * x5, 2) + pow(1.0 - x5, 2) +
                   100 * pow(x8 - x7 * x7, 2) + pow(1.0 - x7, 2) + 100 * pow(x10 - x9 * x9, 2) +
                   pow(1.0 - x9, 2);

int main(int argc, char**) {
    std::array<double, 10> p{};
    for (std::size_t i = 0; i != p.size(); ++i)
        p[i] = (i % 2 == 0 ? -1.2 : 1.0) + 0.01 * argc;
    auto [value, gradient, hessian] =
        nabla::eval_all(f, nabla::wrt(x1, x2, x3, x4, x5, x6, x7, x8, x9, x10), p);
    std::printf("f = %g, df/dx1 = %g, d2f/dx1^2 = %g\n", value, gradient[0], hessian(0, 0));
}
