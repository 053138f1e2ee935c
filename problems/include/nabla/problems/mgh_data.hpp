//! \file
//! \brief Moré–Garbow–Hillstrom problems defined by data points: 9, 11, 12, 16, 18, 20.
#ifndef NABLA_PROBLEMS_MGH_DATA_HPP
#define NABLA_PROBLEMS_MGH_DATA_HPP

#include <nabla/problems/problem.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <span>

namespace nabla::problems {

//! \brief 9. Gaussian, m = 15: \f$ r_i = x_1 e^{-x_2 (t_i - x_3)^2 / 2} - y_i \f$,
//! \f$ t_i = (8 - i)/2 \f$.
constexpr auto gaussian() {
    constexpr std::array<double, 15> y{0.0009, 0.0044, 0.0175, 0.0540, 0.1295,
                                       0.2420, 0.3521, 0.3989, 0.3521, 0.2420,
                                       0.1295, 0.0540, 0.0175, 0.0044, 0.0009};
    const auto r = [&]<std::size_t I>(std::integral_constant<std::size_t, I>) {
        const auto t = c<8 - static_cast<std::intmax_t>(I), 2>;
        return x1 * exp(-x2 * pow(t - x3, 2_c) / 2_c) - y[I - 1];
    };
    return make_problem<3>("Gaussian", 9, 15, sum_of_squares<15>(r), {0.4, 1.0, 0.0}, 1.12793e-8);
}

namespace detail {
//! The data points of Gulf: \f$ t_i = i/100 \f$, \f$ y_i = 25 + (-50 \log t_i)^{2/3} \f$,
//! \f$ i = 1, \dots, 99 \f$, computed once and kept for the life of the program.
struct gulf_points {
    std::array<double, 99> t;
    std::array<double, 99> y;
};
inline gulf_points const& gulf_data() {
    static const gulf_points points = [] {
        gulf_points p{};
        for (std::size_t i = 0; i != p.t.size(); ++i) {
            p.t[i] = static_cast<double>(i + 1) / 100;
            p.y[i] = 25 + std::pow(-50 * std::log(p.t[i]), 2.0 / 3.0);
        }
        return p;
    }();
    return points;
}
} // namespace detail

//! \brief 11. Gulf research and development, m = 99:
//! \f$ r_i = e^{-|y_i - x_2|^{x_3} / x_1} - t_i \f$, \f$ t_i = i/100 \f$,
//! \f$ y_i = 25 + (-50 \log t_i)^{2/3} \f$; a sum over the 99 rows of the columns `t`, `y`.
inline auto gulf() {
    constexpr col<"t"> t;
    constexpr col<"y"> y;
    const detail::gulf_points& points = detail::gulf_data();
    const auto f = sum_rows(pow(exp(-pow(abs(y - x2), x3) / x1) - t, 2_c));
    return make_problem<3>(
        "Gulf research and development", 11, 99, f, {5.0, 2.5, 0.15}, 0.0,
        dataset(t = std::span<const double>(points.t), y = std::span<const double>(points.y)));
}

//! \brief 12. Box three-dimensional, m = 10:
//! \f$ r_i = e^{-t_i x_1} - e^{-t_i x_2} - x_3 (e^{-t_i} - e^{-10 t_i}) \f$, \f$ t_i = i/10 \f$.
inline auto box_3d() {
    const auto r = []<std::size_t I>(std::integral_constant<std::size_t, I>) {
        const auto t = c<static_cast<std::intmax_t>(I), 10>;
        const double scale = std::exp(-t.value) - std::exp(-10 * t.value);
        return exp(-t * x1) - exp(-t * x2) - x3 * scale;
    };
    return make_problem<3>("Box three-dimensional", 12, 10, sum_of_squares<10>(r),
                           {0.0, 10.0, 20.0}, 0.0);
}

//! \brief 16. Brown and Dennis, m = 20:
//! \f$ r_i = (x_1 + t_i x_2 - e^{t_i})^2 + (x_3 + x_4 \sin t_i - \cos t_i)^2 \f$, \f$ t_i = i/5
//! \f$.
inline auto brown_dennis() {
    const auto r = []<std::size_t I>(std::integral_constant<std::size_t, I>) {
        const auto t = c<static_cast<std::intmax_t>(I), 5>;
        return pow(x1 + t * x2 - std::exp(t.value), 2_c) +
               pow(x3 + x4 * std::sin(t.value) - std::cos(t.value), 2_c);
    };
    return make_problem<4>("Brown and Dennis", 16, 20, sum_of_squares<20>(r),
                           {25.0, 5.0, -5.0, -1.0}, 85822.2);
}

//! \brief 18. Biggs EXP6, m = 13:
//! \f$ r_i = x_3 e^{-t_i x_1} - x_4 e^{-t_i x_2} + x_6 e^{-t_i x_5} - y_i \f$, \f$ t_i = i/10 \f$,
//! \f$ y_i = e^{-t_i} - 5 e^{-10 t_i} + 3 e^{-4 t_i} \f$. Standard solvers may end at the local
//! minimum 5.65565e-3.
inline auto biggs_exp6() {
    const auto r = []<std::size_t I>(std::integral_constant<std::size_t, I>) {
        const auto t = c<static_cast<std::intmax_t>(I), 10>;
        const double y =
            std::exp(-t.value) - 5 * std::exp(-10 * t.value) + 3 * std::exp(-4 * t.value);
        return x3 * exp(-t * x1) - x4 * exp(-t * x2) + x6 * exp(-t * x5) - y;
    };
    return with_local_minimum(make_problem<6>("Biggs EXP6", 18, 13, sum_of_squares<13>(r),
                                              {1.0, 2.0, 1.0, 1.0, 1.0, 1.0}, 0.0),
                              5.65565e-3);
}

namespace detail {
//! The data points of Watson: \f$ t_i = i/29 \f$, \f$ i = 1, \dots, 29 \f$.
inline std::array<double, 29> const& watson_data() {
    static const std::array<double, 29> t = [] {
        std::array<double, 29> p{};
        for (std::size_t i = 0; i != p.size(); ++i)
            p[i] = static_cast<double>(i + 1) / 29;
        return p;
    }();
    return t;
}
} // namespace detail

//! \brief 20. Watson, n = 6, m = 31: for \f$ t_i = i/29 \f$, \f$ i \le 29 \f$,
//! \f$ r_i = \sum_{j=2}^{n} (j-1) x_j t_i^{j-2} - (\sum_{j=1}^{n} x_j t_i^{j-1})^2 - 1 \f$;
//! \f$ r_{30} = x_1 \f$, \f$ r_{31} = x_2 - x_1^2 - 1 \f$. The first 29 residuals are a sum over
//! the rows of the column `t`, their polynomials in Horner form.
inline auto watson() {
    constexpr col<"t"> t;
    const auto value_sum = x1 + t * (x2 + t * (x3 + t * (x4 + t * (x5 + t * x6))));
    const auto derivative_sum =
        x2 + t * (2_c * x3 + t * (3_c * x4 + t * (4_c * x5 + t * 5_c * x6)));
    const auto f = sum_rows(pow(derivative_sum - pow(value_sum, 2_c) - 1_c, 2_c)) + pow(x1, 2_c) +
                   pow(x2 - pow(x1, 2_c) - 1_c, 2_c);
    return make_problem<6>("Watson", 20, 31, f, {0.0, 0.0, 0.0, 0.0, 0.0, 0.0}, 2.28767e-3,
                           dataset(t = std::span<const double>(detail::watson_data())));
}

} // namespace nabla::problems

#endif // NABLA_PROBLEMS_MGH_DATA_HPP
