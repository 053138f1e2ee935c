//! \file
//! \brief Small type-list utilities with constant-depth lookups, for the evaluation plan.
//!
//! Lookups go through overload resolution on an indexed set of bases, so finding a type's
//! position or the type at a position costs no recursion: instantiation depth stays flat in the
//! number of nodes, which keeps plans of several hundred nodes cheap to compile.
#ifndef NABLA_SYMBOLIC_EXPR_TYPE_LIST_HPP
#define NABLA_SYMBOLIC_EXPR_TYPE_LIST_HPP

#include <array>
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

template <class... Ts>
struct type_set : tag<Ts>... {};

template <class Seq, class... Ts>
struct index_map_impl;
template <std::size_t... Is, class... Ts>
struct index_map_impl<std::index_sequence<Is...>, Ts...> : indexed<Is, Ts>... {};

template <class L>
struct index_map;
template <class... Ts>
struct index_map<type_list<Ts...>> : index_map_impl<std::index_sequence_for<Ts...>, Ts...> {};

template <class T, std::size_t I>
constexpr std::size_t position_of(indexed<I, T> const*) {
    return I;
}
template <std::size_t I, class T>
tag<T> type_of(indexed<I, T> const*);

//! The position of \p T in the duplicate-free list \p L.
template <class T, class L>
inline constexpr std::size_t index_of_v = position_of<T>(static_cast<index_map<L> const*>(nullptr));

//! The type at position \p I of \p L.
template <std::size_t I, class L>
using type_at_t = typename decltype(type_of<I>(static_cast<index_map<L> const*>(nullptr)))::type;

//! True when \p T is in the duplicate-free list \p L.
template <class T, class L>
inline constexpr bool contains_v = false;
template <class T, class... Ts>
inline constexpr bool contains_v<T, type_list<Ts...>> = std::is_base_of_v<tag<T>, type_set<Ts...>>;

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

template <class A, class B, class Kept>
struct append_missing_impl;
template <class... As, class B, std::size_t... Ks>
struct append_missing_impl<type_list<As...>, B, std::index_sequence<Ks...>> {
    using type = type_list<As..., type_at_t<Ks, B>...>;
};

template <bool... Missing>
constexpr auto kept_positions() {
    constexpr std::array<bool, sizeof...(Missing)> missing{Missing...};
    // A loop, not a fold: clang nests a fold once per element and stops at 256 (a plan of a
    // 5-weight logistic Hessian already has more nodes).
    constexpr std::size_t count = [](auto const& m) {
        std::size_t c = 0;
        for (bool b : m)
            c += b ? 1 : 0;
        return c;
    }(missing);
    std::array<std::size_t, count> kept{};
    std::size_t n = 0;
    for (std::size_t i = 0; i != missing.size(); ++i)
        if (missing[i])
            kept[n++] = i;
    return kept;
}

template <class A, class B>
struct append_missing;
template <class... As, class... Bs>
struct append_missing<type_list<As...>, type_list<Bs...>> {
    static constexpr auto kept = kept_positions<!contains_v<Bs, type_list<As...>>...>();
    template <std::size_t... Js>
    static auto select(std::index_sequence<Js...>)
        -> append_missing_impl<type_list<As...>, type_list<Bs...>,
                               std::index_sequence<kept[Js]...>>;
    using type = typename decltype(select(std::make_index_sequence<kept.size()>{}))::type;
};
//! \p A followed by the elements of \p B that \p A lacks, in order: a union that keeps
//! children before parents when both lists do.
template <class A, class B>
using append_missing_t = typename append_missing<A, B>::type;

} // namespace nabla::detail

#endif // NABLA_SYMBOLIC_EXPR_TYPE_LIST_HPP
