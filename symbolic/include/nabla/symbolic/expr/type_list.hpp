//! \file
//! \brief Small type-list utilities: a list, concatenation, and the type at a position.
//!
//! The type at a position is found by overload resolution on an indexed set of bases, so it costs
//! no recursion: instantiation depth stays flat however long the list (a sum's terms, a Hessian's
//! entries).
#ifndef NABLA_SYMBOLIC_EXPR_TYPE_LIST_HPP
#define NABLA_SYMBOLIC_EXPR_TYPE_LIST_HPP

#include <cstddef>
#include <type_traits>
#include <utility>

namespace nabla::detail {

//! A list of types.
template <class... Ts>
struct type_list {
    static constexpr std::size_t size = sizeof...(Ts);
};

template <class T>
struct tag {
    using type = T;
};
template <std::size_t I, class T>
struct indexed {};

template <class Seq, class... Ts>
struct index_map_impl;
template <std::size_t... Is, class... Ts>
struct index_map_impl<std::index_sequence<Is...>, Ts...> : indexed<Is, Ts>... {};

template <class L>
struct index_map;
template <class... Ts>
struct index_map<type_list<Ts...>> : index_map_impl<std::index_sequence_for<Ts...>, Ts...> {};

template <std::size_t I, class T>
tag<T> type_of(indexed<I, T> const*);

//! The type at position \p I of \p L.
template <std::size_t I, class L>
using type_at_t = typename decltype(type_of<I>(static_cast<index_map<L> const*>(nullptr)))::type;

template <class... Ls>
struct concat;
template <class... As>
struct concat<type_list<As...>> {
    using type = type_list<As...>;
};
template <class... As, class... Bs, class... Rest>
struct concat<type_list<As...>, type_list<Bs...>, Rest...> {
    using type = typename concat<type_list<As..., Bs...>, Rest...>::type;
};
//! The concatenation of lists.
template <class... Ls>
using concat_t = typename concat<Ls...>::type;

} // namespace nabla::detail

#endif // NABLA_SYMBOLIC_EXPR_TYPE_LIST_HPP
