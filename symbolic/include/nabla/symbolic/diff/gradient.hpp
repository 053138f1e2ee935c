//! \file
//! \brief `nabla::gradient`, `nabla::hessian` and `nabla::wrt`: derivatives with respect to
//! several symbols, as compile-time collections of expressions.
#ifndef NABLA_SYMBOLIC_DIFF_GRADIENT_HPP
#define NABLA_SYMBOLIC_DIFF_GRADIENT_HPP

#include <nabla/symbolic/diff/adjoint.hpp>
#include <nabla/symbolic/diff/derivative.hpp>
#include <nabla/symbolic/expr/collection.hpp>

#include <boost/hana/at.hpp>
#include <boost/hana/tuple.hpp>
#include <boost/hana/unpack.hpp>

#include <utility>

namespace nabla {

//! \brief An ordered list of distinct symbols to differentiate with respect to: `wrt(x, y)`.
template <class... Vs>
struct wrt_t {
    //! The number of symbols.
    static constexpr std::size_t size = sizeof...(Vs);
};

namespace detail {
template <class T>
inline constexpr bool is_wrt_v = false;
template <class... Vs>
inline constexpr bool is_wrt_v<wrt_t<Vs...>> = true;

template <class... Vs>
inline constexpr bool distinct_v = true;
template <class V, class... Vs>
inline constexpr bool distinct_v<V, Vs...> = (!std::is_same_v<V, Vs> && ...) && distinct_v<Vs...>;

template <class... Vs>
constexpr void check_wrt() {
    static_assert((symbol<Vs> && ...), "nabla::wrt: every argument must be a symbol such as "
                                       "nabla::var<\"x\">, not an expression or a number");
    static_assert(distinct_v<Vs...>, "nabla::wrt: a symbol is listed twice");
}

template <class... Vs>
constexpr wrt_t<Vs...> wrt_of(type_list<Vs...>) {
    return {};
}

//! \f$ \partial f / \partial V \f$: forward for a scalar symbol, reverse (an adjoint, a vector
//! or matrix expression) for a vector or matrix symbol.
template <class V, class F>
constexpr auto gradient_element(F const& f) {
    if constexpr (is_scalar_v<V>) {
        return diff<V>(f);
    } else {
        return reverse_gradient<V>(f);
    }
}
} // namespace detail

//! \brief The symbols \p vs, in this order, for `gradient`, `hessian` and `eval_all`.
template <class... Vs>
constexpr wrt_t<std::remove_cvref_t<Vs>...> wrt(Vs const&...) {
    detail::check_wrt<std::remove_cvref_t<Vs>...>();
    return {};
}

//! \brief \f$ \nabla f = (\partial f / \partial v_1, \dots, \partial f / \partial v_n) \f$ as an
//! `expression_vector`.
template <expression F, class... Vs>
constexpr auto gradient(F const& f, wrt_t<Vs...>) {
    static_assert(is_scalar_v<F>, "nabla::gradient: the function must be scalar-valued");
    return expression_vector<decltype(detail::gradient_element<Vs>(f))...>{
        {detail::gradient_element<Vs>(f)...}};
}

//! \brief The gradient with respect to the listed symbols: `gradient(f, x, y)`; with none
//! listed, with respect to every free symbol of \p f sorted by name.
template <expression F, class... Vs>
requires(!(detail::is_wrt_v<Vs> || ...)) constexpr auto gradient(F const& f, Vs const&... vs) {
    if constexpr (sizeof...(Vs) == 0) {
        return gradient(f, detail::wrt_of(free_symbols_t<F>{}));
    } else {
        return gradient(f, wrt(vs...));
    }
}

namespace detail {
template <class... Vs, class G, std::size_t... I, std::size_t... J>
constexpr auto upper_triangle(G const& g, std::index_sequence<I...>, std::index_sequence<J...>) {
    using list = type_list<Vs...>;
    return boost::hana::make_tuple(diff<type_at_t<J, list>>(g.template get<I>())...);
}

// Row-major (i, j) pairs with i <= j, as two parallel index arrays.
template <std::size_t N>
constexpr auto triangle_pairs() {
    std::array<std::size_t, N*(N + 1) / 2> rows{}, cols{};
    std::size_t k = 0;
    for (std::size_t i = 0; i != N; ++i)
        for (std::size_t j = i; j != N; ++j, ++k) {
            rows[k] = i;
            cols[k] = j;
        }
    return std::pair{rows, cols};
}
template <std::size_t N, std::size_t... K>
constexpr auto triangle_sequences(std::index_sequence<K...>) {
    constexpr auto pairs = triangle_pairs<N>();
    return std::pair{std::index_sequence<pairs.first[K]...>{},
                     std::index_sequence<pairs.second[K]...>{}};
}
} // namespace detail

//! \brief The Hessian \f$ \partial^2 f / \partial v_i \partial v_j \f$ as a
//! `symmetric_expression_matrix`: each entry of the upper triangle is derived once, from the
//! gradient, and entries that simplify to zero are structural zeros of the type.
template <expression F, class... Vs>
constexpr auto hessian(F const& f, wrt_t<Vs...> w) {
    static_assert((is_scalar_v<Vs> && ...),
                  "nabla::hessian: the symbols must be scalars; for a vector symbol use "
                  "nabla::hessian_vector, or dense_hessian on a dataset");
    constexpr std::size_t n = sizeof...(Vs);
    const auto g = gradient(f, w);
    constexpr auto seqs = detail::triangle_sequences<n>(std::make_index_sequence<n*(n + 1) / 2>{});
    auto upper = detail::upper_triangle<Vs...>(g, seqs.first, seqs.second);
    return boost::hana::unpack(upper, [](auto const&... entries) {
        return symmetric_expression_matrix<n, std::remove_cvref_t<decltype(entries)>...>{
            {entries...}};
    });
}

//! \brief The Hessian with respect to the listed symbols: `hessian(f, x, y)`; with none listed,
//! with respect to every free symbol of \p f sorted by name.
template <expression F, class... Vs>
requires(!(detail::is_wrt_v<Vs> || ...)) constexpr auto hessian(F const& f, Vs const&... vs) {
    if constexpr (sizeof...(Vs) == 0) {
        return hessian(f, detail::wrt_of(free_symbols_t<F>{}));
    } else {
        return hessian(f, wrt(vs...));
    }
}

} // namespace nabla

#endif // NABLA_SYMBOLIC_DIFF_GRADIENT_HPP
