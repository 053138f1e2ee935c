//! \file
//! \brief Moré–Garbow–Hillstrom problems defined for any n, at the paper's sizes: 23, 24, 25,
//! 26, 35.
#ifndef NABLA_PROBLEMS_MGH_FUNCTIONS_HPP
#define NABLA_PROBLEMS_MGH_FUNCTIONS_HPP

#include <nabla/problems/problem.hpp>

#include <cmath>

namespace nabla::problems {

//! \brief 23. Penalty I, n = 4, m = 5: \f$ r_i = \sqrt{a}(x_i - 1) \f$,
//! \f$ r_{n+1} = \sum x_j^2 - 1/4 \f$, \f$ a = 10^{-5} \f$.
constexpr auto penalty_1() {
    const auto a = c<1, 100000>;
    const auto f =
        a * (pow(x1 - 1_c, 2_c) + pow(x2 - 1_c, 2_c) + pow(x3 - 1_c, 2_c) + pow(x4 - 1_c, 2_c)) +
        pow(x1 * x1 + x2 * x2 + x3 * x3 + x4 * x4 - c<1, 4>, 2_c);
    return make_problem<4>("Penalty I", 23, 5, f, {1.0, 2.0, 3.0, 4.0}, 2.24997e-5);
}

//! \brief 24. Penalty II, n = 4, m = 8: \f$ r_1 = x_1 - 0.2 \f$,
//! \f$ r_i = \sqrt{a}(e^{x_i/10} + e^{x_{i-1}/10} - y_i) \f$ for \f$ 2 \le i \le n \f$ with
//! \f$ y_i = e^{i/10} + e^{(i-1)/10} \f$, \f$ r_i = \sqrt{a}(e^{x_{i-n+1}/10} - e^{-1/10}) \f$ for
//! \f$ n < i < 2n \f$, \f$ r_{2n} = \sum_j (n - j + 1) x_j^2 - 1 \f$, \f$ a = 10^{-5} \f$.
inline auto penalty_2() {
    const auto a = c<1, 100000>;
    const auto e = [](auto v) { return exp(v / 10_c); };
    const auto y = [](int i) { return std::exp(i / 10.0) + std::exp((i - 1) / 10.0); };
    const double e1 = std::exp(-0.1);
    const auto f = pow(x1 - c<1, 5>, 2_c) +
                   a * (pow(e(x2) + e(x1) - y(2), 2_c) + pow(e(x3) + e(x2) - y(3), 2_c) +
                        pow(e(x4) + e(x3) - y(4), 2_c) + pow(e(x2) - e1, 2_c) +
                        pow(e(x3) - e1, 2_c) + pow(e(x4) - e1, 2_c)) +
                   pow(4_c * x1 * x1 + 3_c * x2 * x2 + 2_c * x3 * x3 + x4 * x4 - 1_c, 2_c);
    return make_problem<4>("Penalty II", 24, 8, f, {0.5, 0.5, 0.5, 0.5}, 9.37629e-6);
}

//! \brief 25. Variably dimensioned, n = 10, m = 12: \f$ r_i = x_i - 1 \f$,
//! \f$ r_{n+1} = \sum_j j (x_j - 1) \f$, \f$ r_{n+2} = r_{n+1}^2 \f$.
constexpr auto variably_dimensioned() {
    const auto s = [&]<std::size_t... J>(std::index_sequence<J...>) {
        return (... + (c<J + 1> * (x<J + 1> - 1_c)));
    }
    (std::make_index_sequence<10>{});
    const auto squares = [&]<std::size_t... J>(std::index_sequence<J...>) {
        return (... + pow(x<J + 1> - 1_c, 2_c));
    }
    (std::make_index_sequence<10>{});
    return make_problem<10>("Variably dimensioned", 25, 12, squares + pow(s, 2_c) + pow(s, 4_c),
                            {0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.0}, 0.0);
}

//! \brief 26. Trigonometric, n = 10: \f$ r_i = n - \sum_j \cos x_j + i (1 - \cos x_i) - \sin x_i
//! \f$. Standard solvers may end at the local minimum 2.79506e-5.
constexpr auto trigonometric() {
    const auto cosines = [&]<std::size_t... J>(std::index_sequence<J...>) {
        return (... + cos(x<J + 1>));
    }
    (std::make_index_sequence<10>{});
    const auto r = [&]<std::size_t I>(std::integral_constant<std::size_t, I>) {
        return 10_c - cosines + c<I> * (1_c - cos(x<I>)) - sin(x<I>);
    };
    return with_local_minimum(make_problem<10>("Trigonometric", 26, 10, sum_of_squares<10>(r),
                                               {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1},
                                               0.0),
                              2.79506e-5);
}

//! \brief The shifted Chebyshev polynomial \f$ T_K(2x - 1) \f$, by its recurrence.
template <std::size_t K, class X>
constexpr auto shifted_chebyshev(X x) {
    const auto y = 2_c * x - 1_c;
    if constexpr (K == 0) {
        return 1_c;
    } else if constexpr (K == 1) {
        return y;
    } else {
        return 2_c * y * shifted_chebyshev<K - 1>(x) - shifted_chebyshev<K - 2>(x);
    }
}

//! \brief 35. Chebyquad, n = m = 8: \f$ r_i = \frac{1}{n} \sum_j T_i(x_j) - \int_0^1 T_i \f$,
//! with \f$ T_i \f$ the Chebyshev polynomial shifted to [0, 1] (integral 0 for odd i,
//! \f$ -1/(i^2 - 1) \f$ for even i).
constexpr auto chebyquad() {
    const auto r = [&]<std::size_t I>(std::integral_constant<std::size_t, I>) {
        const auto mean = [&]<std::size_t... J>(std::index_sequence<J...>) {
            return (... + shifted_chebyshev<I>(x<J + 1>)) / 8_c;
        }
        (std::make_index_sequence<8>{});
        if constexpr (I % 2 == 0) {
            return mean + c<1, static_cast<std::intmax_t>(I * I - 1)>;
        } else {
            return mean;
        }
    };
    return make_problem<8>("Chebyquad", 35, 8, sum_of_squares<8>(r),
                           {1 / 9.0, 2 / 9.0, 3 / 9.0, 4 / 9.0, 5 / 9.0, 6 / 9.0, 7 / 9.0, 8 / 9.0},
                           3.51687e-3);
}

} // namespace nabla::problems

#endif // NABLA_PROBLEMS_MGH_FUNCTIONS_HPP
