//! \file
//! \brief Declarations shared by the chain-rule driver and the per-family derivative rules.
#ifndef NABLA_SYMBOLIC_DIFF_FWD_HPP
#define NABLA_SYMBOLIC_DIFF_FWD_HPP

#include <nabla/symbolic/simplify/functions.hpp>
#include <nabla/symbolic/simplify/product.hpp>

namespace nabla {

//! \brief The derivative rule of the operation \p Op.
//!
//! A unary rule provides `outer(node)`: \f$ f'(u) \f$ as an expression in the operand \f$ u \f$
//! (reusing `node` itself where it can, as \f$ (e^u)' = e^u \f$ does, so the evaluation plan
//! shares it). A binary rule provides `apply<V>(node)`: the whole derivative with respect to
//! \p V. The driver applies the chain rule around unary rules. See docs/adding_an_operation.md.
template <class Op>
struct derivative_rule {
    static_assert(sizeof(Op) == 0, "nabla: this operation has no derivative rule; "
                                   "specialise nabla::derivative_rule for it "
                                   "(docs/adding_an_operation.md)");
};

namespace detail {
//! \f$ \partial e / \partial V \f$, simplified.
template <class V, class E>
constexpr auto diff(E const& e);
} // namespace detail

} // namespace nabla

#endif // NABLA_SYMBOLIC_DIFF_FWD_HPP
