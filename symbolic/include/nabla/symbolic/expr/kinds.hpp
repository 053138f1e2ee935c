//! \file
//! \brief Which arithmetic node an expression is: sum, product, power, and their parts.
#ifndef NABLA_SYMBOLIC_EXPR_KINDS_HPP
#define NABLA_SYMBOLIC_EXPR_KINDS_HPP

#include <nabla/symbolic/expr/traits.hpp>
#include <nabla/symbolic/op/arithmetic.hpp>

namespace nabla::detail {

//! True for a sum node.
template <class E>
inline constexpr bool is_sum_v = false;
template <class A, class B>
inline constexpr bool is_sum_v<binary<add_op, A, B>> = true;

//! True for a product node.
template <class E>
inline constexpr bool is_product_v = false;
template <class A, class B>
inline constexpr bool is_product_v<binary<mul_op, A, B>> = true;

//! True for a power node.
template <class E>
inline constexpr bool is_power_v = false;
template <class A, class B>
inline constexpr bool is_power_v<binary<pow_op, A, B>> = true;

//! True for a power with an exact rational exponent.
template <class E>
inline constexpr bool has_rational_exponent_v = false;
template <class A, class B>
inline constexpr bool has_rational_exponent_v<binary<pow_op, A, B>> = is_rational_v<B>;

//! True for a product that starts with an exact rational coefficient.
template <class E>
inline constexpr bool has_rational_coefficient_v = false;
template <class A, class B>
inline constexpr bool has_rational_coefficient_v<binary<mul_op, A, B>> = is_rational_v<A>;

//! True for a unary node.
template <class E>
inline constexpr bool is_unary_v = false;
template <class Op, class A>
inline constexpr bool is_unary_v<unary<Op, A>> = true;

} // namespace nabla::detail

#endif // NABLA_SYMBOLIC_EXPR_KINDS_HPP
