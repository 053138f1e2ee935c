//! \file
//! \brief Derivative rules for abs, min, max and the step functions, with the midpoint
//! subgradient convention at kinks (see op/piecewise.hpp).
#ifndef NABLA_SYMBOLIC_DIFF_PIECEWISE_HPP
#define NABLA_SYMBOLIC_DIFF_PIECEWISE_HPP

#include <nabla/symbolic/diff/fwd.hpp>
#include <nabla/symbolic/op/piecewise.hpp>

namespace nabla {

//! \brief \f$ |u|' = \operatorname{sgn}(u)\, u' \f$, 0 at the kink.
template <>
struct derivative_rule<abs_op> {
    //! \f$ f'(u) \f$.
    template <class Node>
    static constexpr auto outer(Node const& node) {
        return detail::make_unary<sign_op>(node.arg);
    }
};

//! \brief \f$ \operatorname{sgn}' = 0 \f$ away from 0 (and by convention at 0).
template <>
struct derivative_rule<sign_op> {
    //! \f$ f'(u) \f$.
    template <class Node>
    static constexpr auto outer(Node const&) {
        return zero_t{};
    }
};

//! \brief \f$ H' = 0 \f$ away from 0 (and by convention at 0).
template <>
struct derivative_rule<heaviside_op> {
    //! \f$ f'(u) \f$.
    template <class Node>
    static constexpr auto outer(Node const&) {
        return zero_t{};
    }
};

//! \brief \f$ \max(a, b)' = H(a - b)\, a' + (1 - H(a - b))\, b' \f$ with \f$ H(0) = 1/2 \f$.
template <>
struct derivative_rule<max_op> {
    //! The derivative of \p node with respect to \p V.
    template <class V, class Node>
    static constexpr auto apply(Node const& node) {
        using namespace detail;
        const auto h = make_unary<heaviside_op>(make_sub(node.lhs, node.rhs));
        return make_add(make_mul(h, diff<V>(node.lhs)),
                        make_mul(make_sub(one_t{}, h), diff<V>(node.rhs)));
    }
};

//! \brief \f$ \min(a, b)' = (1 - H(a - b))\, a' + H(a - b)\, b' \f$ with \f$ H(0) = 1/2 \f$.
template <>
struct derivative_rule<min_op> {
    //! The derivative of \p node with respect to \p V.
    template <class V, class Node>
    static constexpr auto apply(Node const& node) {
        using namespace detail;
        const auto h = make_unary<heaviside_op>(make_sub(node.lhs, node.rhs));
        return make_add(make_mul(make_sub(one_t{}, h), diff<V>(node.lhs)),
                        make_mul(h, diff<V>(node.rhs)));
    }
};

} // namespace nabla

#endif // NABLA_SYMBOLIC_DIFF_PIECEWISE_HPP
