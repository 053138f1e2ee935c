// The demo: write a loss, see its gradient and Hessian as formulas, evaluate them in double, and
// verify every number against 50-digit evaluation and a 100-digit finite-difference oracle, then
// minimise it with two solvers.
#include <nabla/nabla.hpp>
#include <nabla/verify.hpp>

#include <array>
#include <cmath>
#include <cstdlib>
#include <iostream>

namespace {

constexpr nabla::var<"w"> w;
constexpr nabla::var<"b"> b;

// Logistic regression with one weight and a bias, L2-regularised, on three labelled points
// (x, y) = (1.5, +1), (0.5, -1), (-1, -1); each contributes softplus(-y (w x + b)):
constexpr auto loss =
    softplus(-(1.5 * w + b)) + softplus(0.5 * w + b) + softplus(b - w) + 0.05 * w * w;

} // namespace

int main() {
    constexpr auto g = nabla::gradient(loss, w, b);
    constexpr auto h = nabla::hessian(loss, w, b);

    std::cout << "loss       f(w, b) = " << nabla::to_string(loss) << "\n"
              << "LaTeX              " << nabla::to_latex(loss) << "\n\n";
    std::cout << "gradient   df/dw   = " << nabla::to_string(g.get<0>()) << "\n"
              << "           df/db   = " << nabla::to_string(g.get<1>()) << "\n\n";
    std::cout << "Hessian    d2f/dw2   = " << nabla::to_string(h.get<0, 0>()) << "\n"
              << "           d2f/dwdb  = " << nabla::to_string(h.get<0, 1>()) << "\n"
              << "           d2f/db2   = " << nabla::to_string(h.get<1, 1>()) << "\n\n";

    // nabla::verify evaluates the same derivatives in 50 digits (rounding check) and
    // differentiates f numerically in 100 digits (rule check), component by component.
    const std::array point{0.25, -0.5};
    const auto [value, grad, hess] = nabla::eval_all(loss, nabla::wrt(w, b), point);
    std::cout << "at (w, b) = (" << point[0] << ", " << point[1] << "): f = " << value
              << ", gradient = (" << grad[0] << ", " << grad[1] << "), Hessian = [[" << hess(0, 0)
              << ", " << hess(0, 1) << "], [" << hess(1, 0) << ", " << hess(1, 1) << "]]\n\n";
    const auto report = nabla::verify(loss, nabla::wrt(w, b), point);
    std::cout << report;

    // The same expression is an objective: L-BFGS with the generated gradient, then Newton with
    // the generated Hessian, from the same start.
    const auto problem = nabla::objective(loss, nabla::wrt(w, b));
    std::cout << "\nL-BFGS from (w, b) = (0.25, -0.5):\n";
    const auto lbfgs =
        nabla::solvers::lbfgs{}.minimize(problem, point, nabla::solvers::progress_printer{});
    std::cout << "status " << to_string(lbfgs.status) << ": " << lbfgs.message << "\n";
    const auto newton = nabla::solvers::newton{}.minimize(problem, point);
    std::cout << "Newton: f = " << newton.f << " at (" << newton.x[0] << ", " << newton.x[1]
              << ") after " << newton.iterations << " iterations (L-BFGS: " << lbfgs.iterations
              << "), status " << to_string(newton.status) << "\n";
    const bool solved = lbfgs.converged() && newton.converged() &&
                        std::abs(lbfgs.f - newton.f) <= 1e-12 * std::abs(newton.f);
    return report.ok() && solved ? EXIT_SUCCESS : EXIT_FAILURE;
}
