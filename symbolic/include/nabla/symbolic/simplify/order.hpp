//! \file
//! \brief The canonical order of expressions: how commutative operands are sorted.
//!
//! Sorting the terms of every sum and the factors of every product makes structurally equal
//! expressions the same type, whatever order the user wrote them in. The order is structural and
//! compiler-independent (never a mangled name), so printed output is the same everywhere: exact
//! constants, then runtime constants, symbols by name, sums, products, powers, functions.
#ifndef NABLA_SYMBOLIC_SIMPLIFY_ORDER_HPP
#define NABLA_SYMBOLIC_SIMPLIFY_ORDER_HPP

#include <nabla/symbolic/expr/traits.hpp>
#include <nabla/symbolic/op/arithmetic.hpp>

#include <type_traits>

namespace nabla::detail {

template <class E>
inline constexpr int kind_rank = 0; // rationals
template <std::size_t Id>
inline constexpr int kind_rank<constant<Id>> = 1;
template <class E>
requires is_symbol_v<E>
inline constexpr int kind_rank<E> = 2;
template <class A, class B>
inline constexpr int kind_rank<binary<add_op, A, B>> = 3;
template <class A, class B>
inline constexpr int kind_rank<binary<mul_op, A, B>> = 4;
template <class A, class B>
inline constexpr int kind_rank<binary<pow_op, A, B>> = 5;
template <class Op, class A>
inline constexpr int kind_rank<unary<Op, A>> = 6;
template <class Op, class A, class B>
inline constexpr int kind_rank<binary<Op, A, B>> = 7;

constexpr int three_way(auto const& a, auto const& b) {
    return a < b ? -1 : (b < a ? 1 : 0);
}

template <class A, class B>
constexpr int compare_impl();

//! \brief -1, 0 or 1 as \p A sorts before, equal to, or after \p B. Memoised per pair.
template <class A, class B>
inline constexpr int compare_v = compare_impl<A, B>();

template <class A, class B>
constexpr int compare_impl() {
    if constexpr (std::is_same_v<A, B>) {
        return 0;
    } else if constexpr (kind_rank<A> != kind_rank<B>) {
        return three_way(kind_rank<A>, kind_rank<B>);
    } else if constexpr (is_rational_v<A>) {
        return rational_less_v<A, B> ? -1 : 1;
    } else if constexpr (is_runtime_constant_v<A>) {
        return three_way(next_id_v<A>, next_id_v<B>);
    } else if constexpr (is_symbol_v<A>) {
        const int by_name = three_way(A::name(), B::name());
        return by_name != 0 ? by_name : three_way(symbol_kind_v<A>, symbol_kind_v<B>);
    } else if constexpr (requires { typename A::op_type; } && kind_rank<A> == 6) {
        if constexpr (!std::is_same_v<typename A::op_type, typename B::op_type>) {
            return three_way(A::op_type::name, B::op_type::name);
        } else {
            return compare_v<decltype(A::arg), decltype(B::arg)>;
        }
    } else {
        if constexpr (!std::is_same_v<typename A::op_type, typename B::op_type>) {
            return three_way(A::op_type::name, B::op_type::name);
        } else if constexpr (!std::is_same_v<decltype(A::lhs), decltype(B::lhs)>) {
            return compare_v<decltype(A::lhs), decltype(B::lhs)>;
        } else {
            return compare_v<decltype(A::rhs), decltype(B::rhs)>;
        }
    }
}

} // namespace nabla::detail

#endif // NABLA_SYMBOLIC_SIMPLIFY_ORDER_HPP
