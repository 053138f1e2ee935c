//! \file
//! \brief Canonical forms of function applications: exact values at exact arguments
//! (\f$ e^0 = 1 \f$, \f$ \sin 0 = 0 \f$, \f$ |{-3}| = 3 \f$) and inverse pairs such as
//! \f$ \log e^u = u \f$.
#ifndef NABLA_SYMBOLIC_SIMPLIFY_FUNCTIONS_HPP
#define NABLA_SYMBOLIC_SIMPLIFY_FUNCTIONS_HPP

#include <nabla/symbolic/expr/traits.hpp>
#include <nabla/symbolic/op/exponential.hpp>
#include <nabla/symbolic/op/logistic.hpp>
#include <nabla/symbolic/op/piecewise.hpp>
#include <nabla/symbolic/op/trigonometric.hpp>

namespace nabla::detail {

//! Functions whose value at the exact zero is the exact zero.
template <class Op>
inline constexpr bool zero_at_zero_v =
    std::is_same_v<Op, expm1_op> || std::is_same_v<Op, log1p_op> || std::is_same_v<Op, sin_op> ||
    std::is_same_v<Op, tan_op> || std::is_same_v<Op, atan_op> || std::is_same_v<Op, tanh_op> ||
    std::is_same_v<Op, abs_op> || std::is_same_v<Op, sign_op>;

//! \f$ f(a) \f$ for a unary operation, in canonical form.
template <class Op, class A>
constexpr auto make_unary(A const& a) {
    if constexpr (is_zero_v<A> && zero_at_zero_v<Op>) {
        return zero_t{};
    } else if constexpr (is_zero_v<A> &&
                         (std::is_same_v<Op, exp_op> || std::is_same_v<Op, cos_op>)) {
        return one_t{};
    } else if constexpr (is_zero_v<A> &&
                         (std::is_same_v<Op, sigmoid_op> || std::is_same_v<Op, heaviside_op>)) {
        return rational<1, 2>{};
    } else if constexpr (is_one_v<A> && std::is_same_v<Op, log_op>) {
        return zero_t{};
    } else if constexpr (is_rational_v<A> && std::is_same_v<Op, abs_op>) {
        return rational<(A::num < 0 ? -A::num : A::num), A::den>{};
    } else if constexpr (is_rational_v<A> && std::is_same_v<Op, sign_op>) {
        return rational<(A::num > 0) - (A::num < 0)>{};
    } else if constexpr (is_rational_v<A> && std::is_same_v<Op, heaviside_op>) {
        return rational<(A::num > 0 ? 1 : 0)>{};
    } else if constexpr (std::is_same_v<Op, log_op> && requires { typename A::op_type; }) {
        if constexpr (std::is_same_v<typename A::op_type, exp_op>) {
            return a.arg; // log(exp(u)) = u for every real u
        } else {
            return unary<Op, A>{a};
        }
    } else if constexpr (std::is_same_v<Op, abs_op> && requires { typename A::op_type; }) {
        if constexpr (std::is_same_v<typename A::op_type, abs_op>) {
            return a;
        } else {
            return unary<Op, A>{a};
        }
    } else {
        return unary<Op, A>{a};
    }
}

//! \f$ f(a, b) \f$ for `min` and `max`, in canonical form: \f$ \max(a, a) = a \f$.
template <class Op, class A, class B>
constexpr auto make_binary(A const& a, B const& b) {
    if constexpr (std::is_same_v<A, B>) { // equal types are equal values, constants included
        return a;
    } else {
        return binary<Op, A, B>{a, b};
    }
}

} // namespace nabla::detail

#endif // NABLA_SYMBOLIC_SIMPLIFY_FUNCTIONS_HPP
