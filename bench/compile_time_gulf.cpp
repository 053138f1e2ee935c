// A compile-time benchmark for a problem with many residuals: value, gradient and Hessian-vector
// product of the Moré–Garbow–Hillstrom Gulf research and development function, 99 squared
// residuals in 3 variables, written as one residual summed over the rows of its data points
// (problems/mgh_data.hpp). bench/compile_time.sh times it next to compile_time_rosenbrock10.cpp.
#include <nabla/problems/mgh_data.hpp>

#include <array>
#include <cstdio>
#include <span>

int main(int argc, char**) {
    const auto p = nabla::problems::gulf();
    const auto objective = nabla::problems::objective_of(p);
    std::array<double, 3> x = p.start;
    x[0] += 0.01 * argc;
    std::array<double, 3> gradient{}, direction{1.0, 0.0, 0.0}, hv{};
    const double value =
        objective.value_gradient(std::span<const double>(x), std::span<double>(gradient));
    objective.hessian_vector(std::span<const double>(x), std::span<const double>(direction),
                             std::span<double>(hv));
    std::printf("f = %g, df/dx1 = %g, d2f/dx1^2 = %g\n", value, gradient[0], hv[0]);
}
