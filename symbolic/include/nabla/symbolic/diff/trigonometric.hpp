//! \file
//! \brief Derivative rules for sin, cos, tan, atan and tanh.
#ifndef NABLA_SYMBOLIC_DIFF_TRIGONOMETRIC_HPP
#define NABLA_SYMBOLIC_DIFF_TRIGONOMETRIC_HPP

#include <nabla/symbolic/diff/fwd.hpp>
#include <nabla/symbolic/op/trigonometric.hpp>

namespace nabla {

//! \brief \f$ (\sin u)' = \cos(u)\, u' \f$.
template <>
struct derivative_rule<sin_op> {
    //! \f$ f'(u) \f$.
    template <class Node>
    static constexpr auto outer(Node const& node) {
        return detail::make_unary<cos_op>(node.arg);
    }
};

//! \brief \f$ (\cos u)' = -\sin(u)\, u' \f$.
template <>
struct derivative_rule<cos_op> {
    //! \f$ f'(u) \f$.
    template <class Node>
    static constexpr auto outer(Node const& node) {
        return detail::make_neg(detail::make_unary<sin_op>(node.arg));
    }
};

//! \brief \f$ (\tan u)' = (1 + \tan^2 u)\, u' \f$, sharing the node.
template <>
struct derivative_rule<tan_op> {
    //! \f$ f'(u) \f$.
    template <class Node>
    static constexpr auto outer(Node const& node) {
        return detail::make_add(one_t{}, detail::make_pow(node, rational<2>{}));
    }
};

//! \brief \f$ (\arctan u)' = (1 + u^2)^{-1} u' \f$.
template <>
struct derivative_rule<atan_op> {
    //! \f$ f'(u) \f$.
    template <class Node>
    static constexpr auto outer(Node const& node) {
        return detail::make_pow(
            detail::make_add(one_t{}, detail::make_pow(node.arg, rational<2>{})), rational<-1>{});
    }
};

//! \brief \f$ (\tanh u)' = (1 - \tanh^2 u)\, u' \f$, sharing the node.
template <>
struct derivative_rule<tanh_op> {
    //! \f$ f'(u) \f$.
    template <class Node>
    static constexpr auto outer(Node const& node) {
        return detail::make_sub(one_t{}, detail::make_pow(node, rational<2>{}));
    }
};

} // namespace nabla

#endif // NABLA_SYMBOLIC_DIFF_TRIGONOMETRIC_HPP
