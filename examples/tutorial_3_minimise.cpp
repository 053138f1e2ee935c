// Tutorial, step 3 (docs/tutorial.md): minimise the loss with two solvers and read why each
// stopped. With a file name as argument, the iteration histories are also written there as CSV
// (solver, iteration, f, gradient norm): the docs build plots them (docs/generator/plot.cpp).
#include <nabla/nabla.hpp>

#include <array>
#include <cstdlib>
#include <fstream>
#include <iostream>

constexpr nabla::var<"x"> x;
constexpr nabla::var<"y"> y;
using namespace nabla::literals;
constexpr auto f = pow(1_c - x, 2_c) + 100_c * pow(y - x * x, 2_c);

int main(int argc, char** argv) {
    // [minimise]
    // The expression becomes an objective: value, gradient and Hessian are generated code.
    const auto problem = nabla::objective(f, nabla::wrt(x, y));
    const std::array start{-1.2, 1.0};

    const auto lbfgs = nabla::solvers::lbfgs{}.minimize(problem, start);
    const auto newton = nabla::solvers::newton{}.minimize(problem, start);
    // [minimise]

    // [status]
    for (auto const* r : {&lbfgs, &newton}) {
        std::cout << (r == &lbfgs ? "L-BFGS" : "Newton") << ": " << to_string(r->status) << " ("
                  << r->message << ")\n"
                  << "  x = (" << r->x[0] << ", " << r->x[1] << "), f = " << r->f
                  << ", |g| = " << r->gradient_norm << "\n"
                  << "  " << r->iterations << " iterations, " << r->f_evals << " values, "
                  << r->g_evals << " gradients, " << r->h_evals << " Hessians\n";
    }
    // Only the converged_* statuses mean that a convergence test held.
    if (!lbfgs.converged() || !newton.converged())
        return EXIT_FAILURE;
    // [status]

    if (argc > 1) {
        std::ofstream csv(argv[1]);
        csv << "solver,iteration,f,gradient_norm\n";
        csv.precision(17);
        for (auto const& h : lbfgs.history)
            csv << "L-BFGS," << h.iteration << ',' << h.f << ',' << h.gradient_norm << '\n';
        for (auto const& h : newton.history)
            csv << "Newton," << h.iteration << ',' << h.f << ',' << h.gradient_norm << '\n';
        if (!csv)
            return EXIT_FAILURE;
    }
    return EXIT_SUCCESS;
}
