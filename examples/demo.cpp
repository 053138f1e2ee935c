// The demo: write a loss, see its gradient and Hessian as formulas, evaluate them in double, and
// check every number against the same derivatives evaluated with 50 significant digits.
#include <nabla/nabla.hpp>

#include <boost/multiprecision/cpp_bin_float.hpp>

#include <array>
#include <cmath>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <string>

namespace {

using reference_t = boost::multiprecision::cpp_bin_float_50;

constexpr nabla::var<"w"> w;
constexpr nabla::var<"b"> b;

// Logistic regression of two labelled points with one weight and a bias, L2-regularised:
// f(w, b) = softplus(-(1.5 w + b)) + softplus(0.5 w - b) + 0.05 w^2.
constexpr auto loss = softplus(-(1.5 * w + b)) + softplus(0.5 * w - b) + 0.05 * w * w;

int failures = 0;

void check(std::string const& what, double computed, reference_t const& reference) {
    const reference_t error = abs(reference_t(computed) - reference);
    const reference_t scale = std::max(reference_t(abs(reference)), reference_t(1e-300));
    const double relative = static_cast<double>(error / scale);
    const bool ok = relative <= 1e-14;
    failures += !ok;
    std::cout << "  " << std::left << std::setw(10) << what << std::right << std::setw(24)
              << std::setprecision(17) << computed << "  50-digit " << std::setw(24)
              << std::setprecision(20) << static_cast<long double>(reference) << "  rel. error "
              << std::setprecision(2) << std::scientific << relative << std::defaultfloat
              << (ok ? "  ok" : "  MISMATCH") << '\n';
}

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

    const std::array point{0.25, -0.5};
    const auto [value, grad, hess] = nabla::eval_all(loss, nabla::wrt(w, b), point);
    const auto ref = nabla::eval_all(loss, nabla::wrt(w, b),
                                     std::array{reference_t(point[0]), reference_t(point[1])});

    std::cout << "at (w, b) = (" << point[0] << ", " << point[1]
              << "), double against 50 significant digits:\n";
    check("f", value, ref.value);
    check("df/dw", grad[0], ref.gradient[0]);
    check("df/db", grad[1], ref.gradient[1]);
    check("d2f/dw2", hess(0, 0), ref.hessian(0, 0));
    check("d2f/dwdb", hess(0, 1), ref.hessian(0, 1));
    check("d2f/db2", hess(1, 1), ref.hessian(1, 1));

    std::cout << '\n'
              << (failures == 0 ? "all values agree with the 50-digit evaluation"
                                : "some values disagree with the 50-digit evaluation")
              << '\n';
    return failures == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
