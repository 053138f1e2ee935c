//! \file
//! \brief Exact compile-time constants: integers and rationals as types.
#ifndef NABLA_SYMBOLIC_EXPR_RATIONAL_HPP
#define NABLA_SYMBOLIC_EXPR_RATIONAL_HPP

#include <nabla/symbolic/expr/shape.hpp>

#include <cstdint>
#include <numeric>
#include <type_traits>

namespace nabla {

//! \brief The exact constant \f$ N / D \f$, in lowest terms with \f$ D > 0 \f$.
//!
//! Because the value is in the type, arithmetic on rationals folds at compile time:
//! `d(3_c * x * x, x)` is the type of `6_c * x`. Build one with `c<N, D>` or `N_c`, which
//! normalise; naming `rational` directly requires lowest terms.
template <std::intmax_t N, std::intmax_t D = 1>
struct rational {
    static_assert(D > 0, "nabla::rational: the denominator must be positive");
    static_assert(std::gcd(N, D) == 1, "nabla::rational: use nabla::c<N, D>, which reduces N/D");
    //! Every constant is a scalar.
    using shape = scalar_shape;
    //! The numerator.
    static constexpr std::intmax_t num = N;
    //! The denominator.
    static constexpr std::intmax_t den = D;
    //! The value rounded to double.
    static constexpr double value = static_cast<double>(N) / static_cast<double>(D);
};

namespace detail {
template <std::intmax_t N, std::intmax_t D>
constexpr auto make_rational() {
    static_assert(D != 0, "nabla: a rational constant has a zero denominator");
    constexpr std::intmax_t sign = D < 0 ? -1 : 1;
    constexpr std::intmax_t g = std::gcd(N, D) == 0 ? 1 : std::gcd(N, D);
    return rational<sign * N / g, sign * D / g>{};
}

//! Overflow-checked products and sums, so rational folding never wraps silently.
constexpr std::intmax_t checked_mul(std::intmax_t a, std::intmax_t b) {
    std::intmax_t r{};
    if (__builtin_mul_overflow(a, b, &r))
        throw "nabla: rational constant overflow";
    return r;
}
constexpr std::intmax_t checked_add(std::intmax_t a, std::intmax_t b) {
    std::intmax_t r{};
    if (__builtin_add_overflow(a, b, &r))
        throw "nabla: rational constant overflow";
    return r;
}
} // namespace detail

//! \brief The exact constant \f$ N / D \f$ reduced to lowest terms: `c<1, 2>`, `c<3>`.
template <std::intmax_t N, std::intmax_t D = 1>
inline constexpr auto c = detail::make_rational<N, D>();

//! \brief The type of the exact constant \f$ N / D \f$ in lowest terms.
template <std::intmax_t N, std::intmax_t D = 1>
using rational_t = decltype(detail::make_rational<N, D>());

//! \brief True for the exact constants `rational<N, D>`.
template <class T>
inline constexpr bool is_rational_v = false;
//! \brief An exact constant.
template <std::intmax_t N, std::intmax_t D>
inline constexpr bool is_rational_v<rational<N, D>> = true;

//! \brief The exact zero.
using zero_t = rational<0>;
//! \brief The exact one.
using one_t = rational<1>;

//! \brief \f$ a + b \f$ for two rationals, exactly.
template <class A, class B>
using rational_add_t = rational_t<detail::checked_add(detail::checked_mul(A::num, B::den),
                                                      detail::checked_mul(B::num, A::den)),
                                  detail::checked_mul(A::den, B::den)>;
//! \brief \f$ a b \f$ for two rationals, exactly.
template <class A, class B>
using rational_mul_t =
    rational_t<detail::checked_mul(A::num, B::num), detail::checked_mul(A::den, B::den)>;

//! \brief \f$ -1 \cdot a \f$ for a rational.
template <class A>
using rational_neg_t = rational<-A::num, A::den>;

//! \brief Comparison \f$ a < b \f$ of two rationals.
template <class A, class B>
inline constexpr bool
    rational_less_v = detail::checked_mul(A::num, B::den) < detail::checked_mul(B::num, A::den);

inline namespace literals {
//! \brief `3_c` is the exact integer constant 3, a type: `d(3_c * x * x, x)` is `6_c * x`.
template <char... Digits>
constexpr auto operator""_c() {
    constexpr std::intmax_t value = [] {
        std::intmax_t v = 0;
        for (char ch : {Digits...}) {
            if (ch < '0' || ch > '9')
                throw "nabla: _c takes a decimal integer literal";
            v = detail::checked_add(detail::checked_mul(v, 10), ch - '0');
        }
        return v;
    }();
    return rational<value>{};
}
} // namespace literals

} // namespace nabla

#endif // NABLA_SYMBOLIC_EXPR_RATIONAL_HPP
