//! \file
//! \brief Moré–Garbow–Hillstrom problems with few residuals: 1, 2, 3, 4, 5, 7, 13, 14, 21, 22.
//!
//! J. J. Moré, B. S. Garbow, K. E. Hillstrom, Testing unconstrained optimization software,
//! ACM TOMS 7 (1981) 17–41. Each function is \f$ f(x) = \sum_i r_i(x)^2 \f$ with the paper's
//! residuals, start and minimum.
#ifndef NABLA_PROBLEMS_MGH_SMALL_HPP
#define NABLA_PROBLEMS_MGH_SMALL_HPP

#include <nabla/problems/problem.hpp>

#include <numbers>

namespace nabla::problems {

//! \brief 1. Rosenbrock: \f$ r_1 = 10(x_2 - x_1^2) \f$, \f$ r_2 = 1 - x_1 \f$.
constexpr auto rosenbrock() {
    return make_problem<2>("Rosenbrock", 1, 2, pow(10_c * (x2 - x1 * x1), 2_c) + pow(1_c - x1, 2_c),
                           {-1.2, 1.0}, 0.0);
}

//! \brief 2. Freudenstein and Roth: \f$ r_1 = -13 + x_1 + ((5 - x_2) x_2 - 2) x_2 \f$,
//! \f$ r_2 = -29 + x_1 + ((x_2 + 1) x_2 - 14) x_2 \f$. Standard solvers end at the local
//! minimum 48.9842.
constexpr auto freudenstein_roth() {
    const auto r1 = -13_c + x1 + ((5_c - x2) * x2 - 2_c) * x2;
    const auto r2 = -29_c + x1 + ((x2 + 1_c) * x2 - 14_c) * x2;
    return with_local_minimum(make_problem<2>("Freudenstein and Roth", 2, 2,
                                              pow(r1, 2_c) + pow(r2, 2_c), {0.5, -2.0}, 0.0),
                              48.9842);
}

//! \brief 3. Powell badly scaled: \f$ r_1 = 10^4 x_1 x_2 - 1 \f$,
//! \f$ r_2 = e^{-x_1} + e^{-x_2} - 1.0001 \f$.
constexpr auto powell_badly_scaled() {
    const auto r1 = 10000_c * x1 * x2 - 1_c;
    const auto r2 = exp(-x1) + exp(-x2) - c<10001, 10000>;
    return make_problem<2>("Powell badly scaled", 3, 2, pow(r1, 2_c) + pow(r2, 2_c), {0.0, 1.0},
                           0.0);
}

//! \brief 4. Brown badly scaled: \f$ r_1 = x_1 - 10^6 \f$, \f$ r_2 = x_2 - 2 \cdot 10^{-6} \f$,
//! \f$ r_3 = x_1 x_2 - 2 \f$.
constexpr auto brown_badly_scaled() {
    const auto f =
        pow(x1 - 1000000_c, 2_c) + pow(x2 - c<2, 1000000>, 2_c) + pow(x1 * x2 - 2_c, 2_c);
    return make_problem<2>("Brown badly scaled", 4, 3, f, {1.0, 1.0}, 0.0);
}

//! \brief 5. Beale: \f$ r_i = y_i - x_1 (1 - x_2^i) \f$, \f$ y = (1.5, 2.25, 2.625) \f$.
constexpr auto beale() {
    const auto f = pow(c<3, 2> - x1 * (1_c - x2), 2_c) +
                   pow(c<9, 4> - x1 * (1_c - pow(x2, 2_c)), 2_c) +
                   pow(c<21, 8> - x1 * (1_c - pow(x2, 3_c)), 2_c);
    return make_problem<2>("Beale", 5, 3, f, {1.0, 1.0}, 0.0);
}

//! \brief 7. Helical valley: \f$ r_1 = 10 (x_3 - 10 \theta) \f$,
//! \f$ r_2 = 10 (\sqrt{x_1^2 + x_2^2} - 1) \f$, \f$ r_3 = x_3 \f$, with
//! \f$ 2\pi\theta = \arctan(x_2 / x_1) \f$, plus \f$ \pi \f$ where \f$ x_1 < 0 \f$ (the step
//! \f$ H(-x_1) \f$; \f$ \theta \f$ is undefined at \f$ x_1 = 0 \f$, as in the paper).
constexpr auto helical_valley() {
    const auto theta = atan(x2 / x1) / (2 * std::numbers::pi) + c<1, 2> * heaviside(-x1);
    const auto f = pow(10_c * (x3 - 10_c * theta), 2_c) +
                   pow(10_c * (sqrt(x1 * x1 + x2 * x2) - 1_c), 2_c) + pow(x3, 2_c);
    return make_problem<3>("Helical valley", 7, 3, f, {-1.0, 0.0, 0.0}, 0.0);
}

//! \brief Powell's singular function on \f$ (a, b, c, d) \f$:
//! \f$ (a + 10b)^2 + 5(c - d)^2 + (b - 2c)^4 + 10(a - d)^4 \f$.
template <class A, class B, class C, class D>
constexpr auto powell_block(A a, B b, C cc, D d) {
    return pow(a + 10_c * b, 2_c) + 5_c * pow(cc - d, 2_c) + pow(b - 2_c * cc, 4_c) +
           10_c * pow(a - d, 4_c);
}

//! \brief 13. Powell singular; its Hessian is singular at the minimum 0.
constexpr auto powell_singular() {
    return make_problem<4>("Powell singular", 13, 4, powell_block(x1, x2, x3, x4),
                           {3.0, -1.0, 0.0, 1.0}, 0.0);
}

//! \brief 14. Wood: \f$ 100(x_2 - x_1^2)^2 + (1 - x_1)^2 + 90(x_4 - x_3^2)^2 + (1 - x_3)^2 +
//! 10(x_2 + x_4 - 2)^2 + (x_2 - x_4)^2 / 10 \f$.
constexpr auto wood() {
    const auto f = 100_c * pow(x2 - x1 * x1, 2_c) + pow(1_c - x1, 2_c) +
                   90_c * pow(x4 - x3 * x3, 2_c) + pow(1_c - x3, 2_c) +
                   10_c * pow(x2 + x4 - 2_c, 2_c) + c<1, 10> * pow(x2 - x4, 2_c);
    return make_problem<4>("Wood", 14, 6, f, {-3.0, -1.0, -3.0, -1.0}, 0.0);
}

//! \brief 21. Extended Rosenbrock, n = 10: five independent Rosenbrock pairs.
constexpr auto extended_rosenbrock() {
    const auto pair = [](auto a, auto b) {
        return 100_c * pow(b - a * a, 2_c) + pow(1_c - a, 2_c);
    };
    const auto f = pair(x1, x2) + pair(x3, x4) + pair(x5, x6) + pair(x7, x8) + pair(x9, x10);
    return make_problem<10>("Extended Rosenbrock", 21, 10, f,
                            {-1.2, 1.0, -1.2, 1.0, -1.2, 1.0, -1.2, 1.0, -1.2, 1.0}, 0.0);
}

//! \brief 22. Extended Powell singular, n = 12: three independent Powell blocks.
constexpr auto extended_powell_singular() {
    const auto f = powell_block(x1, x2, x3, x4) + powell_block(x5, x6, x7, x8) +
                   powell_block(x9, x10, x11, x12);
    return make_problem<12>("Extended Powell singular", 22, 12, f,
                            {3.0, -1.0, 0.0, 1.0, 3.0, -1.0, 0.0, 1.0, 3.0, -1.0, 0.0, 1.0}, 0.0);
}

} // namespace nabla::problems

#endif // NABLA_PROBLEMS_MGH_SMALL_HPP
