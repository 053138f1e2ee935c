// The Moré–Garbow–Hillstrom suite as a test: each problem of problems/ (written in nabla's DSL)
// is minimised from its standard start by the default L-BFGS and by Newton with the generated
// Hessian, and judged by the Moré–Wild test against the minimum values the literature reports.
//
// The generated objective of each problem is put behind one type-erased objective that records
// the value of every evaluation, so the solvers are compiled once (mgh_harness.cpp) and the
// problem translation units compile only the problems' own derivative code.
#ifndef NABLA_TESTS_MGH_HARNESS_HPP
#define NABLA_TESTS_MGH_HARNESS_HPP

#if defined(BOOST_UNIT_TEST_FRAMEWORK_DYN_LINK) && !defined(BOOST_TEST_DYN_LINK)
#define BOOST_TEST_DYN_LINK
#endif
#include <boost/test/unit_test.hpp>

#include <nabla/problems/problem.hpp>

#include <cstddef>
#include <functional>
#include <span>
#include <string_view>
#include <vector>

namespace nabla::test {

// Value, gradient (if g is not empty) and row-major Hessian (if h is not empty) at x.
using evaluator =
    std::function<double(std::span<const double> x, std::span<double> g, std::span<double> h)>;

// An objective for the solvers that records f at every evaluation, in call order.
class traced_objective {
public:
    using scalar_type = double;

    traced_objective(std::size_t n, evaluator e) : n_(n), evaluate_(std::move(e)) {}

    std::size_t dimension() const { return n_; }
    double value(std::span<const double> x) const { return record(evaluate_(x, {}, {})); }
    double value_gradient(std::span<const double> x, std::span<double> g) const {
        return record(evaluate_(x, g, {}));
    }
    double value_gradient_hessian(std::span<const double> x, std::span<double> g,
                                  std::span<double> h) const {
        return record(evaluate_(x, g, h));
    }
    // The values of f, one per evaluation since the last `clear`.
    std::vector<double> const& trace() const { return trace_; }
    void clear() const { trace_.clear(); }

private:
    double record(double f) const {
        trace_.push_back(f);
        return f;
    }
    std::size_t n_;
    evaluator evaluate_;
    mutable std::vector<double> trace_;
};

// What the literature says of a problem.
struct problem_facts {
    std::string_view name;
    int number;
    std::vector<double> start;
    double f_min;   // the global minimum value (or the reported minimum)
    double f_local; // a reported local minimum where solvers end, NaN if none
};

// Runs L-BFGS and Newton on `objective` and checks them with Boost.Test; defined once, in
// mgh_harness.cpp.
void check_mgh_problem(problem_facts const& facts, traced_objective const& objective);

// The traced objective of problem `p`: its generated value, gradient and Hessian. A problem
// over data has Hessian-vector products only; its Hessian is assembled from n of them, along
// the unit vectors.
template <class F, std::size_t N, class Data>
traced_objective trace(problems::problem<F, N, Data> const& p) {
    return traced_objective(N, [o = problems::objective_of(p)](std::span<const double> x,
                                                               std::span<double> g,
                                                               std::span<double> h) {
        if (h.empty())
            return g.empty() ? o.value(x) : o.value_gradient(x, g);
        if constexpr (problems::problem<F, N, Data>::over_data) {
            std::vector<double> unit(N, 0.0);
            for (std::size_t j = 0; j != N; ++j) {
                unit[j] = 1.0;
                o.hessian_vector(x, std::span<const double>(unit),
                                 h.subspan(j * N, N)); // symmetric: column = row
                unit[j] = 0.0;
            }
            return o.value_gradient(x, g);
        } else {
            return o.value_gradient_hessian(x, g, h);
        }
    });
}

// Checks problem `p` (see check_mgh_problem).
template <class P>
void check(P const& p) {
    check_mgh_problem(
        {p.name, p.number, std::vector<double>(p.start.begin(), p.start.end()), p.f_min, p.f_local},
        trace(p));
}

} // namespace nabla::test

//! A test case for the problem `nabla::problems::name()`, with optional Boost.Test decorators.
#define NABLA_MGH_CASE(name, ...)                                                                  \
    BOOST_AUTO_TEST_CASE(name __VA_OPT__(, ) __VA_ARGS__) {                                        \
        nabla::test::check(nabla::problems::name());                                               \
    }

#endif // NABLA_TESTS_MGH_HARNESS_HPP
