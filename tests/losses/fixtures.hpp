// Shared by the loss tests: random data, and the checks every model goes through.
#ifndef NABLA_TESTS_LOSSES_FIXTURES_HPP
#define NABLA_TESTS_LOSSES_FIXTURES_HPP

#include <nabla/data.hpp>
#include <nabla/solvers/data_objective.hpp>

#include <boost/multiprecision/cpp_bin_float.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <random>
#include <span>
#include <vector>

namespace nabla_test {

using big = boost::multiprecision::cpp_bin_float_50;

//! Standard normal numbers from a fixed seed.
struct normal_source {
    std::mt19937_64 engine;
    std::normal_distribution<double> normal{0.0, 1.0};
    explicit normal_source(unsigned seed) : engine(seed) {}
    double operator()() { return normal(engine); }
    std::vector<double> vector(std::size_t n, double scale = 1.0) {
        std::vector<double> v(n);
        for (auto& e : v)
            e = scale * normal(engine);
        return v;
    }
    nabla::dense_matrix<double> matrix(std::size_t rows, std::size_t cols) {
        nabla::dense_matrix<double> m(rows, cols);
        for (std::size_t i = 0; i != rows * cols; ++i)
            m.data()[i] = normal(engine);
        return m;
    }
};

//! Checks the objective's gradient at \p x (a) against \p expected, derived by hand, to 1e-12
//! relative, in double; (b) against central differences of the objective's value in 50 digits
//! (step 1e-15, error ~1e-30), to 1e-24, comparing nabla's gradient evaluated in 50 digits: the
//! differences use no derivative rule, so a wrong rule cannot pass.
template <class Objective>
void check_gradient(Objective const& f, std::vector<double> const& x,
                    std::vector<double> const& expected) {
    const std::size_t n = f.dimension();
    BOOST_REQUIRE_EQUAL(x.size(), n);
    std::vector<double> g(n);
    f.value_gradient(std::span<const double>(x), std::span<double>(g));
    for (std::size_t i = 0; i != n; ++i)
        BOOST_TEST(g[i] == expected[i], boost::test_tools::tolerance(1e-12) << "component " << i);

    std::vector<big> xb(x.begin(), x.end()), gb(n);
    f.value_gradient(std::span<const big>(xb), std::span<big>(gb));
    const big h("1e-15");
    for (std::size_t i = 0; i != n; ++i) {
        std::vector<big> plus = xb, minus = xb;
        plus[i] += h;
        minus[i] -= h;
        const big difference =
            (f.value(std::span<const big>(plus)) - f.value(std::span<const big>(minus))) / (2 * h);
        const big scale = std::max(big(1), abs(difference));
        BOOST_TEST(static_cast<double>(abs(gb[i] - difference) / scale) < 1e-24,
                   "component " << i << ": gradient " << gb[i] << " vs differences " << difference);
    }
}

//! Checks \f$ v^\top H v \f$ from the objective's Hessian-vector product against the second
//! difference of its value along \f$ v \f$ in 50 digits (step 1e-12, error ~1e-24).
template <class Objective>
void check_curvature(Objective const& f, std::vector<double> const& x, normal_source& random) {
    const std::size_t n = f.dimension();
    const std::vector<double> v = random.vector(n);
    std::vector<big> xb(x.begin(), x.end()), vb(v.begin(), v.end()), hv(n);
    f.hessian_vector(std::span<const big>(xb), std::span<const big>(vb), std::span<big>(hv));
    big vhv = 0;
    for (std::size_t i = 0; i != n; ++i)
        vhv += vb[i] * hv[i];
    const big h("1e-12");
    std::vector<big> plus = xb, minus = xb;
    for (std::size_t i = 0; i != n; ++i) {
        plus[i] += h * vb[i];
        minus[i] -= h * vb[i];
    }
    const big second =
        (f.value(std::span<const big>(plus)) - 2 * f.value(std::span<const big>(xb)) +
         f.value(std::span<const big>(minus))) /
        (h * h);
    const big scale = std::max(big(1), abs(second));
    BOOST_TEST(static_cast<double>(abs(vhv - second) / scale) < 1e-18,
               "v'Hv " << vhv << " vs second difference " << second);
}

inline double sigmoid(double t) {
    return 1 / (1 + std::exp(-t));
}

} // namespace nabla_test

#endif // NABLA_TESTS_LOSSES_FIXTURES_HPP
