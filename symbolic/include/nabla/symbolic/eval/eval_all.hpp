//! \file
//! \brief `nabla::eval_all` and `nabla::eval_gradient`: value, gradient (and Hessian) at a point
//! given by position, in one pass that shares every common subexpression.
#ifndef NABLA_SYMBOLIC_EVAL_EVAL_ALL_HPP
#define NABLA_SYMBOLIC_EVAL_EVAL_ALL_HPP

#include <nabla/symbolic/eval/eval.hpp>

#include <boost/hana/concat.hpp>

#include <stdexcept>
#include <string>

namespace nabla {

namespace detail {

template <class V, class... Vs>
constexpr std::size_t wrt_position() {
    constexpr std::array<bool, sizeof...(Vs)> same{std::is_same_v<V, Vs>...};
    for (std::size_t i = 0; i != same.size(); ++i)
        if (same[i])
            return i;
    return sizeof...(Vs);
}

template <class Point>
using point_value_t = std::remove_cvref_t<decltype(std::declval<Point const&>()[0])>;

template <std::size_t N, class Point>
void check_point_size(Point const& point) {
    if constexpr (requires { std::tuple_size<Point>::value; }) {
        static_assert(std::tuple_size<Point>::value == N,
                      "nabla::eval_all: the point must have one coordinate per symbol in wrt(...)");
    } else {
        if (point.size() != N)
            throw std::invalid_argument(
                "nabla::eval_all: the point has " + std::to_string(point.size()) +
                " coordinates, wrt(...) lists " + std::to_string(N) + " symbols");
    }
}

//! Inputs for a plan: symbols of \p Vs by position in \p point, any other from \p extra.
template <class T, class... Vs, class Point, class... Bs>
auto positional_inputs(wrt_t<Vs...>, Point const& point, Bs const&... extra) {
    return [&point, &extra...]<class V>() -> T {
        constexpr std::size_t k = wrt_position<V, Vs...>();
        if constexpr (k < sizeof...(Vs)) {
            return T(point[k]);
        } else {
            return bound_value<T, V>(extra...);
        }
    };
}

template <class... Bs, class... Vs>
constexpr void check_positional(wrt_t<Vs...>) {
    static_assert((is_binding_v<Bs> && ...),
                  "nabla::eval_all: after the point, pass bindings such as z = 1.0");
    static_assert(no_name_twice<Bs...>(), "nabla::eval_all: a symbol is bound twice");
    static_assert(((binding_count_v<Vs, Bs...> == 0) && ...),
                  "nabla::eval_all: a symbol listed in wrt(...) is also bound by name");
}

template <class V, class... Vs, class... Bs>
constexpr bool positional_bound() {
    return wrt_position<V, Vs...>() < sizeof...(Vs) || binding_count_v<V, Bs...> == 1;
}
template <class... Ss, class... Vs, class... Bs>
constexpr bool all_positional_bound(type_list<Ss...>, wrt_t<Vs...>, type_list<Bs...>) {
    return (positional_bound<Ss, Vs..., Bs...>() && ...);
}

} // namespace detail

//! \brief Value, gradient and Hessian of \p f with respect to the symbols of \p w, at \p point
//! (their values by position), in one pass: every subexpression shared by \f$ f \f$,
//! \f$ \nabla f \f$ and \f$ \nabla^2 f \f$ is computed once.
//! \code
//! auto [value, grad, hess] = nabla::eval_all(f, nabla::wrt(x, y), std::array{1.5, 2.0});
//! \endcode
//! Symbols of \p f not listed in \p w are bound by name after the point.
template <expression F, class... Vs, class Point, class... Bs>
NABLA_ALWAYS_INLINE auto eval_all(F const& f, wrt_t<Vs...> w, Point const& point,
                                  Bs const&... extra) {
    constexpr std::size_t n = sizeof...(Vs);
    using T = detail::point_value_t<Point>;
    detail::check_positional<Bs...>(w);
    constexpr bool complete =
        detail::all_positional_bound(free_symbols_t<F>{}, w, detail::type_list<Bs...>{});
    static_assert(complete,
                  "nabla::eval_all: a symbol of the expression has no value; list it in "
                  "wrt(...) or bind it after the point, e.g. eval_all(f, wrt(x), p, z = 2.0)");
    if constexpr (complete) {
        detail::check_point_size<n>(point);
        // Only the derivatives' types are needed: building them at run time would copy each
        // constant of f into every entry, work the optimiser does not always remove.
        using G = decltype(gradient(f, w));
        using H = decltype(hessian(f, w));
        const auto inputs = detail::positional_inputs<T>(w, point, extra...);
        return detail::run_plan_of<T>(
            detail::concat_t<detail::type_list<F>, detail::elements_of_t<G>,
                             detail::elements_of_t<H>>{},
            inputs,
            [](auto const& s) {
                // outputs: f, then the gradient, then the Hessian's upper triangle
                return evaluation<T, n>{detail::result_of_eval<F, T, 0>::read(s),
                                        detail::result_of_eval<G, T, 1>::read(s),
                                        detail::result_of_eval<H, T, 1 + n>::read(s)};
            },
            f);
    }
}

//! \brief Value and gradient of \p f with respect to the symbols of \p w at \p point, in one
//! pass (no Hessian is derived): what first-order solvers need.
template <expression F, class... Vs, class Point, class... Bs>
NABLA_ALWAYS_INLINE auto eval_gradient(F const& f, wrt_t<Vs...> w, Point const& point,
                                       Bs const&... extra) {
    constexpr std::size_t n = sizeof...(Vs);
    using T = detail::point_value_t<Point>;
    detail::check_positional<Bs...>(w);
    constexpr bool complete =
        detail::all_positional_bound(free_symbols_t<F>{}, w, detail::type_list<Bs...>{});
    static_assert(complete, "nabla::eval_gradient: a symbol of the expression has no value; list "
                            "it in wrt(...) or bind it after the point");
    if constexpr (complete) {
        detail::check_point_size<n>(point);
        using G = decltype(gradient(f, w)); // types only, as in eval_all
        const auto inputs = detail::positional_inputs<T>(w, point, extra...);
        return detail::run_plan_of<T>(
            detail::concat_t<detail::type_list<F>, detail::elements_of_t<G>>{}, inputs,
            [](auto const& s) {
                return value_and_gradient<T, n>{detail::result_of_eval<F, T, 0>::read(s),
                                                detail::result_of_eval<G, T, 1>::read(s)};
            },
            f);
    }
}

//! \brief The value of \p f alone at \p point, given by position for the symbols of \p w: what
//! a line search needs between gradient evaluations.
template <expression F, class... Vs, class Point, class... Bs>
auto eval_value(F const& f, wrt_t<Vs...> w, Point const& point, Bs const&... extra) {
    using T = detail::point_value_t<Point>;
    detail::check_positional<Bs...>(w);
    constexpr bool complete =
        detail::all_positional_bound(free_symbols_t<F>{}, w, detail::type_list<Bs...>{});
    static_assert(complete, "nabla::eval_value: a symbol of the expression has no value; list "
                            "it in wrt(...) or bind it after the point");
    if constexpr (complete) {
        detail::check_point_size<sizeof...(Vs)>(point);
        const auto inputs = detail::positional_inputs<T>(w, point, extra...);
        return detail::run_plan<T>(inputs, detail::read_result<F, T>{}, f);
    }
}

} // namespace nabla

#endif // NABLA_SYMBOLIC_EVAL_EVAL_ALL_HPP
