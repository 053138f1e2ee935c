//! \file
//! \brief Forward derivative rules of the vector operations and of reductions over data rows:
//! each is linear or bilinear, so its derivative is the operation applied to derivatives.
//!
//! With respect to a scalar symbol these give the partial derivative; with respect to a
//! `direction<S>` they give the directional derivative along it, which is how
//! `hessian_vector` differentiates a gradient.
#ifndef NABLA_SYMBOLIC_DIFF_LINEAR_ALGEBRA_HPP
#define NABLA_SYMBOLIC_DIFF_LINEAR_ALGEBRA_HPP

#include <nabla/symbolic/diff/fwd.hpp>
#include <nabla/symbolic/op/exponential.hpp>
#include <nabla/symbolic/simplify/linear_algebra.hpp>

namespace nabla {

//! \brief \f$ (a^\top b)' = a'^\top b + a^\top b' \f$.
template <>
struct derivative_rule<dot_op> {
    //! The derivative of \p node with respect to \p V.
    template <class V, class Node>
    static constexpr auto apply(Node const& node) {
        using namespace detail;
        return make_add(make_dot(diff<V>(node.lhs), node.rhs),
                        make_dot(node.lhs, diff<V>(node.rhs)));
    }
};

//! \brief \f$ (\sum_k v_k)' = \sum_k v_k' \f$.
template <>
struct derivative_rule<sum_op> {
    //! The derivative of \p node with respect to \p V.
    template <class V, class Node>
    static constexpr auto apply(Node const& node) {
        return detail::make_sum(detail::diff<V>(node.arg));
    }
};

//! \brief \f$ (\log \sum_k e^{v_k})' = \operatorname{softmax}(v)^\top v' \f$ with
//! \f$ \operatorname{softmax}(v) = e^{v - \operatorname{logsumexp}(v)} \f$, sharing the node.
template <>
struct derivative_rule<logsumexp_op> {
    //! The softmax of the operand, \f$ \partial \operatorname{logsumexp}(v) / \partial v \f$.
    template <class Node>
    static constexpr auto softmax(Node const& node) {
        return detail::make_unary<exp_op>(detail::make_sub(node.arg, node));
    }
    //! The derivative of \p node with respect to \p V.
    template <class V, class Node>
    static constexpr auto apply(Node const& node) {
        return detail::make_dot(softmax(node), detail::diff<V>(node.arg));
    }
};

//! \brief The derivative of a bilinear map \f$ B(a, b) \f$: \f$ B(a', b) + B(a, b') \f$.
template <class Op>
struct bilinear_derivative_rule {
    //! The derivative of \p node with respect to \p V.
    template <class V, class Node>
    static constexpr auto apply(Node const& node) {
        using namespace detail;
        return make_add(make_linear_map<Op>(diff<V>(node.lhs), node.rhs),
                        make_linear_map<Op>(node.lhs, diff<V>(node.rhs)));
    }
};

//! \brief \f$ (W x)' = W' x + W x' \f$.
template <>
struct derivative_rule<matvec_op> : bilinear_derivative_rule<matvec_op> {};

//! \brief \f$ (W^\top s)' = W'^\top s + W^\top s' \f$.
template <>
struct derivative_rule<transposed_matvec_op> : bilinear_derivative_rule<transposed_matvec_op> {};

//! \brief \f$ (a b^\top)' = a' b^\top + a b'^\top \f$.
template <>
struct derivative_rule<outer_op> : bilinear_derivative_rule<outer_op> {};

//! \brief \f$ \operatorname{fill}(e)' = \operatorname{fill}(e') \f$.
template <class S>
struct derivative_rule<fill_op<S>> {
    //! The derivative of \p node with respect to \p V.
    template <class V, class Node>
    static constexpr auto apply(Node const& node) {
        const auto inner = detail::diff<V>(node.arg);
        if constexpr (is_zero_v<decltype(inner)>) {
            return zero_t{};
        } else {
            return unary<fill_op<S>, std::remove_cvref_t<decltype(inner)>>{inner};
        }
    }
};

//! \brief A mean over rows is linear: \f$ \operatorname{mean}(e)' = \operatorname{mean}(e') \f$
//! (the parameters do not vary with the row).
template <>
struct derivative_rule<mean_op> {
    //! The derivative of \p node with respect to \p V.
    template <class V, class Node>
    static constexpr auto apply(Node const& node) {
        return detail::make_row_reduction<mean_op>(detail::diff<V>(node.arg));
    }
};

//! \brief A sum over rows is linear: \f$ (\sum_i e_i)' = \sum_i e_i' \f$.
template <>
struct derivative_rule<sum_rows_op> {
    //! The derivative of \p node with respect to \p V.
    template <class V, class Node>
    static constexpr auto apply(Node const& node) {
        return detail::make_row_reduction<sum_rows_op>(detail::diff<V>(node.arg));
    }
};

} // namespace nabla

#endif // NABLA_SYMBOLIC_DIFF_LINEAR_ALGEBRA_HPP
