//! \file
//! \brief Derivative rules for exp, expm1, log and log1p.
#ifndef NABLA_SYMBOLIC_DIFF_EXPONENTIAL_HPP
#define NABLA_SYMBOLIC_DIFF_EXPONENTIAL_HPP

#include <nabla/symbolic/diff/fwd.hpp>
#include <nabla/symbolic/op/exponential.hpp>

namespace nabla {

//! \brief \f$ (e^u)' = e^u u' \f$: the derivative reuses the node, so \f$ e^u \f$ is computed once.
template <>
struct derivative_rule<exp_op> {
    //! \f$ f'(u) \f$.
    template <class Node>
    static constexpr auto outer(Node const& node) {
        return node;
    }
};

//! \brief \f$ (e^u - 1)' = (\operatorname{expm1} u + 1) u' \f$, sharing the node.
template <>
struct derivative_rule<expm1_op> {
    //! \f$ f'(u) \f$.
    template <class Node>
    static constexpr auto outer(Node const& node) {
        return detail::make_add(node, one_t{});
    }
};

//! \brief \f$ (\log u)' = u^{-1} u' \f$.
template <>
struct derivative_rule<log_op> {
    //! \f$ f'(u) \f$.
    template <class Node>
    static constexpr auto outer(Node const& node) {
        return detail::make_pow(node.arg, rational<-1>{});
    }
};

//! \brief \f$ (\log(1 + u))' = (1 + u)^{-1} u' \f$.
template <>
struct derivative_rule<log1p_op> {
    //! \f$ f'(u) \f$.
    template <class Node>
    static constexpr auto outer(Node const& node) {
        return detail::make_pow(detail::make_add(one_t{}, node.arg), rational<-1>{});
    }
};

} // namespace nabla

#endif // NABLA_SYMBOLIC_DIFF_EXPONENTIAL_HPP
