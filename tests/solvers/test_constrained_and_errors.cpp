// Trust region, first-order methods, Frank-Wolfe, bad input, honest statuses and callbacks.
#if defined(BOOST_UNIT_TEST_FRAMEWORK_DYN_LINK) && !defined(BOOST_TEST_DYN_LINK)
#define BOOST_TEST_DYN_LINK
#endif
#include <boost/test/unit_test.hpp>

#include <nabla/solvers/all.hpp>

#include "problems.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace ns = nabla::solvers;
namespace nt = nabla::solvers::test;

namespace {
// f = 1/2 ||x - y||^2: the minimiser over a convex set C is the projection of y onto C.
struct distance_to {
    using scalar_type = double;
    std::vector<double> y;
    std::size_t dimension() const { return y.size(); }
    double value(std::span<const double> x) const {
        double s = 0;
        for (std::size_t i = 0; i < y.size(); ++i)
            s += (x[i] - y[i]) * (x[i] - y[i]);
        return s / 2;
    }
    double value_gradient(std::span<const double> x, std::span<double> g) const {
        for (std::size_t i = 0; i < y.size(); ++i)
            g[i] = x[i] - y[i];
        return value(x);
    }
    void hessian_vector(std::span<const double>, std::span<const double> v,
                        std::span<double> hv) const {
        for (std::size_t i = 0; i < v.size(); ++i)
            hv[i] = v[i];
    }
};

template <class R>
void check_point(const R& r, const std::vector<double>& xstar, double tol) {
    BOOST_TEST_INFO(ns::to_string(r.status) << ": " << r.message);
    BOOST_REQUIRE_EQUAL(r.x.size(), xstar.size());
    for (std::size_t i = 0; i < xstar.size(); ++i)
        BOOST_TEST(std::abs(r.x[i] - xstar[i]) <= tol);
}

// Throws std::invalid_argument whose message contains `needle`.
template <class Fn>
void check_rejected(Fn fn, const std::string& needle) {
    try {
        fn();
        BOOST_ERROR("no exception; expected one mentioning " << needle);
    } catch (const std::invalid_argument& e) {
        BOOST_TEST_INFO(e.what());
        BOOST_TEST(std::string(e.what()).find(needle) != std::string::npos);
    }
}
} // namespace

BOOST_AUTO_TEST_SUITE(trust_region)

BOOST_AUTO_TEST_CASE(dense_hessian_problems) {
    ns::trust_region_newton tr;
    auto r = tr.minimize(nt::rosenbrock<double>{}, std::array{-1.2, 1.0});
    BOOST_TEST(r.converged());
    check_point(r, {1, 1}, 1e-7);
    auto w = tr.minimize(nt::wood<double>{}, std::array{-3.0, -1.0, -3.0, -1.0});
    BOOST_TEST(w.converged());
    check_point(w, {1, 1, 1, 1}, 1e-7);
    auto b = tr.minimize(nt::beale<double>{}, std::array{1.0, 1.0});
    BOOST_TEST(b.converged());
    check_point(b, {3, 0.5}, 1e-7);
}

BOOST_AUTO_TEST_CASE(hessian_vector_products) {
    auto r = ns::trust_region_newton{}.minimize(nt::quadratic2<double>{}, std::array{5.0, -3.0});
    BOOST_TEST(r.converged());
    check_point(r, {1.0 / 11, 7.0 / 11}, 1e-10);
    BOOST_TEST(r.h_evals > 0u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(first_order)

BOOST_AUTO_TEST_CASE(momentum_nesterov_adagrad_adam_on_quadratic) {
    const std::vector<double> xs{1.0 / 11, 7.0 / 11};
    const std::array x0{5.0, -3.0};
    auto m = ns::momentum{{.learning_rate = 0.05}}.minimize(nt::quadratic2<double>{}, x0);
    BOOST_TEST(m.converged());
    check_point(m, xs, 1e-7);
    auto n = ns::nesterov{{.learning_rate = 0.05}}.minimize(nt::quadratic2<double>{}, x0);
    BOOST_TEST(n.converged());
    check_point(n, xs, 1e-7);
    auto a = ns::adagrad{{.learning_rate = 0.5}}.minimize(nt::quadratic2<double>{}, x0);
    BOOST_TEST(a.converged());
    check_point(a, xs, 1e-7);
    ns::adam_params ap{.learning_rate = 1e-2};
    ap.stop.max_iterations = 50000;
    auto d = ns::adam{ap}.minimize(nt::quadratic2<double>{}, x0);
    BOOST_TEST(d.f - (-15.0 / 22) <= 1e-8);
    auto d2 = ns::adam{{.learning_rate = 1e-2}}.minimize(nt::quadratic2<double>{}, x0);
    BOOST_TEST(d2.f - (-15.0 / 22) <= 1e-4);
}

BOOST_AUTO_TEST_CASE(rmsprop_reaches_neighbourhood_without_false_success) {
    ns::rmsprop_params p{.learning_rate = 1e-3};
    p.stop.max_iterations = 20000;
    auto r = ns::rmsprop{p}.minimize(nt::quadratic2<double>{}, std::array{5.0, -3.0});
    BOOST_TEST(r.f - (-15.0 / 22) <= 1e-4);
    if (r.converged())
        BOOST_TEST(r.gradient_norm <= 1e-8 * 1.0);
}

BOOST_AUTO_TEST_CASE(subgradient_keeps_best_iterate) {
    // f = |x1 - 1| + 2 |x2 + 0.5|, minimum 0 at (1, -0.5); non-smooth there.
    auto f = ns::make_objective(
        [](std::span<const double> x) { return std::abs(x[0] - 1) + 2 * std::abs(x[1] + 0.5); },
        [](std::span<const double> x, std::span<double> g) {
            g[0] = x[0] > 1 ? 1.0 : -1.0;
            g[1] = x[1] > -0.5 ? 2.0 : -2.0;
            return std::abs(x[0] - 1) + 2 * std::abs(x[1] + 0.5);
        });
    auto r = ns::subgradient{{.stop = {.max_iterations = 5000}}}.minimize(f, std::vector{4.0, 3.0});
    BOOST_TEST(!r.converged());
    BOOST_TEST(r.status == ns::status::iteration_limit);
    BOOST_TEST(r.f <= 2e-2);
    BOOST_TEST(r.f == std::abs(r.x[0] - 1) + 2 * std::abs(r.x[1] + 0.5));
    double min_hist = 1e300;
    for (const auto& h : r.history)
        min_hist = std::min(min_hist, h.f);
    BOOST_TEST(r.f == min_hist);
}

BOOST_AUTO_TEST_CASE(clipping_and_schedules) {
    std::vector<double> g{3.0, 4.0};
    ns::gradient_clip{.max_norm = 1.0}.apply(std::span<double>(g));
    BOOST_TEST(g[0] == 0.6, boost::test_tools::tolerance(1e-15));
    BOOST_TEST(g[1] == 0.8, boost::test_tools::tolerance(1e-15));
    std::vector<double> h{3.0, -0.5, -7.0};
    ns::gradient_clip{.max_value = 2.0}.apply(std::span<double>(h));
    BOOST_TEST(h == (std::vector<double>{2.0, -0.5, -2.0}), boost::test_tools::per_element());
    using k = ns::schedule_kind;
    const ns::lr_schedule step{.kind = k::step, .rate = 0.5, .period = 10};
    const ns::lr_schedule inv{.kind = k::inverse_time, .rate = 1.0};
    const ns::lr_schedule ex{.kind = k::exponential, .rate = 0.5};
    const ns::lr_schedule cos0{.kind = k::cosine, .period = 10};
    const ns::lr_schedule cos1{.kind = k::cosine, .period = 10, .floor = 0.1};
    BOOST_TEST(step.factor(25) == 0.25);
    BOOST_TEST(inv.factor(3) == 0.25);
    BOOST_TEST(ex.factor(2) == std::exp(-1.0));
    BOOST_TEST(cos0.factor(5) == 0.5, boost::test_tools::tolerance(1e-15));
    BOOST_TEST(cos1.factor(50) == 0.1, boost::test_tools::tolerance(1e-15));
    BOOST_TEST(ns::lr_schedule{}.factor(1000) == 1.0);

    // Adam with both, from far away (clipping bounds the first steps): reaches the minimum region.
    auto r = ns::adam{{.learning_rate = 0.1,
                       .clip = {.max_norm = 1.0},
                       .schedule = {.kind = k::inverse_time, .rate = 1e-3}}}
                 .minimize(nt::quadratic2<double>{}, std::array{50.0, -30.0});
    BOOST_TEST(r.f - (-15.0 / 22) <= 1e-6);
    // Momentum with clipping by value converges (the tests use the true gradient).
    auto m = ns::momentum{{.learning_rate = 0.05, .clip = {.max_value = 1.0}}}.minimize(
        nt::quadratic2<double>{}, std::array{50.0, -30.0});
    BOOST_TEST(m.converged());
    check_point(m, {1.0 / 11, 7.0 / 11}, 1e-7);
    check_rejected(
        [] {
            (void)ns::adam{{.schedule = {.kind = k::step, .rate = 0.0, .period = 5}}}.minimize(
                nt::quadratic2<double>{}, std::array{1.0, 1.0});
        },
        "adam_params::schedule.rate");
    check_rejected(
        [] {
            (void)ns::rmsprop{{.clip = {.max_norm = -1}}}.minimize(nt::quadratic2<double>{},
                                                                   std::array{1.0, 1.0});
        },
        "rmsprop_params::clip.max_norm");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(frank_wolfe_tests)

// Projection of y = (0.8, 0.6, -0.5) onto the probability simplex: (0.6, 0.4, 0), f* = 0.165.
BOOST_AUTO_TEST_CASE(simplex_open_loop_gap_bounds_error) {
    distance_to f{{0.8, 0.6, -0.5}};
    ns::frank_wolfe_params p{.gap_tol = 1e-3};
    auto r = ns::frank_wolfe{ns::simplex{}, ns::open_loop_step{}, p}.minimize(
        f, std::vector{1.0 / 3, 1.0 / 3, 1.0 / 3});
    BOOST_TEST_INFO(r.message);
    BOOST_TEST(r.status == ns::status::converged_gap);
    BOOST_REQUIRE(r.duality_gap.has_value());
    BOOST_TEST(*r.duality_gap <= 1e-3);
    BOOST_TEST(r.f - 0.165 <= *r.duality_gap + 1e-15); // the gap bounds the suboptimality
    BOOST_TEST(r.history.back().gap == *r.duality_gap);
    check_point(r, {0.6, 0.4, 0.0}, 5e-2);
}

BOOST_AUTO_TEST_CASE(simplex_default_call_shape) {
    distance_to f{{0.8, 0.6, -0.5}};
    auto r = ns::frank_wolfe{ns::simplex{}}.minimize(f, std::array{1.0, 0.0, 0.0});
    BOOST_TEST(!r.history.empty());
    BOOST_TEST(r.f - 0.165 <= *r.duality_gap + 1e-15);
}

BOOST_AUTO_TEST_CASE(away_step_simplex_linear_rate) {
    distance_to f{{0.8, 0.6, -0.5}};
    ns::frank_wolfe_params p{.gap_tol = 1e-12};
    auto r = ns::away_step_frank_wolfe{ns::simplex{}, ns::backtracking_step{}, p}.minimize(
        f, std::vector{0.0, 0.0, 1.0});
    BOOST_TEST_INFO(r.message);
    BOOST_TEST(r.status == ns::status::converged_gap);
    BOOST_TEST(std::abs(r.f - 0.165) <= 1e-12);
    check_point(r, {0.6, 0.4, 0.0}, 1e-6);
    auto e = ns::away_step_frank_wolfe{ns::simplex{}, ns::exact_quadratic_step{}, p}.minimize(
        f, std::vector{0.0, 0.0, 1.0});
    BOOST_TEST(e.status == ns::status::converged_gap);
    check_point(e, {0.6, 0.4, 0.0}, 1e-6);
    BOOST_TEST(e.iterations < 100u);
}

// Projection of (1.5, -1, 0.1) onto the unit L1 ball: soft threshold 0.75 -> (0.75, -0.25, 0).
BOOST_AUTO_TEST_CASE(l1_ball) {
    distance_to f{{1.5, -1.0, 0.1}};
    ns::frank_wolfe_params p{.gap_tol = 1e-10};
    auto r = ns::away_step_frank_wolfe{ns::l1_ball{1.0}, ns::exact_quadratic_step{}, p}.minimize(
        f, std::vector{0.0, 0.0, 0.0});
    BOOST_TEST_INFO(r.message);
    BOOST_TEST(r.status == ns::status::converged_gap);
    check_point(r, {0.75, -0.25, 0.0}, 1e-5);
    BOOST_TEST(std::abs(r.f - 0.5675) <= 1e-9);
    auto v = ns::frank_wolfe{ns::l1_ball{1.0}, ns::backtracking_step{}, {.gap_tol = 1e-4}}.minimize(
        f, std::vector{0.0, 0.0, 0.0});
    BOOST_TEST(v.f - 0.5675 <= *v.duality_gap + 1e-15);
}

BOOST_AUTO_TEST_CASE(l2_ball_and_box) {
    distance_to f{{3.0, 4.0}}; // projection onto the unit disc: (0.6, 0.8), f* = 8
    auto r =
        ns::frank_wolfe{ns::l2_ball{1.0}, ns::exact_quadratic_step{}, {.gap_tol = 1e-10}}.minimize(
            f, std::vector{0.0, 0.0});
    BOOST_TEST(r.status == ns::status::converged_gap);
    check_point(r, {0.6, 0.8}, 1e-5);
    distance_to h{{2.0, -1.0, 0.5}}; // box [0,1]^3: (1, 0, 0.5), f* = 1
    auto b =
        ns::frank_wolfe{ns::box{0.0, 1.0}, ns::exact_quadratic_step{}, {.gap_tol = 1e-10}}.minimize(
            h, std::vector{0.5, 0.5, 0.5});
    BOOST_TEST(b.status == ns::status::converged_gap);
    check_point(b, {1.0, 0.0, 0.5}, 1e-5);
    BOOST_TEST(std::abs(b.f - 1.0) <= 1e-9);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(bad_input)

BOOST_AUTO_TEST_CASE(rejected_up_front_naming_the_culprit) {
    nt::rosenbrock<double> f;
    check_rejected(
        [&] {
            (void)ns::lbfgs{}.minimize(f, std::vector{1.0, 2.0, 3.0});
        },
        "x0 has 3 components");
    check_rejected([&] { (void)ns::lbfgs{}.minimize(f, std::vector{1.0, std::nan("")}); }, "x0[1]");
    check_rejected(
        [&] {
            (void)ns::lbfgs{{.m = 0}}.minimize(f, std::vector{1.0, 2.0});
        },
        "lbfgs_params::m");
    check_rejected(
        [&] {
            (void)ns::lbfgs{{.stop = {.gtol_rel = -1}}}.minimize(f, std::vector{1.0, 2.0});
        },
        "stopping_params::gtol_rel");
    check_rejected(
        [&] {
            (void)ns::adam{{.beta1 = 1.0}}.minimize(f, std::vector{1.0, 2.0});
        },
        "adam_params::beta1");
    check_rejected(
        [&] {
            (void)ns::lbfgs{{}, ns::strong_wolfe{.c1 = 0.5, .c2 = 0.1}}.minimize(
                f, std::vector{1.0, 2.0});
        },
        "strong_wolfe::c2");
    check_rejected(
        [&] {
            (void)ns::newton{{.shift_beta = 0}}.minimize(f, std::vector{1.0, 2.0});
        },
        "newton_params::shift_beta");
    check_rejected([&] { (void)ns::gradient_descent{}.minimize(f, std::vector<double>{}); },
                   "x0 is empty");
    distance_to q{{0.8, 0.6, -0.5}};
    check_rejected(
        [&] {
            (void)ns::frank_wolfe{ns::simplex{}}.minimize(q, std::vector{0.5, 0.6, 0.0});
        },
        "x0 is not in the feasible set");
    check_rejected(
        [&] {
            (void)ns::frank_wolfe{ns::simplex{-1.0}}.minimize(q, std::vector{1.0, 0.0, 0.0});
        },
        "simplex::radius");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(honest_status)

BOOST_AUTO_TEST_CASE(nan_everywhere) {
    auto r = ns::lbfgs{}.minimize(nt::always_nan{}, std::array{1.0, 2.0});
    BOOST_TEST(r.status == ns::status::non_finite);
    BOOST_TEST(!r.converged());
    auto a = ns::adam{}.minimize(nt::always_nan{}, std::array{1.0, 2.0});
    BOOST_TEST(a.status == ns::status::non_finite);
}

BOOST_AUTO_TEST_CASE(nan_region_returns_best_finite_iterate) {
    for (int solver = 0; solver < 4; ++solver) {
        const std::array x0{-3.0, 0.5};
        nt::nan_outside f;
        auto r = solver == 0   ? ns::lbfgs{}.minimize(f, x0)
                 : solver == 1 ? ns::gradient_descent{}.minimize(f, x0)
                 : solver == 2 ? ns::bfgs{}.minimize(f, x0)
                               : ns::momentum{{.learning_rate = 0.5}}.minimize(f, x0);
        BOOST_TEST_INFO("solver " << solver << ": " << ns::to_string(r.status) << ": "
                                  << r.message);
        BOOST_TEST(!r.converged());
        BOOST_TEST(r.status == ns::status::non_finite);
        BOOST_TEST(std::isfinite(r.f));
        BOOST_TEST(r.x[0] <= -1.0);
        BOOST_TEST(r.f == f.value(r.x));
    }
}

BOOST_AUTO_TEST_CASE(unbounded_is_never_success) {
    auto r = ns::lbfgs{}.minimize(nt::unbounded{}, std::array{0.0, 1.0});
    BOOST_TEST_INFO(ns::to_string(r.status) << ": " << r.message);
    BOOST_TEST(!r.converged());
    BOOST_TEST(std::isfinite(r.f));
    auto g = ns::gradient_descent{}.minimize(nt::unbounded{}, std::array{0.0, 1.0});
    BOOST_TEST(!g.converged());
}

BOOST_AUTO_TEST_CASE(limits) {
    nt::rosenbrock<double> f;
    auto r = ns::lbfgs{{.stop = {.max_iterations = 3}}}.minimize(f, std::array{-1.2, 1.0});
    BOOST_TEST(r.status == ns::status::iteration_limit);
    BOOST_TEST(r.iterations == 3u);
    BOOST_TEST(!r.converged());
    auto e = ns::lbfgs{{.stop = {.max_evaluations = 10}}}.minimize(f, std::array{-1.2, 1.0});
    BOOST_TEST(e.status == ns::status::evaluation_limit);
    BOOST_TEST(e.f_evals <= 11u);
    // all convergence tests off: only the clock can stop it
    const ns::stopping_params timed{
        .gtol_rel = 0, .max_iterations = 1000000000, .max_seconds = 0.02};
    auto t = ns::momentum{{.stop = timed}}.minimize(f, std::array{-1.2, 1.0});
    BOOST_TEST(t.status == ns::status::time_limit);
    BOOST_TEST(t.seconds >= 0.02);
    BOOST_TEST(t.f < 24.2); // the best iterate so far, not the start
    // the history's times are seconds of the same clock (stamps scaled at the end when no
    // callback reads the time; steady_clock when one does): increasing, the last just before
    // the limit was seen, none after the run's end
    std::size_t calls = 0;
    auto counted = ns::momentum{{.stop = timed}}.minimize(
        f, std::array{-1.2, 1.0}, [&](const ns::iteration_info<double>&) { return ++calls > 0; });
    for (const auto* run : {&t, &counted}) {
        const auto& h = run->history;
        BOOST_TEST_REQUIRE(h.size() == run->iterations + 1);
        BOOST_TEST(h.front().seconds >= 0.0);
        BOOST_TEST(h.front().seconds < 0.01);
        for (std::size_t k = 1; k < h.size(); ++k)
            BOOST_TEST_REQUIRE(h[k].seconds >= h[k - 1].seconds);
        BOOST_TEST(h.back().seconds > 0.015);
        BOOST_TEST(h.back().seconds <= run->seconds);
    }
    BOOST_TEST(calls == counted.iterations + 1);
}

BOOST_AUTO_TEST_CASE(each_convergence_test_names_itself) {
    nt::rosenbrock<double> f;
    const std::array x0{-1.2, 1.0};
    auto a = ns::lbfgs{{.stop = {.gtol_abs = 1e-9, .gtol_rel = 0}}}.minimize(f, x0);
    BOOST_TEST(a.status == ns::status::converged_gradient);
    BOOST_TEST(a.gradient_norm <= 1e-9);
    auto r = ns::lbfgs{{.stop = {.gtol_rel = 1e-6}}}.minimize(f, x0);
    BOOST_TEST(r.status == ns::status::converged_relative_gradient);
    BOOST_TEST(r.gradient_norm <= 1e-6 * std::max(1.0, std::abs(r.f)));
    auto c = ns::lbfgs{{.stop = {.gtol_rel = 0, .ftol_rel = 1e-12, .f_window = 3}}}.minimize(f, x0);
    BOOST_TEST(c.status == ns::status::converged_function_change);
    const auto& h = c.history;
    BOOST_REQUIRE(h.size() > 3);
    BOOST_TEST(std::abs(h[h.size() - 4].f - h.back().f) <=
               1e-12 * std::max(1.0, std::abs(h.back().f)));
    BOOST_TEST(c.f <= 1e-8);
    auto s = ns::lbfgs{{.stop = {.gtol_rel = 0, .xtol = 1e-10}}}.minimize(f, x0);
    BOOST_TEST(s.status == ns::status::converged_step);
    BOOST_TEST(s.history.back().step <= 1e-10 * std::max(1.0, std::hypot(s.x[0], s.x[1])));
    check_point(s, {1, 1}, 1e-6);
}

BOOST_AUTO_TEST_CASE(callback_can_stop_and_printer_prints) {
    nt::rosenbrock<double> f;
    auto r =
        ns::lbfgs{}.minimize(f, std::array{-1.2, 1.0},
                             [](const ns::iteration_info<double>& it) { return it.iteration < 2; });
    BOOST_TEST(r.status == ns::status::user_stop);
    BOOST_TEST(r.iterations == 2u);
    std::ostringstream os;
    auto p = ns::bfgs{}.minimize(f, std::array{-1.2, 1.0}, ns::progress_printer{&os, 5});
    BOOST_TEST(p.converged());
    BOOST_TEST(os.str().find("iter") != std::string::npos);
    BOOST_TEST(os.str().find("2.4200000e+01") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(make_objective_with_generic_lambdas) {
    // f = (x - 2)^2 + 3 (y + 1)^2 with Hessian diag(2, 6)
    auto f = ns::make_objective(
        [](auto x) { return (x[0] - 2) * (x[0] - 2) + 3 * (x[1] + 1) * (x[1] + 1); },
        [](auto x, auto g) {
            g[0] = 2 * (x[0] - 2);
            g[1] = 6 * (x[1] + 1);
            return (x[0] - 2) * (x[0] - 2) + 3 * (x[1] + 1) * (x[1] + 1);
        },
        [](auto x, auto g, auto h) {
            h[0] = 2;
            h[1] = h[2] = 0;
            h[3] = 6;
            g[0] = 2 * (x[0] - 2);
            g[1] = 6 * (x[1] + 1);
            return (x[0] - 2) * (x[0] - 2) + 3 * (x[1] + 1) * (x[1] + 1);
        });
    auto r = ns::newton{}.minimize(f, std::array{10.0, 10.0});
    BOOST_TEST(r.converged());
    check_point(r, {2, -1}, 1e-12);
    BOOST_TEST(r.iterations == 1u);
    auto fl = ns::lbfgs{{.stop = {.gtol_rel = 1e-4}}}.minimize(f, std::array{10.0f, 10.0f});
    BOOST_TEST(fl.converged());
    BOOST_TEST(std::abs(fl.x[0] - 2.0f) <= 1e-3f);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(kernels_and_policies)

// The SIMD kernels against plain loops, for lengths around the batch width (tails included).
BOOST_AUTO_TEST_CASE(vector_ops_match_scalar_loops) {
    for (std::size_t n : {0u, 1u, 3u, 4u, 7u, 8u, 9u, 17u, 33u, 100u}) {
        std::vector<double> a(n), b(n);
        std::vector<float> af(n), bf(n);
        for (std::size_t i = 0; i < n; ++i) {
            a[i] = std::sin(0.7 * static_cast<double>(i)) + 0.1;
            b[i] = std::cos(1.3 * static_cast<double>(i)) - 0.2;
            af[i] = static_cast<float>(a[i]);
            bf[i] = static_cast<float>(b[i]);
        }
        double dot = 0, nrm = 0;
        for (std::size_t i = 0; i < n; ++i) {
            dot += a[i] * b[i];
            nrm += a[i] * a[i];
        }
        BOOST_TEST(ns::dot<double>(a, b) == dot, boost::test_tools::tolerance(1e-12));
        BOOST_TEST(ns::norm2<double>(a) == std::sqrt(nrm), boost::test_tools::tolerance(1e-12));
        BOOST_TEST(ns::dot<float>(af, bf) == static_cast<float>(dot),
                   boost::test_tools::tolerance(1e-4f));
        std::vector<double> y = b, z(n);
        ns::axpy<double>(2.5, a, y);
        ns::add_scaled<double>(b, -1.5, a, z);
        std::vector<float> yf = bf;
        ns::axpy<float>(2.5f, af, yf);
        for (std::size_t i = 0; i < n; ++i) {
            BOOST_TEST(y[i] == b[i] + 2.5 * a[i]);
            BOOST_TEST(z[i] == b[i] - 1.5 * a[i]);
            BOOST_TEST(yf[i] == bf[i] + 2.5f * af[i]);
        }
    }
}

BOOST_AUTO_TEST_CASE(line_search_policies_are_interchangeable) {
    nt::rosenbrock<double> f;
    const std::array x0{-1.2, 1.0};
    auto a = ns::lbfgs{{}, ns::backtracking{}}.minimize(f, x0);
    BOOST_TEST(a.converged());
    check_point(a, {1, 1}, 1e-6);
    auto b = ns::newton{{}, ns::strong_wolfe{}}.minimize(f, x0);
    BOOST_TEST(b.converged());
    check_point(b, {1, 1}, 1e-6);
    auto c = ns::gradient_descent{{}, ns::strong_wolfe{.c2 = 0.5}}.minimize(nt::beale<double>{},
                                                                            std::array{1.0, 1.0});
    BOOST_TEST(c.converged());
    check_point(c, {3, 0.5}, 1e-6);
    auto d =
        ns::bfgs{{.stop = {.record_history = false}}, ns::backtracking{.shrink = 0.3}}.minimize(f,
                                                                                                x0);
    BOOST_TEST(d.converged());
    BOOST_TEST(d.history.empty());
}

BOOST_AUTO_TEST_SUITE_END()
