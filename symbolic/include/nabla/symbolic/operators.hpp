//! \file
//! \brief What users write: operators, numeric literals and math functions on expressions.
//!
//! Everything here lives in namespace `nabla` and takes at least one expression, so argument-
//! dependent lookup finds it unqualified: `pow(1.0 - x, 2) + 100 * pow(y - x * x, 2)`.
//! A plain number meeting an expression becomes a runtime constant; `c<N, D>` and `N_c` are
//! exact constants that fold at compile time.
#ifndef NABLA_SYMBOLIC_OPERATORS_HPP
#define NABLA_SYMBOLIC_OPERATORS_HPP

#include <nabla/symbolic/simplify/functions.hpp>
#include <nabla/symbolic/simplify/linear_algebra.hpp>
#include <nabla/symbolic/simplify/product.hpp>

#include <utility>

namespace nabla {

namespace detail {
//! Brings two operands built independently into one expression: a number becomes a constant
//! with a fresh identity, and the right expression's constants are renumbered past the left's,
//! so that equal types keep meaning equal values.
template <class A, class B>
constexpr auto join(A const& a, B const& b) {
    if constexpr (!expression<A>) {
        return std::pair{constant<next_id_v<B>>{static_cast<double>(a)}, b};
    } else if constexpr (!expression<B>) {
        return std::pair{a, constant<next_id_v<A>>{static_cast<double>(b)}};
    } else {
        return std::pair{a, shift_ids<next_id_v<A>>(b)};
    }
}

template <class A, class B>
concept mixed_operands = operand<A> && operand<B> &&(expression<A> || expression<B>);
} // namespace detail

//! \brief \f$ a + b \f$.
template <class A, class B>
requires detail::mixed_operands<A, B>
constexpr auto operator+(A const& a, B const& b) {
    auto [l, r] = detail::join(a, b);
    return detail::make_add(l, r);
}

//! \brief \f$ a - b \f$.
template <class A, class B>
requires detail::mixed_operands<A, B>
constexpr auto operator-(A const& a, B const& b) {
    auto [l, r] = detail::join(a, b);
    return detail::make_sub(l, r);
}

//! \brief \f$ a b \f$, element by element (a scalar broadcasts); a matrix times a vector is
//! the matrix-vector product \f$ W x \f$.
template <class A, class B>
requires detail::mixed_operands<A, B>
constexpr auto operator*(A const& a, B const& b) {
    auto [l, r] = detail::join(a, b);
    if constexpr (expression<A> && expression<B>) {
        if constexpr (is_matrix_v<A> && is_vector_v<B>) {
            return detail::make_matvec(l, r);
        } else {
            return detail::make_mul(l, r);
        }
    } else {
        return detail::make_mul(l, r);
    }
}

//! \brief \f$ a / b \f$.
template <class A, class B>
requires detail::mixed_operands<A, B>
constexpr auto operator/(A const& a, B const& b) {
    auto [l, r] = detail::join(a, b);
    return detail::make_div(l, r);
}

//! \brief \f$ -a \f$.
template <expression A>
constexpr auto operator-(A const& a) {
    return detail::make_neg(a);
}

//! \brief \f$ +a \f$: \p a itself.
template <expression A>
constexpr A operator+(A const& a) {
    return a;
}

//! \brief \f$ a^b \f$ for an expression or number \p b: `pow(x, 2)`, `pow(x, 0.5)`,
//! `pow(x, c<1, 3>)` (exact), `pow(x, y)`. For a runtime exponent, integers are evaluated by
//! multiplication, anything else through `pow`.
template <class A, class B>
requires detail::mixed_operands<A, B>
constexpr auto pow(A const& a, B const& b) {
    auto [l, r] = detail::join(a, b);
    return detail::make_pow(l, r);
}

//! \brief \f$ \sqrt{a} \f$, the power with the exact exponent 1/2.
template <expression A>
constexpr auto sqrt(A const& a) {
    return detail::make_pow(a, rational<1, 2>{});
}

//! \brief \f$ \sqrt[3]{a} \f$, the real cube root (defined for negative \p a): the power with
//! the exact exponent 1/3.
template <expression A>
constexpr auto cbrt(A const& a) {
    return detail::make_pow(a, rational<1, 3>{});
}

// Each function's documentation sits above its line: a comment inside the macro would be
// removed before expansion, and TeX passed as a macro argument makes clang warn on every '$'.
//! \brief Defines the free function `function(a)` that builds the node `unary<op, A>`.
#define NABLA_DEFINE_UNARY_FUNCTION(function, op)                                                  \
    template <expression A>                                                                        \
    constexpr auto function(A const& a) {                                                          \
        return detail::make_unary<op>(a);                                                          \
    }

//! \brief \f$ e^a \f$.
NABLA_DEFINE_UNARY_FUNCTION(exp, exp_op)
//! \brief \f$ e^a - 1 \f$.
NABLA_DEFINE_UNARY_FUNCTION(expm1, expm1_op)
//! \brief \f$ \log a \f$ (natural).
NABLA_DEFINE_UNARY_FUNCTION(log, log_op)
//! \brief \f$ \log(1 + a) \f$.
NABLA_DEFINE_UNARY_FUNCTION(log1p, log1p_op)
//! \brief \f$ \sin a \f$.
NABLA_DEFINE_UNARY_FUNCTION(sin, sin_op)
//! \brief \f$ \cos a \f$.
NABLA_DEFINE_UNARY_FUNCTION(cos, cos_op)
//! \brief \f$ \tan a \f$.
NABLA_DEFINE_UNARY_FUNCTION(tan, tan_op)
//! \brief \f$ \arctan a \f$.
NABLA_DEFINE_UNARY_FUNCTION(atan, atan_op)
//! \brief \f$ \tanh a \f$.
NABLA_DEFINE_UNARY_FUNCTION(tanh, tanh_op)
//! \brief \f$ \sigma(a) = 1 / (1 + e^{-a}) \f$.
NABLA_DEFINE_UNARY_FUNCTION(sigmoid, sigmoid_op)
//! \brief \f$ \log(1 + e^{a}) \f$ without overflow.
NABLA_DEFINE_UNARY_FUNCTION(softplus, softplus_op)
//! \brief \f$ |a| \f$; derivative \f$ \operatorname{sgn} a \f$.
NABLA_DEFINE_UNARY_FUNCTION(abs, abs_op)
//! \brief \f$ \operatorname{sgn} a \f$ with \f$ \operatorname{sgn} 0 = 0 \f$.
NABLA_DEFINE_UNARY_FUNCTION(sign, sign_op)
//! \brief Heaviside step \f$ H(a) \f$ with \f$ H(0) = 1/2 \f$.
NABLA_DEFINE_UNARY_FUNCTION(heaviside, heaviside_op)

#undef NABLA_DEFINE_UNARY_FUNCTION

//! \brief \f$ \min(a, b) \f$; at a tie its derivative is the mean of the two derivatives.
template <class A, class B>
requires detail::mixed_operands<A, B>
constexpr auto min(A const& a, B const& b) {
    auto [l, r] = detail::join(a, b);
    return detail::make_binary<min_op>(l, r);
}

//! \brief \f$ \max(a, b) \f$; at a tie its derivative is the mean of the two derivatives.
template <class A, class B>
requires detail::mixed_operands<A, B>
constexpr auto max(A const& a, B const& b) {
    auto [l, r] = detail::join(a, b);
    return detail::make_binary<max_op>(l, r);
}

} // namespace nabla

#endif // NABLA_SYMBOLIC_OPERATORS_HPP
