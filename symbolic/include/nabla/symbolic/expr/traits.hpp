//! \file
//! \brief What counts as an expression, and the structural queries every layer asks of one.
#ifndef NABLA_SYMBOLIC_EXPR_TRAITS_HPP
#define NABLA_SYMBOLIC_EXPR_TRAITS_HPP

#include <nabla/symbolic/expr/constant.hpp>
#include <nabla/symbolic/expr/node.hpp>
#include <nabla/symbolic/expr/rational.hpp>
#include <nabla/symbolic/expr/symbol.hpp>

#include <algorithm>
#include <cstddef>
#include <type_traits>

namespace nabla {

//! \brief True for every expression node type: symbols, constants, unary and binary nodes.
template <class T>
inline constexpr bool is_expression_v =
    is_symbol_v<T> || is_rational_v<T> || is_runtime_constant_v<T>;
//! \brief Unary nodes are expressions.
template <class Op, class A>
inline constexpr bool is_expression_v<unary<Op, A>> = true;
//! \brief Binary nodes are expressions.
template <class Op, class A, class B>
inline constexpr bool is_expression_v<binary<Op, A, B>> = true;

//! \brief A type that is an expression node (cv and references ignored).
template <class T>
concept expression = is_expression_v<std::remove_cvref_t<T>>;

//! \brief An expression or a number that becomes a runtime constant when it meets one.
template <class T>
concept operand = expression<T> || std::is_arithmetic_v<std::remove_cvref_t<T>>;

//! \brief True for \p E with no symbol in it: its value is fixed before any binding.
template <class E>
inline constexpr bool is_constant_expr_v = is_rational_v<E> || is_runtime_constant_v<E>;
//! \brief A unary node is constant when its operand is.
template <class Op, class A>
inline constexpr bool is_constant_expr_v<unary<Op, A>> = is_constant_expr_v<A>;
//! \brief A binary node is constant when both operands are.
template <class Op, class A, class B>
inline constexpr bool is_constant_expr_v<binary<Op, A, B>> =
    is_constant_expr_v<A>&& is_constant_expr_v<B>;

//! \brief True when \p E is the exact zero.
template <class E>
inline constexpr bool is_zero_v = std::is_same_v<E, zero_t>;
//! \brief True when \p E is the exact one.
template <class E>
inline constexpr bool is_one_v = std::is_same_v<E, one_t>;

//! \brief The number of nodes in the tree of \p E, counting repeated subtrees each time.
template <class E>
inline constexpr std::size_t tree_size_v = 1;
//! \brief One node plus its operand.
template <class Op, class A>
inline constexpr std::size_t tree_size_v<unary<Op, A>> = 1 + tree_size_v<A>;
//! \brief One node plus both operands.
template <class Op, class A, class B>
inline constexpr std::size_t tree_size_v<binary<Op, A, B>> = 1 + tree_size_v<A> + tree_size_v<B>;

// ---- constant identities ----------------------------------------------------------------------

//! \brief One past the largest runtime-constant identity in \p E (0 if it has none): the first
//! identity free for a new constant.
template <class E>
inline constexpr std::size_t next_id_v = 0;
//! \brief The constant's own identity, plus one.
template <std::size_t Id>
inline constexpr std::size_t next_id_v<constant<Id>> = Id + 1;
//! \brief The operand's.
template <class Op, class A>
inline constexpr std::size_t next_id_v<unary<Op, A>> = next_id_v<A>;
//! \brief The larger of the operands'.
template <class Op, class A, class B>
inline constexpr std::size_t next_id_v<binary<Op, A, B>> = std::max(next_id_v<A>, next_id_v<B>);

namespace detail {
//! Renumbers the runtime constants of \p e by \p K, so that it can join an expression that
//! already uses identities below \p K. Expressions without runtime constants come back as they
//! are, type and all.
template <std::size_t K, class E>
constexpr auto shift_ids(E const& e) {
    if constexpr (K == 0 || next_id_v<E> == 0) {
        return e;
    } else if constexpr (is_runtime_constant_v<E>) {
        return constant<next_id_v<E> - 1 + K>{e.value};
    } else if constexpr (requires { e.arg; }) {
        using node = unary<typename E::op_type, decltype(shift_ids<K>(e.arg))>;
        return node{shift_ids<K>(e.arg)};
    } else {
        using node = binary<typename E::op_type, decltype(shift_ids<K>(e.lhs)),
                            decltype(shift_ids<K>(e.rhs))>;
        return node{shift_ids<K>(e.lhs), shift_ids<K>(e.rhs)};
    }
}
} // namespace detail

} // namespace nabla

#endif // NABLA_SYMBOLIC_EXPR_TRAITS_HPP
