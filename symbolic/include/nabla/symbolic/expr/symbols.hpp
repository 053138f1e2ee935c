//! \file
//! \brief The free symbols of an expression, and whether it depends on a given one.
#ifndef NABLA_SYMBOLIC_EXPR_SYMBOLS_HPP
#define NABLA_SYMBOLIC_EXPR_SYMBOLS_HPP

#include <nabla/symbolic/expr/traits.hpp>
#include <nabla/symbolic/expr/type_list.hpp>

#include <utility>

namespace nabla {

namespace detail {
template <class T, class... Ts>
constexpr type_list<T, Ts...> prepend(type_list<Ts...>) {
    return {};
}
template <class... Bs>
constexpr type_list<Bs...> merge_by_name(type_list<>, type_list<Bs...>) {
    return {};
}
template <class A, class... As>
constexpr type_list<A, As...> merge_by_name(type_list<A, As...>, type_list<>) {
    return {};
}
//! Merges two name-sorted lists of symbols, dropping repeats (lazily: one branch per step).
template <class A, class... As, class B, class... Bs>
constexpr auto merge_by_name(type_list<A, As...>, type_list<B, Bs...>) {
    // by name, then by kind: var<"x"> and vec<"x"> are two symbols
    constexpr auto a = std::pair{A::name(), symbol_kind_v<A>};
    constexpr auto b = std::pair{B::name(), symbol_kind_v<B>};
    if constexpr (a < b) {
        return prepend<A>(merge_by_name(type_list<As...>{}, type_list<B, Bs...>{}));
    } else if constexpr (b < a) {
        return prepend<B>(merge_by_name(type_list<A, As...>{}, type_list<Bs...>{}));
    } else {
        return prepend<A>(merge_by_name(type_list<As...>{}, type_list<Bs...>{}));
    }
}

//! The union of two name-sorted lists of symbols.
template <class... As, class... Bs>
constexpr auto operator|(type_list<As...> a, type_list<Bs...> b) {
    return merge_by_name(a, b);
}

//! The union of any number of name-sorted lists, two at a time (a fold of more than 256 lists
//! would exceed clang's nesting limit).
template <class... Ls>
struct union_of {
    using type = type_list<>;
};
template <class L>
struct union_of<L> {
    using type = L;
};
template <class L1, class L2, class... Rest>
struct union_of<L1, L2, Rest...> {
    using type = typename union_of<decltype(L1{} | L2{}), Rest...>::type;
};

template <class E>
struct symbols_of {
    using type = type_list<>;
};
template <class E>
requires is_symbol_v<E>
struct symbols_of<E> {
    using type = type_list<E>;
};
template <class Op, class A>
struct symbols_of<unary<Op, A>> {
    using type = typename symbols_of<A>::type;
};
template <class Op, class A, class B>
struct symbols_of<binary<Op, A, B>> {
    using type =
        decltype(merge_by_name(typename symbols_of<A>::type{}, typename symbols_of<B>::type{}));
};
} // namespace detail

//! \brief The symbols that occur in \p E, without repeats, sorted by name: the order in which
//! `gradient(f)` and `hessian(f)` take them when no symbols are listed.
template <class E>
using free_symbols_t = typename detail::symbols_of<E>::type;

//! \brief True when the symbol \p V occurs in \p E. A derivative with respect to a symbol that
//! does not occur is the exact zero without a single rule being instantiated.
template <class E, class V>
inline constexpr bool depends_on_v = std::is_same_v<E, V>;
//! \brief A unary node depends on what its operand depends on.
template <class Op, class A, class V>
inline constexpr bool depends_on_v<unary<Op, A>, V> = depends_on_v<A, V>;
//! \brief A binary node depends on what either operand depends on.
template <class Op, class A, class B, class V>
inline constexpr bool depends_on_v<binary<Op, A, B>, V> = depends_on_v<A, V> || depends_on_v<B, V>;

//! \brief True when a data symbol (`row`, `col`) occurs in \p E: \p E takes a value per data
//! row.
template <class E>
inline constexpr bool depends_on_data_v = is_data_symbol_v<E>;
//! \brief A unary node depends on data when its operand does.
//! \brief A unary node depends on the data when its operand does.
template <class Op, class A>
inline constexpr bool depends_on_data_v<unary<Op, A>> = depends_on_data_v<A>;
//! \brief A binary node depends on data when either operand does.
//! \brief A binary node depends on the data when an operand does.
template <class Op, class A, class B>
inline constexpr bool depends_on_data_v<binary<Op, A, B>> =
    depends_on_data_v<A> || depends_on_data_v<B>;

//! \brief True when every node of \p E is a scalar and no data symbol occurs: what the scalar
//! evaluator (`eval(f, x = ...)`) evaluates. Vectors, matrices and data go through
//! `<nabla/data.hpp>`.
template <class E>
inline constexpr bool is_scalar_level_v = is_scalar_v<E> && !is_data_symbol_v<E>;
//! \brief A unary node is scalar-level when it and its operand are.
template <class Op, class A>
inline constexpr bool is_scalar_level_v<unary<Op, A>> =
    is_scalar_v<unary<Op, A>>&& is_scalar_level_v<A>;
//! \brief A binary node is scalar-level when it and both operands are.
template <class Op, class A, class B>
inline constexpr bool is_scalar_level_v<binary<Op, A, B>> =
    is_scalar_v<binary<Op, A, B>>&& is_scalar_level_v<A>&& is_scalar_level_v<B>;

} // namespace nabla

#endif // NABLA_SYMBOLIC_EXPR_SYMBOLS_HPP
