//! \file
//! \brief Canonical powers: \f$ u^0 = 1 \f$, \f$ u^1 = u \f$, exact folding of rational powers,
//! and \f$ (u^a)^b = u^{ab} \f$ where that keeps the domain.
#ifndef NABLA_SYMBOLIC_SIMPLIFY_POWER_HPP
#define NABLA_SYMBOLIC_SIMPLIFY_POWER_HPP

#include <nabla/symbolic/expr/kinds.hpp>
#include <nabla/symbolic/expr/traits.hpp>

namespace nabla::detail {

//! True when \f$ x^{A} \f$ and \f$ x^{B} \f$ are defined for the same real \f$ x \f$: an even
//! root needs \f$ x \ge 0 \f$, an odd root or an integer power does not. Rewrites such as
//! \f$ \sqrt{x}^2 \to x \f$ would turn a NaN into a number, so they are made only when this holds.
template <class A, class B>
inline constexpr bool same_real_domain_v = (A::den % 2 == 0) == (B::den % 2 == 0);

//! \f$ R^N \f$ for an exact rational and a non-negative integer, overflow-checked.
template <class R, std::intmax_t N>
constexpr auto rational_power() {
    if constexpr (N == 0) {
        return one_t{};
    } else {
        return rational_mul_t<R, decltype(rational_power<R, N - 1>())>{};
    }
}

//! The power \f$ b^e \f$ in canonical form.
template <class B, class E>
constexpr auto make_pow(B const& b, E const& e) {
    if constexpr (is_rational_v<E>) {
        if constexpr (is_zero_v<E>) {
            return one_t{};
        } else if constexpr (is_one_v<E>) {
            return b;
        } else if constexpr (is_rational_v<B>) {
            if constexpr (E::den == 1 && E::num > 0 && E::num <= 64) {
                return rational_power<B, E::num>();
            } else if constexpr (E::den == 1 && E::num < 0 && E::num >= -64 && B::num != 0) {
                return rational_power<rational_t<B::den, B::num>, -E::num>();
            } else {
                return binary<pow_op, B, E>{b, e};
            }
        } else if constexpr (has_rational_exponent_v<B> && E::den == 1) {
            using inner = decltype(b.rhs);
            if constexpr (same_real_domain_v<inner, rational_mul_t<inner, E>>) {
                return make_pow(b.lhs, rational_mul_t<inner, E>{});
            } else {
                return binary<pow_op, B, E>{b, e};
            }
        } else {
            return binary<pow_op, B, E>{b, e};
        }
    } else {
        return binary<pow_op, B, E>{b, e};
    }
}

} // namespace nabla::detail

#endif // NABLA_SYMBOLIC_SIMPLIFY_POWER_HPP
