//! \file
//! \brief Inner nodes: an operation applied to one or two operand expressions.
#ifndef NABLA_SYMBOLIC_EXPR_NODE_HPP
#define NABLA_SYMBOLIC_EXPR_NODE_HPP

#include <nabla/config.hpp>
#include <nabla/symbolic/expr/shape.hpp>

namespace nabla {

//! \brief The operation \p Op applied to the expression \p A.
//!
//! Nodes hold their operands by value: an expression owns everything it refers to, so it can
//! be copied, returned and stored in a constexpr variable without anything dangling. Empty
//! operands (symbols, exact constants) take no storage.
template <class Op, class A>
struct unary {
    //! The operation.
    using op_type = Op;
    //! Shape of the result, given by the operation.
    using shape = typename Op::template result_shape<shape_of_t<A>>;
    //! The operand.
    NABLA_NO_UNIQUE_ADDRESS A arg;
};

//! \brief The operation \p Op applied to the expressions \p A and \p B.
template <class Op, class A, class B>
struct binary {
    //! The operation.
    using op_type = Op;
    //! Shape of the result, given by the operation.
    using shape = typename Op::template result_shape<shape_of_t<A>, shape_of_t<B>>;
    //! The left operand.
    NABLA_NO_UNIQUE_ADDRESS A lhs;
    //! The right operand.
    NABLA_NO_UNIQUE_ADDRESS B rhs;
};

} // namespace nabla

#endif // NABLA_SYMBOLIC_EXPR_NODE_HPP
