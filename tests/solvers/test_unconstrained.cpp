// Unconstrained solvers on hand-written problems with independently known minimisers.
#define BOOST_TEST_MODULE nabla_solvers
#if defined(BOOST_UNIT_TEST_FRAMEWORK_DYN_LINK) && !defined(BOOST_TEST_DYN_LINK)
#define BOOST_TEST_DYN_LINK
#endif
#include <boost/test/unit_test.hpp>

#include <nabla/solvers/all.hpp>

#include "problems.hpp"

#include <boost/multiprecision/cpp_bin_float.hpp>

#include <boost/mpl/list.hpp>

#include <array>
#include <cmath>
#include <vector>

namespace ns = nabla::solvers;
namespace nt = nabla::solvers::test;
using mp50 = boost::multiprecision::cpp_bin_float_50;

namespace {
template <class R>
void check_minimum(const R& r, std::vector<double> xstar, double xtol, double ftol) {
    BOOST_TEST_INFO("status " << ns::to_string(r.status) << ": " << r.message);
    BOOST_TEST(r.converged());
    BOOST_REQUIRE_EQUAL(r.x.size(), xstar.size());
    for (std::size_t i = 0; i < xstar.size(); ++i)
        BOOST_TEST(std::abs(static_cast<double>(r.x[i]) - xstar[i]) <= xtol);
    BOOST_TEST(static_cast<double>(r.f) <= ftol);
}
} // namespace

BOOST_AUTO_TEST_SUITE(line_search_methods)

BOOST_AUTO_TEST_CASE(lbfgs_rosenbrock_double) {
    auto r = ns::lbfgs{}.minimize(nt::rosenbrock<double>{}, std::array{-1.2, 1.0});
    check_minimum(r, {1, 1}, 1e-6, 1e-12);
    BOOST_TEST(r.iterations < 100u);
    BOOST_TEST(r.history.size() == r.iterations + 1);
    BOOST_TEST(r.history.front().f == 24.2, boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(lbfgs_mgh_double) {
    check_minimum(ns::lbfgs{}.minimize(nt::wood<double>{}, std::array{-3.0, -1.0, -3.0, -1.0}),
                  {1, 1, 1, 1}, 1e-6, 1e-12);
    check_minimum(ns::lbfgs{}.minimize(nt::beale<double>{}, std::array{1.0, 1.0}), {3, 0.5}, 1e-6,
                  1e-12);
    auto p = ns::lbfgs{}.minimize(nt::powell_singular<double>{}, std::array{3.0, -1.0, 0.0, 1.0});
    check_minimum(p, {0, 0, 0, 0}, 1e-2, 1e-8);
}

BOOST_AUTO_TEST_CASE(lbfgs_history_length_one) {
    auto r = ns::lbfgs{{.m = 1}}.minimize(nt::rosenbrock<double>{}, std::vector{-1.2, 1.0});
    check_minimum(r, {1, 1}, 1e-5, 1e-10);
}

BOOST_AUTO_TEST_CASE(lbfgs_float) {
    ns::lbfgs_params p;
    p.stop.gtol_rel = 1e-3;
    auto r = ns::lbfgs{p}.minimize(nt::rosenbrock<float>{}, std::array{-1.2f, 1.0f});
    check_minimum(r, {1, 1}, 2e-2, 1e-3);
}

BOOST_AUTO_TEST_CASE(bfgs_mgh_double) {
    check_minimum(ns::bfgs{}.minimize(nt::rosenbrock<double>{}, std::array{-1.2, 1.0}), {1, 1},
                  1e-6, 1e-12);
    check_minimum(ns::bfgs{}.minimize(nt::wood<double>{}, std::array{-3.0, -1.0, -3.0, -1.0}),
                  {1, 1, 1, 1}, 1e-6, 1e-12);
    check_minimum(ns::bfgs{}.minimize(nt::beale<double>{}, std::array{1.0, 1.0}), {3, 0.5}, 1e-6,
                  1e-12);
}

BOOST_AUTO_TEST_CASE(newton_mgh_double) {
    auto r = ns::newton{}.minimize(nt::rosenbrock<double>{}, std::array{-1.2, 1.0});
    check_minimum(r, {1, 1}, 1e-8, 1e-16);
    auto lb = ns::lbfgs{}.minimize(nt::rosenbrock<double>{}, std::array{-1.2, 1.0});
    BOOST_TEST(r.g_evals < lb.g_evals);
    BOOST_TEST(r.h_evals > 0u);
    check_minimum(ns::newton{}.minimize(nt::wood<double>{}, std::array{-3.0, -1.0, -3.0, -1.0}),
                  {1, 1, 1, 1}, 1e-8, 1e-16);
    check_minimum(ns::newton{}.minimize(nt::beale<double>{}, std::array{1.0, 1.0}), {3, 0.5}, 1e-8,
                  1e-16);
    check_minimum(
        ns::newton{}.minimize(nt::powell_singular<double>{}, std::array{3.0, -1.0, 0.0, 1.0}),
        {0, 0, 0, 0}, 1e-2, 1e-8);
}

BOOST_AUTO_TEST_CASE(newton_with_hessian_vector_only) {
    // quadratic2 has no dense Hessian: Newton assembles it from products; one step is exact.
    auto r = ns::newton{}.minimize(nt::quadratic2<double>{}, std::array{5.0, -3.0});
    check_minimum(r, {1.0 / 11, 7.0 / 11}, 1e-12, 0.0);
    BOOST_TEST(r.f == -15.0 / 22, boost::test_tools::tolerance(1e-14));
    BOOST_TEST(r.iterations <= 2u);
}

BOOST_AUTO_TEST_CASE(indefinite_hessian_is_handled) {
    // At (0.1, 1) the Hessian diag(12 x^2 - 4, 2) is indefinite; a plain Newton step would go
    // towards the saddle at the origin.
    auto r = ns::newton{}.minimize(nt::double_well<double>{}, std::array{0.1, 1.0});
    check_minimum(r, {1, 0}, 1e-8, 1e-16);
    auto t = ns::trust_region_newton{}.minimize(nt::double_well<double>{}, std::array{0.1, 1.0});
    check_minimum(t, {1, 0}, 1e-8, 1e-16);
}

BOOST_AUTO_TEST_CASE(lbfgs_leaves_a_saddle_point) {
    // From (0, 1) the x-gradient 4x(x^2 - 1) of the double well is 0 at every iterate: steps
    // built from gradients end at the saddle (0, 0), f = 1, Hessian diag(-4, 2). The curvature
    // check finds the eigenvalue -4 and leaves along x to a minimiser (+-1, 0), f = 0.
    const std::array x0{0.0, 1.0};
    auto stuck = ns::lbfgs{{.check_curvature = false}}.minimize(nt::double_well<double>{}, x0);
    BOOST_TEST(stuck.converged());
    BOOST_TEST(stuck.x[0] == 0.0);
    BOOST_TEST(stuck.f == 1.0, boost::test_tools::tolerance(1e-12));
    auto r = ns::lbfgs{}.minimize(nt::double_well<double>{}, x0);
    BOOST_TEST_INFO("status " << ns::to_string(r.status) << ": " << r.message);
    BOOST_TEST(r.converged());
    BOOST_TEST(std::abs(std::abs(r.x[0]) - 1) <= 1e-8);
    BOOST_TEST(std::abs(r.x[1]) <= 1e-8);
    BOOST_TEST(r.f <= 1e-16);
    BOOST_TEST(r.h_evals == 2u); // one Hessian at the saddle, one at the minimiser
}

BOOST_AUTO_TEST_CASE(large_n_hessian_free_and_limited_memory) {
    const std::size_t n = 2000;
    nt::extended_rosenbrock<double> f{n};
    std::vector<double> x0(n);
    for (std::size_t i = 0; i < n; ++i)
        x0[i] = i % 2 == 0 ? -1.2 : 1.0;
    const std::vector<double> ones(n, 1.0);
    auto tr = ns::trust_region_newton{}.minimize(f, x0);
    check_minimum(tr, ones, 1e-6, 1e-12);
    auto lb = ns::lbfgs{}.minimize(f, x0);
    check_minimum(lb, ones, 1e-6, 1e-12);
    // the curvature check at the minimiser: Lanczos, at most 12 products (no dense Hessian)
    BOOST_TEST(lb.h_evals >= 2u);
    BOOST_TEST(lb.h_evals <= 12u);
    auto nw = ns::newton{{.stop = {.max_iterations = 2}}}.minimize(
        nt::extended_rosenbrock<double>{8}, std::vector<double>(x0.begin(), x0.begin() + 8));
    BOOST_TEST(nw.h_evals == 2u * 8u); // dense Hessian assembled from n products per iteration
}

BOOST_AUTO_TEST_CASE(gradient_descent_quadratic) {
    auto r = ns::gradient_descent{}.minimize(nt::quadratic2<double>{}, std::vector{5.0, -3.0});
    check_minimum(r, {1.0 / 11, 7.0 / 11}, 1e-7, 0.0);
    BOOST_TEST(r.f == -15.0 / 22, boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(newton_multiprecision_40_digits) {
    ns::newton_params p;
    p.stop.gtol_rel = 0;
    p.stop.gtol_abs = 1e-45;
    auto r = ns::newton{p}.minimize(nt::rosenbrock<mp50>{}, std::vector<mp50>{mp50(-1.2), mp50(1)});
    BOOST_TEST_INFO(r.message);
    BOOST_TEST(r.converged());
    BOOST_TEST(abs(r.x[0] - 1) < mp50("1e-40"));
    BOOST_TEST(abs(r.x[1] - 1) < mp50("1e-40"));

    // f(x) = exp(x) - 2x has its minimum at x = ln 2, known to any precision.
    struct exp_minus_2x {
        using scalar_type = mp50;
        mp50 value(std::span<const mp50> x) const { return exp(x[0]) - 2 * x[0]; }
        mp50 value_gradient(std::span<const mp50> x, std::span<mp50> g) const {
            g[0] = exp(x[0]) - 2;
            return value(x);
        }
        mp50 value_gradient_hessian(std::span<const mp50> x, std::span<mp50> g,
                                    std::span<mp50> h) const {
            h[0] = exp(x[0]);
            return value_gradient(x, g);
        }
    };
    auto q = ns::newton{p}.minimize(exp_minus_2x{}, std::vector<mp50>{mp50(3)});
    BOOST_TEST(q.converged());
    BOOST_TEST(abs(q.x[0] - log(mp50(2))) < mp50("1e-45"));
    BOOST_TEST(abs(q.f - (2 - 2 * log(mp50(2)))) < mp50("1e-45"));
}

BOOST_AUTO_TEST_CASE(lbfgs_multiprecision) {
    ns::lbfgs_params p;
    p.stop.gtol_rel = 1e-30;
    auto r = ns::lbfgs{p}.minimize(nt::rosenbrock<mp50>{}, std::vector<mp50>{mp50(-1.2), mp50(1)});
    BOOST_TEST_INFO(r.message);
    BOOST_TEST(r.converged());
    BOOST_TEST(abs(r.x[0] - 1) < mp50("1e-25"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(scalar_types)

using scalar_types = boost::mpl::list<float, double, mp50>;

// Every solver on the quadratic with minimiser (1/11, 7/11), in float, double and 50 digits.
BOOST_AUTO_TEST_CASE_TEMPLATE(every_solver_every_scalar, T, scalar_types) {
    const double gtol = std::is_same_v<T, float> ? 1e-4 : std::is_same_v<T, double> ? 1e-10 : 1e-30;
    const double xtol = std::is_same_v<T, float> ? 1e-3 : std::is_same_v<T, double> ? 1e-8 : 1e-25;
    const nt::quadratic2<T> q;
    const std::vector<T> x0{T(5), T(-3)};
    auto check = [&](const auto& r, const char* name) {
        BOOST_TEST_INFO(name << ": " << ns::to_string(r.status) << ": " << r.message);
        BOOST_TEST(r.converged());
        using std::abs;
        BOOST_TEST(static_cast<double>(abs(r.x[0] - T(1) / 11)) <= xtol);
        BOOST_TEST(static_cast<double>(abs(r.x[1] - T(7) / 11)) <= xtol);
    };
    ns::stopping_params sp;
    sp.gtol_rel = gtol;
    sp.max_iterations = 100000;
    check(ns::gradient_descent{{.stop = sp}}.minimize(q, x0), "gradient_descent");
    check(ns::lbfgs{{.stop = sp}}.minimize(q, x0), "lbfgs");
    check(ns::bfgs{{.stop = sp}}.minimize(q, x0), "bfgs");
    check(ns::newton{{.stop = sp}}.minimize(q, x0), "newton");
    check(ns::trust_region_newton{{.stop = sp}}.minimize(q, x0), "trust_region_newton");
    check(ns::momentum{{.stop = sp, .learning_rate = 0.05}}.minimize(q, x0), "momentum");
    check(ns::nesterov{{.stop = sp, .learning_rate = 0.05}}.minimize(q, x0), "nesterov");

    // Adam, AdaGrad, RMSProp, subgradient: reach a neighbourhood (no convergence claim needed).
    using std::abs;
    const T fstar = T(-15) / 22;
    BOOST_TEST(static_cast<double>(ns::adam{{.learning_rate = 1e-2}}.minimize(q, x0).f - fstar) <=
               1e-3);
    BOOST_TEST(static_cast<double>(ns::adagrad{{.learning_rate = 0.5}}.minimize(q, x0).f - fstar) <=
               1e-3);
    BOOST_TEST(static_cast<double>(ns::rmsprop{{.learning_rate = 1e-2}}.minimize(q, x0).f -
                                   fstar) <= 1e-3);
    BOOST_TEST(static_cast<double>(ns::subgradient{}.minimize(q, x0).f - fstar) <= 1e-3);

    // The same quadratic on the probability simplex: x* = (1/5, 4/5) (Lagrange conditions).
    const std::vector<T> s0{T(1), T(0)};
    const double gap = std::is_same_v<T, float> ? 1e-5 : std::is_same_v<T, double> ? 1e-12 : 1e-35;
    auto fw = ns::away_step_frank_wolfe{ns::simplex{}, ns::exact_quadratic_step{}, {.gap_tol = gap}}
                  .minimize(q, s0);
    BOOST_TEST_INFO(ns::to_string(fw.status) << ": " << fw.message);
    BOOST_TEST(fw.status == ns::status::converged_gap);
    BOOST_TEST(static_cast<double>(abs(fw.x[0] - T(1) / 5)) <= xtol);
    BOOST_TEST(static_cast<double>(abs(fw.x[1] - T(4) / 5)) <= xtol);
    auto bt =
        ns::frank_wolfe{ns::simplex{}, ns::backtracking_step{}, {.gap_tol = gap}}.minimize(q, s0);
    BOOST_TEST(bt.status == ns::status::converged_gap);
    BOOST_TEST(static_cast<double>(abs(bt.x[0] - T(1) / 5)) <= xtol);
}

BOOST_AUTO_TEST_SUITE_END()
