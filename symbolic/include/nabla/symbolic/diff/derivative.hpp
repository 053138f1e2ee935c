//! \file
//! \brief The chain-rule driver and `nabla::d`, the derivative of an expression as an expression.
#ifndef NABLA_SYMBOLIC_DIFF_DERIVATIVE_HPP
#define NABLA_SYMBOLIC_DIFF_DERIVATIVE_HPP

#include <nabla/symbolic/diff/arithmetic.hpp>
#include <nabla/symbolic/diff/exponential.hpp>
#include <nabla/symbolic/diff/linear_algebra.hpp>
#include <nabla/symbolic/diff/logistic.hpp>
#include <nabla/symbolic/diff/piecewise.hpp>
#include <nabla/symbolic/diff/trigonometric.hpp>
#include <nabla/symbolic/expr/symbols.hpp>

namespace nabla {

namespace detail {
//! The symbol a derivative is taken along: \p V itself, or the symbol of a direction.
template <class V>
struct varied_symbol {
    using type = V;
};
template <class S>
struct varied_symbol<direction<S>> {
    using type = S;
};

template <class V, class E>
constexpr auto diff(E const& e) {
    using S = typename varied_symbol<V>::type;
    if constexpr (!depends_on_v<E, S>) {
        return zero_t{}; // constants, other symbols, and any subtree free of S
    } else if constexpr (is_symbol_v<E>) {
        if constexpr (std::is_same_v<V, S>) {
            static_assert(is_scalar_v<V>,
                          "nabla::d: the derivative with respect to a vector or matrix symbol is "
                          "a gradient: use nabla::gradient(f, w), or nabla::hessian_vector");
            return one_t{};
        } else {
            return V{}; // along a direction: dS = V
        }
    } else if constexpr (requires { e.arg; } &&
                         std::is_base_of_v<elementwise, typename E::op_type>) {
        const auto inner = diff<V>(e.arg);
        return make_mul(derivative_rule<typename E::op_type>::outer(e), inner);
    } else {
        return derivative_rule<typename E::op_type>::template apply<V>(e);
    }
}
} // namespace detail

//! \brief \f$ \partial f / \partial v \f$: the derivative of \p f with respect to the symbol
//! \p v, simplified, as an expression (a new type) that can be printed, evaluated or
//! differentiated again.
//! \code
//! constexpr nabla::var<"x"> x;
//! constexpr auto f = 3_c * x * x;
//! static_assert(std::is_same_v<decltype(nabla::d(f, x)), decltype(6_c * x)>);
//! \endcode
template <expression F, class V>
constexpr auto d(F const& f, V const&) {
    static_assert(symbol<V>, "nabla::d: the second argument must be a symbol such as "
                             "nabla::var<\"x\">, not an expression or a number");
    if constexpr (symbol<V>) {
        return detail::diff<V>(f);
    }
}

//! \brief The \p Order-th derivative \f$ \partial^n f / \partial v^n \f$, by repeating `d`.
template <std::size_t Order, expression F, class V>
constexpr auto d(F const& f, V const& v) {
    if constexpr (Order == 0) {
        return f;
    } else {
        return d<Order - 1>(d(f, v), v);
    }
}

} // namespace nabla

#endif // NABLA_SYMBOLIC_DIFF_DERIVATIVE_HPP
