//! \file
//! \brief The benchmark functions, as nabla expressions: 2-D Rosenbrock, the 10-variable
//! extended Rosenbrock (Moré, Garbow and Hillstrom problem 21) and a 5-weight logistic loss.
//! Shared by derivatives.cpp (timings) and node_counts.cpp (sizes).
#ifndef NABLA_BENCH_PROBLEMS_HPP
#define NABLA_BENCH_PROBLEMS_HPP

#include <nabla/nabla.hpp>

#include <array>
#include <cstddef>
#include <utility>

namespace bench {

// ---- 2-D Rosenbrock: (1 - x)^2 + 100 (y - x^2)^2, written as the issue writes it --------------
inline constexpr nabla::var<"x"> x;
inline constexpr nabla::var<"y"> y;
inline constexpr auto rosenbrock2 = pow(1.0 - x, 2) + 100 * pow(y - x * x, 2);
inline constexpr auto rosenbrock2_wrt = nabla::wrt(x, y);

// ---- extended Rosenbrock, n = 10: sum_i 100 (x_{2i} - x_{2i-1}^2)^2 + (1 - x_{2i-1})^2 --------
inline constexpr nabla::var<"x01"> x1;
inline constexpr nabla::var<"x02"> x2;
inline constexpr nabla::var<"x03"> x3;
inline constexpr nabla::var<"x04"> x4;
inline constexpr nabla::var<"x05"> x5;
inline constexpr nabla::var<"x06"> x6;
inline constexpr nabla::var<"x07"> x7;
inline constexpr nabla::var<"x08"> x8;
inline constexpr nabla::var<"x09"> x9;
inline constexpr nabla::var<"x10"> x10;
inline constexpr auto rosenbrock10 =
    100 * pow(x2 - x1 * x1, 2) + pow(1.0 - x1, 2) + 100 * pow(x4 - x3 * x3, 2) + pow(1.0 - x3, 2) +
    100 * pow(x6 - x5 * x5, 2) + pow(1.0 - x5, 2) + 100 * pow(x8 - x7 * x7, 2) + pow(1.0 - x7, 2) +
    100 * pow(x10 - x9 * x9, 2) + pow(1.0 - x9, 2);
inline constexpr auto rosenbrock10_wrt = nabla::wrt(x1, x2, x3, x4, x5, x6, x7, x8, x9, x10);

// ---- logistic loss, 5 weights, 6 data rows: sum_k softplus(-y_k a_k . w) ----------------------
inline constexpr std::size_t logistic_rows = 6;
inline constexpr std::size_t logistic_dim = 5;
inline constexpr std::array<std::array<double, logistic_dim>, logistic_rows> logistic_a{{
    {1.0, 0.5, -1.2, 0.3, 2.0},
    {1.0, -0.7, 0.4, 1.1, -0.5},
    {1.0, 1.5, 0.9, -0.8, 0.2},
    {1.0, -1.1, -0.3, 0.6, 1.4},
    {1.0, 0.2, 1.7, -1.5, -0.9},
    {1.0, 0.8, -0.6, 0.9, 0.7},
}};
inline constexpr std::array<double, logistic_rows> logistic_y{1.0, -1.0, 1.0, -1.0, 1.0, -1.0};

inline constexpr nabla::var<"w0"> w0;
inline constexpr nabla::var<"w1"> w1;
inline constexpr nabla::var<"w2"> w2;
inline constexpr nabla::var<"w3"> w3;
inline constexpr nabla::var<"w4"> w4;

// One row's margin -y_k (a_k . w); the data are runtime constants of the expression.
template <std::size_t K>
constexpr auto logistic_margin() {
    constexpr auto& a = logistic_a[K];
    return -logistic_y[K] * (a[0] * w0 + a[1] * w1 + a[2] * w2 + a[3] * w3 + a[4] * w4);
}
template <std::size_t... K>
constexpr auto logistic_sum(std::index_sequence<K...>) {
    return (softplus(logistic_margin<K>()) + ...);
}
inline constexpr auto logistic = logistic_sum(std::make_index_sequence<logistic_rows>{});
inline constexpr auto logistic_wrt = nabla::wrt(w0, w1, w2, w3, w4);

} // namespace bench

#endif // NABLA_BENCH_PROBLEMS_HPP
