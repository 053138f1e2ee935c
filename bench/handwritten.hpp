//! \file
//! \brief The benchmark functions as a careful engineer writes them by hand: the same formulas,
//! shared subexpressions computed once, results in the same layout as nabla's.
#ifndef NABLA_BENCH_HANDWRITTEN_HPP
#define NABLA_BENCH_HANDWRITTEN_HPP

#include "problems.hpp"

#include <algorithm>
#include <cmath>

namespace bench::hand {

template <std::size_t N>
using point = std::array<double, N>;

inline nabla::value_and_gradient<double, 2> rosenbrock2_gradient(point<2> const& p) {
    const double x = p[0], y = p[1];
    const double a = 1.0 - x, b = y - x * x;
    return {a * a + 100.0 * b * b, {-2.0 * a - 400.0 * x * b, 200.0 * b}};
}

inline nabla::evaluation<double, 2> rosenbrock2_hessian(point<2> const& p) {
    const double x = p[0], y = p[1];
    const double a = 1.0 - x, b = y - x * x;
    nabla::evaluation<double, 2> r;
    r.value = a * a + 100.0 * b * b;
    r.gradient = {-2.0 * a - 400.0 * x * b, 200.0 * b};
    r.hessian(0, 0) = 2.0 - 400.0 * b + 800.0 * x * x;
    r.hessian(0, 1) = r.hessian(1, 0) = -400.0 * x;
    r.hessian(1, 1) = 200.0;
    return r;
}

inline nabla::value_and_gradient<double, 10> rosenbrock10_gradient(point<10> const& p) {
    nabla::value_and_gradient<double, 10> r{};
    for (std::size_t i = 0; i != 10; i += 2) {
        const double x = p[i], y = p[i + 1];
        const double a = 1.0 - x, b = y - x * x;
        r.value += 100.0 * b * b + a * a;
        r.gradient[i] = -400.0 * x * b - 2.0 * a;
        r.gradient[i + 1] = 200.0 * b;
    }
    return r;
}

inline nabla::evaluation<double, 10> rosenbrock10_hessian(point<10> const& p) {
    nabla::evaluation<double, 10> r{}; // the Hessian is block diagonal: zeros elsewhere
    for (std::size_t i = 0; i != 10; i += 2) {
        const double x = p[i], y = p[i + 1];
        const double a = 1.0 - x, b = y - x * x;
        r.value += 100.0 * b * b + a * a;
        r.gradient[i] = -400.0 * x * b - 2.0 * a;
        r.gradient[i + 1] = 200.0 * b;
        r.hessian(i, i) = 2.0 - 400.0 * b + 800.0 * x * x;
        r.hessian(i, i + 1) = r.hessian(i + 1, i) = -400.0 * x;
        r.hessian(i + 1, i + 1) = 200.0;
    }
    return r;
}

// softplus(z) = max(z, 0) + log1p(e^{-|z|}) and sigma(z) from the same e^{-|z|}: one exp a row.
struct logistic_row {
    double softplus, sigmoid, ny;
};
inline logistic_row logistic_eval_row(point<5> const& w, std::size_t k) {
    auto const& a = logistic_a[k];
    const double ny = -logistic_y[k];
    double t = 0.0;
    for (std::size_t j = 0; j != logistic_dim; ++j)
        t += a[j] * w[j];
    const double z = ny * t;
    const double e = std::exp(-std::abs(z));
    const double r = 1.0 / (1.0 + e);
    return {std::max(z, 0.0) + std::log1p(e), z >= 0.0 ? r : e * r, ny};
}

inline nabla::value_and_gradient<double, 5> logistic_gradient(point<5> const& w) {
    nabla::value_and_gradient<double, 5> r{};
    for (std::size_t k = 0; k != logistic_rows; ++k) {
        const auto row = logistic_eval_row(w, k);
        r.value += row.softplus;
        const double c = row.sigmoid * row.ny;
        for (std::size_t j = 0; j != logistic_dim; ++j)
            r.gradient[j] += c * logistic_a[k][j];
    }
    return r;
}

inline nabla::evaluation<double, 5> logistic_hessian(point<5> const& w) {
    nabla::evaluation<double, 5> r{};
    for (std::size_t k = 0; k != logistic_rows; ++k) {
        const auto row = logistic_eval_row(w, k);
        auto const& a = logistic_a[k];
        r.value += row.softplus;
        const double c = row.sigmoid * row.ny;
        const double c2 = row.sigmoid * (1.0 - row.sigmoid) * row.ny * row.ny;
        for (std::size_t i = 0; i != logistic_dim; ++i) {
            r.gradient[i] += c * a[i];
            for (std::size_t j = i; j != logistic_dim; ++j)
                r.hessian(i, j) += c2 * a[i] * a[j];
        }
    }
    for (std::size_t i = 0; i != logistic_dim; ++i)
        for (std::size_t j = 0; j != i; ++j)
            r.hessian(i, j) = r.hessian(j, i);
    return r;
}

} // namespace bench::hand

#endif // NABLA_BENCH_HANDWRITTEN_HPP
