//! \file
//! \brief Reverse-mode symbolic differentiation: the gradient of a scalar expression with
//! respect to a vector or matrix symbol, as a vector or matrix expression.
//!
//! `adjoint<W>(e, s)` is \f$ \nabla_W \langle s, e \rangle \f$: the seed \f$ s \f$ (shaped like
//! \f$ e \f$) is pushed from the root to the leaves, each node handing its operands the seed
//! times its partial derivative (transposed for the linear maps), and the contributions that
//! reach \f$ W \f$ are added. This is back-propagation done on types: the gradient of
//! \f$ \operatorname{softplus}(-y\, w^\top x) \f$ comes out as
//! \f$ -y\, \sigma(-y\, w^\top x)\, x \f$, one vector expression, never one scalar node per
//! element, and the gradient of a layer \f$ \tanh(W x) \f$ as the outer product
//! back-propagation computes.
#ifndef NABLA_SYMBOLIC_DIFF_ADJOINT_HPP
#define NABLA_SYMBOLIC_DIFF_ADJOINT_HPP

#include <nabla/symbolic/diff/derivative.hpp>

#include <type_traits>

namespace nabla::detail {

//! The partial derivatives \f$ (\partial f / \partial a, \partial f / \partial b) \f$ of an
//! element-wise binary operation \f$ f(a, b) \f$ given as `node`, as expressions.
template <class Op>
struct partials;
template <>
struct partials<add_op> {
    template <class Node>
    static constexpr auto get(Node const&) {
        return std::pair{one_t{}, one_t{}};
    }
};
template <>
struct partials<mul_op> {
    template <class Node>
    static constexpr auto get(Node const& node) {
        return std::pair{node.rhs, node.lhs};
    }
};
template <>
struct partials<pow_op> {
    template <class Node>
    static constexpr auto get(Node const& node) {
        // u^v: (v u^(v-1), u^v log u); for a constant exponent the second is never used
        const auto lowered = make_pow(node.lhs, make_add(node.rhs, rational<-1>{}));
        if constexpr (is_constant_expr_v<decltype(node.rhs)>) {
            return std::pair{make_mul(node.rhs, lowered), zero_t{}};
        } else {
            return std::pair{make_mul(node.rhs, lowered),
                             make_mul(node, make_unary<log_op>(node.lhs))};
        }
    }
};
template <>
struct partials<max_op> {
    template <class Node>
    static constexpr auto get(Node const& node) {
        const auto h = make_unary<heaviside_op>(make_sub(node.lhs, node.rhs));
        return std::pair{h, make_sub(one_t{}, h)};
    }
};
template <>
struct partials<min_op> {
    template <class Node>
    static constexpr auto get(Node const& node) {
        const auto h = make_unary<heaviside_op>(make_sub(node.lhs, node.rhs));
        return std::pair{make_sub(one_t{}, h), h};
    }
};

//! A seed fitted to an operand of shape \p Operand: a vector seed reaching a scalar that was
//! broadcast over it is summed.
template <class Operand, class S>
constexpr auto fit_seed(S const& seed) {
    if constexpr (is_scalar_v<Operand> && is_vector_v<S>) {
        return make_sum(seed);
    } else {
        static_assert(!(is_scalar_v<Operand> && is_matrix_v<S>),
                      "nabla::gradient: a scalar broadcast over a matrix is not supported");
        return seed;
    }
}

template <class W, class E, class S>
constexpr auto adjoint(E const& e, S const& seed);

//! The contribution of operand \p c, whose seed \p make_seed builds only when \p c depends on
//! \p W (building seeds for constant subtrees would cost compile time for nothing).
template <class W, class C, class MakeSeed>
constexpr auto adjoint_of_operand(C const& c, MakeSeed const& make_seed) {
    if constexpr (depends_on_v<C, W>) {
        return adjoint<W>(c, fit_seed<C>(make_seed()));
    } else {
        return zero_t{};
    }
}

//! \f$ \nabla_W \langle s, e \rangle \f$, simplified.
template <class W, class E, class S>
constexpr auto adjoint(E const& e, S const& seed) {
    if constexpr (!depends_on_v<E, W>) {
        return zero_t{};
    } else if constexpr (is_symbol_v<E>) {
        return seed;
    } else if constexpr (requires { e.arg; }) {
        using Op = typename E::op_type;
        if constexpr (std::is_base_of_v<elementwise, Op>) {
            return adjoint_of_operand<W>(
                e.arg, [&] { return make_mul(seed, derivative_rule<Op>::outer(e)); });
        } else if constexpr (std::is_same_v<Op, sum_op>) {
            return adjoint<W>(e.arg, seed); // the scalar seed broadcasts
        } else if constexpr (is_fill_v<Op>) {
            return adjoint_of_operand<W>(e.arg, [&] { return seed; }); // summed by fit_seed
        } else if constexpr (std::is_same_v<Op, logsumexp_op>) {
            return adjoint<W>(e.arg, make_mul(seed, derivative_rule<logsumexp_op>::softmax(e)));
        } else {
            static_assert(is_row_reduction_v<Op>, "nabla::gradient: no adjoint rule for this "
                                                  "operation");
            return make_row_reduction<Op>(adjoint<W>(e.arg, seed));
        }
    } else {
        using Op = typename E::op_type;
        if constexpr (std::is_base_of_v<elementwise, Op>) {
            // a pair, not a structured binding: clang 14 cannot capture those in a lambda
            const auto parts = partials<Op>::get(e);
            return make_add(
                adjoint_of_operand<W>(e.lhs, [&] { return make_mul(seed, parts.first); }),
                adjoint_of_operand<W>(e.rhs, [&] { return make_mul(seed, parts.second); }));
        } else if constexpr (std::is_same_v<Op, dot_op>) {
            return make_add(adjoint_of_operand<W>(e.lhs, [&] { return make_mul(seed, e.rhs); }),
                            adjoint_of_operand<W>(e.rhs, [&] { return make_mul(seed, e.lhs); }));
        } else if constexpr (std::is_same_v<Op, matvec_op>) {
            return make_add(
                adjoint_of_operand<W>(e.lhs, [&] { return make_outer(seed, e.rhs); }),
                adjoint_of_operand<W>(e.rhs, [&] { return make_transposed_matvec(e.lhs, seed); }));
        } else if constexpr (std::is_same_v<Op, transposed_matvec_op>) {
            return make_add(adjoint_of_operand<W>(e.lhs, [&] { return make_outer(e.rhs, seed); }),
                            adjoint_of_operand<W>(e.rhs, [&] { return make_matvec(e.lhs, seed); }));
        } else {
            static_assert(std::is_same_v<Op, outer_op>, "nabla::gradient: no adjoint rule for "
                                                        "this operation");
            return make_add(
                adjoint_of_operand<W>(e.lhs, [&] { return make_matvec(seed, e.rhs); }),
                adjoint_of_operand<W>(e.rhs, [&] { return make_transposed_matvec(seed, e.lhs); }));
        }
    }
}

//! \f$ \nabla_W f \f$ for a scalar \f$ f \f$: a scalar, vector or matrix expression shaped like
//! \f$ W \f$ (a scalar expression for a vector \f$ W \f$ means every element has that value).
template <class W, class F>
constexpr auto reverse_gradient(F const& f) {
    static_assert(is_scalar_v<F>, "nabla::gradient: the function must be scalar-valued");
    const auto g = adjoint<W>(f, one_t{});
    if constexpr (is_scalar_v<decltype(g)> && !is_scalar_v<W>) {
        return unary<fill_op<W>, std::remove_cvref_t<decltype(g)>>{g};
    } else {
        return g;
    }
}

} // namespace nabla::detail

#endif // NABLA_SYMBOLIC_DIFF_ADJOINT_HPP
