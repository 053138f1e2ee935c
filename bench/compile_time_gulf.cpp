// A compile-time benchmark for a large plan: value, gradient and Hessian (eval_all) of the
// Moré–Garbow–Hillstrom Gulf research and development function, a sum of 99 squared residuals
// in 3 variables. bench/compile_time.sh times it next to compile_time_rosenbrock10.cpp.
#include <nabla/problems/mgh_data.hpp>

#include <array>
#include <cstdio>

int main(int argc, char**) {
    const auto p = nabla::problems::gulf();
    std::array<double, 3> x = p.start;
    x[0] += 0.01 * argc;
    auto [value, gradient, hessian] = nabla::eval_all(p.f, p.variables(), x);
    std::printf("f = %g, df/dx1 = %g, d2f/dx1^2 = %g\n", value, gradient[0], hessian(0, 0));
}
