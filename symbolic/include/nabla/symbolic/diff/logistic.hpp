//! \file
//! \brief Derivative rules for sigmoid and softplus.
#ifndef NABLA_SYMBOLIC_DIFF_LOGISTIC_HPP
#define NABLA_SYMBOLIC_DIFF_LOGISTIC_HPP

#include <nabla/symbolic/diff/fwd.hpp>
#include <nabla/symbolic/op/logistic.hpp>

namespace nabla {

//! \brief \f$ \sigma(u)' = \sigma(u) (1 - \sigma(u))\, u' \f$, sharing the node.
template <>
struct derivative_rule<sigmoid_op> {
    //! \f$ f'(u) \f$.
    template <class Node>
    static constexpr auto outer(Node const& node) {
        return detail::make_mul(node, detail::make_sub(one_t{}, node));
    }
};

//! \brief \f$ \operatorname{softplus}(u)' = \sigma(u)\, u' \f$.
template <>
struct derivative_rule<softplus_op> {
    //! \f$ f'(u) \f$.
    template <class Node>
    static constexpr auto outer(Node const& node) {
        return detail::make_unary<sigmoid_op>(node.arg);
    }
};

} // namespace nabla

#endif // NABLA_SYMBOLIC_DIFF_LOGISTIC_HPP
