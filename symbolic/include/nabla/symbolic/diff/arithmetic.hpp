//! \file
//! \brief Derivative rules for sums, products and powers.
#ifndef NABLA_SYMBOLIC_DIFF_ARITHMETIC_HPP
#define NABLA_SYMBOLIC_DIFF_ARITHMETIC_HPP

#include <nabla/symbolic/diff/fwd.hpp>
#include <nabla/symbolic/op/exponential.hpp>

namespace nabla {

//! \brief \f$ (a + b)' = a' + b' \f$.
template <>
struct derivative_rule<add_op> {
    //! The derivative of \p node with respect to \p V.
    template <class V, class Node>
    static constexpr auto apply(Node const& node) {
        return detail::make_add(detail::diff<V>(node.lhs), detail::diff<V>(node.rhs));
    }
};

//! \brief \f$ (a b)' = a' b + a b' \f$; along a product chain this is the product rule for
//! every factor, each factor differentiated once.
template <>
struct derivative_rule<mul_op> {
    //! The derivative of \p node with respect to \p V.
    template <class V, class Node>
    static constexpr auto apply(Node const& node) {
        return detail::make_add(detail::make_mul(detail::diff<V>(node.lhs), node.rhs),
                                detail::make_mul(node.lhs, detail::diff<V>(node.rhs)));
    }
};

//! \brief Powers. For a constant exponent \f$ c \f$ (exact or runtime):
//! \f$ (u^c)' = c\, u^{c - 1} u' \f$. For an expression exponent:
//! \f$ (u^v)' = u^v (v' \log u + v u' / u) \f$.
template <>
struct derivative_rule<pow_op> {
    //! The derivative of \p node with respect to \p V.
    template <class V, class Node>
    static constexpr auto apply(Node const& node) {
        using detail::make_add;
        using detail::make_mul;
        using detail::make_pow;
        using Exponent = decltype(node.rhs);
        if constexpr (is_rational_v<Exponent>) {
            using lowered = rational_add_t<Exponent, rational<-1>>;
            return make_mul(make_mul(Exponent{}, make_pow(node.lhs, lowered{})),
                            detail::diff<V>(node.lhs));
        } else if constexpr (is_constant_expr_v<Exponent>) {
            const auto lowered = make_add(node.rhs, rational<-1>{});
            return make_mul(make_mul(node.rhs, make_pow(node.lhs, lowered)),
                            detail::diff<V>(node.lhs));
        } else {
            const auto du = detail::diff<V>(node.lhs);
            const auto dv = detail::diff<V>(node.rhs);
            const auto log_term = make_mul(dv, detail::make_unary<log_op>(node.lhs));
            const auto base_term =
                make_mul(node.rhs, make_mul(du, make_pow(node.lhs, rational<-1>{})));
            return make_mul(node, make_add(log_term, base_term));
        }
    }
};

} // namespace nabla

#endif // NABLA_SYMBOLIC_DIFF_ARITHMETIC_HPP
